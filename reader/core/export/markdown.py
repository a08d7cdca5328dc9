"""Markdown export (core layer): an article's highlights with tags and notes, as a document to share.

Layout: title (+ English title), a short metadata list, then one section per highlight in text order —
paragraph number, the quote as a blockquote (in the chosen script, optionally with readings after each
word: `联合国 (lián hé guó)`), tags, author, and the note with its own Markdown kept (raw HTML escaped,
headings pushed below the document's own). A highlight whose place is to be checked (status `moved`) says
so under its heading. Orphaned highlights come last in their own section.
The output depends only on the library's content: no clock, unless a `generated` stamp is passed in.
"""
from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from reader.core.annotations import Annotation, Annotations
from reader.core.library import Library
from reader.core.pipeline import DisplayParagraph, DisplayToken, display
from reader.core.pipeline.readings import render
from reader.core.pipeline.script import convert_text
from reader.core.reading_options import ReadingOptions, describe
from reader.core.text import PINYIN_STYLES, SCRIPTS, Paragraph

#: Shown with a highlight whose status is `moved` (re-anchored without certainty, not yet confirmed).
MOVED_NOTICE = "Moved — please check: after the text was revised this highlight was placed by an approximate match."
SCRIPT_NAMES = {"simplified": "simplified (简体)", "traditional": "traditional (繁體)", "taiwan": "Taiwan (臺灣正體)"}
READING_NAMES = {"marks": "pinyin with tone marks", "numbers": "pinyin with tone numbers", "zhuyin": "zhuyin"}
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_INLINE_ESCAPES = str.maketrans({ch: "\\" + ch for ch in "\\`*_[]<>#|~"})
_MARKER_STARTS = frozenset("-+*=")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])(\s)|^(\s*)([-+*=])(\s|$)")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^(\s{0,3})(#{1,6})(\s|$)")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
_AUTOLINK = re.compile(r"<(https?://[^\s<>]+|mailto:[^\s<>]+)>")
_REF_DEF = re.compile(r"^(\s{0,3})\[([^\]]+)\]:\s*(\S*)")
_SAFE_SCHEMES = ("http:", "https:", "mailto:")
_UNESCAPED_BRACKET = re.compile(r"(?<!\\)([\[\]])")


def render_markdown(
    lib: Library, article_id: int, *, script: str = "original", pinyin: str = "none", generated: str | None = None,
    readings: ReadingOptions | None = None,
) -> str:
    """The Markdown export; `readings` says how readings are written (default: citation tones, the
    readings of the script shown)."""
    if script not in SCRIPTS:
        raise ValueError(f"unknown script {script!r}")
    if pinyin not in PINYIN_STYLES:
        raise ValueError(f"unknown reading style {pinyin!r}")
    info = lib.article(article_id)
    anns = Annotations(lib).list_for_article(article_id, kind="highlight")
    anchored = [a for a in anns if not a.orphaned]
    orphaned = [a for a in anns if a.orphaned]
    pars = lib.paragraphs(info.revision_id)
    # Chinese tag names are stored simplified; "original" shows them in the article's own script. Tag names
    # are labels, so traditional ones use the Taiwan phrasing (待核實, not OpenCC's standard 待覈實).
    zh_script = script if script != "original" else info.script if info.script in SCRIPT_NAMES else "original"
    zh_script = "taiwan" if zh_script == "traditional" else zh_script

    def conv(text: str) -> str:
        return convert_text(text, script)

    out: list[str] = [f"# {escape_inline(conv(info.title))}", ""]
    if info.title_en:
        out += [f"*{escape_inline(info.title_en)}*", ""]
    meta = []
    if info.author:
        meta.append(f"- **Author:** {escape_inline(conv(info.author))}")
    if info.source:
        meta.append(f"- **Source:** {escape_inline(conv(info.source))}")
    if info.date:
        meta.append(f"- **Date:** {escape_inline(info.date)}")
    shown_in = SCRIPT_NAMES.get(script, f"as published, {SCRIPT_NAMES.get(info.script, info.script)}")
    readings = readings or ReadingOptions()
    meta.append(f"- **Text shown in:** {shown_in}" + ("" if pinyin == "none" else f"; readings: {READING_NAMES[pinyin]}"
                                                      + "".join(f", {d}" for d in describe(readings, script))))
    authors = [escape_inline(a) for a in sorted({a.author for a in anns})]
    count = f"{len(anns)} highlight{'s' if len(anns) != 1 else ''}"
    if authors:
        count += " by " + (", ".join(authors[:-1]) + " and " + authors[-1] if len(authors) > 1 else authors[0])
    if orphaned:
        count += f" ({len(orphaned)} no longer in the text)"
    meta.append(f"- **Annotations:** {count}")
    if generated:
        meta.append(f"- **Exported:** {escape_inline(generated)}")
    out += meta + [""]

    from reader.core.reading_fixes import apply_fixes, fix_annotations

    fixes = fix_annotations(lib, article_id)
    overlapping = paragraph_finder(pars)
    hits = [overlapping(a) for a in anchored]
    needed = {p.index for hit in hits for p in hit}
    tokens = {}
    if needed and (script != "original" or pinyin != "none"):
        tokens = lib.tokens(info.revision_id, [p for p in pars if p.index in needed])
        tokens = apply_fixes(tokens, {f.start: str(f.reading) for f in fixes})

    out += ["## Highlights", ""]
    if not anchored:
        out += ["*No highlights in the current text.*", ""]
    shown = ShownParagraphs(script, readings)
    details: dict[tuple, list[str]] = {}  # the same authors and tags come back on many highlights

    def details_of(a: Annotation) -> list[str]:
        key = (a.author, a.tags)
        if key not in details:
            details[key] = _details(a, zh_script)
        return details[key]

    for n, (a, hit) in enumerate(zip(anchored, hits, strict=True), 1):
        where = f"Paragraph {hit[0].index}" if len(hit) == 1 else f"Paragraphs {hit[0].index}–{hit[-1].index}"
        out += [f"### {n}. {where}", ""]
        if a.moved:
            out += [f"*{MOVED_NOTICE}*", ""]
        quote_pars = [_quote_text(p, tokens.get(p.index), a, pinyin, shown) for p in hit]
        out += blockquote(quote_pars) + [""]
        out += details_of(a) + [""]
        if a.note.strip():
            out += [safe_note(a.note), ""]
    if orphaned:
        out += ["## Orphaned highlights", "",
                "The passages these highlights marked are no longer in the current text; "
                "their quotes are shown as they were.", ""]
        for n, a in enumerate(orphaned, len(anchored) + 1):
            out += [f"### {n}. No longer in the text", ""]
            out += blockquote([escape_inline(conv(p)) for p in a.exact.split("\n")]) + [""]
            out += details_of(a) + [""]
            if a.note.strip():
                out += [safe_note(a.note), ""]
    if fixes:
        out += ["## Reading corrections", "",
                "Readings a reader set by hand for one occurrence; they replace the computed reading.", ""]
        for f in fixes:
            par = next((p for p in pars if p.start <= f.start < p.end), None)
            where = f"paragraph {par.index}" if par else "the text"
            context = conv(f.prefix[-6:] + f.exact + f.suffix[:6]).replace("\n", " ")
            reading = render(str(f.reading), "marks") or str(f.reading)
            out += [f"- **{escape_inline(conv(f.exact))}** read *{escape_inline(reading)}* ({escape_inline(str(f.reading))})"
                    f" in {where}: “{escape_inline(context)}” — {escape_inline(f.author or '')}"]
        out += [""]
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def _overlapping(pars: list[Paragraph], a: Annotation) -> list[Paragraph]:
    """The paragraphs a highlight touches, in order (the one before it for a highlight of a newline only)."""
    hit = [p for p in pars if p.start < a.end and a.start < p.end]
    if not hit:  # a highlight of the newline between two paragraphs: take the one before
        hit = [max((p for p in pars if p.start <= a.start), key=lambda p: p.start, default=pars[0])]
    return hit


def paragraph_finder(pars: list[Paragraph]) -> Callable[[Annotation], list[Paragraph]]:
    """`_overlapping` for many highlights of one text: bisection over the paragraphs' starts and ends.

    Paragraphs come in text order, so their starts and ends both rise and the paragraphs a highlight
    touches are one run of the list. Paragraphs out of that order fall back to the scan."""
    starts = [p.start for p in pars]
    ends = [p.end for p in pars]
    if not pars or any(starts[i] > starts[i + 1] or ends[i] > ends[i + 1] for i in range(len(pars) - 1)):
        return lambda a: _overlapping(pars, a)

    def find(a: Annotation) -> list[Paragraph]:
        # p.end > a.start holds from `lo` on, p.start < a.end up to `hi`
        lo, hi = bisect_right(ends, a.start), bisect_left(starts, a.end)
        if lo < hi:
            return pars[lo:hi]
        before = bisect_right(starts, a.start)  # paragraphs with p.start <= a.start
        if not before:
            return [pars[0]]
        return [pars[bisect_left(starts, starts[before - 1])]]  # the first of those with the latest start

    return find


class ShownParagraphs:
    """Paragraphs as shown in one script, each displayed once per export (many highlights quote the same
    paragraph), with their tokens found by bisection over the displayed offsets."""

    def __init__(self, script: str, readings: ReadingOptions | None = None) -> None:
        self.script = script
        self.readings = readings or ReadingOptions()
        self._shown: dict[int, DisplayParagraph] = {}
        self._bounds: dict[int, tuple[list[int], list[int]] | None] = {}

    def get(self, par: Paragraph, toks: list) -> DisplayParagraph:
        shown = self._shown.get(par.index)
        if shown is None:
            shown = self._shown[par.index] = display(par.text, toks, self.script, par.start,
                                                         **self.readings.display_kwargs())
        return shown

    def tokens(self, par: Paragraph, shown: DisplayParagraph, ds: int, de: int) -> list[DisplayToken]:
        """The displayed tokens that can overlap [ds, de), in order (a superset: callers skip empty overlaps)."""
        if par.index not in self._bounds:
            starts = [t.start for t in shown.tokens]
            ends = [t.end for t in shown.tokens]
            ordered = all(starts[i] <= starts[i + 1] and ends[i] <= ends[i + 1] for i in range(len(starts) - 1))
            self._bounds[par.index] = (starts, ends) if ordered else None
        bounds = self._bounds[par.index]
        if bounds is None:
            return shown.tokens
        starts, ends = bounds
        return shown.tokens[bisect_right(ends, ds) : bisect_left(starts, de)]


def _quote_text(
    par: Paragraph, toks: list | None, a: Annotation, pinyin: str, paragraphs: ShownParagraphs,
) -> str:
    rel_s = max(a.start, par.start) - par.start
    rel_e = min(a.end, par.end) - par.start
    if toks is None:
        return escape_inline(par.text[rel_s:rel_e])
    shown = paragraphs.get(par, toks)
    ds, de = shown.map.span_to_display(rel_s, rel_e)
    if pinyin == "none":
        return escape_inline(shown.text[ds:de])
    pieces: list[str] = []
    last_han = False
    for t in paragraphs.tokens(par, shown, ds, de):
        s, e = max(ds, t.start), min(de, t.end)
        if s >= e:
            continue
        text = t.text[s - t.start : e - t.start]
        rs = [x for x in (render(r, pinyin) for r in t.readings[s - t.start : e - t.start]) if x]
        if rs:
            pieces.append((" " if last_han else "") + f"{escape_inline(text)} ({' '.join(rs)})")
        else:
            pieces.append(escape_inline(text))
        last_han = bool(rs)
    return "".join(pieces).strip()


def _details(a: Annotation, zh_script: str) -> list[str]:
    lines = []
    if a.tags:
        names = []
        for t in a.tags:
            zh = f" {convert_text(t.name_zh, zh_script)}" if t.name_zh else ""
            names.append(f"{escape_inline(t.name)}{escape_inline(zh)} ({escape_inline(t.tagset)})")
        lines.append("- **Tags:** " + " · ".join(names))
    lines.append(f"- **Author:** {escape_inline(a.author)}")
    return lines


def blockquote(paragraphs: list[str]) -> list[str]:
    """Paragraphs as one blockquote (empty quoted lines between them)."""
    lines: list[str] = []
    for i, p in enumerate(paragraphs):
        if i:
            lines.append(">")
        lines.append("> " + p if p else ">")
    return lines


def escape_inline(text: str) -> str:
    """Plain text that Markdown shows as typed: special characters and line-start markers escaped."""
    if _INLINE_SPECIAL.search(text):  # most fields (Chinese quotes, names) have nothing to escape
        text = text.translate(_INLINE_ESCAPES)
        if "!\\[" in text:
            text = text.replace("!\\[", "\\!\\[")
    if "\n" not in text:
        return _escape_line_start(text)
    return "\n".join([_escape_line_start(line) for line in text.split("\n")])


def _escape_line_start(line: str) -> str:
    """A line that Markdown would read as a list item or setext underline (`1.`, `- `, `=`) made literal."""
    if not line:
        return line
    first = line[0]
    if not (first.isspace() or first.isdigit() or first in _MARKER_STARTS):
        return line  # the pattern needs a space, a digit or a marker first: skip the regular expression
    m = _LINE_START.match(line)
    if m and m.group(2):
        return f"{m.group(1)}{m.group(2)}\\{m.group(3)}{line[m.end(3):]}"
    if m and m.group(6):
        return f"{m.group(5)}\\{line[len(m.group(5)):]}"
    return line


def safe_note(note: str) -> str:
    """A note's own Markdown, kept, made safe to render: raw HTML made inert, images shown as their alt text,
    links kept only to http, https, mailto or a fragment (others keep their text), headings pushed below level 3.

    Both the Markdown and the HTML export show notes through this function."""
    out: list[str] = []
    run: list[str] = []  # consecutive lines outside code fences: a link's text may span several of them
    fence: str | None = None

    def flush() -> None:
        if run:
            out.extend(_escape_html(line) for line in _safe_links("\n".join(run)).split("\n"))
            run.clear()

    for line in note.strip("\n").split("\n"):
        m = _FENCE.match(line)
        if fence is not None:
            out.append(line)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            continue
        if m:
            flush()
            fence = m.group(1)
            out.append(line)
            continue
        h = _HEADING.match(line)
        if h:
            line = f"{h.group(1)}{'#' * min(6, len(h.group(2)) + 3)}{line[h.end(2):]}"
        d = _REF_DEF.match(line)
        if d and safe_href(_destination(d.group(3))) is None:
            line = f"{d.group(1)}\\{line[len(d.group(1)):]}"  # an unsafe link definition becomes plain text
        run.append(line)
    flush()
    if fence is not None:
        out.append(fence)  # close a fence the note left open, so the rest of the document stays intact
    return "\n".join(out)


def safe_href(href: str | None) -> str | None:
    """The link if it goes somewhere harmless (http, https, mailto, or a fragment), else None."""
    if not href:
        return None
    probe = "".join(ch for ch in html.unescape(href) if ch > " ").lower()
    if probe.startswith("#") or probe.startswith(_SAFE_SCHEMES):
        return href.strip()
    return None


def _destination(raw: str) -> str:
    """The URL of a Markdown link destination (`<url>` or `url "title"`)."""
    raw = raw.strip()
    if raw.startswith("<"):
        return raw[1 : raw.find(">")] if ">" in raw else raw[1:]
    return raw.split(maxsplit=1)[0] if raw else ""


def _closing(text: str, start: int, opening: str, closing: str) -> int | None:
    """Index of the bracket that closes the one at `start` (backslash escapes and nesting respected)."""
    depth = 0
    i = start
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == opening:
            depth += 1
        elif ch == closing:
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


def _safe_links(text: str) -> str:
    """Images become `[alt]` text; links to other schemes (javascript:, data:, file:) keep only their text.

    Code spans are left as they are (Markdown shows them literally)."""
    parts: list[str] = []
    pos = 0
    for m in _CODE_SPAN.finditer(text):
        parts.append(_safe_links_outside_code(text[pos : m.start()]))
        parts.append(m.group(0))
        pos = m.end()
    parts.append(_safe_links_outside_code(text[pos:]))
    return "".join(parts)


def _safe_links_outside_code(text: str) -> str:
    out: list[str] = []
    pos = i = 0
    while (i := text.find("[", i)) >= 0:
        if _escaped(text, i):
            i += 1
            continue
        close = _closing(text, i, "[", "]")
        if close is None:
            break
        end = close + 1
        url: str | None = None
        if text.startswith("(", end) and (paren := _closing(text, end, "(", ")")) is not None:
            url, end = _destination(text[end + 1 : paren]), paren + 1
        elif text.startswith("[", end) and (ref := _closing(text, end, "[", "]")) is not None:
            end = ref + 1
        label = text[i + 1 : close]
        if i > 0 and text[i - 1] == "!" and not _escaped(text, i - 1):
            alt = _UNESCAPED_BRACKET.sub(r"\\\1", _safe_links_outside_code(label)) or "image"
            out.append(f"{text[pos : i - 1]}\\[{alt}\\]")
            pos = i = end
        elif url and safe_href(url) is None:
            out.append(text[pos:i] + _safe_links_outside_code(label))
            pos = i = end
        else:
            i += 1  # a safe link (or plain brackets): keep it, and look inside its text for images
    out.append(text[pos:])
    return "".join(out)


def _escaped(text: str, i: int) -> bool:
    """Whether the character at `i` is escaped by an odd number of backslashes."""
    n = 0
    while i - n - 1 >= 0 and text[i - n - 1] == "\\":
        n += 1
    return n % 2 == 1


def _escape_html(line: str) -> str:
    """`<` and `&#…;` made literal outside code spans; `<https://…>` autolinks kept."""
    parts: list[str] = []
    pos = 0
    for m in _CODE_SPAN.finditer(line):
        parts.append(_escape_html_text(line[pos : m.start()]))
        parts.append(m.group(0))
        pos = m.end()
    parts.append(_escape_html_text(line[pos:]))
    return "".join(parts)


def _escape_html_text(text: str) -> str:
    links: list[str] = []

    def keep(m: re.Match[str]) -> str:
        links.append(m.group(0))
        return f"\x00{len(links) - 1}\x00"

    text = _AUTOLINK.sub(keep, text)
    text = text.replace("<", "&lt;")
    return re.sub(r"\x00(\d+)\x00", lambda m: links[int(m.group(1))], text)
