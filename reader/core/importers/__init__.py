"""Importers (core layer): one module per input kind; `parse_path` picks one by file name."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.core import libfile
from reader.core.errors import ImportFailed
from reader.core.text import ParsedText

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
EPUB_SUFFIXES = {".epub"}
SUPPORTED = ".txt, .md, .html, .htm, .xhtml, .epub"


def parse_path(path: Path, progress: Callable[[int, int], None] | None = None) -> ParsedText:
    """Parse any supported file into paragraphs. Raises ImportFailed (nothing is written) on bad input.

    `progress(done, total)` is called as an EPUB's chapters are read (other kinds are read in one step).
    """
    path = Path(path)
    # a regular file that is a library this process has open: reading it would drop the process's locks on it
    # (pipes, devices and folders are refused by the file reader before anything is read)
    if libfile.kind_of(path) is None and libfile.in_use_here(path):
        raise ImportFailed(f"{path.name} is a library file open here, not a text to import")
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        from reader.core.importers import plaintext

        return plaintext.parse_file(path)
    if suffix in HTML_SUFFIXES:
        from reader.core.importers import html

        return html.parse_file(path)
    if suffix in EPUB_SUFFIXES:
        from reader.core.importers import epub

        return epub.parse_file(path, progress=progress)
    raise ImportFailed(f"{path.name}: unsupported file type '{suffix}' (supported: {SUPPORTED})")
