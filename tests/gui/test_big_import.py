"""File → Import of a book-length EPUB: the work happens in worker threads while the window keeps responding.

The import (parsing, storing, indexing) runs in one worker; the readings are computed in another, the
paragraphs on screen first, with progress in the status bar. A timer in the window's thread keeps firing
throughout, which it could not do if either ran in the window's thread.
"""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog

from reader.core.library import Library
from reader_bench.corpus import make_epub


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_epub(tmp_path_factory.mktemp("book") / "book.epub", chars=1_000_000)


def on_screen(view) -> list[int]:  # noqa: ANN001 - ReadingView
    y = float(view.verticalScrollBar().value())
    return [idx for idx, _top, _lay in view.doc.visible(y, y + view.viewport().height())]


def test_importing_a_book_runs_in_workers_while_the_window_keeps_turning(
    window, qtbot, book: Path, monkeypatch: pytest.MonkeyPatch, no_dialogs  # noqa: ANN001
) -> None:
    calls: list[tuple[str, str, int]] = []  # (operation, thread name, paragraphs asked for)
    real_import, real_tokens = Library.import_file, Library.tokens

    def import_file(self, path, **kwargs):  # noqa: ANN001, ANN003, ANN202
        calls.append(("import", threading.current_thread().name, 0))
        return real_import(self, path, **kwargs)

    def tokens(self, revision_id, paragraphs=None, progress=None):  # noqa: ANN001, ANN202
        calls.append(("tokens", threading.current_thread().name, len(paragraphs or ())))
        first = paragraphs[0].index if paragraphs else -1
        calls.append(("first", threading.current_thread().name, first))
        return real_tokens(self, revision_id, paragraphs, progress)

    monkeypatch.setattr(Library, "import_file", import_file)
    monkeypatch.setattr(Library, "tokens", tokens)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(book)], "")))
    ticks: list[str] = []
    phase = {"now": "importing"}
    timer = QTimer(window)
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(phase["now"]))
    timer.start()
    progress: list[tuple[int, int]] = []
    window.progress.valueChanged.connect(lambda v: progress.append((v, window.progress.maximum())))

    window.act_import.trigger()  # File → Import…: returns at once, the worker imports
    assert window._workers, "the import runs in a worker thread"
    qtbot.waitUntil(lambda: window.article is not None and window.article.chars > 900_000, timeout=120_000)
    phase["now"] = "reading"
    book_id = window.article.id
    view = window.view
    qtbot.waitUntil(lambda: on_screen(view) and all(i in view.doc.tokens for i in on_screen(view)), timeout=120_000)
    assert window._tokens_worker is not None and window._tokens_worker.isRunning(), \
        "the first screen has its readings while the rest of the book is still being read"
    qtbot.waitUntil(lambda: sum(1 for t in ticks if t == "reading") >= 20, timeout=60_000)
    window.open_article(1)  # leaving the book stops its worker; nothing waits for the whole book
    qtbot.waitUntil(lambda: window._tokens_worker is None and not window._workers, timeout=60_000)
    timer.stop()

    main = threading.main_thread().name
    assert [c for c in calls if c[0] == "import"] and all(c[1] != main for c in calls if c[0] in ("import", "tokens"))
    assert ticks.count("importing") >= 5, "the window's timer fired while the book was imported"
    assert ticks.count("reading") >= 20, "… and while its readings were computed"
    firsts = [c[2] for c in calls if c[0] == "first"]
    sizes = [c[2] for c in calls if c[0] == "tokens"]
    assert firsts[0] == 0 and sizes[0] <= 8, "the paragraphs on screen are read first, on their own"
    assert len(sizes) > 1 and max(sizes) > sizes[0], "then larger batches"
    assert any(total > 1 and value < total for value, total in progress), "progress is shown"
    assert not no_dialogs
    info = window.lib.article(book_id)
    assert info.paragraphs > 4000


def test_opening_a_read_book_decodes_only_the_readings_near_the_reading_position(window, qtbot, tmp_path) -> None:  # noqa: ANN001
    from reader.gui.main_window import EAGER_PARAGRAPHS

    count = EAGER_PARAGRAPHS + 150
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(f"第{n}段。联合国安理会召开紧急会议。" for n in range(count)), encoding="utf-8")
    lib = window.lib
    result = lib.import_file(path)
    lib.tokens(result.revision_id)  # every reading cached
    window.open_article(result.article_id, offset=lib.paragraphs(result.revision_id)[300].start)
    view = window.view
    at_open = set(view.doc.tokens)
    assert 300 in at_open and len(at_open) <= EAGER_PARAGRAPHS // 2 + 1, "only the paragraphs near the reading position"
    assert all(i in at_open for i in range(290, 310))
    qtbot.waitUntil(lambda: len(view.doc.tokens) == count and window._tokens_worker is None, timeout=30_000)
    assert view.doc.tokens[0] == lib.cached_tokens(result.revision_id, lib.paragraphs(result.revision_id)[:1])[0]
