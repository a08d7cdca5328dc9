"""EPUB 3 writer (bench layer): a valid book (container, OPF, nav, NCX, XHTML chapters) for the benchmark's long
book and for tests of the EPUB importer. Written with zipfile; the same arguments give the same bytes."""
from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

CONTAINER = """<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Chapter:
    """One chapter: its table-of-contents title, its body as an XHTML fragment, and its file under EPUB/."""

    title: str
    body: str
    file_name: str


@dataclass(frozen=True)
class Image:
    file_name: str
    media_type: str
    data: bytes


def _chapter_xhtml(chapter: Chapter, language: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="{language}" '
        f'xml:lang="{language}">\n<head><title>{escape(chapter.title)}</title></head>\n'
        f"<body>{chapter.body}</body>\n</html>\n"
    )


def _nav(chapters: Sequence[Chapter], title: str, language: str) -> str:
    entries = "\n".join(
        f'      <li><a href="{escape(c.file_name)}">{escape(c.title)}</a></li>' for c in chapters
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="{language}" '
        f'xml:lang="{language}">\n<head><title>{escape(title)}</title></head>\n<body>\n'
        f'  <nav epub:type="toc" id="id">\n    <h2>{escape(title)}</h2>\n    <ol>\n{entries}\n    </ol>\n  </nav>\n'
        "</body>\n</html>\n"
    )


def _ncx(chapters: Sequence[Chapter], title: str, identifier: str) -> str:
    points = "\n".join(
        f'    <navPoint id="chapter_{n}"><navLabel><text>{escape(c.title)}</text></navLabel>'
        f'<content src="{escape(c.file_name)}"/></navPoint>'
        for n, c in enumerate(chapters, start=1)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">\n'
        f'  <head><meta content="{escape(identifier)}" name="dtb:uid"/><meta content="0" name="dtb:depth"/></head>\n'
        f"  <docTitle><text>{escape(title)}</text></docTitle>\n  <navMap>\n{points}\n  </navMap>\n</ncx>\n"
    )


def _opf(
    chapters: Sequence[Chapter], images: Sequence[Image], order: Sequence[int], *, title: str,
    authors: Sequence[str], identifier: str, language: str, modified: str, nav_in_spine: bool,
) -> str:
    creators = "".join(f'\n    <dc:creator id="creator_{n}">{escape(a)}</dc:creator>'
                       for n, a in enumerate(authors, start=1))
    items = [f'    <item href="{escape(c.file_name)}" id="chapter_{n}" media-type="application/xhtml+xml"/>'
             for n, c in enumerate(chapters, start=1)]
    items += [f'    <item href="{escape(i.file_name)}" id="image_{n}" media-type="{escape(i.media_type)}"/>'
              for n, i in enumerate(images, start=1)]
    items += ['    <item href="toc.ncx" id="ncx" media-type="application/x-dtbncx+xml"/>',
              '    <item href="nav.xhtml" id="nav" media-type="application/xhtml+xml" properties="nav"/>']
    refs = ['    <itemref idref="nav"/>'] if nav_in_spine else []
    refs += [f'    <itemref idref="chapter_{i + 1}"/>' for i in order]
    manifest, spine = "\n".join(items), "\n".join(refs)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<package xmlns="http://www.idpf.org/2007/opf" unique-identifier="id" version="3.0" '
        f'xml:lang="{language}">\n'
        '  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        f'    <meta property="dcterms:modified">{escape(modified)}</meta>\n'
        f'    <dc:identifier id="id">{escape(identifier)}</dc:identifier>\n'
        f"    <dc:title>{escape(title)}</dc:title>\n    <dc:language>{escape(language)}</dc:language>{creators}\n"
        f'  </metadata>\n  <manifest>\n{manifest}\n  </manifest>\n  <spine toc="ncx">\n{spine}\n  </spine>\n</package>\n'
    )


def write_epub(
    path: str | Path, chapters: Sequence[Chapter], *, title: str, authors: Sequence[str] = (),
    identifier: str = "urn:uuid:00000000-0000-0000-0000-000000000000", language: str = "zh",
    images: Sequence[Image] = (), spine_order: Sequence[int] | None = None, nav_in_spine: bool = False,
    modified: str = "2026-01-01T00:00:00Z",
) -> Path:
    """Write the book to `path` (folders made as needed); chapters are read in `spine_order` (default: as given)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    order = list(spine_order) if spine_order is not None else list(range(len(chapters)))
    members: list[tuple[str, bytes]] = [
        ("META-INF/container.xml", CONTAINER.encode("utf-8")),
        ("EPUB/content.opf", _opf(chapters, images, order, title=title, authors=authors, identifier=identifier,
                                  language=language, modified=modified, nav_in_spine=nav_in_spine).encode("utf-8")),
        ("EPUB/toc.ncx", _ncx(chapters, title, identifier).encode("utf-8")),
        ("EPUB/nav.xhtml", _nav(chapters, title, language).encode("utf-8")),
    ]
    members += [(f"EPUB/{c.file_name}", _chapter_xhtml(c, language).encode("utf-8")) for c in chapters]
    members += [(f"EPUB/{i.file_name}", i.data) for i in images]
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype", _ZIP_TIME), b"application/epub+zip", zipfile.ZIP_STORED)
        for name, data in members:
            zf.writestr(zipfile.ZipInfo(name, _ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return path
