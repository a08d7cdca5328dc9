"""Text from files is shown literally everywhere and loads nothing: notes, titles, names, tags, dialogs."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLabel, QMenu, QTextEdit, QWidget

from reader.gui.safe_text import InertDocument


def secret_image(tmp_path: Path) -> Path:
    path = tmp_path / "secret.png"
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(path))
    return path


def red_pixels(doc: QTextDocument) -> int:
    from PySide6.QtGui import QPainter

    doc.setTextWidth(300)
    canvas = QImage(320, 200, QImage.Format.Format_RGB32)
    canvas.fill(QColor("white"))
    painter = QPainter(canvas)
    doc.drawContents(painter)
    painter.end()
    return sum(1 for x in range(0, 320, 4) for y in range(0, 200, 4) if canvas.pixelColor(x, y).red() > 200
               and canvas.pixelColor(x, y).green() < 60)


def test_note_preview_does_not_load_local_images(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from reader.gui.panels.note_editor import NotePreview

    secret = secret_image(tmp_path)
    preview = NotePreview()
    qtbot.addWidget(preview)
    preview.setHtml(f'<p>note</p><img src="{secret.as_uri()}"><img src="{secret}">')
    assert red_pixels(preview.document()) == 0


def test_pdf_note_document_does_not_load_local_images(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    from reader.gui.export_pdf import _SafeDocument

    secret = secret_image(tmp_path)
    doc = _SafeDocument()
    doc.setHtml(f'<p>note</p><img src="{secret}">')
    assert red_pixels(doc) == 0


def test_an_ordinary_document_would_load_it(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    secret = secret_image(tmp_path)
    doc = QTextDocument()
    doc.setHtml(f'<p>note</p><img src="{secret}">')
    assert red_pixels(doc) > 0  # the check above is meaningful: Qt does read local files by default


# ---- hostile text from files, shown everywhere ---------------------------------------------------------
WATCHER = """
import os, sys, time
path, log = sys.argv[1], sys.argv[2]
while True:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)  # succeeds only while someone has it open to read
    except OSError:
        time.sleep(0.02)
        continue
    with open(log, "a") as f:
        f.write("opened\\n")
    os.close(fd)  # the reader gets end-of-file instead of hanging
    time.sleep(0.02)
"""


class FifoWatch:
    """Notices anyone opening a FIFO to read it (a resource load) and lets them go instead of hanging.

    A separate process: a thread of this one could not run while Qt blocks in open() holding the GIL."""

    def __init__(self, path: Path) -> None:
        import subprocess
        import sys

        os.mkfifo(path)
        self.path, self.log = path, path.with_suffix(".log")
        self.log.touch()
        self._proc = subprocess.Popen([sys.executable, "-c", WATCHER, str(path), str(self.log)])

    @property
    def opened(self) -> int:
        return self.log.read_text().count("opened")

    def stop(self) -> None:
        self._proc.kill()
        self._proc.wait(5)


@pytest.fixture
def fifo(tmp_path: Path):  # noqa: ANN201
    watch = FifoWatch(tmp_path / "pipe")
    yield watch
    watch.stop()


def hostile(fifo_path: Path) -> str:
    return (f'<img src=/dev/zero><img src="file:///etc/passwd"><img src="{fifo_path}"> <b>bold</b> '
            '<a href=javascript:alert(1)>link</a> http://example.invalid/track.png')


def rendered(text: str, fmt: Qt.TextFormat) -> tuple[str, list[str]]:
    """What a widget shows for `text` in `fmt` (Qt's guess for AutoText), and the resources it would load."""
    if fmt == Qt.TextFormat.PlainText or (fmt == Qt.TextFormat.AutoText and not QtGui.Qt.mightBeRichText(text)):
        return text, []
    doc = InertDocument()
    if fmt == Qt.TextFormat.MarkdownText:
        doc.setMarkdown(text)
    else:
        doc.setHtml(text)
    return doc.toPlainText(), list(doc.requested)


def item_texts(model, where: str, parent: QModelIndex | None = None, depth: int = 0) -> list[tuple[str, str, Qt.TextFormat]]:  # noqa: ANN001
    """Display (plain) and tooltip (Qt guesses) texts of an item model's rows, children included."""
    parent = parent or QModelIndex()
    out: list[tuple[str, str, Qt.TextFormat]] = []
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a list model keeps columnCount private: one column
        columns = 1
    for row in range(min(model.rowCount(parent), 300)):
        for col in range(columns):
            index = model.index(row, col, parent)
            for role, fmt in ((Qt.ItemDataRole.DisplayRole, Qt.TextFormat.PlainText),
                              (Qt.ItemDataRole.ToolTipRole, Qt.TextFormat.AutoText)):
                value = model.data(index, role)
                if isinstance(value, str) and value:
                    out.append((f"{where} row {row} {role.name}", value, fmt))
            if col == 0 and depth < 3:
                out += item_texts(model, where, index, depth + 1)
    return out


def shown_texts(root: QWidget) -> list[tuple[str, str, Qt.TextFormat]]:
    """(where, text, format) of every text a widget tree shows: labels, buttons, tooltips, item views,
    text views, menus, window titles."""
    auto, plain_fmt = Qt.TextFormat.AutoText, Qt.TextFormat.PlainText
    out: list[tuple[str, str, Qt.TextFormat]] = [(f"{type(root).__name__} title", root.windowTitle(), plain_fmt)]
    for w in [root, *root.findChildren(QWidget)]:
        where = f"{type(w).__name__}#{w.objectName()}"
        if w.toolTip():
            out.append((where + " tooltip", w.toolTip(), auto))
        if isinstance(w, QLabel):
            out.append((where, w.text(), w.textFormat()))
        elif isinstance(w, QAbstractButton):
            out.append((where, w.text(), plain_fmt))
        elif isinstance(w, QTextEdit):
            out.append((where, w.toPlainText(), plain_fmt))
        elif isinstance(w, QComboBox):
            out += [(where, w.itemText(i), plain_fmt) for i in range(w.count())]
        elif isinstance(w, QMenu):
            for act in w.actions():
                out.append((where, act.text(), plain_fmt))
                if w.toolTipsVisible():  # a menu shows its actions' tooltips only when asked to
                    out.append((where + " tooltip", act.toolTip(), auto))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            out += item_texts(w.model(), where)
    return out


def check_tree(root: QWidget, marker: str) -> list[str]:
    """Every text of the tree loads nothing; returns where `marker` is shown literally (failing where it is
    shown interpreted: a rich string holding its start but not the literal)."""
    showing = []
    for where, text, fmt in shown_texts(root):
        shown, requested = rendered(text, fmt)
        assert requested == [], f"{where} would load {requested} from {text!r}"
        if marker in shown:
            showing.append(where)
        elif marker[:12] in text:
            raise AssertionError(f"{where} interprets outside text: {text!r} shows as {shown!r}")
    return showing


def test_a_plain_qlabel_would_read_the_fifo(qtbot, fifo) -> None:  # noqa: ANN001
    label = QLabel(f'<img src="{fifo.path}">')  # Qt's guess: rich text, and rich text loads images
    qtbot.addWidget(label)
    label.show()
    label.adjustSize()
    qtbot.waitUntil(lambda: fifo.opened > 0, timeout=3000)  # the check below is meaningful
    assert QtGui.Qt.mightBeRichText(hostile(fifo.path))


def test_hostile_text_from_files_is_shown_literally_and_loads_nothing(window, qtbot, tmp_path, fifo, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMessageBox, QToolTip

    from reader.core import vocabulary
    from reader.core.annotations import Annotations
    from reader.core.tags import Tags
    from reader.gui.export_dialog import ExportDialog
    from reader.gui.panels.note_editor import MarkdownDialog
    from reader.gui.shortcuts import ShortcutsDialog
    from reader.gui.tag_manager import TagManagerDialog

    evil = hostile(fifo.path)
    lib = window.lib
    text_file = tmp_path / "evil.txt"
    text_file.write_text(f"聯合國安理會今天開會。{evil}\n\n第二段。", encoding="utf-8")
    result = lib.import_file(text_file, title=evil, title_en=evil)
    aid = result.article_id
    tag_evil = '<img src="secret.png"><b>Bold <a href=javascript:alert(1)>x'  # no "/" in tag names
    tag = Tags(lib).add("Hostile", tag_evil, name_zh=tag_evil).tag
    lib.set_translation(aid, ["one", "two"], translator=evil)
    lib.set_reader_name(f'<img src="{fifo.path}"><b>x'[:100])  # a name is one line of at most 100 characters
    note = f"{evil}\n\n![x](/dev/zero) ![y]({fifo.path}) ![z](file:///etc/passwd) [link](javascript:alert(1))"
    ann = Annotations(lib).create(aid, 0, 6, tags=[tag.id], note=note).annotation
    vocabulary.add(lib, "聯合國", article_id=aid, start=0, end=3)
    shown_messages: list[tuple[str, Qt.TextFormat]] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown_messages.append((box.text(), box.textFormat())) or 0)
    tips: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", staticmethod(lambda _pos, text, *a, **k: tips.append(text)))

    bar, status = window.statusBar(), []
    show_message = bar.showMessage
    monkeypatch.setattr(bar, "showMessage", lambda text, *a: (status.append(text), show_message(text, *a)))
    window._imported(result)  # the status bar names the article (QStatusBar draws its message as plain text)
    window.set_option(translations=True)  # the caption names the translator
    window.annotator.reload_tags()
    window.annotator.select(ann.id)
    window.view.set_selection(0, 6)
    window.annotator.pointer.fill_toolbar()  # the selection toolbar's tag buttons
    window.bilingual.show_at(0)
    window.vocabulary_panel.show()
    window.bilingual.vocabularyChanged.emit()
    monkeypatch.setattr(window.view.viewport(), "underMouse", lambda: True)
    qtbot.mouseMove(window.view.viewport(), window.view.glyph_rect(1).center().toPoint())
    qtbot.waitUntil(lambda: bool(tips), timeout=3000)  # the tooltip over a highlight: its tags and note
    window.error("Cannot import", f"{evil}: not a text file")
    qtbot.wait(50)

    showing = check_tree(window, evil)
    assert window.windowTitle().startswith(evil)
    sidebar_tip = next(window.sidebar.item(i).toolTip() for i in range(window.sidebar.count())
                       if window.sidebar.item(i).data(Qt.ItemDataRole.UserRole) == aid)
    assert rendered(sidebar_tip, Qt.TextFormat.AutoText)[0].startswith(evil), "sidebar tooltip: the literal title"
    assert any("LibrarySidebar" in w for w in showing), "sidebar titles"
    assert any("AnnotationPanel" in w or "QListView" in w or "ToolTipRole" in w for w in showing), "annotation rows"
    tag_showing = check_tree(window, tag_evil)
    assert any(w.startswith("QToolButton") and "tooltip" in w for w in tag_showing), "tag buttons"
    assert any(evil in m for m in status)
    tip_shown, requested = rendered(tips[-1], Qt.TextFormat.AutoText)
    assert requested == [] and evil[:60] in tip_shown and tag_evil in tip_shown, "the hover tooltip"
    preview = window.annotator.note_editor.preview
    assert preview.requested == [] and evil in preview.toPlainText()
    assert "[x]" in preview.toPlainText() and "[y]" in preview.toPlainText(), "images shown as their alt text"
    assert shown_messages == [(f"{evil}: not a text file", Qt.TextFormat.PlainText)]
    caption = window.translation.caption
    assert caption.textFormat() == Qt.TextFormat.PlainText and evil in caption.text()
    assert any("QTableView" in w for w in showing), f"the vocabulary list's article column: {showing}"

    # the context menu's tag entries, the tag manager, the export dialog, the shortcuts list, instructions
    menu = window.view.build_context_menu(1)
    texts = [a.text() for a in menu.findChildren(QAction)]
    assert any(tag_evil in t for t in texts)
    check_tree(menu, evil)
    check_tree(menu, tag_evil)
    manager = TagManagerDialog(window.annotator, window)
    qtbot.addWidget(manager)
    assert check_tree(manager, tag_evil), "the tag manager lists the tag"
    export = ExportDialog(lib, aid, parent=window)
    qtbot.addWidget(export)
    assert check_tree(export, evil), "the export dialog names the article"
    assert isinstance(export.browser.document(), QTextDocument) and export.browser.document() is export.browser.inert
    # the Markdown preview asks for the note's images; the inert document answers with blanks, reading nothing
    shortcuts = ShortcutsDialog(window)
    qtbot.addWidget(shortcuts)
    check_tree(shortcuts, evil)
    instructions = MarkdownDialog(evil, note, window)
    qtbot.addWidget(instructions)
    instructions.show()
    qtbot.wait(50)
    assert instructions.view.requested == [] and evil in instructions.view.toPlainText()
    assert fifo.opened == 0, "nothing opened the FIFO"


def test_class_view_shows_student_names_literally(qtbot, seeded_db, tmp_path, fifo) -> None:  # noqa: ANN001
    from make_class_demo import STUDENTS, build_class

    from reader.core.library import Library
    from reader.core.tags import Tags
    from reader.gui.main_window import MainWindow

    evil = hostile(fifo.path)
    tag_evil = '<img src="secret.png"><b>Agree'  # a tag from a hand-out: no "/" in tag names
    with Library.open(seeded_db) as lib:
        Tags(lib).rename("Agree", name=tag_evil)
    build_class(seeded_db, tmp_path / "class")
    with Library.open(seeded_db) as lib:
        with lib.transaction():
            lib.conn.execute("UPDATE annotations SET author = ? WHERE author = ?", (evil, STUDENTS[0]))
    lib = Library.open(seeded_db)
    win = MainWindow(lib)
    qtbot.addWidget(win)
    try:
        win.resize(1300, 820)
        win.show()
        win.open_article(1, offset=0)
        win.classroom.set_active(True)
        qtbot.wait(100)
        showing = check_tree(win, evil)
        assert showing, "the class view names the student"
        legends = [bar.label() for bar in win.classroom.panel.bar_sets.values()]
        assert legends and all(rendered(label, Qt.TextFormat.RichText)[1] == [] for label in legends)
        assert tag_evil in [rendered(label, Qt.TextFormat.RichText)[0] for label in legends], "chart legend as typed"
        assert fifo.opened == 0
    finally:
        win.close()
        lib.close()


def test_outside_text_reaches_tooltips_and_message_boxes_only_through_safe_text() -> None:
    """A structural guard: no message box or tooltip in the interface is given unescaped text."""
    root = Path(__file__).resolve().parents[2] / "reader" / "gui"
    static_box = re.compile(r"QMessageBox\.(warning|critical|information|question)\(")
    tooltip = re.compile(r"setToolTip\((?!\s*(?:self\.tr\(|(?:safe_text\.)?tip\(|QCoreApplication\.translate\())")
    # the read-aloud menu: its own tr() texts, or why no voice is available (also its own words)
    allowed = {"speech.py: act.setToolTip(tip if self.available or unknown else self.reason)"}
    offenders = []
    for path in root.rglob("*.py"):
        if path.name == "safe_text.py":
            continue
        source = path.read_text(encoding="utf-8")
        for found in (*static_box.finditer(source), *tooltip.finditer(source)):
            n = source.count("\n", 0, found.start()) + 1
            line = source.splitlines()[n - 1].strip()
            if f"{path.relative_to(root)}: {line}" not in allowed:
                offenders.append(f"{path.relative_to(root)}:{n}: {line}")
    assert offenders == []
