"""Word status in the reading view: the tint of new and learning words (View toggle) and the status keys."""
from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from reader.core.library import Library
from reader.core.word_status import set_word_status
from reader.gui.main_window import MainWindow
from reader.gui.shortcuts import ShortcutsDialog
from reader.gui.word_tint import tint_colours


def _offset(window, word: str, nth: int = 0) -> int:  # noqa: ANN001
    text = "\n".join(p.text for p in window.view.paragraphs)
    at = -1
    for _ in range(nth + 1):
        at = text.index(word, at + 1)
    return at


def _open(window, qtbot, article: int = 2) -> None:  # noqa: ANN001
    window.bilingual.hover_enabled = False  # no popup pending when the test ends (not saved: other tests hover)
    window.open_article(article, offset=0)
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)


def _colour_behind(window, offset: int) -> QColor:  # noqa: ANN001
    """The colour most of the top pixel row of a character's box has: the tint (or page) behind it."""
    view = window.view
    view.ensure_offset_visible(offset)
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    rect = view.glyph_rect(offset)
    assert rect is not None and 0 <= rect.top() < view.viewport().height()
    y = int(rect.top()) + 2
    row = Counter(image.pixel(x, y) for x in range(int(rect.left()) + 2, int(rect.right()) - 1))
    return QColor.fromRgb(row.most_common(1)[0][0])


def _status(window, word: str) -> list[str]:  # noqa: ANN001
    return [r[0] for r in window.lib.conn.execute("SELECT status FROM vocabulary WHERE simplified = ?", (word,))]


def _grey(colour: QColor) -> float:
    return 0.2126 * colour.redF() + 0.7152 * colour.greenF() + 0.0722 * colour.blueF()


def test_the_tint_is_off_until_turned_on_in_view_and_is_remembered(window, qtbot, seeded_db) -> None:  # noqa: ANN001
    _open(window, qtbot)
    controller, page = window.word_status, window.view.palette_.background
    new_word = _offset(window, "总统")
    assert not controller.act_colours.isChecked() and window.view.word_tint is None
    assert _colour_behind(window, new_word) == page, "off by default: the page colour behind a new word"
    assert controller.act_colours in window.view_menu.actions()
    controller.act_colours.trigger()  # View → Word Status Colours
    assert controller.act_colours.isChecked()
    new = tint_colours(page, False)[0]
    assert _colour_behind(window, new_word) == new, "a new word is tinted"
    assert _colour_behind(window, _offset(window, "“")) == page, "punctuation is not"
    assert _colour_behind(window, _offset(window, "66")) == page, "nor numbers"
    legend = controller.act_colours.toolTip()
    assert "new" in legend and "learning 1 to 5" in legend and new.name() in legend

    second = MainWindow(Library.open(seeded_db), restore=False)
    qtbot.addWidget(second)
    assert second.word_status.act_colours.isChecked() and second.view.word_tint is not None, "remembered"
    second.word_status.act_colours.trigger()
    third = MainWindow(Library.open(seeded_db), restore=False)
    qtbot.addWidget(third)
    assert third.view.word_tint is None, "turning it off is remembered too"
    for w in (second, third):
        w.close()


def test_new_learning_and_known_words_are_painted_apart_in_both_scripts(window, qtbot) -> None:  # noqa: ANN001
    lib = window.lib
    set_word_status(lib, "美国", "known")
    set_word_status(lib, "特点", "learning2")
    set_word_status(lib, "退群", "ignored")
    _open(window, qtbot)
    window.word_status.set_enabled(True)
    page = window.view.palette_.background
    tints = tint_colours(page, False)
    assert _colour_behind(window, _offset(window, "美国")) == page, "a known word is untinted"
    assert _colour_behind(window, _offset(window, "退群")) == page, "an ignored word too"
    assert _colour_behind(window, _offset(window, "特点")) == tints[2], "learning 2"
    assert _colour_behind(window, _offset(window, "总统")) == tints[0], "new (positive control)"
    # The same statuses tint the traditional script (statuses belong to the simplified form).
    window.set_option(script="traditional")
    assert _colour_behind(window, _offset(window, "美国")) == page
    assert _colour_behind(window, _offset(window, "特点")) == tints[2]


def test_the_scale_reads_in_greyscale_in_both_themes() -> None:
    for dark, page in ((False, QColor("#fbf8f1")), (True, QColor("#1e1f22"))):
        greys = [_grey(c) for c in tint_colours(page, dark)] + [_grey(page)]
        steps = [abs(b - a) for a, b in zip(greys, greys[1:], strict=False)]
        assert all(s >= 0.01 for s in steps), f"each level is lighter (or darker) than the next: {steps}"
        assert greys == sorted(greys, reverse=dark), "new strongest, fading to the page"


def test_a_status_change_repaints_the_tint_without_laying_out_again(window, qtbot) -> None:  # noqa: ANN001
    _open(window, qtbot)
    window.word_status.set_enabled(True)
    view, page = window.view, window.view.palette_.background
    at = _offset(window, "总统")
    idx = next(k for k, p in enumerate(view.paragraphs) if p.start <= at < p.end)
    laid_out = view.doc.layout(idx)
    assert _colour_behind(window, at) == tint_colours(page, False)[0]
    set_word_status(window.lib, "总统", "known")
    window.bilingual.vocabularyChanged.emit()  # as the popup and the vocabulary list announce it
    assert _colour_behind(window, at) == page
    assert view.doc.layout(idx) is laid_out, "the paragraph was not laid out again"

    # The popup's status row.
    window.bilingual.show_at(at)
    qtbot.mouseClick(window.bilingual.popup.status_buttons["learning3"], Qt.MouseButton.LeftButton)
    assert _status(window, "总统") == ["learning3"]
    window.bilingual.show_at(-1)  # closed, so the word shows
    assert _colour_behind(window, at) == tint_colours(page, False)[3]

    # Another program (the command line) changes a status: the window's data-version poll brings it.
    with Library.open(window.lib.path) as other:
        set_word_status(other, "总统", "learning1")
    assert window.guard.poll()
    assert _colour_behind(window, at) == tint_colours(page, False)[1]
    assert view.doc.layout(idx) is laid_out


def test_keys_set_the_status_of_the_word_under_the_pointer_undoably(window, qtbot) -> None:  # noqa: ANN001
    _open(window, qtbot)
    view = window.view
    at = _offset(window, "总统")
    qtbot.mouseMove(view.viewport(), view.glyph_rect(at + 1).center().toPoint())
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert _status(window, "总统") == ["learning2"]
    assert window.statusBar().currentMessage().startswith("总统 → learning 2")
    assert window.lib.conn.execute("SELECT COUNT(*) FROM annotations").fetchone()[0] == 0, "nothing tagged"
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert _status(window, "总统") == ["known"]
    window.annotator.undo()  # Edit → Undo
    assert _status(window, "总统") == ["learning2"]
    window.annotator.undo()
    assert _status(window, "总统") == [], "undo takes the word out of the list again"
    window.annotator.redo()
    assert _status(window, "总统") == ["learning2"]
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert _status(window, "总统") == ["new"]
    qtbot.keyClick(view, Qt.Key.Key_I)
    assert _status(window, "总统") == ["ignored"]


def test_with_no_pointer_the_key_goes_to_the_word_clicked_and_never_to_one_out_of_view(window, qtbot) -> None:  # noqa: ANN001
    _open(window, qtbot)
    view = window.view
    at = _offset(window, "签署")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.glyph_rect(at).center().toPoint())
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_4)
    assert _status(window, "签署") == ["learning4"]
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    assert view.glyph_rect(at).bottom() < 0
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert _status(window, "签署") == ["learning4"], "a word scrolled out of sight is not a key target"
    assert "Select" in window.statusBar().currentMessage()


def test_tag_keys_still_tag_a_selection_and_alt_sets_the_selected_words_status(window, qtbot) -> None:  # noqa: ANN001
    _open(window, qtbot)
    view = window.view
    at = _offset(window, "总统")
    qtbot.mouseMove(view.viewport(), view.glyph_rect(_offset(window, "签署")).center().toPoint())  # pointing elsewhere
    view.set_selection(at, at + 2)
    qtbot.keyClick(view, Qt.Key.Key_1)
    rows = window.lib.conn.execute("SELECT start, \"end\" FROM annotations").fetchall()
    assert [tuple(r) for r in rows] == [(at, at + 2)], "1 tagged the selection"
    assert _status(window, "总统") == [] and _status(window, "签署") == [], "and set no status"
    view.set_selection(at, at + 2)
    qtbot.keyClick(view, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert _status(window, "总统") == ["learning3"], "Alt+3: the selected word, not the pointed one"
    assert _status(window, "签署") == []
    view.set_selection(at, at + 12)  # more than one word
    qtbot.keyClick(view, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert _status(window, "总统") == ["learning3"] and "one word" in window.statusBar().currentMessage()


def test_help_lists_the_status_keys(window, qtbot) -> None:  # noqa: ANN001
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    keys = dialog.listed_keys()
    assert {"Alt+1", "Alt+5", "Alt+K", "K", "I", "0", "Alt+0"} <= keys
    assert any("pointer" in d for d in dialog.descriptions())


def test_right_click_offers_the_words_status_with_its_own_checked(window, qtbot) -> None:  # noqa: ANN001
    set_word_status(window.lib, "总统", "learning2")
    _open(window, qtbot)
    menu = window.view.build_context_menu(_offset(window, "总统") + 1)
    sub = next(a.menu() for a in menu.actions() if a.menu() is not None and a.text() == "Word Status of 总统")
    items = {a.text().split("\t")[0]: a for a in sub.actions() if not a.isSeparator()}
    assert list(items) == ["new", *(f"learning {n}" for n in range(1, 6)), "known", "ignored"]
    assert [a.isChecked() for a in items.values()] == [False, False, True, False, False, False, False, False]
    items["known"].trigger()
    assert _status(window, "总统") == ["known"]
    window.set_option(script="traditional")
    menu = window.view.build_context_menu(_offset(window, "总统") + 1)
    assert any(a.text() == "Word Status of 總統" for a in menu.actions()), "named as displayed"


def test_a_paragraph_is_tinted_once_its_words_are_known_not_character_by_character(window, qtbot) -> None:  # noqa: ANN001
    _open(window, qtbot)
    window.word_status.set_enabled(True)
    view, page = window.view, window.view.palette_.background
    tokens = dict(view.doc.tokens)
    at = _offset(window, "总统")
    assert _colour_behind(window, at) == tint_colours(page, False)[0]  # positive control
    view.set_document(view.paragraphs, {}, {})  # as an article opens before its readings are worked out
    assert _colour_behind(window, at) == page
    view.update_tokens(tokens)  # the words arrive
    assert _colour_behind(window, at) == tint_colours(page, False)[0]
