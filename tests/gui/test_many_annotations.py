"""Ten thousand highlights on a long text: a frame touches only the highlights of the paragraphs it shows."""
from __future__ import annotations

import random

from PySide6.QtGui import QColor

from reader.core.text import Paragraph
from reader.gui.highlight_index import index_highlights

SENTENCE = "二〇二六年一月，世界目睹了一场前所未有的外交“闪电战”。联合国安理会召开紧急会议，各国代表相继发言。"


def book(paragraphs: int) -> list[Paragraph]:
    pars, pos = [], 0
    for n in range(paragraphs):
        pars.append(Paragraph(n, "paragraph", pos, pos + len(SENTENCE), SENTENCE))
        pos += len(SENTENCE) + 1
    return pars


def highlights(pars: list[Paragraph], count: int, seed: int = 3) -> list:
    rng = random.Random(seed)
    colours = [QColor("#5cb85c"), QColor("#e06666"), QColor("#f0ad4e")]
    out = []
    end = pars[-1].end
    for key in range(count):
        start = rng.randrange(0, end - 2)
        out.append((start, min(end, start + rng.randint(1, 120)), rng.choice(colours), key))
    return out


def paint(qtbot, view) -> None:  # noqa: ANN001
    count = view.paint_count
    view.viewport().update()
    qtbot.waitUntil(lambda: view.paint_count > count, timeout=5000)


class CountingList(list):
    """A list that counts how often it is walked through."""

    walks = 0

    def __iter__(self):  # noqa: ANN204
        CountingList.walks += 1
        return super().__iter__()


def test_a_frame_paints_only_the_visible_paragraphs_highlights(qtbot) -> None:  # noqa: ANN001
    from reader.gui.reading_view import ReadingView

    view = ReadingView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    pars = book(2000)  # about 100,000 characters
    view.set_document(pars)
    spans = highlights(pars, 10_000)
    view.set_highlights(spans)
    paint(qtbot, view)  # the first paint builds the index (once)

    painted: list[tuple[int, int]] = []
    real = view.doc.span_rects

    def span_rects(lay, top, start, end):  # noqa: ANN001, ANN202
        painted.append((start, end))
        return real(lay, top, start, end)

    view.doc.span_rects = span_rects
    view._highlights = CountingList(view._highlights)
    for offset in (0, 40_000, 80_000):
        view.scroll_to_offset(offset)
        painted.clear()
        CountingList.walks = 0
        paint(qtbot, view)
        y = float(view.verticalScrollBar().value())
        shown = {idx for idx, _top, _lay in view.doc.visible(y, y + view.viewport().height())}
        on_screen = {(s, e) for s, e, _c, _k in spans
                     if any(e > pars[i].start and s <= pars[i].end for i in shown)}
        assert CountingList.walks == 0, "a frame must not walk through all highlights"
        assert painted, "the visible highlights are painted"
        assert set(painted) <= on_screen
        assert len(painted) < 0.05 * len(spans)

    # hit testing uses the same index, and answers as a scan of all highlights would
    for offset in (5, 41_234, 99_000):
        covering = sorted((h for h in spans if h[0] <= offset < h[1]), key=lambda h: (h[0], -h[1]))
        assert view.highlight_at(offset) == [h[3] for h in sorted(covering, key=lambda h: h[1] - h[0])]


def test_the_index_gives_the_same_underline_depths_as_stacking_them_one_by_one() -> None:
    pars = book(30)
    spans = sorted(highlights(pars, 600, seed=9), key=lambda h: (h[0], -h[1]))
    index = index_highlights(spans, pars)
    for idx, par in enumerate(pars):
        expected = []
        stack: list[tuple[int, int]] = []
        for h in spans:  # the drawing rule: a highlight reaching this paragraph sits under those before it
            start, end = h[0], h[1]
            if end <= par.start or start > par.end:
                continue
            expected.append((h, sum(1 for s, e in stack if s < end and start < e)))
            stack.append((start, end))
        assert index.get(idx, []) == expected


def test_the_panel_asks_only_for_the_rows_it_shows(qtbot, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtCore import QModelIndex

    from reader.core.annotations import Annotation
    from reader.gui.panels import annotation_panel

    asked: list[int] = []

    class CountingModel(annotation_panel.AnnotationListModel):
        """Notes every row the view asks about."""

        def data(self, index, role=0):  # noqa: ANN001, ANN202
            asked.append(index.row())
            return super().data(index, role)

        def index(self, row, column=0, parent=QModelIndex()):  # noqa: ANN001, ANN202, B008
            asked.append(row)
            return super().index(row, column, parent)

    monkeypatch.setattr(annotation_panel, "AnnotationListModel", CountingModel)
    panel = annotation_panel.AnnotationPanel()
    qtbot.addWidget(panel)
    panel.resize(340, 700)
    panel.show()
    qtbot.waitExposed(panel)
    anns = [Annotation(n + 1, f"u{n}", 1, 1, "highlight", 2 * n, 2 * n + 2, SENTENCE[n % 40:n % 40 + 2], "", "", "",
                       None, "", None, "Lin", "orphaned" if n >= 9_990 else "anchored", "t", "t")
            for n in range(10_000)]
    asked.clear()
    panel.set_annotations(anns, "original", "marks")
    qtbot.waitUntil(lambda: bool(asked), timeout=2000)  # the visible rows are drawn
    qtbot.wait(50)  # and whatever the view does later
    assert panel.model.rowCount() == 10_001, "all listed, orphans under a heading"
    assert panel.count.text() == "10000 annotations"
    assert len(set(asked)) < 50, "rows out of sight are not asked for"
    assert panel.visible_annotations() == anns[:9_990]
    panel.select_annotation(9_995)
    assert panel.selected_id() == 9_995
