"""Ruby layout (gui layer): paragraphs → lines of cells, each a character with its word's readings above.

The lines are set by reader.core.typeset (CLREQ: even advances within a line, justified lines, word
readings as groups that use their neighbours' room before spacing is added); this module measures the
glyphs and readings with Qt and keeps the geometry for painting and hit testing. Paragraphs are laid out
lazily and cached per (width, options); paragraphs not laid out yet have estimated heights that are
refined as they are laid out.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QRawFont

from reader.core.pipeline import DisplayParagraph, display
from reader.core.pipeline.readings import is_han, render, tone_of
from reader.core.text import Paragraph, Token
from reader.core.typeset import FULL_WIDTH_PUNCT, NO_END, NO_START, Item, Params, set_paragraph
from reader.gui.fonts import cjk_family
from reader.gui.options import DisplayOptions

__all__ = ["NO_END", "NO_START", "DocumentLayout", "FontSet", "Line", "Cell", "ParagraphLayout", "reading_items"]

READING_RATIO = 0.55  # reading size relative to the glyph size
MAX_TEXT_EM = 40  # widest text column, in glyph ems
MIN_MARGIN = 28.0
SIDE_MIN_EM = 24  # narrower than this (in glyph ems), a side-by-side translation goes under the paragraph


class FontSet:
    """Fonts and cached advances for one paragraph style (body, heading level, byline)."""

    def __init__(self, px: float, bold: bool = False) -> None:
        family = cjk_family()
        self.glyph = QFont(family)
        self.glyph.setPixelSize(max(6, round(px)))
        self.glyph.setBold(bold)
        self.glyph.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        self.reading = QFont(family)
        self.reading.setPixelSize(max(8, round(px * READING_RATIO)))
        self.reading.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        self.gm = QFontMetricsF(self.glyph)
        self.rm = QFontMetricsF(self.reading)
        self.graw = QRawFont.fromFont(self.glyph)
        self.rraw = QRawFont.fromFont(self.reading)
        self.em = self.gm.horizontalAdvance("中")
        self.gap = max(2.0, self.rm.height() * 0.3)
        self.reading_em = float(self.reading.pixelSize())
        self._gadv: dict[str, float] = {}
        self._radv: dict[str, float] = {}
        self._ink: dict[str, str] = {}
        self.shapes: dict[str, tuple | None] = {}  # reading → (glyph ids, relative positions), see glyphs.py

    def gadv(self, ch: str) -> float:
        w = self._gadv.get(ch)
        if w is None:
            w = self._gadv[ch] = self.gm.horizontalAdvance(ch)
        return w

    def ink(self, ch: str) -> str:
        """Where a full-width punctuation mark's ink sits in its advance: "L"eft half, "R"ight half, "C"entre."""
        side = self._ink.get(ch)
        if side is None:
            side = "C"
            if ch in FULL_WIDTH_PUNCT:
                box = self.gm.boundingRect(ch)
                adv = self.gadv(ch) or 1.0
                centre = box.center().x() / adv
                side = "L" if centre < 0.4 else "R" if centre > 0.6 else "C"
            self._ink[ch] = side
        return side

    def params(self, style: str, justify: bool = True) -> Params:
        """Gaps between readings: a hair between one word's syllables (a zhuyin syllable ends in its tone
        mark, a pinyin one is told apart by its tone colour or mark), more between words."""
        em = self.reading_em
        return Params(gap_in=em * 0.1, gap_out=em * 0.45, justify=justify)

    def radv(self, text: str) -> float:
        w = self._radv.get(text)
        if w is None:
            w = self._radv[text] = self.rm.horizontalAdvance(text)
        return w


class Cell:
    """One displayed character: its box on the line (for hits and fills), where its glyph and reading go.

    `span`: characters covered by the reading group that starts here (0 when it does not start one)."""

    __slots__ = ("x", "w", "i", "ch", "reading", "rw", "tone", "gx", "adv", "rx", "span")

    def __init__(
        self, x: float, w: float, i: int, ch: str, reading: str | None, rw: float, tone: int,
        gx: float | None = None, adv: float | None = None, rx: float | None = None, span: int = 0,
    ) -> None:
        self.x, self.w, self.i, self.ch, self.reading, self.rw, self.tone = x, w, i, ch, reading, rw, tone
        self.gx = x if gx is None else gx
        self.adv = w if adv is None else adv
        self.rx = x + (w - rw) / 2 if rx is None else rx
        self.span = span


class Line:
    """A line of cells. `y` is relative to the paragraph top; baselines are relative to the line top."""

    __slots__ = (
        "y", "height", "reading_base", "glyph_base", "band_top", "band_bottom", "cells", "xs", "runs", "pixmap", "pixkey",
        "justified", "last", "left", "right",
    )

    def __init__(self, cells: list[Cell]) -> None:
        self.cells = cells
        self.justified = self.last = False
        self.left = self.right = 0.0  # the measure the line was set to, in text-column coordinates
        self.xs = [c.x for c in cells]
        self.y = self.height = self.reading_base = self.glyph_base = self.band_top = self.band_bottom = 0.0
        self.runs: list | None = None  # glyph runs built on first paint
        self.pixmap = None  # the line rendered once, reused while scrolling (see ReadingView)
        self.pixkey: tuple | None = None

    @property
    def start(self) -> int:
        return self.cells[0].i if self.cells else 0

    @property
    def end(self) -> int:
        return self.cells[-1].i + 1 if self.cells else 0


@dataclass
class ParagraphLayout:
    par: Paragraph
    disp: DisplayParagraph
    fonts: FontSet
    lines: list[Line]
    height: float
    translation: list[tuple[float, str]]  # (baseline y relative to the paragraph, text)
    translation_font: QFont | None
    has_readings: bool
    translation_x: float = 0.0  # left edge of the translation, relative to the text column (side by side)

    def canonical(self, i: int, end: bool = False) -> int:
        """Canonical article offset of displayed index `i` of this paragraph."""
        return self.par.start + self.disp.map.to_canonical(i, end=end)

    def display_index(self, offset: int, end: bool = False) -> int:
        return self.disp.map.to_display(offset - self.par.start, end=end)

    def line_at(self, y: float) -> Line | None:
        if not self.lines:
            return None
        for line in self.lines:
            if y < line.y + line.height:
                return line
        return self.lines[-1]

    def cell_of(self, i: int) -> tuple[Line, Cell] | None:
        for line in self.lines:
            if line.cells and line.start <= i < line.end:
                k = bisect_right([c.i for c in line.cells], i) - 1
                if k >= 0 and line.cells[k].i == i:
                    return line, line.cells[k]
        return None


def reading_items(
    text: str, tokens: Sequence, fs: FontSet, style: str, hidden: Sequence[bool] | None = None,
) -> tuple[list[Item], list[int]]:
    """The characters of a displayed paragraph as items to set (advances, ink sides, shown readings) and
    their tones. An erhua 儿 read "r" adds its r to the syllable before it and gets no reading of its own."""
    n = len(text)
    word = [-1 - k for k in range(n)]  # characters outside every token: a word each
    tone3: list[str | None] = [None] * n
    for w, tok in enumerate(tokens):
        word[tok.start:tok.end] = [w] * (tok.end - tok.start)
        for k, r in enumerate(tok.readings[: tok.end - tok.start]):
            tone3[tok.start + k] = r
    gadv, radv, ink = fs.gadv, fs.radv, fs.ink
    items: list[Item] = []
    tones = [0] * n
    for k, ch in enumerate(text):
        item = Item(ch, gadv(ch), word[k], ink=ink(ch) if ch in FULL_WIDTH_PUNCT else "C")
        items.append(item)
        r = tone3[k]
        if r is None or not is_han(ch):
            continue
        tones[k] = tone_of(r)
        if style == "none" or (hidden is not None and hidden[k]):
            continue
        if r.rstrip("012345") == "r" and k and items[k - 1].reading and word[k - 1] == word[k]:
            prev = items[k - 1]
            prev.reading = f"{prev.reading}{'ㄦ' if style == 'zhuyin' else 'r'}"
            prev.rw = radv(prev.reading)
            continue
        shown = render(r, style)
        if shown:
            item.reading, item.rw = shown, radv(shown)
    return items, tones


def _plain_tokens(par: Paragraph) -> list[Token]:
    """Stand-in tokens (one per character, no readings) while the real ones are being computed."""
    return [Token(par.start + k, par.start + k + 1, ch, [None]) for k, ch in enumerate(par.text)]


class DocumentLayout:
    """All paragraphs of one article at one width and one set of options, laid out on demand."""

    def __init__(self) -> None:
        self.paragraphs: list[Paragraph] = []
        self.tokens: dict[int, list[Token]] = {}
        self.translations: dict[int, str] = {}
        self.options = DisplayOptions()
        self.viewport_width = 800.0
        # which displayed tokens get a reading: fn(paragraph index, DisplayParagraph) -> [bool per token]
        self.reading_filter: Callable[[int, DisplayParagraph], Sequence[bool] | None] | None = None
        self._fontsets: dict[tuple, FontSet] = {}
        self._cache: dict[tuple, dict[int, ParagraphLayout]] = {}
        self._disp_cache: dict[tuple, DisplayParagraph] = {}  # (paragraph, script, reading options)
        self._heights: list[float] = []
        self._known: list[bool] = []
        self._tops: list[float] = [0.0]
        self._dirty_from = 0

    # ---- content and options -------------------------------------------------------------------
    def set_content(self, paragraphs: list[Paragraph], tokens: dict[int, list[Token]], translations: dict[int, str]) -> None:
        self.paragraphs = paragraphs
        self.tokens = dict(tokens)
        self.translations = dict(translations)
        self._cache.clear()
        self._disp_cache.clear()
        self._reset_heights()

    def update_tokens(self, tokens: dict[int, list[Token]]) -> None:
        """Readings arrived for some paragraphs: forget their layouts so they are drawn with readings."""
        self.tokens.update(tokens)
        for cache in self._cache.values():
            for idx in tokens:
                cache.pop(idx, None)
        for key in [k for k in self._disp_cache if k[0] in tokens]:
            del self._disp_cache[key]
        current = self._current()
        for idx in tokens:
            if 0 <= idx < len(self._known) and idx not in current:
                self._known[idx] = False
                self._heights[idx] = self._estimate(idx)
                self._dirty_from = min(self._dirty_from, idx + 1)

    def translations_changed(self) -> None:
        """The translation lines, or whether they are shown, changed: every paragraph is laid out again."""
        self._cache.clear()
        self._reset_heights()

    def drop_caches(self) -> None:
        """Forget every layout and displayed form (benchmarks; memory pressure)."""
        self._cache.clear()
        self._disp_cache.clear()
        self._reset_heights()

    def set_options(self, options: DisplayOptions) -> None:
        old = self.options.layout_key()
        self.options = options
        if options.layout_key() != old:
            self._reset_heights()

    def set_reading_filter(self, fn: Callable[[int, DisplayParagraph], Sequence[bool] | None] | None) -> None:
        """Draw readings only over the tokens `fn` keeps (None: over every token); lines keep their height."""
        self.reading_filter = fn
        self._cache.clear()
        self._reset_heights()

    def set_viewport_width(self, width: float) -> None:
        if abs(width - self.viewport_width) >= 0.5:
            self.viewport_width = width
            self._reset_heights()

    # ---- geometry ------------------------------------------------------------------------------
    @property
    def body(self) -> FontSet:
        return self.fontset("paragraph", 0)

    def fontset(self, kind: str, level: int) -> FontSet:
        px = self.options.size * 4 / 3
        bold = False
        if kind == "heading":
            px *= {1: 1.45, 2: 1.25}.get(level, 1.12)
            bold = True
        elif kind == "byline":
            px *= 0.8
        key = (round(px, 2), bold)
        fs = self._fontsets.get(key)
        if fs is None:
            fs = self._fontsets[key] = FontSet(px, bold)
        return fs

    @property
    def side_by_side(self) -> bool:
        """Translation in a second column (chosen, and the view is wide enough for two columns)."""
        return (self.options.translations and self.options.translation_mode == "side"
                and self.viewport_width - 2 * MIN_MARGIN >= SIDE_MIN_EM * self.body.em)

    def side_columns(self) -> tuple[float, float, float, float]:
        """Side by side: (Chinese column, gap, translation column, both together) widths."""
        em = self.body.em
        total = max(em * 8, min(self.viewport_width - 2 * MIN_MARGIN, MAX_TEXT_EM * em * 1.6))
        gap = em * 1.2
        chinese = (total - gap) * 0.62  # Chinese with readings needs about twice the area of its English
        return chinese, gap, total - gap - chinese, total

    @property
    def text_width(self) -> float:
        em = self.body.em
        if self.side_by_side:
            return self.side_columns()[0]
        return max(em * 4, min(self.viewport_width - 2 * MIN_MARGIN, MAX_TEXT_EM * em))

    @property
    def x_offset(self) -> float:
        width = self.side_columns()[3] if self.side_by_side else self.text_width
        return max(MIN_MARGIN, (self.viewport_width - width) / 2)

    @property
    def top_margin(self) -> float:
        return self.body.em * 1.5

    def _key(self) -> tuple:
        return (round(self.viewport_width, 1), *self.options.layout_key())

    def _current(self) -> dict[int, ParagraphLayout]:
        return self._cache.setdefault(self._key(), {})

    def _line_metrics(self, fs: FontSet, readings: bool) -> tuple[float, float, float, float]:
        """(line height, reading baseline, glyph baseline, band top) for a font set."""
        reading_h = fs.rm.ascent() + fs.rm.descent() if readings else 0.0
        lead = fs.gm.height() * (0.45 if readings else 0.4)
        top = lead / 2
        reading_base = top + fs.rm.ascent()
        glyph_base = top + reading_h + (fs.rm.descent() * 0.3 if readings else 0.0) + fs.gm.ascent()
        height = glyph_base + fs.gm.descent() + lead / 2
        return height, reading_base, glyph_base, top

    def _estimate(self, idx: int) -> float:
        """Height of a paragraph not laid out yet, from its length and its style's typical cell width."""
        par = self.paragraphs[idx]
        key = (par.kind, par.level)
        est = self._est_cache.get(key)
        if est is None:
            fs = self.fontset(par.kind, par.level)
            readings = self.options.pinyin != "none"
            cell = fs.em
            if readings:
                cell = max(cell, fs.radv("zhōng") + fs.gap)
            per_line = max(1, int(self.text_width / cell))
            est = self._est_cache[key] = (per_line, self._line_metrics(fs, readings)[0], self._spacing(par, fs))
        per_line, line_h, spacing = est
        height = line_h * (max(1, -(-len(par.text) // per_line))) + spacing
        if self.options.translations and idx in self.translations:
            tr = self._est_cache.get("tr")
            if tr is None:
                tm = QFontMetricsF(self._translation_font())
                column = self.side_columns()[2] if self.side_by_side else self.text_width
                chars = max(10, int(column / max(1.0, tm.averageCharWidth())))
                tr = self._est_cache["tr"] = (chars, tm.lineSpacing(), self.body.em * 0.3)
            tr_height = tr[1] * -(-len(self.translations[idx]) // tr[0]) + tr[2]
            height = max(height, tr_height + spacing) if self.side_by_side else height + tr_height
        return height

    def _spacing(self, par: Paragraph, fs: FontSet) -> float:
        if par.kind == "heading":
            return fs.em * 0.9
        if par.kind == "list_item":
            return fs.em * 0.35
        return fs.em * 0.8

    def _reset_heights(self) -> None:
        self._est_cache: dict = {}
        self._starts = [p.start for p in self.paragraphs]
        n = len(self.paragraphs)
        current = self._current()
        self._known = [i in current for i in range(n)]
        self._heights = [current[i].height if i in current else self._estimate(i) for i in range(n)]
        self._tops = [0.0] * (n + 1)
        self._dirty_from = 0

    def _ensure_tops(self) -> None:
        if self._dirty_from > len(self.paragraphs):
            return
        start = max(0, self._dirty_from)
        tops = self._tops
        if start == 0:
            tops[0] = self.top_margin
            start = 1
        for i in range(start, len(self.paragraphs) + 1):
            tops[i] = tops[i - 1] + self._heights[i - 1]
        self._dirty_from = len(self.paragraphs) + 1

    def top_of(self, idx: int) -> float:
        self._ensure_tops()
        return self._tops[max(0, min(idx, len(self.paragraphs)))]

    @property
    def total_height(self) -> float:
        self._ensure_tops()
        return self._tops[len(self.paragraphs)] + self.top_margin

    def paragraph_at_y(self, y: float) -> int:
        self._ensure_tops()
        n = len(self.paragraphs)
        if n == 0:
            return 0
        return max(0, min(n - 1, bisect_right(self._tops, y, 0, n) - 1))

    def is_laid_out(self, idx: int) -> bool:
        return self._known[idx] if 0 <= idx < len(self._known) else False

    def all_laid_out(self) -> bool:
        return all(self._known)

    def next_unknown(self, start: int = 0) -> int | None:
        for i in range(start, len(self._known)):
            if not self._known[i]:
                return i
        return None

    def visible(self, y0: float, y1: float) -> Iterator[tuple[int, float, ParagraphLayout]]:
        """(index, top, layout) of the paragraphs that intersect [y0, y1), laying them out as needed."""
        if not self.paragraphs:
            return
        idx = self.paragraph_at_y(y0)
        while idx < len(self.paragraphs):
            lay = self.layout(idx)
            top = self.top_of(idx)
            if top >= y1:
                break
            if top + lay.height > y0:
                yield idx, top, lay
            idx += 1

    # ---- laying out one paragraph ------------------------------------------------------------
    def display_of(self, idx: int) -> DisplayParagraph:
        script, readings = self.options.script, self.options.readings()
        key = (idx, script, readings)
        disp = self._disp_cache.get(key)
        if disp is None:
            par = self.paragraphs[idx]
            toks = self.tokens.get(idx) or _plain_tokens(par)
            disp = self._disp_cache[key] = display(par.text, toks, script, par.start, **readings.display_kwargs())
        return disp

    def _translation_font(self) -> QFont:
        font = QFont(self.body.glyph)
        font.setPixelSize(max(9, round(self.options.size * 4 / 3 * 0.72)))
        font.setItalic(False)
        return font

    def layout(self, idx: int) -> ParagraphLayout:
        current = self._current()
        lay = current.get(idx)
        if lay is None:
            lay = current[idx] = self._layout(idx)
        if not self._known[idx] or self._heights[idx] != lay.height:
            self._known[idx] = True
            if self._heights[idx] != lay.height:
                self._heights[idx] = lay.height
                self._dirty_from = min(self._dirty_from, idx + 1)
        return lay

    def _layout(self, idx: int) -> ParagraphLayout:
        par = self.paragraphs[idx]
        fs = self.fontset(par.kind, par.level)
        disp = self.display_of(idx)
        text = disp.text
        style = self.options.pinyin
        show = style != "none" and idx in self.tokens
        hidden: list[bool] | None = None
        if show and self.reading_filter is not None:
            keep = self.reading_filter(idx, disp)
            if keep is not None:
                hidden = [False] * len(text)
                for tok, kept in zip(disp.tokens, keep, strict=False):
                    if not kept:
                        hidden[tok.start:tok.end] = [True] * (tok.end - tok.start)
        items, tones = reading_items(text, disp.tokens, fs, style if show else "none", hidden)
        width = self.text_width
        indent_first = indent_rest = 0.0
        if par.kind == "list_item":
            indent_first = indent_rest = fs.em * 1.0
            marker = par.marker.strip()
            if marker and text.startswith(marker):
                j = len(marker)
                while j < len(text) and text[j].isspace():
                    j += 1
                # hanging indent: wrapped lines start under the text, not under the marker
                indent_rest = indent_first + sum(it.advance for it in items[:j]) + (0 if j > len(marker) else fs.em * 0.25)
        set_lines = set_paragraph(items, width, fs.params(style, justify=par.kind != "heading"),
                                  indent_first=indent_first, indent_rest=indent_rest)
        height, reading_base, glyph_base, band_top = self._line_metrics(fs, show or style != "none")
        lines: list[Line] = []
        y = 0.0
        if par.kind == "heading" and idx > 0:
            y += fs.em * 0.4
        for sl in set_lines:
            ind = sl.indent
            row = []
            for p in sl.placed:
                it = items[p.k]
                row.append(Cell(ind + p.box_x, p.box_w, p.k, it.ch, p.reading, p.rw, tones[p.k],
                                ind + p.glyph_x, p.adv, ind + p.rx, p.group))
            line = Line(row)
            line.justified, line.last = sl.justified, sl.last
            line.left, line.right = ind, ind + sl.width
            line.y, line.height = y, height
            line.reading_base, line.glyph_base = reading_base, glyph_base
            line.band_top = band_top
            line.band_bottom = glyph_base + fs.gm.descent()
            lines.append(line)
            y += height
        translation: list[tuple[float, str]] = []
        tr_font = None
        tr_text = self.translations.get(idx) if self.options.translations else None
        tr_x = 0.0
        if tr_text and self.side_by_side:  # a second column, its first line level with the paragraph's
            tr_font = self._translation_font()
            tm = QFontMetricsF(tr_font)
            _zh, gap, tr_width, _ = self.side_columns()
            tr_x = width + gap
            ty = lines[0].y + lines[0].band_top if lines else 0.0
            for row_text in _wrap(tr_text, tm, tr_width):
                translation.append((ty + tm.ascent(), row_text))
                ty += tm.lineSpacing()
            y = max(y, ty + fs.em * 0.2)
        elif tr_text:
            tr_font = self._translation_font()
            tm = QFontMetricsF(tr_font)
            y += fs.em * 0.1
            for row_text in _wrap(tr_text, tm, width):
                translation.append((y + tm.ascent(), row_text))
                y += tm.lineSpacing()
            y += fs.em * 0.2
        y += self._spacing(par, fs)
        return ParagraphLayout(par, disp, fs, lines, y, translation, tr_font, show, tr_x)

    # ---- hit testing and geometry for callers --------------------------------------------------
    def hit(self, x: float, y: float) -> tuple[int, ParagraphLayout, Line, int, bool] | None:
        """Document point → (paragraph index, layout, line, displayed index, right half of the cell)."""
        if not self.paragraphs:
            return None
        idx = self.paragraph_at_y(y)
        lay = self.layout(idx)
        top = self.top_of(idx)
        if y >= top + lay.height and idx + 1 < len(self.paragraphs):
            idx += 1
            lay, top = self.layout(idx), self.top_of(idx)
        line = lay.line_at(y - top)
        if line is None or not line.cells:
            return idx, lay, line or Line([]), 0, False
        lx = x - self.x_offset
        k = max(0, bisect_right(line.xs, lx) - 1)
        cell = line.cells[k]
        return idx, lay, line, cell.i, lx > cell.x + cell.w / 2

    def offset_at(self, x: float, y: float) -> int:
        """Canonical offset of the character under a document point (nearest on its line)."""
        hit = self.hit(x, y)
        if hit is None:
            return 0
        _, lay, _, i, _ = hit
        return lay.canonical(min(i, max(0, len(lay.disp.text) - 1)))

    def boundary_at(self, x: float, y: float) -> int:
        """Canonical offset of the character boundary nearest to a document point (for selections)."""
        hit = self.hit(x, y)
        if hit is None:
            return 0
        _, lay, line, i, right = hit
        if not line.cells:
            return lay.par.start
        lx = x - self.x_offset
        if lx > line.cells[-1].x + line.cells[-1].w:
            return lay.canonical(line.end, end=True)
        if lx < line.cells[0].x:
            return lay.canonical(line.start)
        return lay.canonical(i + 1, end=True) if right else lay.canonical(i)

    def locate(self, offset: int) -> tuple[int, ParagraphLayout, Line, Cell] | None:
        """The paragraph, line and cell showing a canonical offset."""
        if not self.paragraphs:
            return None
        idx = max(0, bisect_right(self._starts, offset) - 1)
        lay = self.layout(idx)
        i = lay.display_index(offset)
        found = lay.cell_of(min(i, max(0, len(lay.disp.text) - 1)))
        if found is None:
            return None
        return idx, lay, found[0], found[1]

    def glyph_rect(self, offset: int) -> QRectF | None:
        """Document rectangle of the glyph showing a canonical offset."""
        loc = self.locate(offset)
        if loc is None:
            return None
        idx, lay, line, cell = loc
        fs = lay.fonts
        top = self.top_of(idx) + line.y
        x = self.x_offset + cell.gx
        return QRectF(x, top + line.glyph_base - fs.gm.ascent(), fs.gadv(cell.ch), fs.gm.ascent() + fs.gm.descent())

    def reading_rect(self, offset: int) -> QRectF | None:
        """Document rectangle of the reading drawn above a canonical offset (None when it has none)."""
        loc = self.locate(offset)
        if loc is None or loc[3].reading is None:
            return None
        idx, lay, line, cell = loc
        return self._reading_box(self.top_of(idx), line, cell, lay.fonts)

    def _reading_box(self, ptop: float, line: Line, cell: Cell, fs: FontSet) -> QRectF:
        x = self.x_offset + cell.rx
        top = ptop + line.y + line.reading_base - fs.rm.ascent()
        return QRectF(x, top, cell.rw, fs.rm.ascent() + fs.rm.descent())

    def line_reading_boxes(self, y0: float, y1: float) -> list[list[tuple[int, QRectF]]]:
        """Per line intersecting [y0, y1): (canonical offset, reading rectangle) of every reading on it."""
        out: list[list[tuple[int, QRectF]]] = []
        for _idx, top, lay in self.visible(y0, y1):
            for line in lay.lines:
                if top + line.y + line.height <= y0 or top + line.y >= y1:
                    continue
                out.append([
                    (lay.canonical(c.i), self._reading_box(top, line, c, lay.fonts)) for c in line.cells if c.reading
                ])
        return out

    def span_rects(self, lay: ParagraphLayout, ptop: float, start: int, end: int) -> list[QRectF]:
        """Document rectangles covering the canonical span [start, end) within one paragraph."""
        par = lay.par
        if end <= par.start and not (start == end == par.start) or start > par.end:
            return []
        a = lay.display_index(max(start, par.start))
        b = lay.display_index(min(end, par.end), end=True)
        rects: list[QRectF] = []
        xo = self.x_offset
        lines = lay.lines
        first_line = max(0, bisect_right(lines, a, key=_line_start) - 1) if len(lines) > 4 else 0
        for line in lines[first_line:]:
            cells = line.cells
            if not cells or line.end <= a:
                continue
            if line.start >= b:
                break
            lo, hi = bisect_left(cells, a, key=_cell_index), bisect_left(cells, b, key=_cell_index)  # cells in order
            if lo >= hi:
                continue
            first, last = cells[lo], cells[hi - 1]
            x0 = xo + first.x
            x1 = xo + last.x + last.w
            rects.append(QRectF(x0, ptop + line.y + line.band_top, x1 - x0, line.band_bottom - line.band_top))
        return rects


def _cell_index(cell: Cell) -> int:
    return cell.i


def _line_start(line: Line) -> int:
    return line.cells[0].i if line.cells else -1


def _wrap(text: str, fm: QFontMetricsF, width: float) -> list[str]:
    """Greedy word wrap for translation lines (spaces for Latin text, any character for CJK)."""
    out: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if fm.horizontalAdvance(candidate) <= width or not line:
            line = candidate
            while fm.horizontalAdvance(line) > width and len(line) > 1:
                cut = len(line)
                while cut > 1 and fm.horizontalAdvance(line[:cut]) > width:
                    cut -= 1
                out.append(line[:cut])
                line = line[cut:]
        else:
            out.append(line)
            line = word
    if line:
        out.append(line)
    return out
