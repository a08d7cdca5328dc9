"""The popup's own translation, note and parent: edited in place, saved undoably, parent looked up by link."""
from __future__ import annotations

from PySide6.QtCore import Qt

from reader.core import glossary


def _offset_of(window, word: str) -> int:  # noqa: ANN001
    return "\n".join(p.text for p in window.view.paragraphs).index(word)


def _glossary(window) -> list[tuple[str, str, str, str]]:  # noqa: ANN001
    return [tuple(r) for r in window.lib.conn.execute(
        "SELECT simplified, translation, note, parent FROM glossary ORDER BY simplified")]


def _vocabulary(window) -> list[str]:  # noqa: ANN001
    return [r[0] for r in window.lib.conn.execute("SELECT simplified FROM vocabulary ORDER BY id")]


def _annotations(window) -> int:  # noqa: ANN001
    return window.lib.conn.execute("SELECT COUNT(*) FROM annotations").fetchone()[0]


def test_type_a_translation_save_it_and_undo(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    start = _offset_of(window, "聯合國")
    bilingual = window.bilingual
    assert bilingual.show_at(start)
    popup = bilingual.popup
    box = popup.gloss_box
    panel = window.vocabulary_panel.panel  # the list, built before: it must follow the change
    assert panel.model.rows == []
    assert box.edit_button.text() == "+ My translation" and not box.translation_view.isVisible()
    qtbot.mouseClick(box.edit_button, Qt.MouseButton.LeftButton)
    assert box.editing and box.translation_edit.isVisible() and box.translation_edit.hasFocus()
    qtbot.keyClicks(box.translation_edit, "the UN, 1945")  # 1 is a tag key in the text: here it is typed
    qtbot.mouseClick(box.note_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(box.note_edit, "*first*")
    qtbot.keyClick(box.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # a new line, not Save
    qtbot.keyClicks(box.note_edit, "<b>second</b>")
    assert box.editing and _glossary(window) == []
    qtbot.keyClick(box.note_edit, Qt.Key.Key_Return)  # Enter saves
    assert _glossary(window) == [("联合国", "the UN, 1945", "*first*\n<b>second</b>", "")]
    assert _vocabulary(window) == ["联合国"] and _annotations(window) == 0, "typed keys made no highlight"
    assert not box.editing and box.translation_view.isVisible()
    assert box.translation_view.toPlainText() == "the UN, 1945"
    assert box.note_view.toPlainText() == "*first*\n<b>second</b>", "the note is shown as typed, not as HTML"
    assert box.edit_button.text() == "✎ Edit" and popup.add_button.text() == "In vocabulary ✓"
    assert box.geometry().bottom() < popup.scroll.geometry().top(), "above the senses, not over them"
    assert [e.translation for e in panel.model.rows] == ["the UN, 1945"], "the list shows it at once"

    window.undo_stack.undo()
    assert _glossary(window) == [] and _vocabulary(window) == [], "undo removes the gloss and the word it added"
    assert not box.translation_view.isVisible() and box.edit_button.text() == "+ My translation"
    window.undo_stack.redo()
    assert _glossary(window) == [("联合国", "the UN, 1945", "*first*\n<b>second</b>", "")]
    assert box.translation_view.toPlainText() == "the UN, 1945"


def test_escape_cancels_and_keeps_the_popup_and_the_gloss(window, qtbot) -> None:  # noqa: ANN001
    glossary.set_gloss(window.lib, "聯合國", translation="the UN")
    window.open_article(1, offset=0)
    bilingual = window.bilingual
    bilingual.show_at(_offset_of(window, "聯合國"))
    box = bilingual.popup.gloss_box
    assert box.translation_view.toPlainText() == "the UN"
    popup = bilingual.popup
    qtbot.mouseClick(popup.status_label, Qt.MouseButton.LeftButton)  # the popup takes the focus
    qtbot.keyClick(popup, Qt.Key.Key_E)  # E opens the editor, with the translation to change
    assert box.editing and box.translation_edit.hasFocus() and box.translation_edit.text() == "the UN"
    box.translation_edit.selectAll()
    qtbot.keyClicks(box.translation_edit, "something else")
    qtbot.keyClick(box.translation_edit, Qt.Key.Key_Escape)
    assert not box.editing and bilingual.popup.isVisible(), "Esc leaves the editor, not the popup"
    assert _glossary(window) == [("联合国", "the UN", "", "")]
    assert box.translation_view.toPlainText() == "the UN"


def test_a_refused_parent_keeps_the_editor_open(window, qtbot, no_dialogs) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    bilingual = window.bilingual
    bilingual.show_at(_offset_of(window, "聯合國"))
    box = bilingual.popup.gloss_box
    qtbot.mouseClick(box.edit_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(box.parent_edit, "UN")
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert no_dialogs and "not a Chinese word" in no_dialogs[0][1]
    assert box.editing and box.parent_edit.text() == "UN" and _glossary(window) == []


def test_the_parent_is_a_link_that_looks_it_up_and_back(window, qtbot) -> None:  # noqa: ANN001
    glossary.set_gloss(window.lib, "联合", translation="to unite")
    window.open_article(1, offset=0)
    start = _offset_of(window, "聯合國")
    bilingual = window.bilingual
    bilingual.show_at(start)
    popup = bilingual.popup
    box = popup.gloss_box
    qtbot.mouseClick(box.edit_button, Qt.MouseButton.LeftButton)
    box.parent_edit.insert("聯合")  # as an input method commits it (QTest types ASCII only)
    qtbot.keyClick(box.parent_edit, Qt.Key.Key_Return)
    assert _glossary(window) == [("联合", "to unite", "", ""), ("联合国", "", "", "联合")]
    assert "联合" in box.links.text() and box.links.isVisible()
    box.links.linkActivated.emit("word:0")  # what a click on the link sends
    assert popup.word == "联合" and box.translation_view.toPlainText() == "to unite"
    assert "Back to" in popup.back_link.text() and popup.back_link.isVisible()
    assert any("unite" in s for e in popup.entries for s in e.senses)
    assert "聯合國" in box.links.text() or "联合国" in box.links.text(), "the parent lists the words under it"
    qtbot.keyClick(popup, Qt.Key.Key_3)  # a status for the looked-up word: the parent, not the word in the text
    assert window.lib.conn.execute("SELECT status FROM vocabulary WHERE simplified = '联合'").fetchone() == (
        "learning3",)
    popup.back_link.linkActivated.emit("back")
    assert popup.word == "聯合國" and popup.span == (start, start + 3) and not popup.back_link.isVisible()
    assert "联合" in box.links.text()


def test_hovering_another_word_does_not_replace_the_editor_and_hiding_leaves_it(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    start = _offset_of(window, "聯合國")
    bilingual = window.bilingual
    bilingual.show_at(start)
    popup = bilingual.popup
    box = popup.gloss_box
    qtbot.mouseClick(box.edit_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(box.translation_edit, "half typed")
    other = _offset_of(window, "安理會")
    bilingual._hovered(other)  # the pointer rests on another word while the reader types
    bilingual._hover.stop()  # its delay, run at once
    bilingual._hover_fired()
    assert popup.span == (start, start + 3) and box.editing and box.translation_edit.text() == "half typed"
    bilingual._hovered(other)
    bilingual._hover.stop()
    popup.hide()  # e.g. another article opened
    assert not box.editing and _glossary(window) == [], "left unsaved, as Cancel leaves it"
    bilingual._hover_fired()
    assert popup.isVisible() and popup.span is not None and popup.span[0] == other, "hovering works again"


def test_long_text_wraps_and_scrolls_inside_the_popup(window) -> None:  # noqa: ANN001
    long_word = "https://example.org/" + "x" * 200  # no place to break: wrapped anywhere
    glossary.set_gloss(window.lib, "聯合國", translation="the United Nations " * 20,
                       note="\n".join(f"{i}: {long_word}" for i in range(30)))
    window.open_article(1, offset=0)
    bilingual = window.bilingual
    bilingual.show_at(_offset_of(window, "聯合國"))
    popup = bilingual.popup
    box = popup.gloss_box
    area = window.view.viewport().rect()
    assert area.contains(popup.geometry()), "the popup stays inside the text area"
    for view in (box.translation_view, box.note_view):
        assert view.isVisible() and box.rect().contains(view.geometry())
        assert view.document().size().width() <= view.viewport().width() + 1, "no line runs past the edge"
    assert box.note_view.verticalScrollBar().maximum() > 0, "a long note scrolls instead of pushing the senses out"
    assert box.geometry().bottom() < popup.scroll.geometry().top() and popup.scroll.height() >= 48
    assert popup.scroll.geometry().bottom() < popup.known_button.geometry().top()


def test_text_written_by_other_tools_is_shown_as_text_and_loads_nothing(window) -> None:  # noqa: ANN001
    hostile = '<img src="/dev/zero">'
    with window.lib.transaction():  # as sqlite-utils or Datasette could write it, past our checks
        window.lib.conn.execute(
            "INSERT INTO glossary (reader, simplified, translation, note, parent, created, updated)"
            " SELECT id, '联合国', ?, ?, ?, 'now', 'now' FROM library_identity", (hostile, f"![x]({hostile})", hostile))
    window.open_article(1, offset=0)
    bilingual = window.bilingual
    bilingual.show_at(_offset_of(window, "聯合國"))
    box = bilingual.popup.gloss_box
    assert box.translation_view.toPlainText() == hostile and box.note_view.toPlainText() == f"![x]({hostile})"
    assert box.translation_view.document().requested == [] and box.note_view.document().requested == []
    assert "&lt;img" in box.links.text() and "<img" not in box.links.text(), "the parent link is escaped"
