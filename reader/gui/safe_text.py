"""Rich text that loads nothing (gui layer): stand-ins for every resource a note or export might point to.

Returning nothing from `QTextDocument.loadResource` is not enough: Qt then reads a local file itself (an
image `![x](/home/me/secret.png)` in a note would be drawn). So images get a 1×1 transparent stand-in and
anything else an empty text.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QTextDocument

_blank: QImage | None = None


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
