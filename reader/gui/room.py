"""Room for the text (gui layer): in a narrow window the side panels give way to the reading column.

The reading column should hold at least MIN_CHARS characters a line (with their readings), and two
columns when the translation is chosen side by side. When the window is resized so that it would not, the
library list folds away first, then the docked panels (annotations, class view) hide; a "Panels" button in
the status bar brings them back, and they come back by themselves once the window is wide enough again.
Panels the reader closed are never reopened; a panel the reader reopens stays until the next resize.
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QSplitter, QToolButton

from reader.gui.layout import MIN_MARGIN, SIDE_MIN_EM
from reader.gui.reading_view import ReadingView

MIN_CHARS = 20
READING_PITCH = 1.35  # a character with its reading, in ems (a line of marks averages about this)
HANDLE = 6.0  # splitter handle and dock separators, px
MIN_DOCK = 240  # docks are made no narrower than this before they hide


class Room(QObject):
    """Watches the window's size and folds or restores the side panels (see the module docstring)."""

    def __init__(self, window: QMainWindow, view: ReadingView, splitter: QSplitter) -> None:
        super().__init__(window)
        self.window = window  # its docks fold away
        self.view = view
        self.splitter = splitter  # the library list and the reading column
        self.enabled = True
        self.folded_sidebar: int | None = None  # the library list's width before it was folded
        self.hidden_docks: list[QDockWidget] = []
        self._last_width = -1
        self.button = QToolButton(window)
        self.button.setAutoRaise(True)
        self.button.clicked.connect(self.show_panels)
        self.button.hide()
        window.statusBar().insertPermanentWidget(0, self.button)
        self.act_library = QAction(self.tr("&Library List"), window)
        self.act_library.setCheckable(True)
        self.act_library.setChecked(True)
        self.act_library.toggled.connect(self._library_toggled)
        self.retranslate()
        window.installEventFilter(self)

    def retranslate(self) -> None:
        self.button.setText(self.tr("Panels ▸"))
        self.button.setToolTip(self.tr("The side panels were folded away to give the text room; show them again"))

    # ---- how much room the text needs --------------------------------------------------------------
    def text_needs(self) -> float:
        """Width of the reading view that holds MIN_CHARS characters a line (two columns side by side)."""
        doc = self.view.doc
        em = doc.body.em
        opts = doc.options
        pitch = em * (READING_PITCH if opts.pinyin != "none" else 1.0)
        need = MIN_CHARS * pitch
        if opts.translations and opts.translation_mode == "side":
            need = max(need, SIDE_MIN_EM * em)
        scrollbar = self.view.verticalScrollBar().sizeHint().width()
        return need + 2 * MIN_MARGIN + scrollbar

    def _view_width(self) -> float:
        return float(self.view.width())

    def _docks(self) -> list[QDockWidget]:
        return [d for d in self.window.findChildren(QDockWidget)
                if d.isVisible() and not d.isFloating() and d.parent() is self.window]

    # ---- folding and restoring ---------------------------------------------------------------------
    def fit(self) -> None:
        """Fold panels until the text has its room, or bring folded ones back when there is room for them."""
        if not self.enabled or not self.window.isVisible():
            return
        need = self.text_needs()
        splitter = self.splitter
        if self._view_width() < need:
            sizes = splitter.sizes()
            if sizes[0] > 0:
                self.folded_sidebar = sizes[0]
                splitter.setSizes([0, sizes[0] + sizes[1]])
                self.act_library.blockSignals(True)
                self.act_library.setChecked(False)
                self.act_library.blockSignals(False)
                self.window.layout().activate()
            docks = self._docks()
            short = need - self._view_width()
            if short > 0 and docks:  # narrower docks first, down to what their contents need
                widths = [max(d.minimumSizeHint().width(), MIN_DOCK, d.width() - short) for d in docks]
                self.window.resizeDocks(docks, widths, Qt.Orientation.Horizontal)
                self.window.layout().activate()
            if self._view_width() < need:
                for dock in docks:
                    self.hidden_docks.append(dock)
                    dock.hide()
        else:
            spare = self._view_width() - need
            back = [d for d in self.hidden_docks if not d.isVisible()]
            dock_width = max((d.width() for d in back), default=0)
            if back and spare > dock_width + HANDLE:
                for dock in back:
                    dock.show()
                self.hidden_docks = []
                spare -= dock_width + HANDLE
            if self.folded_sidebar and not self.hidden_docks and spare >= self.folded_sidebar - HANDLE:
                self._unfold_sidebar()
        self._update_button()

    def show_panels(self) -> None:
        """Bring every folded panel back now (the reader asked: the text gets less room)."""
        for dock in self.hidden_docks:
            dock.show()
        self.hidden_docks = []
        if self.folded_sidebar:
            self._unfold_sidebar()
        self._update_button()

    def _unfold_sidebar(self) -> None:
        splitter = self.splitter
        total = sum(splitter.sizes())
        width = self.folded_sidebar or 250
        splitter.setSizes([width, max(0, total - width)])
        self.folded_sidebar = None
        self.act_library.blockSignals(True)
        self.act_library.setChecked(True)
        self.act_library.blockSignals(False)

    def splitter_state(self) -> QByteArray:
        """The splitter's state as the reader left it: a fold made for room is not remembered."""
        splitter = self.splitter
        if not self.folded_sidebar:
            return splitter.saveState()
        sizes = splitter.sizes()
        splitter.setSizes([self.folded_sidebar, max(0, sum(sizes) - self.folded_sidebar)])
        state = splitter.saveState()
        splitter.setSizes(sizes)
        return state

    def _library_toggled(self, on: bool) -> None:
        splitter = self.splitter
        sizes = splitter.sizes()
        if on and sizes[0] == 0:
            self.folded_sidebar = self.folded_sidebar or 250
            self._unfold_sidebar()
        elif not on and sizes[0] > 0:
            splitter.setSizes([0, sum(sizes)])
            self.folded_sidebar = None  # closed by the reader: not brought back by itself
        self._update_button()

    def _update_button(self) -> None:
        self.button.setVisible(bool(self.hidden_docks or self.folded_sidebar))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window and event.type() == QEvent.Type.Resize:
            width = self.window.width()
            if width != self._last_width:
                self._last_width = width
                QTimer.singleShot(0, self.fit)
        return False


def install(window: QMainWindow, view: ReadingView, splitter: QSplitter, view_menu: QMenu | None) -> Room:
    """Fold the side panels of `window` in narrow windows; adds View → Library List to `view_menu`."""
    room = Room(window, view, splitter)
    if view_menu is not None:
        view_menu.addSeparator()
        view_menu.addAction(room.act_library)
    return room
