"""W3C Web Annotation export and parsing (core layer, export): annotations as JSON-LD anyone can read.

The file is an `AnnotationCollection` ("@context": "http://www.w3.org/ns/anno.jsonld") whose first page
embeds every annotation. Each annotation:

- `id` urn:uuid:…, `type` Annotation, `created`, `modified`, `creator` {type Person, name};
- `motivation`: commenting (it has a note), tagging (tags, no note), highlighting (neither), or editing
  (a reading fix: the reader corrected the reading of the characters);
- `body`: the note as a TextualBody (format text/markdown, purpose commenting), one TextualBody per tag
  (purpose tagging, value = the tag's English name), and for a reading fix a TextualBody with the reading
  (purpose editing, TONE3);
- `target`: {source: urn:sha256:<content hash of the article revision>, selector: [TextPositionSelector
  {start, end} in code points, TextQuoteSelector {exact, prefix, suffix}]}.

What the model has no term for is kept in extension properties named by absolute IRIs under
`urn:bilingual-reader:` (the Web Annotation model asks clients to ignore properties they do not know):
a tag body's tagset, Chinese name and colour; an annotation's explicit colour, its status when it is not
`anchored` (`orphaned`, or `moved`: its place is to be checked) and tag history (each change with its time,
so a class report can look at the tags as they were on a date);
the target's article (the content hash of the current revision, when the quote's revision is older).

`parse_document` reads this back — and the plainer shapes other tools write (a bare list of annotations,
a single annotation, an AnnotationPage) — validating every value; reader.core.annotation_import writes it.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.core import untrusted as u
from reader.core.annotations import Annotation, Annotations
from reader.core.library import Library

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
NS = "urn:bilingual-reader:"
MAX_ITEMS = 100_000
_MOTIVATIONS = ("commenting", "tagging", "highlighting", "editing", "describing", "classifying",
                "questioning", "assessing", "bookmarking", "identifying", "linking", "moderating", "replying")


# ---- export --------------------------------------------------------------------------------------
def source_urn(content_hash: str) -> str:
    return f"urn:sha256:{content_hash}"


def _revision_hashes(lib: Library, revision_ids: set[int]) -> dict[int, str]:
    if not revision_ids:
        return {}
    marks = ",".join("?" * len(revision_ids))
    rows = lib.conn.execute(f"SELECT id, content_hash FROM revisions WHERE id IN ({marks})", sorted(revision_ids))
    return {int(i): str(h) for i, h in rows}


def tag_history(lib: Library, uuids: Sequence[str]) -> dict[str, list[dict[str, str]]]:
    """Tag changes per annotation uuid, oldest first: {tag, action, author, at}."""
    out: dict[str, list[dict[str, str]]] = {x: [] for x in uuids}
    items = list(uuids)
    for i in range(0, len(items), 500):
        chunk = items[i : i + 500]
        rows = lib.conn.execute(
            "SELECT annotation_uuid, tag_name, action, author, at FROM tag_history"
            f" WHERE annotation_uuid IN ({','.join('?' * len(chunk))}) ORDER BY id", chunk,
        )
        for uid, tag, action, author, at in rows:
            out[uid].append({"tag": tag, "action": action, "author": author, "at": at})
    return out


def sort_key(a: Annotation) -> tuple:
    """Text order, independent of database ids (so the same annotations export the same in any library)."""
    return (a.status == "orphaned", a.start, a.end, a.created, a.uuid)


def annotation_json(a: Annotation, source: str, article: str, history: list[dict[str, str]]) -> dict:
    """One annotation in the Web Annotation model (see the module docstring)."""
    bodies: list[dict[str, object]] = []
    if a.note:
        bodies.append({"type": "TextualBody", "value": a.note, "format": "text/markdown", "purpose": "commenting"})
    for t in a.tags:
        body: dict[str, object] = {"type": "TextualBody", "value": t.name, "purpose": "tagging",
                                   NS + "tagset": t.tagset, NS + "color": t.color}
        if t.name_zh:
            body[NS + "nameZh"] = t.name_zh
        bodies.append(body)
    if a.kind == "reading":
        bodies.append({"type": "TextualBody", "value": a.reading or "", "format": "text/plain", "purpose": "editing"})
        motivation = "editing"
    else:
        motivation = "commenting" if a.note else "tagging" if a.tags else "highlighting"
    target: dict[str, object] = {
        "source": source,
        "selector": [
            {"type": "TextPositionSelector", "start": a.start, "end": a.end},
            {"type": "TextQuoteSelector", "exact": a.exact, "prefix": a.prefix, "suffix": a.suffix},
        ],
    }
    if article != source:
        target[NS + "article"] = article
    item: dict[str, object] = {
        "id": f"urn:uuid:{a.uuid}", "type": "Annotation", "motivation": motivation,
        "created": a.created, "modified": a.updated, "creator": {"type": "Person", "name": a.author},
    }
    if bodies:
        item["body"] = bodies
    item["target"] = target
    if a.color:
        item[NS + "color"] = a.color
    if a.status != "anchored":
        item[NS + "status"] = a.status  # 'orphaned', or 'moved' (its place is to be checked)
    if history:
        item[NS + "tagHistory"] = history
    return item


def collection(
    lib: Library, article_ids: Sequence[int], *, authors: Sequence[str] | None = None,
    kinds: Sequence[str] = ("highlight", "reading"), label: str | None = None,
) -> dict[str, object]:
    """An AnnotationCollection of the articles' annotations (optionally only some authors or kinds)."""
    anns = Annotations(lib)
    items: list[dict[str, object]] = []
    articles: list[dict[str, object]] = []
    for article_id in article_ids:
        info = lib.article(article_id)
        found = [a for a in anns.list_for_article(article_id) if a.kind in kinds
                 and (authors is None or a.author in authors)]
        found.sort(key=sort_key)
        hashes = _revision_hashes(lib, {info.revision_id} | {a.revision_id for a in found})
        current = source_urn(hashes[info.revision_id])
        entry: dict[str, object] = {"source": current, "title": info.title}
        if info.title_en:
            entry["titleEn"] = info.title_en
        articles.append(entry)
        history = tag_history(lib, [a.uuid for a in found])
        items += [annotation_json(a, source_urn(hashes[a.revision_id]), current, history[a.uuid]) for a in found]
    digest = hashlib.sha256("\n".join(str(a["source"]) for a in articles).encode()).hexdigest()[:32]
    cid = f"{NS}collection:{digest}"
    if label is None:
        label = (f"Annotations on {articles[0]['title']}" if len(articles) == 1
                 else f"Annotations on {len(articles)} articles")
    return {
        "@context": CONTEXT, "id": cid, "type": "AnnotationCollection", "label": label, "total": len(items),
        NS + "articles": articles,
        "first": {"id": f"{cid}:page1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def render_w3c(lib: Library, article_ids: Sequence[int], **kwargs: object) -> str:
    """The collection as UTF-8 JSON text (2-space indent, keys in a fixed order, newline at the end)."""
    return json.dumps(collection(lib, article_ids, **kwargs), ensure_ascii=False, indent=2) + "\n"  # type: ignore[arg-type]


# ---- parsing -------------------------------------------------------------------------------------
@dataclass
class TagRef:
    name: str
    tagset: str | None = None
    name_zh: str | None = None
    color: str | None = None


@dataclass
class Item:
    """One annotation read from a W3C document, validated; not yet matched to an article."""

    uuid: str
    kind: str  # 'highlight' | 'reading'
    note: str
    reading: str | None
    color: str | None
    author: str | None
    created: str | None
    modified: str | None
    orphaned: bool
    source: str | None  # content hash of the revision the offsets refer to
    article: str | None  # content hash of the article's current revision at export time
    start: int | None
    end: int | None
    exact: str | None
    prefix: str
    suffix: str
    tags: list[TagRef] = field(default_factory=list)
    history: list[tuple[str, str, str | None, str]] | None = None  # (tag, action, author, at)
    moved: bool = False  # placed by an approximate match in the library it came from, not yet confirmed


def _hash_of(value: object, where: str) -> str | None:
    """The content hash in a urn:sha256:… source; None for any other kind of source (a URL)."""
    if isinstance(value, dict):
        value = value.get("id", value.get("source"))
    if value is None:
        return None
    raw = u.text(value, where, max_len=2000)
    if raw.startswith("urn:sha256:"):
        digest = raw[11:].lower()
        if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
            raise u.InvalidData(f"{where}: {raw!r} is not a SHA-256 content hash")
        return digest
    return None


def parse_document(data: object, where: str, *, max_items: int = MAX_ITEMS) -> list[Item]:
    """The annotations of a W3C document: an AnnotationCollection (embedded first page), an AnnotationPage,
    a list of annotations, or one annotation. Raises InvalidData naming the first bad value."""
    if isinstance(data, list):
        raw_items = data
    else:
        doc = u.obj(data, where)
        kind = doc.get("type")
        if kind == "AnnotationCollection":
            first = doc.get("first")
            if first is None:
                raw_items = []
            else:
                page = u.obj(first, f"{where}: first")
                raw_items = u.lst(u.field(page, "items", f"{where}: first"), f"{where}: first.items", max_items)
        elif kind == "AnnotationPage":
            raw_items = u.lst(u.field(doc, "items", where), f"{where}: items", max_items)
        elif kind == "Annotation":
            raw_items = [doc]
        else:
            raise u.InvalidData(f"{where}: expected an AnnotationCollection, an AnnotationPage, an Annotation or "
                                f"a list of annotations (type is {kind!r})")
    u.lst(raw_items, f"{where}: items", max_items)
    items = [parse_item(raw, f"{where}: item {n}") for n, raw in enumerate(raw_items, 1)]
    seen: set[str] = set()
    for n, item in enumerate(items, 1):
        if item.uuid in seen:
            raise u.InvalidData(f"{where}: item {n}: the id urn:uuid:{item.uuid} appears twice")
        seen.add(item.uuid)
    return items


def _bodies(value: object, where: str) -> list[dict]:
    if value is None:
        return []
    if isinstance(value, str | dict):
        value = [value]
    out = []
    for n, b in enumerate(u.lst(value, where, 1000), 1):
        if isinstance(b, str):  # a bare IRI body carries nothing we can use
            u.text(b, f"{where}[{n}]", max_len=2000)
            continue
        out.append(u.obj(b, f"{where}[{n}]"))
    return out


def parse_item(raw: object, where: str) -> Item:
    a = u.obj(raw, where)
    if a.get("type", "Annotation") != "Annotation":
        raise u.InvalidData(f"{where}: type must be Annotation")
    uid = u.uuid(u.field(a, "id", where), f"{where}: id")
    motivation = a.get("motivation")
    if motivation is not None and not isinstance(motivation, list):
        motivation = [motivation]
    for m in motivation or []:
        if not isinstance(m, str) or m.removeprefix("oa:") not in _MOTIVATIONS:
            raise u.InvalidData(f"{where}: unknown motivation {m!r}")
    creator = a.get("creator")
    author: str | None = None
    if isinstance(creator, list):
        creator = creator[0] if creator else None
    if isinstance(creator, dict):
        author = u.name(u.field(creator, "name", f"{where}: creator"), f"{where}: creator.name")
    elif creator is not None:
        author = u.name(creator, f"{where}: creator")
    created = None if a.get("created") is None else u.timestamp(a["created"], f"{where}: created")
    modified = None if a.get("modified") is None else u.timestamp(a["modified"], f"{where}: modified")
    notes: list[str] = []
    tags: list[TagRef] = []
    reading: str | None = None
    if a.get("bodyValue") is not None:
        notes.append(u.text(a["bodyValue"], f"{where}: bodyValue", max_len=u.MAX_NOTE, multiline=True))
    for n, b in enumerate(_bodies(a.get("body"), f"{where}: body"), 1):
        bw = f"{where}: body[{n}]"
        purpose = b.get("purpose")
        if b.get("type", "TextualBody") != "TextualBody" or "value" not in b:
            continue  # a body that is not text (an image, a link): kept by nobody, harmless
        if purpose == "tagging":
            tags.append(TagRef(
                u.tag_name(b["value"], f"{bw}.value"),
                None if b.get(NS + "tagset") is None else u.tag_name(b[NS + "tagset"], f"{bw}.tagset"),
                None if b.get(NS + "nameZh") is None else u.tag_name(b[NS + "nameZh"], f"{bw}.nameZh"),
                u.opt_color(b.get(NS + "color"), f"{bw}.color"),
            ))
        elif purpose == "editing":
            reading = u.text(b["value"], f"{bw}.value", max_len=64, empty=False).strip()
        else:
            notes.append(u.text(b["value"], f"{bw}.value", max_len=u.MAX_NOTE, multiline=True))
    note = "\n\n".join(notes)
    if len(note) > u.MAX_NOTE:
        raise u.InvalidData(f"{where}: the note is too long")
    kind_value = a.get(NS + "kind")
    is_reading = kind_value == "reading" or ("editing" in (motivation or []) and reading is not None)
    if is_reading and not reading:
        raise u.InvalidData(f"{where}: a reading fix needs a body with purpose editing and the reading")
    history = None
    if a.get(NS + "tagHistory") is not None:
        history = []
        for n, h in enumerate(u.lst(a[NS + "tagHistory"], f"{where}: tagHistory", 10_000), 1):
            hw = f"{where}: tagHistory[{n}]"
            h = u.obj(h, hw)
            action = u.field(h, "action", hw)
            if action not in ("add", "remove"):
                raise u.InvalidData(f"{hw}.action must be add or remove")
            history.append((u.text(u.field(h, "tag", hw), f"{hw}.tag", max_len=2 * u.MAX_NAME + 1, empty=False),
                            str(action), None if h.get("author") is None else u.name(h["author"], f"{hw}.author"),
                            u.timestamp(u.field(h, "at", hw), f"{hw}.at")))
    status = a.get(NS + "status", "anchored")
    if status not in ("anchored", "moved", "orphaned"):
        raise u.InvalidData(f"{where}: status must be anchored, moved or orphaned")
    item = Item(uid, "reading" if is_reading else "highlight", note, reading if is_reading else None,
                u.opt_color(a.get(NS + "color"), f"{where}: color"), author, created, modified,
                status == "orphaned", None, None, None, None, None, "", "", tags, history, status == "moved")
    _parse_target(a, item, where)
    return item


def _parse_target(a: dict, item: Item, where: str) -> None:
    target = u.field(a, "target", where)
    if isinstance(target, list):
        if not target:
            raise u.InvalidData(f"{where}: target is empty")
        target = target[0]
    if isinstance(target, str):
        item.source = _hash_of(target, f"{where}: target")
        raise u.InvalidData(f"{where}: target has no selector (the passage is unknown)")
    t = u.obj(target, f"{where}: target")
    tw = f"{where}: target"
    item.source = _hash_of(t.get("source"), f"{tw}.source")
    item.article = _hash_of(t.get(NS + "article"), f"{tw}.article")
    selectors = t.get("selector")
    if isinstance(selectors, dict):
        selectors = [selectors]
    for n, s in enumerate(u.lst(selectors, f"{tw}.selector", 20) if selectors is not None else [], 1):
        sw = f"{tw}.selector[{n}]"
        s = u.obj(s, sw)
        kind = s.get("type")
        if kind == "TextPositionSelector":
            item.start = u.integer(u.field(s, "start", sw), f"{sw}.start")
            item.end = u.integer(u.field(s, "end", sw), f"{sw}.end")
            if item.end <= item.start:
                raise u.InvalidData(f"{sw}: end must be after start")
        elif kind == "TextQuoteSelector":
            item.exact = u.text(u.field(s, "exact", sw), f"{sw}.exact", max_len=u.MAX_TEXT, multiline=True)
            if not item.exact:
                raise u.InvalidData(f"{sw}.exact cannot be empty")
            item.prefix = u.text(s.get("prefix", ""), f"{sw}.prefix", max_len=u.MAX_CONTEXT, multiline=True)
            item.suffix = u.text(s.get("suffix", ""), f"{sw}.suffix", max_len=u.MAX_CONTEXT, multiline=True)
    if item.exact is None and item.start is None:
        raise u.InvalidData(f"{tw} needs a TextQuoteSelector or a TextPositionSelector")
    if item.exact is not None and item.start is not None and item.end is not None \
            and item.end - item.start != len(item.exact) and not item.orphaned:
        raise u.InvalidData(f"{tw}: the position {item.start}–{item.end} does not fit the quote's length")
