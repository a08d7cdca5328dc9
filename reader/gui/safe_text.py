"""Outside text shown safely (gui layer): plain labels, escaped tooltips, plain message boxes, inert documents.

Qt shows any string that "looks like" HTML as rich text in a QLabel, a tooltip, an item view's ToolTipRole
and a QMessageBox, and rich text loads what it names: `<img src="/dev/zero">` in an article title, a
student's name or a file name would read that file (or hang on a FIFO). Text from files (titles, names,
notes, instructions, tags, paths in error messages) goes through these helpers:
- `plain(label)` / `plain_label(text)`: a QLabel that never interprets its text;
- `tip(text)`: a tooltip (or ToolTipRole) that shows `text` literally;
- `warning`, `critical`, `information`, `question`: QMessageBox's static functions, in plain text;
- `InertDocument` / `blank_resource`: rich text that loads no resource at all.

Returning nothing from `QTextDocument.loadResource` is not enough: Qt then reads a local file itself (an
image `![x](/home/me/secret.png)` in a note would be drawn). So images get a 1×1 transparent stand-in and
anything else an empty text.
"""
from __future__ import annotations

import html

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

_blank: QImage | None = None
Button = QMessageBox.StandardButton


def blank_resource(kind: int) -> object:
    """What to return from `loadResource` for anything that must not be loaded."""
    global _blank
    image_kind = QTextDocument.ResourceType.ImageResource
    if kind == image_kind or kind == int(image_kind.value):
        if _blank is None:
            _blank = QImage(1, 1, QImage.Format.Format_ARGB32)
            _blank.fill(Qt.GlobalColor.transparent)
        return _blank
    return ""


class InertDocument(QTextDocument):
    """A rich-text document that loads nothing; what was asked for is kept in `requested`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.requested: list[str] = []

    def loadResource(self, kind: int, name: QUrl) -> object:  # noqa: N802 - Qt's name
        self.requested.append(name.toString())
        return blank_resource(kind)


def plain(label: QLabel) -> QLabel:
    """Make a label show its text literally (never as HTML or Markdown)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A new label that shows `text` literally."""
    return plain(QLabel(text, parent))


def escape(text: str) -> str:
    """`text` as HTML that shows it literally (line breaks kept)."""
    return html.escape(text, quote=False).replace("\n", "<br>")


def tip(text: str) -> str:
    """A tooltip that shows `text` literally: escaped and marked as rich text, so Qt never guesses."""
    return f"<qt>{escape(text)}</qt>" if text else ""


def _box(icon: QMessageBox.Icon, parent: QWidget | None, title: str, text: str,
         buttons: QMessageBox.StandardButton = Button.Ok,
         default: QMessageBox.StandardButton = Button.NoButton) -> QMessageBox.StandardButton:
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    return Button(box.exec())


def warning(parent: QWidget | None, title: str, text: str, buttons: QMessageBox.StandardButton = Button.Ok,
            default: QMessageBox.StandardButton = Button.NoButton) -> QMessageBox.StandardButton:
    """QMessageBox.warning with the text shown literally."""
    return _box(QMessageBox.Icon.Warning, parent, title, text, buttons, default)


def critical(parent: QWidget | None, title: str, text: str, buttons: QMessageBox.StandardButton = Button.Ok,
             default: QMessageBox.StandardButton = Button.NoButton) -> QMessageBox.StandardButton:
    """QMessageBox.critical with the text shown literally."""
    return _box(QMessageBox.Icon.Critical, parent, title, text, buttons, default)


def information(parent: QWidget | None, title: str, text: str, buttons: QMessageBox.StandardButton = Button.Ok,
                default: QMessageBox.StandardButton = Button.NoButton) -> QMessageBox.StandardButton:
    """QMessageBox.information with the text shown literally."""
    return _box(QMessageBox.Icon.Information, parent, title, text, buttons, default)


def question(parent: QWidget | None, title: str, text: str,
             buttons: QMessageBox.StandardButton = Button.Yes | Button.No,
             default: QMessageBox.StandardButton = Button.NoButton) -> QMessageBox.StandardButton:
    """QMessageBox.question with the text shown literally."""
    return _box(QMessageBox.Icon.Question, parent, title, text, buttons, default)
