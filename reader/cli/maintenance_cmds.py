"""Maintenance commands (cli layer): check (and repair) the library, make and list backups."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli.common import print_json
from reader.core import health, maintenance, opening, repair
from reader.core.errors import LibraryError, NotALibrary
from reader.core.library import Library
from reader.core.paths import default_db_path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check", help="check the library for damage (exit 0 when healthy, 1 otherwise) and repair it",
        description="Check the library file: SQLite integrity, references between rows, schema version, "
                    "annotation anchors and the search indexes. Nothing is changed unless --repair is given.",
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument(
        "--repair", choices=("restore", "new", "search-index"),
        help="restore: move the damaged file aside and restore the newest good backup; new: move it aside and "
             "start a new library; search-index: rebuild the full-text search indexes",
    )
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("backup", help="back up the library now (backups/ beside the library file)")
    p.add_argument("--list", action="store_true", help="list the backups instead of making one")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_backup)


def _library_path(args: argparse.Namespace) -> Path:
    db = getattr(args, "db", None)
    return Path(db) if db else default_db_path()


def _command(args: argparse.Namespace) -> str:
    db = getattr(args, "db", None)
    return f"{maintenance.COMMAND} --db {maintenance._quote(db)}" if db else maintenance.COMMAND


def cmd_check(args: argparse.Namespace) -> int:
    path = _library_path(args)
    report = health.check(path)
    if args.repair is None:
        _print_report(report, args)
        return 0 if report.ok else 1
    if report.not_a_library:
        raise NotALibrary(f"{path} is {report.not_a_library}, not a Bilingual Reader library; nothing was changed "
                          "(give the path of the library file with --db)")
    if report.unreadable:
        raise LibraryError(f"{path} was not repaired: it is not damaged as far as can be seen, but "
                           f"{report.unreadable}")
    if report.ok:
        message = f"{path} is healthy; nothing to repair"
    elif report.log_only:
        with opening.open_library(path, seeds=False, backup=False) as lib:
            message = "; ".join(lib.notices) or "nothing to set aside"
    elif args.repair == "search-index":
        if report.damaged:
            raise LibraryError(f"{path} is damaged; rebuilding the search index cannot help. {report.advice(_command(args))}")
        names = health.rebuild_search_indexes(path)
        message = f"rebuilt the search indexes ({', '.join(names)})"
    else:
        if any(not f.ok and f.name == "schema" and "newer" in f.message for f in report.findings):
            raise LibraryError(f"{path} was written by a newer version of Bilingual Reader; update the app instead "
                               "of repairing the library")
        result = repair.recover(path, args.repair)
        message = result.message
    after = health.check(path)
    if args.json:
        print_json({"repair": args.repair, "message": message, "report": after.as_json()})
    else:
        print(message)
        print(after.text(_command(args)))
    return 0 if after.ok else 1


def _print_report(report: health.CheckReport, args: argparse.Namespace) -> None:
    if args.json:
        print_json(report.as_json())
    else:
        print(report.text(_command(args)))


def cmd_backup(args: argparse.Namespace) -> int:
    path = _library_path(args)
    if args.list:
        backups = maintenance.list_backups(path)
        if args.json:
            print_json([b.as_json() for b in backups])
        elif not backups:
            print(f"There are no backups of {path} yet.")
        for b in [] if args.json else backups:
            print(f"{b.local_time}  {b.reason:<20} {b.size:>12,} bytes  {b.path}")
        return 0
    db = getattr(args, "db", None)
    try:
        lib = Library.open(db)
    except LibraryError as exc:
        raise maintenance.explain_open_failure(path, exc, db) from exc
    with lib:
        target = maintenance.backup(lib, "manual")
    if target is None:
        print("error: an in-memory library cannot be backed up", file=sys.stderr)
        return 1
    if args.json:
        print_json({"path": str(target)})
    else:
        print(target)
    return 0
