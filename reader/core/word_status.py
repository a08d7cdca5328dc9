"""Word status (core layer): how well the reader knows a word — new, learning 1–5, known or ignored.

A status belongs to the word (its simplified form, so both scripts share it): setting it changes every
row of that word in the vocabulary list, all readings, in one transaction, and adds the word (with its
sentence) when it is not in the list yet. Known and ignored words get no reading under scaffolding;
learning words keep theirs. `set_word_status` returns an undoable `Edit` (reader.core.edits); undone, the
change also leaves the reading statistics (`word_events`, reader.core.reading_stats).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from reader.core import vocabulary
from reader.core.dictionary import Dictionary
from reader.core.edits import Edit, noop_edit
from reader.core.errors import ReaderError
from reader.core.library import Changed, Library, now

#: Every status, least to most settled (ignored: not a word to learn, e.g. a name).
STATUSES = ("new", "learning1", "learning2", "learning3", "learning4", "learning5", "known", "ignored")
LEARNING = STATUSES[1:6]

_ALIASES = {"0": "new", "n": "new", "k": "known", "✓": "known", "i": "ignored", "ignore": "ignored",
            "x": "ignored"}


def parse_status(text: str) -> str:
    """A status as a person types it: 'new', '1'–'5' (or 'learning 3'), 'known'/'k', 'ignored'/'i'."""
    key = "".join(str(text).split()).lower()
    if key in STATUSES:
        return key
    if key in _ALIASES:
        return _ALIASES[key]
    if key.isdigit() and 1 <= int(key) <= 5:
        return f"learning{key}"
    raise ReaderError(f"unknown status {text!r}: give new, 1 to 5 (learning), known or ignored")


def status_label(status: str) -> str:
    """'learning3' → 'learning 3'; other statuses as they are."""
    return f"learning {status[-1]}" if status in LEARNING else status


@dataclass
class _StatusChange:
    """What one status change did, so it can be undone and done again."""

    lib: Library
    word: str
    status: str
    where: dict[str, object]
    before: dict[int, str] = field(default_factory=dict)  # row id → its status before
    added: int | None = None  # the row this change added to the list
    events: tuple[int, int] = (0, 0)  # the word_events ids (first, last] this change wrote (reading statistics)

    def apply(self) -> Changed:
        lib = self.lib
        with lib.transaction():
            first = _last_event(lib)
            rows = vocabulary.find(lib, self.word, reader=self.where.get("reader"))  # type: ignore[arg-type]
            self.before, self.added, self.events = {r.id: r.status for r in rows}, None, (first, first)
            if not rows:
                if self.status == "new":
                    return Changed()
                entry = vocabulary.add(lib, self.word, **self.where).entry  # type: ignore[arg-type]
                self.added = entry.id
                rows = [entry]
            ids = [r.id for r in rows if r.status != self.status]
            stamp = now()
            for vid in ids:
                lib.conn.execute("UPDATE vocabulary SET status = ?, updated = ? WHERE id = ?", (self.status, stamp, vid))
            self.events = (first, _last_event(lib))
        return Changed(vocabulary=frozenset(ids)) if ids else Changed()

    def undo(self) -> Changed:
        lib = self.lib
        touched = set(self.before)
        with lib.transaction():
            first = _last_event(lib)
            if self.added is not None:
                lib.conn.execute("DELETE FROM vocabulary WHERE id = ?", (self.added,))
                touched.add(self.added)
            stamp = now()
            for vid, status in self.before.items():
                lib.conn.execute("UPDATE vocabulary SET status = ?, updated = ? WHERE id = ? AND status != ?",
                                 (status, stamp, vid, status))
            # Undone, the change never happened: its status changes leave the statistics, and so does the undo.
            for low, high in (self.events, (first, _last_event(lib))):
                lib.conn.execute("DELETE FROM word_events WHERE id > ? AND id <= ?", (low, high))
        return Changed(vocabulary=frozenset(touched))


def _last_event(lib: Library) -> int:
    """The newest status change recorded for the reading statistics (schema 9's `word_events`)."""
    return int(lib.conn.execute("SELECT COALESCE(MAX(id), 0) FROM word_events").fetchone()[0])


def set_word_status(
    lib: Library, word: str, status: str, *, article_id: int | None = None, start: int | None = None,
    end: int | None = None, reader: str | None = None, dictionary: Dictionary | None = None,
) -> Edit:
    """Give a word (either script) a status, in one transaction; `Edit.undo()` puts the old ones back.

    A word not in the list is added (with its sentence when `article_id` and offsets are given, as
    `vocabulary.add` keeps them); setting 'new' on a word not in the list changes nothing.
    """
    status = parse_status(status)
    if not word.strip():
        raise ReaderError("give a word to set the status of")
    change = _StatusChange(lib, word.strip(), status, {
        "article_id": article_id, "start": start, "end": end, "reader": reader, "dictionary": dictionary,
    })
    changed = change.apply()
    label = f"mark {change.word} {status_label(status)}"
    if not changed.vocabulary:
        return noop_edit(label, before=status, after=status)
    before = max(change.before.values(), key=STATUSES.index, default="new")
    return Edit(label, changed, change.undo, change.apply, before=before, after=status)
