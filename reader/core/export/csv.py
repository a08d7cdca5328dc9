"""CSV export of annotations (core layer, export): one row per annotation, for spreadsheets and statistics.

Columns: id, uuid, article (id), paragraph (index of the paragraph the passage starts in; empty when
orphaned), start, end, quote, quote_simplified, tags ("Tagset/Name" joined by "; "), note, color (the
annotation's own colour, else its first tag's), author, status (anchored, moved: to be checked, or orphaned),
created, updated. UTF-8 with a BOM so
spreadsheet programs keep the Chinese; CRLF line ends (RFC 4180). Cells that a spreadsheet would run as
a formula (starting with = + - @ or a tab) get a leading apostrophe. Written atomically.
"""
from __future__ import annotations

import csv
import io
from bisect import bisect_right
from collections.abc import Sequence

from reader.core.annotations import Annotation, Annotations
from reader.core.export.w3c import sort_key
from reader.core.library import Library
from reader.core.pipeline.script import convert_text

HEADER = ("id", "uuid", "article", "paragraph", "start", "end", "quote", "quote_simplified", "tags", "note",
          "color", "author", "status", "created", "updated")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    if text and text[0] in "=+-@\t\r":
        text = "'" + text
    return text


def rows(lib: Library, article_ids: Sequence[int]) -> list[list[str]]:
    """Data rows (without the header) for the articles' highlights and reading fixes, in text order."""
    out: list[list[str]] = []
    anns = Annotations(lib)
    for article_id in article_ids:
        info = lib.article(article_id)
        starts = [p.start for p in lib.paragraphs(info.revision_id)]
        found = sorted(anns.list_for_article(article_id), key=sort_key)
        for a in found:
            out.append([_cell(v) for v in _values(a, starts)])
    return out


def _values(a: Annotation, starts: list[int]) -> tuple[object, ...]:
    paragraph = None if a.orphaned or not starts else max(0, bisect_right(starts, a.start) - 1)
    color = a.color or (a.tags[0].color if a.tags else None)
    return (a.id, a.uuid, a.article_id, paragraph, a.start, a.end, a.exact, convert_text(a.exact, "simplified"),
            "; ".join(t.qualified for t in a.tags), a.note, color, a.author, a.status, a.created, a.updated)


def render_csv(lib: Library, article_ids: Sequence[int]) -> str:
    """The whole file as text, starting with the BOM (U+FEFF)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows(lib, article_ids))
    return "\ufeff" + buf.getvalue()
