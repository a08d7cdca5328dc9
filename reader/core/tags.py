"""Tagsets and tags (core layer): stance and rhetoric labels a reader puts on annotations.

A tagset (Stance, Rhetoric, …) holds tags with an English and a Chinese name, a colour and an optional
shortcut key. Tag names are unique within a tagset; a tag is referred to as "Name", "Tagset/Name" or by
its Chinese name (in either script). Every change runs in one transaction and returns an `Edit` whose
`undo()` / `redo()` are themselves committed changes (see `reader.core.edits`).
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

from reader.core.edits import Edit
from reader.core.errors import NotFound, ReaderError
from reader.core.library import Changed, Library
from reader.core.schema import install_default_tagsets

COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
SHORTCUTS = tuple("123456789")


class TagError(ReaderError):
    """A tag operation that cannot be done as asked (unknown, ambiguous, duplicate, in use)."""


@dataclass(frozen=True, slots=True)
class Tag:
    id: int
    tagset_id: int
    tagset: str
    name: str
    name_zh: str | None
    color: str
    shortcut: str | None
    position: int

    @property
    def qualified(self) -> str:
        """"Tagset/Name": unambiguous across tagsets (used in tag history and exports)."""
        return f"{self.tagset}/{self.name}"

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "tagset": self.tagset, "name": self.name, "name_zh": self.name_zh,
                "color": self.color, "shortcut": self.shortcut, "position": self.position}


@dataclass(frozen=True, slots=True)
class TagSet:
    id: int
    name: str
    name_zh: str | None
    description: str
    position: int
    tags: tuple[Tag, ...] = field(default_factory=tuple)

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "name_zh": self.name_zh, "description": self.description,
                "tags": [t.as_json() for t in self.tags]}


@dataclass(frozen=True, slots=True)
class TagSnapshot:
    """A deleted tag's row and its links to annotations, enough to bring it back identically."""

    row: tuple
    links: list[tuple[int, str]]


def normalize_color(color: str | None) -> str | None:
    """'#RRGGBB' in lower case; None stays None. Raises a clear error for anything else."""
    if color is None:
        return None
    color = color.strip()
    if not COLOR_RE.match(color):
        raise ReaderError(f"bad colour {color!r}: write it as #RRGGBB, for example #5b9bd5")
    return color.lower()


_TAG_SQL = """SELECT t.id, t.tagset_id, s.name, t.name, t.name_zh, t.color, t.shortcut, t.position
              FROM tags t JOIN tagsets s ON s.id = t.tagset_id"""


def _tag(row: tuple) -> Tag:
    return Tag(int(row[0]), int(row[1]), row[2], row[3], row[4], row[5], row[6], int(row[7]))


class Tags:
    """Tag operations on one library: `Tags(lib).add(...)`, `.rename(...)`, `.resolve("Stance/Agree")` …"""

    def __init__(self, lib: Library) -> None:
        self.lib = lib
        self.conn: sqlite3.Connection = lib.conn

    # ---- reading -------------------------------------------------------------------------------
    def tagsets(self) -> list[TagSet]:
        sets = self.conn.execute(
            "SELECT id, name, name_zh, description, position FROM tagsets ORDER BY position, id"
        ).fetchall()
        tags = self.all()
        return [
            TagSet(int(i), n, zh, d or "", int(p), tuple(t for t in tags if t.tagset_id == i))
            for i, n, zh, d, p in sets
        ]

    def all(self) -> list[Tag]:
        rows = self.conn.execute(_TAG_SQL + " ORDER BY s.position, s.id, t.position, t.id").fetchall()
        return [_tag(r) for r in rows]

    def get(self, tag_id: int) -> Tag:
        row = self.conn.execute(_TAG_SQL + " WHERE t.id = ?", (tag_id,)).fetchone()
        if row is None:
            raise NotFound(f"there is no tag with id {tag_id}")
        return _tag(row)

    def tagset_id(self, name: str) -> int:
        row = self.conn.execute(
            "SELECT id FROM tagsets WHERE lower(name) = lower(?) OR name_zh = ?", (name.strip(), name.strip())
        ).fetchone()
        if row is None:
            known = ", ".join(r[0] for r in self.conn.execute("SELECT name FROM tagsets ORDER BY position, id"))
            raise TagError(f"unknown tagset {name!r} (tagsets: {known or 'none'})")
        return int(row[0])

    def resolve(self, ref: str | int) -> Tag:
        """A tag from its id, "Name", "Tagset/Name" or Chinese name (case-insensitive, either script)."""
        if isinstance(ref, int):
            return self.get(ref)
        from reader.core.pipeline.script import convert_text

        text = ref.strip()
        tags = self.all()
        scope = tags
        if "/" in text:
            set_name, _, text = text.partition("/")
            set_key = set_name.strip().casefold()
            scope = [t for t in tags if t.tagset.casefold() == set_key]
            if not scope:
                raise TagError(f"unknown tagset {set_name.strip()!r} in {ref!r}")
            text = text.strip()
        key = text.casefold()
        simp = convert_text(text, "simplified")
        found = [t for t in scope if t.name.casefold() == key]
        if not found:
            found = [t for t in scope if t.name_zh and convert_text(t.name_zh, "simplified") == simp]
        if not found:
            raise TagError(f"unknown tag {ref!r} (tags: {', '.join(t.qualified for t in tags) or 'none'})")
        if len(found) > 1:
            raise TagError(f"tag {ref!r} is ambiguous: write one of {', '.join(t.qualified for t in found)}")
        return found[0]

    def usage(self, tag_id: int) -> int:
        (count,) = self.conn.execute("SELECT COUNT(*) FROM annotation_tags WHERE tag_id = ?", (tag_id,)).fetchone()
        return int(count)

    # ---- changing ------------------------------------------------------------------------------
    def ensure_defaults(self) -> Changed:
        """Bring back any missing default tag (Stance 1–4, Rhetoric 5–9); idempotent."""
        before = {t.id for t in self.all()}
        with self.lib.transaction():
            install_default_tagsets(self.conn)
        added = {t.id for t in self.all()} - before
        return Changed(tags=frozenset(added))

    def add(
        self, tagset: str, name: str, *, name_zh: str | None = None, color: str = "#9e9e9e",
        shortcut: str | None = None, position: int | None = None,
    ) -> Edit:
        """Add a tag to a tagset (created if new). Names are unique within a tagset."""
        name = name.strip()
        if not name or "/" in name:
            raise TagError("a tag name cannot be empty or contain '/'")
        color = normalize_color(color) or "#9e9e9e"
        new_set: tuple | None = None
        with self.lib.transaction():
            row = self.conn.execute("SELECT id FROM tagsets WHERE lower(name) = lower(?)", (tagset.strip(),)).fetchone()
            if row is None:
                (pos,) = self.conn.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM tagsets").fetchone()
                cur = self.conn.execute("INSERT INTO tagsets (name, position) VALUES (?, ?)", (tagset.strip(), pos))
                set_id = int(cur.lastrowid or 0)
                new_set = (set_id, tagset.strip(), pos)
            else:
                set_id = int(row[0])
            self._check_unique(set_id, name, None)
            self._check_shortcut(shortcut, None)
            if position is None:
                (position,) = self.conn.execute(
                    "SELECT COALESCE(MAX(position), -1) + 1 FROM tags WHERE tagset_id = ?", (set_id,)
                ).fetchone()
            cur = self.conn.execute(
                "INSERT INTO tags (tagset_id, name, name_zh, color, shortcut, position) VALUES (?, ?, ?, ?, ?, ?)",
                (set_id, name, (name_zh or "").strip() or None, color, shortcut, position),
            )
            tag_id = int(cur.lastrowid or 0)
        tag = self.get(tag_id)
        state: dict[str, TagSnapshot] = {}

        def undo() -> Changed:
            with self.lib.transaction():
                state["snap"] = self._delete(tag_id)
                if new_set is not None:  # the tagset was made for this tag: it goes too
                    self.conn.execute("DELETE FROM tagsets WHERE id = ?", (new_set[0],))
            return Changed(tags=frozenset({tag_id}))

        def redo() -> Changed:
            with self.lib.transaction():
                if new_set is not None:
                    self.conn.execute("INSERT INTO tagsets (id, name, position) VALUES (?, ?, ?)", new_set)
                self._restore(state["snap"])
            return Changed(tags=frozenset({tag_id}))

        return Edit(f"add tag {tag.qualified}", Changed(tags=frozenset({tag_id})), undo, redo, tag=tag)

    def rename(self, ref: str | int, name: str | None = None, name_zh: str | None = None) -> Edit:
        """Rename a tag (English and/or Chinese name)."""
        tag = self.resolve(ref)
        new_name = tag.name if name is None else name.strip()
        new_zh = tag.name_zh if name_zh is None else (name_zh.strip() or None)
        if not new_name or "/" in new_name:
            raise TagError("a tag name cannot be empty or contain '/'")
        self._check_unique(tag.tagset_id, new_name, tag.id)
        return self._update(tag, f"rename tag {tag.qualified}", name=new_name, name_zh=new_zh)

    def recolor(self, ref: str | int, color: str) -> Edit:
        tag = self.resolve(ref)
        return self._update(tag, f"recolour tag {tag.qualified}", color=normalize_color(color))

    def set_shortcut(self, ref: str | int, shortcut: str | None) -> Edit:
        tag = self.resolve(ref)
        self._check_shortcut(shortcut, tag.id)
        return self._update(tag, f"set the shortcut of {tag.qualified}", shortcut=shortcut)

    def reorder(self, tagset: str, order: list[str | int]) -> Edit:
        """Put the tags of a tagset in the given order (refs as in `resolve`; tags left out go last)."""
        set_id = self.tagset_id(tagset)
        name = self.conn.execute("SELECT name FROM tagsets WHERE id = ?", (set_id,)).fetchone()[0]
        current = [t for t in self.all() if t.tagset_id == set_id]
        wanted: list[int] = []
        for ref in order:
            t = self.resolve(f"{name}/{ref}" if isinstance(ref, str) and "/" not in ref else ref)
            if t.tagset_id != set_id:
                raise TagError(f"tag {t.qualified} is not in the tagset {name}")
            if t.id not in wanted:
                wanted.append(t.id)
        wanted += [t.id for t in current if t.id not in wanted]
        before = {t.id: t.position for t in current}
        after = {tid: pos for pos, tid in enumerate(wanted)}

        def apply(positions: dict[int, int]) -> Changed:
            with self.lib.transaction():
                self.conn.executemany("UPDATE tags SET position = ? WHERE id = ?", [(p, i) for i, p in positions.items()])
            return Changed(tags=frozenset(positions))

        changed = apply(after)
        return Edit(f"reorder {name}", changed, lambda: apply(before), lambda: apply(after))

    def delete(self, ref: str | int, *, force: bool = False) -> Edit:
        """Delete a tag. A tag in use is only deleted with force=True (its links go; undo brings them back)."""
        tag = self.resolve(ref)
        used = self.usage(tag.id)
        if used and not force:
            plural = "annotation uses" if used == 1 else "annotations use"
            raise TagError(f"{used} {plural} the tag {tag.qualified}; delete it anyway with force (--force)")
        state = {"snap": self._delete(tag.id)}
        changed = Changed(annotations=frozenset(a for a, _ in state["snap"].links), tags=frozenset({tag.id}))

        def undo() -> Changed:
            self._restore(state["snap"])
            return changed

        def redo() -> Changed:
            state["snap"] = self._delete(tag.id)
            return changed

        return Edit(f"delete tag {tag.qualified}", changed, undo, redo, tag=tag)

    # ---- helpers -------------------------------------------------------------------------------
    def _update(self, tag: Tag, label: str, **values: object) -> Edit:
        before = {k: getattr(tag, k) for k in values}

        def apply(vals: dict[str, object]) -> Changed:
            cols = ", ".join(f"{k} = ?" for k in vals)
            with self.lib.transaction():
                self.conn.execute(f"UPDATE tags SET {cols} WHERE id = ?", (*vals.values(), tag.id))
            return Changed(tags=frozenset({tag.id}), annotations=self._users(tag.id))

        changed = apply(values)
        return Edit(label, changed, lambda: apply(before), lambda: apply(values), tag=self.get(tag.id))

    def _users(self, tag_id: int) -> frozenset[int]:
        rows = self.conn.execute("SELECT annotation_id FROM annotation_tags WHERE tag_id = ?", (tag_id,))
        return frozenset(int(r[0]) for r in rows)

    def _check_unique(self, set_id: int, name: str, tag_id: int | None) -> None:
        row = self.conn.execute(
            "SELECT id FROM tags WHERE tagset_id = ? AND lower(name) = lower(?) AND id IS NOT ?", (set_id, name, tag_id)
        ).fetchone()
        if row is not None:
            raise TagError(f"the tagset already has a tag named {name!r}")

    def _check_shortcut(self, shortcut: str | None, tag_id: int | None) -> None:
        if shortcut is None:
            return
        if shortcut not in SHORTCUTS:
            raise TagError(f"bad shortcut {shortcut!r}: use one of the keys 1–9")
        row = self.conn.execute(_TAG_SQL + " WHERE t.shortcut = ? AND t.id IS NOT ?", (shortcut, tag_id)).fetchone()
        if row is not None:
            raise TagError(f"the key {shortcut} is already the shortcut of {_tag(row).qualified}")

    def _delete(self, tag_id: int) -> TagSnapshot:
        with self.lib.transaction():
            row = self.conn.execute(
                "SELECT id, tagset_id, name, name_zh, color, shortcut, position FROM tags WHERE id = ?", (tag_id,)
            ).fetchone()
            if row is None:
                raise NotFound(f"there is no tag with id {tag_id}")
            links = self.conn.execute(
                "SELECT annotation_id, created FROM annotation_tags WHERE tag_id = ?", (tag_id,)
            ).fetchall()
            self.conn.execute("DELETE FROM tags WHERE id = ?", (tag_id,))
        return TagSnapshot(tuple(row), [(int(a), str(c)) for a, c in links])

    def _restore(self, snap: TagSnapshot) -> None:
        with self.lib.transaction():
            self.conn.execute(
                "INSERT INTO tags (id, tagset_id, name, name_zh, color, shortcut, position) VALUES (?, ?, ?, ?, ?, ?, ?)",
                snap.row,
            )
            tag_id = snap.row[0]
            self.conn.executemany(
                "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id, created)"
                " SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM annotations WHERE id = ?)",
                [(a, tag_id, c, a) for a, c in snap.links],
            )
