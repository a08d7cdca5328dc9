"""Classroom in the reader (gui layer): the class view of an article, File → Class … and File → Export….

`install(window, annotator) -> ClassroomController` adds to a window (it offers `ClassroomWindow`):
- View → Class View (Ctrl+Shift+K): a dock (panels/class_view.py) with the class report of the open article
  (reader.core.class_report), and the students' highlights drawn over the text as a heat map — one highlight
  span per run of characters marked by the same number of students, amber to red as more of them marked it.
  Turning it off gives the reading view back its normal highlights;
- File → Class → Hand Out…, Open Class Package…, Hand In…, Merge Hand-ins… (in a worker thread with its own
  Library connection and progress in the status bar), Class Report… — thin dialogs over reader.core.classroom
  and reader.core.class_report; a refused package is shown as its one-line message;
- File → Export… (reader.gui.export_dialog): every export format with a preview.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, Qt, QThread, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMenuBar,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QStatusBar,
    QWidget,
)

from reader.core import identity
from reader.core.annotations import Annotations
from reader.core.errors import ReaderError
from reader.core.library import Library
from reader.core.pipeline.script import convert_text
from reader.core.tags import Tags
from reader.core.text import ArticleInfo
from reader.gui import file_dialogs, safe_text
from reader.gui.name_prompt import NameDialog, NamePrompt
from reader.gui.options import DisplayOptions
from reader.gui.panels.annotation_panel import tag_label
from reader.gui.panels.note_editor import MarkdownDialog
from reader.gui.plurals import plural
from reader.gui.reading_view import ReadingView
from reader.gui.signals import Change, SignalHub

# Start-up cost, so imported when first used (measured with -X importtime): the class view (QtCharts),
# the package code (reader.core.classroom, ~20 ms), the class report (with Markdown, ~30 ms), the exporters
# and the export dialog (with the PDF writer, ~10 ms). The menus are here from the start; the dock and its
# panel are built the first time the class view opens. The names below are for type hints only.
if TYPE_CHECKING:
    from reader.core import classroom
    from reader.core.class_report import ClassReport
    from reader.gui.panels.class_view import ClassView

DOCK_WIDTH = 420


class ClassroomWindow(Protocol):
    """What the classroom feature uses of its window (the main window is one)."""

    lib: Library
    view: ReadingView
    hub: SignalHub
    options: DisplayOptions
    article: ArticleInfo | None  # the open article
    progress: QProgressBar  # the status bar's progress (merging hand-ins)
    act_import: QAction  # File → Class goes in the menu that holds it

    def open_article(self, article_id: int, offset: int | None = None) -> None: ...
    def menuBar(self) -> QMenuBar: ...
    def statusBar(self) -> QStatusBar: ...
    def addAction(self, action: QAction) -> None: ...
    def addDockWidget(self, area: Qt.DockWidgetArea, dock: QDockWidget) -> None: ...
    def tabifyDockWidget(self, first: QDockWidget, second: QDockWidget) -> None: ...
    def resizeDocks(self, docks: list[QDockWidget], sizes: list[int], orientation: Qt.Orientation) -> None: ...


class AnnotationHooks(Protocol):
    """What the classroom feature uses of the annotation feature."""

    before_create: list[Callable[[int], bool]]  # asked (article id) before a highlight is made: the reader's name
    dock: QDockWidget  # the class view is tabbed with the annotations dock

    def refresh(self) -> None: ...  # the reader's own highlights again, after the heat map


def one_line(exc: BaseException) -> str:
    """What a user sees of an error: its message, on one line (never a traceback)."""
    text = str(exc) if isinstance(exc, ReaderError) else f"{type(exc).__name__}: {exc}"
    return " ".join(text.split()) or type(exc).__name__


class MergeWorker(QThread):
    """Merge hand-ins through a Library connection of its own; each file succeeds or fails on its own."""

    progress = Signal(int, int)  # done, total
    done = Signal(object)  # list[MergeResult]

    def __init__(self, db_path: Path, files: list[Path], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.files = files

    def run(self) -> None:
        from reader.core import classroom

        results: list[classroom.MergeResult] = []
        try:
            with Library.open(self.db_path) as lib:
                for n, path in enumerate(self.files, 1):
                    results.append(_merge_one(lib, path))
                    self.progress.emit(n, len(self.files))
        except Exception as exc:  # noqa: BLE001 - shown as one line
            done = {r.path for r in results}
            results += [classroom.MergeResult(p, error=one_line(exc)) for p in self.files if p not in done]
        self.done.emit(results)


def _merge_one(lib, path: Path) -> classroom.MergeResult:  # noqa: ANN001 - Library
    from reader.core import classroom

    try:
        return classroom.merge_handin(lib, path)
    except Exception as exc:  # noqa: BLE001 - a bad package is reported, the others go on
        return classroom.MergeResult(path, error=one_line(exc))


class HandoutDialog(QDialog):
    """Which articles, which tagset, what instructions: the contents of a hand-out."""

    def __init__(self, lib, current: int | None, parent: QWidget | None = None) -> None:  # noqa: ANN001 - Library
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hand Out"))
        form = QFormLayout(self)
        self.articles = QListWidget(self)
        for info in lib.list_articles():
            item = QListWidgetItem(info.title)
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if info.id == current else Qt.CheckState.Unchecked)
            self.articles.addItem(item)
        form.addRow(self.tr("Articles:"), self.articles)
        self.tagset = QComboBox(self)
        for ts in Tags(lib).tagsets():
            self.tagset.addItem(ts.name, ts.name)
        self.tagset.setCurrentIndex(max(0, self.tagset.findData("Stance")))
        form.addRow(self.tr("Tagset the class uses:"), self.tagset)
        self.instructions = QPlainTextEdit(self)
        self.instructions.setPlaceholderText(self.tr("Instructions for the students (Markdown, optional)"))
        form.addRow(self.tr("Instructions:"), self.instructions)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save Hand-out…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, 460)

    def article_ids(self) -> list[int]:
        return [int(self.articles.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.articles.count())
                if self.articles.item(i).checkState() == Qt.CheckState.Checked]


class ClassroomController(QObject):
    """The class view and the classroom and export menus of one main window."""

    def __init__(self, window: ClassroomWindow, annotator: AnnotationHooks) -> None:
        super().__init__(window)  # type: ignore[arg-type] - the window is a QWidget
        self.window = window
        self.lib = window.lib
        self.view = window.view
        self.hub = window.hub
        self.annotator = annotator
        self.active = False
        self.article_id: int | None = None
        self.report: ClassReport | None = None
        self.heat_spans: list[tuple[int, int, int]] = []
        self._worker: MergeWorker | None = None
        self.last_merge: list[classroom.MergeResult] = []
        self.name_dialog: NameDialog | None = None  # the hand-in's name dialog while open
        self.name_prompt = NamePrompt(self.lib, window)
        annotator.before_create.append(self.name_prompt)

        self._panel: ClassView | None = None
        self._dock: QDockWidget | None = None
        self._build_actions()
        self.hub.articleChanged.connect(lambda _aid: self.refresh())
        self.hub.annotationsChanged.connect(self._annotations_changed)
        self.hub.settingsChanged.connect(lambda key, _initiator: self.refresh() if key == "display" else None)

    # ---- the dock, built when first needed --------------------------------------------------------
    @property
    def panel(self) -> ClassView:
        if self._panel is None:
            self._build_dock()
        return self._panel

    @property
    def dock(self) -> QDockWidget:
        if self._dock is None:
            self._build_dock()
        return self._dock

    def _build_dock(self) -> None:
        from reader.gui.panels.class_view import ClassView

        window = self.window
        self._panel = panel = ClassView()
        self._dock = dock = QDockWidget(self.tr("Class View"), window)
        dock.setObjectName("classDock")
        dock.setWidget(panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        other = self.annotator.dock
        if isinstance(other, QDockWidget):
            window.tabifyDockWidget(other, dock)
        dock.hide()
        dock.installEventFilter(self)
        panel.filtersChanged.connect(self.refresh)
        panel.paragraphActivated.connect(self.show_paragraph)
        panel.passageActivated.connect(self.show_passage)

    # ---- menus ----------------------------------------------------------------------------------
    def _menu_holding(self, action: QAction | None) -> QMenu | None:
        for act in self.window.menuBar().actions():
            menu = act.menu()
            if menu is not None and action is not None and action in menu.actions():
                return menu
        return None

    def _action(self, text: str, slot, shortcut: str | None = None, *, checkable: bool = False) -> QAction:  # noqa: ANN001
        act = QAction(text, self.window)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        act.setCheckable(checkable)
        if checkable:
            act.triggered.connect(slot)
        else:
            act.triggered.connect(lambda _=False: slot())
        self.window.addAction(act)
        return act

    def _build_actions(self) -> None:
        w = self.window
        self.act_class_view = self._action(self.tr("&Class View"), self.set_active, "Ctrl+Shift+K", checkable=True)
        view_menu = self._menu_holding(getattr(w, "act_pinyin", None))
        if view_menu is not None:
            view_menu.addSeparator()
            view_menu.addAction(self.act_class_view)
        self.act_export = self._action(self.tr("&Export…"), self.export_dialog, "Ctrl+E")
        self.act_handout = self._action(self.tr("Hand &Out…"), self.handout)
        self.act_open = self._action(self.tr("&Open Class Package…"), self.open_package)
        self.act_handin = self._action(self.tr("Hand &In…"), self.handin)
        self.act_merge = self._action(self.tr("&Merge Hand-ins…"), self.merge_dialog)
        self.act_report = self._action(self.tr("Class &Report…"), self.report_dialog)
        self.class_menu = QMenu(self.tr("C&lass"), w)
        for act in (self.act_handout, self.act_open, self.act_handin):
            self.class_menu.addAction(act)
        self.class_menu.addSeparator()
        self.class_menu.addAction(self.act_merge)
        self.class_menu.addAction(self.act_report)
        file_menu = self._menu_holding(w.act_import)
        if file_menu is None:
            return
        actions = file_menu.actions()
        quit_at = next((k for k, a in enumerate(actions) if a.menuRole() == QAction.MenuRole.QuitRole), len(actions))
        if quit_at > 0 and actions[quit_at - 1].isSeparator():
            quit_at -= 1
        before = actions[quit_at] if quit_at < len(actions) else None
        file_menu.insertSeparator(before) if before is not None else file_menu.addSeparator()
        file_menu.insertAction(before, self.act_export)
        file_menu.insertMenu(before, self.class_menu)

    # ---- the class view -------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is self._dock and event.type() == QEvent.Type.Close and self.active:
            self.set_active(False)
        return False

    def set_active(self, on: bool) -> None:
        """Show or leave the class view (heat map over the text, the report in its dock)."""
        on = bool(on)
        self.act_class_view.setChecked(on)
        if on == self.active:
            if on:
                self.dock.show()
                self.dock.raise_()
            return
        self.active = on
        if on:
            self.article_id = None  # a fresh start: every student chosen again
            self.panel.students = []
            self.dock.show()
            self.dock.raise_()
            if self.dock.width() < DOCK_WIDTH:
                self.window.resizeDocks([self.dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
            self.refresh()
        else:
            self.dock.hide()
            self.heat_spans = []
            self.annotator.refresh()

    def students_of(self, article_id: int) -> list[str]:
        """The class of an article: students whose hand-ins were merged, else the authors of its highlights."""
        from reader.core import classroom

        names = [str(h["student"]) for h in classroom.handins(self.lib, article_id)]
        if names:
            return names
        anns = Annotations(self.lib).list_for_article(article_id, kind="highlight")
        return sorted({a.author for a in anns if not a.orphaned})

    def _script(self) -> str:
        script = self.window.options.script
        info = self.window.article
        if script == "original" and info is not None and info.script == "traditional":
            return "traditional"
        return script

    def refresh(self) -> None:
        """Build the report for the open article and the panel's filters; show it and the heat map."""
        info = self.window.article
        if not self.active or info is None:
            return
        from reader.core.class_report import build_report

        if info.id != self.article_id:
            self.panel.students = []
            self.article_id = info.id
        try:
            names = self.students_of(info.id)
        except ReaderError:
            names = []
        self.panel.set_students(names)
        script = self._script()
        tags = Tags(self.lib).all()
        labels = {t.qualified: (tag_label(t, script), t.color) for t in tags}
        self.panel.set_tag_choices([(f"{t.tagset} / {tag_label(t, script)}", t.qualified) for t in tags])
        chosen = self.panel.checked_students()
        report: ClassReport | None = None
        if chosen or not names:
            try:
                report = build_report(self.lib, info.id, students=None if len(chosen) == len(names) else chosen,
                                      tag=self.panel.tag_filter(), at=self.panel.at())
            except ReaderError as exc:
                self.window.statusBar().showMessage(one_line(exc), 8000)
        self.report = report
        texts = {p.index: p.text for p in self.view.paragraphs}
        shown = self.window.options.script

        def convert(text: str) -> str:
            return text if shown == "original" else convert_text(text, shown)

        self.panel.set_report(report, tag_labels=labels, paragraph_texts=texts, convert=convert,
                              dark=self.view.is_dark())
        self._show_heat()

    def _show_heat(self) -> None:
        from reader.gui.panels.class_view import heat_colour, heat_runs

        report = self.report
        total = len(report.students) if report is not None else 0
        self.heat_spans = heat_runs(report.heat) if report is not None else []
        self.view.set_highlights([(s, e, heat_colour(n, total), ("heat", n)) for s, e, n in self.heat_spans])

    def _annotations_changed(self, article_id: int, _change: Change) -> None:
        # every change, this feature's merges too: the heat map is drawn again from what is stored
        if self.active and self.window.article is not None and article_id == self.window.article.id:
            self.refresh()

    def _scroll_to(self, offset: int, margin: float | None = None) -> None:
        # Scrolling lays out the paragraphs that come into view, which can move the target (their heights were
        # estimated); the second call lands on the laid-out position.
        for _ in range(2):
            self.view.scroll_to_offset(offset, margin=margin)

    def show_paragraph(self, index: int) -> None:
        pars = self.view.paragraphs
        if 0 <= index < len(pars):
            self._scroll_to(pars[index].start)

    def show_passage(self, start: int, end: int) -> None:
        self._scroll_to(start, self.view.viewport().height() / 3)
        self.view.set_selection(start, end, emit=False)

    # ---- File → Class ---------------------------------------------------------------------------
    def _error(self, title: str, exc: BaseException | str) -> None:
        safe_text.warning(self.window, title, exc if isinstance(exc, str) else one_line(exc))

    def _save_name(self, title: str, name: str, filters: str) -> tuple[str, str]:
        return file_dialogs.save_file_name(self.window, title, name, filters)

    def _package_filter(self) -> str:
        return self.tr("Class packages (*.readerclass);;All files (*)")

    def handout(self) -> None:
        from reader.core import classroom

        current = self.window.article.id if self.window.article else None
        dialog = HandoutDialog(self.lib, current, self.window)
        try:
            if not dialog.exec():
                return
            ids, tagset = dialog.article_ids(), str(dialog.tagset.currentData() or "Stance")
            instructions = dialog.instructions.toPlainText()
        finally:
            dialog.deleteLater()
        if not ids:
            self._error(self.tr("Cannot hand out"), self.tr("Choose at least one article."))
            return
        path, _ = self._save_name(self.tr("Save hand-out"), "handout" + classroom.SUFFIX, self._package_filter())
        if not path:
            return
        try:
            classroom.make_handout(self.lib, ids, Path(path), tagset=tagset, instructions=instructions or None)
        except (ReaderError, OSError) as exc:
            self._error(self.tr("Cannot hand out"), exc)
            return
        self.window.statusBar().showMessage(self.tr("Wrote %1").replace("%1", path), 6000)

    def open_package(self, path: str | None = None) -> None:
        from reader.core import classroom

        if path is None:
            path = file_dialogs.open_file_name(self.window, self.tr("Open class package"), self._package_filter())
        if not path:
            return
        try:
            result = classroom.open_handout(self.lib, Path(path))
        except (ReaderError, OSError) as exc:
            self._error(self.tr("Cannot open %1").replace("%1", Path(path).name), exc)
            return
        self.hub.articles_changed(initiator=self)
        for aid in sorted(result.changed.articles):
            self.hub.annotations_changed(aid, initiator=self)
        if result.articles:
            self.window.open_article(result.articles[0].id)
        if result.instructions:
            title = self.tr("Instructions from %1").replace("%1", result.teacher) if result.teacher \
                else self.tr("Instructions")
            box = MarkdownDialog(title, result.instructions, self.window)  # rendered; loads nothing
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    def handin(self) -> None:
        info = self.window.article
        if info is None:
            self._error(self.tr("Cannot hand in"), self.tr("Open the article you want to hand in first."))
            return
        ask = NameDialog(self.tr("Hand in"), self.tr("Your name as your teacher knows it:"),
                         identity.name_set(self.lib) or "", self.window)
        self.name_dialog = ask
        try:
            if ask.exec() != QDialog.DialogCode.Accepted or ask.name is None:
                return
        finally:
            self.name_dialog = None
            ask.deleteLater()
        name = ask.name
        from reader.core import classroom

        suggested = "".join(ch if ch.isalnum() else "-" for ch in name).strip("-") or "handin"
        path, _ = self._save_name(self.tr("Save hand-in"), suggested + classroom.SUFFIX, self._package_filter())
        if not path:
            return
        try:
            _, count = classroom.make_handin(self.lib, [info.id], Path(path), author=name)
        except (ReaderError, OSError) as exc:
            self._error(self.tr("Cannot hand in"), exc)
            return
        self.window.statusBar().showMessage(
            plural(count, self.tr("Wrote %1 (1 annotation)"), self.tr("Wrote %1 (%n annotations)")).replace("%1", path), 6000)

    def merge_dialog(self) -> None:
        files = file_dialogs.open_file_names(self.window, self.tr("Merge hand-ins"), self._package_filter())
        if files:
            self.merge([Path(f) for f in files])

    def merge(self, files: list[Path]) -> None:
        """Merge hand-ins: in a worker thread (its own connection) unless the library lives in memory."""
        if self._worker is not None:
            self._error(self.tr("Merge hand-ins"), self.tr("A merge is already running."))
            return
        if self.lib.path is None:
            self._merged([_merge_one(self.lib, f) for f in files])
            return
        worker = MergeWorker(Path(self.lib.path), list(files), self)
        worker.progress.connect(self._merge_progress)
        worker.done.connect(self._merged)
        worker.finished.connect(worker.deleteLater)
        self._worker = worker
        self._merge_progress(0, len(files))
        self.window.statusBar().showMessage(self.tr("Merging hand-ins…"))
        worker.start()

    def _merge_progress(self, done: int, total: int) -> None:
        bar = self.window.progress
        bar.setRange(0, max(1, total))
        bar.setValue(done)
        bar.setVisible(done < total)

    def _merged(self, results: list[classroom.MergeResult]) -> None:
        self._worker = None
        self.last_merge = results
        self.window.progress.hide()
        good = [r for r in results if r.error is None and r.skipped is None]
        bad = [r for r in results if r.error is not None]
        self.window.statusBar().showMessage(
            self.tr("Merged %1 of %2 hand-ins").replace("%1", str(len(good))).replace("%2", str(len(results))), 8000)
        not_merged = self.tr("not merged")
        notes = [f"{r.student}: {not_merged}: {r.skipped}" for r in results if r.skipped]
        notes += [f"{r.student}: {line}" for r in results for line in r.warnings]
        if notes and not bad:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Merged, with warnings"), "\n".join(notes),
                              QMessageBox.StandardButton.Ok, self.window)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.open()
        articles = sorted({a for r in good for a in r.articles})
        if articles:
            self.hub.articles_changed(initiator=self)
            for aid in articles:
                self.hub.annotations_changed(aid, initiator=self)
            current = self.window.article.id if self.window.article else None
            if current not in articles:
                self.window.open_article(articles[0])
            self.set_active(True)
        if bad:
            self._error(self.tr("Some hand-ins were not merged") if good else self.tr("No hand-in was merged"),
                        "\n".join([str(r.error) for r in bad] + notes))

    def report_dialog(self) -> None:
        info = self.window.article
        if info is None:
            self._error(self.tr("Class report"), self.tr("Open an article first."))
            return
        filters = ";;".join([self.tr("Markdown (*.md)"), self.tr("HTML (*.html)"),
                             self.tr("CSV: the reliability data (*.csv)"), self.tr("JSON (*.json)")])
        path, chosen = self._save_name(self.tr("Save class report"), f"class-report-{info.id}.md", filters)
        if not path:
            return
        from reader.core.class_report import REPORT_FORMATS, build_report, render
        from reader.core.export import write_atomic

        suffix = Path(path).suffix.lstrip(".").lower()
        fmt = {"markdown": "md", "htm": "html"}.get(suffix, suffix)
        if fmt not in REPORT_FORMATS:
            fmt = next((f for f in REPORT_FORMATS if f"*.{f}" in chosen), "md")
            path = f"{path}.{fmt}"
        try:
            if self.active and self.report is not None:
                report = self.report
            else:
                report = build_report(self.lib, info.id)
            write_atomic(Path(path), render(report, fmt))
        except (ReaderError, OSError) as exc:
            self._error(self.tr("Cannot write the class report"), exc)
            return
        self.window.statusBar().showMessage(self.tr("Wrote %1").replace("%1", path), 6000)

    # ---- File → Export… -------------------------------------------------------------------------
    def export_dialog(self) -> None:
        from reader.gui.export_dialog import ExportDialog

        dialog = ExportDialog(self.lib, self.window.article.id if self.window.article else None,
                              self.window.options, self.window)
        dialog.exec()
        dialog.deleteLater()


def install(window: ClassroomWindow, annotator: AnnotationHooks) -> ClassroomController:
    """Add the class view, File → Class and File → Export… to a window; returns the controller."""
    return ClassroomController(window, annotator)
