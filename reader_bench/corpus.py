"""Benchmark corpus (bench layer): a deterministic book-length Chinese text, and the same text as an EPUB.

The text is built from real Chinese: the sentences of the two seed articles, new sentences recombined from
their clauses, and sentences of CC-CEDICT headwords (common characters only), reshuffled into paragraphs
of 20–400 characters with a `第N章` chapter heading every 40–60 paragraphs. The same seed gives the same
text; no paragraph is repeated. Used by the import, layout and paint benchmarks and their tests.
"""
from __future__ import annotations

import html
import random
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from reader.core import paths
from reader.core.dictionary import DATA_PATH, read_data
from reader.core.importers.decode import gb2312_level1
from reader.core.importers.plaintext import parse_file
from reader.core.pipeline.script import convert_text
from reader_bench.epub_writer import Chapter, write_epub

MIN_PARAGRAPH = 20
MAX_PARAGRAPH = 400
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]+[”」』）)]*")
_CLAUSE_SPLIT = re.compile(r"[,，;；:：]")
_SPACES = re.compile(r"\s+")
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
_NOT_WORD = re.compile(r"variant of|surname |^see |used in|abbr\. for|old variant|CL:")
_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 12 → 十二, 105 → 一百零五, 2024 → 二千零二十四 (for chapter numbers)."""
    if n <= 0:
        return _DIGITS[0]
    parts: list[str] = []
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            if zero and parts:
                parts.append("零")
            parts.append(("" if (unit == "十" and digit == 1 and not parts) else _DIGITS[digit]) + unit)
            zero = False
        elif parts:
            zero = True
    return "".join(parts)


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=1)
def _seed_pool() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(sentences, clauses) of the seed articles' body paragraphs, in simplified script."""
    sentences: list[str] = []
    for path in sorted(paths.SEEDS_DIR.glob("*.txt")):
        if path.name.endswith(".en.txt"):
            continue
        for par in parse_file(path).paragraphs:
            if par.kind == "paragraph" or par.kind == "list_item":
                text = par.text[len(par.marker):] if par.marker and par.text.startswith(par.marker) else par.text
                sentences += [_clean(s) for s in _SENTENCE.findall(convert_text(text, "simplified"))]
    sentences = [s for s in sentences if 6 <= len(s) <= MAX_PARAGRAPH - 20]
    clauses = [_clean(c) for s in sentences for c in _CLAUSE_SPLIT.split(s.rstrip("。！？!?”」』）)"))]
    clauses = [c for c in clauses if 4 <= len(c) <= 60 and not c.startswith(("”", "）", ")"))]
    return tuple(sentences), tuple(clauses)


def _common_chars() -> frozenset[str]:
    return frozenset(gb2312_level1())


@lru_cache(maxsize=1)
def dictionary_words() -> tuple[str, ...]:
    """CC-CEDICT headwords (simplified, 2–4 characters, all common, not names or variants), in file order."""
    common = _common_chars()
    words: list[str] = []
    seen: set[str] = set()
    for line in read_data(DATA_PATH).splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split(" ", 2)
        if len(parts) < 3 or "[" not in parts[2]:
            continue
        simp, rest = parts[1], parts[2]
        reading, _, senses = rest[1:].partition("]")
        if not (2 <= len(simp) <= 4) or simp in seen or not _HAN.match(simp):
            continue
        if any(ch.isupper() for ch in reading) or _NOT_WORD.search(senses) or not all(c in common for c in simp):
            continue
        seen.add(simp)
        words.append(simp)
    return tuple(words)


def _word_sentence(rng: random.Random, words: tuple[str, ...], limit: int) -> str:
    """A sentence of dictionary words, commas every few words, at most `limit` characters (≥ 4)."""
    out = ""
    count = 0
    target = rng.randint(3, 12)
    while count < target:
        word = rng.choice(words)
        sep = "，" if count and rng.random() < 0.25 else ""
        if len(out) + len(sep) + len(word) + 1 > limit:
            break
        out += sep + word
        count += 1
    if not out:
        out = rng.choice([w for w in words[:2000] if len(w) == 2])[: max(limit - 1, 1)]
    return out + rng.choice("。。。。！？")


def _sentence(rng: random.Random, limit: int) -> str:
    sentences, clauses = _seed_pool()
    words = dictionary_words()
    roll = rng.random()
    if roll < 0.45:
        for _ in range(4):
            s = rng.choice(sentences)
            if len(s) <= limit:
                return s
    elif roll < 0.75:
        picked = [rng.choice(clauses) for _ in range(rng.randint(2, 4))]
        while picked:
            s = "，".join(picked) + "。"
            if len(s) <= limit:
                return s
            picked.pop()
    return _word_sentence(rng, words, limit)


def _paragraph_length(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.15:
        return rng.randint(MIN_PARAGRAPH, 60)
    if roll < 0.8:
        return rng.randint(60, 250)
    return rng.randint(250, MAX_PARAGRAPH)


def _paragraph(rng: random.Random) -> str:
    target = _paragraph_length(rng)
    text = ""
    while len(text) < target:
        room = MAX_PARAGRAPH - len(text)
        if room < 6:
            break
        text += _sentence(rng, room)
    return text


def _heading(rng: random.Random, number: int) -> str:
    words = dictionary_words()
    return f"第{chinese_number(number)}章 " + "".join(rng.choice(words) for _ in range(rng.randint(1, 3)))


def iter_paragraphs(chars: int = 1_000_000, seed: int = 0) -> Iterator[str]:
    """The paragraphs of `make_big_text`, one by one (headings included)."""
    rng = random.Random(seed)
    seen: set[str] = set()
    total = -1
    chapter = 0
    until_heading = 0
    while total < chars:
        if until_heading == 0:
            chapter += 1
            text = _heading(rng, chapter)  # unique: the number differs
            until_heading = rng.randint(40, 60)
        else:
            text = _paragraph(rng)
            if text in seen:
                continue
            until_heading -= 1
        seen.add(text)
        total += len(text) + 1
        yield text


def make_big_text(chars: int = 1_000_000, seed: int = 0) -> str:
    """A generated text of at least `chars` characters, paragraphs joined by '\\n' (deterministic in `seed`)."""
    return "\n".join(iter_paragraphs(chars, seed))


def chapters_of(text: str) -> list[tuple[str, list[str]]]:
    """Split a generated text into (heading, paragraphs) chapters at its `第N章` lines."""
    chapters: list[tuple[str, list[str]]] = []
    for line in text.split("\n"):
        if re.match(r"^第[零一二三四五六七八九十百千]+章 ", line) and len(line) <= 60:
            chapters.append((line, []))
        elif chapters:
            chapters[-1][1].append(line)
        else:
            chapters.append(("", [line]))
    return chapters


def make_epub(path: str | Path, chars: int = 1_000_000, seed: int = 0, title: str | None = None) -> Path:
    """Write the generated text as a valid EPUB 3 book (one chapter file per `第N章`, with nav and NCX)."""
    chapters = []
    for n, (heading, paragraphs) in enumerate(chapters_of(make_big_text(chars, seed)), start=1):
        body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
        head = f"<h2>{html.escape(heading)}</h2>\n" if heading else ""
        chapters.append(Chapter(heading or f"{n}", head + body, f"text/chapter{n:04d}.xhtml"))
    return write_epub(path, chapters, title=title or f"基准测试长文（{chars // 10_000}万字）", authors=["Bilingual Reader"],
                      identifier=f"bilingual-reader-bench-{chars}-{seed}")
