"""Benchmarks of worst cases (bench layer): hostile one-line files and the cost of polling for changes.

- `huge_line_import_s`: the slowest import, into an empty library, of the one-line files that were once
  quadratic (HUGE_LINES: 3.2M characters of text, Markdown with millions of spaces or unclosed marks);
  tests/core/test_hostile_input.py checks that each imports as one paragraph.
- `poll_data_version_us`: one `maintenance.data_version` call, which a window makes every second to see
  another process's commits (the seeded library).
"""
from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from reader.core import maintenance
from reader.core.library import Library

LIMIT_NAMES = ("huge_line_import_s", "poll_data_version_us")
LIMIT_TARGETS = {
    "huge_line_import_s": ("≤ 20", lambda r: r["huge_line_import_s"] <= 20),
    "poll_data_version_us": ("≤ 1000", lambda r: r["poll_data_version_us"] <= 1000),
}
# (name, one line of text, file suffix)
HUGE_LINES = (
    ("3.2M-chars", "我们学习汉语。" * 450_000, ".txt"),  # 9.5 MB on one line
    ("md-heading-spaces", "# 标题" + " " * 2_000_000 + "完", ".md"),  # once quadratic: heading with closing #s
    ("md-links", "[中文" * 300_000, ".md"),  # unclosed links
    ("md-images", "![中](" * 300_000, ".md"),  # unclosed images
    ("md-emphasis", " *中" * 300_000, ".md"),  # unclosed emphasis
    ("byline-spaces", "（作者" + " " * 2_000_000 + "某", ".txt"),  # once quadratic: byline pattern
)
POLLS = 10_000


def run_limits(path: Path, folder: Path, want: Callable[[str], bool]) -> dict[str, float]:
    """The figures asked for: `path` is the seeded bench library, `folder` a scratch folder."""
    out: dict[str, float] = {}
    if want("huge_line_import_s"):
        slowest = 0.0
        for n, (_name, line, suffix) in enumerate(HUGE_LINES):
            source = folder / f"huge-{n}{suffix}"
            source.write_text(line, encoding="utf-8")
            with Library.open(folder / f"huge-{n}.sqlite3") as lib:
                t = time.perf_counter()
                lib.import_file(source)
                slowest = max(slowest, time.perf_counter() - t)
        out["huge_line_import_s"] = slowest
    if want("poll_data_version_us"):
        with Library.open(path) as lib:
            runs = []
            for _ in range(5):
                t = time.perf_counter()
                for _ in range(POLLS):
                    maintenance.data_version(lib)
                runs.append((time.perf_counter() - t) / POLLS * 1e6)
        out["poll_data_version_us"] = statistics.median(runs)
    return out
