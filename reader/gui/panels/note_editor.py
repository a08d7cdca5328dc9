"""The note editor (gui layer): a Markdown note for the selected annotation, saved as you type, with a preview.

The text is saved after a pause in typing (`SAVE_DELAY_MS`) through the `noteEdited(annotation_id, text)`
signal; the preview is rendered with the `markdown` package with raw HTML turned off (HTML in a note is
shown as typed, never interpreted). The preview loads nothing from outside (only data: URLs), and a link
opens in the system browser only after the reader confirms.
"""
from __future__ import annotations

import base64
import binascii
import re
from urllib.parse import unquote

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.gui import safe_text
from reader.gui.safe_text import blank_resource

SAVE_DELAY_MS = 500
PREVIEW_DELAY_MS = 120
OPENABLE_SCHEMES = ("http", "https", "mailto")
PREVIEW_CSS = """
p { margin: 0 0 6px 0; }
blockquote { margin: 4px 0 4px 10px; color: palette(placeholder-text); }
code { font-family: monospace; }
pre { font-family: monospace; margin: 4px 0; }
h1, h2, h3, h4 { margin: 6px 0 4px 0; }
"""


def render_markdown(text: str) -> str:
    """HTML for a note: Markdown rendered, raw HTML shown as text (escaped), never interpreted.

    An image other than a pasted one (a `data:` URL) becomes its alt text in brackets: nothing is fetched
    or read from disk, and a FIFO or device named as an image cannot hang the preview."""
    import markdown  # only when a note is first shown: keeps it off the start-up path
    from markdown.treeprocessors import Treeprocessor

    placeholder = QCoreApplication.translate("NoteEditor", "image")

    class _NoImages(Treeprocessor):
        def run(self, root) -> None:  # noqa: ANN001 - an ElementTree element
            for img in root.iter("img"):
                src = (img.get("src") or "").strip()
                if src.lower().startswith("data:image/"):
                    continue
                alt = img.get("alt") or placeholder
                img.tag = "span"
                img.attrib.clear()
                img.text = f"[{alt}]"

    md = markdown.Markdown(extensions=["fenced_code", "sane_lists", "nl2br"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_NoImages(md), "no_images", 0)
    return md.convert(text)


def decode_data_url(url: str, limit: int = 4 << 20) -> QByteArray | None:
    """The bytes of a `data:` URL (an image pasted into a note); None when malformed or too large."""
    head, sep, payload = url.partition(",")
    if not sep or not head.startswith("data:") or len(payload) > limit * 2:
        return None
    try:
        if head.endswith(";base64"):
            data = base64.b64decode(unquote(payload), validate=False)
        else:
            data = unquote(payload).encode("utf-8")
    except (ValueError, binascii.Error):
        return None
    return QByteArray(data) if len(data) <= limit else None


_BLOCK_MARK = re.compile(r"^(?:#{1,6}\s+|>\s*|[-*+]\s+(?:\[[ xX]\]\s+)?|\d{1,9}[.)]\s+)+")
_INLINE_MARKS = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image → its alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # link → its text
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # autolink
    (re.compile(r"`([^`]+)`"), r"\1"),  # code
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),  # strike-through
    (re.compile(r"(?<!\*)\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)"), r"\1"),  # emphasis *x* (inside words too)
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),  # emphasis _x_ (not snake_case)
)
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")  # \* is a literal star, not a mark
_RULE = re.compile(r"\s*([-*_])(\s*\1){2,}\s*")  # a horizontal rule: ---, * * *, ___
_HIDDEN = 0xE000  # escaped characters wait in the private use area while the marks are removed


def plain_line(line: str) -> str:
    """One line of Markdown as the reader sees it rendered: no #, >, list bullets, ** or link targets."""
    line = _ESCAPED.sub(lambda m: chr(_HIDDEN + ord(m.group(1))), line.strip())
    line = _BLOCK_MARK.sub("", line)
    for pattern, repl in _INLINE_MARKS:
        line = pattern.sub(repl, line)
    return "".join(chr(ord(c) - _HIDDEN) if _HIDDEN <= ord(c) < _HIDDEN + 128 else c for c in line).strip()


def first_lines(note: str, lines: int = 1, width: int = 80) -> str:
    """The first non-empty lines of a note as plain text, Markdown marks removed (for lists and tooltips)."""
    out = []
    for raw in note.splitlines():
        if raw.strip().startswith(("```", "~~~")) or _RULE.fullmatch(raw):
            continue  # code fences and horizontal rules show nothing of their own
        line = plain_line(raw)
        if line:
            out.append(line if len(line) <= width else line[: width - 1] + "…")
        if len(out) >= lines:
            break
    return "\n".join(out)


class NotePreview(QTextBrowser):
    """A QTextBrowser that never loads anything but data: URLs and never follows links by itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(PREVIEW_CSS)
        self.requested: list[str] = []  # what shown documents asked for (only data: URLs are answered)

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # noqa: D401 - Qt override
        qurl = QUrl(url) if isinstance(url, str) else url
        self.requested.append(qurl.toString()[:200])
        if qurl.scheme() == "data":
            image = decode_data_url(qurl.toString(QUrl.ComponentFormattingOption.FullyEncoded))
            if image is not None:
                return image
        return blank_resource(kind)  # never None: Qt would then read local files itself


class NoteEditor(QWidget):
    """Edit the note of one annotation; `noteEdited(annotation_id, text)` after each pause in typing."""

    noteEdited = Signal(int, str)
    burstEnded = Signal()  # the editor lost focus or switched annotation: the next edit is a new undo step

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.annotation_id: int | None = None
        self._quote = ""  # the shortened quote the title names
        self._loading = False
        self._pending = False
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.edit = QPlainTextEdit(self)
        self.edit.setTabChangesFocus(True)
        self.edit.installEventFilter(self)
        self.preview = NotePreview(self)
        self.preview.anchorClicked.connect(self.open_link)
        self.preview.setPlaceholderText(self.tr("The rendered note appears here."))
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.edit)
        split.addWidget(self.preview)
        split.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 6)
        lay.setSpacing(4)
        lay.addWidget(self.title)
        lay.addWidget(split, 1)
        font = QFont(self.edit.font())
        self.edit.setFont(font)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self.edit.textChanged.connect(self._typed)
        self.set_annotation(None)

    # ---- content --------------------------------------------------------------------------------
    def set_annotation(self, annotation_id: int | None, note: str = "", quote: str = "") -> None:
        """Show the note of an annotation (None: nothing selected). A pending edit of the previous one is saved."""
        if annotation_id != self.annotation_id:
            self.flush()
            self.burstEnded.emit()
        self.annotation_id = annotation_id
        enabled = annotation_id is not None
        self.edit.setEnabled(enabled)
        self.edit.setPlaceholderText(
            self.tr("Write a note in Markdown…") if enabled else self.tr("Select a highlight to write a note.")
        )
        short = " ".join(quote.split())
        self._quote = short if len(short) <= 40 else short[:39] + "…"
        self._title()
        self._set_text(note if enabled else "")

    def _title(self) -> None:
        if self.annotation_id is not None:
            self.title.setText(self.tr("Note on “%1”").replace("%1", self._quote))
        else:
            self.title.setText(self.tr("Note"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._title()
            self.edit.setPlaceholderText(self.tr("Write a note in Markdown…") if self.annotation_id is not None
                                         else self.tr("Select a highlight to write a note."))
        super().changeEvent(event)

    def set_note_text(self, note: str) -> None:
        """The stored note changed (undo, another window): show it unless it is what is being typed."""
        if note != self.edit.toPlainText() and not self._pending:
            self._set_text(note)

    def _set_text(self, text: str) -> None:
        self._loading = True
        try:
            if text != self.edit.toPlainText():
                self.edit.setPlainText(text)
                cursor = self.edit.textCursor()
                cursor.movePosition(cursor.MoveOperation.End)
                self.edit.setTextCursor(cursor)
        finally:
            self._loading = False
        self._pending = False
        self._save_timer.stop()
        self.update_preview()

    def text(self) -> str:
        return self.edit.toPlainText()

    # ---- saving ---------------------------------------------------------------------------------
    def _typed(self) -> None:
        if self._loading or self.annotation_id is None:
            return
        self._pending = True
        self._save_timer.start()
        self._preview_timer.start()

    def flush(self) -> None:
        """Save now what has been typed (before undo, switching annotation, closing)."""
        self._save_timer.stop()
        if self._pending and self.annotation_id is not None:
            self._pending = False
            self.update_preview()
            self.noteEdited.emit(self.annotation_id, self.edit.toPlainText())

    @property
    def pending(self) -> bool:
        return self._pending

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.FocusOut:
            self.flush()
            self.burstEnded.emit()
        return super().eventFilter(watched, event)

    # ---- preview and links ----------------------------------------------------------------------
    def update_preview(self) -> None:
        self._preview_timer.stop()
        text = self.edit.toPlainText()
        self.preview.setHtml(render_markdown(text) if text.strip() else "")

    def open_link(self, url: QUrl) -> None:
        """Open a link of the preview in the system browser, after asking."""
        open_link(self, url)


def open_link(parent: QWidget, url: QUrl) -> None:
    """Open a link of rendered Markdown in the system browser, after asking (web and e-mail links only)."""
    if url.scheme().lower() not in OPENABLE_SCHEMES:
        safe_text.information(
            parent, QCoreApplication.translate("NoteEditor", "Link not opened"),
            QCoreApplication.translate("NoteEditor", "Only web (http, https) and e-mail links can be opened: %1").replace(
                "%1", url.toDisplayString()),
        )
        return
    answer = safe_text.question(
        parent, QCoreApplication.translate("NoteEditor", "Open link?"),
        QCoreApplication.translate("NoteEditor", "Open this link in your web browser?\n\n%1").replace(
            "%1", url.toDisplayString()),
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel,
    )
    if answer == QMessageBox.StandardButton.Open:
        QDesktopServices.openUrl(url)


class MarkdownDialog(QDialog):
    """Markdown from someone else (a hand-out's instructions) rendered like a note: nothing loaded, links asked."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.view = NotePreview(self)
        self.view.anchorClicked.connect(lambda url: open_link(self, url))
        self.view.setHtml(render_markdown(text))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(self.view, 1)
        lay.addWidget(buttons)
        self.resize(520, 360)
