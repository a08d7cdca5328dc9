"""Highlights looked up by paragraph (gui layer): what the reading view draws on one paragraph, found fast.

An article may hold ten thousand highlights (a merged class); a frame draws three or four paragraphs. The
view keeps its highlights sorted by (start, -end) in a `HighlightIndex` and asks it for a paragraph's rows
the first time that paragraph is drawn: a bisection on the starts, then only the highlights that can reach
the paragraph are looked at.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right, insort

from PySide6.QtGui import QColor

from reader.core.text import Paragraph

Highlight = tuple[int, int, QColor, object]  # canonical start, end, colour, key


class HighlightIndex:
    """Highlights sorted by (start, -end), looked up per paragraph by bisection on their starts.

    A paragraph's rows are the highlights that reach it (end > paragraph start, start ≤ paragraph end) in
    that order, each with its underline depth: how many highlights before it on the paragraph overlap it.
    Only highlights starting at most the longest highlight's length before the paragraph are looked at."""

    def __init__(self, highlights: list[Highlight]) -> None:
        self.highlights = highlights
        self.starts = [h[0] for h in highlights]
        self.longest = max((h[1] - h[0] for h in highlights), default=0)

    def rows(self, par: Paragraph) -> list[tuple[Highlight, int]]:
        lo = bisect_left(self.starts, par.start - self.longest)
        hi = bisect_right(self.starts, par.end)
        out: list[tuple[Highlight, int]] = []
        ends: list[int] = []  # ends of the highlights before, sorted
        for h in self.highlights[lo:hi]:
            start, end = h[0], h[1]
            if end <= par.start:
                continue
            if start < end:  # the ones before start no later (sorted), so they overlap if they end after start
                depth = len(ends) - bisect_right(ends, start)
            else:
                depth = sum(1 for (s, e, *_), _d in out if s < end and start < e)
            out.append((h, depth))
            insort(ends, end)
        return out


def index_highlights(highlights: list[Highlight], paragraphs: list[Paragraph]) -> dict[int, list[tuple[Highlight, int]]]:
    """Paragraph index → `HighlightIndex.rows` of every paragraph that has highlights (tests, tools)."""
    index = HighlightIndex(highlights)
    rows = {idx: index.rows(par) for idx, par in enumerate(paragraphs)}
    return {idx: r for idx, r in rows.items() if r}
