"""Text pipeline (core layer): segmentation → readings → tokens with offsets; display in any script.

`analyse` turns one paragraph into tokens. `display` turns a paragraph and its tokens into what the reading
view draws in a given script: the displayed text, the offset map, and each displayed character's reading.
Results of `analyse` are cached in SQLite per (revision, PIPELINE_VERSION) by the Library. A library's
terms and splits (`UserWords`) are applied to the Simplified form every paragraph is read in
(`reading_form`), so they work on Traditional text too.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.pipeline import lexicon, standards, tones
from reader.core.pipeline.script import OffsetMap, convert, convert_text
from reader.core.pipeline.segment import UserWords, segment
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


def analyse_many(texts: Sequence[str], bases: Sequence[int] | None = None,
                 user: UserWords | None = None) -> list[list[Token]]:
    """`analyse` for many paragraphs: the same tokens, the reading model run once for all of them.

    Reading a book a few hundred paragraphs a call is several times faster than a paragraph a call.
    Offsets of the i-th paragraph start at `bases[i]` (default 0). `user` words (a library's terms and
    splits) change the segmentation, and a term with a reading is read so.
    """
    from reader.core.pipeline.polyphone import predict_many

    shown: list[list[str]] = []  # words in the text's own characters
    read: list[list[str]] = []  # the same words as the model reads them
    for text in texts:
        words, simp_words = segment_for_reading(text, user)
        shown.append(words)
        read.append(simp_words)
    out: list[list[Token]] = []
    originals = ["".join(words) for words in shown]
    for k, (words, readings) in enumerate(zip(shown, predict_many(read, originals=originals), strict=True)):
        if user and user.terms:
            readings = [_term_readings(w, r, user) for w, r in zip(read[k], readings, strict=True)]
        tokens: list[Token] = []
        pos = bases[k] if bases is not None else 0
        for word, word_r in zip(words, readings, strict=True):
            tokens.append(Token(pos, pos + len(word), word, list(word_r)))
            pos += len(word)
        out.append(tokens)
    return out


def _term_readings(word: str, readings: list[str | None], user: UserWords) -> list[str | None]:
    """A term's own readings in place of the model's (one per character that has a reading)."""
    own = user.terms.get(word)
    if not own or sum(r is not None for r in readings) != len(own):
        return readings
    syllables = iter(own)
    return [None if r is None else next(syllables) for r in readings]


def reading_form(text: str) -> str:
    """The form `text` is segmented and read in: Simplified when the conversion keeps its length (nearly
    always), with a Traditional 著 particle as 着; else `text` itself."""
    from reader.core.pipeline.polyphone import particle_forms  # loads the model's data: only when read

    simplified = convert_text(text, "simplified")
    if len(simplified) != len(text):
        simplified = text
    return particle_forms(simplified)


def segment_for_reading(text: str, user: UserWords | None = None) -> tuple[list[str], list[str]]:
    """Segment `text` as `analyse` does: (words in the text's own characters, the same words as read).

    A Traditional (or mixed) text is segmented in its `reading_form`, and the word boundaries are carried
    back to the original characters; `user` words are applied to that form.
    """
    simplified = reading_form(text)
    if simplified == text:
        words = segment(text, user)
        return words, words
    simp_words = segment(simplified, user)
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
            standard: str | None = None, spoken: bool = False, neutral: str = "dictionary") -> DisplayParagraph:
    """Display one paragraph (canonical `text` starting at canonical offset `base`) in `script`.

    `standard` is the reading standard ('mainland', 'taiwan', or 'auto'/None: Taiwan readings in the Taiwan
    script, see `standards`). `spoken` writes the tone changes of 一 and 不 (yí gè, bú shì, yì tiān) instead
    of their citation tones. `neutral` is 'dictionary' (neutral tones as the dictionaries write them, as
    stored) or 'required' (full tones where the neutral tone is optional: 休息 xiūxī,
    `tones.required_neutral_only`).
    """
    taiwan = standards.resolve(standard, script) == "taiwan"
    tones.check_neutral_mode(neutral)
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
    if neutral == "required":
        _required_neutral_only(text, base, out)
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


def _required_neutral_only(text: str, base: int, out: list[DisplayToken]) -> None:
    """Full tones on the optional neutral syllables of the displayed tokens, in place; words are looked up
    in their simplified form (a phrase swapped by the script conversion: as displayed)."""
    simplified = convert_text(text, "simplified")
    words: list[str] = []
    for dtok in out:
        cs, ce = dtok.token.start - base, dtok.token.end - base
        same = len(simplified) == len(text) and len(dtok.text) == ce - cs
        words.append(simplified[cs:ce] if same else dtok.text)
    flat = [r for dtok in out for r in dtok.readings]
    if len(flat) != sum(len(w) for w in words):
        return
    changed = tones.required_neutral_only(words, flat, lexicon.optional_neutral())
    pos = 0
    for dtok in out:
        dtok.readings = changed[pos : pos + len(dtok.readings)]
        pos += len(dtok.readings)


def _same_chars_modulo_script(canonical: str, shown: str) -> bool:
    """True when `shown` is a character-by-character conversion of `canonical` (no phrase swap)."""
    from reader.core.pipeline.script import convert_text

    return convert_text(shown, "simplified") == convert_text(canonical, "simplified")


__all__ = ["PIPELINE_VERSION", "analyse", "analyse_many", "segment_for_reading", "reading_form", "display",
           "DisplayParagraph", "DisplayToken", "segment", "UserWords"]
