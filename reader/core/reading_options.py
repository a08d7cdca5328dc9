"""How readings are written (core layer): the reading standard, spoken tones and neutral tones of every output.

The reader chooses Mainland or Taiwan readings (or those of the script shown), the tone changes of 一 and
不 (yí gè, bú shì), and neutral tones as the dictionaries write them or only where required (休息 xiūxī).
These change what is *written* — the view, the PDF hand-out, the Markdown and HTML exports, the CLI, the
dictionary popup, the vocabulary's Anki and CSV reading field — never the stored readings, which stay
citation readings. The GUI keeps the choices with its display options, passes them down explicitly and
keeps a copy in the library (`store`), so that the CLI, which reads them from there (`stored`), writes
readings the way the reader sees them.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from typing import TypedDict

from reader.core.library import Changed, Library
from reader.core.pipeline import lexicon, standards, tones
from reader.core.pipeline.script import convert_text

_TONE3 = re.compile(r"[a-zv]+[1-5]")
#: The library setting holding the reader's choices: {"standard": …, "spoken": …, "neutral": …}.
SETTING = "reading_options"


class DisplayKwargs(TypedDict):
    """The reading options as keyword arguments of `reader.core.pipeline.display`."""

    standard: str
    spoken: bool
    neutral: str


@dataclass(frozen=True)
class ReadingOptions:
    """What `display` is asked for: `standard` auto/mainland/taiwan, `spoken` 一/不 tone changes, `neutral`
    dictionary/required. The defaults are citation tones, readings of the script shown, dictionary neutral tones."""

    standard: str = "auto"
    spoken: bool = False
    neutral: str = "dictionary"

    def __post_init__(self) -> None:
        standards.resolve(self.standard, "original")  # a ValueError naming the choices
        tones.check_neutral_mode(self.neutral)

    def display_kwargs(self) -> DisplayKwargs:
        """Keyword arguments of `reader.core.pipeline.display`."""
        return {"standard": self.standard, "spoken": self.spoken, "neutral": self.neutral}

    def as_json(self) -> dict[str, object]:
        return asdict(self)

    def for_script(self, script: str) -> ReadingOptions:
        """The same options with the standard settled for text shown in `script` (auto → mainland/taiwan)."""
        return replace(self, standard=standards.resolve(self.standard, script))


def stored(lib: Library) -> ReadingOptions:
    """The reader's choices kept in the library; defaults for what is missing or not understood."""
    raw = lib.get_setting(SETTING)
    if not isinstance(raw, dict):
        return ReadingOptions()
    standard = raw.get("standard")
    neutral = raw.get("neutral")
    return ReadingOptions(
        standard=standard if standard in standards.STANDARDS else "auto",
        spoken=raw.get("spoken") is True,
        neutral=neutral if neutral in tones.NEUTRAL_MODES else "dictionary",
    )


def store(lib: Library, options: ReadingOptions) -> Changed:
    """Keep the reader's choices in the library (one transaction); nothing is written when `stored` gives them
    already (the defaults, with nothing stored)."""
    if stored(lib) == options:
        return Changed()
    return lib.set_setting(SETTING, options.as_json())


def word_readings(word: str, readings: Sequence[str | None], options: ReadingOptions,
                  script: str = "original") -> list[str | None]:
    """The readings of one word shown on its own (a dictionary entry, a vocabulary card) as `options` write
    them: Taiwan readings where the standard (resolved for `script`) asks for them, full tones on optional
    neutral syllables when only required ones are kept, and the tone changes of 一 and 不 inside the word
    (一样 yíyàng). `readings` has one entry per character of `word`; other lengths come back unchanged."""
    out = list(readings)
    if len(out) != len(word):
        return out
    if standards.resolve(options.standard, script) == "taiwan":
        out = standards.to_taiwan(word, out)
    if options.neutral == "required":
        simplified = convert_text(word, "simplified")
        key = simplified if len(simplified) == len(word) else word
        out = tones.required_neutral_only([key], out, lexicon.optional_neutral())
    if options.spoken:
        out = tones.spoken_tones(word, out)
    return out


def written_reading(word: str, reading: str, options: ReadingOptions, script: str = "original") -> str:
    """A stored reading of a whole word ("yi1 yang4", one TONE3 syllable a character, as the dictionary and
    the vocabulary keep it) as `options` write it ("yi2 yang4" with spoken tones); a reading of another
    shape (letters, a name's spaces) comes back as it is."""
    syllables = reading.split()
    if len(syllables) != len(word) or not all(_TONE3.fullmatch(s) for s in syllables):
        return reading
    shown = word_readings(word, syllables, options, script)
    return " ".join(r or s for r, s in zip(shown, syllables, strict=True))


def describe(options: ReadingOptions, script: str = "original") -> list[str]:
    """What an export's metadata says about readings written other than by default ("Taiwan readings",
    "spoken tones (yí gè, bú shì)", "neutral tones only where required")."""
    out = []
    if standards.resolve(options.standard, script) == "taiwan":
        out.append("Taiwan readings (國語)")
    elif script == "taiwan":
        out.append("Mainland readings (普通话)")
    if options.spoken:
        out.append("spoken tones (yí gè, bú shì)")
    if options.neutral == "required":
        out.append("neutral tones only where required")
    return out
