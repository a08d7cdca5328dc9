"""Vocabulary list (core layer): words a reader collects while reading, with context, status and own gloss.

The list belongs to the library (rows keyed by its stable id, reader.core.identity.owner_key; the reader's
name is only a label, so a rename keeps it), one row per (simplified, reading): adding the same word twice
(in either script) keeps one row. Words are filled from the dictionary (traditional form, English senses, HSK level)
and keep the sentence they were found in. Every change runs in one transaction and returns `Changed`
(its `vocabulary` field holds the ids of the rows touched); `add` returns an `Added` carrying it, and
`delete` a `Deleted` whose `restore()` brings the row back (undo).
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.core.dictionary import Dictionary, Entry
from reader.core.errors import NotFound, ReaderError
from reader.core.identity import owner_key
from reader.core.library import Changed, Library, now
from reader.core.pipeline.readings import is_han, to_marks
from reader.core.text import CHINESE_SCRIPTS

#: Ends a sentence; a run of them (?!) ends it once. Line ends end a sentence too.
SENTENCE_END = frozenset("。！？!?；;")
#: Closing quotes and brackets right after a sentence end still belong to that sentence.
CLOSERS = frozenset("”’」』）)】〕》〉\"'")

_TONE3 = re.compile(r"[a-z]+[1-5]")
_COMPACT = re.compile(r"(?:[a-zv]+[1-5])+")
#: A word's statuses, least to most settled; a word with rows in several statuses shows the last of them.
_STATUS_ORDER = ("new", "learning1", "learning2", "learning3", "learning4", "learning5", "known", "ignored")

_COLUMNS = 'id, reader, simplified, traditional, reading, senses, hsk, sentence, article_id, start, "end", known, created, updated, status'
#: Rows with the reader's own translation, note and parent word (reader.core.glossary), kept per word.
_SELECT = ("SELECT " + ", ".join(f"v.{c.strip()}" for c in _COLUMNS.split(",")) + ", g.translation, g.note, g.parent"
           " FROM vocabulary AS v LEFT JOIN glossary AS g ON g.reader = v.reader AND g.simplified = v.simplified")


@dataclass(frozen=True, slots=True)
class VocabEntry:
    """One word in a reader's vocabulary list."""

    id: int
    reader: str
    simplified: str
    traditional: str
    reading: str  # TONE3, space-separated: "lian2 he2 guo2"
    senses: tuple[str, ...]
    hsk: int | None
    sentence: str
    article_id: int | None
    start: int | None  # canonical offsets of the word in the article's current revision
    end: int | None
    known: bool
    created: str
    updated: str
    status: str = "new"  # new, learning1–learning5, known or ignored (reader.core.word_status)
    translation: str = ""  # the reader's own (reader.core.glossary), shared by every row of the word
    note: str = ""
    parent: str = ""

    @property
    def reading_marks(self) -> str:
        """The reading with tone marks: 'lián hé guó'."""
        return reading_with_marks(self.reading)

    @property
    def english(self) -> str:
        return "; ".join(self.senses)

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id, "reader": self.reader, "simplified": self.simplified, "traditional": self.traditional,
            "reading": self.reading, "senses": list(self.senses), "hsk": self.hsk, "sentence": self.sentence,
            "article_id": self.article_id, "start": self.start, "end": self.end, "known": self.known,
            "status": self.status, "translation": self.translation, "note": self.note, "parent": self.parent,
            "created": self.created, "updated": self.updated,
        }


@dataclass(frozen=True, slots=True)
class Added:
    """What `add` did: the row (new or already there) and whether it was created."""

    entry: VocabEntry
    created: bool
    changed: Changed


@dataclass(frozen=True)
class Deleted:
    """A deleted word: `snapshot` is its row; `restore()` puts it back with the same id (undo)."""

    changed: Changed
    snapshot: VocabEntry
    _lib: Library = field(repr=False)

    def restore(self) -> Changed:
        s = self.snapshot
        with self._lib.transaction():
            article_id = s.article_id
            if article_id is not None and self._lib.conn.execute(
                "SELECT 1 FROM articles WHERE id = ?", (article_id,)
            ).fetchone() is None:
                article_id = None  # the article was deleted meanwhile: keep the word and its sentence
            try:
                self._lib.conn.execute(
                    f"INSERT INTO vocabulary ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (s.id, s.reader, s.simplified, s.traditional, s.reading, json.dumps(list(s.senses), ensure_ascii=False),
                     s.hsk, s.sentence, article_id, s.start, s.end, int(s.known), s.created, now(), s.status),
                )
            except sqlite3.IntegrityError as exc:
                raise ReaderError(f"{s.simplified} [{reading_with_marks(s.reading)}] is already in the list again") from exc
        return Changed(vocabulary=frozenset({s.id}))


# ------------------------------------------------------------------------------------------- readings


def reading_with_marks(reading: str) -> str:
    """TONE3 → tone marks, syllable by syllable: 'lian2 he2 guo2' → 'lián hé guó'; other tokens stay."""
    return " ".join(to_marks(s) if _TONE3.fullmatch(s) else s for s in reading.split())


def normalise_reading(reading: str) -> str:
    """A reading as a person types it → TONE3: 'Lián hé guó', 'lian2he2guo2', 'lü4', 'lu:4' → 'lv4'."""
    from pypinyin.contrib.tone_convert import to_tone3

    text = reading.strip().lower().replace("u:", "v").replace("ü", "v")
    syllables: list[str] = []
    for part in text.split():
        if _COMPACT.fullmatch(part):
            syllables += re.findall(r"[a-zv]+[1-5]", part)
        elif part.isalpha() and part.isascii():
            syllables.append(part + "5")  # no tone mark or digit: neutral tone
        else:
            syllable = to_tone3(part, v_to_u=False, neutral_tone_with_five=True).replace("ü", "v")
            if not _TONE3.fullmatch(syllable):
                raise ReaderError(f"cannot read {part!r} as pinyin; write it like 'lian2' or 'lián'")
            syllables.append(syllable)
    result = " ".join(syllables)
    if not result:
        raise ReaderError("the reading is empty; write it like 'lian2 he2 guo2' or 'lián hé guó'")
    return result


def _pypinyin_reading(word: str) -> str:
    """A reading for a word the dictionary does not have: pypinyin for Han runs, other runs kept as written."""
    from reader.core.pipeline import word_readings

    parts: list[str] = []
    other = ""
    for ch, r in zip(word, word_readings([word])[0], strict=True):
        if r is not None:
            if other.strip():
                parts.append(other.strip())
            other = ""
            parts.append(r)
        else:
            other += ch
    if other.strip():
        parts.append(other.strip())
    return " ".join(parts)


# ------------------------------------------------------------------------------------------ sentences


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of a text as [start, end) offsets, whitespace trimmed, empty ones dropped."""
    spans: list[tuple[int, int]] = []
    start = 0
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in "\n\r\u2028\u2029":
            spans.append((start, i))
            start = i + 1
        elif ch in SENTENCE_END:
            j = i + 1
            while j < n and (text[j] in SENTENCE_END or text[j] in CLOSERS):
                j += 1
            spans.append((start, j))
            start = i = j
            continue
        i += 1
    spans.append((start, n))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    """[start, end) of the sentence around `offset` (the nearest one when it falls on a line break)."""
    if not 0 <= offset <= len(text):
        raise ReaderError(f"offset {offset} is outside the text (0–{len(text)})")
    spans = sentence_spans(text)
    if not spans:
        return offset, offset
    for a, b in spans:
        if a <= offset < b:
            return a, b
    # Between sentences (whitespace, a line end, the very end): the sentence just before, else after.
    before = [s for s in spans if s[1] <= offset]
    return before[-1] if before else spans[0]


def sentence_at(lib: Library, article_id: int, offset: int) -> str:
    """The sentence around a canonical offset of an article's current text (split on 。！？!?；; and lines)."""
    text = lib.revision_text(lib.article(article_id).revision_id)
    a, b = sentence_bounds(text, offset)
    return text[a:b]


def locate_word(lib: Library, article_id: int, word: str, offset: int | None = None) -> tuple[int, int]:
    """Canonical [start, end) of `word` (in any script) covering `offset` in an article's text, or of its
    first occurrence when no offset is given."""
    from reader.core.pipeline.script import convert_text

    text = lib.revision_text(lib.article(article_id).revision_id)
    if offset is not None and not 0 <= offset <= len(text):
        raise ReaderError(f"offset {offset} is outside article {article_id} (0–{len(text)})")
    forms = {word} | {convert_text(word, script) for script in CHINESE_SCRIPTS}
    best: tuple[int, int] | None = None
    for form in forms:
        if not form:
            continue
        pos = text.find(form, 0 if offset is None else max(0, offset - len(form) + 1))
        while pos != -1 and (offset is None or pos <= offset):
            if best is None or pos < best[0] or (pos == best[0] and len(form) > best[1] - best[0]):
                best = (pos, pos + len(form))
            if offset is None:
                break
            pos = text.find(form, pos + 1)
    if best is None:
        where = f"at offset {offset} in" if offset is not None else "in"
        raise ReaderError(f"{word} is not {where} article {article_id}")
    return best


def _article_surface(
    lib: Library, article_id: int, start: int | None, end: int | None, with_reading: bool = True,
) -> tuple[str, str | None]:
    """(the article's text in [start, end), its reading from the tokens) — validating the offsets."""
    info = lib.article(article_id)
    text = lib.revision_text(info.revision_id)
    if start is None:
        return "", None
    end = start if end is None else end
    if not 0 <= start <= end <= len(text):
        raise ReaderError(f"offsets {start}–{end} are outside article {article_id} (0–{len(text)})")
    if start == end:
        return "", None
    if not with_reading:
        return text[start:end], None
    pars = [p for p in lib.paragraphs(info.revision_id) if p.start <= start and end <= p.end]
    readings: list[str | None] = []
    if pars:
        chars: dict[int, str | None] = {}
        for tok in lib.tokens(info.revision_id, pars[:1]).get(pars[0].index, []):
            if tok.end > start and tok.start < end:
                for k, r in enumerate(tok.readings):
                    chars[tok.start + k] = r
        readings = [chars.get(i) for i in range(start, end)]
    han = [r for r, ch in zip(readings, text[start:end], strict=False) if is_han(ch)]
    reading = " ".join(r for r in han if r) if han and all(han) else None
    return text[start:end], reading


# ------------------------------------------------------------------------------------------ dictionary


def _dictionary(dictionary: Dictionary | None) -> Dictionary:
    if dictionary is not None:
        return dictionary
    from reader.core.scaffolding import shared_dictionary

    return shared_dictionary()


@dataclass(frozen=True, slots=True)
class _Word:
    simplified: str
    traditional: str
    reading: str
    senses: tuple[str, ...]
    hsk: int | None


def _from_entry(entry: Entry) -> _Word:
    return _Word(entry.simplified, entry.traditional, entry.reading, tuple(entry.senses), entry.hsk)


def resolve_word(
    word: str | Entry, reading: str | None = None, *, surface: str = "", context_reading: str | None = None,
    dictionary: Dictionary | None = None,
) -> _Word:
    """What will be stored for a word: the dictionary entry with this reading (or the most useful one).

    `surface` is the word as written in the article (its script picks the right traditional form) and
    `context_reading` its reading there (picks 行 háng in 银行 rather than xíng).
    """
    if isinstance(word, Entry):
        return _from_entry(word)
    word = word.strip()
    if not any(is_han(ch) for ch in word):
        raise ReaderError(f"{word!r} is not a Chinese word" if word else "give a word to add")
    want = normalise_reading(reading) if reading else context_reading
    dic = _dictionary(dictionary)
    entries = (dic.lookup(surface) if surface else []) or dic.lookup(word)
    if want:
        matching = [e for e in entries if e.reading == want]
        if matching:
            return _from_entry(matching[0])
        if reading is None:  # the context reading is not in the dictionary: take its usual entry
            if entries:
                return _from_entry(entries[0])
    elif entries:
        return _from_entry(entries[0])
    from reader.core.pipeline.script import convert_text

    simplified = entries[0].simplified if entries else convert_text(word, "simplified")
    traditional = entries[0].traditional if entries else convert_text(word, "traditional")
    return _Word(simplified, traditional, want or _pypinyin_reading(word), (), dic.hsk_level(simplified))


# --------------------------------------------------------------------------------------------- queries


def _row(row: tuple) -> VocabEntry:
    (vid, reader, simp, trad, reading, senses, hsk, sentence, article_id, start, end, known, created, updated,
     status, translation, note, parent) = row
    try:
        sense_list = tuple(str(s) for s in json.loads(senses or "[]"))
    except (ValueError, TypeError):
        sense_list = (str(senses),)
    return VocabEntry(
        int(vid), reader, simp, trad, reading, sense_list, None if hsk is None else int(hsk), sentence or "",
        None if article_id is None else int(article_id), start, end, bool(known), created, updated,
        status or "new", translation or "", note or "", parent or "",
    )


def get(lib: Library, vocab_id: int) -> VocabEntry:
    row = lib.conn.execute(f"{_SELECT} WHERE v.id = ?", (vocab_id,)).fetchone()
    if row is None:
        raise NotFound(f"there is no word with id {vocab_id} in the vocabulary list")
    return _row(row)


def list_words(lib: Library, reader: str | None = None, known: bool | None = None) -> list[VocabEntry]:
    """A reader's words in the order they were added; `known` True/False keeps only known/unknown ones."""
    sql = f"{_SELECT} WHERE v.reader = ?"
    params: list[object] = [reader or owner_key(lib)]
    if known is not None:
        sql += " AND v.known = ?"
        params.append(int(known))
    rows = lib.conn.execute(sql + " ORDER BY v.created, v.id", params).fetchall()
    return [_row(r) for r in rows]


def find(lib: Library, word: str, reading: str | None = None, reader: str | None = None) -> list[VocabEntry]:
    """A reader's rows for a word written in either script (all readings, or the one given)."""
    from reader.core.pipeline.script import convert_text

    word = word.strip()
    forms = {word, convert_text(word, "simplified"), convert_text(word, "traditional")}
    marks = ", ".join("?" * len(forms))
    sql = f"{_SELECT} WHERE v.reader = ? AND (v.simplified IN ({marks}) OR v.traditional IN ({marks}))"
    params: list[object] = [reader or owner_key(lib), *forms, *forms]
    if reading:
        sql += " AND v.reading = ?"
        params.append(normalise_reading(reading))
    return [_row(r) for r in lib.conn.execute(sql + " ORDER BY v.created, v.id", params).fetchall()]


def known_words(lib: Library, reader: str | None = None) -> set[str]:
    """The words a reader marked known or ignored, in both scripts: scaffolding draws no reading over them
    (learning words keep theirs)."""
    rows = lib.conn.execute(
        "SELECT simplified, traditional FROM vocabulary WHERE reader = ? AND status IN ('known', 'ignored')",
        (reader or owner_key(lib),)
    ).fetchall()
    return {w for row in rows for w in row if w}


# --------------------------------------------------------------------------------------------- changes


def add(
    lib: Library, word: str | Entry, reading: str | None = None, *, sentence: str | None = None,
    article_id: int | None = None, start: int | None = None, end: int | None = None,
    reader: str | None = None, known: bool = False, dictionary: Dictionary | None = None,
) -> Added:
    """Add a word (a dictionary `Entry`, or a word in either script with an optional reading) to a list.

    With `article_id` and `start`/`end` (canonical offsets of the word), the sentence around it is kept
    and the word's reading in that place picks the dictionary entry. Adding a word that is already in the
    list changes nothing, except that a row without a sentence gets this one.
    """
    name = reader or owner_key(lib)
    surface, context_reading = "", None
    if article_id is not None:
        surface, context_reading = _article_surface(
            lib, article_id, start, end, with_reading=isinstance(word, str) and not reading
        )
        if sentence is None and start is not None:
            sentence = sentence_at(lib, article_id, start)
    elif start is not None or end is not None:
        raise ReaderError("offsets need an article: give the article id too")
    resolved = resolve_word(word, reading, surface=surface, context_reading=context_reading, dictionary=dictionary)
    if isinstance(word, Entry) and reading:
        resolved = _Word(resolved.simplified, resolved.traditional, normalise_reading(reading), resolved.senses,
                         resolved.hsk)
    sentence = (sentence or "").strip()
    stamp = now()
    with lib.transaction():
        row = lib.conn.execute(
            f"{_SELECT} WHERE v.reader = ? AND v.simplified = ? AND v.reading = ?",
            (name, resolved.simplified, resolved.reading),
        ).fetchone()
        if row is not None:
            existing = _row(row)
            if sentence and not existing.sentence:
                lib.conn.execute(
                    'UPDATE vocabulary SET sentence = ?, article_id = ?, start = ?, "end" = ?, updated = ? WHERE id = ?',
                    (sentence, article_id, start, end, stamp, existing.id),
                )
                return Added(get(lib, existing.id), False, Changed(vocabulary=frozenset({existing.id})))
            return Added(existing, False, Changed())
        cur = lib.conn.execute(
            "INSERT INTO vocabulary (reader, simplified, traditional, reading, senses, hsk, sentence, article_id,"
            ' start, "end", known, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
            (name, resolved.simplified, resolved.traditional, resolved.reading,
             json.dumps(list(resolved.senses), ensure_ascii=False), resolved.hsk, sentence, article_id,
             start if article_id is not None else None, end if article_id is not None else None,
             int(known), stamp, stamp),
        )
        vid = int(cur.lastrowid or 0)
        entry = get(lib, vid)
    return Added(entry, True, Changed(vocabulary=frozenset({vid})))


def edit(
    lib: Library, vocab_id: int, *, reading: str | None = None, senses: Iterable[str] | None = None,
    sentence: str | None = None,
) -> Changed:
    """Correct a word's reading, English senses or example sentence (None leaves a field as it is)."""
    current = get(lib, vocab_id)
    updates: dict[str, object] = {}
    if reading is not None:
        new_reading = normalise_reading(reading)
        if new_reading != current.reading:
            updates["reading"] = new_reading
    if senses is not None:
        new_senses = [s.strip() for s in senses if s and s.strip()]
        if tuple(new_senses) != current.senses:
            updates["senses"] = json.dumps(new_senses, ensure_ascii=False)
    if sentence is not None and sentence.strip() != current.sentence:
        updates["sentence"] = sentence.strip()
    if not updates:
        return Changed()
    updates["updated"] = now()
    assignments = ", ".join(f"{column} = ?" for column in updates)
    with lib.transaction():
        try:
            lib.conn.execute(f"UPDATE vocabulary SET {assignments} WHERE id = ?", (*updates.values(), vocab_id))
        except sqlite3.IntegrityError as exc:
            raise ReaderError(
                f"{current.simplified} [{reading_with_marks(str(updates['reading']))}] is already in the list"
            ) from exc
    return Changed(vocabulary=frozenset({vocab_id}))


def delete(lib: Library, vocab_id: int) -> Deleted:
    """Remove a word from the list; the returned `Deleted.restore()` undoes it."""
    snapshot = get(lib, vocab_id)
    with lib.transaction():
        lib.conn.execute("DELETE FROM vocabulary WHERE id = ?", (vocab_id,))
    return Deleted(Changed(vocabulary=frozenset({vocab_id})), snapshot, lib)


def _set_known(lib: Library, vocab_id: int, known: bool) -> Changed:
    if get(lib, vocab_id).known == known:
        return Changed()
    with lib.transaction():
        lib.conn.execute("UPDATE vocabulary SET known = ?, updated = ? WHERE id = ?", (int(known), now(), vocab_id))
    return Changed(vocabulary=frozenset({vocab_id}))


def mark_known(lib: Library, vocab_id: int) -> Changed:
    """Mark a word as known: no reading is drawn above it any more."""
    return _set_known(lib, vocab_id, True)


def unmark(lib: Library, vocab_id: int) -> Changed:
    """Mark a known word as not known again."""
    return _set_known(lib, vocab_id, False)


@dataclass(frozen=True, slots=True)
class WordState:
    """Where a word (either script) stands in a reader's list: what the dictionary popup shows."""

    in_vocabulary: bool
    known: bool
    status: str = "new"  # new, learning1–learning5, known or ignored


def word_state(lib: Library, word: str, reader: str | None = None) -> WordState:
    """Whether a word, written in either script, is in the list and whether it is marked known."""
    rows = find(lib, word, reader=reader)
    status = max((r.status for r in rows), key=_STATUS_ORDER.index, default="new")
    return WordState(bool(rows), any(r.known for r in rows), status)


def set_word_known(
    lib: Library, word: str, known: bool, *, article_id: int | None = None, start: int | None = None,
    end: int | None = None, reader: str | None = None, dictionary: Dictionary | None = None,
) -> Changed:
    """Mark a word (either script) known, or not known, in one transaction: every row of it in the list.

    A word not yet in the list is added, known, with its sentence when `article_id` and offsets are given
    (as `add` keeps them); unmarking a word that is not in the list changes nothing.
    """
    with lib.transaction():
        rows = find(lib, word, reader=reader)
        if not rows:
            if not known:
                return Changed()
            return add(lib, word, article_id=article_id, start=start, end=end, reader=reader, known=True,
                       dictionary=dictionary).changed
        ids = [r.id for r in rows if r.known != known]
        stamp = now()
        for vid in ids:
            lib.conn.execute("UPDATE vocabulary SET known = ?, updated = ? WHERE id = ?", (int(known), stamp, vid))
    return Changed(vocabulary=frozenset(ids)) if ids else Changed()


def word_in_sentence(sentence: str, words: Iterable[str]) -> tuple[int, int] | None:
    """[start, end) of the earliest occurrence of one of `words` in the sentence (longest on a tie)."""
    best: tuple[int, int] | None = None
    for word in words:
        if not word:
            continue
        pos = sentence.find(word)
        if pos != -1 and (best is None or pos < best[0] or (pos == best[0] and len(word) > best[1] - best[0])):
            best = (pos, pos + len(word))
    return best


def article_context(lib: Library, entries: Iterable[VocabEntry]) -> tuple[dict[int, str], dict[int, tuple[int, int]]]:
    """For exports: (article id → title, word id → where the word is in its example sentence).

    The place is exact when the article still has that sentence around the word's offsets; otherwise it
    is the first occurrence of the word in the sentence, in either script.
    """
    entries = list(entries)
    titles: dict[int, str] = {}
    texts: dict[int, str] = {}
    for aid in sorted({e.article_id for e in entries if e.article_id is not None}):
        try:
            info = lib.article(aid)
        except NotFound:
            continue
        titles[aid] = info.title
        texts[aid] = lib.revision_text(info.revision_id)
    spans: dict[int, tuple[int, int]] = {}
    for entry in entries:
        if not entry.sentence:
            continue
        text = texts.get(entry.article_id) if entry.article_id is not None else None
        surface = ""
        span: tuple[int, int] | None = None
        if text and entry.start is not None and entry.end is not None and 0 <= entry.start < entry.end <= len(text):
            surface = text[entry.start:entry.end]
            a, b = sentence_bounds(text, entry.start)
            if text[a:b] == entry.sentence and entry.end <= b:
                span = (entry.start - a, entry.end - a)
        span = span or word_in_sentence(entry.sentence, (surface, entry.traditional, entry.simplified))
        if span:
            spans[entry.id] = span
    return titles, spans
