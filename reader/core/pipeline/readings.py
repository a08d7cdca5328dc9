"""Readings per character (core layer, pipeline): pypinyin with its phrase data, in three display styles.

Internal form is TONE3: lowercase syllable + tone digit, neutral tone 5 (`le5`), ü written `v` (`lv4`).
`None` stands for a character that has no reading (punctuation, Latin, digits).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

STYLES = ("marks", "numbers", "zhuyin")
# pypinyin takes ~0.4 s to import (its phrase dictionary): it is imported only when readings are computed
# or zhuyin is shown, so opening an article whose readings are cached does not pay for it.
_TONE_MARKS = {"1": "\u0304", "2": "\u0301", "3": "\u030c", "4": "\u0300"}


def is_han(char: str) -> bool:
    """True for a CJK ideograph (the characters that get a reading)."""
    cp = ord(char)
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2EBEF
        or 0xF900 <= cp <= 0xFAFF
        or 0x30000 <= cp <= 0x323AF
        or cp == 0x3007  # 〇
    )


def _normalise(syllable: str) -> str:
    syllable = syllable.lower().replace("ü", "v").replace("u:", "v")
    if not syllable[-1:].isdigit():
        syllable += "5"
    return syllable


def pypinyin_word_readings(words: list[str]) -> list[list[str | None]]:
    """Readings from pypinyin alone (its phrase dictionary on the given segmentation)."""
    from pypinyin import Style, lazy_pinyin

    result: list[list[str | None]] = []
    for word in words:
        han_positions = [i for i, ch in enumerate(word) if is_han(ch)]
        readings: list[str | None] = [None] * len(word)
        if han_positions:
            # Keep runs of Han characters together so pypinyin's phrase data sees whole words.
            runs: list[list[int]] = []
            for i in han_positions:
                if runs and runs[-1][-1] == i - 1:
                    runs[-1].append(i)
                else:
                    runs.append([i])
            for run in runs:
                chunk = word[run[0] : run[-1] + 1]
                syllables = lazy_pinyin(
                    chunk, style=Style.TONE3, neutral_tone_with_five=True, v_to_u=False,
                    errors=lambda s: [""] * len(s),  # type: ignore[arg-type,return-value]  # pypinyin takes a list too
                )
                if len(syllables) != len(chunk):  # defensive: never misalign readings and characters
                    syllables = [
                        lazy_pinyin(c, style=Style.TONE3, neutral_tone_with_five=True)[0] for c in chunk
                    ]
                for i, syl in zip(run, syllables, strict=True):
                    readings[i] = _normalise(syl) if syl else None
        result.append(readings)
    return result


@lru_cache(maxsize=4096)
def to_marks(tone3: str) -> str:
    """`lv4` → `lǜ`, `le5` → `le`, `m2` → `ḿ`: the mark goes on a or e, on the o of ou, else the last vowel."""
    tone = tone3[-1] if tone3[-1:].isdigit() else "5"
    base = (tone3[:-1] if tone3[-1:].isdigit() else tone3).replace("v", "ü").replace("u:", "ü")
    mark = _TONE_MARKS.get(tone)
    if not mark:
        return base
    if "a" in base:
        at = base.index("a")
    elif "e" in base:
        at = base.index("e")
    elif "ê" in base:
        at = base.index("ê")
    elif "ou" in base:
        at = base.index("o")
    else:
        vowels = [i for i, ch in enumerate(base) if ch in "iouü"]
        at = vowels[-1] if vowels else 0  # syllabic m / n / ng: mark the first letter
    return unicodedata.normalize("NFC", base[: at + 1] + mark + base[at + 1 :])


@lru_cache(maxsize=4096)
def to_zhuyin(tone3: str) -> str:
    """`lian2` → `ㄌㄧㄢˊ`; the neutral tone mark ˙ goes in front (`le5` → `˙ㄌㄜ`)."""
    from pypinyin.contrib.tone_convert import to_tone
    from pypinyin.style.bopomofo import BopomofoConverter

    if tone3 == "r":
        return "ㄦ"  # the erhua suffix, drawn small after the syllable it joins
    tone = tone3[-1] if tone3[-1:].isdigit() else "5"
    converter = BopomofoConverter()
    base = converter.to_bopomofo(to_tone(tone3)) if tone != "5" else converter.to_bopomofo(tone3[:-1])
    base = base.replace("˙", "")
    return "˙" + base if tone == "5" else base


def to_numbers(tone3: str) -> str:
    """The numbers style is the internal form: `lian2`, `lv4`, `le5`."""
    return tone3


def render(tone3: str | None, style: str) -> str | None:
    """Show one reading in a display style: 'marks', 'numbers' or 'zhuyin'."""
    if tone3 is None:
        return None
    if style == "marks":
        return to_marks(tone3)
    if style == "zhuyin":
        return to_zhuyin(tone3)
    if style == "numbers":
        return tone3
    raise ValueError(f"unknown reading style {style!r}; choose one of {', '.join(STYLES)}")


def tone_of(tone3: str | None) -> int:
    """Tone number 1–5 of a reading (0 for no reading): used for tone colours."""
    if not tone3 or not tone3[-1].isdigit():
        return 0
    return int(tone3[-1])
