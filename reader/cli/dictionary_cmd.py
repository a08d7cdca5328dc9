"""`lookup` command (cli layer): look a word up in CC-CEDICT and show its readings, senses and HSK level."""
from __future__ import annotations

import argparse
import json
import re
import sys

from reader.core.dictionary import HSK_BAND, Dictionary, Entry
from reader.core.errors import ReaderError

_TONE3_SYLLABLE = re.compile(r"[a-z]+[1-5]")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "lookup",
        help="look a word up in the dictionary (CC-CEDICT) with its HSK level",
        description="Show every dictionary entry whose simplified or traditional headword is WORD.",
    )
    parser.add_argument("word", metavar="WORD", help="a Chinese word, in simplified or traditional script")
    parser.add_argument("--json", action="store_true",
                        help="print a JSON array of entries (reading in TONE3: 'lian2 he2 guo2')")
    parser.set_defaults(func=lookup_command)


def display_reading(reading: str) -> str:
    """TONE3 reading → pinyin with tone marks for people: 'lian2 he2 guo2' → 'lián hé guó'."""
    from pypinyin.contrib.tone_convert import to_tone

    return " ".join(to_tone(s) if _TONE3_SYLLABLE.fullmatch(s) else s for s in reading.split())


def hsk_label(level: int | None) -> str:
    if level is None:
        return ""
    return "HSK 7-9" if level == HSK_BAND else f"HSK {level}"


def format_entry(entry: Entry) -> str:
    """One line: `聯合國 联合国 [lián hé guó] HSK 6: United Nations` (one headword if both scripts agree)."""
    headword = entry.traditional
    if entry.simplified != entry.traditional:
        headword = f"{entry.traditional} {entry.simplified}"
    label = hsk_label(entry.hsk)
    level = f" {label}" if label else ""
    return f"{headword} [{display_reading(entry.reading)}]{level}: {' / '.join(entry.senses)}"


def lookup_command(args: argparse.Namespace) -> int:
    word = args.word.strip()
    if not word:
        raise ReaderError("give a word to look up")
    with Dictionary.open_default() as dictionary:
        entries = dictionary.lookup(word)
    if args.json:
        print(json.dumps([entry.as_dict() for entry in entries], ensure_ascii=False, indent=2))
        return 0 if entries else 1
    if not entries:
        raise ReaderError(f"no entry for {word!r}")
    out = sys.stdout
    for entry in entries:
        out.write(format_entry(entry) + "\n")
    return 0
