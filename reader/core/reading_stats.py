"""Reading statistics (core layer): "page done", words read, new words met and words learned per day, streak.

`mark_done` marks every new word of a range of an article known (a dictionary word with no status yet, by
its simplified form, so both scripts share it) and records the range as read, in one transaction; its
`Edit.undo()` restores exactly what was there and takes the range and its status changes out of the history.

Where the numbers come from (schema migration 9, docs/schema.md):
- words read: `pages_read`, one row per range marked done (its running words);
- new words met: `words_seen`, the first range each word was read in;
- words learned: `word_events`, written by triggers on `vocabulary` in the transaction of every status
  change, whoever makes it (popup, keys, CLI, page done, another program). A word counts as learned on a day
  when it went to known that day and was still known at the day's end. An undone edit (a page done, or a
  status set through `word_status.set_word_status`) takes its changes out of `word_events`, whenever it is
  undone; a status set back by hand the same day does not count either.
Days are local dates, fixed when the change is written.
"""
from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from reader.core import vocabulary
from reader.core.dictionary import Dictionary
from reader.core.edits import Edit
from reader.core.errors import ReaderError
from reader.core.identity import owner_key
from reader.core.library import Changed, Library, now
from reader.core.pipeline.readings import is_han
from reader.core.scaffolding import shared_dictionary
from reader.core.text import Paragraph, Token

#: Statuses that count as known in shares (an ignored word is not one to learn).
KNOWN_STATUSES = ("known", "ignored")


_keys: weakref.WeakKeyDictionary[Dictionary, dict[str, str | None]] = weakref.WeakKeyDictionary()


def word_key(text: str, dictionary: Dictionary) -> str | None:
    """A token's word as statuses are kept (its dictionary simplified form), or None when it is not a
    word to count: no Han character (punctuation, numbers, Latin), or not in the dictionary. Memoised."""
    memo = _keys.get(dictionary)
    if memo is None:
        memo = _keys[dictionary] = {}
    try:
        return memo[text]
    except KeyError:
        pass
    key = None
    if any(is_han(ch) for ch in text):
        entries = dictionary.lookup(text)
        key = entries[0].simplified if entries else None
    memo[text] = key
    return key


def today() -> str:
    """The local date, as `pages_read.day` and `word_events.day` store it."""
    return date.today().isoformat()


@dataclass(frozen=True)
class Done:
    """What `mark_done` did: words marked known, running words read, words met for the first time."""

    marked: int
    words: int
    new_words: int
    edit: Edit


@dataclass
class _PageDone:
    """One "page done": apply, undo and redo it (each one transaction)."""

    lib: Library
    article_id: int
    title: str
    start: int
    end: int
    words: list[tuple[Token, str]]  # the words of the range in text order, with their simplified form
    sentences: dict[int, str]  # token start → its sentence
    dictionary: Dictionary
    day: str | None = None  # None: the local date when applied
    added: list[int] = field(default_factory=list)  # vocabulary rows this added
    updated: dict[int, str] = field(default_factory=dict)  # rows this turned from new to known → `updated` before
    page_id: int | None = None
    events: tuple[int, int] = (0, 0)  # word_events ids (first, last] this wrote
    marked: int = 0
    new_words: int = 0

    def apply(self) -> Changed:
        lib, conn = self.lib, self.lib.conn
        owner = owner_key(lib)
        with lib.transaction():
            first_event = _last_event(lib)
            keys = list(dict.fromkeys(key for _, key in self.words))
            status = _statuses(lib, owner, keys)
            self.added, self.updated = [], {}
            marked: set[str] = set()
            for tok, key in self.words:
                if status.get(key, "new") != "new":
                    continue
                status[key] = "known"
                marked.add(key)
                rows = {int(vid): str(stamp) for vid, stamp in conn.execute(
                    "SELECT id, updated FROM vocabulary WHERE reader = ? AND simplified = ? AND status = 'new'",
                    (owner, key))}
                if rows:
                    conn.executemany("UPDATE vocabulary SET status = 'known', updated = ? WHERE id = ?",
                                     [(now(), vid) for vid in rows])
                    self.updated.update(rows)
                else:
                    self._add(tok, owner)
            self.marked = len(marked)
            stamp = now()
            day = self.day or today()
            cur = conn.execute(
                'INSERT INTO pages_read (article_id, title, start, "end", words, new_words, marked_known, at, day)'
                " VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)",
                (self.article_id, self.title, self.start, self.end, len(self.words), self.marked, stamp, day))
            self.page_id = int(cur.lastrowid or 0)
            before = conn.total_changes
            conn.executemany("INSERT OR IGNORE INTO words_seen (word, page_id, day) VALUES (?, ?, ?)",
                             [(key, self.page_id, day) for key in keys])
            self.new_words = conn.total_changes - before
            conn.execute("UPDATE pages_read SET new_words = ? WHERE id = ?", (self.new_words, self.page_id))
            self.events = (first_event, _last_event(lib))
            if self.day is not None:  # a day given (tests, imports of history): the words learned that day too
                conn.execute("UPDATE word_events SET day = ? WHERE id > ? AND id <= ?", (self.day, *self.events))
        return Changed(vocabulary=frozenset([*self.added, *self.updated]))

    def _add(self, tok: Token, owner: str) -> None:
        """Add a word to the list, known, with its sentence and place (inside the caller's transaction)."""
        entries = self.dictionary.lookup(tok.text)
        reading = " ".join(r for r, ch in zip(tok.readings, tok.text, strict=False) if r and is_han(ch))
        entry = next((e for e in entries if e.reading == reading), entries[0])
        added = vocabulary.add(self.lib, entry, sentence=self.sentences.get(tok.start, ""), reader=owner,
                               known=True, dictionary=self.dictionary)
        vid = added.entry.id
        if added.created:
            self.lib.conn.execute('UPDATE vocabulary SET article_id = ?, start = ?, "end" = ? WHERE id = ?',
                                  (self.article_id, tok.start, tok.end, vid))
            self.added.append(vid)
        elif added.entry.status == "new":  # the entry's row was there under another form of the word
            self.lib.conn.execute("UPDATE vocabulary SET status = 'known', updated = ? WHERE id = ?", (now(), vid))
            self.updated[vid] = added.entry.updated

    def undo(self) -> Changed:
        lib, conn = self.lib, self.lib.conn
        added = list(self.added)
        with lib.transaction():
            first = _last_event(lib)
            conn.executemany("DELETE FROM vocabulary WHERE id = ?", [(vid,) for vid in added])
            conn.executemany("UPDATE vocabulary SET status = 'new', updated = ? WHERE id = ? AND status = 'known'",
                             [(stamp, vid) for vid, stamp in self.updated.items()])
            if self.page_id is not None:
                conn.execute("DELETE FROM pages_read WHERE id = ?", (self.page_id,))  # and its words_seen
            last = _last_event(lib)
            for low, high in (self.events, (first, last)):
                conn.execute("DELETE FROM word_events WHERE id > ? AND id <= ?", (low, high))
        return Changed(vocabulary=frozenset([*added, *self.updated]))


def _last_event(lib: Library) -> int:
    row = lib.conn.execute("SELECT MAX(id) FROM word_events").fetchone()
    return int(row[0] or 0)


def _statuses(lib: Library, owner: str, keys: list[str]) -> dict[str, str]:
    """Each word's status (the most settled of its rows), for the words that have any."""
    order = {s: n for n, s in enumerate(("new", "learning1", "learning2", "learning3", "learning4", "learning5",
                                           "known", "ignored"))}
    out: dict[str, str] = {}
    for chunk in range(0, len(keys), 500):
        part = keys[chunk:chunk + 500]
        rows = lib.conn.execute(
            f"SELECT simplified, status FROM vocabulary WHERE reader = ? AND simplified IN ({', '.join('?' * len(part))})",
            (owner, *part)).fetchall()
        for word, st in rows:
            if order.get(st, 0) >= order.get(out.get(word, "new"), 0):
                out[word] = st
    return out


def range_words(lib: Library, article_id: int, start: int, end: int,
                dictionary: Dictionary | None = None) -> tuple[list[tuple[Token, str]], dict[int, str]]:
    """The words (tokens starting in [start, end) that are dictionary words with Han characters) with their
    simplified form, and each one's sentence."""
    info = lib.article(article_id)
    text_len = lib.conn.execute("SELECT length(text) FROM revisions WHERE id = ?", (info.revision_id,)).fetchone()[0]
    if start >= end:
        raise ReaderError(f"the range {start}–{end} is empty: the end must come after the start")
    if not 0 <= start < end <= int(text_len):
        raise ReaderError(f"range {start}–{end} is outside article {article_id} (0–{text_len})")
    dic = dictionary or shared_dictionary()
    pars = [p for p in lib.paragraphs(info.revision_id) if p.end > start and p.start < end]
    tokens = lib.tokens(info.revision_id, pars)
    words: list[tuple[Token, str]] = []
    sentences: dict[int, str] = {}
    for par in pars:
        spans = vocabulary.sentence_spans(par.text)
        for tok in tokens.get(par.index, []):
            if not start <= tok.start < end:
                continue
            key = word_key(tok.text, dic)
            if key is None:
                continue
            words.append((tok, key))
            local = tok.start - par.start
            a, b = next(((a, b) for a, b in spans if a <= local < b), (0, len(par.text)))
            sentences[tok.start] = par.text[a:b]
    return words, sentences


def section_range(paragraphs: Sequence[Paragraph], offset: int) -> tuple[int, int] | None:
    """[start, end) of the section (heading to the next heading of the same or a higher rank) holding
    `offset`; None when the text has no headings (the section is the whole text)."""
    heads = [p for p in paragraphs if p.kind == "heading"]
    if not heads or not paragraphs:
        return None
    before = [p for p in heads if p.start <= offset]
    if not before:  # above the first heading: the text before it
        return paragraphs[0].start, heads[0].start
    head = before[-1]
    rank = head.level or 1
    following = [p for p in heads if p.start > head.start and (p.level or 1) <= rank]
    return head.start, following[0].start if following else paragraphs[-1].end


def mark_done(lib: Library, article_id: int, start: int | None = None, end: int | None = None, *,
              dictionary: Dictionary | None = None, day: str | None = None) -> Done:
    """Mark every new word in [start, end) of an article known and record the range as read (one transaction).

    Without a range: the whole article. `Done.edit.undo()` restores exactly the previous statuses and takes
    the range and its status changes out of the statistics; `redo()` marks again. `day` (a local ISO date)
    is for tests and imports; by default the day the change is made.
    """
    info = lib.article(article_id)
    if start is None or end is None:
        length = lib.conn.execute("SELECT length(text) FROM revisions WHERE id = ?", (info.revision_id,)).fetchone()[0]
        start = 0 if start is None else start
        end = int(length) if end is None else end
    dic = dictionary or shared_dictionary()
    words, sentences = range_words(lib, article_id, start, end, dic)
    page = _PageDone(lib, article_id, info.title, start, end, words, sentences, dic, day)
    changed = page.apply()
    label = f"mark {page.marked} words known"
    return Done(page.marked, len(words), page.new_words, Edit(label, changed, page.undo, page.apply,
                                                              before=None, after=page.marked))


# ------------------------------------------------------------------------------------------- per day


@dataclass(frozen=True)
class DayStats:
    day: str  # local ISO date
    words_read: int
    new_words: int
    learned: int
    pages: int

    def as_json(self) -> dict[str, object]:
        return {"day": self.day, "words_read": self.words_read, "new_words": self.new_words,
                "learned": self.learned, "pages": self.pages}


@dataclass(frozen=True)
class Summary:
    """Statistics for a window of days, totals of all time, and the streak."""

    days: list[DayStats]
    total_words_read: int
    total_new_words: int
    total_learned: int
    total_pages: int
    known_words: int  # words known (not ignored) now
    streak: int  # days in a row with reading, up to today (or yesterday, while today has none yet)
    longest_streak: int
    read_today: bool

    def as_json(self) -> dict[str, object]:
        return {
            "days": [d.as_json() for d in self.days],
            "totals": {"words_read": self.total_words_read, "new_words": self.total_new_words,
                       "learned": self.total_learned, "pages": self.total_pages, "known_words": self.known_words},
            "streak": {"current": self.streak, "longest": self.longest_streak, "read_today": self.read_today},
        }


def learned_per_day(lib: Library, reader: str | None = None) -> dict[str, int]:
    """Words that went to known on a day and were still known at its end, per local day."""
    rows = lib.conn.execute(
        """WITH spans AS (SELECT vocabulary_id, day, MIN(id) AS first, MAX(id) AS last FROM word_events
                          WHERE reader = ? GROUP BY vocabulary_id, day)
           SELECT s.day, COUNT(DISTINCT l.word) FROM spans s
           JOIN word_events f ON f.id = s.first JOIN word_events l ON l.id = s.last
           WHERE COALESCE(f.old_status, 'new') != 'known' AND l.new_status = 'known' GROUP BY s.day""",
        (reader or owner_key(lib),)).fetchall()
    return {str(d): int(n) for d, n in rows}


def streaks(days_read: Iterable[str], on: str) -> tuple[int, int]:
    """(current streak up to `on` — or up to the day before while `on` has no reading —, longest streak)."""
    days = sorted({date.fromisoformat(d) for d in days_read})
    longest = run = 0
    prev: date | None = None
    for d in days:
        run = run + 1 if prev is not None and d - prev == timedelta(days=1) else 1
        longest = max(longest, run)
        prev = d
    have = set(days)
    cursor = date.fromisoformat(on)
    if cursor not in have:
        cursor -= timedelta(days=1)
    current = 0
    while cursor in have:
        current += 1
        cursor -= timedelta(days=1)
    return current, longest


def summary(lib: Library, days: int = 30, *, on: str | None = None) -> Summary:
    """Per-day numbers for the `days` days up to `on` (default today, local), totals and streaks."""
    if days < 1:
        raise ReaderError("give at least one day")
    end = date.fromisoformat(on or today())
    first = end - timedelta(days=days - 1)
    conn = lib.conn
    read = {str(d): (int(w), int(p)) for d, w, p in conn.execute(
        "SELECT day, SUM(words), COUNT(*) FROM pages_read GROUP BY day")}
    met = {str(d): int(n) for d, n in conn.execute("SELECT day, COUNT(*) FROM words_seen GROUP BY day")}
    learned = learned_per_day(lib)
    window = []
    for k in range(days):
        day = (first + timedelta(days=k)).isoformat()
        words, pages = read.get(day, (0, 0))
        window.append(DayStats(day, words, met.get(day, 0), learned.get(day, 0), pages))
    (known,) = conn.execute("SELECT COUNT(DISTINCT simplified) FROM vocabulary WHERE reader = ? AND status = 'known'",
                            (owner_key(lib),)).fetchone()
    current, longest = streaks(read, end.isoformat())
    return Summary(window, sum(w for w, _ in read.values()), sum(met.values()), sum(learned.values()),
                   sum(p for _, p in read.values()), int(known), current, longest, end.isoformat() in read)

