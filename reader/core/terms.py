"""Terms and word splits (core layer): the reader's own segmentation, applied to every article.

A *term* is several characters read as one word (a name, an idiom), with an optional reading; a *split*
is a word the segmenter joins, cut into the parts the reader chose (研究生 → 研究 | 生). Both are stored in
the simplified form the segmenter reads (`pipeline.reading_form`), so one made in a Traditional text applies
to Simplified text too and the other way round. Every change is one transaction that also drops the cached
readings of exactly the paragraphs containing the changed string (`forget_tokens`), and returns an
undoable `Edit`. Terms and splits travel as a small JSON file (`export_json`, `import_file`).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.core import untrusted
from reader.core.changes import Changed
from reader.core.edits import Edit, noop_edit
from reader.core.errors import ImportFailed, ReaderError
from reader.core.library import Library, now
from reader.core.pipeline import reading_form
from reader.core.pipeline.readings import is_han
from reader.core.pipeline.script import convert_text

FORMAT = "bilingual-reader-terms"
FORMAT_VERSION = 1
MAX_LENGTH = 32  # characters of a term or a split word
MAX_ENTRIES = 100_000  # terms plus splits in one file
MAX_FILE = 16 * 1024 * 1024
STAMP = frozenset({"terms_stamp"})  # what a change of terms says it changed (the setting counting them)
_ABSENT = object()  # a row that is not there (before an add, after a delete)
_SYLLABLE = re.compile(r"[a-zv]+[1-5]?")


@dataclass(frozen=True)
class Term:
    text: str  # simplified
    reading: str | None  # TONE3 syllables, one per Chinese character, space-separated


@dataclass(frozen=True)
class Split:
    word: str  # simplified
    parts: tuple[str, ...]


def normalise(text: str, what: str = "the term") -> str:
    """A term or word as stored: trimmed, in its simplified reading form; one clear error if unusable."""
    text = str(text).strip()
    if not text:
        raise ReaderError(f"{what} is empty")
    if any(ch.isspace() for ch in text) or untrusted.UNPRINTABLE.search(text):
        raise ReaderError(f"{what} {text!r} has spaces or control characters; give the characters alone")
    if len(text) < 2:
        raise ReaderError(f"{what} {text!r} is one character; a term or a split needs at least two")
    if len(text) > MAX_LENGTH:
        raise ReaderError(f"{what} is {len(text)} characters long; at most {MAX_LENGTH}")
    return reading_form(text)


def parse_reading(reading: str | None, term: str) -> str | None:
    """Readings for `term` as stored: TONE3 syllables, one per Chinese character ('Wáng Xiǎo Míng',
    'wang2 xiao3 ming2' or 'wang2xiao3ming2' → 'wang2 xiao3 ming2'; tone marks need a space or an
    apostrophe between syllables); None or blank: the model's reading."""
    from pypinyin.contrib.tone_convert import to_tone3  # pypinyin loads its data on import

    if reading is None or not str(reading).strip():
        return None
    text = str(reading).strip().lower()
    syllables: list[str] = []
    for chunk in re.split(r"[\s'’-]+", text):
        chunk = chunk.replace("ü", "v").replace("u:", "v")
        if not any(ch.isdigit() for ch in chunk):  # tone marks (or none: neutral): one syllable
            chunk = to_tone3(chunk, neutral_tone_with_five=True).replace("ü", "v")
        found = _SYLLABLE.findall(chunk)
        if not chunk or "".join(found) != chunk:
            raise ReaderError(f"bad reading {reading!r}: write it as 'wang2 xiao3 ming2' or 'wáng xiǎo míng'")
        syllables += [s if s[-1].isdigit() else s + "5" for s in found]  # no tone: the neutral tone
    han = sum(map(is_han, term))
    if len(syllables) != han:
        raise ReaderError(f"the reading {reading!r} has {len(syllables)} syllables but {term} has {han} Chinese "
                          "characters; give one syllable for each")
    return " ".join(syllables)


def parse_split(word: str, parts: list[str] | tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """A split as stored: (word, parts), both simplified; the parts must spell the word."""
    word = normalise(word, "the word")
    cleaned = tuple(p.strip() for p in parts if p.strip())
    if len(cleaned) < 2:
        raise ReaderError(f"give the parts {word} is cut into, at least two (e.g. {word[:1]} {word[1:]})")
    joined = "".join(cleaned)
    if reading_form(joined) != word:
        raise ReaderError(f"the parts {' '.join(cleaned)} do not spell {word}")
    out, pos = [], 0
    for p in cleaned:  # the parts in the word's own (stored) characters
        out.append(word[pos : pos + len(p)])
        pos += len(p)
    return word, tuple(out)


def split_at(word: str, cuts: list[int] | tuple[int, ...]) -> tuple[str, ...]:
    """`word` cut before each position in `cuts` (研究生, [2] → 研究, 生)."""
    marks = sorted({c for c in cuts if 0 < c < len(word)})
    if not marks:
        raise ReaderError(f"choose where to cut {word}: between two of its characters")
    bounds = [0, *marks, len(word)]
    return tuple(word[a:b] for a, b in zip(bounds, bounds[1:], strict=False))


# ---- reading -----------------------------------------------------------------------------------
def list_terms(lib: Library) -> list[Term]:
    rows = lib.conn.execute("SELECT text, reading FROM terms ORDER BY text").fetchall()
    return [Term(str(t), str(r) if r else None) for t, r in rows]


def list_splits(lib: Library) -> list[Split]:
    rows = lib.conn.execute("SELECT word, parts FROM word_splits ORDER BY word").fetchall()
    return [Split(str(w), tuple(str(p).split())) for w, p in rows]


def find(lib: Library, text: str) -> Term | Split | None:
    """The term or split stored for `text` (either script), if any."""
    try:
        key = normalise(text)
    except ReaderError:
        return None
    row = lib.conn.execute("SELECT reading FROM terms WHERE text = ?", (key,)).fetchone()
    if row is not None:
        return Term(key, str(row[0]) if row[0] else None)
    row = lib.conn.execute("SELECT parts FROM word_splits WHERE word = ?", (key,)).fetchone()
    return Split(key, tuple(str(row[0]).split())) if row is not None else None


def forget_tokens(lib: Library, strings: Iterable[str]) -> dict[int, set[int]]:
    """Drop the cached tokens of every paragraph whose text, in its reading form, contains one of
    `strings` (simplified; terms or split words that changed), and count a change of the terms.

    Called inside the transaction that changed them. Returns {article id: indexes of the current
    revision's paragraphs dropped}; other paragraphs, however many, keep their cached readings.
    """
    wanted = [s for s in dict.fromkeys(strings) if s]
    lib.conn.execute(
        "INSERT INTO settings (key, value) VALUES ('terms_stamp', '1')"
        " ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
    )
    cached: dict[int, set[int]] = {}
    for revision_id, idx in lib.conn.execute("SELECT DISTINCT revision_id, paragraph_idx FROM tokens_cache") \
            if wanted else ():
        cached.setdefault(int(revision_id), set()).add(int(idx))
    current = dict(lib.conn.execute("SELECT current_revision_id, id FROM articles").fetchall())
    particle = any("着" in s for s in wanted)  # only then can the 著 → 着 of the reading form matter
    dropped: dict[int, set[int]] = {}
    gone: list[tuple[int, int]] = []
    for revision_id, idxs in cached.items():
        for idx, text in lib.conn.execute("SELECT idx, text FROM paragraphs WHERE revision_id = ?", (revision_id,)):
            if idx not in idxs:
                continue
            if not any(s in text for s in wanted):
                form = reading_form(text) if particle else convert_text(text, "simplified")
                if len(form) != len(text) or not any(s in form for s in wanted):
                    continue
            gone.append((revision_id, idx))
            if revision_id in current:
                dropped.setdefault(int(current[revision_id]), set()).add(int(idx))
    lib.conn.executemany("DELETE FROM tokens_cache WHERE revision_id = ? AND paragraph_idx = ?", gone)
    return dropped


# ---- changing ----------------------------------------------------------------------------------
@dataclass
class _Rows:
    """A change of some terms and splits: the rows after it (_ABSENT: none), kept with those before."""

    lib: Library
    terms: dict[str, object]  # text → reading (str or None) or _ABSENT
    splits: dict[str, object]  # word → parts (space-separated) or _ABSENT
    articles: frozenset[int] = frozenset()
    terms_before: dict[str, object] = field(default_factory=dict)
    splits_before: dict[str, object] = field(default_factory=dict)

    def apply(self) -> Changed:
        before = self.write(self.terms, self.splits)
        self.terms_before, self.splits_before = before
        return Changed(articles=self.articles, settings=STAMP)

    def undo(self) -> Changed:
        self.write(self.terms_before, self.splits_before)
        return Changed(articles=self.articles, settings=STAMP)

    def write(self, terms: dict[str, object], splits: dict[str, object]) -> tuple[dict, dict]:
        """Put these rows in place (one transaction, the affected readings dropped); the rows before."""
        conn, stamp = self.lib.conn, now()
        with self.lib.transaction():
            old_terms: dict[str, object] = {}
            for text, reading in terms.items():
                row = conn.execute("SELECT reading FROM terms WHERE text = ?", (text,)).fetchone()
                old_terms[text] = _ABSENT if row is None else row[0]
                conn.execute("DELETE FROM terms WHERE text = ?", (text,))
                if reading is not _ABSENT:
                    conn.execute("INSERT INTO terms (text, reading, created) VALUES (?, ?, ?)", (text, reading, stamp))
            old_splits: dict[str, object] = {}
            for word, parts in splits.items():
                row = conn.execute("SELECT parts FROM word_splits WHERE word = ?", (word,)).fetchone()
                old_splits[word] = _ABSENT if row is None else row[0]
                conn.execute("DELETE FROM word_splits WHERE word = ?", (word,))
                if parts is not _ABSENT:
                    conn.execute("INSERT INTO word_splits (word, parts, created) VALUES (?, ?, ?)", (word, parts, stamp))
            dropped = forget_tokens(self.lib, [*terms, *splits])
        self.articles = self.articles | frozenset(dropped)
        return old_terms, old_splits


def _change(lib: Library, label: str, terms: dict[str, object], splits: dict[str, object]) -> Edit:
    """Apply a change of rows as one undoable Edit (a no-op when every row is already so)."""
    same = all(_current_term(lib, t) == v for t, v in terms.items()) and \
        all(_current_split(lib, w) == v for w, v in splits.items())
    if same:
        return noop_edit(label)
    rows = _Rows(lib, terms, splits)
    changed = rows.apply()
    return Edit(label, changed, rows.undo, rows.apply)


def _current_term(lib: Library, text: str) -> object:
    row = lib.conn.execute("SELECT reading FROM terms WHERE text = ?", (text,)).fetchone()
    return _ABSENT if row is None else row[0]


def _current_split(lib: Library, word: str) -> object:
    row = lib.conn.execute("SELECT parts FROM word_splits WHERE word = ?", (word,)).fetchone()
    return _ABSENT if row is None else row[0]


def add_term(lib: Library, text: str, reading: str | None = None) -> Edit:
    """Make `text` (either script) one word in every article, read as `reading` if given. A split of the
    same word is replaced; the same term again with another reading changes its reading."""
    key = normalise(text)
    stored = parse_reading(reading, key)
    return _change(lib, f"make {key} one term", {key: stored}, {key: _ABSENT})


def add_split(lib: Library, word: str, parts: list[str] | tuple[str, ...]) -> Edit:
    """Cut `word` (either script) into `parts` wherever it occurs. A term of the same word is replaced."""
    key, cut = parse_split(word, parts)
    return _change(lib, f"split {key} as {'|'.join(cut)}", {key: _ABSENT}, {key: " ".join(cut)})


def delete(lib: Library, text: str) -> Edit:
    """Forget the term or split of `text` (either script): the segmenter's own words come back."""
    key = normalise(text)
    if _current_term(lib, key) is _ABSENT and _current_split(lib, key) is _ABSENT:
        raise ReaderError(f"{key} is neither a term nor a split")
    return _change(lib, f"delete term {key}", {key: _ABSENT}, {key: _ABSENT})


# ---- export and import -------------------------------------------------------------------------
def export_json(lib: Library) -> dict:
    """Every term and split as a JSON document `import_file` reads back."""
    return {
        "format": FORMAT, "version": FORMAT_VERSION,
        "terms": [{"text": t.text, "reading": t.reading} for t in list_terms(lib)],
        "splits": [{"word": s.word, "parts": list(s.parts)} for s in list_splits(lib)],
    }


def write_export(lib: Library, path: str | Path) -> tuple[int, int]:
    """Write `export_json` to `path` atomically; returns how many terms and splits were written."""
    from reader.core.export.files import write_atomic

    data = export_json(lib)
    write_atomic(Path(path), json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return len(data["terms"]), len(data["splits"])


@dataclass(frozen=True)
class ImportResult:
    added: int
    changed: int
    unchanged: int
    edit: Edit


def parse_document(data: object, where: str) -> tuple[dict[str, str | None], dict[str, str]]:
    """Validate a terms file's JSON; (terms: text → reading, splits: word → parts) or InvalidData."""
    doc = untrusted.obj(data, where)
    if doc.get("format") != FORMAT:
        raise untrusted.InvalidData(f"{where} is not a terms file of Bilingual Reader (format {FORMAT!r})")
    version = untrusted.integer(untrusted.field(doc, "version", where), f"{where}: version", low=1, high=1_000)
    if version > FORMAT_VERSION:
        raise untrusted.InvalidData(f"{where} was written by a newer version (terms file {version}); update the app")
    items = untrusted.lst(doc.get("terms", []), f"{where}: terms", MAX_ENTRIES)
    splits_in = untrusted.lst(doc.get("splits", []), f"{where}: splits", MAX_ENTRIES - len(items))
    terms: dict[str, str | None] = {}
    splits: dict[str, str] = {}
    for n, item in enumerate(items, 1):
        at = f"{where}: term {n}"
        entry = untrusted.obj(item, at)
        text = untrusted.text(untrusted.field(entry, "text", at), f"{at}: text", max_len=MAX_LENGTH, empty=False)
        reading = untrusted.opt_text(entry.get("reading"), f"{at}: reading", max_len=MAX_LENGTH * 8)
        key = _checked(normalise, at, text)
        terms[key] = _checked(parse_reading, at, reading, key)
    for n, item in enumerate(splits_in, 1):
        at = f"{where}: split {n}"
        entry = untrusted.obj(item, at)
        word = untrusted.text(untrusted.field(entry, "word", at), f"{at}: word", max_len=MAX_LENGTH, empty=False)
        parts = [untrusted.text(p, f"{at}: part", max_len=MAX_LENGTH, empty=False)
                 for p in untrusted.lst(untrusted.field(entry, "parts", at), f"{at}: parts", MAX_LENGTH)]
        key, cut = _checked(parse_split, at, word, parts)
        splits[key] = " ".join(cut)
    both = sorted(terms.keys() & splits.keys())
    if both:
        raise untrusted.InvalidData(f"{where}: {both[0]} is both a term and a split; keep one")
    return terms, splits


def _checked(fn, where: str, *args):  # noqa: ANN001, ANN002, ANN202 - any of the parse functions
    """`fn(*args)`, its ReaderError said as bad data at `where`."""
    try:
        return fn(*args)
    except ReaderError as exc:
        raise untrusted.InvalidData(f"{where}: {exc}") from exc


def import_document(lib: Library, data: object, where: str = "the terms file") -> ImportResult:
    """Add the terms and splits of a parsed document (validated first: nothing is written if any entry is
    bad). An entry of the same word replaces the library's; one undoable Edit."""
    terms, splits = parse_document(data, where)
    rows_t: dict[str, object] = dict(terms)
    rows_s: dict[str, object] = dict(splits)
    added = changed = unchanged = 0
    for key, value in [*terms.items(), *splits.items()]:
        cur_t, cur_s = _current_term(lib, key), _current_split(lib, key)
        if (key in terms and cur_t == value and cur_s is _ABSENT) or (key in splits and cur_s == value and cur_t is _ABSENT):
            unchanged += 1
        elif cur_t is _ABSENT and cur_s is _ABSENT:
            added += 1
        else:
            changed += 1
    for key in terms:
        rows_s[key] = _ABSENT  # a term replaces the library's split of the word, and the other way round
    for key in splits:
        rows_t[key] = _ABSENT
    edit = _change(lib, "import terms", rows_t, rows_s)
    return ImportResult(added, changed, unchanged, edit)


def import_file(lib: Library, path: str | Path) -> ImportResult:
    """`import_document` of a JSON file written by `write_export` (only a regular file is read)."""
    path = Path(path)
    where = path.name
    raw = untrusted.read_regular_file(path, MAX_FILE)
    try:
        return import_document(lib, untrusted.load_json(raw, where), where)
    except untrusted.InvalidData as exc:
        raise ImportFailed(str(exc)) from exc
