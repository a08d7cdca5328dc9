"""The reading view (gui layer): a custom-painted ruby text view on a QAbstractScrollArea.

Characters are drawn with their readings centred above them (see layout.py). Only visible lines are
painted; paragraphs are laid out lazily. Selections, highlights and find matches are kept as canonical
offsets, so they stay on the same characters in every script; word status colours (word_tint.py) go under
them all. Geometry and hit tests for callers come from view_geometry.py.
"""
from __future__ import annotations

import time
from bisect import bisect_right
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QEasingCurve, QEvent, QPoint, QPointF, QRectF, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QMenu, QWidget

from reader.core.text import Paragraph, Token
from reader.gui.glyphs import render_line
from reader.gui.highlight_index import Highlight, HighlightIndex
from reader.gui.layout import DocumentLayout, Line, ParagraphLayout
from reader.gui.options import DisplayOptions, Palette, make_palette, tone_colour
from reader.gui.qtfix import keep_none_alive
from reader.gui.selection import display_text, text_with_readings
from reader.gui.view_geometry import ViewGeometry
from reader.gui.word_tint import WordTint

ContextMenuProvider = Callable[[QMenu, int], None]
IDLE_LAYOUT_MAX_CHARS = 400_000
PIXMAP_LINES = 160  # rendered lines kept for fast scrolling  # lay out the rest of an article in idle time up to this size


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark


class ReadingView(ViewGeometry, QAbstractScrollArea):
    selectionChanged = Signal(int, int)  # canonical start, end
    contextMenuRequested = Signal(int, QPoint)  # canonical offset, global position
    wordClicked = Signal(int)  # a click (press and release without a drag): the character's offset, -1 off the text
    wordHovered = Signal(int)  # the mouse is over another character: its offset, -1 over blank space or a press
    escapePressed = Signal()  # Esc reached the view (nothing else took it): the selection was cleared
    positionChanged = Signal(int)  # canonical offset at the top of the view

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = DocumentLayout()
        self.options = DisplayOptions()
        self.palette_ = make_palette(False)
        self.smooth_scrolling = True
        self._text_len = 0
        self._sel_anchor = self._sel_cursor = 0
        self._dragging = False
        self._press_pos: QPointF | None = None
        self._highlights: list[Highlight] = []
        self._highlight_index = HighlightIndex([])
        self._highlight_rows: dict[int, list[tuple[Highlight, int]]] = {}  # see paragraph_highlights
        self._find: list[tuple[int, int]] = []
        self._find_current = -1
        self._providers: list[ContextMenuProvider] = []
        self._hover = -1
        self._pointer: QPointF | None = None  # where the mouse is over the text (None: elsewhere)
        self._caret_char = -1  # the character last clicked, while the selection stays collapsed there
        self.word_tint: WordTint | None = None  # word status colours (reader.gui.word_tint); None: off
        self.last_paint_ms = 0.0
        self.paint_count = 0
        self._anim = QVariantAnimation(self)
        self._anim.setDuration(140)
        self._anim.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._anim.valueChanged.connect(lambda v: self.verticalScrollBar().setValue(int(v)))
        self._scroll_target: float | None = None
        self._idle = QTimer(self)
        self._idle.setInterval(0)
        self._idle.timeout.connect(self._idle_layout)
        self._last_top = -1
        self._pixmap_lines: deque[Line] = deque()
        self._pens_key: tuple | None = None
        self._pens_cache: dict[tuple[str, int], QColor] = {}
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QAbstractScrollArea.Shape.NoFrame)
        self.viewport().setMouseTracking(True)
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.doc.set_viewport_width(float(self.viewport().width()))

    # ---- content --------------------------------------------------------------------------------
    def set_document(
        self, paragraphs: list[Paragraph], tokens: dict[int, list[Token]] | None = None,
        translations: dict[int, str] | None = None,
    ) -> None:
        """Show an article: its paragraphs, the tokens known so far and its translations (if any)."""
        self.doc.set_content(paragraphs, tokens or {}, translations or {})
        self._text_len = paragraphs[-1].end if paragraphs else 0
        self._sel_anchor = self._sel_cursor = 0
        self._caret_char = -1
        if self.word_tint is not None:
            self.word_tint.forget()
        self._highlights, self._find, self._find_current = [], [], -1
        self._highlight_index, self._highlight_rows = HighlightIndex([]), {}
        self._update_scrollbar()
        self.verticalScrollBar().setValue(0)
        self._start_idle()
        self.viewport().update()

    @property
    def text_length(self) -> int:
        """Characters in the document (the canonical offset after its last one)."""
        return self._text_len

    def update_tokens(self, tokens: dict[int, list[Token]]) -> None:
        """Readings arrived for some paragraphs (computed in the background)."""
        anchor = self._anchor()
        self.doc.update_tokens(tokens)
        self._restore(anchor)
        self._start_idle()
        self.viewport().update()

    def set_translations(self, translations: dict[int, str] | None) -> None:
        """Interlinear translation lines under paragraphs; None hides them."""
        anchor = self._anchor()
        if translations is not None:
            self.doc.translations = dict(translations)
        self.options = self.options.with_(translations=translations is not None)
        self.doc.set_options(self.options)
        self.doc.translations_changed()
        self._restore(anchor)
        self._start_idle()

    def set_reading_filter(self, fn: Callable | None) -> None:
        """`fn(paragraph index, DisplayParagraph) -> [bool per displayed token]`: which words get a reading
        (scaffolding); None draws every reading."""
        anchor = self._anchor()
        self.doc.set_reading_filter(fn)
        self._restore(anchor)
        self._start_idle()
        self.viewport().update()

    @property
    def paragraphs(self) -> list[Paragraph]:
        return self.doc.paragraphs

    # ---- options --------------------------------------------------------------------------------
    def set_options(self, options: DisplayOptions) -> None:
        anchor = self._anchor()
        self.options = options
        self.doc.set_options(options)
        self.palette_ = make_palette(self.is_dark())
        self._restore(anchor)
        self._start_idle()
        self.viewport().update()

    def is_dark(self) -> bool:
        if self.options.theme == "dark":
            return True
        if self.options.theme == "light":
            return False
        return system_is_dark()

    def refresh_theme(self) -> None:
        self.palette_ = make_palette(self.is_dark())
        self.viewport().update()

    # ---- hooks for annotations ------------------------------------------------------------------
    def set_highlights(self, highlights: list[Highlight]) -> None:
        """Fills under the text: (canonical start, end, colour, key). Overlaps blend and get stacked underlines."""
        self._highlights = sorted(highlights, key=lambda h: (h[0], -h[1]))
        self._highlight_index, self._highlight_rows = HighlightIndex(self._highlights), {}
        self.viewport().update()

    def paragraph_highlights(self, idx: int) -> list[tuple[Highlight, int]]:
        """The highlights drawn on paragraph `idx` in drawing order, each with its underline depth.

        Found by bisection the first time a paragraph is drawn after `set_highlights`, then kept: a frame
        touches only the visible paragraphs' highlights, however many the article has."""
        rows = self._highlight_rows.get(idx)
        if rows is None:
            pars = self.doc.paragraphs
            rows = self._highlight_rows[idx] = self._highlight_index.rows(pars[idx]) if 0 <= idx < len(pars) else []
        return rows

    def highlight_at(self, offset: int) -> list[object]:
        """Keys of the highlights covering a canonical offset, the shortest (innermost) first."""
        pars = self.doc.paragraphs
        idx = bisect_right(pars, offset, key=lambda p: p.start) - 1
        near = [h for h, _ in self.paragraph_highlights(idx)] if 0 <= idx < len(pars) else self._highlights
        hits = [h for h in near if h[0] <= offset < h[1]]
        hits.sort(key=lambda h: h[1] - h[0])
        return [h[3] for h in hits]

    def set_word_tint(self, tint: WordTint | None) -> None:
        """Tint words by status (None: no tint); after a status change call it again, or `update()`."""
        self.word_tint = tint
        self.viewport().update()

    def add_context_menu_provider(self, provider: ContextMenuProvider) -> None:
        """`provider(menu, canonical_offset)` adds actions to the view's context menu."""
        self._providers.append(provider)

    def set_find_matches(self, matches: list[tuple[int, int]], current: int = -1) -> None:
        self._find, self._find_current = list(matches), current
        self.viewport().update()

    # ---- selection ------------------------------------------------------------------------------
    def selection(self) -> tuple[int, int]:
        a, b = self._sel_anchor, self._sel_cursor
        return (a, b) if a <= b else (b, a)

    def set_selection(self, start: int, end: int, *, emit: bool = True) -> None:
        start = max(0, min(start, self._text_len))
        end = max(0, min(end, self._text_len))
        self._sel_anchor, self._sel_cursor = start, end
        self._caret_char = -1
        self.viewport().update()
        if emit:
            self.selectionChanged.emit(*self.selection())

    def clear_selection(self) -> None:
        self.set_selection(self._sel_cursor, self._sel_cursor)

    def selected_text(self) -> str:
        """The selection in the displayed script; paragraphs separated by newlines."""
        return display_text(self.doc, *self.selection())

    def selected_text_with_pinyin(self) -> str:
        """The selection as `联合国(lián hé guó)`: each word followed by its readings."""
        style = self.options.pinyin if self.options.pinyin != "none" else "marks"
        return text_with_readings(self.doc, *self.selection(), style)

    def copy(self) -> None:
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def copy_with_pinyin(self) -> None:
        text = self.selected_text_with_pinyin()
        if text:
            QGuiApplication.clipboard().setText(text)

    def select_word_at(self, offset: int) -> None:
        for idx, p in enumerate(self.doc.paragraphs):
            if p.start <= offset < p.end or (offset == p.end and p.start == p.end):
                for tok in self.doc.tokens.get(idx, []):
                    if tok.start <= offset < tok.end:
                        self.set_selection(tok.start, tok.end)
                        return
                self.set_selection(offset, min(offset + 1, p.end))
                return

    def pointer_char(self) -> int:
        """Canonical offset of the character under the mouse pointer now (-1: not over a character)."""
        return -1 if self._pointer is None else self.char_at(self._pointer)

    def caret_char(self) -> int:
        """The character last clicked, while no selection was made since (-1: none)."""
        return self._caret_char if self._sel_anchor == self._sel_cursor else -1

    def scroll_to_offset(self, offset: int, *, margin: float | None = None) -> None:
        """Scroll so the line showing a canonical offset is near the top of the view."""
        loc = self.doc.locate(offset)
        if loc is None:
            return
        idx, _, line, _ = loc
        margin = self.doc.body.em * 1.0 if margin is None else margin
        self._anim.stop()
        self._scroll_target = None
        self._update_scrollbar()
        self.verticalScrollBar().setValue(int(self.doc.top_of(idx) + line.y - margin))
        self.viewport().update()

    def ensure_offset_visible(self, offset: int) -> None:
        rect = self.glyph_rect(offset)
        if rect is None or rect.top() < 0 or rect.bottom() > self.viewport().height():
            self.scroll_to_offset(offset, margin=self.viewport().height() / 3)

    def reading_position(self) -> float:
        """How far through the article the top of the view is, 0.0–1.0."""
        if not self._text_len:
            return 0.0
        sb = self.verticalScrollBar()
        if sb.maximum() > 0 and sb.value() >= sb.maximum():
            return 1.0
        return min(1.0, self.top_offset() / self._text_len)

    # ---- scrolling ------------------------------------------------------------------------------
    def _anchor(self) -> tuple[int, float]:
        if not self.doc.paragraphs:
            return (0, 0.0)
        y = self._scroll()
        idx = self.doc.paragraph_at_y(y)
        top, height = self.doc.top_of(idx), max(1.0, self.doc.top_of(idx + 1) - self.doc.top_of(idx))
        return idx, (y - top) / height

    def _restore(self, anchor: tuple[int, float]) -> None:
        idx, frac = anchor
        self._update_scrollbar()
        if not self.doc.paragraphs or (idx == 0 and frac <= 0):
            return
        top = self.doc.top_of(idx)
        height = self.doc.layout(idx).height
        self.verticalScrollBar().setValue(int(top + frac * height))

    def _update_scrollbar(self) -> None:
        sb = self.verticalScrollBar()
        page = self.viewport().height()
        sb.setRange(0, max(0, int(self.doc.total_height - page)))
        sb.setPageStep(max(1, int(page * 0.9)))
        sb.setSingleStep(max(1, int(self.doc.body.em * 2)))

    def _scroll_by(self, delta: float) -> None:
        sb = self.verticalScrollBar()
        if not self.smooth_scrolling:
            sb.setValue(int(sb.value() + delta))
            return
        base = self._scroll_target if self._anim.state() == QVariantAnimation.State.Running and self._scroll_target is not None else sb.value()
        target = max(sb.minimum(), min(sb.maximum(), base + delta))
        self._scroll_target = target
        self._anim.stop()
        self._anim.setStartValue(float(sb.value()))
        self._anim.setEndValue(float(target))
        self._anim.start()

    def _scrolled(self, _value: int) -> None:
        self.viewport().update()
        top = self.top_offset()
        if top != self._last_top:
            self._last_top = top
            self.positionChanged.emit(top)

    def _start_idle(self) -> None:
        if self._text_len <= IDLE_LAYOUT_MAX_CHARS and not self.doc.all_laid_out():
            self._idle.start()

    def _idle_layout(self) -> None:
        """Lay out unseen paragraphs a few milliseconds at a time, so the scrollbar becomes exact."""
        deadline = time.perf_counter() + 0.004
        anchor = self._anchor()
        idx = self.doc.next_unknown()
        while idx is not None and time.perf_counter() < deadline:
            self.doc.layout(idx)
            idx = self.doc.next_unknown(idx + 1)
        if idx is None:
            self._idle.stop()
        if not (self._anim.state() == QVariantAnimation.State.Running):
            self._restore(anchor)
        else:
            self._update_scrollbar()

    # ---- painting -------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        t0 = time.perf_counter()
        keep_none_alive()
        pal = self.palette_
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), pal.background)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        scroll = self._scroll()
        clip = QRectF(event.rect())
        y0, y1 = scroll + clip.top(), scroll + clip.bottom() + 1
        sel = self.selection()
        total_before = self.doc.total_height
        painter.translate(0, -scroll)
        xo = self.doc.x_offset
        pad = self.doc.body.em * 1.5
        dpr = self.viewport().devicePixelRatioF()
        base_key = (self.options.tones, pal.dark, dpr, round(self.doc.text_width, 1))
        for _idx, top, lay in self.doc.visible(y0, y1):
            self._paint_fills(painter, lay, top, sel, _idx)
            key = (*base_key, lay.par.kind == "byline")
            for line in lay.lines:
                ly = top + line.y
                if ly + line.height < y0 or ly > y1 or not line.cells:
                    continue
                if line.pixkey != key or line.pixmap is None:
                    self._render_line(line, lay, key, pad, dpr)
                painter.drawPixmap(QPointF(round((xo - pad) * dpr) / dpr, round(ly * dpr) / dpr), line.pixmap)
            if lay.translation and lay.translation_font is not None:
                painter.setFont(lay.translation_font)
                painter.setPen(pal.translation)
                for base, text in lay.translation:
                    painter.drawText(QPointF(xo + lay.translation_x, top + base), text)
        painter.end()
        if abs(self.doc.total_height - total_before) > 0.5:
            QTimer.singleShot(0, self._update_scrollbar)
        self.paint_count += 1
        self.last_paint_ms = (time.perf_counter() - t0) * 1000

    def _render_line(self, line: Line, lay: ParagraphLayout, key: tuple, pad: float, dpr: float) -> None:
        muted = self.palette_.muted if lay.par.kind == "byline" and self.options.tones == "none" else None
        line.pixmap = render_line(line, lay.fonts, self.doc.text_width + 2 * pad, pad, dpr, self._pens, muted)
        line.pixkey = key
        self._pixmap_lines.append(line)
        while len(self._pixmap_lines) > PIXMAP_LINES:
            old = self._pixmap_lines.popleft()
            if old is not line and old not in self._pixmap_lines:
                old.pixmap = old.pixkey = None

    @property
    def _pens(self) -> dict[tuple[str, int], QColor]:
        key = (self.options.tones, self.palette_.dark)
        if self._pens_key != key:
            tones, pal = self.options.tones, self.palette_
            self._pens_cache = {("g", t): tone_colour(tones, t, pal) for t in range(6)} | {
                ("r", t): tone_colour(tones, t, pal, reading=True) for t in range(6)
            }
            self._pens_key = key
        return self._pens_cache

    def _paint_fills(self, painter: QPainter, lay: ParagraphLayout, top: float, sel: tuple[int, int], idx: int) -> None:
        pal: Palette = self.palette_
        p = lay.par
        if self.word_tint is not None and idx in self.doc.tokens:  # under all; once segmented
            self.word_tint.paint(painter, idx, lay, self.doc.x_offset, top, pal.background, pal.dark)
        painter.setPen(Qt.PenStyle.NoPen)
        colours: dict[int, tuple[QColor, QColor]] = {}  # rgba → (fill, underline)
        for (start, end, colour, _key), depth in self.paragraph_highlights(idx):
            pair = colours.get(colour.rgba())
            if pair is None:
                fill, line_colour = QColor(colour), QColor(colour)
                fill.setAlpha(min(fill.alpha(), 90))
                line_colour.setAlpha(230)
                pair = colours[colour.rgba()] = (fill, line_colour)
            fill, line_colour = pair
            for rect in self.doc.span_rects(lay, top, start, end):
                painter.fillRect(rect, fill)
                painter.fillRect(QRectF(rect.left(), rect.bottom() - 2 - depth * 3.5, rect.width(), 2), line_colour)
        for n, (start, end) in enumerate(self._find):
            if end <= p.start or start >= p.end:
                continue
            colour = pal.find_current if n == self._find_current else pal.find
            for rect in self.doc.span_rects(lay, top, start, end):
                painter.fillRect(rect, colour)
        if sel[0] < sel[1] and sel[1] > p.start and sel[0] <= p.end:
            for rect in self.doc.span_rects(lay, top, *sel):
                painter.fillRect(rect, pal.selection)

    # ---- events ---------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        anchor = self._anchor()
        super().resizeEvent(event)
        self.doc.set_viewport_width(float(self.viewport().width()))
        self._restore(anchor)
        self._start_idle()

    def wheelEvent(self, event: QWheelEvent) -> None:
        pixels = event.pixelDelta().y()
        if pixels:
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - pixels)
        else:
            steps = event.angleDelta().y() / 120.0
            self._scroll_by(-steps * self.doc.body.em * 4)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        page = self.viewport().height() * 0.9
        line = self.doc.body.em * 2.2
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
        elif key == Qt.Key.Key_C and mods == (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            self.copy_with_pinyin()
        elif event.matches(QKeySequence.StandardKey.SelectAll):
            self.set_selection(0, self._text_len)
        elif shift and key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._extend(key)
        elif key == Qt.Key.Key_PageDown or (key == Qt.Key.Key_Space and not shift):
            self._scroll_by(page)
        elif key == Qt.Key.Key_PageUp or key == Qt.Key.Key_Space:
            self._scroll_by(-page)
        elif key == Qt.Key.Key_Down:
            self._scroll_by(line)
        elif key == Qt.Key.Key_Up:
            self._scroll_by(-line)
        elif key == Qt.Key.Key_Home:
            self._anim.stop()
            self.verticalScrollBar().setValue(0)
        elif key == Qt.Key.Key_End:
            self._anim.stop()
            for i in range(max(0, len(self.doc.paragraphs) - 3), len(self.doc.paragraphs)):
                self.doc.layout(i)
            self._update_scrollbar()
            self.verticalScrollBar().setValue(self.verticalScrollBar().maximum())
        elif key == Qt.Key.Key_Escape:
            self.clear_selection()
            self.escapePressed.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _extend(self, key: int) -> None:
        cur = self._sel_cursor
        if key == Qt.Key.Key_Left:
            cur -= 1
        elif key == Qt.Key.Key_Right:
            cur += 1
        else:
            rect = self.doc.glyph_rect(min(cur, max(0, self._text_len - 1)))
            if rect is not None:
                loc = self.doc.locate(min(cur, max(0, self._text_len - 1)))
                step = loc[2].height if loc else rect.height() * 2
                y = rect.center().y() + (step if key == Qt.Key.Key_Down else -step)
                cur = self.doc.boundary_at(rect.left() + 1, y)
        cur = max(0, min(cur, self._text_len))
        self.set_selection(self._sel_anchor, cur)
        self.ensure_offset_visible(min(cur, max(0, self._text_len - 1)))

    def _doc_point(self, pos: QPointF) -> tuple[float, float]:
        return float(pos.x()), float(pos.y()) + self._scroll()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.doc.paragraphs:
            x, y = self._doc_point(event.position())
            b = self.doc.boundary_at(x, y)
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self._sel_cursor = b
            else:
                self._sel_anchor = self._sel_cursor = b
            self._dragging = True
            self._press_pos = event.position()
            self._hover, self._pointer = -1, None
            self.wordHovered.emit(-1)  # a press may start a drag: nothing pending may pop up during it
            self.viewport().update()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._pointer = None if self._dragging else event.position()  # resting on the text, not selecting
        if not self.doc.paragraphs:
            return
        x, y = self._doc_point(event.position())
        if self._dragging:
            self._sel_cursor = self.doc.boundary_at(x, y)
            vy = event.position().y()
            if vy < 0:
                self.verticalScrollBar().setValue(int(self._scroll() + vy))
            elif vy > self.viewport().height():
                self.verticalScrollBar().setValue(int(self._scroll() + vy - self.viewport().height()))
            self.viewport().update()
        else:
            off = self.char_at(event.position())
            if off != self._hover:
                self._hover = off
                self.wordHovered.emit(off)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._dragging:
            self._dragging = False
            x, y = self._doc_point(event.position())
            self._sel_cursor = self.doc.boundary_at(x, y)
            moved = self._press_pos is not None and (event.position() - self._press_pos).manhattanLength() > 3
            if not moved and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self._sel_anchor = self._sel_cursor
                self._caret_char = self.char_at(event.position())
                self.wordClicked.emit(self._caret_char)
            self.viewport().update()
            self.selectionChanged.emit(*self.selection())
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave:
            self._pointer = None
        return super().viewportEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.doc.paragraphs:
            x, y = self._doc_point(event.position())
            self.select_word_at(self.doc.offset_at(x, y))
            self._dragging = False
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def build_context_menu(self, offset: int) -> QMenu:
        menu = QMenu(self)
        has_sel = self.selection()[0] < self.selection()[1]
        act = menu.addAction(self.tr("Copy"), self.copy)
        act.setEnabled(has_sel)
        act = menu.addAction(self.tr("Copy with pinyin"), self.copy_with_pinyin)
        act.setEnabled(has_sel)
        for provider in self._providers:
            provider(menu, offset)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        offset = self.offset_at(QPointF(event.pos()))
        self.contextMenuRequested.emit(offset, event.globalPos())
        menu = self.build_context_menu(offset)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def sizeHint(self):  # noqa: ANN201
        hint = super().sizeHint()
        hint.setWidth(int(QFont().pointSizeF() * 50))
        return hint
