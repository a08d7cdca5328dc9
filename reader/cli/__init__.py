"""Command-line interface (cli layer): `python main.py COMMAND` or `bilingual-reader COMMAND`.

Each command module exposes `register(subparsers)`, which adds its sub-commands and sets `func` on them.
A command function takes the parsed arguments and returns an exit code. Exit codes: 0 ok, 1 user error,
2 usage error. A `ReaderError` is printed as one line on stderr; no traceback reaches the user.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from reader import __version__
from reader.core.errors import ReaderError

# Command modules, in the order their commands appear in --help.
COMMAND_MODULES: tuple[str, ...] = (
    "reader.cli.library_cmds",
    "reader.cli.gui_cmds",
    "reader.cli.dictionary_cmd",
    "reader.cli.vocab_cmds",
    "reader.cli.stats_cmds",  # adds `vocab stats` and `vocab done`
    "reader.cli.terms_cmds",
    "reader.cli.maintenance_cmds",
    "reader.cli.annotation_cmds",
    "reader.cli.class_cmds",
    "reader.cli.eval_cmd",
)


def build_parser(extra_commands: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser with every command; `extra_commands` names further command modules (main.py adds the
    benchmarks of a checkout, reader_bench.cli, which lives above this layer)."""
    parser = argparse.ArgumentParser(
        prog="bilingual-reader",
        description="Bilingual Reader: read Chinese with pinyin above the characters, switch scripts, annotate.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db", metavar="PATH",
        help="library file to use (default: READER_DB or the platform's user data folder)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in (*COMMAND_MODULES, *extra_commands):
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None, *, extra_commands: Sequence[str] = ()) -> int:
    parser = build_parser(extra_commands)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        if getattr(args, "db", None):  # `--db PATH` alone: the reader window on that library
            from reader.gui.app import run_gui

            return run_gui([], db=args.db)
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except ReaderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except sqlite3.Error as exc:  # found mid-command: damage, or a full disk, a read-only file …
        return _sqlite_failure(args, exc)
    except BrokenPipeError:  # the reader of our output went away (`… | head`): not an error
        _quiet_stdout()
        return 0
    except OSError as exc:
        print(f"error: {exc.strerror or exc}{f': {exc.filename}' if exc.filename else ''}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - a bug: one line for the user, the traceback in the log
        if os.environ.get("READER_DEBUG"):
            raise
        from reader.core.errorlog import summary, write_log

        log = write_log(type(exc), exc, exc.__traceback__)
        where = f"; details in {log}" if log else ""
        print(f"error: unexpected problem ({summary(exc)}){where}", file=sys.stderr)
        return 1


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so Python's flush at exit doesn't raise the broken pipe again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _sqlite_failure(args: argparse.Namespace, exc: sqlite3.Error) -> int:
    """One line saying what an SQLite error means: damage only when SQLite says the file is damaged."""
    from reader.core import libfile
    from reader.core.maintenance import damaged_message
    from reader.core.paths import default_db_path

    path = Path(getattr(args, "db", None) or default_db_path())
    explained = libfile.explain(exc, path)
    if explained is not None:
        print(f"error: {explained}", file=sys.stderr)
        return 1
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    damage = code in (libfile.SQLITE_CORRUPT, libfile.SQLITE_NOTADB) or (
        not code and any(w in str(exc) for w in ("malformed", "not a database", "corrupt")))
    if not damage:
        print(f"error: the library {path} could not be used ({exc})", file=sys.stderr)
        return 1
    try:
        message = damaged_message(path, str(exc), getattr(args, "db", None))
    except Exception:  # noqa: BLE001 - the message must come out even if the backups folder is unreadable
        message = f"{path} is damaged ({exc}); run 'bilingual-reader check' for what to do"
    print(f"error: {message}", file=sys.stderr)
    return 1


def run() -> None:
    """Console entry point."""
    sys.exit(main())
