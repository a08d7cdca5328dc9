"""Importer: encodings, paragraph kinds, bylines, footers, script detection, bad files."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from testdata import SEED_SIMP, SEED_TRAD

from reader.core.errors import ImportFailed
from reader.core.importers import parse_path
from reader.core.importers.decode import decode_bytes
from reader.core.importers.plaintext import detect_script, parse_text


def test_traditional_seed_structure() -> None:
    parsed = parse_path(SEED_TRAD)
    kinds = [p.kind for p in parsed.paragraphs]
    assert len(parsed.paragraphs) == 26
    assert kinds.count("heading") == 4
    assert kinds.count("list_item") == 3
    assert kinds[0] == "byline" and parsed.bylines == ["時事熱點觀察者"]
    assert parsed.paragraphs[2].text.startswith("一、 風暴之眼")
    assert [p.marker for p in parsed.paragraphs if p.kind == "list_item"] == ["1.", "2.", "3."]
    assert parsed.images == 4
    assert len(parsed.footers) == 2 and "網易號" in parsed.footers[0] and parsed.footers[1].startswith("Notice:")
    assert "網易號" not in parsed.text and "![]()" not in parsed.text
    assert parsed.detected_script == "traditional"


def test_simplified_seed_structure() -> None:
    parsed = parse_path(SEED_SIMP)
    assert len(parsed.paragraphs) == 13
    assert parsed.paragraphs[-1].kind == "byline"
    assert parsed.bylines == ["中国现代国际关系研究院美国研究所所长"]
    assert parsed.footers == ["京公网安备 11010102003980号"]
    assert "京公网安备" not in parsed.text
    assert parsed.detected_script == "simplified"


def test_paragraph_offsets_index_the_canonical_text() -> None:
    parsed = parse_path(SEED_TRAD)
    for par in parsed.paragraphs:
        assert parsed.text[par.start : par.end] == par.text
    assert parsed.text == "\n".join(p.text for p in parsed.paragraphs)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "big5hkscs"])
def test_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    source = SEED_SIMP.read_text(encoding="utf-8")
    if encoding == "big5hkscs":
        source = parse_path(SEED_TRAD).text.replace("关", "關").replace("并", "並")
        source = "".join(ch for ch in source if _encodable(ch, "big5hkscs"))
    path = tmp_path / "article.txt"
    path.write_bytes(source.encode(encoding))
    parsed = parse_path(path)
    assert parsed.paragraphs[0].text == parse_text(source).paragraphs[0].text


def _encodable(ch: str, enc: str) -> bool:
    try:
        ch.encode(enc)
        return True
    except UnicodeEncodeError:
        return False


def test_line_endings_are_normalised() -> None:
    parsed = parse_text("第一段。\r\n\r\n第二段。\r第三段。")
    assert [p.text for p in parsed.paragraphs] == ["第一段。", "第二段。", "第三段。"]


def test_hard_wrapped_lines_are_joined() -> None:
    parsed = parse_text("这是一个被硬换行\n切开的段落，应该\n合并成一段。\n\n第二段。")
    assert [p.text for p in parsed.paragraphs] == ["这是一个被硬换行切开的段落，应该合并成一段。", "第二段。"]


def test_markdown_headings_lists_and_inline_markup(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# 标题\n\n这是**重点**和[链接](http://x)。\n\n- 第一项\n- 第二项\n\n![图](a.png)\n", encoding="utf-8")
    parsed = parse_path(path)
    assert parsed.title == "标题"
    assert [(p.kind, p.text) for p in parsed.paragraphs] == [
        ("heading", "标题"), ("paragraph", "这是重点和链接。"), ("list_item", "- 第一项"), ("list_item", "- 第二项"),
    ]
    assert parsed.images == 1


def test_script_detection() -> None:
    assert detect_script("這是繁體中文的文章，說明國際組織的問題。") == "traditional"
    assert detect_script("这是简体中文的文章，说明国际组织的问题。") == "simplified"
    assert detect_script("這是繁體說明國際，这是简体说明国际") == "mixed"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "not a text file"),
        (b"Just some English text without any Chinese.", "no Chinese text"),
    ],
)
def test_bad_files_get_a_clear_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ImportFailed, match=message):
        parse_path(path)


def test_random_bytes_never_crash() -> None:
    for seed in range(20):
        data = os.urandom(500 + seed * 37)
        try:
            text, _ = decode_bytes(data)
        except ImportFailed:
            continue
        assert isinstance(text, str)


def test_unsupported_suffix_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="unsupported file type"):
        parse_path(tmp_path / "book.pdf")
    with pytest.raises(ImportFailed, match="no such file"):
        parse_path(tmp_path / "missing.txt")
