"""Exports (core layer): one module per format; `export_article` / `export_all` pick one and write atomically."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.core.errors import ReaderError
from reader.core.export.files import file_mode, write_atomic
from reader.core.library import Library
from reader.core.reading_options import ReadingOptions

__all__ = ["file_mode", "write_atomic"]  # defined in reader.core.export.files; callers reach them here too

FORMATS = ("md", "html", "csv", "json", "pdf")
TEXT_FORMATS = ("md", "html", "csv", "json")  # pdf is drawn by the GUI layer (reader.gui.export_pdf)
COMBINED = ("csv", "json")  # formats whose --all export is one file; the others write one file per article


def render_articles(
    lib: Library, article_ids: list[int], fmt: str, *, script: str = "original", pinyin: str = "none",
    generated: str | None = None, readings: ReadingOptions | None = None,
) -> str:
    """The export of one article (md, html) or of several in one file (csv, json) as text; `readings`: how
    the readings of md and html are written (csv and json carry no readings)."""
    if fmt not in TEXT_FORMATS:
        raise ReaderError(f"unknown export format {fmt!r} (formats: {', '.join(FORMATS)})")
    # Each renderer is loaded when first used: importing them all costs ~40 ms, which every user of a
    # module of this package (the vocabulary exports, class packages) would pay.
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

        return render_html(lib, article_ids[0], script=script, pinyin=pinyin, generated=generated,
                           readings=readings)
    from reader.core.export.markdown import render_markdown

    return render_markdown(lib, article_ids[0], script=script, pinyin=pinyin, generated=generated,
                           readings=readings)


def export_article(
    lib: Library, article_id: int, fmt: str = "md", path: str | Path | None = None, *,
    script: str = "original", pinyin: str = "none", generated: str | None = None,
    readings: ReadingOptions | None = None,
) -> str:
    """Render an article's annotations in `fmt`; write them to `path` (atomically) when given. Returns the text."""
    text = render_articles(lib, [article_id], fmt, script=script, pinyin=pinyin, generated=generated,
                           readings=readings)
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
    readings: ReadingOptions | None = None,
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
                                               generated=generated, readings=readings))
        written.append(file)
    return written
