"""User translations (core layer): import a reader's own English translation of an article from a text file.

The file holds one paragraph per non-empty line, in the article's order; its encoding is detected like an
imported article's (UTF-8, UTF-16, GB18030, Big5). The paragraph count must match the article's, or
nothing is written. The translator recorded is the current reader.
"""
from __future__ import annotations

from pathlib import Path

from reader.core.errors import ImportFailed
from reader.core.importers.decode import MAX_BYTES, decode_bytes
from reader.core.library import Changed, Library
from reader.core.untrusted import read_regular_file


def read_translation(path: str | Path) -> list[str]:
    """The non-empty lines of a translation file, trimmed. Raises ImportFailed for an unusable file."""
    path = Path(path)
    data = read_regular_file(path, MAX_BYTES, error=ImportFailed)
    text, _encoding = decode_bytes(data, path.name)
    return [line.strip() for line in text.splitlines() if line.strip()]


def import_translation(
    lib: Library, article_id: int, path: str | Path, *, translator: str | None = None, language: str = "en",
) -> Changed:
    """Attach the translation in `path` to an article's current revision, replacing any earlier one."""
    lines = read_translation(path)
    try:
        return lib.set_translation(article_id, lines, translator or lib.reader_name, language)
    except ImportFailed as exc:
        raise ImportFailed(f"{Path(path).name}: {exc}") from exc
