"""Finding text in an article: either script, width and case; spans land on the canonical characters."""
from __future__ import annotations

from reader.core.text import Paragraph
from reader.gui.find_bar import find_all


def para(text: str, start: int = 0) -> Paragraph:
    return Paragraph(index=0, kind="paragraph", start=start, end=start + len(text), text=text)


def test_a_simplified_query_finds_traditional_text() -> None:
    text = "聯合國說，聯合國會議"
    assert find_all([para(text, 100)], "联合国") == [(100, 103), (105, 108)]


def test_case_and_width_do_not_matter() -> None:
    text = "See the ＥＶＩＤＥＮＣＥ and Evidence."
    spans = find_all([para(text)], "evidence")
    assert [text[s:e] for s, e in spans] == ["ＥＶＩＤＥＮＣＥ", "Evidence"]


def test_a_run_of_spaces_matches_one_and_spans_cover_it() -> None:
    text = "two  words"
    assert [text[s:e] for s, e in find_all([para(text)], "two words")] == ["two  words"]


def test_nothing_found_and_an_empty_query() -> None:
    assert find_all([para("联合国")], "美国") == []
    assert find_all([para("联合国")], "   ") == []
