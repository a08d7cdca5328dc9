"""HTML export (core layer, export): the Markdown export as one self-contained web page.

Same content and order as reader.core.export.markdown — title, metadata, one section per highlight with
its quote, tags and note, orphaned highlights last — with the notes rendered by `markdown`, tags shown as
chips in their colours, and, with `pinyin`, the quotes carrying ruby readings
(one `<ruby>` per word: `<ruby><rb>联</rb><rp>(</rp><rt>lián</rt><rp>)</rp>…</ruby>`, its syllables a
hair apart and words further apart; text without ruby support shows `联(lián)`). The page is self-contained: inline CSS, no scripts, no external
resources (a Content-Security-Policy forbids them too). Everything a user typed is escaped; a note's
rendered HTML goes through an allow-list (links only to http, https and mailto; images become their alt
text), so raw HTML or `javascript:` links in a note do nothing. No clock unless `generated` is given.
"""
from __future__ import annotations

import html
from html.parser import HTMLParser

import markdown

from reader.core.annotations import Annotation, Annotations
from reader.core.export.markdown import (
    MOVED_NOTICE,
    SCRIPT_NAMES,
    ShownParagraphs,
    paragraph_finder,
    safe_href,
    safe_note,
)
from reader.core.library import Library
from reader.core.pipeline.readings import render
from reader.core.pipeline.script import convert_text
from reader.core.reading_fixes import apply_fixes, fixes_for
from reader.core.reading_options import ReadingOptions, describe
from reader.core.text import PINYIN_STYLES, SCRIPTS, Paragraph

LANG = {"simplified": "zh-Hans", "traditional": "zh-Hant", "taiwan": "zh-Hant-TW"}
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
STYLE = """
body{margin:0;background:#fbf8f1;color:#24221f;font:17px/1.6 "Noto Sans CJK SC","Noto Sans CJK TC",
"PingFang SC","Microsoft YaHei",sans-serif}
main{max-width:46em;margin:0 auto;padding:2em 1.5em 4em}
h1{font-size:1.7em;margin:.2em 0}h2{margin-top:2em;border-bottom:1px solid #ddd6c8}
h3{font-size:1.05em;color:#6b665e;margin:2em 0 .4em}
.title-en{margin-top:0;color:#6b665e}
ul.meta{list-style:none;padding:0;color:#4d4943}
blockquote{margin:.4em 0;padding:.3em 1em;border-left:4px solid var(--c,#c9c2b4);background:#f3efe6}
blockquote p{margin:.3em 0;font-size:1.25em;line-height:2.3;text-align:justify;text-justify:inter-character;
line-break:strict;text-spacing-trim:normal;hanging-punctuation:allow-end}
blockquote p:lang(zh-Hant-TW){text-spacing-trim:space-all}
ruby{ruby-position:over;ruby-align:center}rb{padding:0 .16em}
rt{font-size:.5em;line-height:1;color:#5f6670;padding:0 .06em;font-variant-east-asian:normal}
ruby rt:first-of-type{padding-left:.3em}ruby rt:last-of-type{padding-right:.3em}
rp{display:none}
.chip{display:inline-block;margin:0 .3em .2em 0;padding:0 .55em;border-radius:1em;font-size:.85em;
border:1px solid var(--c);background:color-mix(in srgb,var(--c) 22%,transparent)}
.by{color:#6b665e;font-size:.9em;margin:.2em 0}
.note{border-top:1px dashed #ddd6c8;margin-top:.4em}
@media print{body{background:#fff}blockquote{background:none}}
""".strip()
_ALLOWED = {"p", "br", "em", "strong", "b", "i", "code", "pre", "blockquote", "ul", "ol", "li", "h4", "h5", "h6",
            "hr", "a", "table", "thead", "tbody", "tr", "th", "td", "del", "sup", "sub", "dl", "dt", "dd"}
_VOID = {"br", "hr"}


def esc(text: str) -> str:
    return html.escape(text, quote=True)


class _Sanitizer(HTMLParser):
    """Rebuilds HTML keeping only allowed tags; text escaped again; links only to safe schemes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            alt = dict(attrs).get("alt") or "image"
            self.out.append(f"[{esc(alt)}]")
            return
        if tag not in _ALLOWED:
            return
        extra = ""
        if tag == "a":
            href = safe_href(dict(attrs).get("href"))
            extra = f' href="{esc(href)}" rel="noreferrer noopener"' if href else ""
        self.out.append(f"<{tag}{extra}>")
        if tag not in _VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in self.open and tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _ALLOWED and tag in self.open:
            while self.open:
                top = self.open.pop()
                self.out.append(f"</{top}>")
                if top == tag:
                    break

    def handle_data(self, data: str) -> None:
        self.out.append(esc(data).replace("&#x27;", "'"))

    def result(self) -> str:
        self.close()
        return "".join(self.out) + "".join(f"</{t}>" for t in reversed(self.open))


def sanitize(fragment: str) -> str:
    s = _Sanitizer()
    s.feed(fragment)
    return s.result()


_NOTE_EXTENSIONS = ["fenced_code", "tables", "sane_lists"]


def note_html(note: str, md: markdown.Markdown | None = None) -> str:
    """A note's Markdown rendered to safe HTML (raw HTML shown as text, headings below the document's).

    `md`, a converter made by `note_converter`, is reused (and reset) instead of building one per note."""
    if md is None:
        return sanitize(markdown.markdown(safe_note(note), extensions=_NOTE_EXTENSIONS))
    try:
        return sanitize(md.convert(safe_note(note)))
    finally:
        md.reset()


def note_converter() -> markdown.Markdown:
    """One Markdown converter for the notes of one export (not shared between threads)."""
    return markdown.Markdown(extensions=_NOTE_EXTENSIONS)


def render_html(
    lib: Library, article_id: int, *, script: str = "original", pinyin: str = "none", generated: str | None = None,
    readings: ReadingOptions | None = None,
) -> str:
    """The HTML export; `readings` says how the ruby readings are written (default: citation tones, the
    readings of the script shown). A reader's own reading fixes win, as in the view."""
    if script not in SCRIPTS:
        raise ValueError(f"unknown script {script!r}")
    if pinyin not in PINYIN_STYLES:
        raise ValueError(f"unknown reading style {pinyin!r}")
    info = lib.article(article_id)
    anns = Annotations(lib).list_for_article(article_id, kind="highlight")
    anchored = [a for a in anns if not a.orphaned]
    orphaned = [a for a in anns if a.orphaned]
    pars = lib.paragraphs(info.revision_id)
    zh_script = script if script != "original" else info.script if info.script in SCRIPT_NAMES else "original"
    lang = LANG.get(script if script != "original" else info.script, "zh")

    def conv(text: str) -> str:
        return convert_text(text, script)

    title = conv(info.title)
    out = [
        "<!DOCTYPE html>", f'<html lang="{lang}">', "<head>", '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>", f"<style>\n{STYLE}\n</style>", "</head>", "<body>", "<main>",
        f"<h1>{esc(title)}</h1>",
    ]
    if info.title_en:
        out.append(f'<p class="title-en" lang="en"><em>{esc(info.title_en)}</em></p>')
    meta = []
    if info.author:
        meta.append(f"<li><strong>Author:</strong> {esc(conv(info.author))}</li>")
    if info.source:
        meta.append(f"<li><strong>Source:</strong> {esc(conv(info.source))}</li>")
    if info.date:
        meta.append(f"<li><strong>Date:</strong> {esc(info.date)}</li>")
    shown_in = SCRIPT_NAMES.get(script, f"as published ({SCRIPT_NAMES.get(info.script, info.script)})")
    readings = readings or ReadingOptions()
    meta.append(f"<li><strong>Text shown in:</strong> {esc(shown_in)}"
                + ("" if pinyin == "none" else f", readings in {esc(pinyin)}"
                   + "".join(f", {esc(d)}" for d in describe(readings, script))) + "</li>")
    authors = sorted({a.author for a in anns})
    count = f"{len(anchored)} highlight{'s' if len(anchored) != 1 else ''}"
    if orphaned:
        count += f", {len(orphaned)} orphaned"
    if authors:
        count += " by " + ", ".join(authors)
    meta.append(f"<li><strong>Annotations:</strong> {esc(count)}</li>")
    if generated:
        meta.append(f"<li><strong>Exported:</strong> {esc(generated)}</li>")
    out += ['<ul class="meta">', *meta, "</ul>"]

    overlapping = paragraph_finder(pars)
    hits = [overlapping(a) for a in anchored]
    needed = {p.index for hit in hits for p in hit}
    tokens = {}
    if needed and (script != "original" or pinyin != "none"):
        tokens = lib.tokens(info.revision_id, [p for p in pars if p.index in needed])
        tokens = apply_fixes(tokens, fixes_for(lib, article_id))

    parts = _Parts(zh_script)
    shown = ShownParagraphs(script, readings)
    out.append("<h2>Highlights</h2>")
    if not anchored:
        out.append("<p><em>No highlights in the current text.</em></p>")
    for n, (a, hit) in enumerate(zip(anchored, hits, strict=True), 1):
        where = f"Paragraph {hit[0].index}" if len(hit) == 1 else f"Paragraphs {hit[0].index}–{hit[-1].index}"
        quote = [_quote_html(p, tokens.get(p.index), a, pinyin, shown) for p in hit]
        out += _section(n, where, quote, a, parts)
    if orphaned:
        out += ["<h2>Orphaned highlights</h2>",
                "<p>The passages these highlights marked are no longer in the current text; "
                "their quotes are shown as they were.</p>"]
        for n, a in enumerate(orphaned, len(anchored) + 1):
            out += _section(n, "No longer in the text", [esc(conv(p)) for p in a.exact.split("\n")], a, parts)
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


class _Parts:
    """What many highlights of one export share, made once: tag chips, author lines, rendered notes."""

    def __init__(self, zh_script: str) -> None:
        self.zh_script = zh_script
        self.md = note_converter()
        self._chips: dict[tuple, str] = {}
        self._notes: dict[str, str] = {}

    def chips(self, tags: tuple) -> str:
        line = self._chips.get(tags)
        if line is None:
            line = self._chips[tags] = _chips(tags, self.zh_script)
        return line

    def note(self, note: str) -> str:
        rendered = self._notes.get(note)
        if rendered is None:
            rendered = self._notes[note] = note_html(note, self.md)
        return rendered


def _chips(tags: tuple, zh_script: str) -> str:
    chips = []
    for t in tags:
        zh = f" {convert_text(t.name_zh, zh_script)}" if t.name_zh else ""
        chips.append(f'<span class="chip" style="--c:{t.color}" title="{esc(t.tagset)}">{esc(t.name + zh)}</span>')
    return '<p class="tags">' + "".join(chips) + "</p>"


def _section(n: int, where: str, quote: list[str], a: Annotation, parts: _Parts) -> list[str]:
    colour = a.color or (a.tags[0].color if a.tags else "#c9c2b4")
    lines = [f'<section class="highlight" id="h{n}" style="--c:{colour}">', f"<h3>{n}. {esc(where)}</h3>",
             *([f'<p class="by moved"><em>{esc(MOVED_NOTICE)}</em></p>'] if a.moved else []),
             "<blockquote>", *[f"<p>{q}</p>" for q in quote], "</blockquote>"]
    if a.tags:
        lines.append(parts.chips(a.tags))
    lines.append(f'<p class="by">— {esc(a.author)}</p>')
    if a.note.strip():
        lines.append(f'<div class="note">{parts.note(a.note)}</div>')
    lines.append("</section>")
    return lines


def ruby_html(rubies: list[tuple[str, str | None]]) -> str:
    """One word as ruby: each character in its own <rb> with its reading in the <rt> after it (mono ruby,
    so a syllable stays over its character), wrapped in <rp> parentheses for readers without ruby."""
    if not any(r for _, r in rubies):
        return esc("".join(ch for ch, _ in rubies))
    return "<ruby>" + "".join(
        f"<rb>{esc(ch)}</rb><rp>(</rp><rt>{esc(r)}</rt><rp>)</rp>" if r else f"<rb>{esc(ch)}</rb><rt></rt>"
        for ch, r in rubies) + "</ruby>"


def _quote_html(
    par: Paragraph, toks: list | None, a: Annotation, pinyin: str, paragraphs: ShownParagraphs,
) -> str:
    rel_s = max(a.start, par.start) - par.start
    rel_e = min(a.end, par.end) - par.start
    if toks is None:
        return esc(par.text[rel_s:rel_e])
    shown = paragraphs.get(par, toks)
    ds, de = shown.map.span_to_display(rel_s, rel_e)
    if pinyin == "none":
        return esc(shown.text[ds:de])
    pieces: list[str] = []
    for t in paragraphs.tokens(par, shown, ds, de):
        s, e = max(ds, t.start), min(de, t.end)
        if s >= e:
            continue
        chars = t.text[s - t.start : e - t.start]
        readings = t.readings[s - t.start : e - t.start]
        rubies = [(ch, render(r, pinyin) if r else None) for ch, r in zip(chars, readings, strict=False)]
        pieces.append(ruby_html(rubies))
    return "".join(pieces)
