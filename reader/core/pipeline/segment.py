"""Word segmentation with jieba (core layer, pipeline). Loaded lazily; quiet; cache kept in our cache folder."""
from __future__ import annotations

import logging
import threading
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


def segment(text: str) -> list[str]:
    """Split `text` into words; the concatenation of the result is exactly `text`.

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
