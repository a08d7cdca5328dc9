"""The error log (core layer): tracebacks of unexpected errors, kept for bug reports, never shown to a reader.

`errors.log` in the data folder (`READER_DATA_DIR` overrides it), kept under ~0.5 MB: when it grows past
that it becomes `errors.log.1` (replacing an older one) and a new log starts. The app and the command line
both write here; what the reader sees is one plain sentence and the log's path.
"""
from __future__ import annotations

import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from reader import __version__
from reader.core.paths import data_dir

LOG_NAME = "errors.log"
LOG_LIMIT = 512 * 1024  # bytes


def summary(exc: BaseException) -> str:
    """An exception in one line for a reader: its type and the first line of its message (≤ 200 characters)."""
    message = str(exc).strip()
    name = type(exc).__name__
    return f"{name}: {message.splitlines()[0][:200]}" if message else name


def log_path() -> Path:
    return data_dir() / "logs" / LOG_NAME


def write_log(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, path: Path | None = None,
) -> Path | None:
    """Append the traceback to the log; its path, or None when it can't be written."""
    path = path or log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > LOG_LIMIT:
            path.replace(path.with_name(path.name + ".1"))
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {stamp} Bilingual Reader {__version__}, Python {sys.version.split()[0]}\n{text}\n")
        return path
    except OSError:
        return None
