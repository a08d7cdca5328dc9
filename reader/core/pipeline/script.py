"""Script conversion with offset maps (core layer, pipeline): original / simplified / traditional / Taiwan.

OpenCC usually converts character for character, but phrase conversions (Taiwan: 信息→資訊 keeps the
length, U盘→隨身碟 does not) can change length. `convert` returns the displayed text and an `OffsetMap`
between canonical and displayed offsets, so a selection made in any display maps back to canonical text.
"""
from __future__ import annotations

import threading
from array import array
from collections.abc import Sequence
from functools import lru_cache

import opencc

SCRIPT_CONFIGS = {"simplified": "t2s.json", "traditional": "s2t.json", "taiwan": "s2twp.json"}
_local = threading.local()


def _converter(script: str) -> opencc.OpenCC:
    cache = getattr(_local, "converters", None)
    if cache is None:
        cache = _local.converters = {}
    conv = cache.get(script)
    if conv is None:
        conv = cache[script] = opencc.OpenCC(SCRIPT_CONFIGS[script])
    return conv


def convert_text(text: str, script: str) -> str:
    """Plain conversion without offsets (for search, normalisation, export titles)."""
    if script == "original" or not text:
        return text
    if script not in SCRIPT_CONFIGS:
        raise ValueError(f"unknown script {script!r}")
    return _converter(script).convert(text)


@lru_cache(maxsize=65536)
def _convert_word(word: str, script: str) -> str:
    return _converter(script).convert(word)


class OffsetMap:
    """Maps offsets between a canonical string and its displayed form.

    Offsets are boundaries (0..len). Inside a chunk whose length changed (U盘→隨身碟) a start boundary maps
    to the chunk's start and an end boundary to its end, so a mapped span always covers whole chunks.
    """

    __slots__ = ("canonical_len", "display_len", "_c2d_lo", "_c2d_hi", "_d2c_lo", "_d2c_hi")

    def __init__(self, canonical_len: int, display_len: int, chunks: Sequence[tuple[int, int]] | None = None):
        self.canonical_len = canonical_len
        self.display_len = display_len
        self._c2d_lo = self._c2d_hi = self._d2c_lo = self._d2c_hi = None
        if chunks is None:
            if canonical_len != display_len:
                raise ValueError("an identity map needs equal lengths")
            return
        c2d_lo, c2d_hi, d2c_lo, d2c_hi = array("i"), array("i"), array("i"), array("i")
        c = d = 0
        for clen, dlen in chunks:
            if clen == dlen:
                for k in range(clen):
                    c2d_lo.append(d + k)
                    c2d_hi.append(d + k)
                    d2c_lo.append(c + k)
                    d2c_hi.append(c + k)
            else:
                c2d_lo.append(d)
                c2d_hi.append(d)
                for _ in range(1, clen):
                    c2d_lo.append(d)
                    c2d_hi.append(d + dlen)
                d2c_lo.append(c)
                d2c_hi.append(c)
                for _ in range(1, dlen):
                    d2c_lo.append(c)
                    d2c_hi.append(c + clen)
            c += clen
            d += dlen
        if c != canonical_len or d != display_len:
            raise ValueError("chunks do not add up to the text lengths")
        for arr, value in ((c2d_lo, d), (c2d_hi, d), (d2c_lo, c), (d2c_hi, c)):
            arr.append(value)
        self._c2d_lo, self._c2d_hi, self._d2c_lo, self._d2c_hi = c2d_lo, c2d_hi, d2c_lo, d2c_hi

    @property
    def is_identity(self) -> bool:
        return self._c2d_lo is None

    def to_display(self, offset: int, *, end: bool = False) -> int:
        offset = max(0, min(offset, self.canonical_len))
        if self._c2d_lo is None or self._c2d_hi is None:
            return offset
        return (self._c2d_hi if end else self._c2d_lo)[offset]

    def to_canonical(self, offset: int, *, end: bool = False) -> int:
        offset = max(0, min(offset, self.display_len))
        if self._d2c_lo is None or self._d2c_hi is None:
            return offset
        return (self._d2c_hi if end else self._d2c_lo)[offset]

    def span_to_canonical(self, start: int, end: int) -> tuple[int, int]:
        """A displayed selection [start, end) → the canonical span that covers it."""
        if end < start:
            start, end = end, start
        return self.to_canonical(start), self.to_canonical(end, end=True)

    def span_to_display(self, start: int, end: int) -> tuple[int, int]:
        if end < start:
            start, end = end, start
        return self.to_display(start), self.to_display(end, end=True)


def convert(text: str, script: str, words: Sequence[str] | None = None) -> tuple[str, OffsetMap]:
    """Convert one paragraph for display and return (displayed text, offset map).

    `words` is the paragraph's segmentation (concatenating to `text`). When OpenCC keeps the length of the
    whole paragraph (the usual case) the map is the identity. Otherwise the paragraph is converted word by
    word, so each length change is confined to one word and the map stays exact.
    """
    if script == "original" or not text:
        return text, OffsetMap(len(text), len(text))
    whole = convert_text(text, script)
    if len(whole) == len(text):
        return whole, OffsetMap(len(text), len(text))
    if words is None:
        from reader.core.pipeline.segment import segment

        words = segment(text)
    parts = [_convert_word(w, script) for w in words]
    display = "".join(parts)
    return display, OffsetMap(len(text), len(display), [(len(w), len(p)) for w, p in zip(words, parts, strict=True)])
