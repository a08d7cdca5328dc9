"""Selected text (gui layer): a canonical span as displayed text, or as words followed by their readings."""
from __future__ import annotations

from reader.core.pipeline.readings import is_han, render
from reader.gui.layout import DocumentLayout


def _pieces(doc: DocumentLayout, start: int, end: int) -> list[tuple[int, int, int]]:
    """(paragraph index, displayed start, displayed end) of each paragraph the canonical span touches."""
    out = []
    for idx, p in enumerate(doc.paragraphs):
        if p.end < start or p.start >= end:
            continue
        disp = doc.display_of(idx)
        a = disp.map.to_display(max(start, p.start) - p.start)
        b = disp.map.to_display(min(end, p.end) - p.start, end=True)
        out.append((idx, a, b))
    return out


def display_text(doc: DocumentLayout, start: int, end: int) -> str:
    """The canonical span [start, end) in the displayed script; paragraphs separated by newlines."""
    if start >= end:
        return ""
    return "\n".join(doc.display_of(idx).text[a:b] for idx, a, b in _pieces(doc, start, end))


def text_with_readings(doc: DocumentLayout, start: int, end: int, style: str) -> str:
    """The span as `联合国(lián hé guó)`: each word (or its selected part) followed by its readings."""
    if start >= end:
        return ""
    out = []
    for idx, a, b in _pieces(doc, start, end):
        disp = doc.display_of(idx)
        parts = []
        for tok in disp.tokens:
            lo, hi = max(a, tok.start), min(b, tok.end)
            if lo >= hi:
                continue
            text = disp.text[lo:hi]
            pairs = zip(tok.readings[lo - tok.start : hi - tok.start], text, strict=False)
            shown = [render(r, style) for r, ch in pairs if r and is_han(ch)]
            parts.append(f"{text}({' '.join(x for x in shown if x)})" if shown else text)
        out.append("".join(parts))
    return "\n".join(out)
