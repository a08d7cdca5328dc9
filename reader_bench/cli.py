"""The `bench` command (bench layer): `python main.py bench` times the real app against its targets.

main.py adds this command to the command line when the checkout holds reader_bench (the installed app
does not ship the benchmarks).
"""
from __future__ import annotations

import argparse
import json
import os
import sys

from reader.core.errors import ReaderError
from reader_bench.bench import NAMES, format_results, run_bench


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bench", help="measure opening, toggling, scrolling, startup time and memory")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--only", metavar="NAME", help="run one measurement (e.g. scroll_frame_ms)")
    p.add_argument("--repeat", type=int, default=7, help="repetitions per measurement (median reported)")
    p.set_defaults(func=cmd_bench)


def cmd_bench(args: argparse.Namespace) -> int:
    os.environ.setdefault("READER_FONT", "bundled")
    if args.only and args.only not in NAMES:
        raise ReaderError(f"unknown measurement {args.only!r}; choose one of {', '.join(NAMES)}")
    results = run_bench(db=getattr(args, "db", None), only=args.only, repeat=max(1, args.repeat))
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print(format_results(results))
    return 0
