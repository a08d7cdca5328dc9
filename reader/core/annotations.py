"""Annotations (core layer): highlights and reading fixes with notes and tags, undoable, searchable.

`Annotations(lib)` holds the operations. Each change runs in one transaction and returns an `Edit`
(reader.core.edits): `edit.changed` says what changed, `edit.undo()` / `edit.redo()` revert and re-apply
it as committed changes, `edit.annotation` is the annotation created or changed. `revise` imports an
edited text as a new revision and re-anchors every annotation of the article (reader.core.anchoring);
one it could not place with certainty gets status `moved` until the reader confirms it (`confirm`).
"""
from __future__ import annotations

import sqlite3
import uuid as uuidlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path

from reader.core.anchoring import Reanchorer, make_quote, normalize
from reader.core.edits import Edit, noop_edit
from reader.core.errors import NotFound, ReaderError
from reader.core.library import Changed, Library, content_hash, now
from reader.core.tags import Tag, Tags, normalize_color
from reader.core.text import ParsedText

KINDS = ("highlight", "reading")
COLUMNS = ("id", "uuid", "article_id", "revision_id", "kind", "start", "end", "exact", "prefix", "suffix",
           "normalized", "color", "note", "reading", "author", "status", "created", "updated")
_SELECT = "SELECT " + ", ".join(f'"{c}"' for c in COLUMNS) + " FROM annotations"
# The same row and, last, the ids of the annotation's tags ("3" or "2,7"; NULL without tags), read in the
# same query through the (annotation_id, tag_id) primary key of annotation_tags.
_SELECT_WITH_TAGS = (
    "SELECT " + ", ".join(f'"{c}"' for c in COLUMNS)
    + ", (SELECT group_concat(tag_id) FROM annotation_tags WHERE annotation_id = annotations.id) FROM annotations"
)


class AnnotationError(ReaderError):
    """An annotation request that cannot be done as asked (offsets outside the text, bad kind …)."""


@dataclass(frozen=True, slots=True)
class Annotation:
    id: int
    uuid: str
    article_id: int
    revision_id: int
    kind: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    normalized: str
    color: str | None
    note: str
    reading: str | None
    author: str
    status: str  # 'anchored' | 'moved' (placed, please check) | 'orphaned' (start/end refer to revision_id)
    created: str
    updated: str
    tags: tuple[Tag, ...] = ()

    @property
    def quote(self) -> str:
        return self.exact

    @property
    def orphaned(self) -> bool:
        return self.status == "orphaned"

    @property
    def moved(self) -> bool:
        """Re-anchored by an approximate match (or onto another copy of its quote): the reader should check it."""
        return self.status == "moved"

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id, "uuid": self.uuid, "kind": self.kind, "start": self.start, "end": self.end,
            "quote": self.exact, "tags": [t.qualified for t in self.tags], "note": self.note, "color": self.color,
            "author": self.author, "status": self.status, "created": self.created, "updated": self.updated,
            **({"reading": self.reading} if self.kind == "reading" else {}),
        }


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A deleted annotation: its row and tag links, enough for `restore` to bring it back identically."""

    row: tuple
    links: tuple[tuple[int, str], ...]

    @property
    def id(self) -> int:
        return int(self.row[0])


@dataclass(frozen=True, slots=True)
class TagChange:
    annotation_uuid: str
    tag_name: str
    action: str  # 'add' | 'remove'
    author: str
    at: str


@dataclass(frozen=True)
class RevisionReport:
    """What `revise` did: the new revision and which annotations stayed, moved or were orphaned."""

    article_id: int
    revision_id: int
    reanchored: tuple[int, ...]  # ids anchored in the new revision (exact, shifted, normalised or fuzzy)
    shifted: tuple[int, ...]  # of those, ids whose offsets changed
    fuzzy: tuple[int, ...]  # of those, ids whose quote text changed (found by approximate match)
    moved: tuple[int, ...]  # of those, ids with status 'moved': placed without certainty, to be checked
    orphaned: tuple[int, ...]  # ids whose passage is gone; they keep quote, note and tags
    changed: Changed = field(default_factory=Changed)
    edit: Edit | None = field(default=None, repr=False, compare=False)  # undo: back to the previous revision

    def as_json(self) -> dict[str, object]:
        return {"article_id": self.article_id, "revision_id": self.revision_id, "reanchored": len(self.reanchored),
                "shifted": len(self.shifted), "fuzzy": len(self.fuzzy), "moved": len(self.moved),
                "moved_ids": list(self.moved), "orphaned": len(self.orphaned), "orphaned_ids": list(self.orphaned)}


class Annotations:
    """Annotation operations on one library."""

    def __init__(self, lib: Library) -> None:
        self.lib = lib
        self.conn: sqlite3.Connection = lib.conn
        self.tags = Tags(lib)

    # ---- reading -------------------------------------------------------------------------------
    def get(self, annotation_id: int) -> Annotation:
        row = self.conn.execute(_SELECT_WITH_TAGS + " WHERE id = ?", (annotation_id,)).fetchone()
        if row is None:
            raise NotFound(f"there is no annotation with id {annotation_id}")
        return self._build([row])[0]

    def list_for_article(
        self, article_id: int, author: str | None = None, tag: str | int | None = None, kind: str | None = None,
    ) -> list[Annotation]:
        """The article's annotations in text order; orphaned ones last (their offsets are from an old revision)."""
        self._current(article_id, text=False)
        sql = _SELECT_WITH_TAGS + " WHERE article_id = ?"
        params: list[object] = [article_id]
        if author is not None:
            sql += " AND author = ?"
            params.append(author)
        if kind is not None:
            sql += " AND kind = ?"
            params.append(kind)
        if tag is not None:
            sql += " AND id IN (SELECT annotation_id FROM annotation_tags WHERE tag_id = ?)"
            params.append(self.tags.resolve(tag).id)
        sql += ' ORDER BY status = \'orphaned\', start, "end", id'
        return self._build(self.conn.execute(sql, params))

    def authors(self, article_id: int | None = None) -> list[str]:
        sql = "SELECT DISTINCT author FROM annotations" + (" WHERE article_id = ?" if article_id is not None else "")
        rows = self.conn.execute(sql + " ORDER BY author", () if article_id is None else (article_id,))
        return [str(r[0]) for r in rows]

    def history(self, annotation_id: int) -> list[TagChange]:
        ann = self.get(annotation_id)
        rows = self.conn.execute(
            "SELECT annotation_uuid, tag_name, action, author, at FROM tag_history WHERE annotation_uuid = ? ORDER BY id",
            (ann.uuid,),
        )
        return [TagChange(*r) for r in rows]

    def search(self, query: str, article_id: int | None = None, limit: int = 500) -> list[Annotation]:
        """Annotations whose quote or note contains `query`, typed in either script."""
        from reader.core.pipeline.script import convert_text

        q = query.strip()
        if not q:
            return []
        variants = {q, convert_text(q, "simplified"), convert_text(q, "traditional")}
        ids: set[int] = set()
        for v in variants:
            if len(v) >= 3:
                phrase = '"' + v.replace('"', '""') + '"'
                rows = self.conn.execute("SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ?", (phrase,))
            else:
                pattern = "%" + _like_escape(v) + "%"
                rows = self.conn.execute(
                    "SELECT id FROM annotations WHERE exact LIKE ? ESCAPE '\\' OR note LIKE ? ESCAPE '\\'",
                    (pattern, pattern),
                )
            ids.update(int(r[0]) for r in rows)
        norm = normalize(q)
        if norm:
            rows = self.conn.execute(
                "SELECT id FROM annotations WHERE normalized LIKE ? ESCAPE '\\'", ("%" + _like_escape(norm) + "%",)
            )
            ids.update(int(r[0]) for r in rows)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        sql = _SELECT_WITH_TAGS + f" WHERE id IN ({marks})"
        params: list[object] = [*sorted(ids)]
        if article_id is not None:
            sql += " AND article_id = ?"
            params.append(article_id)
        sql += f' ORDER BY article_id, status = \'orphaned\', start, "end", id LIMIT {int(limit)}'
        return self._build(self.conn.execute(sql, params))

    # ---- creating and deleting -----------------------------------------------------------------
    def create(
        self, article_id: int, start: int, end: int, tags: Sequence[str | int] = (), note: str = "",
        color: str | None = None, author: str | None = None, kind: str = "highlight", reading: str | None = None,
    ) -> Edit:
        """Highlight text[start:end] of the article's current revision. `edit.annotation` is the new annotation."""
        revision_id, text = self._current(article_id)
        if kind not in KINDS:
            raise AnnotationError(f"unknown annotation kind {kind!r} (kinds: {', '.join(KINDS)})")
        if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
            raise AnnotationError(
                f"offsets {start}–{end} are not a passage of article {article_id}: "
                f"need 0 ≤ start < end ≤ {len(text)}"
            )
        if kind == "reading" and not (reading or "").strip():
            raise AnnotationError("a reading annotation needs the reading (e.g. 'xing2')")
        color = normalize_color(color)
        tag_list = self._resolve_all(tags)
        author = (author or "").strip() or self.lib.reader_name
        quote = make_quote(text, start, end)
        stamp = now()
        with self.lib.transaction():
            cur = self.conn.execute(
                'INSERT INTO annotations (uuid, article_id, revision_id, kind, start, "end", exact, prefix, suffix,'
                " normalized, color, note, reading, author, status, created, updated)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'anchored', ?, ?)",
                (str(uuidlib.uuid4()), article_id, revision_id, kind, start, end, quote.exact, quote.prefix,
                 quote.suffix, quote.normalized, color, note, reading, author, stamp, stamp),
            )
            ann_id = int(cur.lastrowid or 0)
            self._write_tags(ann_id, [t.id for t in tag_list], stamp, touch=False)
        ann = self.get(ann_id)
        state: dict[str, Snapshot] = {}

        def undo() -> Changed:
            state["snap"] = self._delete_rows(ann_id)
            return self._changed(ann)

        def redo() -> Changed:
            self._restore_rows(state["snap"])
            return self._changed(ann)

        return Edit(f"highlight “{_short(ann.exact)}”", self._changed(ann), undo, redo, annotation=ann)

    def delete(self, annotation_id: int) -> Edit:
        """Delete an annotation. `edit.before` is its Snapshot; `restore(snapshot)` brings it back identically."""
        ann = self.get(annotation_id)
        state = {"snap": self._delete_rows(annotation_id)}

        def undo() -> Changed:
            self._restore_rows(state["snap"])
            return self._changed(ann)

        def redo() -> Changed:
            state["snap"] = self._delete_rows(annotation_id)
            return self._changed(ann)

        return Edit(f"delete highlight “{_short(ann.exact)}”", self._changed(ann), undo, redo,
                    annotation=ann, before=state["snap"])

    def restore(self, snapshot: Snapshot) -> Edit:
        """Bring back a deleted annotation with the same id, uuid, tags and times."""
        self._restore_rows(snapshot)
        ann = self.get(snapshot.id)

        def undo() -> Changed:
            self._delete_rows(snapshot.id)
            return self._changed(ann)

        def redo() -> Changed:
            self._restore_rows(snapshot)
            return self._changed(ann)

        return Edit(f"restore highlight “{_short(ann.exact)}”", self._changed(ann), undo, redo, annotation=ann)

    # ---- changing ------------------------------------------------------------------------------
    def update_note(self, annotation_id: int, text: str) -> Edit:
        """Set the note (Markdown). The same text again changes nothing and costs one read."""
        return self._set_value(annotation_id, "note", text, "edit note")

    def set_color(self, annotation_id: int, color: str | None) -> Edit:
        """Set an explicit colour (#RRGGBB) or None to use the colour of the first tag."""
        return self._set_value(annotation_id, "color", normalize_color(color), "change colour")

    def set_tags(self, annotation_id: int, tags: Iterable[str | int]) -> Edit:
        """Make the annotation's tags exactly `tags`; each addition and removal goes into tag_history."""
        ann = self.get(annotation_id)
        before = [t.id for t in ann.tags]
        after = [t.id for t in self._resolve_all(tags)]
        if set(before) == set(after):
            return noop_edit("set tags", annotation=ann, before=before, after=after)

        def apply(ids: list[int]) -> Changed:
            with self.lib.transaction():
                self.get(annotation_id)
                self._write_tags(annotation_id, ids, now())
            return self._changed(ann, tags=set(before) | set(after))

        changed = apply(after)
        return Edit("change tags", changed, lambda: apply(before), lambda: apply(after),
                    annotation=self.get(annotation_id), before=before, after=after)

    def add_tag(self, annotation_id: int, tag: str | int) -> Edit:
        ann = self.get(annotation_id)
        t = self.tags.resolve(tag)
        edit = self.set_tags(annotation_id, [x.id for x in ann.tags] + [t.id])
        edit.label = f"tag {t.name}"
        return edit

    def remove_tag(self, annotation_id: int, tag: str | int) -> Edit:
        ann = self.get(annotation_id)
        t = self.tags.resolve(tag)
        edit = self.set_tags(annotation_id, [x.id for x in ann.tags if x.id != t.id])
        edit.label = f"untag {t.name}"
        return edit

    # ---- revisions -----------------------------------------------------------------------------
    def confirm(self, annotation_id: int) -> Edit:
        """The reader checked a `moved` annotation's place: it is `anchored` again (undo makes it `moved`).

        Anything else (already anchored, orphaned) is left as it is: a no-op edit."""
        ann = self.get(annotation_id)
        if not ann.moved:
            return noop_edit("confirm position", annotation=ann, before=ann.status, after=ann.status)

        def apply(status: str) -> Changed:
            with self.lib.transaction():
                cur = self.conn.execute("UPDATE annotations SET status = ? WHERE id = ? AND status != 'orphaned'",
                                        (status, annotation_id))
                if cur.rowcount == 0:
                    raise NotFound(f"there is no annotation with id {annotation_id} in the text")
            return self._changed(ann)

        changed = apply("anchored")
        return Edit("confirm position", changed, lambda: apply("moved"), lambda: apply("anchored"),
                    annotation=ann, before="moved", after="anchored")

    def revise(self, article_id: int, source: str | Path | ParsedText) -> RevisionReport:
        """Import an edited text as the article's new revision and re-anchor all its annotations (one transaction)."""
        return revise(self.lib, article_id, source)

    # ---- internals -----------------------------------------------------------------------------
    def _current(self, article_id: int, text: bool = True) -> tuple[int, str]:
        """The article's current revision id and (optionally) its text; NotFound for an unknown article."""
        row = self.conn.execute(
            "SELECT a.current_revision_id, " + ("r.text" if text else "''") +
            " FROM articles a JOIN revisions r ON r.id = a.current_revision_id WHERE a.id = ?", (article_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"there is no article with id {article_id}")
        return int(row[0]), str(row[1])

    def _resolve_all(self, refs: Iterable[str | int]) -> list[Tag]:
        out: list[Tag] = []
        for ref in refs:
            t = self.tags.resolve(ref)
            if all(t.id != o.id for o in out):
                out.append(t)
        return out

    def _set_value(self, annotation_id: int, column: str, value: str | None, label: str) -> Edit:
        row = self.conn.execute(f"SELECT {column} FROM annotations WHERE id = ?", (annotation_id,)).fetchone()
        if row is None:
            raise NotFound(f"there is no annotation with id {annotation_id}")
        old = row[0]
        if old == value:
            return noop_edit(label, before=old, after=value)

        def apply(v: str | None) -> Changed:
            with self.lib.transaction():
                cur = self.conn.execute(
                    f"UPDATE annotations SET {column} = ?, updated = ? WHERE id = ?", (v, now(), annotation_id)
                )
                if cur.rowcount == 0:
                    raise NotFound(f"there is no annotation with id {annotation_id}")
            return Changed(annotations=frozenset({annotation_id}))

        changed = apply(value)
        return Edit(label, changed, lambda: apply(old), lambda: apply(value), before=old, after=value)

    def _write_tags(self, annotation_id: int, tag_ids: list[int], stamp: str, touch: bool = True) -> None:
        current = {int(r[0]) for r in self.conn.execute(
            "SELECT tag_id FROM annotation_tags WHERE annotation_id = ?", (annotation_id,))}
        wanted = list(dict.fromkeys(tag_ids))
        added = [t for t in wanted if t not in current]
        removed = [t for t in current if t not in wanted]
        if not added and not removed:
            return
        (uuid,) = self.conn.execute("SELECT uuid FROM annotations WHERE id = ?", (annotation_id,)).fetchone()
        author = self.lib.reader_name
        names = {t.id: t.qualified for t in self.tags.all()}
        for t in removed:
            self.conn.execute("DELETE FROM annotation_tags WHERE annotation_id = ? AND tag_id = ?", (annotation_id, t))
        self.conn.executemany(
            "INSERT INTO annotation_tags (annotation_id, tag_id, created) VALUES (?, ?, ?)",
            [(annotation_id, t, stamp) for t in added],
        )
        self.conn.executemany(
            "INSERT INTO tag_history (annotation_uuid, tag_name, action, author, at) VALUES (?, ?, ?, ?, ?)",
            [(uuid, names.get(t, str(t)), "remove", author, stamp) for t in removed]
            + [(uuid, names.get(t, str(t)), "add", author, stamp) for t in added],
        )
        if touch:
            self.conn.execute("UPDATE annotations SET updated = ? WHERE id = ?", (stamp, annotation_id))

    def _delete_rows(self, annotation_id: int) -> Snapshot:
        with self.lib.transaction():
            row = self.conn.execute(_SELECT + " WHERE id = ?", (annotation_id,)).fetchone()
            if row is None:
                raise NotFound(f"there is no annotation with id {annotation_id}")
            links = self.conn.execute(
                "SELECT tag_id, created FROM annotation_tags WHERE annotation_id = ? ORDER BY rowid", (annotation_id,)
            ).fetchall()
            self.conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
        return Snapshot(tuple(row), tuple((int(t), str(c)) for t, c in links))

    def _restore_rows(self, snap: Snapshot) -> None:
        cols = ", ".join(f'"{c}"' for c in COLUMNS)
        with self.lib.transaction():
            if self.conn.execute("SELECT 1 FROM annotations WHERE id = ?", (snap.id,)).fetchone():
                raise AnnotationError(f"annotation {snap.id} already exists")
            self.conn.execute(f"INSERT INTO annotations ({cols}) VALUES ({', '.join('?' * len(COLUMNS))})", snap.row)
            self.conn.executemany(
                "INSERT INTO annotation_tags (annotation_id, tag_id, created)"
                " SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM tags WHERE id = ?)",
                [(snap.id, t, c, t) for t, c in snap.links],
            )

    def _changed(self, ann: Annotation, tags: Iterable[int] = ()) -> Changed:
        return Changed(articles=frozenset({ann.article_id}), annotations=frozenset({ann.id}), tags=frozenset(tags))

    def _build(self, rows: Iterable[tuple]) -> list[Annotation]:
        """Annotations from rows of `_SELECT_WITH_TAGS`, their tags in the order of `Tags.all()`."""
        known = self.tags.all()
        by_id = {t.id: t for t in known}
        order = {t.id: n for n, t in enumerate(known)}
        tag_sets: dict[str | None, tuple[Tag, ...]] = {None: ()}

        def tags_of(ids: str) -> tuple[Tag, ...]:
            found = [by_id[i] for i in map(int, ids.split(",")) if i in by_id]
            return tag_sets.setdefault(ids, tuple(sorted(found, key=lambda t: order[t.id])))

        return _make_annotations(rows, tag_sets, tags_of)


# Ten thousand annotations are built here at once (an article read by a class). The frozen dataclass
# __init__ sets each of the 19 fields through object.__setattr__; setting the slots directly builds the
# same objects in half the time. The setters follow the fields in order (checked at import).
_SLOT_SETTERS = tuple(getattr(Annotation, f.name).__set__ for f in fields(Annotation))
if tuple(f.name for f in fields(Annotation)) != (*COLUMNS, "tags"):
    raise ImportError("Annotation's fields must be COLUMNS followed by tags")


def _make_annotations(
    rows: Iterable[tuple], tag_sets: dict[str | None, tuple[Tag, ...]], tags_of: Callable[[str], tuple[Tag, ...]],
) -> list[Annotation]:
    """Annotation objects equal to `Annotation(*row[:18], tags=...)`; row[18] is the tag-id list or None.

    Tag tuples are shared between annotations with the same tags (`tag_sets`, filled by `tags_of`).
    Rows are consumed one at a time, so a cursor's rows never all exist at once.
    """
    (s_id, s_uuid, s_article, s_revision, s_kind, s_start, s_end, s_exact, s_prefix, s_suffix, s_normalized,
     s_color, s_note, s_reading, s_author, s_status, s_created, s_updated, s_tags) = _SLOT_SETTERS
    new = object.__new__
    cls = Annotation
    get_tags = tag_sets.get
    out: list[Annotation] = []
    append = out.append
    for (id_, uuid, article_id, revision_id, kind, start, end, exact, prefix, suffix, normalized, color, note,
         reading, author, status, created, updated, tag_ids) in rows:
        ann = new(cls)
        s_id(ann, id_)
        s_uuid(ann, uuid)
        s_article(ann, article_id)
        s_revision(ann, revision_id)
        s_kind(ann, kind)
        s_start(ann, start)
        s_end(ann, end)
        s_exact(ann, exact)
        s_prefix(ann, prefix)
        s_suffix(ann, suffix)
        s_normalized(ann, normalized)
        s_color(ann, color)
        s_note(ann, note)
        s_reading(ann, reading)
        s_author(ann, author)
        s_status(ann, status)
        s_created(ann, created)
        s_updated(ann, updated)
        tags = get_tags(tag_ids)
        s_tags(ann, tags if tags is not None else tags_of(tag_ids))
        append(ann)
    return out


def revise(lib: Library, article_id: int, source: str | Path | ParsedText) -> RevisionReport:
    """Import an edited text as a new revision of the article and re-anchor every annotation onto it.

    Annotations whose passage is found get the new offsets and quote; the others are marked orphaned and
    keep their quote, note, tags and the revision they were last anchored in (a later revision may find
    them again). All in one transaction. Identical content raises a ReaderError and writes nothing.
    """
    if isinstance(source, ParsedText):
        parsed, source_file = source, None
    else:
        from reader.core.importers import parse_path

        path = Path(source)
        parsed, source_file = parse_path(path), path.name
    info = lib.article(article_id)
    old_text = lib.revision_text(info.revision_id)
    if content_hash(parsed.text) == content_hash(old_text):
        raise ReaderError(f"the text is identical to the current revision of article {article_id}; nothing to do")
    anns = Annotations(lib)
    reanchored: list[int] = []
    shifted: list[int] = []
    fuzzy: list[int] = []
    moved: list[int] = []
    orphaned: list[int] = []
    anchor_cols = 'revision_id, start, "end", exact, prefix, suffix, normalized, status'
    with lib.transaction():
        before = lib.conn.execute(
            f"SELECT {anchor_cols}, id FROM annotations WHERE article_id = ?", (article_id,)
        ).fetchall()
        revision_id = lib.add_revision(article_id, parsed, source_file=source_file)
        new_text = parsed.text
        matchers: dict[int, Reanchorer] = {}
        for ann in anns.list_for_article(article_id):
            if ann.revision_id not in matchers:
                matchers[ann.revision_id] = Reanchorer(lib.revision_text(ann.revision_id), new_text)
            found = matchers[ann.revision_id].reanchor(ann)
            if found is None:
                orphaned.append(ann.id)
                lib.conn.execute("UPDATE annotations SET status = 'orphaned' WHERE id = ?", (ann.id,))
                continue
            q = make_quote(new_text, found.start, found.end)
            reanchored.append(ann.id)
            if (found.start, found.end) != (ann.start, ann.end):
                shifted.append(ann.id)
            if q.exact != ann.exact:
                fuzzy.append(ann.id)
            # A place found without certainty, or one the reader has not yet confirmed, stays to be checked.
            status = "moved" if ann.moved else found.status
            if status == "moved":
                moved.append(ann.id)
            lib.conn.execute(
                'UPDATE annotations SET revision_id = ?, start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?,'
                " normalized = ?, status = ? WHERE id = ?",
                (revision_id, q.start, q.end, q.exact, q.prefix, q.suffix, q.normalized, status, ann.id),
            )
        after = lib.conn.execute(
            f"SELECT {anchor_cols}, id FROM annotations WHERE article_id = ?", (article_id,)
        ).fetchall()
    changed = Changed(articles=frozenset({article_id}), annotations=frozenset(reanchored + orphaned))

    def apply(current: int, rows: list[tuple]) -> Changed:
        # Undo points the article back at the previous revision (the new one stays stored, unused) and puts
        # every annotation back where it was; redo does the opposite. Annotations made since are left alone.
        with lib.transaction():
            lib.conn.execute("UPDATE articles SET current_revision_id = ?, updated = ? WHERE id = ?",
                             (current, now(), article_id))
            lib.conn.executemany(
                'UPDATE annotations SET revision_id = ?, start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?,'
                " normalized = ?, status = ? WHERE id = ?", rows,
            )
        return changed

    edit = Edit(f"new revision of article {article_id}", changed,
                lambda: apply(info.revision_id, before), lambda: apply(revision_id, after))
    return RevisionReport(article_id, revision_id, tuple(reanchored), tuple(shifted), tuple(fuzzy), tuple(moved),
                          tuple(orphaned), changed, edit)


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _short(text: str, n: int = 12) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
