"""Reading view geometry (gui layer): where the view draws a character or reading, and what is under a point.

A mixin of ReadingView: viewport coordinates (the document's, less the scroll position) for callers and tests.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRectF
from PySide6.QtWidgets import QScrollBar, QWidget

from reader.gui.layout import DocumentLayout


class ViewGeometry:
    """Glyph and reading rectangles, visible lines, and hit tests of a scrolled view of a DocumentLayout."""

    doc: DocumentLayout

    if TYPE_CHECKING:  # given by QAbstractScrollArea, which comes after this class in ReadingView's bases
        def verticalScrollBar(self) -> QScrollBar: ...  # noqa: N802 - Qt's name
        def viewport(self) -> QWidget: ...

    def _scroll(self) -> float:
        return float(self.verticalScrollBar().value())

    def _to_view(self, rect: QRectF | None) -> QRectF | None:
        return None if rect is None else rect.translated(0, -self._scroll())

    def glyph_rect(self, offset: int) -> QRectF | None:
        """Viewport rectangle of the glyph at a canonical offset."""
        return self._to_view(self.doc.glyph_rect(offset))

    def reading_rect(self, offset: int) -> QRectF | None:
        """Viewport rectangle of the reading above the glyph at a canonical offset (None: no reading)."""
        return self._to_view(self.doc.reading_rect(offset))

    def visible_reading_boxes(self) -> list[list[tuple[int, QRectF]]]:
        """Per visible line: (canonical offset, viewport rectangle) of each reading drawn on it."""
        y = self._scroll()
        return [
            [(o, r.translated(0, -y)) for o, r in line]
            for line in self.doc.line_reading_boxes(y, y + self.viewport().height())
        ]

    def visible_lines(self) -> list[list[int]]:
        """Per visible line: the canonical offsets of its characters, in order."""
        y0 = self._scroll()
        y1 = y0 + self.viewport().height()
        out = []
        for _, top, lay in self.doc.visible(y0, y1):
            for line in lay.lines:
                if top + line.y + line.height > y0 and top + line.y < y1 and line.cells:
                    out.append([lay.canonical(c.i) for c in line.cells])
        return out

    def visible_line_texts(self) -> list[str]:
        y0 = self._scroll()
        y1 = y0 + self.viewport().height()
        out = []
        for _, top, lay in self.doc.visible(y0, y1):
            for line in lay.lines:
                if top + line.y + line.height > y0 and top + line.y < y1 and line.cells:
                    out.append("".join(c.ch for c in line.cells))
        return out

    def offset_at(self, point: QPointF | QPoint) -> int:
        """Canonical offset of the character under a viewport point."""
        return self.doc.offset_at(float(point.x()), float(point.y()) + self._scroll())

    def char_at(self, point: QPointF | QPoint) -> int:
        """Canonical offset of the character drawn under a viewport point (its glyph or its reading); -1 over
        blank space: between paragraphs, past a line's end, in the margins."""
        if not self.doc.paragraphs:
            return -1
        off = self.offset_at(point)
        p = QPointF(point)
        for rect in (self.glyph_rect(off), self.reading_rect(off)):
            if rect is not None and rect.adjusted(-1, -1, 1, 1).contains(p):
                return off
        return -1

    def top_offset(self) -> int:
        """Canonical offset of the first character shown at the top of the view."""
        if not self.doc.paragraphs:
            return 0
        y = self._scroll()
        for _, top, lay in self.doc.visible(y, y + self.viewport().height()):
            for line in lay.lines:
                if top + line.y + line.height * 0.5 >= y and line.cells:
                    return lay.canonical(line.cells[0].i)
        # Nothing drawn (a view not yet sized, or only blank lines at the top): the paragraph at the top.
        return self.doc.paragraphs[self.doc.paragraph_at_y(y)].start
