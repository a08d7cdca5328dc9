"""Helpers shared by CLI commands (cli layer): opening the library, printing JSON."""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

from reader.core import opening
from reader.core.errors import ReaderError
from reader.core.library import Library
from reader.core.paths import default_db_path
from reader.core.pipeline.standards import STANDARDS
from reader.core.pipeline.tones import NEUTRAL_MODES
from reader.core.reading_options import ReadingOptions
from reader.core.reading_options import stored as stored_reading_options
from reader.core.text import PINYIN_STYLES, SCRIPTS


def open_library(args: argparse.Namespace, *, seeds: bool = True) -> Library:
    """The library named by --db (or READER_DB / the default), opened for use by `reader.core.opening`.

    Checks, a stray `-wal` set aside, migration, the day's start-up backup and the seeds on first use; what
    opening set right or found is printed on stderr as `note: …` lines. Errors say what is true (damaged
    with what to run, read-only, disk full, not a library).
    """
    db = getattr(args, "db", None)
    lib = opening.open_library(db, seeds=seeds, db_option=db)
    for notice in lib.notices:
        print(f"note: {notice}", file=sys.stderr)
    return lib


def print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def add_script_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--script", choices=SCRIPTS, default="original",
        help="script to show the text in (default: as imported)",
    )


def add_pinyin_option(parser: argparse.ArgumentParser, default: str = "none") -> None:
    parser.add_argument(
        "--pinyin", choices=PINYIN_STYLES, default=default,
        help="readings to show: tone marks (lián), tone numbers (lian2) or zhuyin (ㄌㄧㄢˊ)",
    )


def add_reading_options(parser: argparse.ArgumentParser) -> None:
    """--standard, --spoken/--citation and --neutral: how readings are written (default: as the library keeps
    the reader's choices, see `reader.core.reading_options`; else citation tones, readings of the script)."""
    parser.add_argument(
        "--standard", choices=STANDARDS, default=None,
        help="reading standard: mainland (普通话), taiwan (國語: 垃圾 lèsè, 星期 xīngqí) or auto (Taiwan readings "
             "in the Taiwan script)",
    )
    tones = parser.add_mutually_exclusive_group()
    tones.add_argument("--spoken", dest="spoken", action="store_true", default=None,
                       help="write the tone changes of 一 and 不 as spoken (yí gè, bú shì, yì tiān)")
    tones.add_argument("--citation", dest="spoken", action="store_false",
                       help="write 一 and 不 with their citation tones (yī gè, bù shì)")
    parser.add_argument(
        "--neutral", choices=NEUTRAL_MODES, default=None,
        help="neutral tones: as the dictionaries write them (dictionary: xiūxi) or only where required "
             "(required: xiūxī; 朋友 péngyou stays)",
    )


def reading_options(args: argparse.Namespace, lib: Library | None = None) -> ReadingOptions:
    """The reading options asked for on the command line, the rest from the library (`lib`, or the library
    file of --db when it exists), else the defaults."""
    given = {"standard": getattr(args, "standard", None), "spoken": getattr(args, "spoken", None),
             "neutral": getattr(args, "neutral", None)}
    if None in given.values():
        if lib is not None:
            base = stored_reading_options(lib)
        else:
            db = getattr(args, "db", None)
            file = Path(db) if db else default_db_path()
            base = ReadingOptions()
            if file.is_file():
                try:  # only a setting is read: no seeds, no start-up backup
                    with opening.open_library(file, seeds=False, backup=False, db_option=db) as opened:
                        base = stored_reading_options(opened)
                except (ReaderError, sqlite3.Error) as exc:  # readings do not need the library: say so, go on
                    print(f"note: reading options not read from the library ({exc}); using the defaults",
                          file=sys.stderr)
        given = {key: value if value is not None else getattr(base, key) for key, value in given.items()}
    return ReadingOptions(**given)  # type: ignore[arg-type]
