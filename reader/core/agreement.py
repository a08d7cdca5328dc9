"""Inter-annotator agreement (core layer): how far a class agrees on the stance of each sentence.

Pure functions over plain data, so they can be checked by hand and reused by any front end:

- `unitise(paragraphs)`: the units are sentences. A paragraph is cut after each sentence end (。！？!?;
  and their full-width forms ；), keeping closing quotes and brackets that follow with the sentence; a
  paragraph end always ends a unit. Whitespace at a unit's edges is left out; empty units are dropped.
- `code_units(units, marks)`: for each student and unit, the stance tag of that student's annotation
  overlapping the unit; with several, the one covering most of the unit (then the earliest, then the
  smallest uuid); none: missing.
- `alpha(matrix)`: Krippendorff's alpha, nominal (computed here; tested against the `krippendorff` package), on the students × units
  reliability matrix (tag index, NaN for missing); None when undefined (fewer than two values, nothing
  pairable). `alpha_by_tag`: the same, binary (this tag or another one), over units coded by ≥ 2 students.
- `pairwise`: for each two students, the units both coded and the share on which they chose the same tag.
- `heat`: per character of the text, how many students marked it (any highlight).
- `disputed`: units coded by ≥ 2 students with ≥ 2 different tags, most disagreement first.
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Protocol

SENTENCE_ENDS = frozenset("。！？!?;；")
CLOSERS = frozenset("”’」』）)》〉】］]\"'")


@dataclass(frozen=True, slots=True)
class Unit:
    index: int
    paragraph: int
    start: int  # canonical offsets [start, end)
    end: int


@dataclass(frozen=True, slots=True)
class Mark:
    """One student's annotation as the agreement sees it."""

    student: str
    uuid: str
    start: int
    end: int
    stance: str | None  # the stance tag (qualified name), None if it has none
    tags: tuple[str, ...] = ()
    note: str = ""
    quote: str = ""


class _Par(Protocol):  # what unitise needs of a paragraph (reader.core.text.Paragraph)
    index: int
    start: int
    text: str


def unitise(paragraphs: Sequence[_Par]) -> list[Unit]:
    """Sentences of the paragraphs, in text order (see the module docstring)."""
    units: list[Unit] = []

    def add(par: _Par, a: int, b: int) -> None:
        seg = par.text[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if b - a - lead - trail > 0:
            units.append(Unit(len(units), par.index, par.start + a + lead, par.start + b - trail))

    for par in paragraphs:
        text = par.text
        a = i = 0
        while i < len(text):
            if text[i] in SENTENCE_ENDS:
                j = i + 1
                while j < len(text) and (text[j] in SENTENCE_ENDS or text[j] in CLOSERS):
                    j += 1
                add(par, a, j)
                a = i = j
                continue
            i += 1
        add(par, a, len(text))
    return units


def code_units(units: Sequence[Unit], marks: Sequence[Mark], students: Sequence[str]) -> dict[str, list[Mark | None]]:
    """For each student, the mark that decides each unit's code (None: the unit is missing for them)."""
    starts = [u.start for u in units]
    best: dict[str, list[tuple[int, int, str, Mark] | None]] = {s: [None] * len(units) for s in students}
    for m in marks:
        if m.stance is None or m.student not in best:
            continue
        row = best[m.student]
        first = max(0, bisect_right(starts, m.start) - 1)
        last = bisect_left(starts, m.end)
        for k in range(first, min(last, len(units))):
            u = units[k]
            overlap = min(u.end, m.end) - max(u.start, m.start)
            if overlap <= 0:
                continue
            key = (-overlap, m.start, m.uuid, m)
            if row[k] is None or key[:3] < row[k][:3]:  # type: ignore[index]
                row[k] = key
    return {s: [None if c is None else c[3] for c in row] for s, row in best.items()}


def matrix(coding: dict[str, list[Mark | None]], students: Sequence[str], tags: Sequence[str]) -> list[list[float]]:
    """The reliability matrix: one row per student, one column per unit, the tag's index or NaN."""
    index = {t: i for i, t in enumerate(tags)}
    return [[math.nan if m is None or m.stance not in index else float(index[m.stance]) for m in coding[s]]
            for s in students]


def alpha(data: Sequence[Sequence[float]]) -> float | None:
    """Krippendorff's alpha (nominal) of a reliability matrix (rows: coders, columns: units, NaN: missing).

    Computed from the coincidence matrix: within each unit coded by m ≥ 2 coders, every ordered pair of
    values from different coders adds 1/(m−1). alpha = 1 − (n−1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k.
    None when it is undefined (fewer than two pairable values, or only one value used). Written here so the
    app needs no GPL package; the tests check it against the `krippendorff` package to 1e-9.
    """
    rows = [list(r) for r in data]
    if len(rows) < 2 or not rows[0]:
        return None
    coincidence: dict[tuple[float, float], float] = {}
    for k in range(len(rows[0])):
        values = [r[k] for r in rows if k < len(r) and not math.isnan(r[k])]
        m = len(values)
        if m < 2:
            continue
        for i, c in enumerate(values):
            for j, v in enumerate(values):
                if i != j:
                    coincidence[(c, v)] = coincidence.get((c, v), 0.0) + 1.0 / (m - 1)
    totals: dict[float, float] = {}
    for (c, _v), w in coincidence.items():
        totals[c] = totals.get(c, 0.0) + w
    n = sum(totals.values())
    if n <= 1 or len(totals) < 2:
        return None
    observed = sum(w for (c, v), w in coincidence.items() if c != v)
    expected = sum(totals[c] * totals[v] for c in totals for v in totals if c != v)
    if expected == 0:
        return None
    value = 1.0 - (n - 1) * observed / expected
    return None if math.isnan(value) or math.isinf(value) else value


def alpha_by_tag(data: Sequence[Sequence[float]], tags: Sequence[str]) -> dict[str, float | None]:
    """Binary alpha per tag (this tag vs any other) over the units coded by at least two students."""
    cols = [k for k in range(len(data[0]) if data else 0) if sum(not math.isnan(row[k]) for row in data) >= 2]
    out: dict[str, float | None] = {}
    for i, tag in enumerate(tags):
        binary = [[math.nan if math.isnan(row[k]) else float(row[k] == i) for k in cols] for row in data]
        out[tag] = alpha(binary) if cols else None
    return out


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    units: int  # units both coded
    agree: int  # of those, units with the same tag

    @property
    def percent(self) -> float | None:
        return None if not self.units else 100.0 * self.agree / self.units

    def as_json(self) -> dict[str, object]:
        return {"a": self.a, "b": self.b, "units": self.units, "agree": self.agree, "percent": self.percent}


def pairwise(coding: dict[str, list[Mark | None]], students: Sequence[str]) -> list[Pair]:
    out = []
    for a, b in combinations(students, 2):
        both = [(x, y) for x, y in zip(coding[a], coding[b], strict=True) if x is not None and y is not None]
        out.append(Pair(a, b, len(both), sum(1 for x, y in both if x.stance == y.stance)))
    return out


def heat(length: int, marks: Sequence[Mark]) -> list[int]:
    """How many different students marked each character of a text of `length` characters."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in marks:
        spans.setdefault(m.student, []).append((max(0, m.start), min(length, m.end)))
    delta = [0] * (length + 1)
    for ranges in spans.values():
        ranges.sort()
        cur_s = cur_e = -1
        for s, e in [*ranges, (length + 1, length + 1)]:
            if s > cur_e:
                if cur_e > cur_s >= 0:
                    delta[cur_s] += 1
                    delta[cur_e] -= 1
                cur_s, cur_e = s, e
            else:
                cur_e = max(cur_e, e)
    out = []
    level = 0
    for k in range(length):
        level += delta[k]
        out.append(level)
    return out


@dataclass(frozen=True)
class Dispute:
    unit: Unit
    disagreement: float  # share of pairs of coders who chose different tags (0..1)
    counts: dict[str, int]
    entries: tuple[Mark, ...]  # the deciding mark of each student who coded the unit

    @property
    def overlap(self) -> tuple[int, int] | None:
        """The text all the deciding marks share inside the unit, if they share any."""
        s = max([self.unit.start, *(m.start for m in self.entries)])
        e = min([self.unit.end, *(m.end for m in self.entries)])
        return (s, e) if s < e else None


def disputed(units: Sequence[Unit], coding: dict[str, list[Mark | None]], students: Sequence[str]) -> list[Dispute]:
    """Units where students chose conflicting tags: most disagreement first, then most coders, text order."""
    out = []
    for k, unit in enumerate(units):
        entries = tuple(m for s in students if (m := coding[s][k]) is not None)
        counts = Counter(m.stance for m in entries if m.stance)
        n = sum(counts.values())
        if n < 2 or len(counts) < 2:
            continue
        same = sum(c * (c - 1) for c in counts.values())
        out.append(Dispute(unit, 1 - same / (n * (n - 1)), dict(sorted(counts.items())), entries))
    out.sort(key=lambda d: (-d.disagreement, -len(d.entries), d.unit.index))
    return out
