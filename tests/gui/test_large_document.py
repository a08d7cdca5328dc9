"""A 1M-character book: the first screen is painted without laying out the whole book."""
from __future__ import annotations

from reader.core.text import Paragraph

SENTENCE = "二〇二六年一月，世界目睹了一场前所未有的外交“闪电战”。联合国安理会召开紧急会议，各国代表相继发言。" * 3


def book(chars: int) -> list[Paragraph]:
    pars, pos = [], 0
    while pos < chars:
        pars.append(Paragraph(len(pars), "paragraph", pos, pos + len(SENTENCE), SENTENCE))
        pos += len(SENTENCE) + 1
    return pars


def test_a_million_characters_open_lazily(qtbot) -> None:  # noqa: ANN001
    from reader.gui.reading_view import ReadingView

    view = ReadingView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    pars = book(1_000_000)
    painted = view.paint_count
    view.set_document(pars)
    qtbot.waitUntil(lambda: view.paint_count > painted, timeout=3000)  # how soon: big_first_paint_ms in bench
    laid_out = sum(view.doc.is_laid_out(i) for i in range(len(pars)))
    assert 0 < laid_out <= 10, "only the visible paragraphs are laid out"
    assert view.verticalScrollBar().maximum() > 100_000, "unseen paragraphs have estimated heights"
    view.scroll_to_offset(700_000)
    view.viewport().repaint()
    assert abs(view.top_offset() - 700_000) < len(SENTENCE)
    assert sum(view.doc.is_laid_out(i) for i in range(len(pars))) <= 20
