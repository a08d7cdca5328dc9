"""Reading fixes (core layer): a reader's per-occurrence reading of one character, which wins over the model.

A fix is an annotation of kind "reading" on one character (end = start + 1) whose `reading` column holds the
TONE3 reading (e.g. 'hang2'). `fixes_for(lib, article_id)` gives the anchored fixes of an article as
{canonical offset: reading}; `apply_fixes(tokens_by_par, fixes)` returns the tokens with those readings put
in, so every view and command that shows readings (the reader, `show`) draws the reader's choice in every
script. `set_fix` and `remove_fix` are undoable (they return an `Edit`).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from reader.core.annotations import Annotation, AnnotationError, Annotations
from reader.core.edits import Edit, noop_edit
from reader.core.library import Changed, Library
from reader.core.pipeline.readings import is_han
from reader.core.text import Token

Fixes = Mapping[int, str]


def fixes_for(lib: Library, article_id: int) -> dict[int, str]:
    """The article's anchored reading fixes: canonical offset → TONE3 reading (the newest fix of a character wins)."""
    out: dict[int, str] = {}
    for ann in sorted(fix_annotations(lib, article_id), key=lambda a: a.id):
        out[ann.start] = str(ann.reading)
    return out


def fix_annotations(lib: Library, article_id: int) -> list[Annotation]:
    """The article's anchored reading-fix annotations, in text order."""
    return [a for a in Annotations(lib).list_for_article(article_id, kind="reading")
            if not a.orphaned and a.reading and a.end == a.start + 1]


def apply_fixes(tokens_by_par: dict[int, list[Token]], fixes: Fixes | Iterable[tuple[int, str]]) -> dict[int, list[Token]]:
    """Tokens with the readers' readings put in place of the computed ones.

    `fixes` maps canonical offsets to TONE3 readings (or is an iterable of such pairs). Tokens that no fix
    touches are returned as they are; a fixed token is a copy (the given tokens are never changed). A fix
    on a character without a reading (punctuation, Latin) is ignored.
    """
    fix_map = dict(fixes.items() if isinstance(fixes, Mapping) else fixes)
    if not fix_map:
        return tokens_by_par
    out: dict[int, list[Token]] = {}
    for idx, tokens in tokens_by_par.items():
        if not tokens or not any(tokens[0].start <= o < tokens[-1].end for o in fix_map):
            out[idx] = tokens
            continue
        new_tokens = []
        for tok in tokens:
            hits = [(o, r) for o, r in fix_map.items() if tok.start <= o < tok.end]
            if not hits:
                new_tokens.append(tok)
                continue
            readings = list(tok.readings)
            for o, r in hits:
                k = o - tok.start
                if k < len(readings) and readings[k] is not None:
                    readings[k] = r
            new_tokens.append(replace(tok, readings=readings))
        out[idx] = new_tokens
    return out


def normalize_reading(reading: str) -> str:
    """A TONE3 reading as stored: lower case, ü as v, neutral tone 5 ('Lü4' → 'lv4', 'le' → 'le5')."""
    r = reading.strip().lower().replace("ü", "v").replace("u:", "v")
    if not r or not r.isascii() or not r[:-1].isalpha():
        raise AnnotationError(f"bad reading {reading!r}: write it with a tone number, e.g. 'hang2'")
    if r[-1].isalpha():
        r += "5"
    if r[-1] not in "12345" or not r[:-1].isalpha():
        raise AnnotationError(f"bad reading {reading!r}: write it with a tone number 1–5, e.g. 'hang2'")
    return r


def set_fix(lib: Library, article_id: int, offset: int, reading: str, author: str | None = None) -> Edit:
    """Read the character at `offset` as `reading` (TONE3). Replaces an earlier fix of that character.

    The returned Edit undoes both the new fix and the removal of an earlier one. The same reading again
    is a no-op.
    """
    reading = normalize_reading(reading)
    anns = Annotations(lib)
    existing = [a for a in fix_annotations(lib, article_id) if a.start == offset]
    if existing and existing[-1].reading == reading and len(existing) == 1:
        return noop_edit("fix reading", annotation=existing[-1], before=reading, after=reading)
    text = lib.revision_text(lib.article(article_id).revision_id)
    if not 0 <= offset < len(text) or not is_han(text[offset]):
        raise AnnotationError(f"offset {offset} is not a Chinese character of article {article_id}")
    # Validate before changing anything: a failed create must not leave the old fix deleted.
    removed = [anns.delete(a.id) for a in existing]
    try:
        created = anns.create(article_id, offset, offset + 1, kind="reading", reading=reading, author=author)
    except Exception:
        for edit in reversed(removed):
            edit.undo()
        raise
    before = existing[-1].reading if existing else None
    return _compound(f"read {text[offset]} as {reading}", [*removed, created], created.annotation, before, reading)


def remove_fix(lib: Library, article_id: int, offset: int) -> Edit:
    """Go back to the automatic reading of the character at `offset` (removes every fix on it)."""
    anns = Annotations(lib)
    existing = [a for a in fix_annotations(lib, article_id) if a.start == offset]
    if not existing:
        return noop_edit("restore automatic reading")
    removed = [anns.delete(a.id) for a in existing]
    return _compound("restore automatic reading", removed, existing[-1], existing[-1].reading, None)


def _compound(label: str, edits: list[Edit], annotation: Annotation | None, before: str | None,
              after: str | None) -> Edit:
    """One Edit made of several applied ones: undo in reverse order, redo in order."""

    def merge(parts: list[Changed]) -> Changed:
        return Changed(
            articles=frozenset().union(*(c.articles for c in parts)),
            annotations=frozenset().union(*(c.annotations for c in parts)),
            tags=frozenset().union(*(c.tags for c in parts)),
        )

    def undo() -> Changed:
        return merge([e.undo() for e in reversed(edits)])

    def redo() -> Changed:
        return merge([e.redo() for e in edits])

    return Edit(label, merge([e.changed for e in edits]), undo, redo, annotation=annotation, before=before, after=after)
