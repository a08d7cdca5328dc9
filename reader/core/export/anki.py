"""Anki deck export of a vocabulary list (core layer, export): an .apkg built with genanki.

Model and deck ids are derived from fixed strings and each note's GUID from (simplified, reading), so
importing a newer export into Anki updates the notes it already has instead of duplicating them. The
reader's own translation, note, parent word and status came later as four fields after the first six
(same model id, same field and card names): Anki 23.10 and later update older notes when "Merge note
types" is ticked on import; older versions keep them as they were and add only new words.
Each note has two cards: Chinese → English and English → Chinese (Anki skips the second for a word
with neither English nor the reader's own translation). The package is written to a temporary file
beside the target and moved into place.
"""
from __future__ import annotations

import hashlib
import html
import itertools
import json
import os
import re
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

import genanki

from reader.core.errors import ReaderError
from reader.core.export.files import file_mode, is_stream, output_target, place
from reader.core.library import Library
from reader.core.pipeline.readings import to_marks, tone_of
from reader.core.reading_options import ReadingOptions, written_reading
from reader.core.vocabulary import VocabEntry, article_context, list_words, word_in_sentence
from reader.core.word_status import status_label

FIELDS = ("Simplified", "Traditional", "Reading", "English", "Example", "Source", "Translation", "Note", "Parent",
          "Status")
DEFAULT_DECK = "Bilingual Reader vocabulary"
GUID_NAMESPACE = "bilingual-reader-vocabulary"
_TONE3 = re.compile(r"[a-z]+[1-5]")


def _esc(text: str) -> str:
    """Escape text for an Anki field: <, > and & (quotes stay readable in field text)."""
    return html.escape(text, quote=False)


def stable_id(name: str) -> int:
    """An Anki id from a fixed string: the same every run, in the range genanki recommends (2^30..2^31)."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


MODEL_ID = stable_id("bilingual-reader/anki-model/vocabulary/v1")
DECK_ID = stable_id("bilingual-reader/anki-deck/vocabulary/v1")

CSS = """\
.card {
  font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans", sans-serif;
  font-size: 20px; line-height: 1.5; text-align: center; color: #1f2328; background: #fbfaf7;
}
.hanzi { font-size: 52px; line-height: 1.25; }
.trad { font-size: 28px; color: #6a6f75; }
.reading { font-size: 24px; margin-top: .2em; }
.english { font-size: 20px; margin: .4em auto; max-width: 32em; }
.example { font-size: 22px; margin: .9em auto 0; max-width: 30em; text-align: left; color: #3b4046; }
.example b { color: #b5361f; font-weight: 600; }
.source { font-size: 13px; margin-top: .8em; color: #8a8f95; }
.mine { font-size: 22px; font-weight: 600; margin: .3em auto; max-width: 32em; }
.note { font-size: 16px; margin: .6em auto 0; max-width: 30em; text-align: left; color: #3b4046; }
.parent, .status { font-size: 14px; color: #6a6f75; }
hr#answer { border: 0; border-top: 1px solid #d8d5cc; margin: .8em 0; }
.tone1 { color: #d6336c; } .tone2 { color: #e8890c; } .tone3 { color: #2f9e44; }
.tone4 { color: #1c7ed6; } .tone5 { color: #868e96; }
.nightMode.card, .night_mode .card { color: #e6e6e6; background: #1e1f22; }
.nightMode .trad, .nightMode .source, .night_mode .trad, .night_mode .source { color: #9aa0a6; }
.nightMode .example, .night_mode .example { color: #c9cdd1; }
.nightMode .example b, .night_mode .example b { color: #ff8a65; }
"""

# The traditional form is hidden when it is the same as the simplified one (世界); without JavaScript
# both show, which is still correct.
_HANZI = (
    '<div class="hanzi">{{Simplified}}</div>'
    '<div class="trad" data-simplified="{{text:Simplified}}">{{Traditional}}</div>'
    "<script>document.querySelectorAll('.trad').forEach(function (e) {"
    " if (e.textContent.trim() === e.getAttribute('data-simplified').trim()) e.style.display = 'none'; });"
    "</script>"
)
_CONTEXT = (
    '{{#Note}}<div class="note">{{Note}}</div>{{/Note}}'
    '{{#Parent}}<div class="parent">⊂ {{Parent}}</div>{{/Parent}}'
    '{{#Example}}<div class="example">{{Example}}</div>{{/Example}}'
    '{{#Source}}<div class="source">{{Source}}</div>{{/Source}}'
    '{{#Status}}<div class="status">{{Status}}</div>{{/Status}}'
)
_MINE = '{{#Translation}}<div class="mine">{{Translation}}</div>{{/Translation}}'  # the reader's own, first

TEMPLATES = [
    {
        "name": "Chinese → English",
        "qfmt": _HANZI,
        "afmt": '{{FrontSide}}<hr id="answer">' + _MINE + '<div class="reading">{{Reading}}</div>'
                '<div class="english">{{English}}</div>' + _CONTEXT,
    },
    {
        "name": "English → Chinese",
        "qfmt": _MINE + '{{#English}}<div class="english">{{English}}</div>{{/English}}',
        "afmt": '{{FrontSide}}<hr id="answer">' + _HANZI + '<div class="reading">{{Reading}}</div>' + _CONTEXT,
    },
]


def vocabulary_model() -> genanki.Model:
    return genanki.Model(
        MODEL_ID, "Bilingual Reader vocabulary", fields=[{"name": name} for name in FIELDS],
        templates=TEMPLATES, css=CSS,
    )


def note_guid(simplified: str, reading: str) -> str:
    return genanki.guid_for(GUID_NAMESPACE, simplified, reading)


def reading_html(reading: str, tone_colors: bool = False) -> str:
    """TONE3 reading → tone marks ('lián hé guó'), each syllable in a tone<N> span when `tone_colors`."""
    parts = []
    for syllable in reading.split():
        if _TONE3.fullmatch(syllable):
            marked = _esc(to_marks(syllable))
            parts.append(f'<span class="tone{tone_of(syllable)}">{marked}</span>' if tone_colors else marked)
        else:
            parts.append(_esc(syllable))
    return " ".join(parts)


def example_html(sentence: str, span: tuple[int, int] | None) -> str:
    """The sentence HTML-escaped, with the word at `span` wrapped in <b>…</b>."""
    if span is None or not 0 <= span[0] < span[1] <= len(sentence):
        return _esc(sentence)
    a, b = span
    return f"{_esc(sentence[:a])}<b>{_esc(sentence[a:b])}</b>{_esc(sentence[b:])}"


def hsk_tag(level: int | None) -> str | None:
    if level is None:
        return None
    return "HSK7-9" if level >= 7 else f"HSK{level}"


def note_fields(
    entry: VocabEntry, title: str = "", span: tuple[int, int] | None = None, tone_colors: bool = False,
) -> list[str]:
    """The field values of a word's note (HTML), in `FIELDS` order. `span`: the word's place in its sentence."""
    if span is None and entry.sentence:
        span = word_in_sentence(entry.sentence, (entry.traditional, entry.simplified))
    return [
        _esc(entry.simplified),
        _esc(entry.traditional),
        reading_html(entry.reading, tone_colors),
        _esc("; ".join(entry.senses)),
        example_html(entry.sentence, span) if entry.sentence else "",
        _esc(title),
        _esc(entry.translation),
        _esc(entry.note).replace("\n", "<br>"),  # plain text, as the reader typed it
        _esc(entry.parent),
        _esc(status_label(entry.status)),
    ]


def build_deck(
    entries: Sequence[VocabEntry], titles: dict[int, str] | None = None,
    spans: dict[int, tuple[int, int]] | None = None, *, deck_name: str = DEFAULT_DECK, tone_colors: bool = False,
    readings: ReadingOptions | None = None,
) -> genanki.Deck:
    """A deck with one note per word; `titles`: article id → title; `spans`: word id → place in its sentence;
    `readings`: how the Reading field is written (the note's identity keeps the stored citation reading)."""
    titles = titles or {}
    spans = spans or {}
    model = vocabulary_model()
    deck = genanki.Deck(DECK_ID, deck_name, description="Words collected in Bilingual Reader.")
    for entry in entries:
        title = titles.get(entry.article_id, "") if entry.article_id is not None else ""
        tags = ["bilingual-reader"] + [t for t in (hsk_tag(entry.hsk),) if t]
        fields = note_fields(entry, title, spans.get(entry.id), tone_colors)
        if readings is not None:
            fields[2] = reading_html(written_reading(entry.simplified, entry.reading, readings), tone_colors)
        deck.add_note(genanki.Note(
            model=model, fields=fields,
            guid=note_guid(entry.simplified, entry.reading), tags=tags,
        ))
    return deck


def write_package(deck: genanki.Deck, path: str | Path, timestamp: float | None = None) -> None:
    """Write a deck as an .apkg through a temporary file in the target folder (never a half-written file)."""
    shown = path = Path(path)
    path = output_target(path)
    folder = Path(tempfile.gettempdir()) if is_stream(path) else path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ReaderError(f"cannot write {shown}: the folder {folder} does not exist")
    if path.is_dir():
        raise ReaderError(f"cannot write {shown}: it is a folder")
    timestamp = time.time() if timestamp is None else timestamp
    tmp_db = tmp_zip = None
    try:
        fd, tmp_db = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".anki2", dir=folder)
        os.close(fd)
        conn = sqlite3.connect(tmp_db)
        try:
            genanki.Package(deck).write_to_db(conn.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
            conn.commit()
        finally:
            conn.close()
        fd, tmp_zip = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                zf.write(tmp_db, "collection.anki2")
                zf.writestr("media", json.dumps({}))
            fh.flush()
            os.fsync(fh.fileno())
        if not is_stream(path):
            os.chmod(tmp_zip, file_mode(path))
        place(tmp_zip, path)
        tmp_zip = None
    except OSError as exc:
        raise ReaderError(f"cannot write {shown}: {exc.strerror or exc}") from exc
    finally:
        for leftover in (tmp_db, tmp_zip):
            if leftover:
                Path(leftover).unlink(missing_ok=True)


def export_anki(
    lib: Library, path: str | Path, *, reader: str | None = None, known: bool | None = None,
    deck_name: str = DEFAULT_DECK, tone_colors: bool = False, timestamp: float | None = None,
    readings: ReadingOptions | None = None,
) -> int:
    """Write a reader's vocabulary (all, or only known/unknown words) as an Anki package. Returns the count."""
    entries = list_words(lib, reader, known)
    titles, spans = article_context(lib, entries)
    deck = build_deck(entries, titles, spans, deck_name=deck_name, tone_colors=tone_colors, readings=readings)
    write_package(deck, path, timestamp)
    return len(entries)
