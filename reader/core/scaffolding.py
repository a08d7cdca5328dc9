"""Pinyin scaffolding (core layer): which words get a reading above them, by the reader's HSK level.

A reader chooses a level (`readers.hsk_level`): 0 shows every reading; at level N a reading is drawn only
above words whose HSK 3.0 level is above N, or that are not in the HSK list at all, and never above a word
the reader has marked as known. Levels 7, 8 and 9 are one band in HSK 3.0, so 8 and 9 count as 7.

`visible_tokens` decides for a whole paragraph at once and memoises HSK levels per dictionary, so calling
it on every repaint-affecting change (level, known words, script) costs microseconds per token.
"""
from __future__ import annotations

import threading
import weakref
from collections.abc import Collection, Sequence
from functools import lru_cache
from typing import Protocol

from reader.core.dictionary import HSK_BAND, Dictionary
from reader.core.errors import ReaderError
from reader.core.identity import owner_key
from reader.core.library import Changed, Library, now
from reader.core.pipeline.readings import is_han

#: What `set_level` reports as changed, so views showing readings can repaint.
LEVEL_SETTING = "hsk_level"
MAX_LEVEL = 9


class _TokenLike(Protocol):
    text: str


#: `HskLevels.rank` of a word without Han characters, and of a Han word the HSK list does not have.
NON_HAN = -1
UNLISTED = 1 << 20


class HskLevels:
    """Memoised HSK levels of words: one dictionary query per distinct word, then a dict lookup."""

    def __init__(self, dictionary: Dictionary) -> None:
        self.dictionary = dictionary
        self._levels: dict[str, int | None] = {}
        self._ranks: dict[str, int] = {}
        self._composed: dict[str, int] = {}

    def level(self, word: str) -> int | None:
        """`Dictionary.hsk_level`, memoised."""
        try:
            return self._levels[word]
        except KeyError:
            value = self._levels[word] = self.dictionary.hsk_level(word)
            return value

    def rank(self, word: str, compose: bool = False) -> int:
        """NON_HAN, the word's HSK level, or UNLISTED; with `compose`, an unlisted word made only of
        listed words (一场 = 一 + 场, 2026年) ranks as its hardest part."""
        memo = self._composed if compose else self._ranks
        value = memo.get(word)
        if value is None:
            value = memo[word] = self._rank(word, compose)
        return value

    def _rank(self, word: str, compose: bool) -> int:
        if not has_han(word):
            return NON_HAN
        level = self.level(word)
        if level is not None:
            return level
        if not compose:
            return UNLISTED
        hardest, i, n = 0, 0, len(word)
        while i < n:
            if not is_han(word[i]):
                i += 1
                continue
            for j in range(min(n, i + 8), i, -1):  # the longest listed word starting here
                part = self.level(word[i:j]) if j - i < n else None
                if part is not None:
                    hardest = max(hardest, part)
                    i = j
                    break
            else:
                return UNLISTED
        return hardest or UNLISTED

    def __len__(self) -> int:
        return len(self._levels)


_caches: weakref.WeakKeyDictionary[Dictionary, HskLevels] = weakref.WeakKeyDictionary()
_shared: Dictionary | None = None
_shared_lock = threading.Lock()


def shared_dictionary() -> Dictionary:
    """One read-only dictionary for the process (opened, and its index built if needed, on first use)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Dictionary.open_default()
        return _shared


def hsk_levels(dictionary: Dictionary | HskLevels | None = None) -> HskLevels:
    """The memo of HSK levels for a dictionary (the shared one when None); one memo per dictionary."""
    if isinstance(dictionary, HskLevels):
        return dictionary
    dictionary = dictionary or shared_dictionary()
    cache = _caches.get(dictionary)
    if cache is None:
        cache = _caches[dictionary] = HskLevels(dictionary)
    return cache


def normalise_level(level: int) -> int:
    """0..9 → 0..7 (8 and 9 are the 7-9 band); anything else is a user error with a clear message."""
    if isinstance(level, bool) or not isinstance(level, int) or not 0 <= level <= MAX_LEVEL:
        raise ReaderError(f"the HSK level must be a whole number from 0 (show every reading) to 9, not {level!r}")
    return min(level, HSK_BAND)


def level_label(level: int) -> str:
    """How a level reads in messages and menus: 'all readings', 'HSK 3', 'HSK 7-9'."""
    if level <= 0:
        return "all readings"
    return "HSK 7-9" if level >= HSK_BAND else f"HSK {level}"


def get_level(lib: Library, reader: str | None = None) -> int:
    """The reader's scaffolding level (0 when never set)."""
    row = lib.conn.execute("SELECT hsk_level FROM readers WHERE name = ?", (reader or owner_key(lib),)).fetchone()
    return int(row[0]) if row else 0


def set_level(lib: Library, reader: str | None, level: int) -> Changed:
    """Choose a reader's level (0 = show all readings). One transaction; reports `LEVEL_SETTING` changed."""
    level = normalise_level(level)
    name = reader or owner_key(lib)
    if get_level(lib, name) == level and _reader_exists(lib, name):
        return Changed()
    with lib.transaction():
        lib.conn.execute(
            "INSERT INTO readers (name, hsk_level, created) VALUES (?, ?, ?)"
            " ON CONFLICT(name) DO UPDATE SET hsk_level = excluded.hsk_level",
            (name, level, now()),
        )
    return Changed(settings=frozenset({LEVEL_SETTING}))


def _reader_exists(lib: Library, name: str) -> bool:
    return lib.conn.execute("SELECT 1 FROM readers WHERE name = ?", (name,)).fetchone() is not None


@lru_cache(maxsize=65536)
def has_han(text: str) -> bool:
    """True when the text has at least one Han character (the words that can carry a reading)."""
    return any(is_han(ch) for ch in text)


def show_reading(
    word: str, level: int, known: Collection[str], dictionary: Dictionary | HskLevels | None = None,
    *, compose: bool = False,
) -> bool:
    """Whether a reading belongs above `word` (simplified or traditional) for a reader at `level`.

    With `compose`, a word missing from the HSK list but made of listed words counts as its hardest part.
    """
    if not has_han(word) or word in known:
        return False
    if level <= 0:
        return True
    return hsk_levels(dictionary).rank(word, compose) > min(level, HSK_BAND)


def visible_tokens(
    tokens: Sequence[_TokenLike], level: int, known: Collection[str],
    dictionary: Dictionary | HskLevels | None = None, *, compose: bool = False,
) -> list[bool]:
    """`show_reading` for every token of a paragraph: `Token`s or displayed `DisplayToken`s.

    A displayed token (in another script, or a Taiwan phrase such as 資訊 for 信息) is also judged by its
    canonical word, so a word known or listed in one script counts in the other.
    """
    if not tokens:
        return []
    band = min(level, HSK_BAND)
    out: list[bool] = []
    append = out.append
    if band <= 0:
        for tok in tokens:
            text = tok.text
            canonical = getattr(tok, "token", tok).text
            shown = has_han(text) and not (known and (text in known or canonical in known))
            if shown and compose and known and _known_inside(text, canonical, 0, known, hsk_levels(dictionary)):
                shown = False  # a segmenter's long word made only of known words
            append(shown)
        return out
    levels = hsk_levels(dictionary)
    rank = levels.rank
    for tok in tokens:
        text = tok.text
        r = rank(text, compose)
        if r == NON_HAN:
            append(False)
            continue
        canonical = getattr(tok, "token", tok).text
        if known and (text in known or canonical in known):
            append(False)
            continue
        if r == UNLISTED and canonical != text:
            r = rank(canonical, compose)
        if r > band and compose and known and _known_inside(text, canonical, band, known, levels):
            r = band  # e.g. 国际组织 for a reader who knows 国际 and is past 组织's level
        append(r > band)
    return out


def _known_inside(word: str, canonical: str, band: int, known: Collection[str], levels: HskLevels) -> bool:
    """Whether an unlisted `word` reads as known words plus parts at or below `band` (at least one known).

    A segmenter's long words (联合国安理会) hold words the reader has marked known; they count as known
    inside longer words too, as long as every other part is easy for the reader. A word of the HSK list
    (外交, 时事) is judged as itself, never by its characters, and a word with no known part is left to
    the level rule, so marking one word known changes the readings of the words that contain it only.
    """
    if levels.level(word) is not None or (canonical != word and levels.level(canonical) is not None):
        return False
    return _made_of_easy_parts(word, band, known, levels)


def _made_of_easy_parts(word: str, band: int, known: Collection[str], levels: HskLevels) -> bool:
    """Whether `word` reads, longest word first, as parts each known or listed at or below `band`, with at
    least one known part. Parts are taken as the `compose` rule takes them, the longest known or listed
    word first, so a hard word is never excused by splitting it into easy characters."""
    n = len(word)
    if n < 2 or n > 24:
        return False
    i, any_known = 0, False
    while i < n:
        if not is_han(word[i]):
            i += 1
            continue
        for j in range(min(n, i + 8), i, -1):
            part = word[i:j]
            if part == word:
                continue  # the whole word was judged already
            if part in known:
                any_known = True
                break
            level = levels.level(part)
            if level is not None:
                if level > band:
                    return False
                break
        else:
            return False  # a character that is neither known nor listed
        i = j
    return any_known
