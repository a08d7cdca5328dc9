"""Annotating with the pointer (gui layer): the selection toolbar that appears over selected text (a tag,
highlight, note), kept clear of the dictionary popup, and the tooltip over highlights (their tags and note).

`SelectionToolbarController(annotator, popup_rect)` works for the annotation feature (reader.gui.annotate),
through the few things it declares in `Annotator`.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QRectF, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QToolTip

from reader.core.annotations import Annotation
from reader.core.tags import Tag
from reader.gui.annotation_menus import AnnotationMenus
from reader.gui.annotation_toolbar import SelectionToolbar, span_rects
from reader.gui.panels.annotation_panel import tag_label, tag_short
from reader.gui.reading_view import ReadingView

HOVER_DELAY_MS = 300
TOOLBAR_DELAY_MS = 120


class Annotator(Protocol):
    """What the pointer side uses of the annotation feature."""

    view: ReadingView
    selected: int | None  # the selected annotation
    tag_list: list[Tag]
    programmatic: bool  # True while the feature itself moves the view's selection
    menus: AnnotationMenus  # writes the tooltips

    @property
    def tag_script(self) -> str: ...
    def selected_span(self) -> tuple[int, int] | None: ...
    def select(self, annotation_id: int | None, *, jump: bool = False) -> None: ...
    def create(self, tags: list[int] | None = None, color: str | None = None,
               focus_note: bool = False) -> Annotation | None: ...
    def highlight_plain(self) -> None: ...


def _timer(parent: QObject, ms: int, slot: Callable[[], None]) -> QTimer:
    t = QTimer(parent)
    t.setSingleShot(True)
    t.setInterval(ms)
    t.timeout.connect(slot)
    return t


class SelectionToolbarController(QObject):
    """The selection toolbar and the highlight tooltips of one reading view."""

    def __init__(self, annotator: Annotator, popup_rect: Callable[[], QRectF | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.annotator = annotator
        self.view = annotator.view
        self.popup_rect = popup_rect  # where the dictionary popup is: the toolbar keeps clear of it
        self._stale = True
        self._hover_offset = -1
        self.toolbar = SelectionToolbar(self.view.viewport(), self._toolbar_tag, annotator.highlight_plain,
                                        self._toolbar_note)
        self._toolbar_timer = _timer(self, TOOLBAR_DELAY_MS, self.show_toolbar)
        self._hover_timer = _timer(self, HOVER_DELAY_MS, self._show_tooltip)

    def connect_view(self) -> None:
        v = self.view
        v.selectionChanged.connect(self._selection_changed)
        v.wordHovered.connect(self._hovered)
        v.escapePressed.connect(self._escaped)

    def hide(self) -> None:
        self.toolbar.hide()

    def tags_changed(self) -> None:
        """The toolbar's tag buttons are (re)made when it is next shown (their names may need the script
        converter, not worth loading while the toolbar is hidden)."""
        self._stale = True
        if self.toolbar.isVisible():
            self.fill_toolbar()

    def fill_toolbar(self) -> None:
        self._stale = False
        script = self.annotator.tag_script
        self.toolbar.set_tags(self.annotator.tag_list, lambda t: tag_label(t, script), lambda t: tag_short(t, script))

    def _selection_changed(self, start: int, end: int) -> None:
        if self.annotator.programmatic or start >= end:
            self._toolbar_timer.stop()
            self.toolbar.hide()
            return
        if self.annotator.selected_span() is not None and self.annotator.selected is not None:
            self.annotator.select(None)  # new text selected: the keys act on it, not on a highlight clicked before
        self._toolbar_timer.start()

    def _escaped(self) -> None:
        """Esc in the text (no popup open): nothing stays selected."""
        self._toolbar_timer.stop()
        self.toolbar.hide()
        if self.annotator.selected is not None:
            self.annotator.select(None)

    def popup_placed(self) -> None:
        """The dictionary popup was shown or moved: the selection toolbar moves out of its way."""
        if self.toolbar.isVisible():
            self.show_toolbar()

    def show_toolbar(self) -> None:
        span = self.annotator.selected_span()
        if span is None or not self.view.isVisible():
            self.toolbar.hide()
            return
        if self._stale:
            self.fill_toolbar()
        self.toolbar.show_near(span_rects(self.view, *span), self.popup_rect())

    def _toolbar_tag(self, tag_id: int) -> None:
        self.annotator.create([tag_id])

    def _toolbar_note(self) -> None:
        self.annotator.create(focus_note=True)

    def _hovered(self, offset: int) -> None:
        self._hover_offset = offset
        if offset < 0:
            self._hover_timer.stop()
            QToolTip.hideText()
            return
        self._hover_timer.start()

    def _show_tooltip(self) -> None:
        if not self.view.viewport().underMouse():
            return
        text = self.annotator.menus.tooltip_html(self._hover_offset)
        if text:
            QToolTip.showText(QCursor.pos(), f"<qt>{text}</qt>", self.view.viewport())  # escaped HTML
        else:
            QToolTip.hideText()
