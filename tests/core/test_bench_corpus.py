"""Benchmark corpus: a book-length, deterministic, varied Chinese text from real sentences and words."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.core.importers import parse_path
from reader.core.pipeline.script import convert_text
from reader_bench.corpus import chinese_number, dictionary_words, make_big_text, make_epub

HEADING = re.compile(r"^第[零一二三四五六七八九十百千]+章 ")


@pytest.fixture(scope="module")
def big_text() -> str:
    return make_big_text()


def test_a_million_characters_mostly_han(big_text: str) -> None:
    assert len(big_text) >= 1_000_000
    assert len(big_text) < 1_001_000
    han = sum(1 for ch in big_text if "\u4e00" <= ch <= "\u9fff")
    assert han / len(big_text) > 0.8


def test_paragraphs_are_varied_and_never_repeated(big_text: str) -> None:
    paragraphs = big_text.split("\n")
    assert len(paragraphs) > 2_000
    assert len(set(paragraphs)) == len(paragraphs)
    body = [p for p in paragraphs if not HEADING.match(p)]
    lengths = [len(p) for p in body]
    assert min(lengths) >= 20 and max(lengths) <= 400
    assert sum(1 for n in lengths if n < 60) > 200 and sum(1 for n in lengths if n > 300) > 200
    assert all(p == p.strip() and "  " not in p for p in paragraphs)


def test_chapter_headings_every_fifty_paragraphs_or_so(big_text: str) -> None:
    paragraphs = big_text.split("\n")
    at = [i for i, p in enumerate(paragraphs) if HEADING.match(p)]
    assert at[0] == 0
    gaps = [b - a - 1 for a, b in zip(at, at[1:], strict=False)]
    assert all(40 <= g <= 60 for g in gaps)
    assert [paragraphs[i].split(" ")[0] for i in at[:3]] == ["第一章", "第二章", "第三章"]
    assert paragraphs[at[10]].startswith("第十一章 ")


def test_built_from_seed_sentences_and_dictionary_words(big_text: str) -> None:
    seed = convert_text("2026年1月,世界目睹了一場前所未有的外交“閃電戰”。", "simplified")
    assert seed in big_text
    assert "近日,美国总统特朗普签署总统备忘录" in big_text
    words = dictionary_words()
    assert len(words) > 20_000 and "一下子" in words
    sample = big_text[:50_000]
    assert sum(1 for w in words[:5000] if w in sample) > 200


def test_same_seed_same_text_other_seed_other_text() -> None:
    a = make_big_text(30_000, seed=1)
    assert a == make_big_text(30_000, seed=1)
    b = make_big_text(30_000, seed=2)
    assert a != b
    assert len(set(a.split("\n")) & set(b.split("\n"))) < 5


def test_chinese_numbers() -> None:
    assert [chinese_number(n) for n in (1, 10, 11, 20, 35, 100, 101, 110, 1010)] == [
        "一", "十", "十一", "二十", "三十五", "一百", "一百零一", "一百一十", "一千零一十",
    ]


def test_epub_of_the_text_imports_back_to_the_same_text(tmp_path: Path) -> None:
    path = make_epub(tmp_path / "bench.epub", chars=60_000, seed=3)
    parsed = parse_path(path)
    assert parsed.text == make_big_text(60_000, seed=3)
    headings = [p for p in parsed.paragraphs if p.kind == "heading"]
    assert len(headings) >= 2 and all(HEADING.match(h.text) for h in headings)
    assert parsed.title and "万字" in parsed.title
    assert parsed.detected_script == "simplified"
