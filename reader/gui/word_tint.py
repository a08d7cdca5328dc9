"""Word status colours (gui layer): the tint behind new and learning words in the reading view, and its legend.

One hue, six lightnesses: new words get the strongest tint, learning 1–5 fade towards the page, known and
ignored words get none. Lightness carries the whole scale, so it reads the same to a colour-blind reader
and in greyscale; each step is mixed into the page colour beforehand (opaque, in the light and the dark
theme), so painting it costs one fill a word. The tint is painted first, under highlights, find matches
and the selection, and behind the readings and the characters (the lines' pixmaps go on top).

A paragraph's tint rectangles are kept per layout (relative to the paragraph, so scrolling reuses them)
and made again only when the statuses change or the paragraph is laid out again: a status change repaints
without laying anything out.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from reader.core.status_tint import LEVELS, StatusTints
from reader.gui.layout import ParagraphLayout
from reader.gui.safe_text import escape

#: The tint's hue at full strength (light theme: a clear blue; dark theme: a lighter one).
BASE = {False: QColor(38, 110, 230), True: QColor(110, 165, 255)}
#: How much of the hue each level mixes into the page colour: new, learning 1 … learning 5.
STRENGTH = (0.27, 0.21, 0.16, 0.115, 0.08, 0.045)
INSET = 0.75  # px each side: neighbouring tinted words stay apart
KEEP_PARAGRAPHS = 512  # paragraphs whose tint rectangles are kept


def tint_colours(background: QColor, dark: bool) -> list[QColor]:
    """The six tints as opaque colours on `background`: new first, learning 5 last."""
    base = BASE[dark]
    out = []
    for a in STRENGTH:
        out.append(QColor(
            round(background.red() * (1 - a) + base.red() * a),
            round(background.green() * (1 - a) + base.green() * a),
            round(background.blue() * (1 - a) + base.blue() * a),
        ))
    return out


def legend_html(background: QColor, text: QColor, dark: bool, names: list[str]) -> str:
    """A one-line legend (six swatches with their names, then what is untinted) for a tooltip; `names`:
    new, learning 1 … learning 5, then the words for the untinted ones. Plain markup, no resources."""
    cells = []
    for colour, name in zip(tint_colours(background, dark), names[:LEVELS], strict=True):
        cells.append(f'<td style="background:{colour.name()};color:{text.name()};padding:2px 6px">{escape(name)}</td>')
    rest = f'<td style="padding:2px 6px">{escape(names[LEVELS])}</td>' if len(names) > LEVELS else ""
    return f'<table cellspacing="2" style="background:{background.name()}"><tr>{"".join(cells)}{rest}</tr></table>'


class WordTint:
    """The tint of one reading view: its statuses, colours and per-paragraph rectangles."""

    def __init__(self, tints: StatusTints) -> None:
        self.tints = tints
        self.version = 0
        self._colours_key: tuple | None = None
        self._colours: list[QColor] = []
        self._rects: dict[int, tuple[ParagraphLayout, int, list[list[QRectF]]]] = {}

    def set_tints(self, tints: StatusTints) -> None:
        """New statuses: every paragraph's tint is worked out again when next painted."""
        self.tints = tints
        self.version += 1
        self._rects.clear()

    def forget(self) -> None:
        """Drop the kept rectangles (another article: its paragraphs' layouts are not kept alive here)."""
        self._rects.clear()

    def colours(self, background: QColor, dark: bool) -> list[QColor]:
        key = (background.rgba(), dark)
        if key != self._colours_key:
            self._colours, self._colours_key = tint_colours(background, dark), key
        return self._colours

    def rects(self, idx: int, lay: ParagraphLayout) -> list[list[QRectF]]:
        """Per tint level, the rectangles of its words in paragraph `idx` (relative to the paragraph's top
        and the text column's left edge)."""
        kept = self._rects.get(idx)
        if kept is not None and kept[0] is lay and kept[1] == self.version:
            return kept[2]
        by_level: list[list[QRectF]] = [[] for _ in range(LEVELS)]
        spans = self.tints.spans(lay.disp.tokens) if lay.lines else []
        if spans:
            owner = [-1] * len(lay.disp.text)
            for k, (start, end, _level) in enumerate(spans):
                owner[start:end] = [k] * (end - start)
            ascent = lay.fonts.gm.ascent()
            for line in lay.lines:  # behind the characters; the readings above stay on the page colour
                top = line.y + line.glyph_base - ascent
                height = line.band_bottom - (line.glyph_base - ascent)
                run, x0, x1 = -1, 0.0, 0.0
                for cell in line.cells:
                    k = owner[cell.i] if cell.i < len(owner) else -1
                    if k != run:
                        if run >= 0:
                            by_level[spans[run][2]].append(QRectF(x0 + INSET, top, x1 - x0 - 2 * INSET, height))
                        run, x0 = k, cell.x
                    x1 = cell.x + cell.w
                if run >= 0:
                    by_level[spans[run][2]].append(QRectF(x0 + INSET, top, x1 - x0 - 2 * INSET, height))
        if len(self._rects) >= KEEP_PARAGRAPHS:  # a long book read through: keep memory bounded
            self._rects.clear()
        self._rects[idx] = (lay, self.version, by_level)
        return by_level

    def paint(self, painter: QPainter, idx: int, lay: ParagraphLayout, x: float, top: float,
              background: QColor, dark: bool) -> None:
        """Fill the tint of paragraph `idx`, laid out as `lay`, with its text column at `x` and its top at `top`."""
        by_level = self.rects(idx, lay)
        if not any(by_level):
            return
        colours = self.colours(background, dark)
        painter.save()
        painter.translate(x, top)
        painter.setPen(Qt.PenStyle.NoPen)
        for level, rects in enumerate(by_level):
            if rects:
                painter.setBrush(colours[level])
                painter.drawRects(rects)
        painter.restore()

    def painted_words(self) -> int:
        """How many tinted word rectangles the kept paragraphs hold (benchmarks, tests)."""
        return sum(len(rects) for _lay, _version, by_level in self._rects.values() for rects in by_level)

    def level_at(self, lay: ParagraphLayout, display_index: int) -> int | None:
        """The tint level of the word drawn at a displayed index of a paragraph (None: untinted)."""
        for start, end, level in self.tints.spans(lay.disp.tokens):
            if start <= display_index < end:
                return level
        return None
