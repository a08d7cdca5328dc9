"""The reader's name, asked when a class needs it (gui layer): first annotation on a hand-out, hand-in.

A name is never taken from the operating system (a shared lab login would sign every student's work with
one name). The first time a reader annotates an article that came from a class hand-out, `NamePrompt`
asks for the name their teacher knows; it is checked as every name is (one line, 1–100 characters,
reader.core.untrusted.clean_name) and kept as the reader name. Cancel creates nothing.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from reader.core import identity
from reader.core import untrusted as u
from reader.core.errors import ReaderError
from reader.core.library import Library


class NameDialog(QDialog):
    """Asks for a name; `name` holds it, cleaned, once accepted. A bad name is explained in the dialog."""

    def __init__(self, title: str, prompt: str, initial: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NameDialog")
        self.setWindowTitle(title)
        self.name: str | None = None
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        self.edit = QLineEdit(initial, self)
        self.edit.setMaxLength(4 * u.MAX_NAME)  # longer is explained on OK, not cut off silently
        self.edit.setPlaceholderText(self.tr("e.g. Wang Fang"))
        self.error = QLabel("", self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #c0392b")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        for w in (label, self.edit, self.error, buttons):
            lay.addWidget(w)

    def accept(self) -> None:
        try:
            self.name = u.clean_name(self.edit.text(), self.tr("Your name"))
        except ReaderError as exc:
            self.error.setText(str(exc))
            self.error.show()
            self.edit.setFocus()
            return
        super().accept()


def from_handout(lib: Library, article_id: int) -> bool:
    """Whether the article came from a class hand-out."""
    return lib.conn.execute("SELECT 1 FROM class_handouts WHERE article_id = ?", (article_id,)).fetchone() is not None


class NamePrompt(QObject):
    """Before the first annotation on a hand-out article: ask the reader's name once, and keep it."""

    def __init__(self, lib: Library, window: QWidget) -> None:
        super().__init__(window)
        self.lib = lib
        self.window = window
        self.dialog: NameDialog | None = None  # while open (tests fill it in)

    def __call__(self, article_id: int) -> bool:
        """True when the annotation may be made (a name is set, or not a class article)."""
        if identity.name_set(self.lib) is not None or not from_handout(self.lib, article_id):
            return True
        self.dialog = NameDialog(
            self.tr("Your name for the class"),
            self.tr("This article came from a class hand-out. Your highlights and notes are handed in under "
                    "your name: type it as your teacher knows it. (You can change it later in Preferences; "
                    "your own words and notes stay yours.)"), "", self.window)
        try:
            if self.dialog.exec() != QDialog.DialogCode.Accepted or self.dialog.name is None:
                return False
            try:
                self.lib.set_reader_name(self.dialog.name)
            except ReaderError as exc:
                self.window.statusBar().showMessage(str(exc), 6000)  # type: ignore[attr-defined]
                return False
            return True
        finally:
            self.dialog.deleteLater()
            self.dialog = None
