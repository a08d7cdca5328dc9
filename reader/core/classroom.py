"""Class hand-outs and hand-ins (core layer): what a teacher gives, what a student opens and returns.

A package is one `.readerclass` file (reader.core.class_package; docs/classroom.md):

- a *hand-out* (`make_handout`): article(s) with canonical text, paragraphs, metadata and translations, a
  tagset, optional instructions (Markdown) and the teacher's reading fixes. `open_handout` adds what is
  missing to a student's library: an article already there (same content hash) is found, not duplicated;
  the article is remembered as coming from that hand-out (table `class_handouts`).
- a *hand-in* (`make_handin`): the highlights on the article(s) as W3C Web Annotation JSON, stamped with
  the student's name, their library's stable id (reader.core.identity), the time, and for each article
  the content hash it was handed out with (so a revised article still finds the teacher's).
  Merging them is reader.core.class_merge (`merge_handin(s)`, `handins`, re-exported here).

Whatever the app writes it reads back: each package is checked with the same parsers that read it before
it is written, and the limits they share (reader.core.untrusted) are refused up front with a clear line.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from reader import __version__
from reader.core import identity
from reader.core import untrusted as u
from reader.core.annotation_import import ImportReport, import_annotations
from reader.core.class_merge import MergeResult, handins, merge_handin, merge_handins
from reader.core.class_package import (
    FORMAT,
    KNOWN_MEMBER,
    MAX_ARTICLES,
    MAX_INSTRUCTIONS,
    MAX_TAGS,
    SUFFIX,
    VERSION,
    Package,
    PackageError,
    check_member_name,
    dump,
    read_package,
    zip_members,
)
from reader.core.errors import ReaderError
from reader.core.export.files import write_atomic
from reader.core.export.w3c import NS, collection, parse_document
from reader.core.library import Changed, Library, now
from reader.core.tags import Tags
from reader.core.text import DETECTED_SCRIPTS, PARAGRAPH_KINDS, Paragraph, ParsedText

__all__ = ["FORMAT", "SUFFIX", "VERSION", "MergeResult", "Package", "PackageError", "handins", "instructions_for",
           "make_handin", "make_handout", "merge_handin", "merge_handins", "open_handout", "read_package"]
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_META_LIMIT = u.MAX_TITLE


# ---- writing packages -------------------------------------------------------------------------------
def _meta(value: str | None, what: str) -> str | None:
    """Article metadata as a package holds it: one line (bidi controls kept), refused when too long."""
    return None if value is None else (u.clean_title(value, what) if value.strip() else None)


def _article_member(lib: Library, article_id: int) -> dict[str, object]:
    info = lib.article(article_id)
    text = lib.revision_text(info.revision_id)
    pars = lib.paragraphs(info.revision_id)
    translations = []
    rows = lib.conn.execute(
        "SELECT DISTINCT language FROM translations WHERE revision_id = ? ORDER BY language", (info.revision_id,)
    ).fetchall()
    for (language,) in rows:
        lines = lib.translations(info.revision_id, language)
        translations.append({"language": language,
                             "translator": u.one_line(lib.translator(info.revision_id, language) or "")[:_META_LIMIT],
                             "paragraphs": [{"index": i, "text": lines[i]} for i in sorted(lines)]})
    what = f"the title of article {article_id}"
    return {
        "title": u.clean_title(info.title, what), "title_en": _meta(info.title_en, f"the English {what}"),
        "author": _meta(info.author, f"the author of article {article_id}"),
        "source": _meta(info.source, f"the source of article {article_id}"),
        "date": _meta(info.date, f"the date of article {article_id}"), "script": info.script,
        "content_hash": hashlib.sha256(text.encode()).hexdigest(), "text": text,
        "paragraphs": [{"index": p.index, "kind": p.kind, "start": p.start, "end": p.end, "level": p.level,
                        "marker": p.marker} for p in pars],
        "translations": translations,
    }


def _tagset_member(lib: Library, name: str) -> dict[str, object]:
    tags = Tags(lib)
    set_id = tags.tagset_id(name)
    ts = next(s for s in tags.tagsets() if s.id == set_id)
    if len(ts.tags) > MAX_TAGS:
        raise ReaderError(f"the tagset {ts.name} has {len(ts.tags)} tags; a hand-out carries at most {MAX_TAGS}")
    for label in [ts.name, ts.name_zh, *(t.name for t in ts.tags), *(t.name_zh for t in ts.tags)]:
        if label is not None and len(label) > u.MAX_NAME:
            raise ReaderError(f"the tag name “{label[:40]}…” is {len(label)} characters; a hand-out allows at most "
                              f"{u.MAX_NAME}; rename it first")
    return {"name": ts.name, "name_zh": ts.name_zh, "description": ts.description,
            "tags": [{"name": t.name, "name_zh": t.name_zh, "color": t.color, "shortcut": t.shortcut}
                     for t in ts.tags]}


def _self_check(what: str, check: Callable[[], object]) -> None:
    """Run the reader's own parser over what is about to be written: a package the app would refuse is
    never written (the message says which value, so it can be fixed)."""
    try:
        check()
    except u.InvalidData as exc:
        raise ReaderError(f"cannot write the {what}: {exc}") from exc


def make_handout(
    lib: Library, article_ids: list[int], path: str | Path, *, tagset: str = "Stance",
    instructions: str | None = None, created: str | None = None,
) -> Path:
    """Write a hand-out: the articles, the tagset, instructions (Markdown) and the reading fixes."""
    if not article_ids:
        raise ReaderError("a hand-out needs at least one article")
    if len(article_ids) > MAX_ARTICLES:
        raise ReaderError(f"a hand-out holds at most {MAX_ARTICLES} articles")
    if instructions is not None and len(instructions) > MAX_INSTRUCTIONS:
        raise ReaderError(f"the instructions are too long (at most {MAX_INSTRUCTIONS} characters)")
    stamp = created or now()
    members: dict[str, str] = {}
    listed = []
    parsed: list[tuple[str, dict[str, object]]] = []
    for n, article_id in enumerate(dict.fromkeys(article_ids), 1):
        art = _article_member(lib, article_id)
        member = f"articles/{n:03d}.json"
        members[member] = dump(art)
        parsed.append((member, art))
        listed.append({"member": member, "content_hash": art["content_hash"], "title": art["title"]})
    ts = _tagset_member(lib, tagset)
    members["tagset.json"] = dump(ts)
    fixes = collection(lib, list(dict.fromkeys(article_ids)), kinds=("reading",), label="Reading fixes")
    members["annotations.json"] = dump(fixes)
    if instructions and instructions.strip():
        members["instructions.md"] = instructions
    for member, art in parsed:
        _self_check("hand-out", partial(parse_article, art, member, str(art["content_hash"])))
    _self_check("hand-out", lambda: parse_tagset(ts, "tagset.json"))
    _self_check("hand-out", lambda: parse_document(fixes, "annotations.json"))
    manifest = {"format": FORMAT, "version": VERSION, "kind": "handout", "created": stamp,
                "app_version": __version__, "teacher": identity.name_set(lib), "articles": listed,
                "tagset": "tagset.json", "instructions": "instructions.md" if "instructions.md" in members else None}
    target = Path(path)
    write_atomic(target, zip_members({"manifest.json": dump(manifest), **members}, stamp))
    return target


class NameNeeded(ReaderError):
    """A hand-in needs the student's name, and none was given or set."""


def make_handin(
    lib: Library, article_ids: list[int], path: str | Path, *, author: str | None = None, created: str | None = None,
) -> tuple[Path, int]:
    """Write a hand-in: the highlights on the articles, stamped with the student's name, the library's id and
    the time. `author` is the name the teacher knows; without it, the reader's name (NameNeeded when none
    was set; a name given while none is set becomes the reader's name). Returns (file, count)."""
    if not article_ids:
        raise ReaderError("a hand-in needs at least one article")
    if author is None:
        student = identity.name_set(lib)
        if student is None:
            raise NameNeeded("a hand-in needs your name as your teacher knows it, and no name is set yet")
    else:
        student = u.clean_name(author, "your name")
    stamp = created or now()
    ids = list(dict.fromkeys(article_ids))
    annotations = collection(lib, ids, kinds=("highlight",), label=f"{student}'s annotations")
    page = annotations["first"]
    for item in page["items"]:  # type: ignore[index]
        # The teacher files everything under the student's name: so does the file (a note from before a
        # rename, under another label, reads back the same).
        item["creator"] = {"type": "Person", "name": student}
        for h in item.get(f"{NS}tagHistory", []):
            h["author"] = student
        for body in item.get("body", []):
            if body.get("purpose") == "commenting" and len(body["value"]) > u.MAX_NOTE:
                quote = next(s["exact"] for s in item["target"]["selector"] if s["type"] == "TextQuoteSelector")
                raise ReaderError(f"the note on “{quote[:30]}” is {len(body['value']):,} characters; a hand-in "
                                  f"allows at most {u.MAX_NOTE:,}; shorten it first")
    handed_out = dict(lib.conn.execute(
        f"SELECT article_id, content_hash FROM class_handouts WHERE article_id IN ({','.join('?' * len(ids))})", ids))
    articles = []
    for article_id, entry in zip(ids, annotations[f"{NS}articles"], strict=True):  # type: ignore[call-overload]
        out = {"content_hash": str(entry["source"]).removeprefix("urn:sha256:"),
               "title": u.clean_title(str(entry["title"]), f"the title of article {article_id}")}
        if article_id in handed_out:
            out["handout"] = handed_out[article_id]
        articles.append(out)
    _self_check("hand-in", lambda: parse_document(annotations, "annotations.json"))
    if author is not None and identity.name_set(lib) is None:
        identity.set_name(lib, student)
    manifest = {"format": FORMAT, "version": VERSION, "kind": "handin", "created": stamp, "app_version": __version__,
                "reader": student, "library": identity.library_id(lib), "articles": articles,
                "annotations": "annotations.json"}
    target = Path(path)
    write_atomic(target, zip_members({"manifest.json": dump(manifest), "annotations.json": dump(annotations)}, stamp))
    return target, int(annotations["total"])  # type: ignore[call-overload]


# ---- opening a hand-out -----------------------------------------------------------------------------
@dataclass
class OpenedArticle:
    id: int
    title: str
    created: bool

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "created": self.created}


@dataclass
class OpenResult:
    articles: list[OpenedArticle]
    tagset: str
    tags_added: list[str]
    reading_fixes: int
    instructions: str | None
    teacher: str | None
    changed: Changed = field(default_factory=Changed)

    def as_json(self) -> dict[str, object]:
        return {"articles": [a.as_json() for a in self.articles], "tagset": self.tagset, "tags_added": self.tags_added,
                "reading_fixes": self.reading_fixes, "instructions": self.instructions, "teacher": self.teacher}


@dataclass
class _Article:
    meta: dict[str, str | None]
    script: str
    text: str
    paragraphs: list[Paragraph]
    translations: list[tuple[str, str, dict[int, str]]]


def _opt_meta(data: dict, key: str, where: str) -> str | None:
    value = u.opt_text(data.get(key), f"{where}: {key}", max_len=_META_LIMIT, bidi=True)
    return value.strip() or None if value is not None else None


def parse_article(data: object, where: str, content_hash: str) -> _Article:
    a = u.obj(data, where)
    text = u.text(u.field(a, "text", where), f"{where}: text", max_len=u.MAX_TEXT, multiline=True)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if digest != content_hash or u.field(a, "content_hash", where) != digest:
        raise PackageError(f"{where}: the text does not match its content hash")
    if not text.strip():
        raise PackageError(f"{where}: the article text is empty")
    script = u.field(a, "script", where)
    if script not in DETECTED_SCRIPTS:
        raise PackageError(f"{where}: script must be one of {', '.join(DETECTED_SCRIPTS)}")
    raw_pars = u.lst(u.field(a, "paragraphs", where), f"{where}: paragraphs", 200_000)
    if not raw_pars:
        raise PackageError(f"{where}: the article has no paragraphs")
    pars: list[Paragraph] = []
    expected = 0
    for n, raw in enumerate(raw_pars):
        pw = f"{where}: paragraphs[{n}]"
        p = u.obj(raw, pw)
        if u.field(p, "index", pw) != n:
            raise PackageError(f"{pw}: index must be {n}")
        kind = u.field(p, "kind", pw)
        if kind not in PARAGRAPH_KINDS:
            raise PackageError(f"{pw}: kind must be one of {', '.join(PARAGRAPH_KINDS)}")
        start = u.integer(u.field(p, "start", pw), f"{pw}.start", high=len(text))
        end = u.integer(u.field(p, "end", pw), f"{pw}.end", high=len(text))
        if start != expected or end < start or "\n" in text[start:end]:
            raise PackageError(f"{pw}: the paragraphs must cover the text in order, one line each")
        if end < len(text) and text[end] != "\n":
            raise PackageError(f"{pw}: a paragraph must end at a line break")
        level = u.integer(p.get("level", 0), f"{pw}.level", high=6)
        marker = u.text(p.get("marker", ""), f"{pw}.marker", max_len=20)
        pars.append(Paragraph(n, str(kind), start, end, text[start:end], level, marker))
        expected = end + 1
    if pars[-1].end != len(text):
        raise PackageError(f"{where}: the paragraphs do not reach the end of the text")
    translations = []
    for n, raw in enumerate(u.lst(a.get("translations", []), f"{where}: translations", 20)):
        tw = f"{where}: translations[{n}]"
        t = u.obj(raw, tw)
        language = u.text(u.field(t, "language", tw), f"{tw}.language", max_len=20, empty=False)
        if not _LANGUAGE.match(language):
            raise PackageError(f"{tw}: {language!r} is not a language code")
        translator = u.text(t.get("translator", ""), f"{tw}.translator", max_len=_META_LIMIT, bidi=True)
        lines: dict[int, str] = {}
        for k, rawp in enumerate(u.lst(u.field(t, "paragraphs", tw), f"{tw}.paragraphs", len(pars))):
            lw = f"{tw}.paragraphs[{k}]"
            line = u.obj(rawp, lw)
            idx = u.integer(u.field(line, "index", lw), f"{lw}.index", high=len(pars) - 1)
            lines[idx] = u.text(u.field(line, "text", lw), f"{lw}.text", max_len=50_000)
        translations.append((language, translator, lines))
    meta: dict[str, str | None] = {"title": u.title(u.field(a, "title", where), f"{where}: title")}
    for key in ("title_en", "author", "source", "date"):
        meta[key] = _opt_meta(a, key, where)
    return _Article(meta, str(script), text, pars, translations)


def parse_tagset(data: object, where: str) -> dict:
    t = u.obj(data, where)
    tags: list[dict] = []
    out = {"name": u.tag_name(u.field(t, "name", where), f"{where}: name"),
           "name_zh": None if t.get("name_zh") is None else u.tag_name(t["name_zh"], f"{where}: name_zh"),
           "description": u.text(t.get("description") or "", f"{where}: description", max_len=2000), "tags": tags}
    names: set[str] = set()
    for n, raw in enumerate(u.lst(u.field(t, "tags", where), f"{where}: tags", MAX_TAGS)):
        tw = f"{where}: tags[{n}]"
        tag = u.obj(raw, tw)
        name = u.tag_name(u.field(tag, "name", tw), f"{tw}.name")
        if name.casefold() in names:
            raise PackageError(f"{tw}: the tag {name!r} appears twice")
        names.add(name.casefold())
        shortcut = tag.get("shortcut")
        if shortcut is not None and shortcut not in tuple("123456789"):
            raise PackageError(f"{tw}.shortcut must be one of the keys 1–9")
        tags.append({"name": name, "color": u.color(u.field(tag, "color", tw), f"{tw}.color"),
                            "name_zh": None if tag.get("name_zh") is None else u.tag_name(tag["name_zh"], f"{tw}.name_zh"),
                            "shortcut": shortcut})
    return out


def open_handout(lib: Library, path: str | Path) -> OpenResult:
    """Add a hand-out's articles (found by content hash when present), tagset and reading fixes."""
    pkg = read_package(path, expect="handout")
    where = pkg.path.name
    m = pkg.manifest
    mw = f"{where}: manifest.json"
    teacher = None if m.get("teacher") is None else u.name(m["teacher"], f"{mw}: teacher")
    listed = u.lst(u.field(m, "articles", mw), f"{mw}: articles", MAX_ARTICLES)
    if not listed:
        raise PackageError(f"{where}: the hand-out holds no article")
    articles: list[_Article] = []
    for n, raw in enumerate(listed):
        aw = f"{mw}: articles[{n}]"
        entry = u.obj(raw, aw)
        member = u.text(u.field(entry, "member", aw), f"{aw}.member", max_len=200)
        check_member_name(member, where)
        if not member.startswith("articles/") or not KNOWN_MEMBER.match(member):
            raise PackageError(f"{aw}: {member!r} is not an article member")
        digest = u.text(u.field(entry, "content_hash", aw), f"{aw}.content_hash", max_len=64)
        articles.append(parse_article(pkg.json(member), f"{where}: {member}", digest))
    tagset = parse_tagset(pkg.json("tagset.json"), f"{where}: tagset.json")
    instructions = None
    if "instructions.md" in pkg.members:
        try:
            instructions = pkg.members["instructions.md"].decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise PackageError(f"{where}: instructions.md is not UTF-8 text") from exc
        instructions = u.text(instructions, f"{where}: instructions.md", max_len=MAX_INSTRUCTIONS, multiline=True)
    fixes = []
    if "annotations.json" in pkg.members:
        fixes = parse_document(pkg.json("annotations.json"), f"{where}: annotations.json")
        hashes = {hashlib.sha256(a.text.encode()).hexdigest() for a in articles}
        for it in fixes:
            if it.kind != "reading" or it.source not in hashes:
                raise PackageError(f"{where}: annotations.json may only hold reading fixes on the hand-out's articles")
    # Everything is checked: write it all in one transaction.
    opened: list[OpenedArticle] = []
    with lib.transaction():
        for art in articles:
            parsed = ParsedText(art.text, art.paragraphs, detected_script=art.script)
            res = lib.import_parsed(parsed, title=art.meta["title"], title_en=art.meta["title_en"],
                                    author=art.meta["author"], source=art.meta["source"], date=art.meta["date"],
                                    script=art.script if art.script in ("simplified", "traditional") else None)
            revision_id = lib.article(res.article_id).revision_id if not res.created else res.revision_id
            (count,) = lib.conn.execute("SELECT COUNT(*) FROM paragraphs WHERE revision_id = ?",
                                        (revision_id,)).fetchone()  # once, not once a line: linear
            for language, translator, lines in art.translations:
                if lib.translations(revision_id, language) or not lines:
                    continue
                lib.conn.executemany(
                    "INSERT INTO translations (revision_id, paragraph_idx, language, text, translator) VALUES (?, ?, ?, ?, ?)",
                    [(revision_id, i, language, line, translator or "unknown") for i, line in sorted(lines.items())
                     if i < count],
                )
            lib.conn.execute(
                "INSERT INTO class_handouts (article_id, content_hash, teacher, received) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(article_id) DO UPDATE SET content_hash = excluded.content_hash,"
                " teacher = excluded.teacher, received = excluded.received",
                (res.article_id, hashlib.sha256(art.text.encode()).hexdigest(), teacher, now()))
            opened.append(OpenedArticle(res.article_id, lib.article(res.article_id).title, res.created))
            if instructions:
                lib.set_setting(f"class_instructions:{res.article_id}",
                                {"text": instructions, "teacher": teacher, "received": now()})
        added = _install_tagset(lib, tagset)
        report = import_annotations(lib, fixes, where=f"{where}: annotations.json") if fixes else ImportReport()
    ids = frozenset(a.id for a in opened)
    return OpenResult(opened, tagset["name"], added, report.created + report.updated, instructions, teacher,
                      Changed(articles=ids, annotations=report.changed.annotations, tags=report.changed.tags))


def _install_tagset(lib: Library, tagset: dict) -> list[str]:
    """Create the tagset and the tags it lacks (by name); a shortcut is kept only where the key is free."""
    conn = lib.conn
    row = conn.execute("SELECT id FROM tagsets WHERE lower(name) = lower(?)", (tagset["name"],)).fetchone()
    if row is None:
        (pos,) = conn.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM tagsets").fetchone()
        set_id = int(conn.execute(
            "INSERT INTO tagsets (name, name_zh, description, position) VALUES (?, ?, ?, ?)",
            (tagset["name"], tagset["name_zh"], tagset["description"], pos),
        ).lastrowid or 0)
    else:
        set_id = int(row[0])
    added = []
    for tag in tagset["tags"]:
        if conn.execute("SELECT 1 FROM tags WHERE tagset_id = ? AND lower(name) = lower(?)",
                        (set_id, tag["name"])).fetchone():
            continue
        shortcut = tag["shortcut"]
        if shortcut and conn.execute("SELECT 1 FROM tags WHERE shortcut = ?", (shortcut,)).fetchone():
            shortcut = None
        (pos,) = conn.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM tags WHERE tagset_id = ?", (set_id,)).fetchone()
        conn.execute("INSERT INTO tags (tagset_id, name, name_zh, color, shortcut, position) VALUES (?, ?, ?, ?, ?, ?)",
                     (set_id, tag["name"], tag["name_zh"], tag["color"], shortcut, pos))
        added.append(f"{tagset['name']}/{tag['name']}")
    return added


def instructions_for(lib: Library, article_id: int) -> dict | None:
    """The instructions that came with the hand-out of an article ({text, teacher, received}), if any."""
    value = lib.get_setting(f"class_instructions:{article_id}")
    return value if isinstance(value, dict) else None
