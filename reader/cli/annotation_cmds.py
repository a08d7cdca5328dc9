"""Annotation commands (cli layer): annotate, annotations, unannotate, revise, export, tags, tag."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from reader.cli.common import (
    add_pinyin_option,
    add_reading_options,
    add_script_option,
    open_library,
    print_json,
    reading_options,
)
from reader.cli.ids import record_id
from reader.core.annotations import Annotation, Annotations
from reader.core.errors import ReaderError
from reader.core.export import COMBINED, FORMATS
from reader.core.library import Library
from reader.core.reading_options import ReadingOptions
from reader.core.tags import Tags


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("annotate", help="highlight a passage of an article (canonical offsets, see `show --json`)")
    p.add_argument("id", type=record_id, help="article id")
    p.add_argument("--start", type=int, required=True, help="offset of the first character")
    p.add_argument("--end", type=int, required=True, help="offset after the last character")
    p.add_argument("--tag", action="append", default=[], metavar="NAME",
                   help='tag: "Name", "Tagset/Name" or the Chinese name (repeatable)')
    p.add_argument("--note", default="", help="note (Markdown)")
    p.add_argument("--color", help="highlight colour #RRGGBB (default: the first tag's colour)")
    p.add_argument("--author", help="who is annotating (default: the reader name)")
    p.add_argument("--json", action="store_true", help="print the new annotation as JSON")
    p.set_defaults(func=cmd_annotate)

    p = sub.add_parser("annotations", help="list the annotations of an article in text order")
    p.add_argument("id", type=record_id, help="article id")
    p.add_argument("--author", help="only this author's annotations")
    p.add_argument("--tag", metavar="NAME", help="only annotations with this tag")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_annotations)

    p = sub.add_parser("unannotate", help="delete an annotation")
    p.add_argument("annotation", type=record_id, help="annotation id (see `annotations`)")
    p.set_defaults(func=cmd_unannotate)

    p = sub.add_parser("confirm", help="confirm the place of a 'moved' annotation (after a revision)")
    p.add_argument("annotation", type=record_id, help="annotation id (see `annotations`)")
    p.set_defaults(func=cmd_confirm)

    p = sub.add_parser("revise", help="import an edited text as a new revision and re-anchor the annotations")
    p.add_argument("id", type=record_id, help="article id")
    p.add_argument("path", help="the edited text (.txt, .md)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_revise)

    p = sub.add_parser("export", help="export annotations: md, html, csv, W3C json, or a printable pdf hand-out")
    p.add_argument("id", type=record_id, nargs="?", help="article id (or --all)")
    p.add_argument("--all", action="store_true",
                   help="every article: csv and json into the one file -o; md, html and pdf one file per "
                        "article into the folder -o")
    p.add_argument("--format", choices=FORMATS, default="md",
                   help="md: Markdown; html: a self-contained page; csv: one row per annotation; json: W3C Web "
                        "Annotation JSON-LD; pdf: the article with readings, highlights and notes, to print")
    p.add_argument("-o", "--output", required=True, metavar="PATH",
                   help="file to write (- for standard output), or a folder with --all")
    add_script_option(p)
    add_pinyin_option(p, default=None)
    add_reading_options(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("tags", help="list the tagsets and their tags")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_tags)

    p = sub.add_parser("tag", help="add, rename, recolour or delete a tag")
    tsub = p.add_subparsers(dest="tag_command", metavar="ACTION", required=True)
    q = tsub.add_parser("add", help="add a tag to a tagset (a new tagset is created)")
    q.add_argument("tagset", help="tagset name, e.g. Stance")
    q.add_argument("name", help="English name")
    q.add_argument("--zh", help="Chinese name")
    q.add_argument("--color", default="#9e9e9e", help="colour #RRGGBB")
    q.add_argument("--shortcut", help="shortcut key 1–9 (must be free)")
    q.set_defaults(func=cmd_tag_add)
    q = tsub.add_parser("rename", help="rename a tag")
    q.add_argument("tag", help='"Name", "Tagset/Name" or Chinese name')
    q.add_argument("name", nargs="?", help="new English name")
    q.add_argument("--zh", help="new Chinese name")
    q.set_defaults(func=cmd_tag_rename)
    q = tsub.add_parser("recolor", help="change a tag's colour")
    q.add_argument("tag", help='"Name", "Tagset/Name" or Chinese name')
    q.add_argument("color", help="colour #RRGGBB")
    q.set_defaults(func=cmd_tag_recolor)
    q = tsub.add_parser("delete", help="delete a tag")
    q.add_argument("tag", help='"Name", "Tagset/Name" or Chinese name')
    q.add_argument("--force", action="store_true", help="delete it even if annotations use it")
    q.set_defaults(func=cmd_tag_delete)


def _line(a: Annotation) -> str:
    quote = " ".join(a.exact.split())
    if len(quote) > 40:
        quote = quote[:39] + "…"
    tags = ", ".join(t.name for t in a.tags)
    note = " ".join(a.note.split())
    if len(note) > 40:
        note = note[:39] + "…"
    status = " [orphaned]" if a.orphaned else " [moved — please check]" if a.moved else ""
    return f"{a.id:>5}  {a.start}–{a.end}  “{quote}”{status}" + (f"  [{tags}]" if tags else "") + \
        (f"  {note}" if note else "") + f"  — {a.author}"


def cmd_annotate(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        edit = Annotations(lib).create(args.id, args.start, args.end, tags=args.tag, note=args.note,
                                       color=args.color, author=args.author)
    ann = edit.annotation
    if args.json:
        print_json(ann.as_json())
    else:
        print(f"{ann.id}\t“{' '.join(ann.exact.split())}”")  # one line, also across a paragraph break
    return 0


def cmd_annotations(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        anns = Annotations(lib).list_for_article(args.id, author=args.author, tag=args.tag)
    if args.json:
        print_json([a.as_json() for a in anns])
        return 0
    if not anns:
        print(f"Article {args.id} has no annotations. Add one with: bilingual-reader annotate {args.id} --start N --end N")
    for a in anns:
        print(_line(a))
    return 0


def cmd_unannotate(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        edit = Annotations(lib).delete(args.annotation)
    print(f"deleted annotation {edit.annotation.id}")
    return 0


def cmd_confirm(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        edit = Annotations(lib).confirm(args.annotation)
    ann = edit.annotation
    if edit.noop:
        print(f"annotation {ann.id} is {ann.status}; nothing to confirm")
    else:
        print(f"annotation {ann.id} confirmed at {ann.start}–{ann.end} “{ann.exact}”")
    return 0


def cmd_revise(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        report = Annotations(lib).revise(args.id, args.path)
    if args.json:
        print_json(report.as_json())
        return 0
    print(f"revision {report.revision_id}: {len(report.reanchored)} annotations re-anchored "
          f"({len(report.shifted)} shifted, {len(report.fuzzy)} with changed text), {len(report.moved)} moved "
          f"(please check), {len(report.orphaned)} orphaned")
    if report.moved:
        print("moved (found by an approximate match; check them, then `confirm ID`): "
              + ", ".join(map(str, report.moved)))
    if report.orphaned:
        print("orphaned (their passage is gone; quote and note are kept): " + ", ".join(map(str, report.orphaned)))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from reader.core.export import export_all, render_articles, write_atomic

    if (args.id is None) == (not args.all):
        raise ReaderError("give an article id or --all (not both)")
    fmt = args.format
    to_stdout = args.output == "-"
    if to_stdout and (fmt == "pdf" or (args.all and fmt not in COMBINED)):
        raise ReaderError(f"the {fmt} export {'of all articles ' if args.all else ''}cannot go to standard output; "
                          "give a file or folder with -o")
    pinyin = args.pinyin or ("marks" if fmt == "pdf" else "none")
    with open_library(args) as lib:
        readings = reading_options(args, lib)
        if args.all:
            writer = _pdf_writer(lib, args.script, pinyin, readings) if fmt == "pdf" else None
            if to_stdout:
                sys.stdout.write(render_articles(lib, [a.id for a in lib.list_articles()], fmt))
                return 0
            files = export_all(lib, fmt, args.output, script=args.script, pinyin=pinyin, writer=writer,
                               readings=readings)
            print(f"wrote {len(files)} file{'s' if len(files) != 1 else ''} to {args.output}", file=sys.stderr)
            return 0
        if fmt == "pdf":
            lib.article(args.id)
            _pdf_writer(lib, args.script, pinyin, readings)(args.id, Path(args.output))
        else:
            text = render_articles(lib, [args.id], fmt, script=args.script, pinyin=pinyin, readings=readings)
            if not to_stdout:
                write_atomic(Path(args.output), text)
    if to_stdout:
        sys.stdout.write(text)
    else:
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _pdf_writer(lib: Library, script: str, pinyin: str, readings: ReadingOptions) -> Callable[[int, Path], None]:
    """The pdf hand-out lives in the GUI layer (Qt draws it); imported only when asked for."""
    import os

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from reader.gui.export_pdf import export_pdf
    except ImportError as exc:
        raise ReaderError(f"the pdf export needs Qt (PySide6), which cannot be loaded here: {exc}") from exc

    def write(article_id: int, path: Path) -> None:
        export_pdf(lib, article_id, path, script=script, pinyin=pinyin, readings=readings)

    return write


def cmd_tags(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        tags = Tags(lib)
        sets = tags.tagsets()
        usage = {t.id: tags.usage(t.id) for s in sets for t in s.tags}
    if args.json:
        out = []
        for s in sets:
            d = s.as_json()
            for t in d["tags"]:  # type: ignore[union-attr]
                t["used"] = usage[t["id"]]  # type: ignore[index]
            out.append(d)
        print_json(out)
        return 0
    for s in sets:
        print(f"{s.name}" + (f" {s.name_zh}" if s.name_zh else ""))
        for t in s.tags:
            key = f"[{t.shortcut}]" if t.shortcut else "   "
            print(f"  {key} {t.name}" + (f" {t.name_zh}" if t.name_zh else "") + f"  {t.color}  ({usage[t.id]} used)")
    return 0


def cmd_tag_add(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        edit = Tags(lib).add(args.tagset, args.name, name_zh=args.zh, color=args.color, shortcut=args.shortcut)
    print(f"added {edit.tag.qualified}")
    return 0


def cmd_tag_rename(args: argparse.Namespace) -> int:
    if args.name is None and args.zh is None:
        raise ReaderError("give a new name, --zh NAME, or both")
    with open_library(args) as lib:
        edit = Tags(lib).rename(args.tag, args.name, args.zh)
    print(f"renamed to {edit.tag.qualified}" + (f" ({edit.tag.name_zh})" if edit.tag.name_zh else ""))
    return 0


def cmd_tag_recolor(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        edit = Tags(lib).recolor(args.tag, args.color)
    print(f"{edit.tag.qualified} is now {edit.tag.color}")
    return 0


def cmd_tag_delete(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        edit = Tags(lib).delete(args.tag, force=args.force)
    print(f"deleted {edit.tag.qualified}")
    return 0
