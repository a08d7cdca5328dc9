"""Keys act on what the reader sees; the popup answers a resting mouse or a click, never a drag or blank space."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from reader.core.annotations import Annotations
from reader.gui.bilingual import HOVER_DELAY_MS
from reader.gui.shortcuts import standard_keys

WAIT = HOVER_DELAY_MS * 2 + 200  # long enough for any popup that was going to show


def offset_of(window, word: str, nth: int = 0) -> int:  # noqa: ANN001
    text = "\n".join(p.text for p in window.view.paragraphs)
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(word, pos + 1)
    return pos


def centre(window, offset: int) -> QPoint:  # noqa: ANN001
    rect = window.view.glyph_rect(offset)
    assert rect is not None
    return rect.center().toPoint()


def drag(qtbot, window, start: int, end: int) -> None:  # noqa: ANN001
    """Select from the character at `start` to the one before `end` with the mouse."""
    vp = window.view.viewport()
    a, b = centre(window, start), centre(window, end - 1)
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=a - QPoint(int(window.view.glyph_rect(start).width() / 2) - 1, 0))
    for k in range(1, 6):
        qtbot.mouseMove(vp, a + (b - a) * k / 5)
    end_pos = b + QPoint(int(window.view.glyph_rect(end - 1).width() / 2) - 1, 0)
    qtbot.mouseMove(vp, end_pos)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=end_pos)


def rows(window) -> list[tuple[int, int, list[str]]]:  # noqa: ANN001
    return [(a.start, a.end, sorted(t.name for t in a.tags)) for a in Annotations(window.lib).list_for_article(1)]


def tag_named(window, key: str) -> str:  # noqa: ANN001
    return next(t.name for t in window.annotator.tag_list if t.shortcut == key)


def open_top(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)  # the keys below go to the view
    # The pointer is shared by every test: one left where this test moves it would send no move at all.
    qtbot.mouseMove(window.view.viewport(), QPoint(2, 2))


# ---- the popup and the mouse --------------------------------------------------------------------------
def test_resting_on_a_word_shows_the_popup_but_blank_space_does_not(window, qtbot) -> None:  # noqa: ANN001
    open_top(window, qtbot)
    view, popup = window.view, window.bilingual.popup
    start = offset_of(window, "聯合國")
    qtbot.mouseMove(view.viewport(), centre(window, start + 1))
    qtbot.waitUntil(popup.isVisible, timeout=3000)  # positive control: a resting hover over a word
    assert popup.span == (start, start + 3)
    popup.close_popup()
    first = view.paragraphs[0]
    last_line_end = view.glyph_rect(first.end - 1)
    blank_spots = {
        "past the end of a paragraph's last line": QPoint(int(last_line_end.right() + 40), int(last_line_end.center().y())),
        "the left margin": QPoint(2, int(view.glyph_rect(start).center().y())),
        "between two paragraphs": QPoint(int(last_line_end.left()),
                                         int((last_line_end.bottom() + view.glyph_rect(view.paragraphs[1].start).top()) / 2)),
    }
    for where, point in blank_spots.items():
        assert view.char_at(point) == -1, where
        qtbot.mouseMove(view.viewport(), point)
        qtbot.wait(WAIT)
        assert not popup.isVisible(), f"no popup over {where}"


def test_a_press_that_starts_a_drag_never_pops_up_and_a_click_does(window, qtbot) -> None:  # noqa: ANN001
    open_top(window, qtbot)
    view, popup = window.view, window.bilingual.popup
    start = offset_of(window, "聯合國")
    vp = view.viewport()
    qtbot.mouseMove(vp, centre(window, start))  # the hover timer starts …
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=centre(window, start))  # … and the press begins a drag
    qtbot.mouseMove(vp, centre(window, start + 2))
    qtbot.wait(WAIT)
    qtbot.mouseMove(vp, centre(window, start + 5))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=centre(window, start + 5))
    qtbot.wait(WAIT // 2)
    assert view.selection()[1] > view.selection()[0], "the drag selected text"
    assert not popup.isVisible(), "no popup during or after a drag"
    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=centre(window, start + 1))  # a click (no drag)
    assert popup.isVisible() and popup.span == (start, start + 3)
    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))  # a click on blank space closes it
    assert not popup.isVisible()


def test_escape_closes_the_popup_and_keeps_the_selection(window, qtbot) -> None:  # noqa: ANN001
    open_top(window, qtbot)
    view, popup = window.view, window.bilingual.popup
    start = offset_of(window, "聯合國")
    drag(qtbot, window, start, start + 6)
    assert view.selection() == (start, start + 6)
    qtbot.mouseMove(view.viewport(), centre(window, start + 1))
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert view.selection() == (start, start + 6), "Esc closed the popup only"
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert (start, start + 6, [tag_named(window, "1")]) in rows(window), "the key tagged the visible selection"
    qtbot.keyClick(view, Qt.Key.Key_Escape)  # no popup now: Esc clears the selection
    assert view.selection()[0] == view.selection()[1]


def test_the_toolbar_never_covers_the_popup(window, qtbot) -> None:  # noqa: ANN001
    open_top(window, qtbot)
    view, popup, bar = window.view, window.bilingual.popup, window.annotator.toolbar
    start = offset_of(window, "聯合國", 3)
    view.ensure_offset_visible(start)
    rect = view.glyph_rect(start)
    # the word on the last line: the popup goes above it, where the toolbar would go too
    view.verticalScrollBar().setValue(int(view.verticalScrollBar().value() + rect.bottom() - view.viewport().height() + 10))
    drag(qtbot, window, start, start + 3)
    qtbot.waitUntil(bar.isVisible, timeout=2000)
    qtbot.mouseMove(view.viewport(), centre(window, start + 1))
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    qtbot.wait(50)
    assert popup.geometry().bottom() < view.glyph_rect(start).top(), "the popup is above the word"
    assert bar.isVisible(), "the toolbar found a place"
    assert not QRect(bar.geometry()).intersects(popup.geometry())
    for offset in range(start, start + 3):
        assert not bar.geometry().intersects(view.glyph_rect(offset).toRect())


# ---- keys act only on what is visibly selected -------------------------------------------------------
def test_tag_keys_after_escape_never_reach_a_highlight_selected_before(window, qtbot) -> None:  # noqa: ANN001
    open_top(window, qtbot)
    view = window.view
    a_start = offset_of(window, "聯合國")
    a = Annotations(window.lib).create(1, a_start, a_start + 3).annotation
    window.hub.annotations_changed(1)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre(window, a_start + 1))
    assert window.annotator.selected == a.id
    qtbot.keyClick(view, Qt.Key.Key_2)  # positive control: a visibly selected highlight takes the tag
    assert rows(window) == [(a_start, a_start + 3, [tag_named(window, "2")])]
    # now select other text, look a word up, close the popup, then clear the selection with Esc
    b_start = offset_of(window, "安理會")
    drag(qtbot, window, b_start, b_start + 3)
    assert window.annotator.selected is None, "a new selection replaces the clicked highlight"
    window.bilingual.show_at(b_start)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.selection()[0] == view.selection()[1]
    before = rows(window)
    qtbot.keyClick(view, Qt.Key.Key_3)
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert rows(window) == before, "nothing written"
    assert "Select text first" in window.statusBar().currentMessage()


def test_a_highlight_scrolled_out_of_sight_is_not_a_key_target(window, qtbot) -> None:  # noqa: ANN001
    open_top(window, qtbot)
    view = window.view
    start = offset_of(window, "聯合國")
    a = Annotations(window.lib).create(1, start, start + 3).annotation
    window.hub.annotations_changed(1)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre(window, start + 1))
    assert window.annotator.target() == a.id  # positive control
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    assert view.glyph_rect(start).bottom() < 0
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert rows(window) == [(start, start + 3, [])], "neither tagged nor deleted"
    assert "Select" in window.statusBar().currentMessage()


# ---- shortcuts ------------------------------------------------------------------------------------------
def test_standard_keys_bind_each_key_once() -> None:
    keys = standard_keys(QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y", "Ctrl+Shift+Z")
    names = [k.toString() for k in keys]
    assert names.count("Ctrl+Shift+Z") == 1 and names.count("Ctrl+Y") == 1


def test_redo_and_undo_keys_work_and_no_key_is_bound_twice(window, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtGui import QAction

    bound: dict[str, list[str]] = {}
    for act in window.findChildren(QAction):
        for seq in act.shortcuts():
            bound.setdefault(seq.toString(), []).append(act.text())
    assert {k: v for k, v in bound.items() if len(v) > 1} == {}
    messages: list[str] = []
    old = qInstallMessageHandler(lambda _kind, _ctx, msg: messages.append(msg))
    try:
        open_top(window, qtbot)
        start = offset_of(window, "聯合國")
        window.view.set_selection(start, start + 3)
        qtbot.keyClick(window.view, Qt.Key.Key_H)
        assert len(rows(window)) == 1
        for undo, redo in (((Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
                            (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)),
                           ((Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
                            (Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier))):
            qtbot.keyClick(window.view, undo[0], undo[1])
            assert rows(window) == []
            qtbot.keyClick(window.view, redo[0], redo[1])
            assert len(rows(window)) == 1
    finally:
        qInstallMessageHandler(old)
    assert not [m for m in messages if "Ambiguous" in m]


def test_toolbar_buttons_show_tag_names_and_keys(window, qtbot) -> None:  # noqa: ANN001
    open_top(window, qtbot)
    start = offset_of(window, "聯合國")
    drag(qtbot, window, start, start + 3)
    bar = window.annotator.toolbar
    qtbot.waitUntil(bar.isVisible, timeout=2000)
    for tag in window.annotator.tag_list:
        text = bar.buttons[tag.id].text()
        if tag.shortcut:
            assert tag.shortcut in text
        assert any(ch.isalpha() or "\u4e00" <= ch <= "\u9fff" for ch in text), f"{text!r} names the tag"


def test_keyboard_shortcuts_dialog_lists_every_shortcut(window, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtGui import QAction

    from reader.gui import i18n
    from reader.gui.shortcuts import ShortcutsDialog, action_name

    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    listed = dialog.listed_keys()
    for act in window.findChildren(QAction):
        for seq in act.shortcuts():
            assert seq.toString(QKeySequence.SequenceFormat.NativeText) in listed, act.text()
    assert "Esc" in listed
    help_menu = window.menuBar().actions()[-1].menu()
    assert any(action_name(a) == "Keyboard Shortcuts" for a in help_menu.actions())
    window.language.switch("zh_CN")
    try:
        chinese = ShortcutsDialog(window)
        qtbot.addWidget(chinese)
        assert chinese.windowTitle() == "键盘快捷键"
        assert "导入" in chinese.descriptions() and "重做" in chinese.descriptions(), "action names, no (&I) marks"
    finally:
        window.language.switch("en")
        i18n.set_language("en", save=False)


def test_file_dialogs_remember_the_last_folder(window, qtbot, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QFileDialog

    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text("你好。", encoding="utf-8")
    asked: list[str] = []

    def pick(_parent, _title, directory, *_a, **_k):  # noqa: ANN001, ANN002, ANN003, ANN202
        asked.append(directory)
        return ([str(folder / "a.txt")], "") if len(asked) == 1 else ([], "")

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(pick))
    monkeypatch.setattr(window, "import_files", lambda files: None)
    window.import_dialog()
    window.import_dialog()
    assert asked[0] != str(folder) and asked[1] == str(folder)
    QApplication.processEvents()


def test_save_dialogs_start_in_the_last_folder_and_report_the_chosen_filter(qapp, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QFileDialog

    from reader.gui import file_dialogs

    asked: list[str] = []

    def save(_parent, _title, proposed, _filters, *_a, **_k):  # noqa: ANN001, ANN002, ANN003, ANN202
        asked.append(proposed)
        return str(tmp_path / "report"), "CSV (*.csv)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    assert file_dialogs.save_file_name(None, "Save", "a.md", "Markdown (*.md);;CSV (*.csv)") == (
        str(tmp_path / "report"), "CSV (*.csv)"), "callers pick the format from the chosen filter"
    file_dialogs.save_file_name(None, "Save", "b.md", "")
    assert asked[1] == str(tmp_path / "b.md"), "the next dialog proposes its name in the folder used last"


def test_a_hover_pending_when_the_window_closes_looks_nothing_up(window, qtbot) -> None:  # noqa: ANN001
    open_top(window, qtbot)
    qtbot.mouseMove(window.view.viewport(), centre(window, offset_of(window, "聯合國") + 1))
    qtbot.waitUntil(window.bilingual._hover.isActive, timeout=2000)  # positive control: the delay has started
    window.close()
    assert not window.bilingual._hover.isActive()
    qtbot.wait(50)
    assert not window.bilingual.popup.isVisible()
