"""GUI commands (cli layer): `screenshot` renders the real main window offscreen to a PNG."""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from reader.cli.common import add_pinyin_option, add_reading_options, add_script_option, reading_options
from reader.cli.ids import record_id
from reader.core.errors import ReaderError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("screenshot", help="render the reader window with an article to a PNG image")
    p.add_argument("id", type=record_id, nargs="?", help="article id (default: the first article)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.png", help="image file to write")
    add_script_option(p)
    add_pinyin_option(p, default="marks")
    add_reading_options(p)
    p.add_argument("--tones", choices=("none", "pleco", "hanping"), default="none", help="tone colours")
    p.add_argument("--size", default="1280x800", metavar="WxH", help="window size in pixels (default 1280x800)")
    p.add_argument("--theme", choices=("light", "dark"), default="light", help="colour theme")
    p.add_argument("--select", metavar="START:END", help="select this canonical span before rendering")
    p.add_argument("--translation", action="store_true", help="show the translation lines")
    p.add_argument("--font-size", type=float, default=None, metavar="PT", help="character size in points")
    p.add_argument("--offset", type=int, default=0, help="scroll to this canonical offset first")
    p.add_argument("--class-view", action="store_true", help="show the class view (students' heat map and report)")
    p.add_argument("--ui-language", choices=("en", "zh_CN", "zh_TW"), help="interface language for this image")
    p.add_argument("--level", type=int, metavar="HSK", help="readings only above this HSK level (0-7)")
    p.add_argument("--side-by-side", action="store_true", help="the translation in a second column")
    p.add_argument("--popup", type=int, metavar="OFFSET", help="open the dictionary popup on the word at this offset")
    p.add_argument("--annotation", type=record_id, metavar="ID",
                   help="select this annotation (its note in the side panel), see `annotations ID`")
    p.add_argument("--statistics", action="store_true",
                   help="render the Statistics window (Vocabulary → Statistics…) instead of the main window")
    p.add_argument("--word-status", action="store_true",
                   help="tint words by status: new and learning words (View → Word Status Colours)")
    p.add_argument("--layout-json", metavar="FILE", type=Path,
                   help="also write every line drawn on the image (glyph and reading positions) as JSON")
    p.set_defaults(func=cmd_screenshot)


def _size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", text)
    if not m:
        raise ReaderError(f"--size must look like 1280x800, not {text!r}")
    return int(m.group(1)), int(m.group(2))


def _span(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    m = re.fullmatch(r"\s*(\d+)\s*:\s*(\d+)\s*", text)
    if not m:
        raise ReaderError(f"--select must look like START:END (canonical offsets), not {text!r}")
    return int(m.group(1)), int(m.group(2))


def cmd_screenshot(args: argparse.Namespace) -> int:
    width, height = _size(args.size)
    span = _span(args.select)
    out = Path(args.output)
    if out.suffix.lower() != ".png":
        raise ReaderError("the screenshot is written as PNG: give a file name ending in .png")
    from reader.gui.screenshot import render_screenshot

    render_screenshot(
        db=getattr(args, "db", None), article_id=args.id, output=out, size=(width, height), script=args.script,
        pinyin=args.pinyin, tones=args.tones, theme=args.theme, select=span, translation=args.translation,
        font_size=args.font_size, offset=args.offset, class_view=args.class_view, ui_language=args.ui_language,
        level=args.level, side_by_side=args.side_by_side, popup=args.popup, annotation=args.annotation,
        layout_json=args.layout_json, readings=reading_options(args), statistics=args.statistics,
        word_status=args.word_status,
    )
    print(f"wrote {out} (the Statistics window)" if args.statistics else f"wrote {out} ({width}×{height})")
    return 0
