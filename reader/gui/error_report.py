"""Unexpected errors (gui layer): a plain message for the reader, the details in a log file.

A bug that raises in the window's thread (a slot, an event handler) or in a background thread would
otherwise print a Python traceback on the terminal and leave the reader guessing. `install(app)` replaces
`sys.excepthook` and `threading.excepthook`: the traceback goes to `errors.log` in the data folder (kept
under ~0.5 MB, one older file beside it), and the reader sees one dialog in plain words: what stopped,
that the library is safe (every change is committed when it is made, so an interrupted action leaves
nothing half-written), and where the details are. A dialog is never stacked on another one: errors
arriving while one is shown are only logged. Errors of the library file itself (busy, disk full,
read-only) get words of their own.
"""
from __future__ import annotations

import sqlite3
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication

from reader.core.errorlog import log_path, summary, write_log
from reader.core.errors import ReaderError
from reader.gui import safe_text


def describe(exc: BaseException) -> str:
    """What went wrong, in one or two plain sentences (no traceback)."""
    if isinstance(exc, ReaderError):
        return str(exc)
    if isinstance(exc, sqlite3.OperationalError):
        message = str(exc).lower()
        if "locked" in message or "busy" in message:
            return QCoreApplication.translate(
                "ErrorReport", "The library is busy: another program is writing to it. Try again in a moment.")
        if "full" in message:
            return QCoreApplication.translate(
                "ErrorReport", "The disk is full, so the library could not be saved. Free some space and try again.")
        if "readonly" in message or "read-only" in message:
            return QCoreApplication.translate("ErrorReport", "The library file cannot be written (it is read-only).")
    if isinstance(exc, MemoryError):
        return QCoreApplication.translate("ErrorReport", "The computer ran out of memory.")
    if isinstance(exc, OSError) and exc.strerror:
        where = f" ({exc.filename})" if exc.filename else ""
        text = QCoreApplication.translate("ErrorReport", "A file could not be read or written: %1.")
        return text.replace("%1", exc.strerror + where)
    return summary(exc)


class ErrorReporter(QObject):
    """Logs unexpected exceptions and shows them, one dialog at a time, in the window's thread."""

    reported = Signal(str, str)  # what went wrong, where the details are ("" when the log could not be written)

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self.path = path or log_path()
        self._showing = False
        self.reported.connect(self._show)  # queued when emitted from another thread

    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        logged = write_log(exc_type, exc, tb, self.path)
        self.reported.emit(describe(exc), str(logged) if logged else "")

    def handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, what: str, log: str) -> None:
        if self._showing:  # one dialog at a time; the rest are in the log
            return
        intro = QCoreApplication.translate("ErrorReport", "Bilingual Reader could not finish what it was doing:")
        safe = QCoreApplication.translate(
            "ErrorReport",
            "Your library is safe: every change is saved the moment it is made, and nothing half-done was kept.",
        )
        if log:
            where = QCoreApplication.translate("ErrorReport", "Details for a bug report were written to %1.")
            where = where.replace("%1", log)
        else:
            where = QCoreApplication.translate("ErrorReport", "The details could not be written to the log folder.")
        text = f"{intro}\n\n{what}\n\n{safe}\n\n{where}"
        self._showing = True
        try:
            title = QCoreApplication.translate("ErrorReport", "Something went wrong")
            safe_text.critical(QApplication.activeWindow(), title, text)
        finally:
            self._showing = False


def install(path: Path | None = None) -> ErrorReporter:
    """Route unexpected exceptions of every thread to the log and a dialog (the app's entry point calls it).

    The hooks hold the reporter, which keeps it alive for the life of the app."""
    reporter = ErrorReporter(path)
    sys.excepthook = reporter.handle
    threading.excepthook = reporter.handle_thread
    return reporter
