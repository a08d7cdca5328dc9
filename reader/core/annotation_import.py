"""Importing W3C annotations (core layer): find each annotation's article, anchor it, write it by uuid.

`import_annotations(lib, items)` takes the validated items of reader.core.export.w3c.parse_document:

1. Article: the revision whose content hash is the target's source (urn:sha256:…); else the article whose
   current revision had the hash given as the target's article; else the article whose current text holds
   most of the quotes of that source (so annotations of an edited copy still find their article).
2. Passage: the stored position when the quote is still there in the current revision; otherwise the
   quote is re-anchored (reader.core.anchoring) from the old revision or by its quote and context alone.
   Not found, or exported as orphaned: kept as an orphaned annotation (quote, note and tags kept).
3. Tags: found by tagset and name; a missing tag (or tagset) is created with the file's colour and
   Chinese name.
4. Writing: one transaction. An annotation whose uuid is already in the library is updated, never
   duplicated; its tag history is replaced by the file's. With `layer=NAME` (merging a student's work)
   every annotation gets NAME as author, and NAME's earlier highlights on the same articles (and on
   `layer_articles`, so a layer emptied by its author is emptied here too) are replaced.

Nothing is written when any item cannot be placed: the error names it.
"""
from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from reader.core.anchoring import Quote, Reanchorer, make_quote, normalize
from reader.core.errors import ImportFailed
from reader.core.export.w3c import Item, TagRef, parse_document
from reader.core.library import Changed, Library, now
from reader.core.tags import TagError, Tags
from reader.core.untrusted import load_json, read_regular_file

IMPORTED_TAGSET = "Imported"
DEFAULT_TAG_COLOR = "#9e9e9e"


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    replaced: int = 0  # annotations of the layer that were removed because the new file replaces them
    orphaned: int = 0
    moved: int = 0  # placed without certainty (status 'moved'): the reader should check them
    articles: list[int] = field(default_factory=list)
    tags_created: list[str] = field(default_factory=list)
    changed: Changed = field(default_factory=Changed)

    def as_json(self) -> dict[str, object]:
        return {"created": self.created, "updated": self.updated, "replaced": self.replaced,
                "orphaned": self.orphaned, "moved": self.moved, "articles": self.articles,
                "tags_created": self.tags_created}


@dataclass
class _Placed:
    item: Item
    article_id: int
    revision_id: int
    quote: Quote
    status: str


@dataclass
class _Revision:
    id: int
    article_id: int
    current_id: int


def _revision(conn: sqlite3.Connection, digest: str | None) -> _Revision | None:
    if digest is None:
        return None
    row = conn.execute(
        "SELECT r.id, r.article_id, a.current_revision_id FROM revisions r JOIN articles a ON a.id = r.article_id"
        " WHERE r.content_hash = ? ORDER BY r.id DESC LIMIT 1", (digest,),
    ).fetchone()
    return _Revision(int(row[0]), int(row[1]), int(row[2])) if row else None


class _Texts:
    def __init__(self, lib: Library) -> None:
        self.lib = lib
        self._texts: dict[int, str] = {}
        self._anchorers: dict[tuple[int | None, int], Reanchorer] = {}

    def text(self, revision_id: int) -> str:
        if revision_id not in self._texts:
            self._texts[revision_id] = self.lib.revision_text(revision_id)
        return self._texts[revision_id]

    def anchorer(self, old: int | None, new: int) -> Reanchorer:
        key = (old, new)
        if key not in self._anchorers:
            self._anchorers[key] = Reanchorer(None if old is None else self.text(old), self.text(new))
        return self._anchorers[key]


def _guess_article(lib: Library, texts: _Texts, items: list[Item]) -> tuple[int, int] | None:
    """(article id, current revision id) of the article whose current text holds most of the quotes."""
    best: tuple[int, int, int] | None = None
    for info in lib.list_articles():
        body = texts.text(info.revision_id)
        hits = sum(1 for it in items if it.exact and it.exact in body)
        if hits and (best is None or hits > best[0]):
            best = (hits, info.id, info.revision_id)
    return None if best is None else (best[1], best[2])


def place(lib: Library, items: Sequence[Item], where: str = "the file") -> list[_Placed]:
    """Match every item to an article and a passage (reads only). Raises ImportFailed for an unplaceable one."""
    texts = _Texts(lib)
    groups: dict[tuple[str | None, str | None], list[Item]] = defaultdict(list)
    for it in items:
        groups[(it.source, it.article)].append(it)
    placed: list[_Placed] = []
    for (source, article), group in groups.items():
        rev = _revision(lib.conn, source)
        hint = _revision(lib.conn, article)
        if rev is not None:
            article_id, current = rev.article_id, rev.current_id
        elif hint is not None:
            article_id, current = hint.article_id, hint.current_id
        else:
            guess = _guess_article(lib, texts, group)
            if guess is None:
                label = f"urn:sha256:{source}" if source else "an unnamed source"
                raise ImportFailed(
                    f"{where}: no article in this library has the text annotated in {label}; import the article first"
                )
            article_id, current = guess
        for it in group:
            placed.append(_place_one(it, rev, article_id, current, texts, where))
    return placed


def _place_one(it: Item, rev: _Revision | None, article_id: int, current: int, texts: _Texts, where: str) -> _Placed:
    source_text = texts.text(rev.id) if rev is not None else None
    exact = it.exact
    if exact is None:  # a position without a quote: only usable on the very revision it was made on
        if source_text is None or it.end is None or it.end > len(source_text):
            raise ImportFailed(f"{where}: annotation urn:uuid:{it.uuid} has no quote and its position cannot be "
                               "checked against this library's text")
        exact = source_text[it.start : it.end]
    start = it.start if it.start is not None else 0
    end = it.end if it.end is not None else start + len(exact)
    if source_text is not None and not it.orphaned and it.end is not None and it.end > len(source_text):
        raise ImportFailed(f"{where}: annotation urn:uuid:{it.uuid} is at {start}–{end}, outside the text "
                           f"it names ({len(source_text)} characters)")
    given = Quote(start, end, exact, it.prefix, it.suffix, normalize(exact))
    if it.orphaned:
        return _orphan(it, article_id, rev.id if rev is not None else current, given, texts)
    if rev is not None and source_text is not None and source_text[start:end] == exact:
        if rev.id == current:
            return _Placed(it, article_id, current, make_quote(source_text, start, end),
                           "moved" if it.moved else "anchored")
        found = texts.anchorer(rev.id, current).reanchor(given)
    else:
        found = texts.anchorer(None, current).reanchor(given)
    if found is None:
        return _orphan(it, article_id, rev.id if rev is not None else current, given, texts)
    return _Placed(it, article_id, current, make_quote(texts.text(current), found.start, found.end),
                   "moved" if it.moved else found.status)


def _orphan(it: Item, article_id: int, revision_id: int, given: Quote, texts: _Texts) -> _Placed:
    """An orphaned annotation keeps its quote and its offsets when they lie inside the revision it is stored with.
    Offsets that do not (from a revision this library lacks, or from a damaged file) would point outside the
    text: the span is put at the text's end instead, as long as it was (at most the whole text)."""
    length = len(texts.text(revision_id))
    if not 0 <= given.start < given.end <= length:
        span = min(max(given.end - given.start, 1), length)
        given = replace(given, start=length - span, end=length)
    return _Placed(it, article_id, revision_id, given, "orphaned")


def import_annotations(
    lib: Library, items: Sequence[Item], *, layer: str | None = None, layer_articles: Sequence[int] = (),
    default_author: str | None = None, where: str = "the file",
) -> ImportReport:
    """Place and write the items (one transaction); see the module docstring."""
    placed = place(lib, items, where)
    report = ImportReport()
    conn = lib.conn
    uuids = [p.item.uuid for p in placed]
    fallback_author = layer or default_author or lib.reader_name
    with lib.transaction():
        existing = _existing(conn, uuids)
        touched_articles = sorted({p.article_id for p in placed})
        removed: set[int] = set()
        if layer is not None:
            for uid, (_, owner, kind) in existing.items():
                if owner != layer or kind != "highlight":
                    raise ImportFailed(f"{where}: annotation urn:uuid:{uid} already belongs to {owner}'s work in "
                                       "this library; was a library file copied between readers?")
            removed = _drop_layer(conn, layer, sorted(set(touched_articles) | set(layer_articles)), keep=set())
            existing = _existing(conn, uuids)  # the layer's annotations of these uuids on other articles
            report.replaced = len(removed)
        tag_ids = _ensure_tags(lib, [t for p in placed for t in p.item.tags], report)
        stamp = now()
        changed_ids: set[int] = set()
        names = {int(r[0]): f"{r[1]}/{r[2]}" for r in conn.execute(
            "SELECT t.id, s.name, t.name FROM tags t JOIN tagsets s ON s.id = t.tagset_id")}
        for p in placed:
            it = p.item
            author = layer or it.author or fallback_author
            created = it.created or stamp
            modified = it.modified or created
            q = p.quote
            values = (p.article_id, p.revision_id, it.kind, q.start, q.end, q.exact, q.prefix, q.suffix,
                      q.normalized, it.color, it.note, it.reading, author, p.status, created, modified)
            if it.uuid in existing:
                ann_id = existing[it.uuid][0]
                conn.execute(
                    'UPDATE annotations SET article_id = ?, revision_id = ?, kind = ?, start = ?, "end" = ?, exact = ?,'
                    " prefix = ?, suffix = ?, normalized = ?, color = ?, note = ?, reading = ?, author = ?, status = ?,"
                    " created = ?, updated = ? WHERE id = ?", (*values, ann_id),
                )
                report.updated += 1
            else:
                cur = conn.execute(
                    'INSERT INTO annotations (uuid, article_id, revision_id, kind, start, "end", exact, prefix, suffix,'
                    " normalized, color, note, reading, author, status, created, updated)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (it.uuid, *values),
                )
                ann_id = int(cur.lastrowid or 0)
                report.created += 1
            if p.status == "orphaned":
                report.orphaned += 1
            elif p.status == "moved":
                report.moved += 1
            changed_ids.add(ann_id)
            _write_tags(conn, ann_id, it, [tag_ids[_key(t)] for t in it.tags], names, author, created,
                        force_author=layer is not None)
    report.articles = touched_articles
    report.changed = Changed(articles=frozenset(touched_articles), annotations=frozenset(changed_ids | removed),
                             tags=frozenset(tag_ids.values()))
    return report


def _existing(conn: sqlite3.Connection, uuids: list[str]) -> dict[str, tuple[int, str, str]]:
    out: dict[str, tuple[int, str, str]] = {}
    for i in range(0, len(uuids), 500):
        chunk = uuids[i : i + 500]
        rows = conn.execute(
            f"SELECT uuid, id, author, kind FROM annotations WHERE uuid IN ({','.join('?' * len(chunk))})", chunk
        )
        out.update({str(r[0]): (int(r[1]), str(r[2]), str(r[3])) for r in rows})
    return out


def _drop_layer(conn: sqlite3.Connection, author: str, article_ids: list[int], keep: set[str]) -> set[int]:
    """Delete an author's highlights on the articles (and their tag history). Returns the deleted ids."""
    removed: set[int] = set()
    for article_id in article_ids:
        rows = conn.execute(
            "SELECT id, uuid FROM annotations WHERE article_id = ? AND author = ? AND kind = 'highlight'",
            (article_id, author),
        ).fetchall()
        for ann_id, uid in rows:
            if uid in keep:
                continue
            conn.execute("DELETE FROM tag_history WHERE annotation_uuid = ?", (uid,))
            conn.execute("DELETE FROM annotations WHERE id = ?", (ann_id,))
            removed.add(int(ann_id))
    return removed


def _key(t: TagRef) -> tuple[str | None, str]:
    return (None if t.tagset is None else t.tagset.casefold(), t.name.casefold())


def _ensure_tags(lib: Library, refs: list[TagRef], report: ImportReport) -> dict[tuple[str | None, str], int]:
    """Tag ids for the references, creating missing tags and tagsets (inside the caller's transaction)."""
    conn = lib.conn
    tags = Tags(lib)
    out: dict[tuple[str | None, str], int] = {}
    for ref in refs:
        key = _key(ref)
        if key in out:
            continue
        tagset = ref.tagset
        if tagset is None:
            try:
                out[key] = tags.resolve(ref.name).id
                continue
            except TagError:  # unknown or ambiguous: file it under "Imported"
                tagset = IMPORTED_TAGSET
        row = conn.execute("SELECT id FROM tagsets WHERE lower(name) = lower(?)", (tagset,)).fetchone()
        if row is None:
            (pos,) = conn.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM tagsets").fetchone()
            set_id = int(conn.execute("INSERT INTO tagsets (name, position) VALUES (?, ?)", (tagset, pos)).lastrowid or 0)
        else:
            set_id = int(row[0])
        row = conn.execute("SELECT id FROM tags WHERE tagset_id = ? AND lower(name) = lower(?)",
                           (set_id, ref.name)).fetchone()
        if row is None:
            (pos,) = conn.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM tags WHERE tagset_id = ?",
                                  (set_id,)).fetchone()
            cur = conn.execute(
                "INSERT INTO tags (tagset_id, name, name_zh, color, position) VALUES (?, ?, ?, ?, ?)",
                (set_id, ref.name, ref.name_zh, ref.color or DEFAULT_TAG_COLOR, pos),
            )
            out[key] = int(cur.lastrowid or 0)
            report.tags_created.append(f"{tagset}/{ref.name}")
        else:
            out[key] = int(row[0])
    return out


def _write_tags(
    conn: sqlite3.Connection, ann_id: int, it: Item, tag_ids: list[int], names: dict[int, str], author: str,
    created: str, *, force_author: bool = False,
) -> None:
    """Replace the annotation's tags and tag history (a student's layer: every change is the student's)."""
    conn.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", (ann_id,))
    history = it.history
    if history is None:  # a file without history: each tag was added when the annotation was made
        history = [(names[t], "add", author, created) for t in dict.fromkeys(tag_ids)]
    added_at: dict[str, str] = {}
    for tag, action, _, at in history:
        if action == "add":
            added_at[tag.casefold()] = at
    conn.executemany(
        "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id, created) VALUES (?, ?, ?)",
        [(ann_id, t, added_at.get(names[t].casefold(), created)) for t in tag_ids],
    )
    conn.execute("DELETE FROM tag_history WHERE annotation_uuid = ?", (it.uuid,))
    conn.executemany(
        "INSERT INTO tag_history (annotation_uuid, tag_name, action, author, at) VALUES (?, ?, ?, ?, ?)",
        [(it.uuid, tag, action, author if force_author else who or author, at) for tag, action, who, at in history],
    )


MAX_FILE_BYTES = 64 * 1024 * 1024


def import_w3c_file(lib: Library, path: str | Path) -> ImportReport:
    """Read a W3C Web Annotation JSON file (reader.core.export.w3c) and import it; nothing written on error."""
    path = Path(path)
    raw = read_regular_file(path, MAX_FILE_BYTES, error=ImportFailed)
    if raw.startswith(b"PK\x03\x04"):
        raise ImportFailed(f"{path.name} is a zip file, not W3C JSON; a class package is opened with "
                           "`class open` (hand-out) or `class merge` (hand-in)")
    items = parse_document(load_json(raw, path.name), path.name)
    return import_annotations(lib, items, where=path.name)
