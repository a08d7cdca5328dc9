"""EPUB importer (core layer, importers): a book's chapters, in reading (spine) order, become one text.

Read with zipfile and lxml alone: META-INF/container.xml names the package description (OPF), whose
manifest and spine list the XHTML chapters in reading order; chapter titles come from the nav document,
else the NCX. Only the members the spine and table of contents name are read (through `_member`), besides
META-INF/encryption.xml.

Each chapter starts with a heading: its own h1–h3, else its first line if that is the table-of-contents
title or a `第N章` line, else the table-of-contents title added. Blocks follow the HTML importer's rules
(markup, scripts, styles and ruby annotations dropped; images counted). Title and authors come from the
book's metadata.

The archive is checked before anything is read from it: it must be a zip with META-INF/container.xml, no
member may have an absolute or `..` path, be encrypted, or decompress to more than its share (total
200 MiB, and no member over 1 MiB may expand more than 100-fold): a crafted file cannot fill memory.
Nothing in the book is run or fetched; markup is parsed without network, DTDs or entity expansion.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from reader.core.errors import ImportFailed
from reader.core.importers.html import (
    DROP_TAGS,
    Block,
    MarkupError,
    build_parsed,
    child,
    decode_markup,
    extract_blocks,
    parse_markup,
    read_bytes,
    squash_spaces,
)
from reader.core.importers.plaintext import _HEADING_CHAPTER, HEADING_MAX_CHARS
from reader.core.text import ParsedText
from reader.core.untrusted import DRIVE, UNPRINTABLE

MiB = 1024 * 1024
MAX_FILE_BYTES = 200 * MiB
MAX_TOTAL_UNCOMPRESSED = 200 * MiB
MAX_MEMBERS = 20_000
MAX_RATIO = 100
RATIO_CHECK_ABOVE = 1 * MiB

#: In a book, a <header> or <footer> inside a chapter is part of the chapter; only navigation is dropped.
EPUB_DROP_TAGS = DROP_TAGS | {"nav"}
_HTML_TYPES = {"application/xhtml+xml", "text/html", "application/xml", "text/xml"}
_OPF_TYPE = "application/oebps-package+xml"
_NCX_TYPE = "application/x-dtbncx+xml"
_OPF_DAMAGED = "the EPUB is damaged (its package description, the .opf file, cannot be read)"
#: What reading one member of a damaged zip can raise (a bad CRC, corrupt deflate data, a cut-short file …).
_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError)
_ENCRYPTED_CONTENT = re.compile(r"\.(x?html?|xml|opf|ncx|txt)$", re.IGNORECASE)

Progress = Callable[[int, int], None]


def _fail(name: str, why: str) -> ImportFailed:
    return ImportFailed(f"{name}: {why}")


def check_archive(data: bytes, name: str) -> zipfile.ZipFile:
    """Open the bytes as a zip and refuse anything that is not a sane EPUB container."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise _fail(name, "not an EPUB book (it is not a zip archive, or the file is cut short)") from exc
    except (OSError, ValueError, EOFError, NotImplementedError) as exc:  # NotImplementedError: a "zip version" past 6.3
        raise _fail(name, "not an EPUB book (the zip archive is damaged)") from exc
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise _fail(name, f"the EPUB has too many files in it ({len(infos)}; limit {MAX_MEMBERS})")
    total = 0
    for info in infos:
        member = info.filename
        parts = member.replace("\\", "/").split("/")
        if member.startswith(("/", "\\")) or DRIVE.match(member) or ".." in parts or "\x00" in member:
            raise _fail(name, f"the EPUB contains a file with an unsafe path ({member[:80]!r}); not imported")
        if info.flag_bits & 0x1:
            raise _fail(name, "the EPUB is encrypted (password or DRM protected); it cannot be imported")
        total += info.file_size
        if total > MAX_TOTAL_UNCOMPRESSED:
            raise _fail(name, f"the EPUB unpacks to more than {MAX_TOTAL_UNCOMPRESSED // MiB} MiB; not imported")
        if info.file_size > RATIO_CHECK_ABOVE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _fail(name, f"the EPUB member {member[:80]!r} is compressed suspiciously well (a zip bomb?); not imported")
    names = set(zf.namelist())
    if "META-INF/container.xml" not in names:
        raise _fail(name, "not an EPUB book (META-INF/container.xml is missing)")
    if "META-INF/encryption.xml" in names:
        _check_encryption(zf, name)
    return zf


def _check_encryption(zf: zipfile.ZipFile, name: str) -> None:
    """Font obfuscation is harmless; encrypted chapters mean DRM, which cannot be read."""
    try:
        root = etree.fromstring(zf.read("META-INF/encryption.xml"), etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, recover=True))
    except (etree.XMLSyntaxError, *_READ_ERRORS):
        return
    if root is None:
        return
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.endswith("CipherReference"):
            if _ENCRYPTED_CONTENT.search(el.get("URI") or ""):
                raise _fail(name, "the EPUB is DRM protected (its chapters are encrypted); it cannot be imported")


@dataclass(frozen=True)
class _Item:
    """A manifest entry: its href as the book writes it (for messages), its member path in the zip (None when
    it points outside the book), media type and properties."""

    href: str
    path: str | None
    media_type: str
    properties: frozenset[str]


@dataclass
class _Package:
    """What the OPF says: metadata, manifest (id → item), spine (item ids in reading order), NCX id."""

    titles: list[str] = field(default_factory=list)
    creators: list[str] = field(default_factory=list)
    items: dict[str, _Item] = field(default_factory=dict)
    spine: list[str] = field(default_factory=list)
    ncx_id: str | None = None


def _xml_parser(*, recover: bool) -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           remove_comments=True, remove_pis=True, recover=recover)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(el: etree._Element) -> str:
    try:
        return squash_spaces("".join(t for t in el.itertext() if isinstance(t, str)))
    except UnicodeDecodeError:  # a recovering parse kept a character XML forbids (&#xD800;): no label
        return ""


def _resolve(base: str, href: str) -> str | None:
    """The zip member an href relative to `base` (a folder in the zip) names; None if it leaves the book."""
    path = unquote(href.split("#", 1)[0]).replace("\\", "/")
    if not path or path.startswith("/") or re.match(r"^[A-Za-z][\w+.-]*:", path):
        return None
    joined = posixpath.normpath(posixpath.join(base, path))
    return None if joined == ".." or joined.startswith("../") else joined


def _member(zf: zipfile.ZipFile, path: str, name: str) -> bytes:
    """One file of the book (the only place members are read), with one-line messages for the ways it fails."""
    try:
        return zf.read(path)
    except KeyError as exc:
        raise _fail(name, f"the EPUB is damaged: a file it lists is missing ({_shown(path)})") from exc
    except _READ_ERRORS as exc:
        raise _fail(name, "the EPUB is damaged (a compressed file in it is corrupt)") from exc


def _package_path(zf: zipfile.ZipFile, name: str) -> str:
    """META-INF/container.xml → the OPF's path in the zip."""
    damaged = "the EPUB is damaged (META-INF/container.xml cannot be read)"
    try:
        root = etree.fromstring(_member(zf, "META-INF/container.xml", name), _xml_parser(recover=False))
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise _fail(name, damaged) from exc
    rootfiles = [el for el in root.iter() if _local(el.tag) == "rootfile" and el.get("full-path")]
    rootfiles.sort(key=lambda el: el.get("media-type") != _OPF_TYPE)
    path = _resolve("", rootfiles[0].get("full-path", "")) if rootfiles else None
    if path is None:
        raise _fail(name, "the EPUB is damaged (META-INF/container.xml names no package description)")
    return path


def _read_package(data: bytes, opf_dir: str, name: str) -> _Package:
    """Parse the OPF (strictly: a package description that is not well-formed XML is damage)."""
    try:
        root = etree.fromstring(data, _xml_parser(recover=False))
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise _fail(name, _OPF_DAMAGED) from exc
    if _local(root.tag) != "package":
        raise _fail(name, _OPF_DAMAGED)
    pkg = _Package()
    for section in root:
        kind = _local(section.tag)
        if kind == "metadata":
            for el in section.iter():
                if _local(el.tag) in ("title", "creator") and (value := _text(el)):
                    (pkg.titles if _local(el.tag) == "title" else pkg.creators).append(value)
        elif kind == "manifest":
            for el in section:
                item_id, href = el.get("id"), el.get("href")
                if _local(el.tag) == "item" and item_id and href and item_id not in pkg.items:
                    pkg.items[item_id] = _Item(unquote(href.split("#", 1)[0]), _resolve(opf_dir, href),
                                               (el.get("media-type") or "").strip().lower(),
                                               frozenset((el.get("properties") or "").split()))
        elif kind == "spine":
            pkg.ncx_id = section.get("toc")
            pkg.spine.extend(idref for el in section if _local(el.tag) == "itemref" and (idref := el.get("idref")))
    return pkg


def _toc_entries(zf: zipfile.ZipFile, item: _Item, name: str) -> list[tuple[str, str]]:
    """(href, title) pairs of a nav document's table of contents or an NCX's navPoints, in order.
    A table of contents is optional: one that cannot be read gives none."""
    if item.path is None or item.path not in zf.NameToInfo:
        return []
    data = _member(zf, item.path, name)
    entries: list[tuple[str, str]] = []
    if item.media_type == _NCX_TYPE:
        try:
            root = etree.fromstring(data, _xml_parser(recover=True))
        except (etree.XMLSyntaxError, ValueError):
            return []
        for point in (root.iter() if root is not None else ()):
            if _local(point.tag) != "navPoint":
                continue
            label = next((el for el in point if _local(el.tag) == "navLabel"), None)
            src = next((el.get("src") for el in point if _local(el.tag) == "content"), None)
            if label is not None and src:
                entries.append((src, _text(label)))
        return entries
    try:
        root = parse_markup(decode_markup(data, f"{name}/{item.href}")[0], xml_first=True)
    except (ImportFailed, MarkupError):
        return []
    navs = [el for el in root.iter() if _local(el.tag) == "nav"]
    toc = [el for el in navs if "toc" in " ".join(v for k, v in el.attrib.items() if _local(k) == "type").split()]
    for nav in (toc or navs)[:1]:
        entries.extend((a.get("href", ""), _text(a)) for a in nav.iter() if _local(a.tag) == "a" and a.get("href"))
    return entries


def _toc_titles(zf: zipfile.ZipFile, pkg: _Package, chapters: Iterable[str], name: str) -> dict[str, str]:
    """Chapter member path → its first title in the table of contents (the nav document, then the NCX)."""
    files = set(chapters)
    by_base: dict[str, list[str]] = {}
    for f in files:
        by_base.setdefault(posixpath.basename(f), []).append(f)
    sources = [item for item in pkg.items.values() if "nav" in item.properties][:1]
    ncx = pkg.items.get(pkg.ncx_id or "")
    if ncx is None or ncx.media_type != _NCX_TYPE:
        ncx = next((item for item in pkg.items.values() if item.media_type == _NCX_TYPE), None)
    sources += [ncx] if ncx is not None else []
    titles: dict[str, str] = {}
    for source in sources:
        base = posixpath.dirname(source.path or "")
        for href, title in _toc_entries(zf, source, name):
            target = _resolve(base, href)
            if target not in files:
                same_base = by_base.get(posixpath.basename(unquote(href.split("#", 1)[0])), [])
                target = same_base[0] if len(same_base) == 1 else None
            if target and title and target not in titles:
                titles[target] = title
    return titles


def _shown(file_name: str) -> str:
    """A file name from the book as it can stand in a one-line message (control characters and line
    separators written as escapes, e.g. \\n)."""
    return UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], file_name)


def _chapter_blocks(content: bytes, file_name: str, name: str) -> tuple[list[Block], int, str]:
    shown = _shown(file_name)
    try:
        text, encoding = decode_markup(content, f"{name}/{file_name}")
    except ImportFailed as exc:
        raise _fail(name, f"the EPUB is damaged: chapter {shown} is not readable text") from exc
    try:
        root = parse_markup(text, xml_first=True)
    except MarkupError as exc:
        if not text.strip():
            return [], 0, encoding
        raise _fail(name, f"the EPUB is damaged: chapter {shown} cannot be parsed ({exc})") from exc
    body = child(root, "body")
    blocks, images = extract_blocks(body if body is not None else root, EPUB_DROP_TAGS)
    return blocks, images, encoding


def _same_title(a: str, b: str | None) -> bool:
    if not b:
        return False
    fold = str.maketrans("", "", " \u3000\t")
    return a.translate(fold) == b.translate(fold)


def _with_heading(blocks: list[Block], toc_title: str | None) -> list[Block]:
    """Make sure a chapter opens with a heading (see the module docstring)."""
    if not blocks or any(b.kind == "heading" and b.level <= 3 for b in blocks):
        return blocks
    first = blocks[0]
    if first.kind == "paragraph" and len(first.text) <= HEADING_MAX_CHARS and (
        _same_title(first.text, toc_title) or _HEADING_CHAPTER.match(first.text)
    ):
        return [Block("heading", first.text, 1), *blocks[1:]]
    if toc_title:
        return [Block("heading", toc_title, 1), *blocks]
    return blocks


def parse_epub(data: bytes, *, name: str = "book.epub", progress: Progress | None = None) -> ParsedText:
    """Parse an EPUB's bytes into one text: chapters in spine order, each opening with a heading."""
    with check_archive(data, name) as zf:
        opf_path = _package_path(zf, name)
        pkg = _read_package(_member(zf, opf_path, name), posixpath.dirname(opf_path), name)
        chapters: list[_Item] = []
        seen: set[str | None] = set()
        images = 0
        for idref in pkg.spine:
            item = pkg.items.get(idref)
            if item is None or "nav" in item.properties or item.path in seen:
                continue
            seen.add(item.path)
            if item.media_type.startswith("image/"):
                images += 1
            elif item.media_type in _HTML_TYPES:
                if item.path is None:
                    raise _fail(name, f"the EPUB is damaged: chapter {_shown(item.href)} lies outside the book")
                chapters.append(item)
        if not chapters:
            raise _fail(name, "the EPUB has no chapters to read")
        toc = _toc_titles(zf, pkg, (c.path for c in chapters if c.path), name)
        blocks: list[Block] = []
        encodings: set[str] = set()
        total = len(chapters)
        if progress:
            progress(0, total)
        for done, item in enumerate(chapters, start=1):
            assert item.path is not None
            chapter, found, encoding = _chapter_blocks(_member(zf, item.path, name), item.href, name)
            images += found
            encodings.add(encoding)
            blocks.extend(_with_heading(chapter, toc.get(item.path)))
            if progress:
                progress(done, total)
    encoding = next(iter(encodings)) if len(encodings) == 1 else "utf-8"
    return build_parsed(
        blocks, name=name, title=pkg.titles[0] if pkg.titles else None, bylines=pkg.creators,
        images=images, encoding=encoding,
    )


def parse_file(path: Path, progress: Progress | None = None) -> ParsedText:
    """Read and parse an .epub file. Raises ImportFailed with a clear one-line message."""
    return parse_epub(read_bytes(path, MAX_FILE_BYTES), name=path.name, progress=progress)
