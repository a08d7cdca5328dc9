"""HTML importer (core layer, importers): a web page or XHTML file → paragraphs, headings and list items.

The block rules here are shared with the EPUB importer: p, div and other blocks with text become
paragraphs, h1–h6 headings, li list items (numbered as the reader would see them); <br> and <pre> lines
split paragraphs; scripts, styles, forms and ruby annotations (<rt>, <rp>) are dropped, images counted.
Markup is parsed without a network, without DTDs and without expanding entities (no XXE); nothing in the
file is ever run or fetched.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.entities import name2codepoint
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from reader.core.errors import ImportFailed
from reader.core.importers.decode import MAX_BYTES, decode_bytes
from reader.core.importers.plaintext import _BYLINE, _FOOTER, _HEADING_CHAPTER, HEADING_MAX_CHARS, detect_script
from reader.core.text import Paragraph, ParsedText
from reader.core.untrusted import read_regular_file

BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main nav ol p pre section summary table tbody "
    "tfoot thead tr ul".split()
)
#: Never text a reader reads: code, styling, embedded media, form controls, ruby annotations.
DROP_TAGS = frozenset(
    "script style noscript template head title iframe frame frameset object embed applet canvas audio video "
    "source track map math button select textarea input option datalist rt rp rtc".split()
)
#: A web page's chrome: menus, site headers and footers.
PAGE_CHROME_TAGS = frozenset({"nav", "header", "footer"})
_IMAGE_TAGS = frozenset({"img", "image"})
SCRIPT_SAMPLE = 100_000
_HEADINGS = {f"h{n}": n for n in range(1, 7)}

_WS = " \t\u3000\u00a0\ufeff\r\n"
_SPACE_RUN = re.compile(r"[ \t\n\r\f\v\u00a0]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_XML_DECL_TEXT = re.compile(r"^\s*<\?xml[^>]*\?>")
# End tags of the document and its body: browsers keep reading after them, libxml2 drops what follows.
_END_OF_PAGE = re.compile(rb"</\s*(?:html|body)\s*>", re.IGNORECASE)
# Where everything up to a closing mark is not page text: an unclosed one would hide the rest of the page.
_RAW_OPEN = re.compile(rb"<!--|<(script|style|title|textarea)\b", re.IGNORECASE)
#: Declared legacy Chinese charsets decode with their supersets (pages labelled gb2312 often use GBK characters).
_CHARSET_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs"}
_WESTERN = {"latin_1", "iso8859_1", "cp1252", "ascii"}


@dataclass(slots=True)
class Block:
    """One paragraph found in markup, before offsets are assigned."""

    kind: str
    text: str
    level: int = 0
    marker: str = ""


@dataclass(slots=True)
class _Context:
    kind: str = "paragraph"
    level: int = 0
    marker: str = ""
    pre: bool = False
    emitted: bool = False


@dataclass(slots=True)
class _List:
    ordered: bool
    next_number: int = 1


def _wide(ch: str) -> bool:
    return bool(ch) and unicodedata.east_asian_width(ch) in ("W", "F", "H") and not ("\uac00" <= ch <= "\ud7af")


def squash_spaces(text: str) -> str:
    """Collapse HTML whitespace; a line break between two CJK characters disappears (CSS segment-break rule)."""

    def repl(m: re.Match[str]) -> str:
        run = m.group()
        if "\n" in run or "\r" in run:
            s, e = m.span()
            if s > 0 and e < len(text) and _wide(text[s - 1]) and _wide(text[e]):
                return ""
        return " "

    text = _CONTROL.sub("", text)
    if not _SPACE_RUN.search(text):
        return unicodedata.normalize("NFC", text.strip(_WS))
    return unicodedata.normalize("NFC", _SPACE_RUN.sub(repl, text).strip(_WS))


def _local(tag: object) -> str | None:
    """Lower-case local name of an element tag, None for comments, processing instructions and entities."""
    if not isinstance(tag, str):
        return None
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


@dataclass
class _Extractor:
    drop: frozenset[str]
    blocks: list[Block] = field(default_factory=list)
    images: int = 0
    _buf: list[str] = field(default_factory=list)
    _ctx: list[_Context] = field(default_factory=lambda: [_Context()])
    _lists: list[_List] = field(default_factory=list)

    # -- text ---------------------------------------------------------------------------------
    def text(self, value: str | None) -> None:
        if not value:
            return
        if self._ctx[-1].pre and "\n" in value:
            lines = value.split("\n")
            for i, line in enumerate(lines):
                if i:
                    self.flush()
                self._buf.append(line)
        else:
            self._buf.append(value)

    def flush(self) -> None:
        if not self._buf:
            return
        raw = "".join(self._buf)
        self._buf.clear()
        ctx = self._ctx[-1]
        text = squash_spaces(raw) if not ctx.pre else unicodedata.normalize("NFC", _CONTROL.sub("", raw).strip(_WS))
        if not text:
            return
        marker = ""
        if ctx.kind == "list_item" and not ctx.emitted and ctx.marker:
            marker = ctx.marker
            text = f"{marker} {text}"
        ctx.emitted = True
        self.blocks.append(Block(ctx.kind, text, ctx.level, marker))

    # -- elements -----------------------------------------------------------------------------
    def start(self, el: etree._Element, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.flush()
            ctx = _Context(pre=self._ctx[-1].pre)
            if tag in _HEADINGS:
                ctx.kind, ctx.level = "heading", _HEADINGS[tag]
            elif tag == "li":
                ctx.kind, ctx.level, ctx.marker = "list_item", max(len(self._lists), 1), self._li_marker(el)
            elif tag == "pre":
                ctx.pre = True
            elif tag in ("ol", "ul"):
                start = el.get("start", "1").strip() if tag == "ol" else "1"
                self._lists.append(_List(tag == "ol", int(start) if start.isdigit() else 1))
            parent = self._ctx[-1]
            if ctx.kind == "paragraph" and parent.kind == "list_item" and tag not in ("ol", "ul"):
                # <li><p>…</p></li>: the paragraph is the list item, and the first one carries its marker
                ctx.kind, ctx.level = "list_item", parent.level
                if not parent.emitted:
                    ctx.marker, parent.emitted = parent.marker, True
            self._ctx.append(ctx)
        elif tag == "br":
            if self._ctx[-1].kind == "heading":
                self._buf.append(" ")
            else:
                self.flush()
        elif tag in ("td", "th"):
            self._buf.append(" ")

    def end(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.flush()
            if len(self._ctx) > 1:
                self._ctx.pop()
            if tag in ("ol", "ul") and self._lists:
                self._lists.pop()

    def _li_marker(self, el: etree._Element) -> str:
        if not self._lists or not self._lists[-1].ordered:
            return "•"
        lst = self._lists[-1]
        value = (el.get("value") or "").strip()
        number = int(value) if value.isdigit() else lst.next_number
        lst.next_number = number + 1
        return f"{number}."

    def run(self, root: etree._Element) -> None:
        """Walk the tree without recursion (deeply nested markup cannot overflow the stack)."""
        tag = _local(root.tag)
        if tag is None or tag in self.drop:
            return
        self.start(root, tag)
        self.text(root.text)
        stack: list[tuple[etree._Element, str, Iterator[etree._Element]]] = [(root, tag, iter(root))]
        while stack:
            el, el_tag, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                self.end(el_tag)
                if stack:
                    self.text(el.tail)
                continue
            ctag = _local(child.tag)
            if ctag is None:
                if isinstance(child, etree._Entity):
                    code = name2codepoint.get(child.name)
                    if code is not None:
                        self.text(chr(code))
            elif ctag in self.drop or ctag in ("svg", "picture"):
                if ctag in ("svg", "picture"):
                    self.images += sum(1 for e in child.iter() if _local(e.tag) in _IMAGE_TAGS)
            else:
                if ctag in _IMAGE_TAGS:
                    self.images += 1
                self.start(child, ctag)
                self.text(child.text)
                stack.append((child, ctag, iter(child)))
                continue
            self.text(child.tail)
        self.flush()


def extract_blocks(root: etree._Element, drop: frozenset[str] = DROP_TAGS) -> tuple[list[Block], int]:
    """The paragraphs of a parsed document (or of one element) and how many images were dropped."""
    ex = _Extractor(drop)
    ex.run(root)
    return ex.blocks, ex.images


# ---- bytes → text → tree ------------------------------------------------------------------------
def _codec(label: bytes | str) -> str | None:
    if isinstance(label, bytes):
        label = label.decode("ascii", "replace")
    label = label.strip().lower()
    label = _CHARSET_SUPERSET.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_markup(data: bytes, name: str) -> tuple[str, str]:
    """Decode HTML/XHTML bytes: a byte-order mark, else the declared charset (XML declaration or <meta>),
    else detection. A declaration that does not fit the bytes is ignored. Returns (text, encoding)."""
    if len(data) > MAX_BYTES:
        return decode_bytes(data, name)  # raises the size error
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_bytes(data, name)
    head = data[:8192]
    m = _XML_DECL.match(head) or _META_CHARSET.search(head)
    if m:
        label = m.group(1).decode("ascii", "replace").lower()
        codec = _codec(label)
        if codec and not codec.startswith(("utf_16", "utf_32")) and codec not in _WESTERN:
            try:
                return data.decode(codec), label
            except UnicodeDecodeError:
                pass
    return decode_bytes(data, name)


def _xml_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True,
        remove_comments=True, remove_pis=True, encoding="utf-8",
    )


def _html_parser() -> lxml_html.HTMLParser:
    return lxml_html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, huge_tree=True, encoding="utf-8"
    )


class MarkupError(ValueError):
    """The markup could not be parsed at all."""


def parse_markup(text: str, *, xml_first: bool) -> etree._Element:
    """Parse decoded markup safely: as XML first if asked (XHTML), else or on failure as forgiving HTML."""
    data = _XML_DECL_TEXT.sub("", text, count=1).encode("utf-8")
    if not data.strip():
        raise MarkupError("it is empty")
    if xml_first:
        try:
            return etree.fromstring(data, _xml_parser())
        except etree.XMLSyntaxError:
            pass
    _check_closed(data)
    parser = _html_parser()
    try:
        root = lxml_html.document_fromstring(_END_OF_PAGE.sub(b"", data), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise MarkupError(str(exc).splitlines()[0] if str(exc) else "unreadable markup") from exc
    # The forgiving parser mends what it can; a fatal error means it stopped there and the rest of the page
    # would be missing. Refuse the page rather than import part of it.
    fatal = next((e for e in parser.error_log if e.level >= etree.ErrorLevels.FATAL), None)
    if fatal is not None:
        raise MarkupError(f"reading stopped at line {fatal.line}: {fatal.message.strip()}")
    return root


def _check_closed(data: bytes) -> None:
    """Refuse markup where a comment, script, style, title or text area is opened and never closed: everything
    after it would be swallowed (browsers hide it too), so importing would keep only the part before it."""
    lower = data.lower()
    pos = 0
    while (m := _RAW_OPEN.search(data, pos)) is not None:
        name = m.group(1).lower() if m.group(1) else None
        closing = b"-->" if name is None else b"</" + name
        end = lower.find(closing, m.end())
        if end < 0:
            what = "a comment" if name is None else f"a <{name.decode()}> element"
            line = data.count(b"\n", 0, m.start()) + 1
            raise MarkupError(f"{what} opened at line {line} is never closed; the rest of the page would be lost")
        pos = end + len(closing)


def child(el: etree._Element, name: str) -> etree._Element | None:
    """The first direct child element with this local name (any namespace)."""
    for c in el:
        if _local(c.tag) == name:
            return c
    return None


def head_info(root: etree._Element) -> tuple[str | None, list[str]]:
    """The <title> text and the <meta name="author"> values from a document's head."""
    head = child(root, "head")
    title: str | None = None
    authors: list[str] = []
    if head is not None:
        for el in head.iter():
            tag = _local(el.tag)
            if tag == "title" and title is None:
                title = squash_spaces("".join(el.itertext())) or None
            elif tag == "meta" and (el.get("name") or "").lower() == "author":
                author = squash_spaces(el.get("content") or "")
                if author:
                    authors.append(author)
    return title, authors


# ---- blocks → ParsedText ------------------------------------------------------------------------
def build_parsed(
    blocks: list[Block], *, name: str, title: str | None = None, bylines: Iterable[str] = (),
    images: int = 0, encoding: str = "utf-8",
) -> ParsedText:
    """Number the blocks into paragraphs of the canonical text; bylines and platform footers as in plain text."""
    paragraphs: list[Paragraph] = []
    footers: list[str] = []
    found_bylines = [b for b in bylines if b]
    pos = 0
    for block in blocks:
        kind, level, marker, text = block.kind, block.level, block.marker, block.text
        if kind == "paragraph":
            if _FOOTER.match(text):
                footers.append(text)
                continue
            bm = _BYLINE.match(text) if len(text) <= 80 else None
            if bm:
                kind = "byline"
                author = (bm.group("a") or bm.group("b") or bm.group("c") or "").strip()
                if author and author not in found_bylines:
                    found_bylines.append(author)
            elif len(text) <= HEADING_MAX_CHARS and _HEADING_CHAPTER.match(text):
                kind, level = "heading", 1
        start = pos + (1 if paragraphs else 0)
        paragraphs.append(Paragraph(len(paragraphs), kind, start, start + len(text), text, level, marker))
        pos = start + len(text)
    canonical = "\n".join(p.text for p in paragraphs)
    if not any("\u3400" <= ch <= "\u9fff" or ch >= "\U00020000" for ch in canonical):
        if not canonical.strip():
            raise ImportFailed(f"{name}: there is no text in it")
        raise ImportFailed(f"{name}: no Chinese text found in it")
    # Script detection counts characters; for a book an even sample of ~100,000 of them gives the same answer.
    sample = canonical[:: max(1, len(canonical) // SCRIPT_SAMPLE)]
    return ParsedText(
        text=canonical, paragraphs=paragraphs, encoding=encoding, detected_script=detect_script(sample),
        footers=footers, bylines=found_bylines, images=images, title=title,
    )


def read_bytes(path: Path, limit: int) -> bytes:
    """A regular file's bytes (at most `limit`), with one-line messages for the ways reading can fail."""
    return read_regular_file(path, limit, error=ImportFailed)


def parse_html(data: bytes, *, name: str = "page.html", xml_first: bool = False) -> ParsedText:
    """Parse one HTML page's bytes. Page chrome (nav, header, footer) is dropped with scripts and styles."""
    text, encoding = decode_markup(data, name)
    try:
        root = parse_markup(text, xml_first=xml_first)
    except MarkupError as exc:
        raise ImportFailed(f"{name}: cannot read the HTML ({exc})") from exc
    title, authors = head_info(root)
    body = child(root, "body")
    blocks, images = extract_blocks(body if body is not None else root, DROP_TAGS | PAGE_CHROME_TAGS)
    if not title:
        title = next((b.text for b in blocks if b.kind == "heading" and b.level == 1), None)
    return build_parsed(blocks, name=name, title=title, bylines=authors, images=images, encoding=encoding)


def parse_file(path: Path) -> ParsedText:
    """Read and parse a .html, .htm or .xhtml file. Raises ImportFailed with a clear message."""
    data = read_bytes(path, MAX_BYTES)
    return parse_html(data, name=path.name, xml_first=path.suffix.lower() == ".xhtml")
