"""The benchmark command: it runs and reports numbers, and shows each figure beside its target."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from reader_bench.bench import NAMES, TARGETS, format_results

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", READER_FONT="bundled")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env=env, timeout=300, cwd=ROOT)


def test_one_measurement_as_json(seeded_db: Path) -> None:
    out = run_cli("--db", str(seeded_db), "bench", "--only", "open_article_ms", "--json", "--repeat", "1")
    assert out.returncode == 0, out.stderr[-800:]
    data = json.loads(out.stdout)
    assert list(data) == ["open_article_ms"]
    assert isinstance(data["open_article_ms"], float) and 0 < data["open_article_ms"] < 60_000


def test_an_unknown_measurement_is_one_line_naming_the_known_ones() -> None:
    out = run_cli("bench", "--only", "nonsense_ms")
    assert out.returncode != 0
    message = out.stderr.strip()
    assert "nonsense_ms" in message and "big_import_s" in message and "Traceback" not in message


def test_every_figure_has_a_target_or_says_it_is_an_anchor() -> None:
    assert set(NAMES) == set(TARGETS)
    assert len(NAMES) == len(set(NAMES))
    for name in ("big_import_s", "raw_big_pinyin_s", "big_first_paint_ms", "big_scroll_frame_ms", "big_rss_mb",
                 "annotations_10k_open_ms", "annotations_10k_export_md_ms", "search_ms", "class_merge_30_ms"):
        assert name in NAMES


def test_results_are_printed_beside_their_targets() -> None:
    text = format_results({"open_article_ms": 38.5, "big_import_s": 30.0, "raw_big_pinyin_s": 20.0,
                           "search_ms": 75.0, "class_merge_30_ms": 3000.0})
    lines = {line.split()[0]: line for line in text.splitlines()}
    assert set(lines) == {"open_article_ms", "big_import_s", "raw_big_pinyin_s", "search_ms", "class_merge_30_ms"}
    assert "≤ 50" in lines["open_article_ms"] and lines["open_article_ms"].endswith("ok")
    assert "2 × raw_big_pinyin_s" in lines["big_import_s"] and lines["big_import_s"].endswith("ok")
    assert "anchor" in lines["raw_big_pinyin_s"]
    assert lines["search_ms"].rstrip().endswith("MISSED")
    slow = format_results({"big_import_s": 45.0, "raw_big_pinyin_s": 20.0})
    assert slow.splitlines()[0].rstrip().endswith("MISSED"), "the ratio target compares with the anchor of the same run"
