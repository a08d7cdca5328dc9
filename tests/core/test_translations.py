"""Importing a reader's own translation: one paragraph per line, counted against the article, any encoding."""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.errors import ImportFailed
from reader.core.library import Changed, Library
from reader.core.translations import import_translation


def _lines(library: Library, article_id: int) -> list[str]:
    count = library.article(article_id).paragraphs
    return [f"Paragraph {i + 1}: the Security Council met — “quoted”." for i in range(count)]


def test_import_replaces_the_translation_and_names_the_reader(library: Library, tmp_path: Path) -> None:
    library.set_reader_name("Mei")
    path = tmp_path / "mine.txt"
    lines = _lines(library, 2)
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")  # blank lines between paragraphs are fine
    assert import_translation(library, 2, path) == Changed(articles=frozenset({2}))
    rev = library.article(2).revision_id
    assert library.translations(rev) == dict(enumerate(lines))
    assert library.translator(rev) == "Mei"


def test_import_detects_legacy_encodings(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    lines = [f"第{i + 1}段：联合国安理会召开紧急会议。" for i in range(library.article(2).paragraphs)]
    path.write_bytes("\r\n".join(lines).encode("gb18030"))
    import_translation(library, 2, path)
    assert library.translations(library.article(2).revision_id)[0] == lines[0]


def test_wrong_paragraph_count_is_a_clear_error_and_writes_nothing(library: Library, tmp_path: Path) -> None:
    rev = library.article(1).revision_id
    before = library.translations(rev)
    translator = library.translator(rev)
    assert len(before) == 26
    path = tmp_path / "short.txt"
    path.write_text("\n".join(_lines(library, 1)[:-2]), encoding="utf-8")
    with pytest.raises(ImportFailed, match=r"short\.txt: the translation has 24 paragraphs but the article has 26"):
        import_translation(library, 1, path)
    assert library.translations(rev) == before and library.translator(rev) == translator


def test_missing_or_binary_file_is_a_clear_error(library: Library, tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="no such file"):
        import_translation(library, 1, tmp_path / "absent.txt")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(ImportFailed, match="image.png"):
        import_translation(library, 1, binary)
