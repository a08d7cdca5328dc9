"""Exports (core layer): one module per format; `export_article` / `export_all` pick one and write atomically."""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from reader.core.errors import ReaderError
from reader.core.library import Library

FORMATS = ("md", "html", "csv", "json", "pdf")
TEXT_FORMATS = ("md", "html", "csv", "json")  # pdf is drawn by the GUI layer (reader.gui.export_pdf)
COMBINED = ("csv", "json")  # formats whose --all export is one file; the others write one file per article


def render_articles(
    lib: Library, article_ids: list[int], fmt: str, *, script: str = "original", pinyin: str = "none",
    generated: str | None = None,
) -> str:
    """The export of one article (md, html) or of several in one file (csv, json) as text."""
    if fmt not in TEXT_FORMATS:
        raise ReaderError(f"unknown export format {fmt!r} (formats: {', '.join(FORMATS)})")
    if fmt == "csv":
        from reader.core.export.csv import render_csv

        return render_csv(lib, article_ids)
    if fmt == "json":
        from reader.core.export.w3c import render_w3c

        return render_w3c(lib, article_ids)
    if len(article_ids) != 1:
        raise ReaderError(f"the {fmt} export is made one article at a time")
    if fmt == "html":
        from reader.core.export.html import render_html

        return render_html(lib, article_ids[0], script=script, pinyin=pinyin, generated=generated)
    from reader.core.export.markdown import render_markdown

    return render_markdown(lib, article_ids[0], script=script, pinyin=pinyin, generated=generated)


def export_article(
    lib: Library, article_id: int, fmt: str = "md", path: str | Path | None = None, *,
    script: str = "original", pinyin: str = "none", generated: str | None = None,
) -> str:
    """Render an article's annotations in `fmt`; write them to `path` (atomically) when given. Returns the text."""
    text = render_articles(lib, [article_id], fmt, script=script, pinyin=pinyin, generated=generated)
    if path is not None:
        write_atomic(Path(path), text)
    return text


def article_filename(lib: Library, article_id: int, fmt: str) -> str:
    """File name of one article in an --all export folder: `001-<title>.<ext>`, safe on every system."""
    title = lib.article(article_id).title
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in title).strip("-")[:40] or "article"
    while "--" in safe:
        safe = safe.replace("--", "-")
    return f"{article_id:03d}-{safe}.{fmt}"


def export_all(
    lib: Library, fmt: str, path: str | Path, *, script: str = "original", pinyin: str = "none",
    generated: str | None = None, writer: Callable[[int, Path], None] | None = None,
) -> list[Path]:
    """Export every article: csv and json into the one file `path`; md, html and pdf one file per article
    into the folder `path` (created if missing). `writer(article_id, file)` draws a file the core cannot
    (pdf). Returns the files written."""
    ids = [a.id for a in lib.list_articles()]
    target = Path(path)
    if fmt in COMBINED:
        write_atomic(target, render_articles(lib, ids, fmt))
        return [target]
    if fmt not in FORMATS:
        raise ReaderError(f"unknown export format {fmt!r} (formats: {', '.join(FORMATS)})")
    if target.exists() and not target.is_dir():
        raise ReaderError(f"{target} is a file; the {fmt} export of all articles needs a folder (one file each)")
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReaderError(f"cannot create the folder {target}: {exc.strerror}") from exc
    written = []
    for article_id in ids:
        file = target / article_filename(lib, article_id, fmt)
        if fmt == "pdf":
            if writer is None:
                raise ReaderError("the pdf export needs the GUI layer (reader.gui.export_pdf)")
            writer(article_id, file)
        else:
            write_atomic(file, render_articles(lib, [article_id], fmt, script=script, pinyin=pinyin,
                                               generated=generated))
        written.append(file)
    return written


def _umask() -> int:
    """The process umask, read without changing it where the system tells it (Linux), else set and restored."""
    try:
        for row in Path("/proc/self/status").read_text().splitlines():
            if row.startswith("Umask:"):
                return int(row.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def file_mode(path: Path) -> int:
    """Mode for a file written in place of `path`: the old file's, else what a new file gets (0644 under 022)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_umask()


def is_stream(path: Path) -> bool:
    """Whether `path` is a device or a named pipe (`/dev/stdout` …): written into, never replaced."""
    return path.exists() and not path.is_file() and not path.is_dir()


def output_target(path: Path) -> Path:
    """The file a finished export replaces: the one a symbolic link points to (the link itself stays)."""
    return Path(os.path.realpath(path)) if path.is_symlink() and not is_stream(path) else path


def place(tmp: str | Path, target: Path) -> None:
    """Put the finished temporary file at `target` (see `output_target`): renamed over a file, copied into a
    device or a pipe. Raises OSError."""
    if is_stream(target):
        with open(tmp, "rb") as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst)
        os.unlink(tmp)
    else:
        os.replace(tmp, target)


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write UTF-8 text (or bytes) to `path` through a temporary file in the same folder and os.replace.

    A symbolic link is written through (the file it points to is replaced, the link stays). A device or a
    named pipe (`-o /dev/stdout`) is written to directly: replacing it would put a plain file in its place.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    shown = path
    if is_stream(path):  # a device or a pipe (links followed)
        try:
            with open(path, "wb") as fh:
                fh.write(data)
        except OSError as exc:
            raise ReaderError(f"cannot write {shown}: {exc.strerror or exc}") from exc
        return
    path = output_target(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ReaderError(f"cannot write {shown}: the folder {folder} does not exist")
    if path.is_dir():
        raise ReaderError(f"cannot write {shown}: it is a folder")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ReaderError(f"cannot write {shown}: {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, file_mode(path))
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ReaderError(f"cannot write {shown}: {exc.strerror}") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
