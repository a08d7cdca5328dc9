"""File → Export…: the preview shows the real output of each format; Save… writes it (atomically) where asked."""
from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QFileDialog

from reader.core.annotations import Annotations


@pytest.fixture
def picture(tmp_path):  # noqa: ANN001, ANN201
    """A real image file on this machine, which a note names."""
    from PySide6.QtGui import QColor, QImage

    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    path = tmp_path / "private.png"
    assert image.save(str(path))
    return path


@pytest.fixture
def annotated(library, picture):  # noqa: ANN001, ANN201
    """The seeded library with three highlights on article 1, one with a note naming a remote and a local image."""
    text = library.revision_text(library.article(1).revision_id)
    anns = Annotations(library)
    for quote, tag, note in (("閃電戰", "Agree", "A blitz"), ("蓄謀已久", "Disagree", ""),
                             ("委內瑞拉", "Question", f"![x](http://example.com/x.png) ![me]({picture.as_uri()})")):
        start = text.index(quote)
        anns.create(1, start, start + len(quote), tags=[tag], note=note)
    return library


@pytest.fixture
def dialog(qtbot, annotated):  # noqa: ANN001, ANN201
    from reader.gui.export_dialog import ExportDialog

    d = ExportDialog(annotated, 1)
    qtbot.addWidget(d)
    d.show()
    yield d
    d.close()


def test_markdown_and_html_previews_show_the_article_and_load_nothing(dialog, picture) -> None:  # noqa: ANN001
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    title = dialog.lib.article(1).title
    dialog.set_format("md")
    assert dialog.stack.currentWidget() is dialog.browser
    shown = dialog.browser.toPlainText()
    assert title in shown and "A blitz" in shown and "閃電戰" in shown
    # The Markdown export shows a note's images as their alt text, so the preview asks for neither file.
    assert "[x]" in shown and "[me]" in shown
    assert not [u for u in dialog.browser.requested if "private.png" in u or "example.com" in u]
    resource = dialog.browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(picture.as_uri()))
    assert resource is None or resource.width() <= 1, "the local image file was loaded"
    dialog.set_format("html")
    assert title in dialog.browser.toPlainText()
    dialog.script.setCurrentIndex(dialog.script.findData("simplified"))
    dialog.update_preview()
    assert "闪电战" in dialog.browser.toPlainText()


def test_csv_preview_is_a_table_and_saving_writes_utf8_with_bom(dialog, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    dialog.set_format("csv")
    assert dialog.stack.currentWidget() is dialog.table
    assert dialog.table.rowCount() == 3
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())]
    assert headers[:3] == ["id", "uuid", "article"] and "quote" in headers
    assert dialog.table.item(0, headers.index("quote")).text() == "閃電戰"
    out = tmp_path / "notes.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    dialog.save_button.click()
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert len(data.decode("utf-8-sig").strip().splitlines()) == 4
    assert dialog.last_saved == [out]
    assert not list(tmp_path.glob(".notes.csv.*")), "no temporary file left behind"


def test_json_preview_and_pdf_first_page(dialog) -> None:  # noqa: ANN001
    dialog.set_format("json")
    assert dialog.stack.currentWidget() is dialog.text
    doc = json.loads(dialog.text.toPlainText())
    assert doc["type"] == "AnnotationCollection" and doc["total"] == 3
    dialog.set_format("pdf")
    assert dialog.pdf_pages >= 2
    assert f"first page of {dialog.pdf_pages}" in dialog.note.text()
    pixmap = dialog.page.pixmap()
    assert not pixmap.isNull() and pixmap.height() > pixmap.width()


def test_all_articles_write_one_file_each_into_a_folder(dialog, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    dialog.scope_all.setChecked(True)
    dialog.set_format("md")
    assert "2 files" in dialog.note.text()
    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder)))
    written = dialog.save()
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in written) and len(written) == 2
    assert all(p.read_text(encoding="utf-8").startswith("# ") for p in written)


def test_a_save_that_fails_says_why_in_one_line(dialog, tmp_path, monkeypatch, no_dialogs) -> None:  # noqa: ANN001
    dialog.set_format("md")
    target = tmp_path / "missing" / "notes.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    assert dialog.save() == []
    assert no_dialogs and "does not exist" in no_dialogs[-1][1] and "\n" not in no_dialogs[-1][1]
    assert not target.parent.exists()


def test_file_export_opens_the_dialog_for_the_open_article(window, monkeypatch) -> None:  # noqa: ANN001
    from reader.gui import export_dialog

    seen: list[int | None] = []

    def fake_exec(self) -> int:  # noqa: ANN001
        seen.append(self.article_id)
        return 0

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", fake_exec)
    window.open_article(2)
    window.classroom.act_export.trigger()
    assert seen == [2]
