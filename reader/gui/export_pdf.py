"""Printable PDF hand-out (gui layer): the article with readings above the characters, highlights, endnotes.

Drawn with Qt's printing support (QPdfWriter + QPainter) on A4 pages, so the CLI can make it without a
window (offscreen), in the bundled Noto Sans CJK subset (embedded in the file). Lines are set like the
reading view's, by reader.core.typeset (CLREQ: even advances, justified lines, word readings that use
their neighbours' room). Readings follow the reader's pinyin scaffolding (reader.core.scaffolding): at
HSK level N only words above N, never a word the reader knows. The reader's highlights are painted under
the characters in their tag colours, a legend of those colours under the title; every highlight gets a
superscript number, and the highlights follow the article as numbered endnotes with their tags and notes
(Markdown rendered by Qt, raw HTML ignored, no images or other files loaded).
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from reader.core.annotations import Annotation, Annotations
from reader.core.errors import ReaderError
from reader.core.export.files import file_mode, is_stream, output_target, place
from reader.core.library import Library
from reader.core.pipeline import display
from reader.core.pipeline.readings import is_han, render
from reader.core.pipeline.script import convert_text
from reader.core.reading_fixes import apply_fixes, fixes_for
from reader.core.reading_options import ReadingOptions, describe
from reader.core.scaffolding import get_level, level_label, visible_tokens
from reader.core.text import Paragraph, Token
from reader.core.typeset import FULL_WIDTH_PUNCT, Item, Params, SetLine, set_paragraph
from reader.core.vocabulary import known_words
from reader.gui.fonts import bundled_family, cjk_family
from reader.gui.qapp import application
from reader.gui.safe_text import blank_resource

DPI = 300
GLYPH_PT = 13.0
READING_RATIO = 0.5
MARGIN_MM = 18.0
INK = QColor("#1d1b18")
MUTED = QColor("#6b665e")
READING_INK = QColor("#4a5160")


def _px(pt: float) -> float:
    return pt * DPI / 72.0


class _SafeDocument(QTextDocument):
    """A note's document: never loads images or files a note points to."""

    def loadResource(self, kind: int, name: QUrl) -> object:  # noqa: N802 - Qt's name
        return blank_resource(kind)  # never None: Qt would then read local files itself


@dataclass
class _Cell:
    ch: str
    reading: str | None
    colours: list[QColor]
    marks: list[int]  # endnote numbers drawn after this character
    offset: int  # canonical offset
    word: int  # index of its word


class _Fonts:
    def __init__(self, family: str, pt: float, bold: bool = False) -> None:
        self.glyph = QFont(family)
        self.glyph.setPixelSize(round(_px(pt)))
        self.glyph.setBold(bold)
        self.reading = QFont(family)
        self.reading.setPixelSize(round(_px(pt * READING_RATIO)))
        self.mark = QFont(family)
        self.mark.setPixelSize(round(_px(pt * 0.45)))
        self.mark.setBold(True)
        self.gm = QFontMetricsF(self.glyph)
        self.rm = QFontMetricsF(self.reading)
        self.mm = QFontMetricsF(self.mark)
        self.gap = self.rm.height() * 0.25
        self.params = Params(gap_in=self.reading.pixelSize() * 0.1, gap_out=self.reading.pixelSize() * 0.45)

    def ink(self, ch: str) -> str:
        """Which half of its advance a full-width punctuation mark's ink sits in (see typeset.compress)."""
        if ch not in FULL_WIDTH_PUNCT:
            return "C"
        centre = self.gm.boundingRect(ch).center().x() / (self.gm.horizontalAdvance(ch) or 1.0)
        return "L" if centre < 0.4 else "R" if centre > 0.6 else "C"


class _Pages:
    """A cursor over the pages: `need(h)` starts a new page when h does not fit below the cursor."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, footer_font: QFont, title: str) -> None:
        self.writer, self.painter = writer, painter
        self.width = float(writer.width())
        self.height = float(writer.height()) - _px(16)  # room for the footer
        self.y = 0.0
        self.page = 1
        self.footer_font = footer_font
        self.title = title

    def footer(self) -> None:
        p = self.painter
        p.setFont(self.footer_font)
        p.setPen(MUTED)
        rect = QRectF(0, self.height + _px(4), self.width, _px(12))
        p.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self.title)
        p.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), str(self.page))

    def need(self, h: float) -> None:
        if self.y > 0 and self.y + h > self.height:
            self.new_page()

    def new_page(self) -> None:
        self.footer()
        self.writer.newPage()
        self.page += 1
        self.y = 0.0


def _highlights(lib: Library, article_id: int, author: str | None) -> list[Annotation]:
    anns = [a for a in Annotations(lib).list_for_article(article_id, kind="highlight") if not a.orphaned]
    name = author or lib.reader_name
    own = [a for a in anns if a.author == name]
    return own if own or author else anns


def export_pdf(
    lib: Library, article_id: int, path: str | Path, *, script: str = "original", pinyin: str = "marks",
    readings: ReadingOptions | None = None, level: int | None = None, author: str | None = None,
) -> Path:
    """Write the hand-out PDF of an article (atomically). Highlights: the reader's (or `author`'s); when the
    reader has none, everyone's. `level`: the scaffolding level (default: the reader's own). `readings`: how
    readings are written (standard, spoken tones, neutral tones; default: citation tones)."""
    readings = readings or ReadingOptions()
    application([])
    info = lib.article(article_id)
    pars = lib.paragraphs(info.revision_id)
    tokens = apply_fixes(lib.tokens(info.revision_id), fixes_for(lib, article_id))  # a reader's fixes win
    level = get_level(lib) if level is None else level
    known = known_words(lib)
    anns = sorted(_highlights(lib, article_id, author), key=lambda a: (a.start, a.end, a.id))
    numbers = {a.id: n for n, a in enumerate(anns, 1)}
    shown = Path(path)
    target = output_target(shown)
    folder = Path(tempfile.gettempdir()) if is_stream(target) else target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ReaderError(f"cannot write {shown}: the folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    family = bundled_family() or cjk_family()  # the bundled font, embedded: the same hand-out everywhere
    title = convert_text(info.title, script)
    writer = QPdfWriter(tmp)
    writer.setResolution(DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    writer.setTitle(title)
    writer.setCreator("Bilingual Reader")
    painter = QPainter()
    if not painter.begin(writer):
        Path(tmp).unlink(missing_ok=True)
        raise ReaderError(f"cannot write {shown}")
    try:
        small = QFont(family)
        small.setPixelSize(round(_px(8)))
        pages = _Pages(writer, painter, small, title)
        _header(pages, family, info, script, pinyin, level, len(anns), describe(readings, script))
        _legend(pages, family, anns, script)
        body = _Fonts(family, GLYPH_PT)
        fonts = {"paragraph": body, "list_item": body, "byline": _Fonts(family, GLYPH_PT * 0.8)}
        for par in pars:
            fs = fonts.get(par.kind) or _Fonts(family, GLYPH_PT * (1.35 if par.level <= 1 else 1.15), bold=True)
            cells = _cells(par, tokens.get(par.index), script, pinyin, level, known, anns, numbers, fs,
                           readings)
            _paragraph(pages, cells, fs, INK if par.kind != "byline" else MUTED, justify=par.kind != "heading")
        if anns:
            _endnotes(pages, family, anns, script)
        pages.footer()
    finally:
        painter.end()
    try:
        if not is_stream(target):
            os.chmod(tmp, file_mode(target))  # mkstemp makes it 0600: the hand-out gets a new file's usual mode
        place(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ReaderError(f"cannot write {shown}: {exc.strerror}") from exc
    return shown


def _text_block(pages: _Pages, text: str, font: QFont, colour: QColor, space_after: float) -> None:
    p = pages.painter
    p.setFont(font)
    p.setPen(colour)
    flags = int(Qt.TextFlag.TextWordWrap)
    rect = p.boundingRect(QRectF(0, 0, pages.width, 1e6), flags, text)
    pages.need(rect.height())
    p.drawText(QRectF(0, pages.y, pages.width, rect.height()), flags, text)
    pages.y += rect.height() + space_after


def _header(pages: _Pages, family: str, info: object, script: str, pinyin: str, level: int, count: int,
            how: list[str]) -> None:
    title_font = QFont(family)
    title_font.setPixelSize(round(_px(19)))
    title_font.setBold(True)
    _text_block(pages, convert_text(info.title, script), title_font, INK, _px(3))  # type: ignore[attr-defined]
    if info.title_en:  # type: ignore[attr-defined]
        en = QFont(family)
        en.setPixelSize(round(_px(10.5)))
        en.setItalic(True)
        _text_block(pages, info.title_en, en, MUTED, _px(3))  # type: ignore[attr-defined]
    meta = [convert_text(x, script) for x in (info.author, info.source) if x] + ([info.date] if info.date else [])  # type: ignore[attr-defined]
    readings = "no readings" if pinyin == "none" else f"readings: {', '.join([level_label(level), *how])}"
    meta.append(f"{readings} · {count} highlight{'s' if count != 1 else ''}")
    small = QFont(family)
    small.setPixelSize(round(_px(8.5)))
    _text_block(pages, "  ·  ".join(meta), small, MUTED, _px(10))


def _legend(pages: _Pages, family: str, anns: list[Annotation], script: str) -> None:
    """A swatch and name for every tag colour (and untagged colour) the highlights use."""
    seen: dict[str, str] = {}
    for a in anns:
        if a.tags:
            for t in a.tags:
                name = t.name + (f" {convert_text(t.name_zh, script)}" if getattr(t, "name_zh", "") else "")
                seen.setdefault(t.name, f"{t.color or a.color or '#f2c94c'}\t{name}")
        else:
            seen.setdefault(f"#{a.color}", f"{a.color or '#f2c94c'}\tuntagged")
    if not seen:
        return
    font = QFont(family)
    font.setPixelSize(round(_px(8.5)))
    fm = QFontMetricsF(font)
    p = pages.painter
    p.setFont(font)
    box = fm.height() * 0.8
    x = 0.0
    row_h = fm.height() * 1.4
    pages.need(row_h)
    for entry in seen.values():
        colour, name = entry.split("\t", 1)
        w = box + fm.height() * 0.35 + fm.horizontalAdvance(name) + fm.height() * 1.2
        if x and x + w > pages.width:
            pages.y += row_h
            pages.need(row_h)
            x = 0.0
        fill = QColor(colour)
        fill.setAlphaF(0.38)
        top = pages.y + (row_h - box) / 2
        p.fillRect(QRectF(x, top, box, box), fill)
        p.fillRect(QRectF(x, top + box - _px(0.8), box, _px(0.8)), QColor(colour))
        p.setPen(MUTED)
        p.drawText(QPointF(x + box + fm.height() * 0.35, pages.y + (row_h + fm.ascent() - fm.descent()) / 2), name)
        x += w
    pages.y += row_h + _px(8)


def _cells(
    par: Paragraph, toks: list | None, script: str, pinyin: str, level: int, known: set[str],
    anns: list[Annotation], numbers: dict[int, int], fs: _Fonts, readings: ReadingOptions | None = None,
) -> list[_Cell]:
    """The paragraph's characters with their readings, highlight colours and highlight numbers."""
    if toks is None:
        toks = [Token(par.start + k, par.start + k + 1, ch, [None]) for k, ch in enumerate(par.text)]
    disp = display(par.text, toks, script, par.start, **(readings or ReadingOptions()).display_kwargs())
    show = visible_tokens(disp.tokens, level, known, compose=True) if pinyin != "none" else [False] * len(disp.tokens)
    here = [a for a in anns if a.start < par.end and par.start < a.end]
    ends: dict[int, list[int]] = {}
    for a in here:
        if a.id in numbers:
            last = min(a.end, par.end) - 1
            ends.setdefault(last, []).append(numbers[a.id])
    cells: list[_Cell] = []
    for w, (tok, visible) in enumerate(zip(disp.tokens, show, strict=True)):
        for k, ch in enumerate(tok.text):
            i = tok.start + k
            offset = par.start + disp.map.to_canonical(i)
            reading = None
            r = tok.readings[k] if k < len(tok.readings) else None
            if visible and r and is_han(ch):
                if r.rstrip("012345") == "r" and cells and cells[-1].reading and cells[-1].word == w:
                    cells[-1].reading += "ㄦ" if pinyin == "zhuyin" else "r"  # erhua: joined to its syllable
                else:
                    reading = render(r, pinyin)
            colours = [QColor(a.color or (a.tags[0].color if a.tags else "#f2c94c")) for a in here
                       if a.start <= offset < a.end]
            end_of = par.start + disp.map.to_canonical(i + 1, end=True) - 1
            marks = sorted({n for o in range(offset, end_of + 1) for n in ends.get(o, [])})
            cells.append(_Cell(ch, reading, colours, marks, offset, w))
    return cells


def _mark_width(cell: _Cell, fs: _Fonts) -> float:
    return fs.mm.horizontalAdvance(",".join(map(str, cell.marks))) + fs.gap * 0.5 if cell.marks else 0.0


def _paragraph(pages: _Pages, cells: list[_Cell], fs: _Fonts, ink: QColor, *, justify: bool = True) -> None:
    items = [
        Item(c.ch, fs.gm.horizontalAdvance(c.ch) + _mark_width(c, fs), c.word, c.reading,
             fs.rm.horizontalAdvance(c.reading) if c.reading else 0.0, fs.ink(c.ch))
        for c in cells
    ]
    params = Params(fs.params.gap_in, fs.params.gap_out, justify)
    lines = set_paragraph(items, pages.width, params)
    has_readings = any(c.reading for c in cells)
    reading_h = fs.rm.height() if has_readings else 0.0
    line_h = reading_h + fs.gm.height() * 1.3
    p = pages.painter
    for line in lines:
        pages.need(line_h)
        top = pages.y
        glyph_top = top + reading_h
        _fill_highlights(p, line, cells, fs, glyph_top)
        for placed in line.placed:
            c = cells[placed.k]
            if placed.reading:
                p.setFont(fs.reading)
                p.setPen(READING_INK)
                p.drawText(QPointF(placed.rx, top + fs.rm.ascent()), placed.reading)
            p.setFont(fs.glyph)
            p.setPen(ink)
            p.drawText(QPointF(placed.glyph_x, glyph_top + fs.gm.ascent() + fs.gm.height() * 0.1), c.ch)
            if c.marks:
                p.setFont(fs.mark)
                p.setPen(QColor("#b03030"))
                x = placed.glyph_x + fs.gm.horizontalAdvance(c.ch)
                p.drawText(QPointF(x + fs.gap * 0.2, glyph_top + fs.mm.ascent() + fs.gm.height() * 0.05),
                           ",".join(map(str, c.marks)))
        pages.y += line_h
    pages.y += fs.gm.height() * 0.45


def _fill_highlights(p: QPainter, line: SetLine, cells: list[_Cell], fs: _Fonts, glyph_top: float) -> None:
    """Paint the highlights of a line under its characters, one rectangle per run of equal colours."""
    run_start = run_end = 0.0
    run_key: tuple[str, ...] = ()
    for placed in [*line.placed, None]:
        key = tuple(q.name() for q in cells[placed.k].colours) if placed is not None else ()
        if key != run_key:
            for name in run_key:
                fill = QColor(name)
                fill.setAlphaF(0.38)
                p.fillRect(QRectF(run_start, glyph_top + fs.gm.height() * 0.08, run_end - run_start,
                                  fs.gm.height()), fill)
            run_key = key
            run_start = placed.box_x if placed is not None else 0.0
        if placed is not None:
            run_end = placed.box_x + placed.box_w


def _endnotes(pages: _Pages, family: str, noted: list[Annotation], script: str) -> None:
    """Every highlight, numbered as in the text: its quote, tags, author and note (if any)."""
    heading = QFont(family)
    heading.setPixelSize(round(_px(14)))
    heading.setBold(True)
    pages.y += _px(8)
    pages.need(_px(40))
    _text_block(pages, "Notes", heading, INK, _px(4))
    base = QFont(family)
    base.setPixelSize(round(_px(9.5)))
    for n, a in enumerate(noted, 1):
        quote = " ".join(convert_text(a.exact, script).split())
        if len(quote) > 60:
            quote = quote[:59] + "…"
        tags = ", ".join(t.name for t in a.tags)
        doc = _SafeDocument()
        doc.setDefaultFont(base)
        doc.setDocumentMargin(0)
        doc.setTextWidth(pages.width - _px(18))
        head = f"**{n}.** “{_md_escape(quote)}”" + (f" — *{_md_escape(tags)}*" if tags else "") \
            + f" — {_md_escape(a.author)}\n\n"
        features = QTextDocument.MarkdownFeature.MarkdownDialectGitHub | QTextDocument.MarkdownFeature.MarkdownNoHTML
        doc.setMarkdown(head + a.note.strip(), features)
        _draw_document(pages, doc, _px(18) * 0, _px(6))


def _md_escape(text: str) -> str:
    return "".join("\\" + ch if ch in "\\`*_[]<>#|~" else ch for ch in text)


def _draw_document(pages: _Pages, doc: QTextDocument, indent: float, space_after: float) -> None:
    """Draw a document at the cursor, continuing on new pages when it is taller than what is left."""
    height = doc.size().height()
    p = pages.painter
    pages.need(min(height, pages.height))
    done = 0.0
    while done < height - 0.5:
        room = pages.height - pages.y
        if room < _px(14):
            pages.new_page()
            continue
        chunk = min(room, height - done)
        p.save()
        p.translate(indent, pages.y - done)
        doc.drawContents(p, QRectF(QPointF(0, done), QSizeF(doc.textWidth(), chunk)))
        p.restore()
        done += chunk
        pages.y += chunk
        if done < height - 0.5:
            pages.new_page()
    pages.y += space_after
