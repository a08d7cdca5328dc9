"""The note editor: Markdown preview with HTML shown as text, nothing loaded from outside, links only after asking."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import QMessageBox

from reader.core.annotations import Annotations
from reader.gui import safe_text
from reader.gui.panels.note_editor import NoteEditor, NotePreview, render_markdown


def test_markdown_renders_and_raw_html_is_shown_as_text() -> None:
    out = render_markdown("**bold** and *it*\n\n- a\n- b\n\n<script>alert(1)</script>\n\n<img src=x onerror=y>")
    assert "<strong>bold</strong>" in out and "<li>a</li>" in out
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;b&gt;" in render_markdown("`<b>` in code")


def test_a_script_note_renders_as_text_in_the_preview(qtbot) -> None:  # noqa: ANN001
    editor = NoteEditor()
    qtbot.addWidget(editor)
    editor.set_annotation(1, "<script>alert('x')</script> **bold**", "quote")
    shown = editor.preview.toPlainText()
    assert "<script>alert('x')</script>" in shown and "bold" in shown and "**" not in shown


def test_the_preview_loads_nothing_from_outside(qtbot) -> None:  # noqa: ANN001
    preview = NotePreview()
    qtbot.addWidget(preview)
    kind = int(QTextDocument.ResourceType.ImageResource.value)
    # Outside resources get a blank 1×1 stand-in (returning nothing would let Qt read local files itself).
    for url in ("https://example.org/tracker.png", "file:///etc/passwd"):
        stand_in = preview.loadResource(kind, QUrl(url))
        assert stand_in.width() == 1 and stand_in.height() == 1 and stand_in.pixelColor(0, 0).alpha() == 0
    pixel = ("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
    loaded = preview.loadResource(kind, QUrl(pixel))
    assert loaded is not None and not hasattr(loaded, "pixelColor")  # the pasted image's own bytes
    assert not preview.openLinks()


def test_a_link_opens_only_after_the_reader_agrees(qtbot, monkeypatch) -> None:  # noqa: ANN001
    opened: list[str] = []
    asked: list[str] = []
    answer = {"button": QMessageBox.StandardButton.Cancel}

    def question(_parent, _title, text, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        asked.append(text)
        return answer["button"]

    monkeypatch.setattr(safe_text, "question", question)
    monkeypatch.setattr(safe_text, "information", lambda *a, **k: asked.append("refused"))
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()) or True))
    editor = NoteEditor()
    qtbot.addWidget(editor)
    editor.set_annotation(1, "[source](https://example.org/a)", "quote")
    editor.preview.anchorClicked.emit(QUrl("https://example.org/a"))
    assert asked and "https://example.org/a" in asked[0]
    assert opened == [], "cancelled: nothing opened"
    answer["button"] = QMessageBox.StandardButton.Open
    editor.preview.anchorClicked.emit(QUrl("https://example.org/a"))
    assert opened == ["https://example.org/a"]
    editor.preview.anchorClicked.emit(QUrl("javascript:alert(1)"))
    assert asked[-1] == "refused" and len(opened) == 1


def test_typing_saves_after_a_pause_and_a_burst_is_one_undo_step(window, qtbot, monkeypatch) -> None:  # noqa: ANN001
    from reader.gui import annotate

    c = window.annotator
    window.open_article(1, offset=0)
    ann = Annotations(window.lib).create(1, 10, 20, tags=["Claim"]).annotation
    window.hub.annotations_changed(1)
    c.select(ann.id)
    c.note_editor.edit.setFocus()
    qtbot.keyClicks(c.note_editor.edit, "First")
    assert Annotations(window.lib).get(ann.id).note == "", "not saved on every key"
    qtbot.waitUntil(lambda: Annotations(window.lib).get(ann.id).note == "First", timeout=3000)
    qtbot.keyClicks(c.note_editor.edit, " thought")
    qtbot.waitUntil(lambda: Annotations(window.lib).get(ann.id).note == "First thought", timeout=3000)
    assert c.stack.count() == 1, "one step for the burst"
    monkeypatch.setattr(annotate, "BURST_GAP_S", 0.0)  # a long pause: the next edit is a step of its own
    qtbot.keyClicks(c.note_editor.edit, ".")
    qtbot.waitUntil(lambda: Annotations(window.lib).get(ann.id).note == "First thought.", timeout=3000)
    assert c.stack.count() == 2
    c.undo()
    assert Annotations(window.lib).get(ann.id).note == "First thought"
    assert c.note_editor.text() == "First thought", "the editor shows the stored note"
    c.undo()
    assert Annotations(window.lib).get(ann.id).note == ""
    c.redo()
    assert c.note_editor.text() == "First thought"
    row = c.panel.model.row_of(ann.id)
    assert c.panel.model.annotation(row).note == "First thought", "the panel row follows"


def test_switching_annotation_saves_the_pending_note_first(window, qtbot) -> None:  # noqa: ANN001
    c = window.annotator
    window.open_article(1, offset=0)
    anns = Annotations(window.lib)
    a = anns.create(1, 10, 20).annotation
    b = anns.create(1, 30, 40).annotation
    window.hub.annotations_changed(1)
    c.select(a.id)
    c.note_editor.edit.setFocus()
    qtbot.keyClicks(c.note_editor.edit, "quick")
    c.select(b.id)  # before the pause is over
    assert anns.get(a.id).note == "quick" and anns.get(b.id).note == ""
    assert c.note_editor.annotation_id == b.id and c.note_editor.text() == ""


def test_a_note_typed_just_before_closing_the_window_is_kept(window, qtbot) -> None:  # noqa: ANN001
    c = window.annotator
    window.open_article(1, offset=0)
    ann = Annotations(window.lib).create(1, 10, 20).annotation
    window.hub.annotations_changed(1)
    c.select(ann.id)
    c.note_editor.edit.setFocus()
    qtbot.keyClicks(c.note_editor.edit, "last words")
    window.close()
    assert Annotations(window.lib).get(ann.id).note == "last words"


@pytest.mark.parametrize(("note", "shown"), [
    ("A war metaphor (**blitzkrieg**) for a diplomatic decision.", "A war metaphor (blitzkrieg) for a diplomatic decision."),
    ("# Claim\nThe author says so.", "Claim\nThe author says so."),
    ("- [ ] check *this* and [the source](https://example.org/a_b)", "check this and the source"),
    ("```\nprint(1)\n```", "print(1)"),
    ("**粗体**和*斜体*、~~删去~~、`代码`", "粗体和斜体、删去、代码"),
    ("> 引文 quoted", "引文 quoted"),
    ("snake_case_name and 2 * 3 * 4 = 24 stay", "snake_case_name and 2 * 3 * 4 = 24 stay"),
    (r"escaped \*stars\* and \# stay", "escaped *stars* and # stay"),
    ("---\n\n1. first point", "first point"),
])
def test_lists_show_a_note_as_it_reads_not_its_markdown(note: str, shown: str) -> None:
    """The annotation list and tooltips show the note's first lines without **, #, links' addresses …"""
    from reader.gui.panels.note_editor import first_lines

    assert first_lines(note, 2) == shown
