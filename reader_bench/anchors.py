"""Re-anchoring benchmark (bench layer): many highlights on the seeds, revisions that delete and edit passages.

Three kinds of revision are made of each seed text, from a seeded random generator:

- **deletions**: whole sentences or clauses holding highlights are deleted. A highlight inside a deleted
  passage must come back orphaned or `moved` (flagged for the reader to check), never `anchored`;
- **edits** near and inside highlights: a character inserted, a character replaced by another, a
  punctuation mark changed (，→, 。→. “→「 …), a character swapped between simplified and traditional.
  Every highlight is still present and should land exactly on its passage as it now reads;
- **duplicates**: a sentence is copied into another paragraph, both copies are highlighted, and then one
  copy is deleted. The deleted copy's highlight must not be anchored on the other copy.

Highlights that a deletion cuts only in part are left out of the figures (no right answer). Run
`python -m reader_bench.anchors` for the figures quoted in docs/annotations.md.
"""
from __future__ import annotations

import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, field

from reader.core.anchoring import Reanchorer, make_quote
from reader.core.importers import parse_path
from reader.core.paths import SEEDS_DIR
from reader.core.pipeline.script import convert_text

_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*")
_CLAUSE = re.compile(r"[^，,、：:。！？!?；;\n]+[，,、：:。！？!?；;]?")
_PUNCT_SWAPS = {"，": ",", ",": "，", "。": ".", "、": ",", "：": ":", ":": "：", "“": "「", "”": "」",
                "「": "“", "」": "”", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")"}
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass
class Tally:
    """Outcomes for one kind of highlight: where each landed and with which status."""

    total: int = 0
    exact: int = 0  # on exactly the expected span (present passages)
    statuses: Counter[str] = field(default_factory=Counter)
    wrong: list[str] = field(default_factory=list)  # anchored (not flagged) somewhere it should not be

    def add(self, status: str, span: tuple[int, int] | None, expected: tuple[int, int] | None, what: str) -> None:
        self.total += 1
        self.statuses[status] += 1
        if expected is not None and span == expected:
            self.exact += 1
        if status == "anchored" and span != expected:
            self.wrong.append(what)

    def line(self, name: str) -> str:
        parts = ", ".join(f"{n} {s}" for s, n in sorted(self.statuses.items()))
        exact = f"; {self.exact} exact ({100 * self.exact / max(1, self.total):.1f} %)" if self.exact else ""
        return f"{name}: {self.total} highlights: {parts}{exact}; anchored on other text: {len(self.wrong)}"


@dataclass
class Results:
    deleted: Tally = field(default_factory=Tally)  # inside a deleted passage
    edited: Tally = field(default_factory=Tally)  # an edit inside or within 8 characters
    untouched: Tally = field(default_factory=Tally)  # present, no edit nearby
    duplicate_deleted: Tally = field(default_factory=Tally)  # the deleted one of two copies
    duplicate_kept: Tally = field(default_factory=Tally)  # the copy that stays

    def lines(self) -> list[str]:
        return [t.line(n) for n, t in vars(self).items()]


def seed_texts() -> list[str]:
    """The canonical texts of the seed articles, as the library stores them."""
    return [parse_path(p).text for p in sorted(SEEDS_DIR.glob("*.txt")) if not p.name.endswith(".en.txt")]


def _spans_in(text: str, rng: random.Random, count: int, low: int = 4, high: int = 30) -> list[tuple[int, int]]:
    """Random highlight spans inside paragraphs (a paragraph picked by length)."""
    pars = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.end() - m.start() > low]
    weights = [e - s for s, e in pars]
    spans = []
    for _ in range(count):
        s0, e0 = rng.choices(pars, weights)[0]
        length = rng.randint(low, min(high, e0 - s0))
        start = rng.randint(s0, e0 - length)
        spans.append((start, start + length))
    return spans


def _reanchor(old: str, new: str, spans: list[tuple[int, int]]) -> list[tuple[str, tuple[int, int] | None]]:
    r = Reanchorer(old, new)
    out: list[tuple[str, tuple[int, int] | None]] = []
    for s, e in spans:
        found = r.reanchor(make_quote(old, s, e))
        out.append(("orphaned", None) if found is None else (found.status, (found.start, found.end)))
    return out


def deletions(text: str, rng: random.Random, res: Results, highlights: int = 120, cuts: int = 10) -> None:
    spans = _spans_in(text, rng, highlights)
    units = [(m.start(), m.end()) for m in (_SENTENCE if rng.random() < 0.5 else _CLAUSE).finditer(text)]
    holding = [u for u in units if any(u[0] <= s and e <= u[1] for s, e in spans)]
    cut = sorted(rng.sample(holding, min(cuts, len(holding))))
    new = text
    for s, e in reversed(cut):
        new = new[:s] + new[e:]

    def shift(i: int) -> int:
        return i - sum(e - s for s, e in cut if e <= i)

    for (s, e), (status, found) in zip(spans, _reanchor(text, new, spans), strict=True):
        if any(c0 <= s and e <= c1 for c0, c1 in cut):
            res.deleted.add(status, found, None, f"{text[s:e]!r} → {new[found[0]:found[1]]!r}" if found else "")
        elif not any(s < c1 and c0 < e for c0, c1 in cut):
            res.untouched.add(status, found, (shift(s), shift(e)), text[s:e])


def _swap_script(ch: str, script: str) -> str | None:
    other = convert_text(ch, "traditional" if script == "simplified" else "simplified")
    return other if len(other) == 1 and other != ch else None


def edits(text: str, rng: random.Random, res: Results, highlights: int = 120, edited: int = 60) -> None:
    """Edits inside or near half of the highlights; every highlight's expected span is followed."""
    script = "traditional" if convert_text(text[:2000], "simplified") != text[:2000] else "simplified"
    old = _spans_in(text, rng, highlights)
    spans = [list(sp) for sp in old]  # where each passage is as the text is edited
    chars = list(text)
    touched: set[int] = set()
    pool = [c for c in text if _HAN.match(c)]
    for n in rng.sample(range(len(spans)), edited):
        for _ in range(rng.randint(1, 2)):
            s, e = spans[n]
            op = rng.choice(("insert", "replace", "punct", "script"))
            k = rng.randint(max(0, s - 8), min(len(chars) - 1, e + 7))
            if op == "insert":
                if k in (s, e):  # at an edge it is not clear whether the new character belongs to the passage
                    continue
                chars.insert(k, rng.choice(pool))
                for sp in spans:  # a character inserted at a passage's start goes before it
                    sp[0] += sp[0] >= k
                    sp[1] += sp[1] > k
            elif op == "replace":
                if not _HAN.match(chars[k]):
                    continue
                chars[k] = rng.choice(pool)
            elif op == "punct":
                near = [i for i in range(max(0, s - 8), min(len(chars), e + 8)) if chars[i] in _PUNCT_SWAPS]
                if not near:
                    continue
                k = rng.choice(near)
                chars[k] = _PUNCT_SWAPS[chars[k]]
            else:
                near = [i for i in range(s, e) if _swap_script(chars[i], script)]
                if not near:
                    continue
                k = rng.choice(near)
                chars[k] = _swap_script(chars[k], script) or chars[k]
            touched.add(n)
    new = "".join(chars)
    for n, ((s, e), (status, found)) in enumerate(zip(old, _reanchor(text, new, old), strict=True)):
        expected = (spans[n][0], spans[n][1])
        what = f"{text[s:e]!r} → {new[found[0]:found[1]]!r} (expected {new[expected[0]:expected[1]]!r})" if found \
            else text[s:e]
        # a highlight an edit touched anywhere near counts as edited, even if the edit was meant for another
        near = n in touched or new[max(0, expected[0] - 8) : expected[1] + 8] != text[max(0, s - 8) : e + 8]
        (res.edited if near else res.untouched).add(status, found, expected, what)


def duplicates(text: str, rng: random.Random, res: Results, count: int = 20) -> None:
    """A sentence copied into another paragraph, both copies highlighted, one copy deleted."""
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.end() - m.start() >= 10]
    sentences = [sp for sp in sentences if text.count(text[sp[0] : sp[1]]) == 1]
    breaks = [m.start() for m in re.finditer("\n", text)]
    for _ in range(count):
        s, e = rng.choice(sentences)
        sentence = text[s:e]
        at = rng.choice([b for b in breaks if abs(b - s) > 200] or breaks)  # the copy ends another paragraph
        old = text[:at] + sentence + text[at:]
        orig = (s + len(sentence), e + len(sentence)) if at <= s else (s, e)
        copy = (at, at + len(sentence))
        a, b = rng.randint(0, len(sentence) // 3), rng.randint(2 * len(sentence) // 3, len(sentence))
        pair = [(orig[0] + a, orig[0] + b), (copy[0] + a, copy[0] + b)]
        gone, kept = (orig, copy) if rng.random() < 0.5 else (copy, orig)
        new = old[: gone[0]] + old[gone[1] :]
        shift = len(sentence) if kept[0] > gone[0] else 0
        for (hs, he), (status, found) in zip(pair, _reanchor(old, new, pair), strict=True):
            if gone[0] <= hs < gone[1]:
                res.duplicate_deleted.add(status, found, None, old[hs:he])
            else:
                res.duplicate_kept.add(status, found, (hs - shift, he - shift), old[hs:he])


def run(seeds: range = range(5)) -> Results:
    res = Results()
    for text in seed_texts():
        for n in seeds:
            rng = random.Random(n)
            deletions(text, rng, res)
            edits(text, rng, res)
            duplicates(text, rng, res)
    return res


if __name__ == "__main__":
    results = run(range(int(sys.argv[1]) if len(sys.argv) > 1 else 20))
    print("\n".join(results.lines()))
