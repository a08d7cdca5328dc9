"""Personal glossary (core layer): your own translation, a note and a parent word per word, both scripts; undoable.

A gloss belongs to the word (its simplified form, as in the vocabulary list, so 聯合國 and 联合国 share one)
and lives in its own table, apart from the vocabulary rows: deleting the word from the list, or adding it
again with another reading, keeps what the reader wrote. The note is plain text (Markdown is shown as it
was typed); the parent is another word (看见 → 看, Lute's "parent term"). Writing a gloss for a word not in
the list adds the word (with its sentence when the article and offsets are given), as setting a status does.
`set_gloss` runs in one transaction and returns an undoable `Edit` (reader.core.edits).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from reader.core import vocabulary
from reader.core.dictionary import Dictionary
from reader.core.edits import Edit, noop_edit
from reader.core.errors import ReaderError
from reader.core.identity import owner_key
from reader.core.library import Changed, Library, now
from reader.core.pipeline.readings import is_han
from reader.core.pipeline.script import convert_text

MAX_TRANSLATION = 500  # characters: a translation is a line, not an essay
MAX_NOTE = 20_000
MAX_PARENT = 32


@dataclass(frozen=True, slots=True)
class Gloss:
    """What the reader wrote about one word."""

    word: str  # the simplified form
    translation: str = ""
    note: str = ""
    parent: str = ""  # another word's simplified form, '' for none
    created: str = ""
    updated: str = ""

    @property
    def empty(self) -> bool:
        return not (self.translation or self.note or self.parent)

    def as_json(self) -> dict[str, str]:
        return {"translation": self.translation, "note": self.note, "parent": self.parent}


def _forms(word: str) -> list[str]:
    word = word.strip()
    return list(dict.fromkeys((convert_text(word, "simplified"), word, convert_text(word, "traditional"))))


def _read(lib: Library, reader: str, words: list[str]) -> Gloss | None:
    """The first of `words` (in that order) that has a gloss."""
    marks = ", ".join("?" * len(words))
    rows = lib.conn.execute(
        "SELECT simplified, translation, note, parent, created, updated FROM glossary"
        f" WHERE reader = ? AND simplified IN ({marks})", (reader, *words)).fetchall()
    found = {row[0]: Gloss(*row) for row in rows}
    return next((found[w] for w in words if w in found), None)


def get_gloss(lib: Library, word: str, reader: str | None = None) -> Gloss | None:
    """A word's gloss (the word in either script), or None when the reader wrote none."""
    if not word.strip():
        return None
    name = reader or owner_key(lib)
    keys = [r.simplified for r in vocabulary.find(lib, word, reader=name)]
    return _read(lib, name, list(dict.fromkeys([*keys, *_forms(word)])))


def glosses(lib: Library, reader: str | None = None) -> dict[str, Gloss]:
    """Every gloss of a reader, by simplified form (exports and the vocabulary panel join on it)."""
    rows = lib.conn.execute(
        "SELECT simplified, translation, note, parent, created, updated FROM glossary WHERE reader = ?",
        (reader or owner_key(lib),)).fetchall()
    return {row[0]: Gloss(*row) for row in rows}


def children(lib: Library, word: str, reader: str | None = None) -> list[str]:
    """The words whose parent is this one (看 → 看见, 看懂), in the order they were glossed."""
    forms = _forms(word)
    marks = ", ".join("?" * len(forms))
    rows = lib.conn.execute(
        f"SELECT simplified FROM glossary WHERE reader = ? AND parent != '' AND parent IN ({marks})"
        " ORDER BY created, simplified",  # parent != '': the partial index idx_glossary_parent serves it
        (reader or owner_key(lib), *forms)).fetchall()
    return [r[0] for r in rows]


def _key(lib: Library, word: str, reader: str, dictionary: Dictionary | None) -> str:
    """The simplified form a word's gloss is kept under: its vocabulary rows', else its dictionary entry's."""
    rows = vocabulary.find(lib, word, reader=reader)
    if rows:
        return rows[0].simplified
    existing = _read(lib, reader, _forms(word))
    if existing is not None:
        return existing.word
    return vocabulary.resolve_word(word, dictionary=dictionary).simplified


def clean_translation(text: str) -> str:
    """One line: whitespace folded; refused when too long."""
    text = " ".join(str(text).split())
    if len(text) > MAX_TRANSLATION:
        raise ReaderError(f"the translation is {len(text)} characters long; keep it under {MAX_TRANSLATION}"
                          " (longer text belongs in the note)")
    return text


def clean_note(text: str) -> str:
    """Plain text (Markdown kept as typed): line ends made \\n, trailing space trimmed; refused when too long."""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
    if len(text) > MAX_NOTE:
        raise ReaderError(f"the note is {len(text)} characters long; keep it under {MAX_NOTE}")
    return text


def _parent_key(lib: Library, reader: str, parent: str, dictionary: Dictionary | None) -> str:
    parent = parent.strip()
    if not parent:
        return ""
    if len(parent) > MAX_PARENT or not any(is_han(ch) for ch in parent) or any(ch.isspace() for ch in parent):
        raise ReaderError(f"the parent {parent!r} is not a Chinese word; give one word, such as 看 for 看见")
    return _key(lib, parent, reader, dictionary)


def _check_no_loop(lib: Library, reader: str, word: str, parent: str) -> None:
    """A parent may not be the word itself, nor one of its own descendants (看 → 看见 → 看)."""
    if parent == word:
        raise ReaderError(f"{word} cannot be its own parent")
    seen = {parent}
    step = parent
    while step:
        row = lib.conn.execute("SELECT parent FROM glossary WHERE reader = ? AND simplified = ?",
                               (reader, step)).fetchone()
        step = row[0] if row else ""
        if step == word:
            raise ReaderError(f"{parent} cannot be the parent of {word}: {word} is already a parent of {parent}")
        if step in seen:  # a loop written by another tool: stop walking it
            return
        seen.add(step)


def _write(lib: Library, reader: str, key: str, gloss: Gloss | None) -> None:
    """Store (or, for None or an empty gloss, remove) a word's gloss; inside the caller's transaction."""
    if gloss is None or gloss.empty:
        lib.conn.execute("DELETE FROM glossary WHERE reader = ? AND simplified = ?", (reader, key))
        return
    lib.conn.execute(
        "INSERT INTO glossary (reader, simplified, translation, note, parent, created, updated)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (reader, simplified) DO UPDATE SET translation = excluded.translation,"
        " note = excluded.note, parent = excluded.parent, updated = excluded.updated",
        (reader, key, gloss.translation, gloss.note, gloss.parent, gloss.created or gloss.updated, gloss.updated))


@dataclass
class _GlossChange:
    """What one gloss change did, so it can be undone and done again."""

    lib: Library
    reader: str
    word: str  # as the reader gave it (either script)
    key: str
    after: Gloss
    where: dict[str, object]
    before: Gloss | None = None
    added: int | None = None  # the vocabulary row this change added
    rows: list[int] = field(default_factory=list)

    def apply(self) -> Changed:
        lib = self.lib
        with lib.transaction():
            self.before = _read(lib, self.reader, [self.key])
            rows = vocabulary.find(lib, self.key, reader=self.reader)
            self.added = None
            if not rows and not self.after.empty:
                entry = vocabulary.add(lib, self.word, reader=self.reader, **self.where).entry  # type: ignore[arg-type]
                self.added = entry.id
                rows = [entry]
            self.rows = [r.id for r in rows]
            stamp = now()
            created = self.before.created if self.before is not None else stamp
            _write(lib, self.reader, self.key, replace(self.after, created=created, updated=stamp))
        return Changed(vocabulary=frozenset(self.rows), glossary=frozenset({self.key}))

    def undo(self) -> Changed:
        lib = self.lib
        touched = set(self.rows)
        with lib.transaction():
            if self.added is not None:
                lib.conn.execute("DELETE FROM vocabulary WHERE id = ?", (self.added,))
            _write(lib, self.reader, self.key, self.before)
        return Changed(vocabulary=frozenset(touched), glossary=frozenset({self.key}))


def set_gloss(
    lib: Library, word: str, *, translation: str | None = None, note: str | None = None, parent: str | None = None,
    article_id: int | None = None, start: int | None = None, end: int | None = None, reader: str | None = None,
    dictionary: Dictionary | None = None,
) -> Edit:
    """Write a word's own translation, note and/or parent (None keeps a field, '' clears it), in one
    transaction; `Edit.undo()` puts the old gloss back (and removes the word from the list if this added it).

    `Edit.before` / `Edit.after` are the word's `Gloss` before and after (None when there was none).
    """
    word = word.strip()
    if not word or not any(is_han(ch) for ch in word):
        raise ReaderError(f"{word!r} is not a Chinese word" if word else "give a word to write a translation for")
    name = reader or owner_key(lib)
    values = {
        "translation": None if translation is None else clean_translation(translation),
        "note": None if note is None else clean_note(note),
    }
    key = _key(lib, word, name, dictionary)
    if parent is not None:
        values["parent"] = _parent_key(lib, name, parent, dictionary)
        if values["parent"]:
            _check_no_loop(lib, name, key, values["parent"])
    current = _read(lib, name, [key]) or Gloss(key)
    after = replace(current, **{k: v for k, v in values.items() if v is not None})
    label = f"gloss {word}"
    if (after.translation, after.note, after.parent) == (current.translation, current.note, current.parent):
        return noop_edit(label, before=None if current.empty else current, after=None if current.empty else current)
    change = _GlossChange(lib, name, word, key, after, {
        "article_id": article_id, "start": start, "end": end, "dictionary": dictionary,
    })
    changed = change.apply()
    stored = _read(lib, name, [key])
    return Edit(label, changed, change.undo, change.apply, before=change.before, after=stored)
