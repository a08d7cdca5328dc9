"""Classroom commands (cli layer): class handout/open/handin/merge/report, and import-annotations."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli.common import open_library, print_json
from reader.cli.ids import record_id
from reader.core.errors import ReaderError
from reader.core.untrusted import read_regular_file, shown


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("class", help="class packages: hand out an article, hand in annotations, merge, report")
    csub = p.add_subparsers(dest="class_command", metavar="ACTION", required=True)

    q = csub.add_parser("handout", help="package article(s) and a tagset for a class (.readerclass)")
    q.add_argument("ids", type=record_id, nargs="+", metavar="ID", help="article id(s)")
    q.add_argument("-o", "--output", required=True, metavar="FILE", help="package to write (.readerclass)")
    q.add_argument("--tagset", default="Stance", help="tagset the class uses (default: Stance)")
    q.add_argument("--instructions", metavar="FILE.md", help="instructions for the students (Markdown file)")
    q.set_defaults(func=cmd_handout)

    q = csub.add_parser("open", help="add a hand-out's articles and tagset to this library")
    q.add_argument("file", help="the hand-out (.readerclass)")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(func=cmd_open)

    q = csub.add_parser("handin", help="package your annotations on article(s) to hand in")
    q.add_argument("ids", type=record_id, nargs="+", metavar="ID", help="article id(s)")
    q.add_argument("-o", "--output", required=True, metavar="FILE", help="package to write (.readerclass)")
    q.add_argument("--name", "--author", dest="name", metavar="NAME",
                   help="your name as the teacher knows it; needed the first time, then kept as the reader name")
    q.set_defaults(func=cmd_handin)

    q = csub.add_parser("merge", help="merge students' hand-ins, one layer per student (again: replaces it)")
    q.add_argument("files", nargs="+", metavar="FILE", help="hand-ins (.readerclass)")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(func=cmd_merge)

    q = csub.add_parser("report", help="where the class agrees and disagrees on an article")
    q.add_argument("id", type=record_id, help="article id")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.add_argument("-o", "--output", metavar="FILE", help="write the report to a file")
    q.add_argument("--format", choices=("md", "html", "csv", "json"),
                   help="format of -o (default: from the file's extension, else md)")
    q.add_argument("--at", metavar="DATE", help="use the tags as they were at this date or ISO time")
    q.add_argument("--student", action="append", metavar="NAME", help="only this student (repeatable)")
    q.add_argument("--tag", metavar="NAME", help="only annotations with this tag (heat, counts, disputes)")
    q.add_argument("--tagset", default="Stance", help="tagset whose tags are compared (default: Stance)")
    q.add_argument("--disputed", type=int, default=10, metavar="N", help="how many disputed passages (default 10)")
    q.set_defaults(func=cmd_report)

    p = sub.add_parser("import-annotations", help="import W3C Web Annotation JSON (from `export --format json`)")
    p.add_argument("file", help="the JSON file")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_import_annotations)


def cmd_handout(args: argparse.Namespace) -> int:
    from reader.core.classroom import MAX_INSTRUCTIONS, make_handout

    instructions = None
    if args.instructions:
        try:
            instructions = read_regular_file(args.instructions, 4 * MAX_INSTRUCTIONS, error=ReaderError).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ReaderError(f"cannot read the instructions {args.instructions}: not UTF-8 text") from exc
    with open_library(args) as lib:
        make_handout(lib, args.ids, args.output, tagset=args.tagset, instructions=instructions)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def cmd_open(args: argparse.Namespace) -> int:
    from reader.core.classroom import open_handout

    with open_library(args) as lib:
        result = open_handout(lib, args.file)
    if args.json:
        print_json(result.as_json())
        return 0
    for a in result.articles:
        print(f"{a.id}\t{'added' if a.created else 'found'}\t{shown(a.title)}")
    if result.tags_added:
        print(f"tags added: {', '.join(result.tags_added)}", file=sys.stderr)
    if result.instructions:
        print(f"\nInstructions{' from ' + result.teacher if result.teacher else ''}:\n\n{result.instructions.strip()}")
    return 0


def cmd_handin(args: argparse.Namespace) -> int:
    from reader.core.classroom import NameNeeded, make_handin

    with open_library(args) as lib:
        try:
            _, count = make_handin(lib, args.ids, args.output, author=args.name)
        except NameNeeded as exc:
            raise ReaderError(f"{exc}: add --name \"Your Name\" (kept for the next hand-ins)") from exc
    print(f"wrote {args.output} ({count} annotation{'s' if count != 1 else ''})", file=sys.stderr)
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from reader.core.classroom import merge_handins

    with open_library(args) as lib:
        results = merge_handins(lib, args.files)
    failed = [r for r in results if r.error]
    if args.json:
        print_json([r.as_json() for r in results])
    else:
        for r in results:
            if r.error is None and r.skipped:
                print(f"{r.student}: not merged: {r.skipped}")
            elif r.error is None:
                extra = f", replacing {r.replaced}" if r.replaced else ""
                extra += f", {r.orphaned} orphaned" if r.orphaned else ""
                arts = ", ".join(map(str, r.articles))
                print(f"{r.student}: {r.annotations} annotation{'s' if r.annotations != 1 else ''} on article "
                      f"{arts}{extra}")
            for line in r.warnings:
                print(f"warning: {r.student}: {line}", file=sys.stderr)
    for r in failed:
        print(f"error: {r.error}", file=sys.stderr)
    return 1 if failed else 0


def cmd_report(args: argparse.Namespace) -> int:
    from reader.core.class_report import REPORT_FORMATS, build_report, render
    from reader.core.export.files import write_atomic

    with open_library(args) as lib:
        report = build_report(lib, args.id, tagset=args.tagset, at=args.at, students=args.student, tag=args.tag,
                              disputed_limit=args.disputed)
    if args.output:
        fmt = args.format or ("json" if args.json else None)
        if fmt is None:
            suffix = Path(args.output).suffix.lstrip(".").lower()
            fmt = {"markdown": "md", "htm": "html"}.get(suffix, suffix)
            fmt = fmt if fmt in REPORT_FORMATS else "md"
        write_atomic(Path(args.output), render(report, fmt))
        print(f"wrote {args.output}", file=sys.stderr)
        return 0
    if args.format and args.format != "md" and not args.json:
        sys.stdout.write(render(report, args.format))
    elif args.json:
        print_json(report.as_json())
    else:
        sys.stdout.write(render(report, "md"))
    return 0


def cmd_import_annotations(args: argparse.Namespace) -> int:
    from reader.core.annotation_import import import_w3c_file

    with open_library(args) as lib:
        report = import_w3c_file(lib, args.file)
    if args.json:
        print_json(report.as_json())
        return 0
    print(f"{report.created} annotation{'s' if report.created != 1 else ''} added, {report.updated} updated"
          + (f", {report.orphaned} orphaned" if report.orphaned else "")
          + (f"; new tags: {', '.join(report.tags_created)}" if report.tags_created else ""))
    return 0
