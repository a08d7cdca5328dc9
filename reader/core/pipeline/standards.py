"""Reading standards (core layer, pipeline): Mainland readings (what the pipeline stores) or Taiwan readings.

The Taiwan standard (國語) reads some words differently: 垃圾 lèsè, 星期 xīngqí, 危機 wéijī, 研究 yánjiù.
`to_taiwan` rewrites a displayed word's readings with CC-CEDICT's "Taiwan pr." notes: the longest noted
word at each position first, then noted single characters, and only a syllable that has the mainland
reading CC-CEDICT gives (so a polyphone read another way is left alone).
"""
from __future__ import annotations

from reader.core.pipeline import lexicon
from reader.core.pipeline.script import convert_text

STANDARDS = ("auto", "mainland", "taiwan")
_LONGEST = 8


def resolve(standard: str | None, script: str) -> str:
    """The standard in force: `auto` (or None) follows the script (Taiwan script → Taiwan readings)."""
    if standard in (None, "auto"):
        return "taiwan" if script == "taiwan" else "mainland"
    if standard not in STANDARDS:
        raise ValueError(f"unknown reading standard {standard!r}; choose one of {', '.join(STANDARDS)}")
    return standard


def to_taiwan(text: str, readings: list[str | None]) -> list[str | None]:
    """`readings` (one per character of `text`) with the Taiwan standard's readings where CC-CEDICT notes
    them."""
    noted = lexicon.taiwan()
    if not noted:
        return list(readings)
    simplified = convert_text(text, "simplified")
    if len(simplified) != len(text):
        simplified = text
    out = list(readings)
    i = 0
    while i < len(text):
        step = 1
        for length in range(min(_LONGEST, len(text) - i), 0, -1):
            entry = noted.get(text[i : i + length]) or noted.get(simplified[i : i + length])
            if entry is None:
                continue
            mainland, spoken = entry
            for k in range(length):
                if out[i + k] == mainland[k]:
                    out[i + k] = spoken[k]
            step = length
            break
        i += step
    return out


def coverage() -> tuple[int, int]:
    """(CC-CEDICT headwords with a Taiwan reading, of which single characters)."""
    noted = lexicon.taiwan()
    return len(noted), sum(1 for head in noted if len(head) == 1)
