"""Plain-text and Markdown importer (core layer, importers): lines → paragraphs, headings, lists, bylines.

Chinese web articles put one paragraph on a line. Recognised: headings (`一、 …`, `第三章 …`, Markdown
`#`), list items (`1. …`, `（2）…`, `- …`), bylines (`作者|…`, `（作者系…）`), empty image placeholders
(`![]()`, dropped and counted) and platform footers (the NetEase notice, `京公网安备…`: kept as source
metadata, not body text). Hard-wrapped text (blocks of lines without sentence-final punctuation) is joined.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import hanzidentifier

from reader.core.errors import ImportFailed
from reader.core.importers.decode import MAX_BYTES, decode_bytes
from reader.core.text import Paragraph, ParsedText
from reader.core.untrusted import read_regular_file

_WS = " \t\u3000\u00a0\ufeff"
_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)$")
_FOOTER = re.compile(
    r"^(特[別别][聲声]明[:：]?\s*以上[內内]容|Notice: The content above|.{0,20}[京沪滬粤粵浙苏蘇].{0,3}公网安备|"
    r".{0,20}ICP[备備]\s*\d|[版版][权權][所声聲][有明]|[免][责責][声聲]明|本平台仅提供信息存储服务)",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:作者\s*[|｜:：/／]\s*(?P<a>.+)|[（(]\s*作者(?:系|是|為|为|：|:)?\s*(?P<b>\S.*?)[)）]|(?:文|撰文)\s*[/／|｜]\s*(?P<c>.+))$")
_CN_NUM = "一二三四五六七八九十百零〇"
_HEADING_CN = re.compile(rf"^[{_CN_NUM}]+\s*[、．.]\s*\S")
_HEADING_CHAPTER = re.compile(rf"^第[{_CN_NUM}千\d]+[章节節回部篇卷](?:[\s:：]|$)")
_HEADING_MD = re.compile(r"^(#{1,6})\s+(.*)$")  # closing #s stripped in code: a regex for them is quadratic
_LIST = re.compile(r"^(?P<m>\d{1,3}[.、．)）](?!\d)|[（(]\d{1,3}[)）]|[（(][" + _CN_NUM + r"]{1,3}[)）]|[-*+•·](?=\s))\s*")
_SENTENCE_END = tuple("。！？…”」』）)!?.:：；;》")
_MD_INLINE = [
    # Brackets are excluded inside the parts so that unclosed `[`/`(` cannot make a long line quadratic.
    (re.compile(r"!\[[^\[\]]*\]\([^()\[\]]*\)"), ""),
    (re.compile(r"\[([^\[\]]+)\]\([^()\[\]]*\)"), r"\1"),
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![*\w])\*(?!\s)([^*]+?)(?<!\s)\*(?!\*)"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029]")
HEADING_MAX_CHARS = 60


def detect_script(text: str) -> str:
    """'traditional', 'simplified', 'mixed' or 'unknown', by the characters that belong to one script only.

    A text that is overwhelmingly one script (a few leftover characters of the other, as in machine-converted
    articles) counts as that script.
    """
    trad = simp = 0
    seen: dict[str, int] = {}
    for ch in text:
        if "\u4e00" <= ch <= "\u9fff":
            seen[ch] = seen.get(ch, 0) + 1
    for ch, n in seen.items():
        is_t, is_s = hanzidentifier.is_traditional(ch), hanzidentifier.is_simplified(ch)
        if is_t and not is_s:
            trad += n
        elif is_s and not is_t:
            simp += n
    if not seen:
        return "unknown"
    if trad == 0 and simp == 0:
        return "simplified" if hanzidentifier.identify(text) != hanzidentifier.TRADITIONAL else "traditional"
    if trad >= 4 * simp:
        return "traditional"
    if simp >= 4 * trad:
        return "simplified"
    return "mixed"


def _strip_closing_hashes(text: str) -> str:
    """`Title ##` → `Title` (a closing sequence needs a space before it, so `C#` stays)."""
    bare = text.rstrip("#")
    if bare != text and (not bare or bare[-1].isspace()):
        return bare.rstrip()
    return text.rstrip()


def _clean_line(line: str) -> str:
    line = _CONTROL.sub("", line)
    return line.strip(_WS + "\r\n")


def _join_wrapped(lines: list[str]) -> str:
    out = lines[0]
    for nxt in lines[1:]:
        glue = " " if (out[-1:].isascii() and out[-1:].isalnum() and nxt[:1].isascii() and nxt[:1].isalnum()) else ""
        out += glue + nxt
    return out


def _structural(line: str) -> bool:
    """A line that stands on its own (list item, heading, byline, image, footer): never joined to prose."""
    short = len(line) <= HEADING_MAX_CHARS
    return bool(
        _LIST.match(line) or _HEADING_MD.match(line) or _IMAGE.match(line) or _BYLINE.match(line)
        or _FOOTER.match(line) or (short and (_HEADING_CHAPTER.match(line) or _HEADING_CN.match(line)))
    )


def _blocks(text: str) -> list[str]:
    """Logical lines: one per line, except hard-wrapped prose which is joined into one."""
    raw_blocks: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = _clean_line(raw)
        if line:
            raw_blocks[-1].append(line)
        elif raw_blocks[-1]:
            raw_blocks.append([])
    lines: list[str] = []
    for block in raw_blocks:
        run: list[str] = []  # prose lines between lines that stand on their own
        for line in block:
            if _structural(line):
                lines.extend(_unwrap(run))
                lines.append(line)
                run = []
            else:
                run.append(line)
        lines.extend(_unwrap(run))
    return lines


def _unwrap(run: list[str]) -> list[str]:
    """A run of prose lines: joined into one when it looks hard-wrapped (most lines end mid-sentence)."""
    open_ended = sum(1 for x in run[:-1] if not x.endswith(_SENTENCE_END))
    if len(run) > 1 and open_ended >= 0.6 * (len(run) - 1):
        return [_join_wrapped(run)]
    return run


def parse_text(text: str, *, markdown: bool = False, name: str = "text") -> ParsedText:
    """Split decoded text into paragraphs with kinds; canonical text = paragraph texts joined by '\\n'."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    paragraphs: list[Paragraph] = []
    footers: list[str] = []
    bylines: list[str] = []
    images = 0
    title: str | None = None
    pos = 0
    for line in _blocks(text):
        if _IMAGE.match(line):
            images += 1
            continue
        if _FOOTER.match(line):
            footers.append(line)
            continue
        kind, level, marker = "paragraph", 0, ""
        m = _HEADING_MD.match(line)
        if m:
            kind, level, line = "heading", len(m.group(1)), _strip_closing_hashes(m.group(2))
            if level == 1 and title is None:
                title = line
        elif _BYLINE.match(line):
            kind = "byline"
            bm = _BYLINE.match(line)
            assert bm is not None
            bylines.append((bm.group("a") or bm.group("b") or bm.group("c") or "").strip())
        elif _HEADING_CHAPTER.match(line) and len(line) <= HEADING_MAX_CHARS:
            kind, level = "heading", 1
        elif _HEADING_CN.match(line) and len(line) <= HEADING_MAX_CHARS:
            kind, level = "heading", 2
        elif lm := _LIST.match(line):
            kind, level, marker = "list_item", 1, lm.group("m")
        elif _HEADING_CN.match(line):
            kind, level, marker = "list_item", 1, line.split("、", 1)[0] + "、" if "、" in line[:5] else ""
        if markdown:
            for pattern, repl in _MD_INLINE:
                line = pattern.sub(repl, line)
            line = line.strip(_WS)
            if not line:
                continue
        start = pos + (1 if paragraphs else 0)
        paragraphs.append(Paragraph(len(paragraphs), kind, start, start + len(line), line, level, marker))
        pos = start + len(line)
    canonical = "\n".join(p.text for p in paragraphs)
    if not any("\u3400" <= ch <= "\u9fff" or ch >= "\U00020000" for ch in canonical):
        if not canonical.strip():
            raise ImportFailed(f"{name}: there is no text in it")
        raise ImportFailed(f"{name}: no Chinese text found in it")
    return ParsedText(
        text=canonical, paragraphs=paragraphs, detected_script=detect_script(canonical),
        footers=footers, bylines=bylines, images=images, title=title,
    )


def parse_file(path: Path) -> ParsedText:
    """Read and parse a .txt or .md file. Raises ImportFailed with a clear message."""
    name = path.name
    data = read_regular_file(path, MAX_BYTES, error=ImportFailed)
    text, encoding = decode_bytes(data, name)
    parsed = parse_text(text, markdown=path.suffix.lower() in (".md", ".markdown"), name=name)
    parsed.encoding = encoding
    return parsed
