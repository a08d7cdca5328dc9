"""Anchors that survive edits (core layer): W3C-style text targets and re-anchoring onto a new revision.

A target is a position (start, end) plus a quote: the exact text, ~32 characters of prefix and suffix,
and the quote normalised (OpenCC t2s, NFKC, whitespace folded). When an article gets a new revision,
`reanchor` finds each target in the new text, trying in order:

1. the position the old offsets map to through a diff of the two texts, if the exact quote is there;
2. the exact quote elsewhere: the occurrence closest to that place (context agreement breaks ties),
   accepted only where the context still agrees at least in part;
3. the normalised quote in the normalised new text (the text switched script or width), the same way;
4. a fuzzy match of the quote near the mapped place: candidate places from the diff and from shared
   character pairs, refined with difflib; accepted when the quote is similar enough (`FUZZY_MIN_RATIO`)
   and its context agrees (`CONTEXT_MIN`).

Only an anchor that cannot be on other text is `confident`: the quote (or its normalised form) at the
mapped place of an unchanged stretch or with its context agreeing, or the only occurrence of the quote
with its context agreeing (`CONTEXT_AGREE`). Every other anchor has status `moved`: the reader is asked
to check it. Nothing found: the caller marks the annotation orphaned (it keeps its quote and note).
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Protocol

CONTEXT = 32  # characters of prefix and suffix kept with a quote
FUZZY_MIN_RATIO = 0.6  # similarity of quote and match needed for a fuzzy anchor
CONTEXT_MIN = 0.5  # context agreement (0–1) below which a match away from the mapped place is not taken
FUZZY_NEAR = 32  # how far (or the quote's length, if longer) a fuzzy match may start from the mapped place
CONTEXT_AGREE = 0.75  # context agreement from which a match elsewhere is certain enough not to be checked
CHAR_DIFF_LIMIT = 4_000_000  # len(a) * len(b) above which a changed block is not diffed char by char
_WS = re.compile(r"\s+")


class Target(Protocol):
    """What re-anchoring needs of an annotation (an `Annotation` or a `Quote`)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def exact(self) -> str: ...
    @property
    def prefix(self) -> str: ...
    @property
    def suffix(self) -> str: ...
    @property
    def normalized(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    normalized: str


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a target was found in the new text, and how.

    `method`: 'exact' (same offsets), 'shifted' (the quote at the mapped place, offsets changed),
    'relocated' (the quote elsewhere), 'normalized' (in another script or width), 'fuzzy' (edited text).
    `confident`: False when the reader should check the place (status `moved`).
    """

    start: int
    end: int
    method: str
    confident: bool = True

    @property
    def status(self) -> str:
        """The annotation status this anchor gives: 'anchored', or 'moved' (please check)."""
        return "anchored" if self.confident else "moved"


def make_quote(text: str, start: int, end: int) -> Quote:
    """The target of text[start:end]: exact quote, context, and normalised quote."""
    exact = text[start:end]
    return Quote(start, end, exact, text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT], normalize(exact))


# ---- normalisation ---------------------------------------------------------------------------------
def normalize(text: str, *, casefold: bool = False) -> str:
    """Script- and width-independent form: OpenCC t2s, NFKC, whitespace runs folded to one space, stripped.
    With `casefold`, Latin letters are case-folded too (finding text: "Evidence" matches "evidence")."""
    return normalize_with_map(text, casefold=casefold)[0]


def normalize_with_map(text: str, *, casefold: bool = False) -> tuple[str, list[int]]:
    """`normalize(text)` and, for each normalised character, the offset in `text` it came from."""
    from reader.core.pipeline.script import convert_text

    # 1. t2s, line by line; a line whose length changes is converted character by character.
    chars: list[str] = []
    origin: list[int] = []
    pos = 0
    for line in text.split("\n"):
        conv = convert_text(line, "simplified")
        if len(conv) == len(line):
            chars.extend(conv)
            origin.extend(range(pos, pos + len(line)))
        else:
            for k, ch in enumerate(line):
                piece = convert_text(ch, "simplified")
                chars.extend(piece)
                origin.extend([pos + k] * len(piece))
        pos += len(line)
        if pos < len(text):
            chars.append("\n")
            origin.append(pos)
            pos += 1
    # 2. NFKC (and case folding), character by character where needed (full-width Latin and digits,
    # compatibility forms).
    joined = "".join(chars)
    if not unicodedata.is_normalized("NFKC", joined) or (casefold and joined.casefold() != joined):
        out_c: list[str] = []
        out_o: list[int] = []
        for ch, o in zip(chars, origin, strict=True):
            piece = unicodedata.normalize("NFKC", ch)
            piece = piece.casefold() if casefold else piece
            out_c.extend(piece)
            out_o.extend([o] * len(piece))
        chars, origin = out_c, out_o
    # 3. whitespace folded.
    res_c: list[str] = []
    res_o: list[int] = []
    in_space = False
    for ch, o in zip(chars, origin, strict=True):
        if ch.isspace():
            if not in_space and res_c:
                res_c.append(" ")
                res_o.append(o)
            in_space = True
            continue
        in_space = False
        res_c.append(ch)
        res_o.append(o)
    if res_c and res_c[-1] == " ":
        res_c.pop()
        res_o.pop()
    return "".join(res_c), res_o


# ---- mapping offsets through a diff ---------------------------------------------------------------
class OffsetMapper:
    """Maps offsets of an old text to a new one through a diff: paragraphs first, then characters."""

    def __init__(self, old: str, new: str) -> None:
        self.old, self.new = old, new
        self.ops: list[tuple[str, int, int, int, int]] = []
        old_lines, new_lines = _lines(old), _lines(new)
        old_pos = _starts(old_lines)
        new_pos = _starts(new_lines)
        sm = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            a1, a2, b1, b2 = old_pos[i1], old_pos[i2], new_pos[j1], new_pos[j2]
            if tag == "equal" or a1 == a2 or b1 == b2:
                self.ops.append((tag, a1, a2, b1, b2))
                continue
            a, b = old[a1:a2], new[b1:b2]
            if len(a) * len(b) > CHAR_DIFF_LIMIT:
                self.ops.append(("replace", a1, a2, b1, b2))
                continue
            for ctag, c1, c2, d1, d2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
                self.ops.append((ctag, a1 + c1, a1 + c2, b1 + d1, b1 + d2))
        self._keys = [op[1] for op in self.ops]

    def _op(self, i: int) -> tuple[str, int, int, int, int] | None:
        k = bisect_right(self._keys, i) - 1
        while k >= 0:
            op = self.ops[k]
            if op[1] <= i < op[2]:
                return op
            if op[2] <= i:
                return None
            k -= 1
        return None

    def start(self, i: int) -> int:
        """Where old offset `i` (a start boundary) is in the new text."""
        if i >= len(self.old):
            return len(self.new)
        op = self._op(i)
        if op is None:
            return min(i, len(self.new))
        tag, i1, i2, j1, j2 = op
        if tag == "equal":
            return j1 + (i - i1)
        return j1 + (i - i1) * (j2 - j1) // max(1, i2 - i1)

    def end(self, i: int) -> int:
        """Where old offset `i` (an end boundary) is in the new text."""
        if i <= 0:
            return 0
        op = self._op(i - 1)
        if op is None:
            return min(i, len(self.new))
        tag, i1, i2, j1, j2 = op
        if tag == "equal":
            return j1 + (i - i1)
        return j1 + -(-(i - i1) * (j2 - j1) // max(1, i2 - i1))

    def intact(self, start: int, end: int) -> bool:
        """True when old text[start:end] lies inside one unchanged block."""
        op = self._op(start)
        return op is not None and op[0] == "equal" and end <= op[2]


def _lines(text: str) -> list[str]:
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + [parts[-1]]


def _starts(lines: list[str]) -> list[int]:
    out = [0]
    for line in lines:
        out.append(out[-1] + len(line))
    return out


# ---- re-anchoring --------------------------------------------------------------------------------
class Reanchorer:
    """Re-anchors many targets from one old text onto one new text (the diff is computed once)."""

    def __init__(self, old_text: str | None, new_text: str) -> None:
        self.old = old_text
        self.new = new_text
        self.mapper = OffsetMapper(old_text, new_text) if old_text is not None and old_text != new_text else None
        self._norm: tuple[str, list[int]] | None = None
        self._old_norm: str | None = None
        self._pairs: dict[str, list[int]] | None = None

    def locate(self, t: Target) -> tuple[int, int]:
        """Where the target's old place is in the new text (its old offsets mapped through the diff)."""
        if self.old == self.new or self.mapper is None:
            return t.start, t.end
        return self.mapper.start(t.start), self.mapper.end(t.end)

    def reanchor(self, t: Target) -> Anchor | None:
        new, exact = self.new, t.exact
        if not exact:
            return None
        p, pe = self.locate(t)
        # 1. the quote is still where the old place now is.
        at = p if new.startswith(exact, p) else t.start if self.mapper is None and new.startswith(exact, t.start) \
            else None
        if at is not None:
            sure = self._mapped_intact(t) or context_score(new, at, at + len(exact), t.prefix, t.suffix) >= CONTEXT_AGREE
            return Anchor(at, at + len(exact), "exact" if at == t.start else "shifted", sure)
        # 2. the exact quote elsewhere, closest first.
        found = self._closest(new, exact, p, t.prefix, t.suffix)
        if found is not None:
            i, sure = found
            # A quote the old text had more than once may have lost the very copy it marked.
            sure = sure and (self.old is None or _once(self.old, exact))
            return Anchor(i, i + len(exact), "relocated", sure)
        # 3. the normalised quote (script or width changed).
        if t.normalized:
            norm, origin = self.normalized()
            np_ = bisect_right(origin, p) - 1 if origin else 0
            at_mapped = norm.startswith(t.normalized, np_) and np_ >= 0 and origin[np_] == p
            hit = (np_, self._mapped_intact(t) or self._agrees(norm, np_, t)) if at_mapped else \
                self._closest(norm, t.normalized, max(0, np_), normalize(t.prefix), normalize(t.suffix))
            if hit is not None and not at_mapped and self.old is not None and not _once(self.old_normalized(), t.normalized):
                hit = (hit[0], False)
            if hit is not None:
                h, sure = hit
                s = origin[h]
                e = origin[h + len(t.normalized) - 1] + 1
                # whitespace at the quote's edges was folded away: take it back where the new text has it
                lead = len(exact) - len(exact.lstrip())
                trail = len(exact) - len(exact.rstrip())
                while lead and s > 0 and new[s - 1].isspace():
                    s, lead = s - 1, lead - 1
                while trail and e < len(new) and new[e].isspace():
                    e, trail = e + 1, trail - 1
                return Anchor(s, e, "normalized", sure)
        # 4. fuzzy: never certain.
        return self._fuzzy(t, p, pe)

    def _mapped_intact(self, t: Target) -> bool:
        """Whether the target's old span lies in a stretch the diff found unchanged (or nothing changed)."""
        return self.old == self.new or (self.mapper is not None and self.mapper.intact(t.start, t.end))

    def _agrees(self, norm: str, at: int, t: Target) -> bool:
        ctx = context_score(norm, at, at + len(t.normalized), normalize(t.prefix), normalize(t.suffix))
        return ctx >= CONTEXT_AGREE

    def normalized(self) -> tuple[str, list[int]]:
        if self._norm is None:
            self._norm = normalize_with_map(self.new)
        return self._norm

    def old_normalized(self) -> str:
        if self._old_norm is None:
            self._old_norm = normalize(self.old or "")
        return self._old_norm

    # ---- helpers ----------------------------------------------------------------------------------
    def _closest(self, text: str, needle: str, near: int, prefix: str, suffix: str) -> tuple[int, bool] | None:
        """The occurrence of `needle` nearest to `near` among those whose context agrees at least in part,
        and whether it is certain: the only occurrence, its context agreeing (`CONTEXT_AGREE`)."""
        best: tuple[int, float, int] | None = None
        best_ctx = 0.0
        count = 0
        i = text.find(needle)
        while i != -1:
            count += 1
            ctx = context_score(text, i, i + len(needle), prefix, suffix)
            if ctx >= CONTEXT_MIN:
                key = (abs(i - near), -ctx, i)
                if best is None or key < best:
                    best, best_ctx = key, ctx
            i = text.find(needle, i + 1)
        if best is None:
            return None
        return best[2], count == 1 and best_ctx >= CONTEXT_AGREE

    def _candidates(self, t: Target, p: int, pe: int) -> list[int]:
        """Likely start offsets of the (edited) quote in the new text."""
        exact = t.exact
        cands = [p]
        if self.mapper is None:
            cands.append(t.start)
        if len(exact) >= 2:
            pairs = self._pair_index()
            votes: Counter[int] = Counter()
            bucket = max(4, len(exact) // 4)
            for k in range(len(exact) - 1):
                for pos in pairs.get(exact[k : k + 2], ())[:200]:
                    votes[(pos - k) // bucket] += 1
            for b, n in votes.most_common(3):
                if n >= max(2, (len(exact) - 1) // 3):
                    cands.append(b * bucket)
        seen: list[int] = []
        for c in cands:
            if all(abs(c - s) > 2 for s in seen):
                seen.append(c)
        return seen

    def _pair_index(self) -> dict[str, list[int]]:
        if self._pairs is None:
            idx: dict[str, list[int]] = {}
            new = self.new
            for i in range(len(new) - 1):
                idx.setdefault(new[i : i + 2], []).append(i)
            self._pairs = idx
        return self._pairs

    def _fuzzy(self, t: Target, p: int, pe: int) -> Anchor | None:
        exact, new = t.exact, self.new
        m = len(exact)
        near = max(FUZZY_NEAR, m)
        best: tuple[float, int, int] | None = None
        for c in self._candidates(t, p, pe):
            w0 = max(0, c - m // 2 - 8)
            w1 = min(len(new), c + m + m // 2 + 8)
            span = _align(exact, new, w0, w1)
            if span is None:
                continue
            s, e = _edges(exact, new, span, t.prefix, t.suffix)
            if abs(s - p) > near:
                continue  # an approximate match far from where the passage was is some other passage
            ratio = SequenceMatcher(None, exact, new[s:e], autojunk=False).ratio()
            ctx = context_score(new, s, e, t.prefix, t.suffix)
            score = 0.75 * ratio + 0.25 * ctx
            if ratio < FUZZY_MIN_RATIO or ctx < CONTEXT_MIN:
                continue
            if best is None or score > best[0] + 1e-9:
                best = (score, s, e)
        if best is None or best[0] < FUZZY_MIN_RATIO:
            return None
        return Anchor(best[1], best[2], "fuzzy", confident=False)


def _once(text: str, needle: str) -> bool:
    """Whether `needle` occurs in `text` at most once."""
    first = text.find(needle)
    return first == -1 or text.find(needle, first + 1) == -1


def _align(exact: str, new: str, w0: int, w1: int) -> tuple[int, int, int, int] | None:
    """Matched region of `exact` in new[w0:w1]: (new start, new end, quote chars unmatched before, after)."""
    window = new[w0:w1]
    blocks = [b for b in SequenceMatcher(None, exact, window, autojunk=False).get_matching_blocks() if b.size]
    if not blocks:
        return None
    if len(exact) >= 8:
        big = [b for b in blocks if b.size >= 2]
        blocks = big or blocks
    anchor = max(blocks, key=lambda b: b.size)
    shift = anchor.b - anchor.a
    tol = max(8, len(exact) // 3)
    kept = [b for b in blocks if abs((b.b - b.a) - shift) <= tol]
    first, last = kept[0], kept[-1]
    return w0 + first.b, w0 + last.b + last.size, first.a, len(exact) - (last.a + last.size)


def _edges(exact: str, new: str, span: tuple[int, int, int, int], prefix: str, suffix: str) -> tuple[int, int]:
    """The matched span, with each edge moved to where the stored context best lines up.

    Quote characters unmatched at an edge were deleted, replaced, or had characters inserted next to them:
    the edge is tried at every place up to that many characters (+3) outward, and the place where the
    last 8 characters of the prefix (first 8 of the suffix) agree best wins; ties keep the narrower span.
    """
    s, e, before, after = span
    if before and prefix:
        tail = prefix[-8:]
        best, best_score = s, _agree_before(new, s, tail)
        for j in range(s - 1, max(0, s - before - 3) - 1, -1):
            score = _agree_before(new, j, tail)
            if score > best_score:
                best, best_score = j, score
        if best_score >= 2:
            s = best
    if after and suffix:
        head = suffix[:8]
        best, best_score = e, _agree_after(new, e, head)
        for j in range(e + 1, min(len(new), e + after + 3) + 1):
            score = _agree_after(new, j, head)
            if score > best_score:
                best, best_score = j, score
        if best_score >= 2:
            e = best
    return s, e


def _agree_before(text: str, j: int, tail: str) -> int:
    return sum(1 for k in range(1, len(tail) + 1) if j - k >= 0 and text[j - k] == tail[-k])


def _agree_after(text: str, j: int, head: str) -> int:
    return sum(1 for k in range(len(head)) if j + k < len(text) and text[j + k] == head[k])


def context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> float:
    """How well the text around [start, end) agrees with the stored prefix and suffix (0–1)."""
    def side(stored: str, actual: str) -> float:
        if not stored:
            return 1.0 if not actual else 0.5
        if stored == actual:
            return 1.0
        return SequenceMatcher(None, stored, actual, autojunk=False).ratio()

    before = text[max(0, start - len(prefix) if prefix else start) : start] if prefix else text[max(0, start - 1) : start]
    after = text[end : end + len(suffix)] if suffix else text[end : end + 1]
    return (side(prefix, before) + side(suffix, after)) / 2


def reanchor(old_text: str | None, new_text: str, target: Target) -> tuple[int, int] | None:
    """The new (start, end) of `target` after `old_text` became `new_text`, or None (orphaned)."""
    found = Reanchorer(old_text, new_text).reanchor(target)
    return None if found is None else (found.start, found.end)
