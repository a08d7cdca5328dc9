"""Build tool (outside the app layers): regenerate resources/fonts/NotoSansCJK-Subset.otf.

Subsets the Regular "Noto Sans CJK SC" face of Debian's fonts-noto-cjk package with fontTools'
pyftsubset, then checks that every required code point is in the result's cmap.

Needs: Debian package ``fonts-noto-cjk`` (apt-get install fonts-noto-cjk), ``fonttools`` and
``opencc`` in the Python environment running this script. Not run at install time; the generated
font is committed to the repository.

Usage::

    .venv/bin/python resources/fonts/build_subset.py [--source PATH] [--output PATH] [--check-only]
"""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
DEFAULT_OUTPUT = HERE / "NotoSansCJK-Subset.otf"
FACE_FAMILY = "Noto Sans CJK SC"
SIZE_LIMIT = 12 * 1024 * 1024

# Layout features kept on top of pyftsubset's defaults: CJK punctuation spacing and width variants.
EXTRA_FEATURES = ["halt", "palt", "fwid", "hwid", "pwid"]

# Blocks that must be covered completely (every assigned code point).
REQUIRED_BLOCKS: dict[str, tuple[int, int]] = {
    "Basic Latin": (0x0020, 0x007E),
    "Latin-1 Supplement": (0x00A0, 0x00FF),
    "CJK Symbols and Punctuation": (0x3000, 0x303F),
    "Bopomofo": (0x3100, 0x312F),
    "Halfwidth and Fullwidth Forms": (0xFF00, 0xFFEF),
}
# Blocks requested in full; only what the upstream face covers ends up in the subset.
OPTIONAL_BLOCKS: dict[str, tuple[int, int]] = {
    "Latin Extended-A": (0x0100, 0x017F),
    "Latin Extended-B": (0x0180, 0x024F),
    "Spacing Modifier Letters": (0x02B0, 0x02FF),
    "Combining Diacritical Marks": (0x0300, 0x036F),
    "General Punctuation": (0x2000, 0x206F),
    "Bopomofo Extended": (0x31A0, 0x31BF),
}

PINYIN_LETTERS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛêÊńňǹḿ"
TONE_MARKS = "\u02c7\u02ca\u02cb\u02d9"  # ˇ ˊ ˋ ˙ (zhuyin tones)
COMBINING_TONES = "\u0300\u0301\u0304\u030c"  # for ê̄ ê̌ and similar sequences


def _is_bmp_han(char: str) -> bool:
    """True for a character in CJK Extension A or the CJK Unified Ideographs block."""
    return 0x3400 <= ord(char) <= 0x9FFF


def _decode_dbcs(codec: str, leads: Iterable[int], trails: Iterable[int]) -> set[str]:
    """Every single Han character a double-byte codec decodes from the given byte ranges."""
    trail_list = list(trails)
    chars: set[str] = set()
    for lead in leads:
        for trail in trail_list:
            try:
                text = bytes([lead, trail]).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(text) == 1 and _is_bmp_han(text):
                chars.add(text)
    return chars


def gb2312_hanzi() -> set[str]:
    """All 6763 GB2312 hanzi (level 1, the 3755 most frequent, plus level 2)."""
    return _decode_dbcs("gb2312", range(0xB0, 0xF8), range(0xA1, 0xFF))


def big5_level1_hanzi() -> set[str]:
    """The 5401 Big5 level-1 (常用字, frequently used) traditional characters."""
    return _decode_dbcs("big5", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)])


def script_counterparts(chars: set[str]) -> set[str]:
    """Traditional (OpenCC s2t, s2tw, s2hk) and simplified (t2s) forms of single characters.

    Only BMP ideographs are kept: the few Extension B forms OpenCC produces are not in the source face.
    """
    import opencc

    result: set[str] = set()
    for config in ("s2t", "s2tw", "s2hk", "t2s"):
        converter = opencc.OpenCC(config)
        for char in sorted(chars):
            result.update(c for c in converter.convert(char) if _is_bmp_han(c))
    return result


def seed_characters() -> set[str]:
    """Every character used in the seed articles and their translations."""
    chars: set[str] = set()
    for path in sorted((REPO / "seeds").glob("*.txt")):
        chars.update(path.read_text(encoding="utf-8"))
    return {c for c in chars if c == " " or (c.isprintable() and not c.isspace())}


def required_codepoints() -> set[int]:
    """Code points the subset must map; the build fails if any is missing."""
    hanzi = gb2312_hanzi() | big5_level1_hanzi()
    hanzi |= script_counterparts(hanzi)
    chars = hanzi | seed_characters() | set(PINYIN_LETTERS + TONE_MARKS + COMBINING_TONES)
    points = {ord(c) for c in chars}
    for start, end in REQUIRED_BLOCKS.values():
        points |= {p for p in range(start, end + 1) if unicodedata.name(chr(p), "")}
    return points


def requested_codepoints() -> set[int]:
    """Everything asked of pyftsubset: the required set plus whole blocks where available."""
    points = required_codepoints()
    for start, end in OPTIONAL_BLOCKS.values():
        points |= set(range(start, end + 1))
    return points


def face_index(source: Path, family: str) -> int:
    """Index of the face called ``family`` inside a TrueType/OpenType collection."""
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(source), lazy=True)
    for index, font in enumerate(collection.fonts):
        if font["name"].getDebugName(1) == family:
            return index
    raise SystemExit(f"error: no face named {family!r} in {source}")


def subset_command(source: Path, output: Path, unicodes_file: Path, font_number: int) -> list[str]:
    """The pyftsubset command line (run as ``python -m fontTools.subset``, which is pyftsubset)."""
    return [
        sys.executable, "-m", "fontTools.subset", str(source),
        f"--font-number={font_number}",
        f"--unicodes-file={unicodes_file}",
        f"--output-file={output}",
        f"--layout-features+={','.join(EXTRA_FEATURES)}",
        "--name-IDs=*",
        "--name-languages=*",
        "--name-legacy",
        "--notdef-outline",
        "--recommended-glyphs",
    ]


def check(output: Path) -> int:
    """Verify the built font: required cmap coverage, size and family name. Returns an exit code."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(output))
    cmap = font.getBestCmap()
    missing = sorted(required_codepoints() - set(cmap))
    size = output.stat().st_size
    han = sum(1 for p in cmap if 0x3400 <= p <= 0x9FFF)
    print(f"{output.name}: {size / 1048576:.2f} MiB, {len(font.getGlyphOrder())} glyphs, "
          f"{len(cmap)} code points ({han} Han), family {font['name'].getDebugName(1)!r}")
    for block, (start, end) in {**REQUIRED_BLOCKS, **OPTIONAL_BLOCKS}.items():
        have = sum(1 for p in range(start, end + 1) if p in cmap)
        print(f"  {block}: {have} code points")
    status = 0
    if missing:
        shown = " ".join(f"U+{p:04X}" for p in missing[:40])
        print(f"error: {len(missing)} required code points missing: {shown}")
        status = 1
    if size > SIZE_LIMIT:
        print(f"error: {size} bytes is over the {SIZE_LIMIT} byte limit")
        status = 1
    if status == 0:
        print(f"ok: all {len(required_codepoints())} required code points present")
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--check-only", action="store_true", help="only verify an existing subset")
    args = parser.parse_args(argv)
    if args.check_only:
        return check(args.output)
    if not args.source.is_file():
        print(f"error: {args.source} not found; install it with: apt-get install fonts-noto-cjk")
        return 1
    index = face_index(args.source, FACE_FAMILY)
    with tempfile.TemporaryDirectory() as tmp:
        unicodes_file = Path(tmp) / "unicodes.txt"
        points = sorted(requested_codepoints())
        unicodes_file.write_text("\n".join(f"U+{p:04X}" for p in points) + "\n", encoding="ascii")
        command = subset_command(args.source, args.output, unicodes_file, index)
        print("$ " + shlex.join(command))
        subprocess.run(command, check=True)
    return check(args.output)


if __name__ == "__main__":
    sys.exit(main())
