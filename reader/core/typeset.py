"""Chinese line setting with ruby (core): line breaking, justification and reading placement, from measured widths.

The rules follow the W3C Requirements for Chinese Text Layout (CLREQ) and, for the readings, the ruby
placement of JLREQ and CSS Ruby:

- base characters keep one advance within a line: all added space is spread evenly over the line's
  expansion opportunities (between characters; never inside a Latin word or a number, before a closing
  mark or after an opening one);
- each reading is centred over its character and may overhang its neighbours as long as their readings
  leave room (a hair between two syllables of one word, more between words); only then is spacing added,
  to the whole line; a word's syllables then lean towards each other (a fifth of a character at most);
- every line of a paragraph gets at least the spacing its median line needs (lines alike);
- lines are justified, except a paragraph's last line (and headings);
- line breaking keeps the characters of a word together (a long compound may break rather than leave a
  loose line), never starts a line with 。，、」） and the like nor
  ends one with 「（, and never breaks inside a name joined by ·, a number, a Latin word, —— or ……;
- where two full-width punctuation marks meet, the blank half of one is removed.

Widths come from the caller (Qt font metrics in the reading view and the PDF hand-out), so the same code
sets both. Nothing here imports Qt.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# No line begins with these (closing punctuation) …
NO_START = frozenset("，。、；：？！」』）》〉】〕…‥·・‧–～/,.;:?!)]}”’%")
# … and none ends with these (opening punctuation).
NO_END = frozenset("「『（《〈【〔“‘([{")
# Closing marks sit against what they close, opening ones against what they open: no space is added there.
CLOSING = frozenset("，。、；：？！」』）》〉】〕,.;:?!)]}”’%")
NAME_DOTS = frozenset("·・‧•")
FULL_WIDTH_PUNCT = frozenset("，。、；：？！「」『』（）《》〈〉【】〔〕“”‘’")
NAME_SIDE = 4  # Han characters kept together on each side of a name's middle dot
LONG_WORD = 4  # words longer than this may break across lines rather than leave a line loose
PULL = 0.2  # how far (in character pitches) a syllable may move towards the rest of its word


def _alnum(ch: str) -> bool:
    """A letter or digit of a Latin (or Greek, Cyrillic …) word or a number."""
    return ch.isalnum() and ord(ch) < 0x2E80


def tied(items: Sequence[Item], k: int) -> bool:
    """Whether items k-1 and k belong to one Latin word or number, or one dash —— or ellipsis …… (no break,
    no added space between): letters and digits, and the ' . , - / % inside them (3.14, 1,000, e-mail, 50%)."""
    if k <= 0 or k >= len(items):
        return False
    a, b = items[k - 1].ch, items[k].ch
    if _alnum(a) and _alnum(b) or (a == b and a in "—…‥"):  # ―― and …… are one mark in two halves
        return True
    if _alnum(a) and b in "%":
        return True
    if b in "'.,-/_" and _alnum(a):
        return k + 1 < len(items) and _alnum(items[k + 1].ch)
    if a in "'.,-/_" and _alnum(b):
        return k >= 2 and _alnum(items[k - 2].ch)
    return False


def _han(ch: str) -> bool:
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3134F


@dataclass(slots=True)
class Item:
    """One displayed character to set: its advance, where its glyph's ink sits, its reading (if any)."""

    ch: str
    advance: float
    word: int  # index of the word (token) it belongs to
    reading: str | None = None
    rw: float = 0.0  # reading width
    ink: str = "C"  # full-width punctuation: "L" ink in the left half, "R" in the right half, "C" centred


@dataclass(slots=True)
class Placed:
    """An item set on a line. x: left of its (possibly compressed) advance; box: its share of the line."""

    k: int  # index into the paragraph's items
    x: float
    adv: float
    glyph_x: float  # where the glyph is drawn (x, or left of x when a blank left half was removed)
    box_x: float
    box_w: float
    reading: str | None = None
    rx: float = 0.0  # left of the reading
    rw: float = 0.0
    group: int = 0  # characters spanned by the reading group that starts here (0: not the first of a group)


@dataclass(slots=True)
class SetLine:
    """A line set: its items placed, whether it was justified, and the spacing used and needed."""

    placed: list[Placed]
    width: float  # the measure the line was set to
    justified: bool
    last: bool  # the paragraph's last line
    spacing: float = 0.0  # space added at each expansion opportunity
    need: float = 0.0  # the least spacing its readings need
    indent: float = 0.0


@dataclass(slots=True)
class Params:
    gap_in: float  # between the syllables of one word
    gap_out: float  # between the readings of different words
    justify: bool = True
    floor: float = 0.0  # least spacing on every line (keeps lines of one paragraph alike)


def units_of(items: Sequence[Item]) -> list[tuple[int, int]]:
    """Unbreakable runs [a, b): words, joined by the CLREQ no-break rules."""
    units: list[list[int]] = []
    for k, it in enumerate(items):
        if units and items[k - 1].word == it.word:
            units[-1][1] = k + 1
        else:
            units.append([k, k + 1])
    # Names joined by a middle dot: up to NAME_SIDE Han characters on each side stay with the dot.
    out: list[list[int]] = []
    j = 0
    while j < len(units):
        a, b = units[j]
        if b - a == 1 and items[a].ch in NAME_DOTS and out:
            lo = len(out) - 1
            count = out[lo][1] - out[lo][0]
            while lo > 0 and _all_han(items, *out[lo - 1]) and count + out[lo - 1][1] - out[lo - 1][0] <= NAME_SIDE:
                lo -= 1
                count += out[lo][1] - out[lo][0]
            start = out[lo][0]
            del out[lo:]
            end = b
            count = 0
            while j + 1 < len(units) and _all_han(items, *units[j + 1]) \
                    and count + units[j + 1][1] - units[j + 1][0] <= NAME_SIDE:
                j += 1
                count += units[j][1] - units[j][0]
                end = units[j][1]
            out.append([start, end])
        else:
            out.append([a, b])
        j += 1
    merged: list[list[int]] = []
    for a, b in out:
        if merged:
            prev = items[merged[-1][1] - 1].ch
            first = items[a].ch
            if first in NO_START or prev in NO_END or tied(items, a) or prev in NAME_DOTS:
                merged[-1][1] = b
                continue
        merged.append([a, b])
    return [(a, b) for a, b in merged]


def _all_han(items: Sequence[Item], a: int, b: int) -> bool:
    return all(_han(items[k].ch) for k in range(a, b))


def compress(items: Sequence[Item]) -> list[float]:
    """Advances after punctuation compression: where two full-width marks meet, one loses its blank half."""
    adv = [it.advance for it in items]
    for k in range(len(items) - 1):
        a, b = items[k], items[k + 1]
        if a.ch in FULL_WIDTH_PUNCT and b.ch in FULL_WIDTH_PUNCT:
            if a.ink == "L" and adv[k] == a.advance:
                adv[k] = a.advance / 2
            elif b.ink == "R":
                adv[k + 1] = b.advance / 2
    return adv


class _Filler:
    """A line being filled: natural width and the least spacing its readings need."""

    def __init__(self, items: Sequence[Item], adv: list[float], params: Params, ties: list[bool]) -> None:
        self.items, self.adv, self.params, self.ties = items, adv, params, ties
        self.ks: list[int] = []
        self.pos: list[float] = []  # natural x of each item
        self.joints: list[int] = []  # expansion opportunities before each item
        self.width = 0.0
        self.njoints = 0
        self.spacing = params.floor
        self.last: tuple[float, int, float, int] | None = None  # the last reading: (centre, joints, width, word)

    def snapshot(self) -> tuple:
        return len(self.ks), self.width, self.njoints, self.spacing, self.last

    def restore(self, state: tuple) -> None:
        n, self.width, self.njoints, self.spacing, self.last = state
        del self.ks[n:], self.pos[n:], self.joints[n:]

    def add(self, k: int) -> None:
        items, adv = self.items, self.adv
        it = items[k]
        if self.ks and not (self.ties[k] and self.ks[-1] == k - 1) and it.ch not in CLOSING \
                and items[self.ks[-1]].ch not in NO_END:
            self.njoints += 1
        self.ks.append(k)
        self.pos.append(self.width)
        self.joints.append(self.njoints)
        centre = self.width + adv[k] / 2
        self.width += adv[k]
        if not it.reading:
            return
        # Centred readings may overhang their neighbours' room; when two would come closer than the gap
        # (a hair within a word, more between words), the spacing of the whole line grows.
        if self.last is not None:
            pc, pj, pw, word = self.last
            gap = self.params.gap_in if word == it.word else self.params.gap_out
            dj = self.njoints - pj
            if dj > 0:
                need = ((pw + it.rw) / 2 + gap - (centre - pc)) / dj
                if need > self.spacing:
                    self.spacing = need
        self.last = (centre, self.njoints, it.rw, it.word)

    def loose(self, measure: float, em: float) -> float:
        """How much looser than the paragraph's spacing this line would be set if it ended here (≤ 0: fine)."""
        n = len(self.ks)
        while n and self.items[self.ks[n - 1]].ch.isspace():
            n -= 1
        joints = self.joints[n - 1] if n else 0
        if not joints:
            return 0.0
        w = self.pos[n - 1] + self.adv[self.ks[n - 1]]
        return (measure - w) / joints - max(self.spacing, self.params.floor) - em * 0.3

    def natural(self) -> float:
        """Width the line needs: advances (trailing spaces not counted) plus the spacing its readings need."""
        w = self.width
        n = len(self.ks)
        while n and self.items[self.ks[n - 1]].ch.isspace():
            n -= 1
            w -= self.adv[self.ks[n]]
        joints = self.joints[n - 1] if n else 0
        return w + joints * self.spacing


def _breakable(items: Sequence[Item], a: int, b: int) -> bool:
    """A long compound (more than LONG_WORD Han characters and punctuation) that may be broken between
    its characters; shorter words stay whole, so a word's readings stay together."""
    return sum(1 for k in range(a, b) if _han(items[k].ch)) > LONG_WORD and not any(items[k].ch in NAME_DOTS or tied(items, k) for k in range(a + 1, b))


def _unit_width(adv: list[float], a: int, b: int) -> float:
    return sum(adv[a:b])


def _filled(items: Sequence[Item], adv: list[float], params: Params, ks: list[int], ties: list[bool]) -> _Filler:
    fill = _Filler(items, adv, params, ties)
    for k in ks:
        fill.add(k)
    return fill


def set_paragraph(
    items: Sequence[Item], width: float, params: Params, *, indent_first: float = 0.0, indent_rest: float = 0.0,
) -> list[SetLine]:
    """Break a paragraph into lines of at most `width` (less the indents) and place every item.

    Set twice when it has readings: the second time every line gets at least the spacing the median line
    needs, so a line of narrow readings is not set solid beside a line loosened by wide ones."""
    adv = compress(items)
    ties = [tied(items, k) for k in range(len(items))]
    units = units_of(items)
    em = next((it.advance for it in items if _han(it.ch)), 16.0)
    lines = _set(items, adv, ties, units, em, width, params, indent_first, indent_rest)
    needs = sorted(fill.spacing for fill, _ in lines[:-1] if fill.spacing > 0)
    if needs:
        floor = min(needs[len(needs) // 2], width / 8)
        lines = _set(items, adv, ties, units, em, width, Params(params.gap_in, params.gap_out, params.justify, floor),
                     indent_first, indent_rest)
    return [_place(fill, measure, n == len(lines) - 1, indent_first if n == 0 else indent_rest)
            for n, (fill, measure) in enumerate(lines)]


def _set(
    items: Sequence[Item], adv: list[float], ties: list[bool], units: list[tuple[int, int]], em: float,
    width: float, params: Params, indent_first: float, indent_rest: float,
) -> list[tuple[_Filler, float]]:
    """Break into lines: each line's filler (positions, spacing its readings need) and measure."""
    lines: list[tuple[_Filler, float]] = []
    fill = _Filler(items, adv, params, ties)
    measure = width - indent_first

    def flush() -> None:
        nonlocal fill, measure
        lines.append((fill, measure))
        fill = _Filler(items, adv, params, ties)
        measure = width - indent_rest

    for a, b in units:
        state = fill.snapshot()
        for k in range(a, b):
            if not fill.ks and lines and items[k].ch.isspace():
                continue  # no spaces at the start of a wrapped line
            fill.add(k)
        if fill.natural() <= measure + 0.01:
            continue
        fill.restore(state)
        # Break inside the unit when it is longer than a line, or when it is an ordinary word and moving it
        # whole would leave this line loose; otherwise it starts the next line.
        if fill.ks and (fill.loose(measure, em) <= 0 or not _breakable(items, a, b)) \
                and _unit_width(adv, a, b) <= measure:
            flush()
        for k in range(a, b):
            if not fill.ks and lines and items[k].ch.isspace():
                continue
            state = fill.snapshot()
            fill.add(k)
            if state[0] and fill.natural() > measure + 0.01 and items[k].ch not in NO_START \
                    and not (fill.ks[-2] == k - 1 and ties[k] and _unit_width(adv, a, b) <= measure):
                fill.restore(state)
                kept = list(fill.ks)
                carry: list[int] = []
                while len(kept) > 1 and items[kept[-1]].ch in NO_END:
                    carry.insert(0, kept.pop())
                if carry:
                    fill = _filled(items, adv, params, kept, ties)
                flush()
                for c in [*carry, k]:
                    fill.add(c)
    if fill.ks or not lines:
        lines.append((fill, measure))
    return lines


def _place_group(group: list[Placed], gap_in: float, pull: float) -> None:
    """Readings of one word: each centred over its character, then drawn together towards the word's
    middle — at most `pull` each, never closer than `gap_in` — so a word's syllables read as one."""
    if len(group) == 1:
        p = group[0]
        p.rx = p.x + (p.adv - p.rw) / 2
        p.group = 1
        return
    mono = [p.x + p.adv / 2 for p in group]
    if len(group) > 1:
        total = sum(p.rw for p in group) + (len(group) - 1) * gap_in
        middle = ((mono[0] - group[0].rw / 2) + (mono[-1] + group[-1].rw / 2)) / 2
        x = middle - total / 2
        tight = []
        for p in group:
            tight.append(x + p.rw / 2)
            x += p.rw + gap_in
        far = max(abs(t - c) for t, c in zip(tight, mono, strict=True))
        t = 1.0 if far <= pull else pull / far
        centres = [c + t * (j - c) for c, j in zip(mono, tight, strict=True)]
    else:
        centres = mono
    for p, c in zip(group, centres, strict=True):
        p.rx = c - p.rw / 2
    group[0].group = len(group)


def _place(fill: _Filler, width: float, last: bool, indent: float) -> SetLine:
    """Positions of one line's items, justified unless it is the paragraph's last line."""
    items, adv, params, ks = fill.items, fill.adv, fill.params, fill.ks
    line_adv = adv
    # A closing mark at the end of a line sets flush with the measure: its blank half is removed.
    end = len(ks)
    while end and items[ks[end - 1]].ch.isspace():
        end -= 1
    if end and not last:
        it = items[ks[end - 1]]
        if it.ch in FULL_WIDTH_PUNCT and it.ink == "L" and line_adv[ks[end - 1]] == it.advance:
            line_adv = list(adv)
            line_adv[ks[end - 1]] = it.advance / 2
            fill = _filled(items, line_adv, params, ks, fill.ties)
    spacing = fill.spacing
    njoints = fill.joints[end - 1] if end else 0
    natural = (fill.pos[end - 1] + line_adv[ks[end - 1]]) if end else 0.0
    justified = False
    if params.justify and not last and njoints:
        fit = (width - natural) / njoints
        if fit >= spacing - 0.01:
            spacing, justified = fit, True
    placed: list[Placed] = []
    for m, k in enumerate(ks):
        it = items[k]
        x = fill.pos[m] + fill.joints[m] * spacing
        a = line_adv[k] if m < end else 0.0
        glyph_x = x - (it.advance - a) if it.ink == "R" and a < it.advance else x
        placed.append(Placed(k, x, a, glyph_x, x, a, it.reading, 0.0, it.rw))
    for m in range(1, len(placed)):  # boxes meet half-way between glyphs
        mid = (placed[m - 1].x + placed[m - 1].adv + placed[m].x) / 2
        placed[m - 1].box_w = mid - placed[m - 1].box_x
        placed[m].box_w += placed[m].box_x - mid
        placed[m].box_x = mid
    line = SetLine(placed, width, justified, last, spacing=spacing, need=fill.spacing, indent=indent)
    m = 0
    while m < len(placed):  # reading groups: a word's consecutive readings
        if not placed[m].reading:
            m += 1
            continue
        g = m
        while g + 1 < len(placed) and placed[g + 1].reading and placed[g + 1].k == placed[g].k + 1 \
                and items[placed[g + 1].k].word == items[placed[m].k].word:
            g += 1
        _place_group(placed[m:g + 1], params.gap_in, min(placed[m].adv + spacing, placed[m].adv * 1.5) * PULL)
        m = g + 1
    return line
