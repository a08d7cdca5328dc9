"""Translations in the reading view: interlinear under every paragraph, side by side aligned, imported, credited."""
from __future__ import annotations

import pytest


def _mode(window, mode: str) -> None:  # noqa: ANN001
    window.translation.translation_actions[mode].trigger()


@pytest.mark.parametrize("article_id", [1, 2])
def test_both_seeds_show_a_translation_under_every_paragraph(window, article_id) -> None:  # noqa: ANN001
    window.open_article(article_id, offset=0)
    _mode(window, "interlinear")
    doc = window.view.doc
    assert window.options.translations and window.options.translation_mode == "interlinear"
    for idx in range(len(window.view.paragraphs)):
        lay = doc.layout(idx)
        assert lay.translation, f"paragraph {idx} has no translation line"
        last = lay.lines[-1]
        assert lay.translation[0][0] > last.y + last.glyph_base, "the translation is under the Chinese text"
        assert lay.translation_x == 0.0
    assert window.translation.caption.isVisible()
    assert window.translation.caption.text() == "Translation: Bilingual Reader project (not the authors')"


def _wide(window, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QDockWidget

    for dock in window.findChildren(QDockWidget):
        dock.hide()
    window.resize(1500, 800)
    qtbot.waitUntil(lambda: window.view.viewport().width() > 1100)


def test_side_by_side_keeps_paragraph_tops_aligned(window, qtbot) -> None:  # noqa: ANN001
    _wide(window, qtbot)
    window.open_article(1, offset=0)
    _mode(window, "side")
    assert window.options.translation_mode == "side"
    view, doc = window.view, window.view.doc
    assert doc.side_by_side
    right_edge = doc.x_offset + doc.text_width
    for idx in range(len(view.paragraphs)):
        lay = doc.layout(idx)
        first = lay.lines[0]
        fm_ascent = lay.translation[0][0] - (first.y + first.band_top)
        assert 0 < fm_ascent < doc.body.em * 1.2, f"paragraph {idx}: the translation starts level with the text"
        assert doc.x_offset + lay.translation_x > right_edge, "the translation is in its own column"
        translation_bottom = lay.translation[-1][0]
        assert translation_bottom < lay.height, f"paragraph {idx}: the block is as tall as its longer column"
        chinese_bottom = lay.lines[-1].y + lay.lines[-1].height
        assert chinese_bottom <= lay.height
    # scrolled to the middle, the Chinese and the English tops of a paragraph are still on one level
    view.scroll_to_offset(view.paragraphs[13].start)
    idx = doc.paragraph_at_y(view.verticalScrollBar().value() + 200)
    start = view.paragraphs[idx].start
    glyph = view.glyph_rect(start)
    top = doc.top_of(idx) - view.verticalScrollBar().value()
    lay = doc.layout(idx)
    assert abs((top + lay.translation[0][0]) - glyph.bottom()) < doc.body.em * 1.5
    # every character is still reachable: the Chinese column wraps narrower, nothing is lost
    shown = sum(len(line) for line in view.visible_lines())
    assert shown > 50, (shown, view.viewport().size(), view.verticalScrollBar().value(), view.verticalScrollBar().maximum())
    _mode(window, "off")
    assert not window.options.translations
    assert not window.translation.caption.isVisible()


def test_translation_mode_is_remembered(window, qtbot, seeded_db) -> None:  # noqa: ANN001
    from reader.core.library import Library
    from reader.gui.main_window import MainWindow

    _mode(window, "side")
    window.close()
    with Library.open(seeded_db) as lib:
        again = MainWindow(lib)
        qtbot.addWidget(again)
        assert again.options.translations and again.options.translation_mode == "side"
        assert again.translation.translation_actions["side"].isChecked()
        again.close()


def test_import_translation_checks_the_paragraph_count(window, tmp_path, no_dialogs) -> None:  # noqa: ANN001
    window.open_article(2, offset=0)
    count = len(window.view.paragraphs)
    short = tmp_path / "short.txt"
    short.write_text("Only one line\n", encoding="utf-8")
    assert not window.translation.import_translation(str(short))
    assert no_dialogs and "13" in no_dialogs[-1][1] and "1 paragraph" in no_dialogs[-1][1]
    assert window.lib.translations(window.article.revision_id)[0] != "Only one line"

    good = tmp_path / "mine.txt"
    good.write_text("\n".join(f"My paragraph {i}" for i in range(count)), encoding="utf-8")
    _mode(window, "off")
    assert window.translation.import_translation(str(good))
    assert window.options.translations
    assert window.view.doc.layout(3).translation[0][1] == "My paragraph 3"
    assert window.translation.caption.text() == f"Translation: {window.lib.reader_name}"


def test_a_narrow_view_puts_the_side_by_side_translation_under_the_paragraph(window, qtbot) -> None:  # noqa: ANN001
    _wide(window, qtbot)
    window.open_article(2, offset=0)
    _mode(window, "side")
    assert window.view.doc.layout(1).translation_x > 0
    window.resize(700, 800)
    qtbot.waitUntil(lambda: window.view.viewport().width() < 700)
    lay = window.view.doc.layout(1)
    assert not window.view.doc.side_by_side and lay.translation_x == 0.0
    assert lay.translation[0][0] > lay.lines[-1].y, "under the paragraph"


def test_side_by_side_in_a_narrow_window_says_why_the_translation_is_underneath(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    window.resize(700, 700)
    qtbot.waitUntil(lambda: window.view.viewport().width() < 600)
    _mode(window, "side")
    assert not window.view.doc.side_by_side, "too narrow for two columns"
    qtbot.waitUntil(lambda: "too narrow for two columns" in window.status_label.text())
    _wide(window, qtbot)
    assert window.view.doc.side_by_side
    qtbot.waitUntil(lambda: "too narrow" not in window.status_label.text())
