"""Exports (core layer): one module per format; `export_article` picks one and writes the file atomically."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reader.core.errors import ReaderError
from reader.core.library import Library

FORMATS = ("md",)


def export_article(
    lib: Library, article_id: int, fmt: str = "md", path: str | Path | None = None, *,
    script: str = "original", pinyin: str = "none", generated: str | None = None,
) -> str:
    """Render an article's annotations in `fmt`; write them to `path` (atomically) when given. Returns the text."""
    if fmt == "md":
        from reader.core.export.markdown import render_markdown

        text = render_markdown(lib, article_id, script=script, pinyin=pinyin, generated=generated)
    else:
        raise ReaderError(f"unknown export format {fmt!r} (formats: {', '.join(FORMATS)})")
    if path is not None:
        write_atomic(Path(path), text)
    return text


def write_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text to `path` through a temporary file in the same folder and os.replace."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ReaderError(f"cannot write {path}: the folder {folder} does not exist")
    if path.is_dir():
        raise ReaderError(f"cannot write {path}: it is a folder")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ReaderError(f"cannot write {path}: {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ReaderError(f"cannot write {path}: {exc.strerror}") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
