"""The reading view: ruby geometry, line breaking, options, selection and copying, on the real seeds."""
from __future__ import annotations

import pytest
from mouse import drag
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from reader.gui.layout import NO_END, NO_START


def first(win, word: str) -> int:  # noqa: ANN001
    text = "\n".join(p.text for p in win.view.paragraphs)
    pos = text.find(word)
    assert pos >= 0, word
    return pos


def word(win, text: str) -> int:  # noqa: ANN001
    """Canonical offset of the first token that is exactly `text` (a whole word)."""
    for toks in win.view.doc.tokens.values():
        for tok in toks:
            if tok.text == text:
                return tok.start
    raise AssertionError(text)


def set_opts(win, **changes) -> None:  # noqa: ANN001, ANN003
    win.apply_options(win.options.with_(**changes))


def test_reading_is_centred_above_its_character(window) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    set_opts(window, pinyin="marks", script="original")
    single = word(window, "在")
    window.view.scroll_to_offset(single)
    glyph, reading = window.view.glyph_rect(single), window.view.reading_rect(single)
    assert glyph is not None and reading is not None
    assert reading.bottom() <= glyph.top() + 1, "the reading is drawn above the character"
    assert abs(reading.center().x() - glyph.center().x()) < 1.0, "and centred on it"
    off = first(window, "聯合國")
    window.view.scroll_to_offset(off)
    glyph, reading = window.view.glyph_rect(off), window.view.reading_rect(off)
    assert glyph is not None and reading is not None
    shift = reading.center().x() - glyph.center().x()
    assert 0 <= shift < glyph.width() / 2, "a word's first syllable leans towards the word, still over its character"
    cell = window.view.doc.locate(off)[3]
    assert cell.reading == "lián"
    next_reading = window.view.reading_rect(off + 1)
    assert next_reading is not None and reading.right() < next_reading.left(), "lián ends before hé begins"


def test_no_two_readings_on_a_line_overlap(window) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    for style in ("marks", "numbers", "zhuyin"):
        set_opts(window, pinyin=style)
        lines = window.view.visible_reading_boxes()
        assert len(lines) > 5
        for boxes in lines:
            rects = sorted((r for _, r in boxes), key=lambda r: r.left())
            for a, b in zip(rects, rects[1:], strict=False):
                assert a.right() < b.left(), f"{style}: readings overlap"


def test_line_breaking_rules_and_words_stay_together(window) -> None:  # noqa: ANN001
    view = window.view
    for aid in (1, 2):
        window.open_article(aid, offset=0)
        for width in (420, 760):
            view.doc.set_viewport_width(width)
            for idx, par in enumerate(view.paragraphs):
                lay = view.doc.layout(idx)
                tokens = view.doc.tokens[idx]
                bounds = {t.start for t in tokens} | {par.end}
                short = {t.start: t for t in tokens if 1 < len(t.text) <= 4}
                for n, line in enumerate(lay.lines):
                    text = "".join(c.ch for c in line.cells)
                    if not text:
                        continue
                    assert text[0] not in NO_START, f"line starts with {text[0]!r}: {text}"
                    if n + 1 < len(lay.lines):
                        assert text[-1] not in NO_END, f"line ends with {text[-1]!r}: {text}"
                        brk = lay.canonical(line.end)
                        inside = [t for s, t in short.items() if s < brk < t.end]
                        assert not inside or brk in bounds, f"word {inside[0].text} split across lines"


def test_script_and_reading_styles(window) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    view = window.view
    off = first(window, "聯合國")
    set_opts(window, script="simplified", pinyin="numbers")
    view.scroll_to_offset(off)
    text = "".join(view.visible_line_texts())
    assert "联合国" in text and "聯合國" not in text
    assert view.doc.locate(off)[3].reading == "lian2"
    set_opts(window, pinyin="zhuyin")
    assert view.doc.locate(off)[3].reading == "ㄌㄧㄢˊ"
    set_opts(window, pinyin="none")
    assert view.reading_rect(off) is None
    set_opts(window, script="original", pinyin="marks")
    assert "聯合國" in "".join(view.visible_line_texts())


def test_drag_select_and_copy_in_both_scripts(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    view = window.view
    off = word(window, "聯合國")
    seen = []
    view.selectionChanged.connect(lambda s, e: seen.append((s, e)))
    for script, expected in (("simplified", "联合国"), ("traditional", "聯合國"), ("original", "聯合國")):
        set_opts(window, script=script, pinyin="marks")
        view.scroll_to_offset(off)
        drag(qtbot, view, off, off + 3)
        assert view.selection() == (off, off + 3)
        assert seen[-1] == (off, off + 3)
        view.setFocus()
        qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
        assert QGuiApplication.clipboard().text() == expected
    set_opts(window, script="simplified")
    window.act_copy_pinyin.trigger()
    assert QGuiApplication.clipboard().text() == "联合国(lián hé guó)"


def test_shift_arrows_extend_and_double_click_selects_a_word(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    view = window.view
    off = word(window, "聯合國")
    view.scroll_to_offset(off)
    rect = view.glyph_rect(off + 1)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert view.selected_text() == "聯合國"
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection() == (off, off + 4)
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_text() == "聯合"


def test_keys_scroll_and_highlight_hooks(window, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtGui import QColor

    window.open_article(1, offset=0)
    view = window.view
    view.setFocus()
    bar = view.verticalScrollBar()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert bar.value() == bar.maximum() and view.reading_position() == 1.0
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert bar.value() == 0
    off = first(window, "聯合國")
    view.set_highlights([(off, off + 3, QColor("#f5c542"), "a"), (off + 1, off + 6, QColor("#6ab0f3"), "b")])
    assert view.highlight_at(off + 2) == ["a", "b"] and view.highlight_at(off) == ["a"]
    menu = view.build_context_menu(off)
    view.add_context_menu_provider(lambda m, o: m.addAction(f"Note at {o}"))
    texts = [a.text() for a in view.build_context_menu(off).actions()]
    assert texts[:2] == ["Copy", "Copy with pinyin"] and texts[-1] == f"Note at {off}"
    menu.deleteLater()


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_jumping_to_a_place_shows_it_at_the_top_in_every_script(window, script) -> None:  # noqa: ANN001
    window.open_article(2, offset=0)
    view = window.view
    set_opts(window, script=script, pinyin="zhuyin")
    for place in (0.3, 0.6, 0.9):
        off = int(view._text_len * place)
        view.scroll_to_offset(off)
        view.viewport().repaint()
        rect = view.glyph_rect(off)
        assert rect is not None, f"the character at {place:.0%} is on screen"
        assert 0 < rect.top() < view.viewport().height() / 4, "near the top, not above or far below it"
