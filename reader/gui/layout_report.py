"""Layout report (gui layer): every line the reading view draws, as data — glyph and reading positions.

`screenshot --layout-json` writes it beside the image, and the typesetting tests check it: justified lines,
even advances, readings that never overlap and sit centred over their characters.
"""
from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget

from reader.gui.reading_view import ReadingView


def visible_layout(view: ReadingView, relative_to: QWidget | None = None) -> dict:
    """`{"lines": [...]}` for the lines visible in the view, in the coordinates of `relative_to` (default:
    the view's viewport). x values are left edges. A word's reading is one group, given at its first
    character: `ruby` its syllables, `ruby_x`/`ruby_w` its extent, `ruby_of` the characters it spans,
    `ruby_parts` each syllable's [x, w] (over the characters in order)."""
    viewport = view.viewport()
    origin = viewport.mapTo(relative_to, QPoint(0, 0)) if relative_to is not None else QPoint(0, 0)
    ox, oy = float(origin.x()), float(origin.y())
    doc = view.doc
    scroll = float(view.verticalScrollBar().value())
    y0, y1 = scroll, scroll + viewport.height()
    xo = doc.x_offset + ox
    lines = []
    for idx, top, lay in doc.visible(y0, y1):
        for line in lay.lines:
            ly = top + line.y
            if not line.cells or ly + line.height <= y0 or ly >= y1:
                continue
            glyphs = []
            cells = line.cells
            for n, c in enumerate(cells):
                glyph = {
                    "offset": lay.canonical(c.i), "char": c.ch, "x": round(xo + c.gx, 2), "w": round(c.adv, 2),
                    "ruby": None, "ruby_x": None, "ruby_w": None, "ruby_of": 0,
                }
                if c.span:
                    group = cells[n:n + c.span]
                    right = group[-1].rx + group[-1].rw
                    glyph.update(ruby="".join(g.reading or "" for g in group), ruby_x=round(xo + c.rx, 2),
                                 ruby_w=round(right - c.rx, 2), ruby_of=c.span,
                                 ruby_parts=[[round(xo + g.rx, 2), round(g.rw, 2)] for g in group])
                glyphs.append(glyph)
            lines.append({
                "paragraph": idx, "kind": lay.par.kind, "y": round(ly - scroll + oy, 2),
                "column_left": round(xo + line.left, 2), "column_right": round(xo + line.right, 2),
                "justified": line.justified, "last_in_paragraph": line.last, "glyphs": glyphs,
            })
    return {"lines": lines}


HAN_RANGES = ((0x3400, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))


def _han(ch: str) -> bool:
    return any(lo <= ord(ch) <= hi for lo, hi in HAN_RANGES)


def figures(report: dict, tolerance: float = 1.5) -> dict:
    """The typesetting figures of a layout report: share of full lines justified (within `tolerance` px at
    both edges), median over lines of the coefficient of variation of Han-to-Han advances, overlapping
    readings, readings off-centre (single characters beyond `tolerance`, a word's syllables beyond
    half a character), the median gaps between a word's syllables and between words' readings, and lines set."""
    full = justified = overlaps = off_centre = 0
    cvs: list[float] = []
    where: list[int] = []  # offsets of the readings off-centre
    gaps_in: list[float] = []  # between syllables of one word
    gaps_out: list[float] = []  # between the readings of neighbouring words
    for line in report["lines"]:
        glyphs = [g for g in line["glyphs"] if not g["char"].isspace()]
        if not glyphs:
            continue
        if not line["last_in_paragraph"] and line["kind"] != "heading":
            full += 1
            left, right = glyphs[0]["x"], glyphs[-1]["x"] + glyphs[-1]["w"]
            if abs(left - line["column_left"]) <= tolerance and abs(right - line["column_right"]) <= tolerance:
                justified += 1
        advances = [b["x"] - a["x"] for a, b in zip(line["glyphs"], line["glyphs"][1:], strict=False)
                    if _han(a["char"]) and _han(b["char"])]
        if len(advances) >= 2:
            mean = sum(advances) / len(advances)
            var = sum((a - mean) ** 2 for a in advances) / len(advances)
            cvs.append(var ** 0.5 / mean if mean else 0.0)
        boxes: list[tuple[float, float]] = []
        for n, g in enumerate(line["glyphs"]):
            if not g["ruby_of"]:
                continue
            parts = g.get("ruby_parts") or [[g["ruby_x"], g["ruby_w"]]]
            if boxes:
                gaps_out.append(parts[0][0] - boxes[-1][1])
            gaps_in.extend(b[0] - (a[0] + a[1]) for a, b in zip(parts, parts[1:], strict=False))
            boxes.extend((x, x + w) for x, w in parts)
            covered = line["glyphs"][n:n + g["ruby_of"]]
            if g["ruby_of"] == 1:
                if abs(g["ruby_x"] + g["ruby_w"] / 2 - (g["x"] + g["w"] / 2)) > tolerance:
                    off_centre += 1
                    where.append(g["offset"])
            else:
                for (x, w), h in zip(parts, covered, strict=False):
                    if abs(x + w / 2 - (h["x"] + h["w"] / 2)) > h["w"] / 2:
                        off_centre += 1
                        where.append(h["offset"])
        boxes.sort()
        overlaps += sum(1 for a, b in zip(boxes, boxes[1:], strict=False) if b[0] < a[1] - 0.01)
    cvs.sort()
    return {
        "lines": len(report["lines"]), "full_lines": full,
        "justified_share": round(justified / full, 4) if full else 1.0,
        "median_cv": round(cvs[len(cvs) // 2], 4) if cvs else 0.0,
        "overlaps": overlaps, "off_centre": off_centre, "off_centre_at": where[:10],
        "median_gap_in_word": _median(gaps_in), "median_gap_between_words": _median(gaps_out),
    }


def _median(values: list[float]) -> float | None:
    return round(sorted(values)[len(values) // 2], 2) if values else None
