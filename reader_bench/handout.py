"""Benchmark of opening a class hand-out (bench layer, part of `main.py bench`): linear in the paragraphs.

`handout_open_8000_ms` opens a hand-out of an 8,000-paragraph article with an English line per paragraph in
an empty library; `handout_open_2000_ms` the same at 2,000 paragraphs. Opening is linear when four times
the paragraphs take about four times as long (the target allows 6; a quadratic opening takes 16×).
The anchor `handout_write_8000_ms` writes the same article and translation straight into a library
(`import_parsed` and one insert of the lines): what any opening has to write at least.
"""
from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from reader.core.classroom import make_handout, open_handout
from reader.core.importers.plaintext import parse_text
from reader.core.library import Library

HANDOUT_NAMES = ("handout_open_2000_ms", "handout_open_8000_ms", "handout_write_8000_ms")
HANDOUT_TARGETS: dict[str, tuple[str, Callable[[dict], bool] | None]] = {
    "handout_open_2000_ms": ("figure for the ratio", None),
    "handout_open_8000_ms": ("≤ 6 × handout_open_2000_ms and ≤ 4 × handout_write_8000_ms",
                             lambda r: r["handout_open_8000_ms"] <= 6 * r["handout_open_2000_ms"]
                             and r["handout_open_8000_ms"] <= 4 * r["handout_write_8000_ms"]),
    "handout_write_8000_ms": ("anchor", None),
}
_LINE = "第{n}段：聯合國安理會應要求召開緊急會議商討此事，各國代表發言。"


def _article(paragraphs: int) -> tuple[str, list[str]]:
    text = "\n\n".join(_LINE.format(n=n) for n in range(paragraphs))
    return text, [f"Paragraph {n}: the Security Council met at the request of members." for n in range(paragraphs)]


def _handout(folder: Path, paragraphs: int) -> Path:
    text, lines = _article(paragraphs)
    with Library.open(folder / f"handout-teacher-{paragraphs}.sqlite3") as lib:
        res = lib.import_parsed(parse_text(text), title=f"{paragraphs} paragraphs")
        lib.set_translation(res.article_id, lines, "bench")
        return make_handout(lib, [res.article_id], folder / f"handout-{paragraphs}.readerclass")


def _timed(folder: Path, name: str, run: Callable[[Library], object]) -> float:
    path = folder / f"{name}.sqlite3"
    with Library.open(path) as lib:
        t = time.perf_counter()
        run(lib)
        ms = (time.perf_counter() - t) * 1000
    for leftover in folder.glob(f"{name}.sqlite3*"):
        leftover.unlink()
    return ms


def run_handout(folder: Path, want: Callable[[str], bool], repeat: int) -> dict[str, float]:
    """The hand-out figures `want` asks for (medians of `repeat` openings, each in a new library)."""
    out: dict[str, float] = {}
    runs = max(1, min(repeat, 3))
    for paragraphs in (2000, 8000):
        name = f"handout_open_{paragraphs}_ms"
        if want(name) or (paragraphs == 8000 and want("handout_open_2000_ms")) or \
                (paragraphs == 2000 and want("handout_open_8000_ms")):
            package = _handout(folder, paragraphs)
            out[name] = statistics.median(
                _timed(folder, f"open-{paragraphs}-{n}", lambda lib, p=package: open_handout(lib, p))
                for n in range(runs))
    if want("handout_write_8000_ms") or want("handout_open_8000_ms"):
        text, lines = _article(8000)

        def write(lib: Library) -> None:
            res = lib.import_parsed(parse_text(text), title="8000 paragraphs")
            lib.set_translation(res.article_id, lines, "bench")

        out["handout_write_8000_ms"] = statistics.median(_timed(folder, f"write-{n}", write) for n in range(runs))
    return out
