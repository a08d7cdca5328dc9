"""Helpers shared by CLI commands (cli layer): opening the library, printing JSON."""
from __future__ import annotations

import argparse
import json
import sys

from reader.core import opening
from reader.core.library import Library
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
