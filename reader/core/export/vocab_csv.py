"""CSV export of a vocabulary list (core layer, export): UTF-8 with a BOM, so spreadsheets keep the Chinese.

One row per word after a header row, every field of the list: both scripts, the reading with tone marks
and in TONE3, English, HSK level, known, the example sentence and where it came from, then (added later,
so older columns keep their places) the status and the reader's own translation, note and parent word.
Written atomically.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from reader.core.export.files import write_atomic
from reader.core.library import Library
from reader.core.reading_options import ReadingOptions, written_reading
from reader.core.vocabulary import VocabEntry, article_context, list_words, reading_with_marks

HEADER = (
    "simplified", "traditional", "pinyin", "reading", "english", "hsk", "known", "sentence", "source",
    "article_id", "start", "end", "reader", "created", "updated", "status", "translation", "note", "parent",
)


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def rows(entries: Sequence[VocabEntry], titles: dict[int, str] | None = None,
         readings: ReadingOptions | None = None) -> list[list[str]]:
    """The data rows (without the header) in `HEADER` order; `readings`: how the pinyin column is written
    (the reading column keeps the stored citation reading)."""
    titles = titles or {}
    out = []
    for e in entries:
        hsk = "" if e.hsk is None else ("7-9" if e.hsk >= 7 else str(e.hsk))
        source = titles.get(e.article_id, "") if e.article_id is not None else ""
        out.append([_cell(v) for v in (
            e.simplified, e.traditional,
            reading_with_marks(written_reading(e.simplified, e.reading, readings)) if readings else e.reading_marks,
            e.reading, "; ".join(e.senses), hsk,
            "yes" if e.known else "no", e.sentence, source, e.article_id, e.start, e.end, e.reader, e.created,
            e.updated, e.status, e.translation, e.note, e.parent,
        )])
    return out


def render_csv(entries: Sequence[VocabEntry], titles: dict[int, str] | None = None,
               readings: ReadingOptions | None = None) -> str:
    """The whole file as text, starting with the BOM (U+FEFF); lines end in CRLF as RFC 4180 asks."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows(entries, titles, readings))
    return "\ufeff" + buf.getvalue()


def export_csv(
    lib: Library, path: str | Path, *, reader: str | None = None, known: bool | None = None,
    readings: ReadingOptions | None = None,
) -> int:
    """Write a reader's vocabulary (all, or only known/unknown words) as CSV. Returns the number of words."""
    entries = list_words(lib, reader, known)
    titles, _ = article_context(lib, entries)
    write_atomic(Path(path), render_csv(entries, titles, readings))
    return len(entries)
