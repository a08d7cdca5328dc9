"""Annotation widgets over the reading view (gui layer): the floating toolbar and the marks overlay.

`SelectionToolbar` appears near a fresh selection with one coloured button per tag, a plain highlight
and a note button; it never takes the keyboard focus from the view. `MarksOverlay` is a transparent child
of the view's viewport that draws what the view itself does not: an outline around the selected
annotation and a small mark under readings a reader fixed. `span_rects(view, start, end)` gives the
viewport rectangles of a canonical span on the visible lines (what the view fills for a highlight).
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from reader.core.tags import Tag
from reader.gui.qtfix import keep_none_alive
from reader.gui.safe_text import tip

FIX_MARK_COLOUR = "#d9480f"  # the mark under a reading a reader chose


def span_rects(view, start: int, end: int) -> list[QRectF]:  # noqa: ANN001 - ReadingView
    """Viewport rectangles covering the canonical span [start, end) on the visible lines (as the view fills it)."""
    if start >= end:
        return []
    y0 = float(view.verticalScrollBar().value())
    y1 = y0 + view.viewport().height()
    out: list[QRectF] = []
    for _idx, top, lay in view.doc.visible(y0, y1):
        if lay.par.end < start or lay.par.start >= end:
            continue
        out += [r.translated(0, -y0) for r in view.doc.span_rects(lay, top, start, end)]
    return out


def _text_on(colour: QColor) -> str:
    """Black or white, whichever reads better on `colour`."""
    luma = 0.299 * colour.redF() + 0.587 * colour.greenF() + 0.114 * colour.blueF()
    return "#1a1a1a" if luma > 0.55 else "#ffffff"


class SelectionToolbar(QFrame):
    """A small bar of buttons shown above (or below) a new selection; clicking never moves the focus."""

    def __init__(self, parent: QWidget, on_tag: Callable[[int], None], on_plain: Callable[[], None],
                 on_note: Callable[[], None]) -> None:
        super().__init__(parent)
        self.on_tag, self.on_plain, self.on_note = on_tag, on_plain, on_note
        self.setObjectName("selectionToolbar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.ArrowCursor)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 3, 4, 3)
        self._layout.setSpacing(3)
        self.buttons: dict[int, QToolButton] = {}
        self.plain_button: QToolButton | None = None
        self.note_button: QToolButton | None = None
        self._items: list[QToolButton | int] = []  # the buttons in order; an int is a gap between tagsets
        self.compact = False
        self.hide()

    def set_tags(self, tags: list[Tag], label: Callable[[Tag], str], short: Callable[[Tag], str]) -> None:
        """One button per tag, named by its key and `short(tag)` ('1 同意'), with `label(tag)` as the tooltip."""
        for item in self._items:
            if isinstance(item, QToolButton):
                item.deleteLater()
        self.buttons = {}
        self._items = []
        last_set: int | None = None
        for t in tags:
            if last_set is not None and t.tagset_id != last_set:
                self._items.append(6)
            last_set = t.tagset_id
            colour = QColor(t.color)
            name = f"{t.shortcut} {short(t)}" if t.shortcut else short(t)
            b = self._button(name, lambda _=False, tid=t.id: self.on_tag(tid))
            b.setToolTip(tip(label(t) + (f"  ({t.shortcut})" if t.shortcut else "")))
            b.setStyleSheet(
                f"QToolButton {{ background: {colour.name()}; color: {_text_on(colour)}; border: none;"
                " border-radius: 4px; padding: 2px 6px; }"
                f"QToolButton:hover {{ background: {colour.lighter(115).name()}; }}"
            )
            self.buttons[t.id] = b
        self._items.append(6)
        plain = QColor("#f2c94c")
        self.plain_button = self._button("H " + self.tr("Highlight"), lambda _=False: self.on_plain())
        self.plain_button.setToolTip(self.tr("Plain highlight (H)"))
        self.plain_button.setStyleSheet(
            f"QToolButton {{ background: {plain.name()}; color: #1a1a1a; border: none; border-radius: 4px;"
            " padding: 2px 6px; }"
        )
        self.note_button = self._button("N " + self.tr("Note…"), lambda _=False: self.on_note())
        self.note_button.setToolTip(self.tr("Highlight and write a note"))
        self.note_button.setStyleSheet(
            "QToolButton { border: 1px solid palette(mid); border-radius: 4px; padding: 1px 6px; }"
        )
        self.set_compact(False)

    def set_compact(self, compact: bool, rows: int = 2) -> None:
        """The buttons on one row, or (compact, for a narrow view) on `rows` rows; names are always shown."""
        self.compact = compact
        while self._layout.count():
            row = self._layout.takeAt(0).layout()
            if row is not None:
                while row.count():
                    row.takeAt(0)
                row.deleteLater()
        buttons = [i for i in self._items if isinstance(i, QToolButton)]
        per_row = -(-len(buttons) // max(1, rows)) if compact else len(buttons)
        row = QHBoxLayout()
        self._layout.addLayout(row)
        seen = 0
        for item in self._items:
            if isinstance(item, int):
                if row.count():
                    row.addSpacing(item)
                continue
            if seen and seen % max(1, per_row) == 0:
                row.addStretch(1)
                row = QHBoxLayout()
                self._layout.addLayout(row)
            row.addWidget(item)
            seen += 1
        row.addStretch(1)
        self._layout.activate()
        self.adjustSize()

    def _button(self, text: str, slot: Callable[[bool], None]) -> QToolButton:
        b = QToolButton(self)
        b.setText(text)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        b.setAutoRaise(False)
        b.clicked.connect(slot)
        self._items.append(b)
        return b

    def show_near(self, rects: list[QRectF], avoid: QRectF | None = None) -> None:
        """Place the bar above the first rectangle of the selection (below the last when there is no room),
        never over `avoid` (the dictionary popup): then beside the selection's other side, or next to it."""
        if not rects:
            self.hide()
            return
        area = QRectF(self.parentWidget().rect())
        self.set_compact(False)
        rows = 1
        while self.sizeHint().width() > area.width() - 4 and rows < len(self.buttons) + 2:  # a narrow view
            rows += 1
            self.set_compact(True, rows)
        size: QSize = self.sizeHint()
        w, h = float(size.width()), float(size.height())
        first, last = rects[0], rects[-1]
        spots = [(first.left(), first.top() - h - 4), (last.left(), last.bottom() + 4)]
        if avoid is not None:
            spots += [(avoid.left(), avoid.top() - h - 4), (avoid.left(), avoid.bottom() + 4),
                      (avoid.right() + 4, avoid.top()), (avoid.left() - w - 4, avoid.top())]

        def clamp(x: float, y: float) -> QRectF:
            x = max(2.0, min(x, area.width() - w - 2.0))
            y = max(2.0, min(y, area.height() - h - 2.0))
            return QRectF(x, y, w, h)

        fits = [clamp(x, y) for x, y in spots if y >= 2 and y + h <= area.height() - 2]
        clear = [r for r in fits if avoid is None or not r.intersects(avoid)]
        if not clear and avoid is not None:
            self.hide()  # nowhere beside the popup: the popup comes first
            return
        place = (clear or fits or [clamp(*spots[0])])[0]
        self.resize(size)
        self.move(QPoint(int(place.x()), int(place.y())))
        self.show()
        self.raise_()


class MarksOverlay(QWidget):
    """Transparent layer over the view's text: the selected annotation's outline and reading-fix marks."""

    def __init__(self, view) -> None:  # noqa: ANN001 - ReadingView
        super().__init__(view.viewport())
        self.view = view
        self.selected: tuple[int, int, QColor] | None = None
        self.fixes: dict[int, str] = {}
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.viewport().installEventFilter(self)
        self.resize(view.viewport().size())
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self.resize(self.view.viewport().size())
        return False

    def fix_mark_rects(self) -> list[tuple[int, QRectF]]:
        """(offset, viewport rectangle of the reading) for each visible fixed reading."""
        if not self.fixes:
            return []
        view = self.view
        y0 = float(view.verticalScrollBar().value())
        y1 = y0 + view.viewport().height()
        out = []
        for _idx, _top, lay in view.doc.visible(y0, y1):
            for off in self.fixes:
                if lay.par.start <= off < lay.par.end:
                    rect = view.reading_rect(off)
                    if rect is not None:
                        out.append((off, rect))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        keep_none_alive()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self.selected is not None:
            start, end, colour = self.selected
            pen = QPen(QColor(colour).darker(135), 1.6)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for rect in span_rects(self.view, start, end):
                painter.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 3, 3)
        mark = QColor(FIX_MARK_COLOUR)
        if self.view.is_dark():
            mark = mark.lighter(150)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(mark)
        for _off, rect in self.fix_mark_rects():
            painter.fillRect(QRectF(rect.left(), rect.bottom() + 0.5, rect.width(), 1.4), mark)
            painter.drawEllipse(QPointF(rect.center().x(), rect.bottom() + 3.2), 1.5, 1.5)
        painter.end()
