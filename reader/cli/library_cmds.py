"""Library commands (cli layer): list, import, show, pinyin."""
from __future__ import annotations

import argparse
import sys
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
from reader.core.errors import ReaderError
from reader.core.pipeline import analyse, display
from reader.core.pipeline.readings import render
from reader.core.reading_options import ReadingOptions
from reader.core.text import READING_STYLES


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="list the articles in the library")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("import", help="import text or Markdown files as new articles")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files to import (.txt, .md, .epub, .html)")
    p.add_argument("--title", help="title of the article (default: from the text)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("show", help="print an article, optionally converted and with readings")
    p.add_argument("id", type=record_id, help="article id (see `list`)")
    add_script_option(p)
    add_pinyin_option(p)
    add_reading_options(p)
    p.add_argument("--translation", action="store_true", help="follow each paragraph with its English translation")
    p.add_argument("--json", action="store_true", help="print JSON with paragraphs, tokens and canonical offsets")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("pinyin", help="print the readings of UTF-8 lines read from standard input")
    p.add_argument("--style", choices=READING_STYLES, default="marks", help="reading style")
    p.add_argument("--json", action="store_true", help="one JSON array per line, one entry per character")
    add_reading_options(p)
    p.set_defaults(func=cmd_pinyin)


def cmd_list(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        articles = lib.list_articles()
    if args.json:
        print_json([a.as_json() for a in articles])
        return 0
    if not articles:
        print("The library is empty. Import a text with: bilingual-reader import FILE")
    for a in articles:
        en = f" — {a.title_en}" if a.title_en else ""
        print(f"{a.id:>4}  {a.title}{en}  [{a.script}, {a.chars} chars, {a.paragraphs} paragraphs, {a.annotations} annotations]")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    if args.title and len(args.paths) > 1:
        raise ReaderError("--title can only be used when importing one file")
    results: list[dict] = []
    failed = 0
    with open_library(args) as lib:
        for path in args.paths:
            try:
                res = lib.import_file(Path(path), title=args.title)
            except ReaderError as exc:
                failed += 1
                print(f"error: {exc}", file=sys.stderr)
                results.append({"path": path, "error": str(exc)})
                continue
            results.append({"path": path, "id": res.article_id, "title": res.title, "created": res.created})
            if not args.json:
                if res.created:
                    print(f"{res.article_id}\t{res.title}")
                else:
                    print(f"{res.article_id}\t{res.title}\t(already in the library; nothing added)")
    if args.json:
        print_json(results)
    return 1 if failed else 0


def article_json(lib, article_id: int, script: str, style: str, translation: bool = False,  # noqa: ANN001
                 readings: ReadingOptions | None = None) -> dict:
    info = lib.article(article_id)
    pars = lib.paragraphs(info.revision_id)
    from reader.core.reading_fixes import apply_fixes, fixes_for

    tokens = apply_fixes(lib.tokens(info.revision_id, pars), fixes_for(lib, article_id))
    translations = lib.translations(info.revision_id) if translation else {}
    out_pars = []
    options = readings or ReadingOptions()
    for par in pars:
        shown = display(par.text, tokens[par.index], script, par.start, **options.display_kwargs())
        out_pars.append({
            "index": par.index, "kind": par.kind, "start": par.start, "end": par.end, "text": shown.text,
            "tokens": [
                {"text": t.text, "start": t.token.start, "end": t.token.end,
                 "readings": [render(r, style) for r in t.readings]}
                for t in shown.tokens
            ],
            **({"translation": translations.get(par.index)} if translation else {}),
        })
    return {"id": info.id, "title": info.title, "title_en": info.title_en, "script": script,
            "original_script": info.script, "paragraphs": out_pars}


def cmd_show(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        if args.json:
            style = "numbers" if args.pinyin == "none" else args.pinyin
            print_json(article_json(lib, args.id, args.script, style, args.translation, reading_options(args, lib)))
            return 0
        info = lib.article(args.id)
        pars = lib.paragraphs(info.revision_id)
        tokens = lib.tokens(info.revision_id, pars) if args.pinyin != "none" else {}
        from reader.core.pipeline.script import convert_text
        from reader.core.reading_fixes import apply_fixes, fixes_for

        tokens = apply_fixes(tokens, fixes_for(lib, args.id))
        options = reading_options(args, lib)

        translations = lib.translations(info.revision_id) if args.translation else {}
        print(convert_text(info.title, args.script))
        if args.translation and info.title_en:
            print(info.title_en)
        print()
        for par in pars:
            if args.pinyin == "none":
                print(convert_text(par.text, args.script))
            else:
                shown = display(par.text, tokens[par.index], args.script, par.start, **options.display_kwargs())
                parts = []
                for t in shown.tokens:
                    rs = [render(r, args.pinyin) for r in t.readings if r]
                    parts.append(f"{t.text}[{' '.join(rs)}]" if rs else t.text)
                print("".join(parts))
            if args.translation:
                print(translations.get(par.index, "(no translation)"))
            print()
        if args.translation and translations:
            print(f"English translation: {lib.translator(info.revision_id)}")
    return 0


def cmd_pinyin(args: argparse.Namespace) -> int:
    data = sys.stdin.buffer.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReaderError(f"standard input is not valid UTF-8 (byte {exc.start})") from exc
    import json

    options = reading_options(args)
    for line in text.splitlines():
        tokens = analyse(line)
        # The lines are read as they are: `--standard auto` gives Mainland readings, `taiwan` Taiwan ones.
        shown = display(line, tokens, "original", **options.display_kwargs()).tokens if tokens else []
        if args.json:
            flat = [render(r, args.style) for t in shown for r in t.readings]
            sys.stdout.write(json.dumps(flat, ensure_ascii=False) + "\n")
        else:
            parts = []
            for t in shown:
                if t.token.is_han:
                    parts.append(" ".join(render(r, args.style) or ch for r, ch in zip(t.readings, t.text, strict=True)))
                elif t.text.strip():
                    parts.append(t.text)
            sys.stdout.write(" ".join(parts) + "\n")
    return 0
