"""Confirming a moved highlight (gui layer): the bar the annotation panel shows for one, and its wording.

A highlight re-anchored without certainty after a revision has status `moved` (reader.core.anchoring)
until the reader confirms its place. While such a highlight is the panel's current row, `MovedBar` says so
and offers "Confirm position"; the panel's context menu offers the same. The controller does the undoable
confirmation (reader.gui.annotation_menus).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from reader.core.annotations import Annotation
from reader.gui import safe_text


def moved_text() -> str:
    """What a highlight with status `moved` says about itself in tooltips."""
    return QCoreApplication.translate(
        "MovedBar", "Moved — please check: after the text was revised this highlight was placed by an approximate "
        "match. Confirm its position, or delete it and highlight the passage again.")


class MovedBar(QWidget):
    """"Moved — please check its place" and a Confirm position button, for the current annotation if moved."""

    confirmRequested = Signal(int)  # annotation id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._id: int | None = None
        self.label = QLabel(self.tr("Moved — please check its place in the text."), self)
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Confirm position"), self)
        self.button.setToolTip(safe_text.tip(moved_text()))
        self.button.clicked.connect(lambda: self._id is not None and self.confirmRequested.emit(self._id))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.button)
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.label.setText(self.tr("Moved — please check its place in the text."))
            self.button.setText(self.tr("Confirm position"))
            self.button.setToolTip(safe_text.tip(moved_text()))
        super().changeEvent(event)

    def set_annotation(self, ann: Annotation | None) -> None:
        """Show the bar for a moved annotation, hide it for anything else."""
        self._id = ann.id if ann is not None and ann.moved else None
        self.setVisible(self._id is not None)
