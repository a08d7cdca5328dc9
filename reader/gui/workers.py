"""Background work (gui layer): import and first pipeline runs in worker threads with their own Library.

Each worker opens its own connection (`Library.open(path)`) so the window never waits on SQLite or on
jieba/pypinyin. Results come back through Qt signals, delivered in the GUI thread.
"""
from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from reader.core import collector
from reader.core.errors import ReaderError
from reader.core.library import Library
from reader.core.text import Paragraph

CHUNK = 8  # the first batch: the paragraphs on screen, read on their own so their readings show soonest
CHUNK_CHARS = 10_000  # then batches of about this many characters (one model run each; ~0.3 s)
SWITCH_INTERVAL_S = 0.001  # while a worker computes (Python's default is 0.005)

_busy = 0
_busy_lock = threading.Lock()
_saved_interval = 0.005


@contextmanager
def background_work() -> Iterator[None]:
    """While a worker computes, keep the window's thread responsive.

    Both threads run Python, which one thread at a time may do: the window's thread gets it back within a
    millisecond instead of Python's five (each of its calls into Qt gives it up and takes it back), and no
    garbage collection stalls it (with a book open they walk every token: up to 0.3 s). Reading a
    1M-character book: the longest wait of a 10 ms timer in the window fell from ~0.13 s (99th
    percentile) to ~0.05 s, the book itself read as fast. Nested and overlapping workers restore the
    settings once the last one ends.
    """
    global _busy, _saved_interval
    with _busy_lock:
        if _busy == 0:
            _saved_interval = sys.getswitchinterval()
            sys.setswitchinterval(SWITCH_INTERVAL_S)
        _busy += 1
    try:
        # What is made meanwhile (mostly a book's tokens, kept while it is open) would all be walked at once
        # by the next collection (0.2 s for a book): it is kept out of collections afterwards.
        with collector.paused(freeze=True):
            yield
    finally:
        with _busy_lock:
            _busy -= 1
            if _busy == 0:
                sys.setswitchinterval(_saved_interval)


class TokensWorker(QThread):
    """Compute (and cache) tokens of an article, the given paragraphs first, in batches."""

    batch = Signal(int, object)  # revision id, dict[paragraph index, list[Token]]
    progress = Signal(int, int)  # done, total
    failed = Signal(str)

    def __init__(self, db_path: Path, revision_id: int, paragraphs: list[Paragraph], parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.db_path = db_path
        self.revision_id = revision_id
        self.paragraphs = paragraphs
        self._stop = False

    def stop(self) -> None:
        self._stop = True

    def run(self) -> None:
        try:
            with background_work(), Library.open(self.db_path) as lib:
                total = len(self.paragraphs)
                k = 0
                while k < total:
                    if self._stop:
                        return
                    end = min(total, CHUNK) if k == 0 else _chunk_end(self.paragraphs, k, CHUNK_CHARS)
                    self.batch.emit(self.revision_id, lib.tokens(self.revision_id, self.paragraphs[k:end]))
                    k = end
                    self.progress.emit(k, total)
        except ReaderError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - shown to the user as one line, never a traceback
            self.failed.emit(f"{type(exc).__name__}: {exc}")


def _chunk_end(paragraphs: list[Paragraph], start: int, chars: int) -> int:
    """End of the batch that starts at `start`: at least one paragraph, at most about `chars` characters."""
    end, size = start, 0
    while end < len(paragraphs) and (end == start or size + len(paragraphs[end].text) <= chars):
        size += len(paragraphs[end].text)
        end += 1
    return end


class ImportWorker(QThread):
    """Import files into the library; each result or error is reported separately.

    `progress(done, total)` counts files; importing one book, it counts the chapters read."""

    imported = Signal(object)  # ImportResult
    failed = Signal(str, str)  # file name, message
    progress = Signal(int, int)

    def __init__(self, db_path: Path, files: list[Path], parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.db_path = db_path
        self.files = files

    def run(self) -> None:
        try:
            lib = Library.open(self.db_path)
        except ReaderError as exc:
            for f in self.files:
                self.failed.emit(f.name, str(exc))
            return
        with background_work(), lib:
            one = len(self.files) == 1
            for n, path in enumerate(self.files, 1):
                try:
                    self.imported.emit(lib.import_file(path, progress=self.progress.emit if one else None))
                except ReaderError as exc:
                    self.failed.emit(path.name, str(exc))
                except Exception as exc:  # noqa: BLE001
                    self.failed.emit(path.name, f"{type(exc).__name__}: {exc}")
                self.progress.emit(n, len(self.files))
