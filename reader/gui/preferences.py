"""Preferences (gui layer): the reader's name, written as the author of new annotations.

The name is stored in the library (`lib.set_reader_name`), so it travels with the file; it defaults to
the operating system's user name.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import ReaderError
from reader.gui import safe_text


class PreferencesDialog(QDialog):
    def __init__(self, lib, parent: QWidget | None = None) -> None:  # noqa: ANN001 - Library
        super().__init__(parent)
        self.lib = lib
        self.setWindowTitle(self.tr("Preferences"))
        self.name = QLineEdit(lib.reader_name, self)
        self.name.setMaxLength(80)
        hint = QLabel(self.tr("New highlights and notes are signed with this name."), self)
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Reader &name:"), self.name)
        form.addRow("", hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)

    def accept(self) -> None:
        try:
            self.lib.set_reader_name(self.name.text())
        except ReaderError as exc:
            safe_text.warning(self, self.tr("Preferences"), str(exc))
            return
        super().accept()
