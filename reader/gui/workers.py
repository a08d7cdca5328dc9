"""Background work (gui layer): import and first pipeline runs in worker threads with their own Library.

Each worker opens its own connection (`Library.open(path)`) so the window never waits on SQLite or on
jieba/pypinyin. Results come back through Qt signals, delivered in the GUI thread.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, Signal

from reader.core.errors import ReaderError
from reader.core.text import Paragraph

CHUNK = 8  # paragraphs per batch sent back to the view


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
        from reader.core.library import Library

        try:
            with Library.open(self.db_path) as lib:
                total = len(self.paragraphs)
                for k in range(0, total, CHUNK):
                    if self._stop:
                        return
                    chunk = self.paragraphs[k : k + CHUNK]
                    self.batch.emit(self.revision_id, lib.tokens(self.revision_id, chunk))
                    self.progress.emit(min(total, k + CHUNK), total)
        except ReaderError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - shown to the user as one line, never a traceback
            self.failed.emit(f"{type(exc).__name__}: {exc}")


class ImportWorker(QThread):
    """Import files into the library; each result or error is reported separately."""

    imported = Signal(object)  # ImportResult
    failed = Signal(str, str)  # file name, message
    progress = Signal(int, int)

    def __init__(self, db_path: Path, files: list[Path], parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.db_path = db_path
        self.files = files

    def run(self) -> None:
        from reader.core.library import Library

        try:
            lib = Library.open(self.db_path)
        except ReaderError as exc:
            for f in self.files:
                self.failed.emit(f.name, str(exc))
            return
        with lib:
            for n, path in enumerate(self.files, 1):
                try:
                    self.imported.emit(lib.import_file(path))
                except ReaderError as exc:
                    self.failed.emit(path.name, str(exc))
                except Exception as exc:  # noqa: BLE001
                    self.failed.emit(path.name, f"{type(exc).__name__}: {exc}")
                self.progress.emit(n, len(self.files))
