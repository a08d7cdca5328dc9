"""Preferences (gui layer): the reader's name, written as the author of new annotations and hand-ins.

The name is stored in the library (`lib.set_reader_name`, reader.core.identity), so it travels with the
file. It is a label: the vocabulary, level and reading positions belong to the library, and a rename keeps
them. It is never taken from the operating system; until it is set, the field is empty (the name is asked
the first time the reader annotates an article from a class hand-out).
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

from reader.core import identity
from reader.core import untrusted as u
from reader.core.errors import ReaderError
from reader.gui import safe_text


class PreferencesDialog(QDialog):
    def __init__(self, lib, parent: QWidget | None = None) -> None:  # noqa: ANN001 - Library
        super().__init__(parent)
        self.lib = lib
        self.setWindowTitle(self.tr("Preferences"))
        self.name = QLineEdit(identity.name_set(lib) or "", self)
        self.name.setMaxLength(4 * u.MAX_NAME)  # a longer name is explained on OK, not cut off silently
        self.name.setPlaceholderText(self.tr("not set yet"))
        hint = QLabel(self.tr("New highlights, notes and class hand-ins are signed with this name. Changing it "
                              "keeps your vocabulary, level and reading positions."), self)
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
