"""File → Export… (gui layer): choose a format, script, reading style and scope, see a preview, save.

The preview is the real output of the core exporters (reader.core.export) or of the PDF hand-out
(reader.gui.export_pdf): Markdown and HTML rendered in a text browser that loads nothing (no remote or local
resources, links not followed), CSV in a table, W3C JSON as text, and the first page of the PDF drawn with
QtPdf. Save… writes through the same functions, atomically; "All articles" writes one combined file (CSV,
JSON) or one file per article into a folder (Markdown, HTML, PDF).
"""
from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QImage, QPixmap, QTextDocument
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import ReaderError
from reader.core.export import COMBINED, article_filename, export_all, render_articles, write_atomic
from reader.core.library import Library
from reader.gui import file_dialogs, safe_text
from reader.gui.export_pdf import export_pdf
from reader.gui.options import reading_options_of
from reader.gui.plurals import plural

PREVIEW_ROWS = 500  # CSV rows shown in the preview table
PREVIEW_CHARS = 200_000  # JSON characters shown in the preview
PDF_PREVIEW_WIDTH = 620


class InertDocument(QTextDocument):
    """A document that loads no resource at all. What was asked for is kept in `requested`.

    Returning nothing is not enough: QTextDocument then reads a local file itself, and for an image that
    comes back null Qt's image handler loads the file directly. So an image gets a 1×1 transparent stand-in
    and anything else an empty text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.requested: list[str] = []
        self._blank = QImage(1, 1, QImage.Format.Format_ARGB32)
        self._blank.fill(Qt.GlobalColor.transparent)

    def loadResource(self, kind: int, name: QUrl) -> object:  # noqa: N802 - Qt's name
        self.requested.append(name.toString())
        if kind == QTextDocument.ResourceType.ImageResource or kind == int(QTextDocument.ResourceType.ImageResource.value):
            return self._blank
        return ""


class SafeBrowser(QTextBrowser):
    """A rich-text view that never loads anything: images, style sheets and links stay inert."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.inert = InertDocument(self)
        self.setDocument(self.inert)

    @property
    def requested(self) -> list[str]:
        """What the shown documents asked for (and did not get)."""
        return self.inert.requested


class ExportDialog(QDialog):
    def __init__(self, lib: Library, article_id: int | None, options: object | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lib = lib
        articles = lib.list_articles()
        self.article_id = article_id if article_id is not None else (articles[0].id if articles else None)
        self._tmp = tempfile.TemporaryDirectory(prefix="reader-export-")
        self.pdf_pages = 0
        self.last_saved: list[Path] = []
        self.setWindowTitle(self.tr("Export"))

        self.format = QComboBox(self)
        for fmt, label in (("md", self.tr("Markdown")), ("html", self.tr("HTML")), ("csv", self.tr("CSV")),
                           ("json", self.tr("W3C Web Annotation JSON")), ("pdf", self.tr("PDF hand-out"))):
            self.format.addItem(label, fmt)
        self.script = QComboBox(self)
        for value, label in (("original", self.tr("Original")), ("simplified", self.tr("Simplified 简体")),
                             ("traditional", self.tr("Traditional 繁體")), ("taiwan", self.tr("Traditional (Taiwan) 臺灣"))):
            self.script.addItem(label, value)
        self.pinyin = QComboBox(self)
        for value, label in (("none", self.tr("None")), ("marks", self.tr("Tone marks (lián)")),
                             ("numbers", self.tr("Tone numbers (lian2)")), ("zhuyin", self.tr("Zhuyin (ㄌㄧㄢˊ)"))):
            self.pinyin.addItem(label, value)
        self._readings = reading_options_of(options)
        if options is not None:
            self.script.setCurrentIndex(max(0, self.script.findData(getattr(options, "script", "original"))))
            self.pinyin.setCurrentIndex(max(0, self.pinyin.findData(getattr(options, "pinyin", "none"))))
        self.scope_this = QRadioButton(self.tr("This article"), self)
        self.scope_all = QRadioButton(self.tr("All articles"), self)
        self.scope_this.setChecked(self.article_id is not None)
        self.scope_all.setChecked(self.article_id is None)
        self.scope_this.setEnabled(self.article_id is not None)
        group = QButtonGroup(self)
        group.addButton(self.scope_this)
        group.addButton(self.scope_all)
        scope = QHBoxLayout()
        scope.addWidget(self.scope_this)
        scope.addWidget(self.scope_all)
        scope.addStretch(1)

        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Script:"), self.script)
        form.addRow(self.tr("Readings:"), self.pinyin)
        form.addRow(self.tr("Articles:"), scope)

        self.note = safe_text.plain_label("", self)  # may name a folder
        self.note.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.browser = SafeBrowser(self)
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.page = QLabel(self)
        self.page.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        page_scroll = QScrollArea(self)
        page_scroll.setWidget(self.page)
        page_scroll.setWidgetResizable(True)
        for w in (self.browser, self.table, self.text, page_scroll):
            self.stack.addWidget(w)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = QPushButton(self.tr("Save…"), self)
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(lambda: self.save())
        buttons.rejected.connect(self.reject)

        col = QVBoxLayout(self)
        col.addLayout(form)
        col.addWidget(self.note)
        col.addWidget(self.stack, 1)
        col.addWidget(buttons)
        self.resize(820, 760)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.update_preview)
        for combo in (self.format, self.script, self.pinyin):
            combo.currentIndexChanged.connect(lambda _i: self._schedule())
        self.scope_all.toggled.connect(lambda _on: self._schedule())
        self.update_preview()

    # ---- choices --------------------------------------------------------------------------------
    @property
    def fmt(self) -> str:
        return str(self.format.currentData())

    @property
    def all_articles(self) -> bool:
        return self.scope_all.isChecked()

    def set_format(self, fmt: str) -> None:
        self.format.setCurrentIndex(self.format.findData(fmt))
        self.update_preview()

    def _schedule(self) -> None:
        self.script.setEnabled(self.fmt not in COMBINED)
        self.pinyin.setEnabled(self.fmt not in COMBINED)
        self._timer.start()

    def _preview_id(self) -> int | None:
        if self.article_id is not None:
            return self.article_id
        articles = self.lib.list_articles()
        return articles[0].id if articles else None

    # ---- preview --------------------------------------------------------------------------------
    def update_preview(self) -> None:
        """Render the output the current choices would write, and show it."""
        self._timer.stop()
        fmt = self.fmt
        aid = self._preview_id()
        ids = [a.id for a in self.lib.list_articles()] if self.all_articles else ([aid] if aid is not None else [])
        if not ids or aid is None:
            self._show_text(self.tr("The library has no article to export."))
            self.save_button.setEnabled(False)
            return
        self.save_button.setEnabled(True)
        one_per_file = self.all_articles and fmt not in COMBINED
        note = ""
        if one_per_file:
            note = self.tr("One file per article (%1 files) into a folder; the preview shows “%2”.") \
                .replace("%1", str(len(ids))).replace("%2", self.lib.article(aid).title)
        try:
            if fmt == "pdf":
                note = (note + " " if note else "") + self._preview_pdf(aid)
            else:
                text = render_articles(self.lib, [aid] if fmt not in COMBINED else ids, fmt,
                                       script=self._script(), pinyin=self._pinyin(), readings=self._readings)
                self._show(fmt, text)
                if fmt == "html" and self._pinyin() != "none":
                    note = (note + " " if note else "") + self.tr(
                        "This preview shows each reading after its character; a web browser draws it above.")
        except (ReaderError, OSError) as exc:
            self._show_text(str(exc))
        self.note.setText(note)
        self.note.setVisible(bool(note))

    def _script(self) -> str:
        return str(self.script.currentData())

    def _pinyin(self) -> str:
        return str(self.pinyin.currentData())

    def _show_text(self, text: str) -> None:
        self.text.setPlainText(text)
        self.stack.setCurrentWidget(self.text)

    def _show(self, fmt: str, text: str) -> None:
        if fmt == "md":
            self.browser.setMarkdown(text)
            self.stack.setCurrentWidget(self.browser)
        elif fmt == "html":
            self.browser.setHtml(text)
            self.stack.setCurrentWidget(self.browser)
        elif fmt == "csv":
            rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
            header, body = (rows[0], rows[1:]) if rows else ([], [])
            self.table.clear()
            self.table.setColumnCount(len(header))
            self.table.setHorizontalHeaderLabels(header)
            self.table.setRowCount(min(len(body), PREVIEW_ROWS))
            for r, row in enumerate(body[:PREVIEW_ROWS]):
                for c, value in enumerate(row):
                    self.table.setItem(r, c, QTableWidgetItem(value if len(value) < 200 else value[:199] + "…"))
            self.table.resizeColumnsToContents()
            self.stack.setCurrentWidget(self.table)
        else:
            self._show_text(text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "\n…")

    def _preview_pdf(self, article_id: int) -> str:
        """Draw the PDF to a temporary file and show its first page; returns the note on page count."""
        path = Path(self._tmp.name) / f"preview-{article_id}.pdf"
        export_pdf(self.lib, article_id, path, script=self._script(), pinyin=self._pinyin(), readings=self._readings)
        image, pages = first_page(path, PDF_PREVIEW_WIDTH)
        self.pdf_pages = pages
        if image is None:
            self._show_text(plural(pages, self.tr("PDF preview: 1 page"), self.tr("PDF preview: %n pages")))
            return ""
        self.page.setPixmap(QPixmap.fromImage(image))
        self.stack.setCurrentIndex(3)
        return self.tr("PDF preview: first page of %1").replace("%1", str(pages))

    # ---- saving ---------------------------------------------------------------------------------
    def save(self, target: str | Path | None = None) -> list[Path]:
        """Ask where (unless `target` is given) and write; errors are shown in one line. Returns the files."""
        fmt, aid = self.fmt, self._preview_id()
        if aid is None:
            return []
        folder = self.all_articles and fmt not in COMBINED
        if target is None:
            if folder:
                target = file_dialogs.existing_directory(self, self.tr("Export into folder"))
            else:
                name = f"annotations.{fmt}" if self.all_articles else article_filename(self.lib, aid, fmt)
                target, _ = file_dialogs.save_file_name(self, self.tr("Export"), name,
                                                        self.tr("%1 (*.%2)").replace("%1", self.format.currentText())
                                                        .replace("%2", fmt))
            if not target:
                return []
        path = Path(target)
        try:
            if self.all_articles:
                written = export_all(self.lib, fmt, path, script=self._script(), pinyin=self._pinyin(),
                                     writer=self._pdf_writer() if fmt == "pdf" else None, readings=self._readings)
            elif fmt == "pdf":
                self._pdf_writer()(aid, path)
                written = [path]
            else:
                write_atomic(path, render_articles(self.lib, [aid], fmt, script=self._script(), pinyin=self._pinyin(),
                                                   readings=self._readings))
                written = [path]
        except (ReaderError, OSError) as exc:
            safe_text.warning(self, self.tr("Cannot export"), " ".join(str(exc).split()))
            return []
        self.last_saved = written
        where = str(path)
        self.note.setText(self.tr("Saved %1 file(s) to %2").replace("%1", str(len(written))).replace("%2", where))
        self.note.setVisible(True)
        return written

    def _pdf_writer(self):  # noqa: ANN202

        script, pinyin = self._script(), self._pinyin()

        def write(article_id: int, path: Path) -> None:
            export_pdf(self.lib, article_id, path, script=script, pinyin=pinyin, readings=self._readings)

        return write

    def done(self, result: int) -> None:  # noqa: D401 - Qt's name
        self._timer.stop()
        super().done(result)
        self._tmp.cleanup()


def first_page(path: Path, width: int):  # noqa: ANN201 - (QImage | None, pages)
    """The first page of a PDF as an image `width` pixels wide, and the page count (QtPdf)."""
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return None, 0
    doc = QPdfDocument()
    if doc.load(str(path)) != QPdfDocument.Error.None_:
        return None, 0
    pages = doc.pageCount()
    if pages < 1:
        doc.close()
        return None, 0
    size = doc.pagePointSize(0)
    height = round(width * size.height() / max(1.0, size.width()))
    image = doc.render(0, QSize(width, height))
    doc.close()
    if image.isNull():
        return None, pages
    white = image.copy()
    return white, pages
