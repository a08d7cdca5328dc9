"""Class report (core layer): where a class agrees and disagrees on an article, passage by passage.

`build_report(lib, article_id, ...)` gathers the students' layers and computes, over the stance tagset
(reader.core.agreement for the definitions): Krippendorff's alpha overall and per tag, pairwise percent
agreement, a heat map (students per character), tag counts per paragraph, the most disputed sentences with
each student's tag and note side by side, and each student's participation (annotations, tags, words of
notes). The students are those whose hand-ins were merged (reader.core.classroom), or, for an article
with none, every author of a highlight on it.

Filters: `students` (only these), `tag` (only annotations carrying it count in the heat map, the paragraph
counts, the participation and the disputed passages; alpha and pairwise agreement always use every stance
code of the chosen students), `at` (a date or time: annotations made after it are left out, and each
annotation has the tags it had then, replayed from its tag history — a pre-reading pass against a
post-reading pass). Orphaned highlights are left out (their offsets refer to an older text).

`render(report, fmt)` writes it as md, html (self-contained, with an SVG chart of the tags per paragraph), csv (the reliability data: one row per
sentence, one column per student) or json (`ClassReport.as_json`).
"""
from __future__ import annotations

import csv
import io
import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import UTC, datetime, time

from reader.core import agreement as ag
from reader.core.annotations import Annotations
from reader.core.errors import ReaderError
from reader.core.export.html import CSP, STYLE, esc
from reader.core.export.markdown import escape_inline
from reader.core.library import Library
from reader.core.tags import Tag, Tags
from reader.core.untrusted import parse_time

REPORT_FORMATS = ("md", "html", "csv", "json")
_WORDS = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def note_words(note: str) -> int:
    """Words of a note: Latin words and numbers, plus each Chinese character (Chinese has no spaces)."""
    return len(_WORDS.findall(note))


def parse_at(value: str) -> datetime:
    """--at: a date (the end of that day, UTC) or an ISO 8601 time."""
    raw = value.strip()
    try:
        if len(raw) == 10:
            day = datetime.fromisoformat(raw).date()
            return datetime.combine(day, time(23, 59, 59, 999000), tzinfo=UTC)
        return parse_time(raw)
    except ValueError as exc:
        raise ReaderError(f"--at {value!r} is not a date (2026-03-01) or an ISO 8601 time") from exc


@dataclass
class StudentSummary:
    name: str
    annotations: int = 0
    tags: int = 0
    stance: int = 0  # annotations with a stance tag
    note_words: int = 0
    units_coded: int = 0
    handed_in: str | None = None

    def as_json(self) -> dict[str, object]:
        return {"name": self.name, "annotations": self.annotations, "tags": self.tags, "stance": self.stance,
                "note_words": self.note_words, "units_coded": self.units_coded, "handed_in": self.handed_in}


@dataclass
class ClassReport:
    article_id: int
    title: str
    text: str
    tagset: str
    tags: list[Tag]  # the stance tags, in tagset order
    students: list[StudentSummary]
    units: list[ag.Unit]
    coding: dict[str, list[ag.Mark | None]]
    alpha: float | None
    alpha_by_tag: dict[str, float | None]
    pairwise: list[ag.Pair]
    heat: list[int]
    paragraphs: list[dict[str, object]]
    disputed: list[ag.Dispute]
    at: str | None = None
    filters: dict[str, object] = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.students]

    def dispute_json(self, d: ag.Dispute) -> dict[str, object]:
        overlap = d.overlap
        return {
            "unit": d.unit.index, "paragraph": d.unit.paragraph, "start": d.unit.start, "end": d.unit.end,
            "text": self.text[d.unit.start : d.unit.end], "disagreement": d.disagreement, "counts": d.counts,
            "overlap": None if overlap is None else {"start": overlap[0], "end": overlap[1],
                                                     "text": self.text[overlap[0] : overlap[1]]},
            "students": [{"name": m.student, "tag": m.stance, "note": m.note, "quote": m.quote, "uuid": m.uuid,
                          "start": m.start, "end": m.end} for m in d.entries],
        }

    def as_json(self) -> dict[str, object]:
        coded = [k for k in range(len(self.units)) if any(self.coding[s][k] for s in self.names)]
        pairable = [k for k in coded if sum(1 for s in self.names if self.coding[s][k]) >= 2]
        return {
            "article": {"id": self.article_id, "title": self.title},
            "tagset": self.tagset,
            "tags": [{"tag": t.qualified, "name": t.name, "name_zh": t.name_zh, "color": t.color} for t in self.tags],
            "at": self.at, "filters": self.filters,
            "students": [s.as_json() for s in self.students],
            "units": {"count": len(self.units), "coded": len(coded), "pairable": len(pairable)},
            "alpha": self.alpha, "alpha_by_tag": self.alpha_by_tag,
            "pairwise": [p.as_json() for p in self.pairwise],
            "heat": self.heat, "heat_max": max(self.heat, default=0),
            "paragraphs": self.paragraphs,
            "disputed": [self.dispute_json(d) for d in self.disputed],
        }


def _tags_at(history: list[tuple[str, str, str]], when: datetime) -> list[str] | None:
    """The qualified tag names an annotation had at `when`, replayed from (tag, action, at); None: no history."""
    if not history:
        return None
    current: dict[str, None] = {}
    for tag, action, at in history:
        try:
            if parse_time(at) > when:
                break
        except ValueError:
            continue
        if action == "add":
            current[tag] = None
        else:
            current.pop(tag, None)
    return list(current)


def build_report(
    lib: Library, article_id: int, *, tagset: str = "Stance", at: str | None = None,
    students: list[str] | None = None, tag: str | None = None, disputed_limit: int = 10,
) -> ClassReport:
    info = lib.article(article_id)
    text = lib.revision_text(info.revision_id)
    pars = lib.paragraphs(info.revision_id)
    tags_api = Tags(lib)
    set_id = tags_api.tagset_id(tagset)
    all_tags = tags_api.all()
    stance_tags = [t for t in all_tags if t.tagset_id == set_id]
    set_name = stance_tags[0].tagset if stance_tags else tagset
    by_name = {t.qualified.casefold(): t for t in all_tags}
    tag_filter = tags_api.resolve(tag).qualified if tag else None
    when = parse_at(at) if at else None

    handed = {str(r[0]): str(r[1]) for r in lib.conn.execute(
        "SELECT student, handed_in FROM class_handins WHERE article_id = ? ORDER BY student", (article_id,))}
    anns = [a for a in Annotations(lib).list_for_article(article_id, kind="highlight") if not a.orphaned]
    names = sorted(handed) if handed else sorted({a.author for a in anns})
    if students:
        unknown = [s for s in students if s not in names]
        if unknown:
            raise ReaderError(f"no work by {', '.join(unknown)} on article {article_id} "
                              f"(students: {', '.join(names) or 'none'})")
        names = [n for n in names if n in students]
    anns = [a for a in anns if a.author in names]
    if when is not None:
        anns = [a for a in anns if parse_time(a.created) <= when]
        rows = lib.conn.execute(
            "SELECT annotation_uuid, tag_name, action, at FROM tag_history WHERE annotation_uuid IN"
            " (SELECT uuid FROM annotations WHERE article_id = ?) ORDER BY id", (article_id,))
        history: dict[str, list[tuple[str, str, str]]] = {}
        for uid, tname, action, stamp in rows:
            history.setdefault(uid, []).append((tname, action, stamp))
    stance_order = {t.qualified: i for i, t in enumerate(stance_tags)}
    marks: list[ag.Mark] = []
    for a in anns:
        qualified = [t.qualified for t in a.tags]
        if when is not None:
            replayed = _tags_at(history.get(a.uuid, []), when)
            if replayed is not None:
                qualified = [by_name[q.casefold()].qualified if q.casefold() in by_name else q for q in replayed]
        stance = min((q for q in qualified if q in stance_order), key=stance_order.__getitem__, default=None)
        marks.append(ag.Mark(a.author, a.uuid, a.start, a.end, stance, tuple(qualified), a.note, a.exact))

    units = ag.unitise(pars)
    coding = ag.code_units(units, marks, names)
    codes = [t.qualified for t in stance_tags]
    data = ag.matrix(coding, names, codes)
    shown = [m for m in marks if tag_filter is None or tag_filter in m.tags]
    summaries = []
    for name in names:
        own = [m for m in shown if m.student == name]
        summaries.append(StudentSummary(
            name, len(own), sum(len(m.tags) for m in own), sum(1 for m in own if m.stance),
            sum(note_words(m.note) for m in own), sum(1 for m in coding[name] if m is not None), handed.get(name)))
    starts = [p.start for p in pars]
    counts: list[dict[str, int]] = [{} for _ in pars]
    for m in shown:
        first = max(0, bisect_right(starts, m.start) - 1)
        for k in range(first, len(pars)):
            if pars[k].start >= m.end:
                break
            if m.start < pars[k].end:
                for q in m.tags:
                    counts[k][q] = counts[k].get(q, 0) + 1
    disputes = ag.disputed(units, coding, names)
    if tag_filter is not None:
        disputes = [d for d in disputes if any(tag_filter in m.tags for m in d.entries)]
    filters: dict[str, object] = {"students": students or None, "tag": tag_filter}
    return ClassReport(
        article_id, info.title, text, set_name, stance_tags, summaries, units, coding, ag.alpha(data),
        ag.alpha_by_tag(data, codes), ag.pairwise(coding, names), ag.heat(len(text), shown),
        [{"index": p.index, "counts": dict(sorted(c.items()))} for p, c in zip(pars, counts, strict=True)],
        disputes[: max(0, disputed_limit)], None if when is None else when.isoformat(timespec="milliseconds"), filters,
    )


# ---- rendering -----------------------------------------------------------------------------------
def _num(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _cell(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return escape_inline(flat).replace("|", "\\|") or " "


def render_markdown(r: ClassReport) -> str:
    names = r.names
    out = [f"# Class report: {escape_inline(r.title)}", ""]
    out.append(f"- **Students:** {len(names)}" + (f" ({', '.join(escape_inline(n) for n in names)})" if names else ""))
    out.append(f"- **Tagset:** {escape_inline(r.tagset)} — "
               + ", ".join(escape_inline(t.name) for t in r.tags))
    data = r.as_json()
    units = data["units"]
    out.append(f"- **Sentences:** {units['count']}, coded by someone: {units['coded']}, "  # type: ignore[index]
               f"by two or more: {units['pairable']}")  # type: ignore[index]
    out.append(f"- **Krippendorff's alpha (nominal):** {_num(r.alpha)}")
    if not names:
        out.append("- *No hand-in merged and no highlight on this article yet.*")
    if r.at:
        out.append(f"- **Tags as they were at:** {escape_inline(r.at)}")
    if r.filters.get("tag"):
        out.append(f"- **Only annotations tagged:** {escape_inline(str(r.filters['tag']))}")
    out += ["", "## Agreement per tag", "", "| Tag | Alpha (this tag or not) |", "|---|---|"]
    out += [f"| {_cell(t.name)} | {_num(r.alpha_by_tag.get(t.qualified))} |" for t in r.tags]
    out += ["", "## Pairwise agreement", "", "| Student | Student | Sentences both coded | Same tag |", "|---|---|---|---|"]
    out += [f"| {_cell(p.a)} | {_cell(p.b)} | {p.units} | {_num(p.percent, 1)}{'' if p.percent is None else ' %'} |"
            for p in r.pairwise]
    out += ["", "## Participation", "", "| Student | Annotations | Tags | Stance | Words of notes | Sentences coded |",
            "|---|---|---|---|---|---|"]
    out += [f"| {_cell(s.name)} | {s.annotations} | {s.tags} | {s.stance} | {s.note_words} | {s.units_coded} |"
            for s in r.students]
    out += ["", "## Tags per paragraph", ""]
    used = [p for p in r.paragraphs if p["counts"]]
    if not used:
        out.append("*No tags.*")
    for p in used:
        counts = p["counts"]
        assert isinstance(counts, dict)
        out.append(f"- **Paragraph {p['index']}:** " + ", ".join(f"{escape_inline(k)} {v}" for k, v in counts.items()))
    out += ["", "## Most disputed passages", ""]
    if not r.disputed:
        out.append("*No sentence where students chose different tags.*")
    for n, d in enumerate(r.disputed, 1):
        tags = ", ".join(f"{escape_inline(k.split('/', 1)[-1])} {v}" for k, v in d.counts.items())
        out += [f"### {n}. Paragraph {d.unit.paragraph} — disagreement {d.disagreement:.2f} ({tags})", "",
                f"> {_cell(r.text[d.unit.start : d.unit.end], 2000)}", "",
                "| Student | Tag | Marked | Note |", "|---|---|---|---|"]
        out += [f"| {_cell(m.student)} | {_cell((m.stance or '').split('/', 1)[-1])} | {_cell(m.quote, 80)} | "
                f"{_cell(m.note)} |" for m in d.entries]
        out.append("")
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def _heat_html(r: ClassReport) -> str:
    top = max(r.heat, default=0)
    if not top:
        return "<p><em>Nobody marked anything.</em></p>"
    out = []
    text = r.text
    for line_start, line in _lines(text):
        pieces = []
        k = 0
        while k < len(line):
            level = r.heat[line_start + k]
            j = k
            while j < len(line) and r.heat[line_start + j] == level:
                j += 1
            chunk = esc(line[k:j])
            if level:
                pieces.append(f'<span style="background:rgba(214,72,72,{0.12 + 0.68 * level / top:.2f})" '
                              f'title="{level} of {len(r.students)}">{chunk}</span>')
            else:
                pieces.append(chunk)
            k = j
        if line.strip():
            out.append(f"<p>{''.join(pieces)}</p>")
    return "\n".join(out)


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


REPORT_STYLE = STYLE + """
main{max-width:60em}
table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.95em}
td,th{border:1px solid #ddd6c8;padding:.25em .7em;vertical-align:top;text-align:left}
th{background:#f3efe6}td.n{text-align:right;font-variant-numeric:tabular-nums}
.dispute{margin:1.6em 0}.dispute h3{color:#24221f;margin-bottom:.3em}
.chart{margin:.6em 0 1.2em;max-width:100%;height:auto}.chart text{font:11px sans-serif;fill:#4d4943}
.legend span{display:inline-block;margin-right:1em}.legend i{display:inline-block;width:.9em;height:.9em;
margin-right:.3em;vertical-align:-.1em;background:var(--c)}
.heat p{line-height:1.9}
"""
OTHER = "#b8b0a2"  # tags outside the stance tagset


def _table(head: list[str], rows: list[list[object]]) -> str:
    """An HTML table; numbers right-aligned, everything else escaped text."""
    out = ["<table><thead><tr>" + "".join(f"<th>{esc(h)}</th>" for h in head) + "</tr></thead><tbody>"]
    for row in rows:
        out.append("<tr>" + "".join(
            f'<td class="n">{esc(str(c))}</td>' if isinstance(c, int | float) or _is_number(c)
            else f"<td>{esc(str(c))}</td>" for c in row) + "</tr>")
    return "".join(out) + "</tbody></table>"


def _is_number(c: object) -> bool:
    return isinstance(c, str) and bool(re.fullmatch(r"[–-]|-?\d+(\.\d+)?( %)?", c))


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000):
        if top / step <= 6:
            return step
    return max(1, top // 5)


def stacked_bars_svg(rows: list[tuple[str, dict[str, int]]], colours: dict[str, str], names: dict[str, str],
                     y_label: str, x_label: str) -> str:
    """An inline SVG bar chart: one stacked bar per row (in the tag colours), a y axis with numbered ticks,
    each bar's total above it, the row labels under it, and a legend."""
    top = max((sum(c.values()) for _, c in rows), default=0)
    if not top:
        return "<p><em>No tags.</em></p>"
    step = _nice_step(top)
    ymax = -(-top // step) * step
    left, bottom, height = 44, 34, 180
    bar = max(8, min(36, 640 // max(1, len(rows)) - 6))
    width = left + len(rows) * (bar + 6) + 10
    every = max(1, -(-24 // (bar + 6)))
    y = lambda v: 10 + height * (1 - v / ymax)  # noqa: E731
    out = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + bottom + 10}" '
           f'viewBox="0 0 {width} {height + bottom + 10}" role="img" aria-label="{esc(y_label)} per {esc(x_label)}">']
    for v in range(0, ymax + 1, step):
        out.append(f'<line x1="{left}" x2="{width - 6}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#e4ddd0"/>'
                   f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v}</text>')
    out.append(f'<line x1="{left}" x2="{left}" y1="10" y2="{10 + height}" stroke="#6b665e"/>'
               f'<line x1="{left}" x2="{width - 6}" y1="{10 + height}" y2="{10 + height}" stroke="#6b665e"/>')
    out.append(f'<text transform="translate(12 {10 + height / 2}) rotate(-90)" text-anchor="middle">{esc(y_label)}</text>')
    for n, (label, counts) in enumerate(rows):
        x = left + 6 + n * (bar + 6)
        base = 0
        for key, count in counts.items():
            colour = colours.get(key, OTHER)
            out.append(f'<rect x="{x}" y="{y(base + count):.1f}" width="{bar}" height="{y(base) - y(base + count):.1f}" '
                       f'fill="{esc(colour)}"><title>{esc(names.get(key, key))}: {count}</title></rect>')
            base += count
        if base:
            out.append(f'<text x="{x + bar / 2}" y="{y(base) - 3:.1f}" text-anchor="middle">{base}</text>')
        if n % every == 0:  # narrow bars: label every few, so the numbers never run into each other
            out.append(f'<text x="{x + bar / 2}" y="{height + 24}" text-anchor="middle">{esc(label)}</text>')
    out.append(f'<text x="{left + (width - left) / 2}" y="{height + bottom + 6}" text-anchor="middle">{esc(x_label)}</text>')
    out.append("</svg>")
    used = {k for _, c in rows for k in c}
    legend = "".join(f'<span><i style="--c:{esc(colours.get(k, OTHER))}"></i>{esc(names.get(k, k))}</span>'
                     for k in sorted(used, key=lambda k: (k not in colours, names.get(k, k))))
    return "".join(out) + f'<p class="legend">{legend}</p>'


def render_html(r: ClassReport) -> str:
    """The report as one self-contained page, styled like the notes export: headings, tables, a chart of
    the tags per paragraph, each disputed passage with the students' tags and notes, and the heat map."""
    data = r.as_json()
    units = data["units"]
    names = r.names
    meta = [f"<li><strong>Students:</strong> {len(names)}" + (f" ({esc(', '.join(names))})" if names else "") + "</li>",
            f"<li><strong>Tagset:</strong> {esc(r.tagset)} — {esc(', '.join(t.name for t in r.tags))}</li>",
            f"<li><strong>Sentences:</strong> {units['count']}, coded by someone: {units['coded']}, "  # type: ignore[index]
            f"by two or more: {units['pairable']}</li>",  # type: ignore[index]
            f"<li><strong>Krippendorff's alpha (nominal):</strong> {_num(r.alpha)}</li>"]
    if not names:
        meta.append("<li><em>No hand-in merged and no highlight on this article yet.</em></li>")
    if r.at:
        meta.append(f"<li><strong>Tags as they were at:</strong> {esc(r.at)}</li>")
    if r.filters.get("tag"):
        meta.append(f"<li><strong>Only annotations tagged:</strong> {esc(str(r.filters['tag']))}</li>")
    colours = {t.qualified: t.color for t in r.tags if t.color}
    tag_names = {t.qualified: t.name for t in r.tags}
    body = [f'<h1>Class report: <span lang="zh">{esc(r.title)}</span></h1>', f'<ul class="meta">{"".join(meta)}</ul>',
            "<h2>Agreement per tag</h2>",
            _table(["Tag", "Alpha (this tag or not)"], [[t.name, _num(r.alpha_by_tag.get(t.qualified))] for t in r.tags]),
            "<h2>Pairwise agreement</h2>",
            _table(["Student", "Student", "Sentences both coded", "Same tag"],
                   [[p.a, p.b, p.units, "–" if p.percent is None else f"{p.percent:.1f} %"] for p in r.pairwise]),
            "<h2>Participation</h2>",
            _table(["Student", "Annotations", "Tags", "Stance", "Words of notes", "Sentences coded"],
                   [[s.name, s.annotations, s.tags, s.stance, s.note_words, s.units_coded] for s in r.students]),
            "<h2>Tags per paragraph</h2>",
            stacked_bars_svg([(str(p["index"]), p["counts"]) for p in r.paragraphs],  # type: ignore[misc]
                             colours, tag_names, "Tags", "Paragraph"),
            "<h2>Most disputed passages</h2>"]
    if not r.disputed:
        body.append("<p><em>No sentence where students chose different tags.</em></p>")
    for n, d in enumerate(r.disputed, 1):
        tags = ", ".join(f"{k.split('/', 1)[-1]} {v}" for k, v in d.counts.items())
        body += ['<section class="dispute">',
                 f"<h3>{n}. Paragraph {d.unit.paragraph} — disagreement {d.disagreement:.2f} ({esc(tags)})</h3>",
                 f'<blockquote lang="zh"><p>{esc(r.text[d.unit.start : d.unit.end])}</p></blockquote>',
                 _table(["Student", "Tag", "Marked", "Note"],
                        [[m.student, (m.stance or "").split("/", 1)[-1], _flat(m.quote, 80), _flat(m.note, 600)]
                         for m in d.entries]),
                 "</section>"]
    body += ["<h2>Heat map</h2>", "<p>The deeper the red, the more students marked the passage.</p>",
             f'<div class="heat" lang="zh">{_heat_html(r)}</div>']
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Class report: {esc(r.title)}</title>", f"<style>{REPORT_STYLE}</style>", "</head>", "<body>",
        "<main>", *body, "</main>", "</body>", "</html>",
    ]) + "\n"


def _flat(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def render_csv(r: ClassReport) -> str:
    """The reliability data: one row per sentence, one column per student (the tag chosen, empty if none)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["unit", "paragraph", "start", "end", "text", *r.names])
    for k, unit in enumerate(r.units):
        row = [unit.index, unit.paragraph, unit.start, unit.end, r.text[unit.start : unit.end]]
        row += [(m.stance or "") if (m := r.coding[s][k]) else "" for s in r.names]
        w.writerow([("'" + c) if isinstance(c, str) and c[:1] in ("=", "+", "-", "@") else c for c in row])
    return "\ufeff" + buf.getvalue()


def render(r: ClassReport, fmt: str) -> str:
    if fmt == "md":
        return render_markdown(r)
    if fmt == "html":
        return render_html(r)
    if fmt == "csv":
        return render_csv(r)
    if fmt == "json":
        return json.dumps(r.as_json(), ensure_ascii=False, indent=2) + "\n"
    raise ReaderError(f"unknown report format {fmt!r} (formats: {', '.join(REPORT_FORMATS)})")
