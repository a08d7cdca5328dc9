"""Merging class hand-ins (core layer): each student's work becomes their layer in the teacher's library.

The rules (docs/classroom.md, "Merging a hand-in"):

- A student is their library and their name: hand-ins are matched by the library id they carry
  (reader.core.identity) and the name, so two students with one name (a shared lab login) never replace
  each other, nor do two students working in copies of one library file. A hand-in from a version before
  library ids is matched by name, as it was then, and the result says so.
- A layer's author is the student's *label*: their name, or "Li Wei (2)" when another library — or the
  teacher's own annotations — already use that name. Both are kept, with a warning.
- A hand-in made from this very library is refused: the teacher's own annotations are never replaced.
- A hand-in older than the one already merged from that library is ignored, and the result says so.
- Articles are found by content hash, else by the hash they were handed out with: annotations on a text
  the student revised are re-anchored onto the teacher's revision by quote and context (through
  reader.core.annotation_import and reader.core.anchoring); what cannot be placed is kept orphaned.

One transaction per hand-in; `merge_handins` reports each bad file on its own and merges the others.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field, replace
from pathlib import Path

from reader.core import identity
from reader.core import untrusted as u
from reader.core.annotation_import import import_annotations
from reader.core.class_package import MAX_ARTICLES, PackageError, read_package
from reader.core.errors import ReaderError
from reader.core.export.w3c import Item, parse_document
from reader.core.library import Changed, Library, now

_LIBRARY_ID = re.compile(r"^[0-9a-f]{32}$")
_HASH = re.compile(r"^[0-9a-f]{64}$")


@dataclass
class MergeResult:
    path: Path
    student: str | None = None  # the layer's label (the author of the student's annotations here)
    articles: list[int] = field(default_factory=list)
    annotations: int = 0
    replaced: int = 0
    orphaned: int = 0
    error: str | None = None
    changed: Changed = field(default_factory=Changed)
    name: str | None = None  # the name in the hand-in
    library: str | None = None  # the student's library id (None: made before library ids)
    warnings: list[str] = field(default_factory=list)  # a name clash, a hand-in keyed by name, a revised text
    skipped: str | None = None  # why a readable hand-in was not merged (older than the one merged)

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {"file": str(self.path), "student": self.student, "name": self.name,
                                  "library": self.library, "articles": self.articles,
                                  "annotations": self.annotations, "replaced": self.replaced,
                                  "orphaned": self.orphaned, "warnings": self.warnings, "skipped": self.skipped}
        if self.error:
            out["error"] = self.error
        return out


@dataclass
class _Listed:
    article_id: int
    digest: str  # the content hash the student's annotations refer to
    current: str  # the content hash of the teacher's current revision of the article
    title: str
    revised: bool  # found by the hand-out's hash: the student's text differs from any of the teacher's


def _revision_article(conn: sqlite3.Connection, digest: str) -> int | None:
    row = conn.execute("SELECT article_id FROM revisions WHERE content_hash = ? ORDER BY id DESC LIMIT 1",
                       (digest,)).fetchone()
    return None if row is None else int(row[0])


def _current_hash(conn: sqlite3.Connection, article_id: int) -> str:
    (digest,) = conn.execute("SELECT r.content_hash FROM articles a JOIN revisions r ON r.id = a.current_revision_id"
                             " WHERE a.id = ?", (article_id,)).fetchone()
    return str(digest)


def _articles(lib: Library, m: dict, where: str) -> list[_Listed]:
    mw = f"{where}: manifest.json"
    out: list[_Listed] = []
    for n, raw in enumerate(u.lst(u.field(m, "articles", mw), f"{mw}: articles", MAX_ARTICLES)):
        aw = f"{mw}: articles[{n}]"
        entry = u.obj(raw, aw)
        digest = u.text(u.field(entry, "content_hash", aw), f"{aw}.content_hash", max_len=64).lower()
        handout = u.opt_text(entry.get("handout"), f"{aw}.handout", max_len=64)
        if handout is not None and not _HASH.match(handout.lower()):
            raise PackageError(f"{aw}.handout is not a SHA-256 content hash")
        title = u.opt_text(entry.get("title"), f"{aw}.title", max_len=u.MAX_TITLE, bidi=True) or digest[:12]
        article_id = _revision_article(lib.conn, digest)
        revised = False
        if article_id is None and handout is not None:
            article_id = _revision_article(lib.conn, handout.lower())
            revised = article_id is not None
        if article_id is None:
            raise PackageError(f"{where}: the hand-in is about “{u.shown(title)}”, which is not in this library; "
                               "open the hand-out it answers first")
        out.append(_Listed(article_id, digest, _current_hash(lib.conn, article_id), title, revised))
    if not out:
        raise PackageError(f"{where}: the hand-in names no article")
    return out


def _onto_teacher(lib: Library, items: list[Item], listed: list[_Listed]) -> list[Item]:
    """Items on a text the student revised point at the teacher's current revision, so the importer
    re-anchors them there by quote and context (what it cannot place it keeps orphaned)."""
    revised = {a.digest: a.current for a in listed if a.revised}
    if not revised:
        return items
    out = []
    for it in items:
        known = it.source is not None and _revision_article(lib.conn, it.source) is not None
        target = revised.get(it.article or "") or revised.get(it.source or "")
        out.append(replace(it, article=target) if target and not known else it)
    return out


def _taken_labels(lib: Library, key: str) -> set[str]:
    """Names in use here other than by this student: other students' labels, the teacher's own authors."""
    rows = lib.conn.execute(
        "SELECT label FROM class_students WHERE key != ? UNION SELECT DISTINCT author FROM annotations"
        " WHERE author NOT IN (SELECT label FROM class_students)", (key,))
    return {str(r[0]).casefold() for r in rows} | {lib.reader_name.casefold()}


def _free_label(lib: Library, name: str, key: str) -> str:
    taken = _taken_labels(lib, key)
    label, n = name, 1
    while label.casefold() in taken:
        n += 1
        suffix = f" ({n})"
        label = name[: u.MAX_NAME - len(suffix)] + suffix  # a label is a name too: at most MAX_NAME
    return label


def _student(lib: Library, key: str, name: str, library: str | None, warnings: list[str]) -> str:
    """The layer label of the student (key), recording them when new."""
    conn = lib.conn
    row = conn.execute("SELECT label FROM class_students WHERE key = ?", (key,)).fetchone()
    if row is not None:
        return str(row[0])
    if library is not None:
        legacy = conn.execute("SELECT label FROM class_students WHERE key = ?", (f"name:{name}",)).fetchone()
        if legacy is not None:  # the same student's earlier hand-ins were made before library ids
            conn.execute("UPDATE class_students SET key = ?, library_id = ? WHERE key = ?", (key, library, f"name:{name}"))
            conn.execute("UPDATE class_handins SET student_key = ? WHERE student_key = ?", (key, f"name:{name}"))
            warnings.append(f"{name}'s earlier hand-ins had no library id; matched to this one by name")
            return str(legacy[0])
        other = conn.execute("SELECT label FROM class_students WHERE library_id = ? ORDER BY first_merged LIMIT 1",
                             (library,)).fetchone()
        if other is not None:
            warnings.append(f"{name} handed in from the same library as {other[0]} (a renamed student, or one "
                            "library copied to two students): kept apart, nothing replaced")
    label = _free_label(lib, name, key)
    if label != name:
        warnings.append(f"name clash: the name {name} is already used here; both are kept, this student as {label}")
    conn.execute("INSERT INTO class_students (key, library_id, name, label, first_merged) VALUES (?, ?, ?, ?, ?)",
                 (key, library, name, label, now()))
    return label


def _newer_merged(lib: Library, key: str, article_ids: list[int], handed_in: str) -> str | None:
    """When a hand-in made later than `handed_in` was merged from this student: its time."""
    marks = ",".join("?" * len(article_ids))
    rows = lib.conn.execute(f"SELECT handed_in FROM class_handins WHERE student_key = ? AND article_id IN ({marks})",
                            (key, *article_ids)).fetchall()
    made = u.parse_time(handed_in)
    later = [str(r[0]) for r in rows if u.parse_time(str(r[0])) > made]
    return max(later, key=u.parse_time) if later else None


def merge_handin(lib: Library, path: str | Path) -> MergeResult:
    """Merge one hand-in as the student's layer (see the module docstring). One transaction; raises on a bad
    file; a hand-in older than the one merged from that library is returned with `skipped` set."""
    pkg = read_package(path, expect="handin")
    where = pkg.path.name
    m = pkg.manifest
    mw = f"{where}: manifest.json"
    name = u.name(u.field(m, "reader", mw), f"{mw}: reader")
    library = u.opt_text(m.get("library"), f"{mw}: library", max_len=64)
    if library is not None and not _LIBRARY_ID.match(library):
        raise PackageError(f"{mw}: library is not a library id")
    handed_in = str(m["created"])
    warnings: list[str] = []
    if library is None:
        key = f"name:{name}"
        warnings.append(f"{where} was made by an earlier version (no library id): matched to a student by name")
    elif library == identity.library_id(lib):
        raise PackageError(f"{where} was made from this library, or a copy of it ({name}): your own annotations "
                           "are not a student's layer; nothing was merged")
    else:
        key = f"lib:{library}:{name}"
    listed = _articles(lib, m, where)
    article_ids = list(dict.fromkeys(a.article_id for a in listed))
    items = parse_document(pkg.json("annotations.json"), f"{where}: annotations.json")
    if any(it.kind != "highlight" for it in items):
        raise PackageError(f"{where}: a hand-in holds highlights only")
    items = _onto_teacher(lib, items, listed)
    result = MergeResult(pkg.path, name=name, library=library, warnings=warnings, articles=sorted(article_ids))
    stamp = now()
    with lib.transaction():
        newer = _newer_merged(lib, key, article_ids, handed_in)
        if newer is not None:
            row = lib.conn.execute("SELECT label FROM class_students WHERE key = ?", (key,)).fetchone()
            result.student = str(row[0]) if row else name
            result.skipped = (f"made {handed_in}, older than the hand-in already merged from this student "
                              f"(made {newer}); ignored")
            return result
        label = _student(lib, key, name, library, warnings)
        report = import_annotations(lib, items, layer=label, layer_articles=article_ids,
                                    where=f"{where}: annotations.json")
        if set(report.articles) - set(article_ids):
            raise PackageError(f"{where}: some annotations are on articles the hand-in does not name")
        for article_id in article_ids:
            (count,) = lib.conn.execute(
                "SELECT COUNT(*) FROM annotations WHERE article_id = ? AND author = ? AND kind = 'highlight'",
                (article_id, label),
            ).fetchone()
            lib.conn.execute(
                "INSERT INTO class_handins (article_id, student, handed_in, merged, annotations, package_sha256,"
                " student_key) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(article_id, student) DO UPDATE SET"
                " handed_in = excluded.handed_in, merged = excluded.merged, annotations = excluded.annotations,"
                " package_sha256 = excluded.package_sha256, student_key = excluded.student_key",
                (article_id, label, handed_in, stamp, int(count), pkg.sha256, key),
            )
    for a in listed:
        if a.revised:
            warnings.append(f"{label} revised “{u.shown(a.title)}”: their annotations were re-anchored onto your "
                            "revision by quote" + (f"; {report.orphaned} could not be placed and are kept as orphans"
                                                   if report.orphaned else ""))
    result.student = label
    result.annotations = report.created + report.updated
    result.replaced, result.orphaned, result.changed = report.replaced, report.orphaned, report.changed
    return result


def merge_handins(lib: Library, paths: list[str | Path]) -> list[MergeResult]:
    """Merge many hand-ins, each on its own: a bad file gets its error in its result and writes nothing."""
    results = []
    for path in paths:
        try:
            results.append(merge_handin(lib, path))
        except ReaderError as exc:
            results.append(MergeResult(Path(path), error=str(exc)))
    return results


def handins(lib: Library, article_id: int) -> list[dict[str, object]]:
    """The merged hand-ins of an article: student (label), their name and library, when, how many highlights."""
    rows = lib.conn.execute(
        "SELECT h.student, h.handed_in, h.merged, h.annotations, s.name, s.library_id FROM class_handins h"
        " LEFT JOIN class_students s ON s.key = h.student_key WHERE h.article_id = ? ORDER BY h.student",
        (article_id,),
    )
    return [{"student": s, "handed_in": h, "merged": m, "annotations": int(n), "name": name or s, "library": lid}
            for s, h, m, n, name, lid in rows]
