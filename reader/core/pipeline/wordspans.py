"""Dictionary words found in a paragraph (core layer, pipeline): where pypinyin's phrases and CC-CEDICT's
words lie, as the decision rule (`polyphone`) weighs them, and the votes they cast for a character."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection

from pypinyin.constants import PHRASES_DICT

#: Longest dictionary word looked for around a character.
MAX_WORD_LENGTH = 8


class Spans:
    """Dictionary words found in a text, as (start, end) in text order, looked up by the position they cover."""

    __slots__ = ("spans", "starts", "members", "longest")

    def __init__(self, spans: list[tuple[int, int]], length: int = 0) -> None:
        self.spans = spans
        self.starts = [s for s, _ in spans]
        self.members = frozenset(spans)
        self.longest = [0] * length  # length of the longest word covering each position
        longest = self.longest
        for start, end in spans:
            size = end - start
            for k in range(start, end):
                if longest[k] < size:
                    longest[k] = size

    def covering(self, i: int) -> list[tuple[int, int]]:
        """The spans that cover position `i`, in text order (words are at most MAX_WORD_LENGTH long)."""
        lo = bisect_left(self.starts, i - MAX_WORD_LENGTH + 1)
        hi = bisect_right(self.starts, i)
        return [span for span in self.spans[lo:hi] if span[1] > i]


def prefixes(words: Collection[str]) -> frozenset[str]:
    """Every prefix of every word: a scan stops extending a candidate as soon as it is no word's prefix."""
    return frozenset(word[:k] for word in words for k in range(1, len(word) + 1))


def phrase_prefixes() -> Collection[str]:
    """Prefixes of pypinyin's phrase dictionary (pypinyin keeps this set for its own segmenter)."""
    from pypinyin.seg import mmseg

    found = getattr(mmseg.p_set, "_set", None)
    return found if isinstance(found, (set, frozenset)) else prefixes(PHRASES_DICT.keys())


def dictionary_words(text: str, words: list[str], cedict: Collection[str], doubtful: frozenset[str],
                     phrase_prefixes: Collection[str],
                     cedict_prefixes: Collection[str]) -> tuple[Spans, Spans, list[tuple[int, int]]]:
    """(start, end) of the pypinyin phrases and CC-CEDICT words (2–8 characters) found in `text`, and of
    the segmented word each character belongs to.

    A dictionary word counts only where it agrees with the segmentation: inside one segmented word, or
    starting and ending on word boundaries (为人 does not count in 为|人民|服务).
    """
    word_of: list[tuple[int, int]] = []
    pos = 0
    for word in words:
        word_of.extend([(pos, pos + len(word))] * len(word))
        pos += len(word)
    word_start = [start for start, _ in word_of]
    boundaries = {*word_start, pos}
    phrases: list[tuple[int, int]] = []
    entries: list[tuple[int, int]] = []
    n = len(text)
    for start in range(n - 1):
        starts_word = start in boundaries
        for end in range(start + 2, min(start + MAX_WORD_LENGTH, n) + 1):
            word = text[start:end]
            in_phrases = word in phrase_prefixes
            in_cedict = word in cedict_prefixes
            if not (in_phrases or in_cedict):
                break  # no longer word starts with this one either
            if not (starts_word and end in boundaries) and word_start[end - 1] != word_start[start]:
                continue
            if in_phrases and word in PHRASES_DICT:
                phrases.append((start, end))
            if in_cedict and word in cedict and not doubtful.isdisjoint(word):
                entries.append((start, end))
    return Spans(phrases, n), Spans(entries, n), word_of


def word_votes(text: str, i: int, spans: Spans,
           reading_of: Callable[[str, int], str | None]) -> dict[str, float]:
    """Votes (summing to 1) for the readings that the longest words in `spans` covering `i` give it.

    A longest word whose entries disagree about the character casts no vote (and still hides shorter words).
    """
    longest = 0
    found: list[str | None] = []
    for start, end in spans.covering(i):
        length = end - start
        if length > longest:
            longest, found = length, []
        if length == longest:
            found.append(reading_of(text[start:end], i - start))
    given = [r for r in found if r]
    return {r: given.count(r) / len(given) for r in set(given)} if given else {}
