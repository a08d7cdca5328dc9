"""Helpers shared by CLI commands (cli layer): opening the library, printing JSON."""
from __future__ import annotations

import argparse
import json
import sys

from reader.core.library import Library


def open_library(args: argparse.Namespace, *, seeds: bool = True) -> Library:
    """The library named by --db (or READER_DB / the default); the seeds are imported on first use.

    The first use of the day backs the library up (reader.core.maintenance); a damaged library is refused
    with a message saying how to repair it.
    """
    from reader.core import maintenance
    from reader.core.errors import LibraryError

    db = getattr(args, "db", None)
    try:
        lib = Library.open(db)
    except LibraryError as exc:
        raise maintenance.explain_open_failure(db, exc, db) from exc
    try:
        maintenance.backup_on_start(lib)
        if seeds:
            lib.ensure_seeds()
    except BaseException:
        lib.close()
        raise
    return lib


def print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def add_script_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--script", choices=("original", "simplified", "traditional", "taiwan"), default="original",
        help="script to show the text in (default: as imported)",
    )


def add_pinyin_option(parser: argparse.ArgumentParser, default: str = "none") -> None:
    parser.add_argument(
        "--pinyin", choices=("none", "marks", "numbers", "zhuyin"), default=default,
        help="readings to show: tone marks (lián), tone numbers (lian2) or zhuyin (ㄌㄧㄢˊ)",
    )
