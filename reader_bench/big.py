"""Book-scale benchmarks (bench layer): a 1M-character book, 10,000 annotations, search and a class merge.

Called by `reader_bench.bench.run_bench`. Each figure is the median of repetitions in one run, and each slow
figure is measured beside its anchor in the same run:

- `big_import_s` / `raw_big_pinyin_s`: a child process imports the generated book (reader_bench.corpus,
  about 1M characters, as a .txt file) into an empty library and computes the readings of every paragraph
  (the same pipeline as the `pinyin` command: jieba, pypinyin, the polyphone model), loading included;
  another child runs pypinyin's `lazy_pinyin` alone on the same text (its import not counted). The two
  alternate; wall-clock seconds.
- `big_first_paint_ms`: the book is opened while none of its readings are computed; time until the first
  screen is painted. `big_first_readings_ms` (no target) goes on until the first screen shows its readings,
  computed first by the worker while the rest of the book waits (the pipeline already loaded).
- `big_open_read_ms` (no target): open the book with all its readings cached, at 50 %, until painted.
- `big_scroll_frame_ms` (and `big_scroll_frame_p95_ms`): frames painted while scrolling at 5 %, 35 %, 65 %
  and 95 % of the book, readings cached; paragraphs come into view unlaid-out, as they do for a reader.
- `big_rss_mb`: resident memory of a child process showing the book (all its readings loaded) after visiting
  those four places.
- `annotations_10k_*`, `search_ms`: the Traditional seed with 10,000 highlights merged from 40 students'
  hand-ins (tags on all, notes on a third): open it in the window and paint view and panel; export it as
  Markdown; search all notes (`Annotations(lib).search`).
- `class_merge_30_ms`: merge 30 hand-ins of 300 highlights each into a fresh copy of the teacher's library.
- `big_tint_*`: word status colours on the book, with and without, in the same frames (reader_bench.tint).
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path

from reader.core import paths
from reader.core.annotations import Annotations
from reader.core.classroom import make_handin, merge_handins
from reader.core.export import render_articles
from reader.core.library import Library
from reader.core.pipeline import polyphone
from reader.core.pipeline.segment import warm_up
from reader.core.tags import Tags
from reader.gui.app import application
from reader.gui.main_window import MainWindow
from reader.gui.options import DisplayOptions
from reader_bench import corpus as bench_corpus
from reader_bench.tint import TINT_NAMES, TINT_TARGETS, measure_tint

BIG_CHARS = 1_000_000
BIG_SEED = 0
BIG_NAMES = (
    "big_import_s", "raw_big_pinyin_s", "big_first_paint_ms", "big_first_readings_ms", "big_open_read_ms",
    "big_scroll_frame_ms", "big_scroll_frame_p95_ms", "big_rss_mb", "annotations_10k_open_ms", "annotations_10k_export_md_ms",
    "search_ms", "class_merge_30_ms", *TINT_NAMES,
)
BIG_TARGETS: dict[str, tuple[str, Callable[[dict], bool] | None]] = {
    "big_import_s": ("≤ 2 × raw_big_pinyin_s", lambda r: r["big_import_s"] <= 2 * r["raw_big_pinyin_s"]),
    "raw_big_pinyin_s": ("anchor", None),
    "big_first_paint_ms": ("≤ 1000", lambda r: r["big_first_paint_ms"] <= 1000),
    "big_first_readings_ms": ("—", None),
    "big_open_read_ms": ("—", None),
    "big_scroll_frame_ms": ("≤ 16", lambda r: r["big_scroll_frame_ms"] <= 16),
    "big_scroll_frame_p95_ms": ("—", None),
    "big_rss_mb": ("≤ 600", lambda r: r["big_rss_mb"] <= 600),
    "annotations_10k_open_ms": ("≤ 300", lambda r: r["annotations_10k_open_ms"] <= 300),
    "annotations_10k_export_md_ms": ("≤ 1000", lambda r: r["annotations_10k_export_md_ms"] <= 1000),
    "search_ms": ("≤ 50", lambda r: r["search_ms"] <= 50),
    "class_merge_30_ms": ("—", None),
    **TINT_TARGETS,
}
SEARCHES = ("联合国", "聯合國", "evidence", "美国", "主權", "source")
PLACES = (0.05, 0.35, 0.65, 0.95)
STUDENT_NOTES = (
    "Needs a source.", "A fair summary.", "Loaded language: a war metaphor for a diplomatic act.",
    "用词太情绪化。", "Compare the 2017 withdrawals.", "The dates check out: see paragraph 10 for the evidence.",
    "这是引语，作者没有表态。", "Is this a fact or an opinion?", "联合国的意见在这里被忽略了。",
)


# ---- the generated book ---------------------------------------------------------------------------
def big_text_file(chars: int = BIG_CHARS, seed: int = BIG_SEED) -> Path:
    """The generated book as a UTF-8 .txt file, kept in the cache folder (generating it takes seconds)."""
    source = Path(bench_corpus.__file__).read_bytes()
    key = hashlib.sha256(source + f"{chars}:{seed}".encode()).hexdigest()[:12]
    folder = paths.cache_dir() / "bench"
    path = folder / f"book-{chars}-{seed}-{key}.txt"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(bench_corpus.make_big_text(chars, seed), encoding="utf-8")
        os.replace(tmp, path)
    return path


IMPORT_CHILD = """
import json, sys, time
t0 = time.perf_counter()
from reader.core.library import Library
with Library.open(sys.argv[2]) as lib:
    result = lib.import_file(sys.argv[1])
    lib.tokens(result.revision_id)
print(json.dumps({"seconds": time.perf_counter() - t0, "article": result.article_id}))
"""

RAW_PINYIN_CHILD = """
import json, sys, time
from pypinyin import Style, lazy_pinyin
text = open(sys.argv[1], encoding="utf-8").read()
t0 = time.perf_counter()
lazy_pinyin(text, style=Style.TONE3)
print(json.dumps({"seconds": time.perf_counter() - t0}))
"""


def _child(code: str, args: list[str], env: dict[str, str], timeout: float = 900) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=timeout)
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"child failed: {out.stderr.strip()[-600:]}")
    return json.loads(lines[-1])


def measure_import(book: Path, folder: Path, env: dict[str, str], repeat: int) -> tuple[dict[str, float], Path]:
    """Import the book with its readings into an empty library in a cold child process, `repeat` times.

    Returns the medians and the library of the last run (the book with every reading cached)."""
    imports: list[float] = []
    raws: list[float] = []
    db = folder / "book-0.sqlite3"
    for n in range(repeat):  # alternating, so that both see the same changes in the machine's load
        db = folder / f"book-{n}.sqlite3"
        imports.append(_child(IMPORT_CHILD, [str(book), str(db)], env)["seconds"])
        raws.append(_child(RAW_PINYIN_CHILD, [str(book)], env)["seconds"])
        if n < repeat - 1:
            _remove_library(db)
    return {"big_import_s": statistics.median(imports), "raw_big_pinyin_s": statistics.median(raws)}, db


def _remove_library(db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)


def _copy_library(src: Path, dest: Path) -> Path:
    with Library.open(src) as lib:
        lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _remove_library(dest)
    shutil.copyfile(src, dest)
    return dest


def book_without_readings(book: Path, folder: Path) -> Path:
    """A library holding the book, none of its readings computed yet."""
    db = folder / "book-unread.sqlite3"
    with Library.open(db) as lib:
        lib.import_file(book)
    return db


# ---- the book in the window -----------------------------------------------------------------------
def _window(lib, options: dict | None = None):  # noqa: ANN001, ANN202 - Library → MainWindow

    window = MainWindow(lib, restore=False)
    window.persist = False
    window.resize(1280, 800)
    window.apply_options(DisplayOptions(pinyin="marks", tones="pleco", theme="light", **(options or {})), save=False)
    window.show()
    window.view.smooth_scrolling = False
    return window


def _close(window, app) -> None:  # noqa: ANN001
    window.close()
    window.deleteLater()
    app.processEvents()


def _first_screen_read(view) -> bool:  # noqa: ANN001 - ReadingView
    y = float(view.verticalScrollBar().value())
    shown = [idx for idx, _top, _lay in view.doc.visible(y, y + view.viewport().height())]
    return bool(shown) and all(idx in view.doc.tokens for idx in shown)


def measure_first_paint(unread: Path, folder: Path, repeat: int) -> dict[str, float]:
    """Open the book before its readings exist: first paint, and first screen with readings."""
    app = application([])
    warm_up()
    polyphone.load()
    paints: list[float] = []
    readings: list[float] = []
    for n in range(repeat):
        db = _copy_library(unread, folder / f"unread-{n}.sqlite3")
        with Library.open(db) as lib:
            book = max(lib.list_articles(), key=lambda a: a.chars).id
            window = _window(lib)
            app.processEvents()
            view = window.view
            t = time.perf_counter()
            window.open_article(book, offset=0)
            view.viewport().repaint()
            paints.append((time.perf_counter() - t) * 1000)
            deadline = time.perf_counter() + 60
            while not _first_screen_read(view) and time.perf_counter() < deadline:
                app.processEvents()
                time.sleep(0.001)
            view.viewport().repaint()
            readings.append((time.perf_counter() - t) * 1000)
            _close(window, app)
        _remove_library(db)
    return {"big_first_paint_ms": statistics.median(paints), "big_first_readings_ms": statistics.median(readings)}


def measure_big_scroll(read: Path, repeat: int) -> dict[str, float]:
    """Frames while scrolling through the book at four places (readings cached, layouts not)."""
    app = application([])
    frames: list[float] = []
    opens: list[float] = []
    with Library.open(read) as lib:
        book = max(lib.list_articles(), key=lambda a: a.chars)
        window = _window(lib)
        view = window.view
        for _ in range(max(1, min(repeat, 3))):
            view.set_document([])
            window.article = None
            app.processEvents()
            t = time.perf_counter()
            window.open_article(book.id, offset=book.chars // 2)
            view.viewport().repaint()
            opens.append((time.perf_counter() - t) * 1000)
            while window._workers:  # the rest of the book's readings, from the cache
                app.processEvents()
                time.sleep(0.005)
        window.open_article(book.id, offset=0)
        while window._workers:  # frames are measured with the book's readings loaded
            app.processEvents()
            time.sleep(0.005)
        sb = view.verticalScrollBar()
        for place in PLACES:
            view.scroll_to_offset(int(book.chars * place))
            view.viewport().repaint()
            for _ in range(max(30, repeat * 6)):
                sb.setValue(min(sb.maximum(), sb.value() + 37))
                t = time.perf_counter()
                view.viewport().repaint()
                frames.append((time.perf_counter() - t) * 1000)
                app.processEvents()
        _close(window, app)
    frames.sort()
    return {"big_open_read_ms": statistics.median(opens), "big_scroll_frame_ms": statistics.median(frames),
            "big_scroll_frame_p95_ms": frames[min(len(frames) - 1, int(len(frames) * 0.95))]}


RSS_CHILD = """
import json, sys, time
from reader.core.library import Library
from reader.gui.app import _rss_mb, application
from reader_bench.big import PLACES, _window
app = application([])
with Library.open(sys.argv[1]) as lib:
    book = max(lib.list_articles(), key=lambda a: a.chars)
    window = _window(lib)
    window.open_article(book.id, offset=0)
    while window._workers:  # every reading of the book in memory
        app.processEvents()
        time.sleep(0.005)
    for place in PLACES:
        window.view.scroll_to_offset(int(book.chars * place))
        window.view.viewport().repaint()
        app.processEvents()
    print(json.dumps({"rss_mb": _rss_mb()}))
    window.close()
"""


def measure_big_rss(read: Path, env: dict[str, str], repeat: int) -> dict[str, float]:
    return {"big_rss_mb": statistics.median(_child(RSS_CHILD, [str(read)], env)["rss_mb"] for _ in range(repeat))}


# ---- a class: hand-ins, a merged library with 10,000 highlights -----------------------------------
def _pool(lib, article_id: int, count: int, rng: random.Random) -> None:  # noqa: ANN001 - Library
    """`count` highlights on random passages of the article, each with a tag, a third with a note."""
    anns = Annotations(lib)
    tags = [t.id for t in Tags(lib).all()]
    pars = [p for p in lib.paragraphs(lib.article(article_id).revision_id) if p.kind == "paragraph" and len(p.text) > 8]
    for _ in range(count):
        par = rng.choice(pars)
        length = rng.randint(2, min(30, len(par.text)))
        start = par.start + rng.randint(0, len(par.text) - length)
        note = rng.choice(STUDENT_NOTES) if rng.random() < 0.33 else ""
        anns.create(article_id, start, start + length, tags=[rng.choice(tags)], note=note, author="pool")


def make_handins(teacher: Path, folder: Path, students: int, per_student: int, seed: int = 1) -> list[Path]:
    """Hand-ins of `students` students on article 1, each `per_student` highlights drawn from one pool."""
    rng = random.Random(seed)
    work = _copy_library(teacher, folder / f"student-{students}x{per_student}.sqlite3")
    base = folder / f"base-{students}x{per_student}.readerclass"
    with Library.open(work) as lib:
        _pool(lib, 1, max(per_student * 2, 200), rng)
        make_handin(lib, [1], base, author="Student")
    _remove_library(work)
    with zipfile.ZipFile(base) as zf:
        members = {name: zf.read(name).decode("utf-8") for name in zf.namelist()}
    manifest = json.loads(members["manifest.json"])
    collection = json.loads(members["annotations.json"])
    pool = collection["first"]["items"]
    paths = []
    for n in range(students):
        name = f"Student {n + 1:02d}"
        items = [dict(it, id=f"urn:uuid:{uuid.UUID(int=rng.getrandbits(128), version=4)}")
                 for it in rng.sample(pool, min(per_student, len(pool)))]
        for it in items:
            it["creator"] = {"type": "Person", "name": name}
        collection["first"]["items"] = items
        collection["total"] = len(items)
        manifest["reader"] = name
        manifest["library"] = f"{rng.getrandbits(128):032x}"  # each student their own library
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
            zf.writestr("annotations.json", json.dumps(collection, ensure_ascii=False))
        path = folder / f"handin-{students}x{per_student}-{n + 1:02d}.readerclass"
        path.write_bytes(buf.getvalue())
        paths.append(path)
    return paths


def measure_class_merge(teacher: Path, folder: Path, repeat: int) -> dict[str, float]:
    handins = make_handins(teacher, folder, 30, 300)
    times = []
    for n in range(repeat):
        db = _copy_library(teacher, folder / f"merge-{n}.sqlite3")
        with Library.open(db) as lib:
            t = time.perf_counter()
            results = merge_handins(lib, handins)
            times.append((time.perf_counter() - t) * 1000)
            failed = [r.error for r in results if r.error]
            if failed:
                raise RuntimeError(f"merging the hand-ins failed: {failed[0]}")
        _remove_library(db)
    return {"class_merge_30_ms": statistics.median(times)}


def annotated_library(teacher: Path, folder: Path) -> Path:
    """A copy of the teacher's library with 10,000 highlights on article 1 (40 students × 250)."""
    db = _copy_library(teacher, folder / "annotated-10k.sqlite3")
    with Library.open(db) as lib:
        merge_handins(lib, make_handins(teacher, folder, 40, 250, seed=2))
    return db


def measure_annotations(annotated: Path, repeat: int, want: Callable[[str], bool]) -> dict[str, float]:
    app = application([])
    out: dict[str, float] = {}
    with Library.open(annotated) as lib:
        if want("annotations_10k_open_ms"):
            window = _window(lib)
            app.processEvents()
            panel = getattr(getattr(window, "annotator", None), "panel", None)

            def open_once() -> float:
                window.open_article(2, offset=0)
                window.view.viewport().repaint()
                app.processEvents()
                t = time.perf_counter()
                window.open_article(1, offset=0)
                window.view.viewport().repaint()
                if panel is not None:
                    panel.list.viewport().repaint()
                return (time.perf_counter() - t) * 1000

            out["annotations_10k_open_ms"] = statistics.median(open_once() for _ in range(repeat))
            _close(window, app)
        if want("annotations_10k_export_md_ms"):
            def export_once() -> float:
                t = time.perf_counter()
                render_articles(lib, [1], "md")
                return (time.perf_counter() - t) * 1000

            out["annotations_10k_export_md_ms"] = statistics.median(export_once() for _ in range(repeat))
        if want("search_ms"):
            anns = Annotations(lib)
            times = []
            for _ in range(max(1, repeat // 2)):
                for query in SEARCHES:
                    t = time.perf_counter()
                    anns.search(query)
                    times.append((time.perf_counter() - t) * 1000)
            out["search_ms"] = statistics.median(times)
    return out


def seeded_library(folder: Path) -> Path:
    """A new library with the two seed articles (1: Traditional, 2: Simplified), their readings cached."""
    db = folder / "teacher.sqlite3"
    with Library.open(db) as lib:
        lib.ensure_seeds()
        for info in lib.list_articles():
            lib.tokens(info.revision_id)
    return db


def run_big(folder: Path, env: dict[str, str], want: Callable[[str], bool], repeat: int) -> dict[str, float]:
    """Every book-scale figure `want` asks for, measured on libraries made in `folder`."""
    out: dict[str, float] = {}
    teacher = seeded_library(folder) if any(want(n) for n in (
        "annotations_10k_open_ms", "annotations_10k_export_md_ms", "search_ms", "class_merge_30_ms")) else folder
    slow = max(1, min(repeat, 3))
    book_figures = ("big_first_paint_ms", "big_first_readings_ms", "big_open_read_ms", "big_scroll_frame_ms",
                    "big_scroll_frame_p95_ms", "big_rss_mb")
    if any(want(n) for n in ("big_import_s", "raw_big_pinyin_s", *book_figures, *TINT_NAMES)):
        book = big_text_file()
        read: Path | None = None
        tint = any(want(n) for n in TINT_NAMES)
        if want("big_import_s") or want("raw_big_pinyin_s") or want("big_scroll_frame_ms") or want("big_rss_mb") \
                or want("big_scroll_frame_p95_ms") or want("big_open_read_ms") or tint:
            figures, read = measure_import(book, folder, env, slow if (want("big_import_s") or want("raw_big_pinyin_s")) else 1)
            out.update(figures)
        if want("big_first_paint_ms") or want("big_first_readings_ms"):
            out.update(measure_first_paint(book_without_readings(book, folder), folder, slow))
        if read is not None and (want("big_scroll_frame_ms") or want("big_scroll_frame_p95_ms") or want("big_open_read_ms")):
            out.update(measure_big_scroll(read, repeat))
        if read is not None and want("big_rss_mb"):
            out.update(measure_big_rss(read, env, slow))
        if read is not None and tint:  # on a copy: the statuses it sets stay out of the other figures
            out.update(measure_tint(_copy_library(read, folder / "tint.sqlite3"), PLACES, repeat, _window, _close))
    if any(want(n) for n in ("annotations_10k_open_ms", "annotations_10k_export_md_ms", "search_ms")):
        out.update(measure_annotations(annotated_library(teacher, folder), repeat, want))
    if want("class_merge_30_ms"):
        out.update(measure_class_merge(teacher, folder, slow))
    return out
