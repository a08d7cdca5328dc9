"""The find bar (gui layer): find text in the open article in either script (both sides in one search form)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader.core.anchoring import normalize, normalize_with_map
from reader.core.text import Paragraph


def find_all(paragraphs: list[Paragraph], query: str) -> list[tuple[int, int]]:
    """Canonical spans of every match of `query` in the paragraphs, in either script, width and case
    (the search form of reader.core.anchoring.normalize; runs of spaces match one)."""
    q = normalize(query, casefold=True)
    if not q:
        return []
    spans: list[tuple[int, int]] = []
    for p in paragraphs:
        hay, origin = normalize_with_map(p.text, casefold=True)
        pos = hay.find(q)
        while pos >= 0:
            spans.append((p.start + origin[pos], p.start + origin[pos + len(q) - 1] + 1))
            pos = hay.find(q, pos + 1)
    return spans


class FindBar(QWidget):
    """A line edit with previous/next buttons and a match count; Escape closes it."""

    search = Signal(str)
    next = Signal()
    previous = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Find in article (简体 or 繁體)"))
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self.search.emit)
        self.edit.returnPressed.connect(self.next.emit)
        self.count = QLabel(self)
        prev_btn = QToolButton(self)
        prev_btn.setText("↑")
        prev_btn.setToolTip(self.tr("Previous match (Shift+F3)"))
        prev_btn.clicked.connect(self.previous.emit)
        next_btn = QToolButton(self)
        next_btn.setText("↓")
        next_btn.setToolTip(self.tr("Next match (F3)"))
        next_btn.clicked.connect(self.next.emit)
        close_btn = QToolButton(self)
        close_btn.setText("✕")
        close_btn.setToolTip(self.tr("Close the find bar (Esc)"))
        close_btn.clicked.connect(self.close_bar)
        row.addWidget(QLabel(self.tr("Find:"), self))
        row.addWidget(self.edit, 1)
        row.addWidget(self.count)
        row.addWidget(prev_btn)
        row.addWidget(next_btn)
        row.addWidget(close_btn)

    def set_count(self, current: int, total: int, query: str) -> None:
        if not query.strip():
            self.count.setText("")
        elif total == 0:
            self.count.setText(self.tr("no matches"))
        else:
            self.count.setText(self.tr("%1 of %2").replace("%1", str(current + 1)).replace("%2", str(total)))

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)
