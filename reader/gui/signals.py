"""The signal hub (gui layer): one QObject whose signals say what changed and who changed it; main_window
makes it and gives it to every feature, which connects to what it shows."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from reader.core.library import Changed


@dataclass(frozen=True)
class Change:
    """What an edit changed and who made it. A view that showed its own edit at once skips the broadcast
    it initiated; every other view refreshes (from `changed` when it can, else everything)."""

    changed: Changed | None = None  # the core's account of what was written; None: anything may have
    initiator: object | None = None  # the feature that made the edit; None: another window or program


class SignalHub(QObject):
    """What changed, broadcast to every view that shows it."""

    articleChanged = Signal(int)  # the article now open (id)
    articlesChanged = Signal(object)  # the library list changed (import, a hand-out, another program): initiator
    annotationsChanged = Signal(int, object)  # article id whose annotations changed, Change
    settingsChanged = Signal(str, object)  # "display" (an option) or "language" (the interface's), initiator

    def articles_changed(self, initiator: object | None = None) -> None:
        """Announce that the library's list of articles changed, and who changed it (None: another program)."""
        self.articlesChanged.emit(initiator)

    def settings_changed(self, key: str, initiator: object | None = None) -> None:
        """Announce that the display options ("display") or the interface language ("language") changed."""
        self.settingsChanged.emit(key, initiator)

    def annotations_changed(self, article_id: int, changed: Changed | None = None,
                            initiator: object | None = None) -> None:
        """Announce that an article's annotations (or the tags they use) changed, and who changed them."""
        self.annotationsChanged.emit(article_id, Change(changed, initiator))
