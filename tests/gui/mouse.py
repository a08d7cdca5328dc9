"""Mouse gestures for GUI tests: what a reader's hand does, in one place."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt


def drag(qtbot, view, start: int, end: int) -> None:  # noqa: ANN001
    """Select canonical [start, end) with the mouse, as a reader would."""
    a, b = view.glyph_rect(start), view.glyph_rect(end - 1)
    p0 = QPoint(int(a.left() + 2), int(a.center().y()))
    p1 = QPoint(int(b.right() - 2), int(b.center().y()))
    vp = view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=p0)
    qtbot.mouseMove(vp, pos=QPoint((p0.x() + p1.x()) // 2, p0.y()))
    qtbot.mouseMove(vp, pos=p1)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=p1)
