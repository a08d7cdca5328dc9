"""The dictionary popup: hover and click show the word's entry without covering it; keys step and close it."""
from __future__ import annotations

import time

from PySide6.QtCore import QPoint, QRectF, Qt

from reader.core import vocabulary
from reader.gui.bilingual import HOVER_DELAY_MS


def _offset_of(window, word: str, nth: int = 0) -> int:  # noqa: ANN001
    text = "\n".join(p.text for p in window.view.paragraphs)
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(word, pos + 1)
    return pos


def _centre(window, offset: int) -> QPoint:  # noqa: ANN001
    window.view.ensure_offset_visible(offset)
    rect = window.view.glyph_rect(offset)
    assert rect is not None
    return rect.center().toPoint()


def _covers_word(window, start: int, end: int) -> bool:  # noqa: ANN001
    popup = QRectF(window.bilingual.popup.geometry())
    for o in range(start, end):
        for rect in (window.view.glyph_rect(o), window.view.reading_rect(o)):
            if rect is not None and popup.intersects(rect):
                return True
    return False


def test_hover_on_united_nations_in_the_traditional_seed(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    start = _offset_of(window, "聯合國")
    moved = time.monotonic()
    qtbot.mouseMove(window.view.viewport(), _centre(window, start + 1))
    popup = window.bilingual.popup
    if (time.monotonic() - moved) * 1000 < HOVER_DELAY_MS * 0.75:  # a loaded machine may take longer to get here
        assert not popup.isVisible(), "the popup waits for the mouse to rest"
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    assert popup.span == (start, start + 3)
    assert "United Nations" in popup.body.text()
    assert "聯合國" in popup.header.text() and "联合国" in popup.header.text()
    assert popup.header.text().index("聯合國") < popup.header.text().index("联合国"), "the article's script first"
    assert "HSK" in popup.badge.text()
    assert not _covers_word(window, start, start + 3)


def test_click_shows_popup_and_it_moves_above_near_the_bottom(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    start = _offset_of(window, "聯合國", 3)
    view = window.view
    view.ensure_offset_visible(start)
    rect = view.glyph_rect(start)
    # put the word on the last visible line: no room below it
    view.verticalScrollBar().setValue(int(view.verticalScrollBar().value() + rect.bottom() - view.viewport().height() + 10))
    assert view.glyph_rect(start).bottom() > view.viewport().height() - 60
    point = view.glyph_rect(start).center().toPoint()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    popup = window.bilingual.popup
    assert popup.isVisible()
    assert popup.span == (start, start + 3)
    assert popup.geometry().bottom() < view.glyph_rect(start).top(), "placed above the word"
    assert not _covers_word(window, start, start + 3)


def test_arrows_step_through_words_and_escape_closes(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    start = _offset_of(window, "聯合國安理會")
    window.bilingual.show_at(start)
    popup = window.bilingual.popup
    assert popup.span == (start, start + 3)
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    assert popup.span == (start + 3, start + 6)
    assert "Security Council" in popup.body.text()
    qtbot.keyClick(window.view, Qt.Key.Key_Left)
    assert popup.span == (start, start + 3)
    assert not _covers_word(window, *popup.span)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert not popup.isVisible()


def test_add_to_vocabulary_keeps_the_sentence_and_article(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    start = _offset_of(window, "聯合國")
    window.bilingual.show_at(start)
    with qtbot.waitSignal(window.bilingual.vocabularyChanged, timeout=1000):
        qtbot.mouseClick(window.bilingual.popup.add_button, Qt.MouseButton.LeftButton)
    rows = vocabulary.list_words(window.lib)
    assert len(rows) == 1
    row = rows[0]
    assert (row.simplified, row.traditional, row.article_id, row.start, row.end) == ("联合国", "聯合國", 1, start, start + 3)
    assert "聯合國安理會" in row.sentence and row.sentence.endswith("。")
    assert "United Nations" in row.english


def test_copy_and_hover_toggle(window, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtGui import QGuiApplication

    window.open_article(1, offset=0)
    start = _offset_of(window, "聯合國")
    window.bilingual.show_at(start)
    qtbot.mouseClick(window.bilingual.popup.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text().startswith("联合国 聯合國 [lián hé guó] United Nations")
    popup, viewport, away = window.bilingual.popup, window.view.viewport(), QPoint(2, 2)
    popup.close_popup()
    qtbot.mouseMove(viewport, _centre(window, start))  # positive control: with hover on, resting opens it
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    qtbot.mouseMove(viewport, away)
    popup.close_popup()
    window.bilingual.act_hover.setChecked(False)
    qtbot.mouseMove(viewport, _centre(window, start + 1))
    qtbot.wait(HOVER_DELAY_MS * 3)  # well past the moment it opened above
    assert not popup.isVisible()
    qtbot.mouseMove(viewport, away)  # the pointer is shared: leave it where no later test rests
    assert window.store.value("bilingual/hover_popup") in (False, "false")


def test_screenshot_with_popup_in_chinese_side_by_side(seeded_db, tmp_path, qapp) -> None:  # noqa: ANN001
    from PySide6.QtGui import QImage

    from reader.gui import i18n
    from reader.gui.screenshot import render_screenshot

    out = tmp_path / "popup.png"
    try:
        render_screenshot(db=str(seeded_db), article_id=1, output=out, size=(1700, 800), tones="pleco",
                          ui_language="zh_CN", level=6, side_by_side=True, popup=45)
    finally:
        i18n.set_language("en", save=False)
    image = QImage(str(out))
    assert image.width() == 1700 and image.height() == 800
    assert i18n.saved_choice() == "system", "a screenshot changes no saved choice"


def test_a_missing_dictionary_gives_one_clear_message(window, monkeypatch, no_dialogs) -> None:  # noqa: ANN001
    from reader.core import scaffolding
    from reader.core.dictionary import DictionaryUnavailable

    def broken():  # noqa: ANN202
        raise DictionaryUnavailable("dictionary index is unreadable: /tmp/x")

    monkeypatch.setattr(scaffolding, "shared_dictionary", broken)
    window.bilingual._dictionary = None
    window.open_article(1, offset=0)
    start = _offset_of(window, "聯合國")
    assert not window.bilingual.show_at(start)
    assert not window.bilingual.show_at(start + 1)
    assert len(no_dialogs) == 1 and "unreadable" in no_dialogs[0][1]
    window.scaffolding.set_scaffolding(True)  # readings stay as they were, no second message
    assert len(no_dialogs) == 1
    assert window.view.reading_rect(start) is not None


def _readings(window) -> dict[int, str]:  # noqa: ANN001
    """Canonical offset of each drawn reading's first character → the reading, from the layout report."""
    from reader.gui.layout_report import visible_layout

    return {g["offset"]: g["ruby"] for line in visible_layout(window.view)["lines"] for g in line["glyphs"] if g["ruby"]}


def test_marking_one_word_known_in_the_popup_hides_its_reading_only(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    bilingual = window.bilingual
    window.scaffolding.set_level(4)  # readings only above HSK 4: 外交 (6), 行動 (5) and 輕蔑 (7) keep theirs
    start = _offset_of(window, "輕蔑")
    others = [_offset_of(window, "外交"), _offset_of(window, "行動")]
    window.view.ensure_offset_visible(start)
    before = _readings(window)
    assert start in before and all(o in before for o in others)
    bilingual.show_at(start)
    popup = bilingual.popup
    assert popup.add_button.text() == "Add to vocabulary" and not popup.known_button.isChecked()
    with qtbot.waitSignal(bilingual.vocabularyChanged, timeout=1000):
        qtbot.mouseClick(popup.known_button, Qt.MouseButton.LeftButton)
    rows = vocabulary.list_words(window.lib)
    assert [(r.simplified, r.known, r.article_id, r.start) for r in rows] == [("轻蔑", True, 1, start)]
    after = _readings(window)
    assert set(before) - set(after) == {start}, "only 輕蔑 lost its reading"
    assert {o: after[o] for o in others} == {o: before[o] for o in others}
    assert popup.isVisible()
    assert popup.add_button.text() == "In vocabulary ✓" and popup.known_button.isChecked()
    # The other script shares the state: the word is known in simplified too.
    window.set_option(script="simplified")
    window.view.ensure_offset_visible(start)
    assert start not in _readings(window) and all(o in _readings(window) for o in others)
    bilingual.show_at(start)
    assert "轻蔑" in popup.header.text() and popup.known_button.isChecked()
    qtbot.mouseClick(popup.known_button, Qt.MouseButton.LeftButton)  # unmark
    assert vocabulary.known_words(window.lib) == set()
    assert start in _readings(window) and not popup.known_button.isChecked()
    assert len(vocabulary.list_words(window.lib)) == 1, "unmarking keeps the word in the list"


def test_in_vocabulary_shows_the_word_in_the_list(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    start = _offset_of(window, "聯合國")
    bilingual = window.bilingual
    bilingual.show_at(start)
    popup = bilingual.popup
    qtbot.mouseClick(popup.add_button, Qt.MouseButton.LeftButton)
    assert popup.add_button.text() == "In vocabulary ✓" and not popup.known_button.isChecked()
    dock = window.vocabulary_panel
    assert not dock.isVisible()
    qtbot.mouseClick(popup.add_button, Qt.MouseButton.LeftButton)
    assert dock.isVisible()
    assert dock.panel.selected() is not None and dock.panel.selected().simplified == "联合国"
    assert len(vocabulary.list_words(window.lib)) == 1, "clicking again adds nothing"
    # Marked known in the list: the popup says so at once.
    dock.panel.set_known(dock.panel.selected().id, True)
    assert popup.known_button.isChecked() and popup.status_label.text() == "Known"
