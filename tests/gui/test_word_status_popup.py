"""The popup's status row: 1 2 3 4 5 ✓ Ignore set the word's status in the library, undoably; keys with focus."""
from __future__ import annotations

from PySide6.QtCore import Qt

from reader.core import vocabulary


def _offset_of(window, word: str) -> int:  # noqa: ANN001
    return "\n".join(p.text for p in window.view.paragraphs).index(word)


def _readings(window) -> set[int]:  # noqa: ANN001
    from reader.gui.layout_report import visible_layout

    return {g["offset"] for line in visible_layout(window.view)["lines"] for g in line["glyphs"] if g["ruby"]}


def _stored(window) -> list[tuple[str, str, int]]:  # noqa: ANN001
    return [tuple(r) for r in window.lib.conn.execute("SELECT simplified, status, known FROM vocabulary ORDER BY id")]


def test_status_buttons_store_the_status_and_readings_follow(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    window.scaffolding.set_level(4)  # 輕蔑 (HSK 7) has a reading
    start = _offset_of(window, "輕蔑")
    window.view.ensure_offset_visible(start)
    bilingual = window.bilingual
    bilingual.show_at(start)
    popup = bilingual.popup
    assert popup.status_label.text() == "New" and not any(b.isChecked() for b in popup.status_buttons.values())
    with qtbot.waitSignal(bilingual.vocabularyChanged, timeout=1000):
        qtbot.mouseClick(popup.status_buttons["learning3"], Qt.MouseButton.LeftButton)
    assert _stored(window) == [("轻蔑", "learning3", 0)]
    assert popup.status_label.text() == "Learning 3" and popup.status_buttons["learning3"].isChecked()
    assert popup.add_button.text() == "In vocabulary ✓"
    assert start in _readings(window), "a learning word keeps its reading"
    qtbot.mouseClick(popup.known_button, Qt.MouseButton.LeftButton)
    assert _stored(window) == [("轻蔑", "known", 1)] and start not in _readings(window)
    assert popup.known_button.isChecked() and not popup.status_buttons["learning3"].isChecked()
    qtbot.mouseClick(popup.status_buttons["ignored"], Qt.MouseButton.LeftButton)
    assert _stored(window) == [("轻蔑", "ignored", 0)] and start not in _readings(window)
    qtbot.mouseClick(popup.status_buttons["ignored"], Qt.MouseButton.LeftButton)  # the current one: back to new
    assert _stored(window) == [("轻蔑", "new", 0)] and start in _readings(window)
    assert popup.status_label.text() == "New"

    # Every change is one step on the window's undo stack: undo walks back to learning 3, then out of the list.
    stack = window.undo_stack
    stack.undo()
    assert _stored(window) == [("轻蔑", "ignored", 0)] and popup.status_label.text() == "Ignored"
    stack.undo()
    stack.undo()
    assert _stored(window) == [("轻蔑", "learning3", 0)] and start in _readings(window)
    stack.undo()
    assert _stored(window) == [] and popup.add_button.text() == "Add to vocabulary"
    stack.redo()
    assert _stored(window) == [("轻蔑", "learning3", 0)]


def test_keys_set_the_status_only_while_the_popup_has_focus(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    start = _offset_of(window, "聯合國")
    bilingual = window.bilingual
    bilingual.show_at(start)
    popup = bilingual.popup
    # In the reading view, 2 is a tag shortcut: it does not touch the word's status.
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert _stored(window) == []
    qtbot.mouseClick(popup.status_label, Qt.MouseButton.LeftButton)  # a click gives the popup the focus
    assert popup.span == (start, start + 3) and popup.hasFocus(), "the click stays in the popup, not the text under it"
    qtbot.keyClick(popup, Qt.Key.Key_2)
    assert _stored(window) == [("联合国", "learning2", 0)]
    qtbot.keyClick(popup, Qt.Key.Key_K)
    assert _stored(window) == [("联合国", "known", 1)]
    assert vocabulary.word_state(window.lib, "聯合國").known
    qtbot.keyClick(popup, Qt.Key.Key_I)
    assert _stored(window) == [("联合国", "ignored", 0)] and popup.status_label.text() == "Ignored"
    qtbot.keyClick(popup, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # with a modifier: not a status key
    assert _stored(window) == [("联合国", "ignored", 0)]
