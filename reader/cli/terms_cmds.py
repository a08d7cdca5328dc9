"""Term commands (cli layer): `terms add|split|list|delete|export|import` — the reader's own word boundaries."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli.common import open_library, print_json
from reader.core import terms
from reader.core.errors import ReaderError


def register(sub: argparse._SubParsersAction) -> None:
    tp = sub.add_parser(
        "terms", help="your terms and word splits: names and idioms as one word, words cut apart",
        description="Terms (several characters read as one word, e.g. a name) and splits (a word the "
                    "segmenter joins, cut into parts) apply to every article, in both scripts.",
    )
    tsub = tp.add_subparsers(dest="terms_command", metavar="ACTION")
    tp.set_defaults(func=lambda args: _usage(tp))

    q = tsub.add_parser("add", help="make several characters one word everywhere (a name, an idiom)")
    q.add_argument("text", metavar="TEXT", help="the characters, simplified or traditional, e.g. 王小明")
    q.add_argument("--reading", metavar="PINYIN",
                   help="how to read it, one syllable a character ('wang2 xiao3 ming2' or 'wáng xiǎo míng');"
                        " default: the usual reading")
    q.set_defaults(func=cmd_add)

    q = tsub.add_parser("split", help="cut a word the segmenter joins into parts everywhere",
                        description="Cut WORD into the PARTs given, which must spell it: "
                                    "`terms split 研究生 研究 生` (or `terms split 研究生 研究|生`).")
    q.add_argument("word", metavar="WORD", help="the word as the segmenter joins it, e.g. 研究生")
    q.add_argument("parts", metavar="PART", nargs="+", help="its parts in order, e.g. 研究 生")
    q.set_defaults(func=cmd_split)

    q = tsub.add_parser("list", help="list the terms and splits")
    q.add_argument("--json", action="store_true", help="print JSON (the same document `terms export` writes)")
    q.set_defaults(func=cmd_list)

    q = tsub.add_parser("delete", help="forget a term or a split: the segmenter's own words come back")
    q.add_argument("text", metavar="TEXT", help="the term or split word, either script")
    q.set_defaults(func=cmd_delete)

    q = tsub.add_parser("export", help="write every term and split to a JSON file")
    q.add_argument("output", metavar="FILE", help="the JSON file to write")
    q.set_defaults(func=cmd_export)

    q = tsub.add_parser("import", help="add the terms and splits of a JSON file (from `terms export`)",
                        description="Entries for a word already in the library replace it; nothing is written "
                                    "if any entry is bad.")
    q.add_argument("input", metavar="FILE", help="a JSON file written by `terms export`")
    q.set_defaults(func=cmd_import)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def cmd_add(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        edit = terms.add_term(lib, args.text, args.reading)
        found = terms.find(lib, args.text)
    assert isinstance(found, terms.Term)
    reading = f" read {found.reading}" if found.reading else ""
    state = "already a term" if edit.noop else "now one term in every article"
    print(f"{found.text}{reading}: {state}")
    return 0


def cmd_split(args: argparse.Namespace) -> int:
    parts = args.parts[0].split("|") if len(args.parts) == 1 else args.parts
    with open_library(args) as lib:
        edit = terms.add_split(lib, args.word, parts)
        found = terms.find(lib, args.word)
    assert isinstance(found, terms.Split)
    state = "already split so" if edit.noop else "now split in every article"
    print(f"{found.word} → {' | '.join(found.parts)}: {state}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        if args.json:
            print_json(terms.export_json(lib))
            return 0
        found_terms, found_splits = terms.list_terms(lib), terms.list_splits(lib)
    if not found_terms and not found_splits:
        print("No terms or splits. Add one with: bilingual-reader terms add TEXT, or terms split WORD PART PART")
        return 0
    for t in found_terms:
        print(f"term   {t.text}" + (f"  [{t.reading}]" if t.reading else ""))
    for s in found_splits:
        print(f"split  {s.word} → {' | '.join(s.parts)}")
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        found = terms.find(lib, args.text)
        terms.delete(lib, args.text)
    if isinstance(found, terms.Term):
        print(f"deleted the term {found.text}")
    elif isinstance(found, terms.Split):
        print(f"deleted the split {found.word} → {' | '.join(found.parts)}")
    return 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


def cmd_export(args: argparse.Namespace) -> int:
    path = Path(args.output)
    with open_library(args) as lib:
        n_terms, n_splits = terms.write_export(lib, path)
    print(f"{_count(n_terms, 'term')} and {_count(n_splits, 'split')} written to {path}", file=sys.stderr)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.input)
    if not path.exists():
        raise ReaderError(f"{path} does not exist")
    with open_library(args) as lib:
        result = terms.import_file(lib, path)
    print(f"{path.name}: {result.added} added, {result.changed} changed, {result.unchanged} already so")
    return 0
