"""Benchmarks (bench layer): time opening an article, toggling options, painting a scroll frame and startup.

`run_bench()` measures everything in one process and one run (medians of several repetitions); startup
and memory are measured in child processes so they see a cold interpreter. Anchors (`raw_pipeline_ms`,
`bare_qt_startup_ms`) put the numbers in proportion to what the machine can do at all.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import opencc
from pypinyin import Style, lazy_pinyin

from reader.core.library import Library
from reader.core.paths import cache_dir, default_db_path
from reader.gui.app import application
from reader.gui.main_window import MainWindow
from reader.gui.options import DisplayOptions
from reader_bench.big import BIG_NAMES, BIG_TARGETS, run_big
from reader_bench.handout import HANDOUT_NAMES, HANDOUT_TARGETS, run_handout
from reader_bench.limits import LIMIT_NAMES, LIMIT_TARGETS, run_limits
from reader_bench.storage import STORAGE_NAMES, STORAGE_TARGETS, copy_library, run_storage

SMALL_NAMES = (
    "open_article_ms", "raw_pipeline_ms", "toggle_script_ms", "toggle_pinyin_ms", "scroll_frame_ms",
    "startup_ms", "bare_qt_startup_ms", "rss_mb",
)
NAMES = SMALL_NAMES + STORAGE_NAMES + BIG_NAMES + HANDOUT_NAMES + LIMIT_NAMES
TARGETS = {
    "open_article_ms": ("≤ 50", lambda r: r["open_article_ms"] <= 50),
    "toggle_script_ms": ("≤ 16", lambda r: r["toggle_script_ms"] <= 16),
    "toggle_pinyin_ms": ("≤ 16", lambda r: r["toggle_pinyin_ms"] <= 16),
    "scroll_frame_ms": ("≤ 8", lambda r: r["scroll_frame_ms"] <= 8),
    "startup_ms": (
        "≤ 1000 and ≤ 4 × bare", lambda r: r["startup_ms"] <= 1000 and r["startup_ms"] <= 4 * r.get("bare_qt_startup_ms", 1e9)
    ),
    "rss_mb": ("≤ 250", lambda r: r["rss_mb"] <= 250),
    "raw_pipeline_ms": ("anchor", None),
    "bare_qt_startup_ms": ("anchor", None),
    **STORAGE_TARGETS,
    **BIG_TARGETS,
    **HANDOUT_TARGETS,
    **LIMIT_TARGETS,
}

BARE_QT = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QWidget
class W(QWidget):
    painted = False
    def paintEvent(self, e):
        QPainter(self).end()
        if not W.painted:
            W.painted = True
            print(f"{time.time():.6f} 0", flush=True)
            QTimer.singleShot(0, app.quit)
app = QApplication([])
w = W(); w.resize(1280, 800); w.show()
app.exec()
"""


def _median(fn: Callable[[], float], repeat: int) -> float:
    return statistics.median(fn() for _ in range(repeat))


def _prepare_library(db: str | None, folder: Path) -> Path:
    """A library with the seeds and their tokens cached (a copy, so the user's file is never touched)."""
    target = folder / "bench.sqlite3"
    source = Path(db) if db else None
    if source is None and default_db_path().exists():
        source = default_db_path()
    if source is not None and source.exists():
        copy_library(source, target)  # through SQLite: the user's library may be open in the reader
    with Library.open(target) as lib:
        lib.ensure_seeds()
        for info in lib.list_articles()[:2]:
            lib.tokens(info.revision_id)
    return target


def _child_env(db: Path, config: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(READER_DB=str(db), READER_CONFIG_DIR=str(config), QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"))
    env.setdefault("READER_FONT", "bundled")
    root = str(Path(__file__).resolve().parents[1])
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    # An installed app starts from compiled bytecode; a checkout run with PYTHONDONTWRITEBYTECODE would
    # compile every module at each start (~0.15 s). Children keep their bytecode in our cache folder.

    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX", str(cache_dir() / "bench" / "pycache"))
    return env


def _spawn(code: str, env: dict[str, str]) -> tuple[float, float]:
    """Run a child; it prints 'EPOCH_AT_FIRST_PAINT RSS_MB'. Returns (ms since spawn, rss MB)."""
    t0 = time.time()
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    lines = [ln for ln in out.stdout.splitlines() if ln.strip()]
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"child failed: {out.stderr.strip()[-400:]}")
    stamp, rss = lines[-1].split()
    return (float(stamp) - t0) * 1000, float(rss)


def run_bench(db: str | None = None, only: str | None = None, repeat: int = 7) -> dict[str, float]:
    """All measurements (or one), medians over `repeat` runs."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    def want(name: str) -> bool:
        return only is None or only == name

    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        folder = Path(tmp)
        config = folder / "config"
        os.environ["READER_CONFIG_DIR"] = str(config)
        path = _prepare_library(db, folder)
        env = _child_env(path, config)
        if want("startup_ms") or want("rss_mb") or want("bare_qt_startup_ms"):
            probe = "import sys; from reader.gui.app import startup_probe; sys.exit(startup_probe())"
            runs = [_spawn(probe, env) for _ in range(max(3, repeat // 2))]
            if want("startup_ms"):
                results["startup_ms"] = statistics.median(r[0] for r in runs)
            if want("rss_mb"):
                results["rss_mb"] = statistics.median(r[1] for r in runs)
            if want("startup_ms") or want("bare_qt_startup_ms"):
                results["bare_qt_startup_ms"] = statistics.median(
                    _spawn(BARE_QT, env)[0] for _ in range(max(3, repeat // 2))
                )
        if any(want(n) for n in ("open_article_ms", "toggle_script_ms", "toggle_pinyin_ms", "scroll_frame_ms", "raw_pipeline_ms")):
            results.update(_in_process(path, want, repeat))
        if any(want(n) for n in STORAGE_NAMES):
            results.update(run_storage(path, folder, want, repeat))
        if any(want(n) for n in BIG_NAMES):
            results.update(run_big(folder, env, want, repeat))
        if any(want(n) for n in HANDOUT_NAMES):
            results.update(run_handout(folder, want, repeat))
        if any(want(n) for n in LIMIT_NAMES):
            results.update(run_limits(path, folder, want))
    return {name: round(results[name], 2) for name in NAMES if name in results}


def _in_process(path: Path, want: Callable[[str], bool], repeat: int) -> dict[str, float]:
    app = application([])
    out: dict[str, float] = {}
    with Library.open(path) as lib:
        articles = lib.list_articles()
        seed = articles[0]
        window = MainWindow(lib, restore=False)
        window.persist = False
        window.resize(1280, 800)
        window.apply_options(DisplayOptions(pinyin="marks", tones="pleco", theme="light"), save=False)
        window.show()
        app.processEvents()
        view = window.view
        view.smooth_scrolling = False

        def paint() -> None:
            view.viewport().repaint()

        def open_once() -> float:
            other = articles[1].id if len(articles) > 1 else seed.id
            window.open_article(other, offset=0)
            paint()
            t = time.perf_counter()
            window.open_article(seed.id, offset=0)
            paint()
            return (time.perf_counter() - t) * 1000

        if want("open_article_ms"):
            out["open_article_ms"] = _median(open_once, repeat)
        window.open_article(seed.id, offset=0)
        paint()

        def toggle(**change: object) -> Callable[[], float]:
            def run() -> float:
                before = window.options
                view.doc.drop_caches()  # a cold toggle: nothing laid out in the new options yet
                t = time.perf_counter()
                window.apply_options(before.with_(**change), save=False)
                paint()
                ms = (time.perf_counter() - t) * 1000
                window.apply_options(before, save=False)
                paint()
                return ms
            return run

        if want("toggle_script_ms"):
            out["toggle_script_ms"] = _median(toggle(script="simplified"), repeat)
        if want("toggle_pinyin_ms"):
            out["toggle_pinyin_ms"] = _median(toggle(pinyin="none"), repeat)
        if want("scroll_frame_ms"):
            sb = view.verticalScrollBar()
            frames: list[float] = []
            for _ in range(max(40, repeat * 6)):
                sb.setValue(sb.value() + 37 if sb.value() + 37 <= sb.maximum() else 0)
                t = time.perf_counter()
                paint()
                frames.append((time.perf_counter() - t) * 1000)
            out["scroll_frame_ms"] = statistics.median(frames)
        if want("raw_pipeline_ms"):
            text = lib.revision_text(seed.revision_id)
            out["raw_pipeline_ms"] = _median(lambda: _raw_pipeline(text), repeat)
        window.close()
        window.deleteLater()
        app.processEvents()
    return out


def _raw_pipeline(text: str) -> float:
    """The anchor: plain OpenCC conversion and pypinyin readings of the same text, no caching."""
    t = time.perf_counter()
    opencc.OpenCC("t2s.json").convert(text)
    lazy_pinyin(text, style=Style.TONE3)
    return (time.perf_counter() - t) * 1000


def format_results(results: dict[str, float]) -> str:
    rows = []
    width = max((len(name) for name in results if name in TARGETS), default=20)
    for name in NAMES:
        if name not in results:
            continue
        target, check = TARGETS[name]
        verdict = "" if check is None else ("ok" if _safe(check, results) else "MISSED")
        rows.append(f"{name:<{width}} {results[name]:>9.2f}   target {target:<22} {verdict}".rstrip())
    return "\n".join(rows)


def _safe(check: Callable[[dict], bool], results: dict[str, float]) -> bool:
    try:
        return bool(check(results))
    except KeyError:
        return True
