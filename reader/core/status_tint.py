"""Word status tint (core layer): which words of a paragraph are tinted, and how strongly, by their status.

A word of the dictionary the reader has given no status is *new* (strongest tint); learning 1–5 fade
step by step; known and ignored words, punctuation, numbers, Latin text and Han words the dictionary
does not have are never tinted. Statuses belong to the word in both scripts: `word_statuses` maps the
simplified and the traditional form of every word in the reader's list to its status, and a displayed
token (say 資訊 for 信息 in the Taiwan script) is judged by its displayed and its canonical text.

A segmenter's compound the dictionary does not have (显著特点) is tinted as the dictionary words in it
(显著, 特点), each by its own status, as the dictionary popup looks them up. `StatusTints` memoises the
dictionary check per distinct word, so a paragraph's tints cost a dict lookup a token once seen.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from reader.core.dictionary import Dictionary
from reader.core.identity import owner_key
from reader.core.library import Library
from reader.core.pipeline.readings import is_han
from reader.core.word_status import STATUSES

#: Tint level per status: 0 (new) is the strongest, 5 (learning 5) the faintest; None: no tint.
TINT_LEVEL: dict[str, int | None] = {
    "new": 0, "learning1": 1, "learning2": 2, "learning3": 3, "learning4": 4, "learning5": 5,
    "known": None, "ignored": None,
}
LEVELS = 6  # tint levels 0..5
MAX_PART = 8  # longest dictionary word looked for inside a longer token


class _TokenLike(Protocol):
    start: int
    end: int
    text: str


def word_statuses(lib: Library, reader: str | None = None) -> dict[str, str]:
    """Every word in the reader's list, in both scripts, with its status (new words have none and are
    absent unless a row says 'new'). A word with rows in several statuses has the most settled one, as
    the dictionary popup shows it."""
    rows = lib.conn.execute(
        "SELECT simplified, traditional, status FROM vocabulary WHERE reader = ?", (reader or owner_key(lib),)
    ).fetchall()
    order = {s: k for k, s in enumerate(STATUSES)}
    out: dict[str, str] = {}
    for simplified, traditional, status in rows:
        if status not in order:
            continue
        for form in (simplified, traditional):
            if form and order[status] >= order.get(out.get(form, "new"), 0):
                out[form] = status
    return out


class StatusTints:
    """Tint levels of tokens, from the reader's statuses and which words the dictionary has."""

    def __init__(self, statuses: dict[str, str], is_word: Callable[[str], bool]) -> None:
        self.statuses = statuses
        self._is_word = is_word
        self._words: dict[str, bool] = {}
        self._parts: dict[str, list[tuple[int, int]]] = {}

    @classmethod
    def for_dictionary(cls, statuses: dict[str, str], dictionary: Dictionary) -> StatusTints:
        return cls(statuses, dictionary.has)

    def with_statuses(self, statuses: dict[str, str]) -> StatusTints:
        """The same dictionary check (and its memo) with other statuses."""
        tints = StatusTints(statuses, self._is_word)
        tints._words, tints._parts = self._words, self._parts
        return tints

    def is_word(self, text: str) -> bool:
        """A dictionary word with a Han character (memoised)."""
        known = self._words.get(text)
        if known is None:
            known = self._words[text] = any(is_han(ch) for ch in text) and self._is_word(text)
        return known

    def level(self, text: str, canonical: str | None = None) -> int | None:
        """The tint of one word as displayed (`canonical`: the same word in the article's own script)."""
        status = self.statuses.get(text)
        if status is None and canonical is not None and canonical != text:
            status = self.statuses.get(canonical)
        if status is not None:
            return TINT_LEVEL.get(status)
        if self.is_word(text) or (canonical is not None and canonical != text and self.is_word(canonical)):
            return 0
        return None

    def parts(self, text: str) -> list[tuple[int, int]]:
        """A word the dictionary does not have (a segmenter's compound such as 显著特点) as the dictionary
        words in it, longest first from the left: [(start, end)] within `text` (memoised)."""
        found = self._parts.get(text)
        if found is None:
            found, i, n = [], 0, len(text)
            while i < n:
                for j in range(min(n, i + MAX_PART), i, -1):
                    if self.is_word(text[i:j]):
                        found.append((i, j))
                        i = j
                        break
                else:
                    i += 1
            self._parts[text] = found
        return found

    def spans(self, tokens: Sequence[_TokenLike]) -> list[tuple[int, int, int]]:
        """(start, end, tint level) of every tinted word of a paragraph's tokens (`Token`s, or displayed
        `DisplayToken`s and then in displayed offsets). A token with a status, or of the dictionary, is
        one word; another token with Han characters is tinted by the dictionary words in it."""
        out: list[tuple[int, int, int]] = []
        level = self.level
        for tok in tokens:
            text = tok.text
            canonical = getattr(getattr(tok, "token", None), "text", None)
            whole = level(text, canonical)
            if whole is not None or self._settled(text, canonical):
                if whole is not None:
                    out.append((tok.start, tok.end, whole))
                continue
            if len(text) < 2:
                continue
            same = canonical is not None and len(canonical) == len(text)
            for a, b in self.parts(text):
                part = level(text[a:b], canonical[a:b] if same else None)  # type: ignore[index]
                if part is not None:
                    out.append((tok.start + a, tok.start + b, part))
        return out

    def _settled(self, text: str, canonical: str | None) -> bool:
        """Known or ignored as a whole (so its parts are not tinted either)."""
        return text in self.statuses or (canonical is not None and canonical in self.statuses)
