"""Markdown and HTML exports of an article with many highlights: the same bytes as made one highlight at a time.

The exports find a highlight's paragraphs by bisection, display each paragraph once, reuse one Markdown
converter for the notes and escape text without regular expressions where nothing needs escaping. These tests
compare them with the plain way: scan every paragraph, display for each quote, a new converter per note, and
the escaping done by regular expressions alone.
"""
from __future__ import annotations

import random
import re

import pytest

from reader.core.annotations import Annotations
from reader.core.export import html as html_export
from reader.core.export import markdown as md_export
from reader.core.export import render_articles
from reader.core.library import Library
from reader.core.pipeline import display
from reader.core.reading_options import ReadingOptions
from reader.core.text import Paragraph

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])(\s)|^(\s*)([-+*=])(\s|$)")


def escape_by_regex(text: str) -> str:
    """The escaping spelled out with regular expressions, pass after pass."""
    text = _SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"(!)(\\\[)", r"\\\1\2", text)
    lines = []
    for line in text.split("\n"):
        m = _LINE_START.match(line)
        if m and m.group(2):
            line = f"{m.group(1)}{m.group(2)}\\{m.group(3)}{line[m.end(3):]}"
        elif m and m.group(6):
            line = f"{m.group(5)}\\{line[len(m.group(5)):]}"
        lines.append(line)
    return "\n".join(lines)


@pytest.mark.parametrize("text", [
    "", "聯合國", "a*b_c", "![alt](x)", "!\\[", "!![", "1. item", "１. full-width digit", "12) twelve", "- dash",
    "-dash", "+ plus", "=", "==", "* star", "  3. indented", "\u3000- ideographic space", "\t* tab",
    "\x1c- file separator", "one\n2. two\n- three\n\n=", "<b>#tag</b> | ~x~ `code`", "a\\b", "1.5 not a list",
])
def test_escaping_matches_the_regular_expressions(text: str) -> None:
    assert md_export.escape_inline(text) == escape_by_regex(text)


def test_escaping_matches_the_regular_expressions_on_random_text() -> None:
    rng = random.Random(11)
    alphabet = "\\`*_[]<>#|~!-+=.)09１ \t\n\u3000\x1c\rab中國"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14)))
        assert md_export.escape_inline(text) == escape_by_regex(text), repr(text)


def _pars(spans: list[tuple[int, int]]) -> list[Paragraph]:
    return [Paragraph(i, "body", s, e, "x" * (e - s)) for i, (s, e) in enumerate(spans)]


class _Span:
    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


@pytest.mark.parametrize("spans", [
    [(0, 5), (6, 10), (11, 20)],  # paragraphs split by one newline
    [(0, 5), (5, 5), (5, 5), (6, 9), (12, 12), (13, 20)],  # empty paragraphs, some at the same place
    [(3, 8), (9, 9)],  # text before the first paragraph, an empty last one
    [(0, 4)],
    [(6, 10), (0, 5), (11, 20)],  # out of order: the finder must fall back to the scan
])
def test_paragraph_finder_gives_what_the_scan_gives(spans: list[tuple[int, int]]) -> None:
    pars = _pars(spans)
    find = md_export.paragraph_finder(pars)
    for start in range(0, 23):
        for end in range(start, 24):
            a = _Span(start, end)
            assert find(a) == md_export._overlapping(pars, a), (spans, start, end)  # type: ignore[arg-type]


TAGS = [["Claim"], ["Stance/Disagree", "Evidence"], ["待核實"], ["Question", "Opinion"], [], ["Neutral"]]
NOTES = [
    "", "", "**Bold** and `code <b>`", "[ref][1]\n\n[1]: https://example.org/ref",
    "[ref][1] (no definition here: stays text)", "```\nfenced <i>\n", "# Heading\n\n- a\n- b",
    "| a | b |\n|---|---|\n| 1 | 2 |", "<script>alert(1)</script> [bad](javascript:alert(1))", "1. one\n2. two",
    "Footnote-like[^1] text", "*open emphasis",
]


def annotate_many(lib: Library, count: int = 300) -> None:
    """`count` highlights over the Traditional seed by six readers: single paragraphs, several paragraphs,
    the newline between two, repeated notes and tags; then a revision orphans some."""
    rng = random.Random(5)
    anns = Annotations(lib)
    text = lib.revision_text(lib.article(1).revision_id)
    pars = lib.paragraphs(lib.article(1).revision_id)
    for n in range(count):
        kind = n % 10
        if kind == 0:  # across two or three paragraphs
            p = rng.randrange(len(pars) - 3)
            start = rng.randrange(pars[p].start, pars[p].end)
            end = rng.randrange(pars[p + 1].start + 1, pars[p + rng.choice((1, 2))].end + 1)
            end = max(end, start + 1)
        elif kind == 1:  # the newline after a paragraph only
            p = rng.randrange(len(pars) - 1)
            start, end = pars[p].end, pars[p].end + 1
        else:
            p = rng.randrange(len(pars))
            if pars[p].end - pars[p].start < 2:
                start, end = pars[p].start, pars[p].start + 1
            else:
                start = rng.randrange(pars[p].start, pars[p].end - 1)
                end = rng.randrange(start + 1, min(pars[p].end, start + 40) + 1)
        anns.create(1, start, end, tags=TAGS[n % len(TAGS)], note=NOTES[rng.randrange(len(NOTES))],
                    author=f"Student {n % 6}", color="#aa5500" if n % 7 == 0 else None)
    from reader.core.importers.plaintext import parse_text

    cut = pars[len(pars) // 2]
    anns.revise(1, parse_text(text[: cut.start] + text[cut.end + 1 :]))


def plain_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the exports scan, display, convert and escape again for every highlight."""

    def scanning(pars: list[Paragraph]):  # noqa: ANN202
        return lambda a: md_export._overlapping(pars, a)

    class EveryTime:
        def __init__(self, script: str, readings: ReadingOptions | None = None) -> None:
            self.script = script
            self.readings = readings or ReadingOptions()

        def get(self, par: Paragraph, toks: list):  # noqa: ANN201
            return display(par.text, toks, self.script, par.start, **self.readings.display_kwargs())

        def tokens(self, par: Paragraph, shown, ds: int, de: int) -> list:  # noqa: ANN001
            return shown.tokens

    class Fresh:
        def __init__(self, zh_script: str) -> None:
            self.zh_script = zh_script

        def chips(self, tags: tuple) -> str:
            return html_export._chips(tags, self.zh_script)

        def note(self, note: str) -> str:
            return html_export.note_html(note)

    monkeypatch.setattr(md_export, "escape_inline", escape_by_regex)
    for module in (md_export, html_export):
        monkeypatch.setattr(module, "paragraph_finder", scanning)
        monkeypatch.setattr(module, "ShownParagraphs", EveryTime)
    monkeypatch.setattr(html_export, "_Parts", Fresh)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_export_of_many_highlights_equals_the_plain_way(
    library: Library, monkeypatch: pytest.MonkeyPatch, fmt: str,
) -> None:
    annotate_many(library)
    variants = [("original", "none"), ("simplified", "marks"), ("taiwan", "zhuyin")]
    fast = [render_articles(library, [1], fmt, script=s, pinyin=p) for s, p in variants]
    with monkeypatch.context() as m:
        plain_way(m)
        plain = [render_articles(library, [1], fmt, script=s, pinyin=p) for s, p in variants]
    for (script, pinyin), got, want in zip(variants, fast, plain, strict=True):
        assert got == want, (fmt, script, pinyin)
    assert fast[0].count("No longer in the text") > 0  # the revision orphaned some highlights
    section = r"^### \d+\. " if fmt == "md" else r'^<section class="highlight"'
    assert len(re.findall(section, fast[0], re.M)) == 300


def test_each_section_names_the_paragraphs_its_quote_comes_from(library: Library) -> None:
    annotate_many(library)
    info = library.article(1)
    pars = library.paragraphs(info.revision_id)
    anchored = [a for a in Annotations(library).list_for_article(1, kind="highlight") if not a.orphaned]
    out = render_articles(library, [1], "md")
    headings = re.findall(r"^### (\d+)\. Paragraphs? (\d+)(?:–(\d+))?$", out, re.M)
    assert len(headings) == len(anchored)
    for (n, first, last), a in zip(headings, anchored, strict=True):
        touched = [p.index for p in pars if p.start < a.end and a.start < p.end]
        if not touched:  # only the newline after a paragraph
            touched = [max((p for p in pars if p.end <= a.start), key=lambda p: p.start).index]
        assert (int(first), int(last or first)) == (touched[0], touched[-1]), n


def test_one_note_converter_for_many_notes_renders_each_as_alone() -> None:
    md = html_export.note_converter()
    for note in NOTES * 2:
        assert html_export.note_html(note, md) == html_export.note_html(note)
    # a reference defined in one note does not make a link in the next
    assert "<a " in html_export.note_html(NOTES[3], md)
    assert "<a " not in html_export.note_html(NOTES[4], md)
