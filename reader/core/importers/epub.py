"""EPUB importer (core layer, importers): a book's chapters, in reading (spine) order, become one text.

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
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
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
    except (OSError, ValueError, EOFError) as exc:
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
    except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, ValueError):
        return
    if root is None:
        return
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.endswith("CipherReference"):
            if _ENCRYPTED_CONTENT.search(el.get("URI") or ""):
                raise _fail(name, "the EPUB is DRM protected (its chapters are encrypted); it cannot be imported")


def _load_book(data: bytes, name: str) -> Any:
    """Read the package with ebooklib from memory (never from a folder on disk)."""
    from ebooklib import epub

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return epub.read_epub(io.BytesIO(data), {"ignore_ncx": True})
    except KeyError as exc:
        missing = str(exc.args[0]) if exc.args else "?"
        found = re.search(r"named '([^']*)'", missing)
        raise _fail(name, f"the EPUB is damaged: a file it lists is missing ({found.group(1) if found else missing})") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise _fail(name, "the EPUB is damaged (a compressed file in it is corrupt)") from exc
    except Exception as exc:  # a crafted package can break the reader anywhere; the user gets one line
        raise _fail(name, "the EPUB is damaged (its package description, the .opf file, cannot be read)") from exc


def _toc_titles(book: Any, chapter_files: Iterable[str]) -> dict[str, str]:
    """Chapter file → its first title in the table of contents (nav document or NCX)."""
    from ebooklib import epub

    files = set(chapter_files)
    by_base: dict[str, list[str]] = {}
    for f in files:
        by_base.setdefault(posixpath.basename(f), []).append(f)
    ncx_dirs = [posixpath.dirname(item.file_name) for item in book.get_items() if isinstance(item, epub.EpubNcx)]
    titles: dict[str, str] = {}

    def visit(entries: Iterable[object]) -> None:
        for entry in entries:
            if isinstance(entry, tuple | list):
                visit(entry)
                continue
            href, title = getattr(entry, "href", None), getattr(entry, "title", None)
            if not href or not title:
                continue
            path = unquote(str(href).split("#", 1)[0])
            candidates = [posixpath.normpath(path)] + [posixpath.normpath(posixpath.join(d, path)) for d in ncx_dirs]
            target = next((c for c in candidates if c in files), None)
            if target is None and len(by_base.get(posixpath.basename(path), [])) == 1:
                target = by_base[posixpath.basename(path)][0]
            if target and target not in titles:
                text = squash_spaces(str(title))
                if text:
                    titles[target] = text

    visit(book.toc or [])
    return titles


def _metadata(book: Any, field: str) -> list[str]:
    try:
        values = book.get_metadata("DC", field)
    except Exception:  # metadata is optional
        return []
    return [v for v in (squash_spaces(str(value)) for value, _attrs in values if value) if v]


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
    from ebooklib import epub

    check_archive(data, name).close()
    book = _load_book(data, name)
    chapters: list[Any] = []
    images = 0
    for entry in getattr(book, "spine", None) or []:
        idref = entry[0] if isinstance(entry, tuple | list) else entry
        item = book.get_item_with_id(idref)
        if item is None or isinstance(item, epub.EpubNav) or "nav" in (getattr(item, "properties", None) or []):
            continue
        media_type = (getattr(item, "media_type", "") or "").lower()
        if media_type.startswith("image/"):
            images += 1
        elif media_type in _HTML_TYPES or isinstance(item, epub.EpubHtml):
            chapters.append(item)
    if not chapters:
        raise _fail(name, "the EPUB has no chapters to read")
    toc = _toc_titles(book, (c.file_name for c in chapters))
    blocks: list[Block] = []
    encodings: set[str] = set()
    total = len(chapters)
    if progress:
        progress(0, total)
    for done, item in enumerate(chapters, start=1):
        content = item.content if isinstance(item.content, bytes) else str(item.content or "").encode("utf-8")
        chapter, found, encoding = _chapter_blocks(content, item.file_name, name)
        images += found
        encodings.add(encoding)
        blocks.extend(_with_heading(chapter, toc.get(item.file_name)))
        if progress:
            progress(done, total)
    titles = _metadata(book, "title")
    encoding = next(iter(encodings)) if len(encodings) == 1 else "utf-8"
    return build_parsed(
        blocks, name=name, title=titles[0] if titles else None, bylines=_metadata(book, "creator"),
        images=images, encoding=encoding,
    )


def parse_file(path: Path, progress: Progress | None = None) -> ParsedText:
    """Read and parse an .epub file. Raises ImportFailed with a clear one-line message."""
    return parse_epub(read_bytes(path, MAX_FILE_BYTES), name=path.name, progress=progress)
