"""Vocabulary commands (cli layer): `vocab add|list|status|gloss|known|unknown|delete|export`, `translate`, `level`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli.common import add_reading_options, open_library, print_json, reading_options
from reader.cli.ids import record_id
from reader.core import glossary, scaffolding
from reader.core import vocabulary as vocab
from reader.core.errors import ReaderError
from reader.core.library import Library
from reader.core.word_status import parse_status, set_word_status, status_label


def register(sub: argparse._SubParsersAction) -> None:
    vp = sub.add_parser(
        "vocab", help="your vocabulary list: add words, mark them known, export to Anki or CSV",
        description="Keep a list of words to learn, with the sentence each was found in.",
    )
    vsub = vp.add_subparsers(dest="vocab_command", metavar="ACTION")
    vp.set_defaults(func=lambda args: _usage(vp))

    q = vsub.add_parser("add", help="add a word (from the dictionary) to your list")
    q.add_argument("word", metavar="WORD", help="a Chinese word, simplified or traditional")
    q.add_argument("--reading", metavar="PINYIN", help="which reading, for a word with several ('hang2' or 'háng')")
    q.add_argument("--article", type=record_id, metavar="ID",
                   help="the article the word was found in (see `list`); its sentence is kept with the word")
    q.add_argument("--offset", type=int, metavar="N",
                   help="position of the word in the article (as in `show --json`; default: its first occurrence)")
    q.add_argument("--json", action="store_true", help="print the word as JSON")
    q.set_defaults(func=cmd_add)

    q = vsub.add_parser("list", help="list the words in your list")
    group = q.add_mutually_exclusive_group()
    group.add_argument("--known", action="store_true", help="only words marked known")
    group.add_argument("--unknown", action="store_true", help="only words not yet known")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(func=cmd_list)

    q = vsub.add_parser("status", help="set how well you know a word: new, learning 1-5, known or ignored",
                        description="Set a word's status (every reading of it, in both scripts); a word not in "
                                    "your list is added. Known and ignored words get no pinyin under scaffolding.")
    q.add_argument("word", metavar="WORD", help="a Chinese word, simplified or traditional")
    q.add_argument("level", metavar="LEVEL", help="new, 1 to 5 (learning), known or ignored")
    q.add_argument("--article", type=record_id, metavar="ID",
                   help="the article the word was found in; its sentence is kept when the word is added")
    q.add_argument("--json", action="store_true", help="print the word's rows as JSON")
    q.set_defaults(func=cmd_status)

    q = vsub.add_parser("gloss", help="write your own translation, a note and a parent word for a word",
                        description="Your own translation, note (plain text or Markdown, shown as typed) and "
                                    "parent word (看见 → 看) for a word in either script; an option left out is "
                                    "kept, an empty one ('') clears it; with no option, show them. A word not "
                                    "in your list is added.")
    q.add_argument("word", metavar="WORD", help="a Chinese word, simplified or traditional")
    q.add_argument("--translation", metavar="T", help="your own translation (one line)")
    q.add_argument("--note", metavar="N", help="a note (use '-' to read it from standard input)")
    q.add_argument("--parent", metavar="P", help="the word this one belongs to, e.g. 看 for 看见")
    q.add_argument("--article", type=record_id, metavar="ID",
                   help="the article the word was found in; its sentence is kept when the word is added")
    q.add_argument("--json", action="store_true", help="print the word's gloss as JSON")
    q.set_defaults(func=cmd_gloss)

    q = vsub.add_parser("known", help="mark a word as known (no pinyin above it); adds it if needed")
    q.add_argument("word", metavar="WORD")
    q.add_argument("--reading", metavar="PINYIN", help="which reading, when the list has several")
    q.set_defaults(func=cmd_known)

    q = vsub.add_parser("unknown", help="mark a known word as not known again")
    q.add_argument("word", metavar="WORD")
    q.add_argument("--reading", metavar="PINYIN", help="which reading, when the list has several")
    q.set_defaults(func=cmd_unknown)

    q = vsub.add_parser("delete", help="remove a word from your list")
    q.add_argument("word", metavar="WORD")
    q.add_argument("--reading", metavar="PINYIN", help="which reading, when the list has several")
    q.set_defaults(func=cmd_delete)

    q = vsub.add_parser("export", help="export your list as an Anki deck (.apkg) or a CSV spreadsheet")
    q.add_argument("--format", choices=("anki", "csv"), required=True, help="anki: .apkg deck; csv: UTF-8 CSV")
    q.add_argument("-o", "--output", required=True, metavar="FILE", help="file to write")
    group = q.add_mutually_exclusive_group()
    group.add_argument("--known", action="store_true", help="only words marked known")
    group.add_argument("--unknown", action="store_true", help="only words not yet known")
    q.add_argument("--tone-colors", action="store_true", help="Anki: colour the pinyin by tone")
    add_reading_options(q)
    q.set_defaults(func=cmd_export)

    p = sub.add_parser("translate", help="attach your own English translation to an article")
    p.add_argument("id", type=record_id, metavar="ID", help="article id (see `list`)")
    p.add_argument("file", metavar="FILE", help="text file with one translated paragraph per non-empty line")
    p.set_defaults(func=cmd_translate)

    p = sub.add_parser("level", help="show or set your HSK level for pinyin scaffolding")
    p.add_argument("level", type=int, nargs="?", metavar="N",
                   help="0 shows every reading; N hides readings of HSK 1..N words (7, 8 or 9: HSK 7-9)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_level)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _known_filter(args: argparse.Namespace) -> bool | None:
    return True if args.known else False if args.unknown else None


def describe(entry: vocab.VocabEntry) -> str:
    """`聯合國 联合国 [lián hé guó] HSK 6: United Nations` (one headword when both scripts agree)."""
    head = entry.simplified if entry.simplified == entry.traditional else f"{entry.simplified} {entry.traditional}"
    level = f" {scaffolding.level_label(entry.hsk)}" if entry.hsk else ""
    english = f": {entry.english}" if entry.senses else ""
    mine = f" — {entry.translation}" if entry.translation else ""
    return f"{head} [{entry.reading_marks}]{level}{english}{mine}"


def _one(lib: Library, word: str, reading: str | None) -> vocab.VocabEntry | None:
    """The list's row for a word; None when absent; a clear error when several readings match."""
    rows = vocab.find(lib, word, reading)
    if len(rows) > 1:
        options = ", ".join(r.reading_marks for r in rows)
        raise ReaderError(f"{word} is in your list with several readings ({options}); choose one with --reading")
    return rows[0] if rows else None


def cmd_add(args: argparse.Namespace) -> int:
    if args.offset is not None and args.article is None:
        raise ReaderError("--offset needs --article")
    with open_library(args) as lib:
        start = end = None
        if args.article is not None:
            start, end = vocab.locate_word(lib, args.article, args.word.strip(), args.offset)
        added = vocab.add(lib, args.word, args.reading, article_id=args.article, start=start, end=end)
    entry = added.entry
    if args.json:
        print_json({**entry.as_json(), "added": added.created})
        return 0
    status = "added" if added.created else "already in your list"
    print(f"{describe(entry)}  ({status})")
    if entry.sentence:
        print(f"  {entry.sentence}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        entries = vocab.list_words(lib, known=_known_filter(args))
        reader = lib.reader_name
    if args.json:
        print_json([e.as_json() for e in entries])
        return 0
    if not entries:
        print(f"No words in the list of {reader}. Add one with: bilingual-reader vocab add WORD")
        return 0
    for e in entries:
        mark = _MARKS.get(e.status, e.status[-1])
        print(f"{mark} {describe(e)}")
    return 0


_MARKS = {"new": " ", "known": "✓", "ignored": "×"}  # learning words show their level, 1-5


def cmd_status(args: argparse.Namespace) -> int:
    status = parse_status(args.level)  # a bad level is refused before the library is opened
    with open_library(args) as lib:
        start = end = None
        if args.article is not None:
            start, end = vocab.locate_word(lib, args.article, args.word.strip())
        edit = set_word_status(lib, args.word, status, article_id=args.article, start=start, end=end)
        entries = vocab.find(lib, args.word)
    if args.json:
        print_json([e.as_json() for e in entries])
        return 0
    if not entries:
        print(f"{args.word.strip()} is not in your list: it is new (nothing changed)")
        return 0
    note = "" if not edit.noop else " (unchanged)"
    for e in entries:
        print(f"{status_label(e.status)}: {describe(e)}{note}")
    return 0


def cmd_gloss(args: argparse.Namespace) -> int:
    note = sys.stdin.read() if args.note == "-" else args.note
    changes = {"translation": args.translation, "note": note, "parent": args.parent}
    with open_library(args) as lib:
        word = args.word.strip()
        noop = True
        if any(v is not None for v in changes.values()):
            start = end = None
            if args.article is not None:
                start, end = vocab.locate_word(lib, args.article, word)
            noop = glossary.set_gloss(lib, word, article_id=args.article, start=start, end=end, **changes).noop
        gloss = glossary.get_gloss(lib, word) or glossary.Gloss(word)
        under = glossary.children(lib, word)
    if args.json:
        print_json({"word": word, "simplified": gloss.word, **gloss.as_json(), "children": under})
        return 0
    if gloss.empty and not under:
        print(f"{word}: no translation, note or parent of yours")
        return 0
    print(f"{word}{' (unchanged)' if any(v is not None for v in changes.values()) and noop else ''}")
    for label, value in (("translation", gloss.translation), ("parent", gloss.parent),
                         ("children", ", ".join(under))):
        if value:
            print(f"  {label}: {value}")
    if gloss.note:
        print("  note:")
        for line in gloss.note.splitlines():
            print(f"    {line}")
    return 0


def cmd_known(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        entry = _one(lib, args.word, args.reading)
        if entry is None:
            entry = vocab.add(lib, args.word, args.reading, known=True).entry
        else:
            vocab.mark_known(lib, entry.id)
    print(f"known: {describe(entry)}")
    return 0


def cmd_unknown(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        entry = _one(lib, args.word, args.reading)
        if entry is None:
            raise ReaderError(f"{args.word} is not in your list")
        vocab.unmark(lib, entry.id)
    print(f"not known: {describe(entry)}")
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        entry = _one(lib, args.word, args.reading)
        if entry is None:
            raise ReaderError(f"{args.word} is not in your list")
        vocab.delete(lib, entry.id)
    print(f"deleted: {describe(entry)}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    path = Path(args.output)
    known = _known_filter(args)
    with open_library(args) as lib:
        readings = reading_options(args, lib).for_script("original")  # the pinyin shown; stored readings stay
        if not vocab.list_words(lib, known=known):
            which = {True: "known ", False: "unknown ", None: ""}[known]
            raise ReaderError(f"there are no {which}words in your list to export")
        if args.format == "anki":
            from reader.core.export.anki import export_anki

            count = export_anki(lib, path, known=known, tone_colors=args.tone_colors, readings=readings)
        else:
            from reader.core.export.vocab_csv import export_csv

            count = export_csv(lib, path, known=known, readings=readings)
    print(f"{count} word{'s' if count != 1 else ''} written to {path}", file=sys.stderr)
    return 0


def cmd_translate(args: argparse.Namespace) -> int:
    from reader.core.translations import import_translation

    with open_library(args) as lib:
        info = lib.article(args.id)
        import_translation(lib, args.id, args.file)
        reader = lib.reader_name
    print(f"translation of {info.paragraphs} paragraphs attached to article {info.id} ({info.title}), by {reader}")
    return 0


def cmd_level(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        if args.level is not None:
            scaffolding.set_level(lib, None, args.level)
        level = scaffolding.get_level(lib)
        reader = lib.reader_name
    if args.json:
        print_json({"reader": reader, "level": level})
        return 0
    if level == 0:
        print(f"{reader}: level 0, pinyin above every word")
    else:
        label = scaffolding.level_label(level)
        print(f"{reader}: level {level}, pinyin only above words beyond {label} and words not in HSK, "
              "never above words marked known")
    return 0
