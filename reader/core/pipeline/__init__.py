"""Text pipeline (core layer): segmentation → readings → tokens with offsets; display in any script.

`analyse` turns one paragraph into tokens. `display` turns a paragraph and its tokens into what the reading
view draws in a given script: the displayed text, the offset map, and each displayed character's reading.
Results of `analyse` are cached in SQLite per (revision, PIPELINE_VERSION) by the Library.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.pipeline import standards, tones
from reader.core.pipeline.script import OffsetMap, convert, convert_text
from reader.core.pipeline.segment import segment
from reader.core.text import Token


def word_readings(words: list[str]) -> list[list[str | None]]:
    """Readings for a segmented paragraph: one list per word, one entry per character (`polyphone.predict`)."""
    from reader.core.pipeline.polyphone import predict  # numpy and the model load on the first reading, not at start-up

    return predict(words)


# Bump when segmentation or readings change, so cached tokens are recomputed.
PIPELINE_VERSION = "6"


def analyse(text: str, base: int = 0) -> list[Token]:
    """Segment `text` and give every character its reading; offsets start at `base`.

    The segmenter's and the reading model's data are mostly Simplified, so a Traditional (or mixed) text is
    analysed in its Simplified form when the conversion keeps its length (nearly always), and the word
    boundaries and readings are carried back to the original characters.
    """
    return analyse_many([text], [base])[0]


def analyse_many(texts: Sequence[str], bases: Sequence[int] | None = None) -> list[list[Token]]:
    """`analyse` for many paragraphs: the same tokens, the reading model run once for all of them.

    Reading a book a few hundred paragraphs a call is several times faster than a paragraph a call.
    Offsets of the i-th paragraph start at `bases[i]` (default 0).
    """
    from reader.core.pipeline.polyphone import predict_many

    shown: list[list[str]] = []  # words in the text's own characters
    read: list[list[str]] = []  # the same words as the model reads them
    for text in texts:
        words, simp_words = segment_for_reading(text)
        shown.append(words)
        read.append(simp_words)
    out: list[list[Token]] = []
    originals = ["".join(words) for words in shown]
    for k, (words, readings) in enumerate(zip(shown, predict_many(read, originals=originals), strict=True)):
        tokens: list[Token] = []
        pos = bases[k] if bases is not None else 0
        for word, word_r in zip(words, readings, strict=True):
            tokens.append(Token(pos, pos + len(word), word, list(word_r)))
            pos += len(word)
        out.append(tokens)
    return out


def segment_for_reading(text: str) -> tuple[list[str], list[str]]:
    """Segment `text` as `analyse` does: (words in the text's own characters, the same words as read).

    A Traditional (or mixed) text is segmented in its Simplified form when the conversion keeps its length,
    and the word boundaries are carried back to the original characters.
    """
    from reader.core.pipeline.polyphone import particle_forms  # loads the model's data: only when read

    simplified = convert_text(text, "simplified")
    if len(simplified) != len(text):
        simplified = text
    simplified = particle_forms(simplified)  # a Traditional 著 particle is segmented as 着
    if simplified == text:
        words = segment(text)
        return words, words
    simp_words = segment(simplified)
    shown, pos = [], 0
    for w in simp_words:
        shown.append(text[pos : pos + len(w)])
        pos += len(w)
    return shown, simp_words


@dataclass(slots=True)
class DisplayToken:
    """A token as displayed: offsets into the displayed paragraph text, one reading per displayed char."""

    start: int
    end: int
    text: str
    readings: list[str | None]
    token: Token


@dataclass(slots=True)
class DisplayParagraph:
    text: str
    map: OffsetMap  # paragraph-relative canonical offsets ↔ displayed offsets
    tokens: list[DisplayToken]


def display(text: str, tokens: list[Token], script: str, base: int = 0,
            standard: str | None = None, spoken: bool = False) -> DisplayParagraph:
    """Display one paragraph (canonical `text` starting at canonical offset `base`) in `script`.

    `standard` is the reading standard ('mainland', 'taiwan', or 'auto'/None: Taiwan readings in the Taiwan
    script, see `standards`). `spoken` writes the tone changes of 一 and 不 (yí gè, bú shì, yì tiān) instead
    of their citation tones.
    """
    taiwan = standards.resolve(standard, script) == "taiwan"
    words = [t.text for t in tokens]
    shown, omap = convert(text, script, words)
    out: list[DisplayToken] = []
    for tok in tokens:
        cs, ce = tok.start - base, tok.end - base
        ds, de = omap.to_display(cs), omap.to_display(ce, end=True)
        dtext = shown[ds:de]
        if dtext == tok.text or (len(dtext) == len(tok.text) and script != "taiwan"):
            readings = tok.readings
        elif len(dtext) == len(tok.text) and _same_chars_modulo_script(tok.text, dtext):
            readings = tok.readings
        else:
            # A phrase was replaced (信息→資訊, U盘→隨身碟): read the displayed word itself.
            readings = word_readings([dtext])[0] if dtext else []
        if taiwan and any(readings):
            readings = standards.to_taiwan(dtext, list(readings)) if len(dtext) == len(readings) else readings
        out.append(DisplayToken(ds, de, dtext, list(readings), tok))
    if spoken and ("一" in text or "不" in text):
        flat = [r for tok in out for r in tok.readings]
        chars = "".join(tok.text for tok in out)
        if len(flat) == len(chars):
            changed = tones.spoken_tones(chars, flat)
            pos = 0
            for dtok in out:
                dtok.readings = changed[pos : pos + len(dtok.readings)]
                pos += len(dtok.readings)
    return DisplayParagraph(shown, omap, out)


def _same_chars_modulo_script(canonical: str, shown: str) -> bool:
    """True when `shown` is a character-by-character conversion of `canonical` (no phrase swap)."""
    from reader.core.pipeline.script import convert_text

    return convert_text(shown, "simplified") == convert_text(canonical, "simplified")


__all__ = ["PIPELINE_VERSION", "analyse", "analyse_many", "segment_for_reading", "display", "DisplayParagraph", "DisplayToken", "segment"]
