"""The signal hub (gui layer): one QObject whose signals say what changed; connections live in main_window."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class SignalHub(QObject):
    """What changed, broadcast to every view that shows it."""

    articleChanged = Signal(int)  # the article now open (id)
    articlesChanged = Signal()  # the library list changed (import, delete)
    annotationsChanged = Signal(int)  # article id whose annotations changed
    settingsChanged = Signal(str)  # a display option changed (its key)
    positionChanged = Signal(int, int)  # article id, canonical offset at the top of the view
    statusMessage = Signal(str)
