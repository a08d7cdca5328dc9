"""Importers (core layer): one module per input kind; `parse_path` picks one by file name."""
from __future__ import annotations

from pathlib import Path

from reader.core.errors import ImportFailed
from reader.core.text import ParsedText

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}


def parse_path(path: Path) -> ParsedText:
    """Parse any supported file into paragraphs. Raises ImportFailed (nothing is written) on bad input."""
    from reader.core.importers import plaintext

    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return plaintext.parse_file(path)
    raise ImportFailed(f"{path.name}: unsupported file type '{suffix}' (supported: .txt, .md)")
