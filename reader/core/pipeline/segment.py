"""Word segmentation with jieba (core layer, pipeline), honouring a library's terms and splits.

jieba is loaded lazily, quiet, its cache kept in our cache folder. `UserWords` are a reader's corrections:
terms (several characters always one word) and splits (a word the segmenter joins, cut where the reader
said); `segment(text, user)` applies them, and without them is jieba's segmentation unchanged.
"""
from __future__ import annotations

import logging
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from math import log

_lock = threading.Lock()
_tokenizer = None


def _get_tokenizer():  # noqa: ANN202 - jieba has no type hints
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            import jieba

            from reader.core.paths import cache_dir

            jieba.setLogLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            try:
                folder = cache_dir()
                folder.mkdir(parents=True, exist_ok=True)
                tokenizer.tmp_dir = str(folder)
            except OSError:
                pass  # jieba falls back to the system temp folder
            tokenizer.initialize()
            _tokenizer = tokenizer
        return _tokenizer


@dataclass(frozen=True)
class UserWords:
    """A library's terms and splits, in the simplified form the segmenter reads.

    `terms` maps a term to its readings (one TONE3 syllable per Chinese character) or None (the model
    reads it); `splits` maps a word to the lengths of its parts (研究生 → (2, 1)). Both are matched
    leftmost-longest; a term wins over a split's cut inside it.
    """

    terms: Mapping[str, tuple[str, ...] | None] = field(default_factory=dict)
    splits: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    _terms_re: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)
    _splits_re: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_terms_re", _alternation(self.terms))
        object.__setattr__(self, "_splits_re", _alternation(self.splits))

    def __bool__(self) -> bool:
        return bool(self.terms or self.splits)

    def boundaries(self, text: str) -> tuple[list[tuple[int, int]], list[int]]:
        """(spans of the terms in `text`, positions where a split cuts it outside those spans)."""
        spans = [m.span() for m in self._terms_re.finditer(text)] if self._terms_re is not None else []
        cuts: list[int] = []
        if self._splits_re is not None:
            inside = {i for a, b in spans for i in range(a + 1, b)}
            for m in self._splits_re.finditer(text):
                pos = m.start()
                for size in self.splits[m.group()][:-1]:
                    pos += size
                    if pos not in inside:
                        cuts.append(pos)
        return spans, cuts


def _alternation(words: Mapping[str, object]) -> re.Pattern[str] | None:
    """One regular expression matching any of `words`, the longest first."""
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))))


def segment(text: str, user: UserWords | None = None) -> list[str]:
    """Split `text` into words; the concatenation of the result is exactly `text`.

    With `user` words, every term found in `text` is one word and every split cuts where it says; the
    pieces in between are segmented as usual.
    """
    if user:
        spans, cuts = user.boundaries(text)
        if spans or cuts:
            return _segment_with(text, spans, cuts)
    return _segment(text)


def _segment_with(text: str, spans: list[tuple[int, int]], cuts: list[int]) -> list[str]:
    """`text` cut at the edges of `spans` (each kept whole) and at `cuts`; the rest segmented as usual."""
    whole = dict(spans)
    marks = sorted({0, len(text), *cuts, *(a for a, _ in spans), *(b for _, b in spans)})
    words: list[str] = []
    for a, b in zip(marks, marks[1:], strict=False):
        if whole.get(a) == b:
            words.append(text[a:b])
        else:
            words.extend(_segment(text[a:b]))
    return words


def _segment(text: str) -> list[str]:
    """Split `text` into words with jieba; the concatenation of the result is exactly `text`.

    The same words as jieba's `Tokenizer.cut(text, HMM=True)`, a third faster: its best-path search over
    the dictionary is done in one backward pass (see `_cut_han`); unknown runs go to jieba's own HMM.
    """
    if not text:
        return []
    tokenizer = _get_tokenizer()
    import jieba

    han, skip = jieba.re_han_default, jieba.re_skip_default
    words: list[str] = []
    for block in han.split(text):
        if not block:
            continue
        if han.match(block):
            _cut_han(tokenizer, block, words)
        else:
            for part in skip.split(block):
                if skip.match(part):
                    words.append(part)
                else:
                    words.extend(part)
    return words


def _cut_han(tokenizer, sentence: str, words: list[str]) -> None:  # noqa: ANN001 - jieba.Tokenizer
    """jieba's `__cut_DAG` for one block: the most probable path through the dictionary words, with runs of
    single characters not in the dictionary handed to its HMM (`finalseg`).

    jieba builds the graph of dictionary words (`get_DAG`), then scores paths backwards (`calc`): the score
    at i is the best over words sentence[i:j+1] of log(freq) - log(total) + score at j+1, ties to the longer
    word. Here each position's words are found while scoring it, with the same arithmetic in the same order.
    """
    from jieba import finalseg

    freq = tokenizer.FREQ.get
    logtotal = log(tokenizer.total)
    n = len(sentence)
    scores = [0.0] * (n + 1)
    ends = [0] * n
    for idx in range(n - 1, -1, -1):
        best = 0.0
        best_end = -1
        i = idx
        frag = sentence[idx]
        while i < n:
            f = freq(frag)
            if f is None:
                break
            if f:
                score = log(f) - logtotal + scores[i + 1]
                if best_end < 0 or score >= best:
                    best, best_end = score, i
            i += 1
            frag = sentence[idx : i + 1]
        if best_end < 0:  # no dictionary word starts here: the character alone
            best, best_end = log(freq(sentence[idx]) or 1) - logtotal + scores[idx + 1], idx
        scores[idx] = best
        ends[idx] = best_end

    def flush(buf: str) -> None:
        if len(buf) == 1:
            words.append(buf)
        elif not freq(buf):
            words.extend(finalseg.cut(buf))
        else:
            words.extend(buf)

    x = 0
    buf = ""
    while x < n:
        y = ends[x] + 1
        if y - x == 1:
            buf += sentence[x]
        else:
            if buf:
                flush(buf)
                buf = ""
            words.append(sentence[x:y])
        x = y
    if buf:
        flush(buf)


def warm_up() -> None:
    """Load the segmenter's dictionary now (it takes about a second the first time)."""
    _get_tokenizer()
