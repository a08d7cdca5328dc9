"""Notes cannot pull local files into the note preview or the PDF hand-out."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage, QTextDocument


def secret_image(tmp_path: Path) -> Path:
    path = tmp_path / "secret.png"
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(path))
    return path


def red_pixels(doc: QTextDocument) -> int:
    from PySide6.QtGui import QPainter

    doc.setTextWidth(300)
    canvas = QImage(320, 200, QImage.Format.Format_RGB32)
    canvas.fill(QColor("white"))
    painter = QPainter(canvas)
    doc.drawContents(painter)
    painter.end()
    return sum(1 for x in range(0, 320, 4) for y in range(0, 200, 4) if canvas.pixelColor(x, y).red() > 200
               and canvas.pixelColor(x, y).green() < 60)


def test_note_preview_does_not_load_local_images(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from reader.gui.panels.note_editor import NotePreview

    secret = secret_image(tmp_path)
    preview = NotePreview()
    qtbot.addWidget(preview)
    preview.setHtml(f'<p>note</p><img src="{secret.as_uri()}"><img src="{secret}">')
    assert red_pixels(preview.document()) == 0


def test_pdf_note_document_does_not_load_local_images(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    from reader.gui.export_pdf import _SafeDocument

    secret = secret_image(tmp_path)
    doc = _SafeDocument()
    doc.setHtml(f'<p>note</p><img src="{secret}">')
    assert red_pixels(doc) == 0


def test_an_ordinary_document_would_load_it(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    secret = secret_image(tmp_path)
    doc = QTextDocument()
    doc.setHtml(f'<p>note</p><img src="{secret}">')
    assert red_pixels(doc) > 0  # the check above is meaningful: Qt does read local files by default
