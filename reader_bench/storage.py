"""Benchmarks of the library file (bench layer, beside reader_bench.bench): the cost of durable commits and of the
checks made when a library is opened.

- `annotate_full_ms`: adding one annotation (one transaction) with `synchronous=FULL`, the library's setting;
  `annotate_normal_ms` is the same write with `synchronous=NORMAL` in the same run, the anchor.
- `open_check_ms`: SQLite's quick check on a library of more than 10 MB (a book of 2.5M characters);
  `open_library_ms`: the whole open for use (`reader.core.opening`: file checks, quick check, the day's
  backup already made) on it; `open_bare_ms`: a bare connection with migrations checked, the anchor.
"""
from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from reader.core import maintenance, opening
from reader.core.annotations import Annotations
from reader.core.importers.plaintext import parse_text
from reader.core.library import BUSY_TIMEOUT_MS, Library
from reader_bench.corpus import make_big_text

STORAGE_NAMES = ("annotate_full_ms", "annotate_normal_ms", "open_check_ms", "open_library_ms", "open_bare_ms",
                 "big_library_mb")
STORAGE_TARGETS = {
    "annotate_full_ms": ("≤ 50", lambda r: r["annotate_full_ms"] <= 50),
    "annotate_normal_ms": ("anchor", None),
    "open_check_ms": ("≤ 100", lambda r: r["open_check_ms"] <= 100),
    "open_library_ms": ("≤ 200", lambda r: r["open_library_ms"] <= 200),
    "open_bare_ms": ("anchor", None),
    "big_library_mb": ("anchor", None),
}
BIG_LIBRARY_CHARS = 2_500_000


def run_storage(path: Path, folder: Path, want: Callable[[str], bool], repeat: int) -> dict[str, float]:
    """The figures asked for, medians over `repeat` runs, on copies of the bench library in `folder`."""
    out: dict[str, float] = {}
    if want("annotate_full_ms") or want("annotate_normal_ms"):
        out.update(_annotate(path, folder, repeat))
    if any(want(n) for n in ("open_check_ms", "open_library_ms", "open_bare_ms", "big_library_mb")):
        out.update(_opening(path, folder, repeat))
    return out


def _annotate(path: Path, folder: Path, repeat: int) -> dict[str, float]:
    work = folder / "sync.sqlite3"
    copy_library(path, work)
    times: dict[str, list[float]] = {"FULL": [], "NORMAL": []}
    with Library.open(work) as lib:
        anns = Annotations(lib)
        for n in range(max(5, repeat) * 2):  # alternate, so both see the same disk and cache
            mode = "FULL" if n % 2 == 0 else "NORMAL"
            lib.conn.execute(f"PRAGMA synchronous = {mode}")
            t = time.perf_counter()
            anns.create(1, n * 3, n * 3 + 2, note=f"bench {n}")
            times[mode].append((time.perf_counter() - t) * 1000)
    return {"annotate_full_ms": statistics.median(times["FULL"]),
            "annotate_normal_ms": statistics.median(times["NORMAL"])}


def _opening(path: Path, folder: Path, repeat: int) -> dict[str, float]:
    big = folder / "big-library.sqlite3"
    copy_library(path, big)
    with Library.open(big) as lib:
        lib.import_parsed(parse_text(make_big_text(BIG_LIBRARY_CHARS)), title="bench book")
        lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    opening.open_library(big, seeds=False).close()  # today's start-up backup is made here, not timed

    def quick() -> float:
        with Library.open(big) as lib:
            t = time.perf_counter()
            maintenance.integrity_problems(lib.conn, quick=True)
            return (time.perf_counter() - t) * 1000

    def whole() -> float:
        t = time.perf_counter()
        opening.open_library(big).close()
        return (time.perf_counter() - t) * 1000

    def bare() -> float:
        t = time.perf_counter()
        Library.open(big).close()
        return (time.perf_counter() - t) * 1000

    runs = max(3, repeat)
    return {"open_check_ms": statistics.median(quick() for _ in range(runs)),
            "open_library_ms": statistics.median(whole() for _ in range(runs)),
            "open_bare_ms": statistics.median(bare() for _ in range(runs)),
            "big_library_mb": big.stat().st_size / 1e6}


def copy_library(src: Path, dest: Path) -> None:
    """Copy a library file through SQLite's backup API (never with plain file I/O: see reader.core.libfile)."""
    source = sqlite3.connect(str(src), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        target = sqlite3.connect(str(dest))
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
