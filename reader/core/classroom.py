"""Class packages (core layer): hand-outs a teacher gives, hand-ins students return, merged into layers.

A package is one `.readerclass` file: a zip holding `manifest.json` and JSON members (docs/classroom.md):

- a *hand-out* (`make_handout`): article(s) with canonical text, paragraphs, metadata and translations, a
  tagset, optional instructions (Markdown) and the teacher's reading fixes. `open_handout` adds what is
  missing to a student's library: an article already there (same content hash) is found, not duplicated.
- a *hand-in* (`make_handin`): the highlights on the article(s) as W3C Web Annotation JSON, stamped with
  the student's name. `merge_handins` gives each student a layer (author = the student's name); merging an
  updated hand-in again replaces that student's layer on those articles, in one transaction per hand-in.

Packages come from other machines, so `read_package` trusts nothing: a bounded file size, member count,
uncompressed size and compression ratio (zip bombs), no member names outside the package (../x, /x, C:x,
backslashes), no encryption, UTF-8 JSON of bounded depth, every value checked (reader.core.untrusted).
A bad package is refused with one line naming the problem, and nothing is written for it.
"""
from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from reader import __version__
from reader.core import untrusted as u
from reader.core.annotation_import import ImportReport, import_annotations
from reader.core.errors import ReaderError
from reader.core.export import write_atomic
from reader.core.export.w3c import collection, parse_document
from reader.core.library import Changed, Library, now
from reader.core.tags import Tags
from reader.core.text import PARAGRAPH_KINDS, Paragraph, ParsedText

FORMAT = "bilingual-reader-class"
VERSION = 1
SUFFIX = ".readerclass"
KINDS = ("handout", "handin")
MiB = 1024 * 1024
MAX_PACKAGE_BYTES = 64 * MiB  # the .readerclass file itself
MAX_MEMBERS = 64
MAX_MEMBER_BYTES = 32 * MiB  # one member, uncompressed
MAX_TOTAL_BYTES = 64 * MiB  # all members, uncompressed
MAX_RATIO = 100  # uncompressed / compressed, checked for members above RATIO_CHECK_ABOVE
RATIO_CHECK_ABOVE = 64 * 1024
MAX_ARTICLES = 20
MAX_INSTRUCTIONS = 200_000
MAX_TAGS = 50
KNOWN_MEMBER = re.compile(r"^(manifest\.json|instructions\.md|tagset\.json|annotations\.json|articles/\d{1,3}\.json)$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_SCRIPTS = ("simplified", "traditional", "mixed", "unknown")
_META_LIMIT = 500


class PackageError(u.InvalidData):
    """A class package that cannot be used; nothing was written for it."""


@dataclass
class Package:
    path: Path
    sha256: str
    manifest: dict
    members: dict[str, bytes]

    @property
    def kind(self) -> str:
        return str(self.manifest["kind"])

    def json(self, name: str) -> object:
        if name not in self.members:
            raise PackageError(f"{self.path.name}: the package has no {name}")
        return u.load_json(self.members[name], f"{self.path.name}: {name}")


# ---- reading packages -------------------------------------------------------------------------------
def check_member_name(name: str, where: str) -> None:
    """Refuse a member name that points outside the package or is not a plain relative path."""
    # (a member name is shown in one-line messages: no control characters or line separators)
    if not name or len(name) > 200 or u.UNPRINTABLE.search(name):
        raise PackageError(f"{where}: a member has an unusable name")
    if "\\" in name or name.startswith("/") or u.DRIVE.match(name):
        raise PackageError(f"{where}: the member {name!r} points outside the package")
    parts = PurePosixPath(name).parts
    if any(p in ("..", ".") for p in name.split("/")) or not parts:
        raise PackageError(f"{where}: the member {name!r} points outside the package")


def read_package(path: str | Path, expect: str | None = None) -> Package:
    """Open and check a package; its known members are read into memory (bounded)."""
    path = Path(path)
    where = path.name
    data = u.read_regular_file(path, MAX_PACKAGE_BYTES, error=PackageError)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise PackageError(f"{where} is not a class package (not a zip file)") from exc
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise PackageError(f"{where}: too many members ({len(infos)}; limit {MAX_MEMBERS})")
        seen: set[str] = set()
        total = 0
        for info in infos:
            check_member_name(info.filename, where)
            if info.filename in seen:
                raise PackageError(f"{where}: the member {info.filename!r} appears twice")
            seen.add(info.filename)
            if info.flag_bits & 0x1:
                raise PackageError(f"{where}: the package is encrypted")
            if info.file_size > MAX_MEMBER_BYTES:
                raise PackageError(f"{where}: the member {info.filename} is too large "
                                   f"({info.file_size // MiB} MiB; limit {MAX_MEMBER_BYTES // MiB} MiB)")
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise PackageError(f"{where}: the package unpacks to more than {MAX_TOTAL_BYTES // MiB} MiB")
            if info.file_size > RATIO_CHECK_ABOVE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise PackageError(f"{where}: the member {info.filename} is compressed more than {MAX_RATIO}:1 "
                                   "(a zip bomb?)")
        members: dict[str, bytes] = {}
        for info in infos:
            if info.is_dir() or not KNOWN_MEMBER.match(info.filename):
                continue  # a member a newer version might add; never read
            try:
                with zf.open(info) as fh:
                    blob = fh.read(MAX_MEMBER_BYTES + 1)
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
                raise PackageError(f"{where}: the member {info.filename} is damaged ({exc})") from exc
            except Exception as exc:  # noqa: BLE001 — zlib and friends raise their own errors on damage
                raise PackageError(f"{where}: the member {info.filename} is damaged") from exc
            if len(blob) > MAX_MEMBER_BYTES:
                raise PackageError(f"{where}: the member {info.filename} is too large")
            members[info.filename] = blob
    if "manifest.json" not in members:
        raise PackageError(f"{where} is not a class package (no manifest.json)")
    manifest = u.obj(u.load_json(members["manifest.json"], f"{where}: manifest.json"), f"{where}: manifest.json")
    mw = f"{where}: manifest.json"
    if manifest.get("format") != FORMAT:
        raise PackageError(f"{where} is not a Bilingual Reader class package (format {manifest.get('format')!r})")
    version = u.integer(u.field(manifest, "version", mw), f"{mw}: version", low=1, high=10_000)
    if version > VERSION:
        raise PackageError(f"{where} was made by a newer version of Bilingual Reader (package version {version}); "
                           "update the app to open it")
    kind = u.field(manifest, "kind", mw)
    if kind not in KINDS:
        raise PackageError(f"{mw}: kind must be handout or handin, not {kind!r}")
    if expect is not None and kind != expect:
        raise PackageError(f"{where} is a {'hand-out' if kind == 'handout' else 'hand-in'}, not a "
                           f"{'hand-out' if expect == 'handout' else 'hand-in'}")
    u.timestamp(u.field(manifest, "created", mw), f"{mw}: created")
    return Package(path, hashlib.sha256(data).hexdigest(), manifest, members)


# ---- writing packages -------------------------------------------------------------------------------
def _zip(members: dict[str, str], stamp: str) -> bytes:
    """A zip of text members, in the given order, with a fixed time stamp (same content, same bytes)."""
    when = u.parse_time(stamp)
    date_time = (max(1980, when.year), when.month, when.day, when.hour, when.minute, when.second)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in members.items():
            info = zipfile.ZipInfo(name, date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, text.encode("utf-8"))
    return buf.getvalue()


def _dump(data: object) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


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
        translations.append({"language": language, "translator": lib.translator(info.revision_id, language) or "",
                             "paragraphs": [{"index": i, "text": lines[i]} for i in sorted(lines)]})
    return {
        "title": info.title, "title_en": info.title_en, "author": info.author, "source": info.source,
        "date": info.date, "script": info.script, "content_hash": hashlib.sha256(text.encode()).hexdigest(),
        "text": text,
        "paragraphs": [{"index": p.index, "kind": p.kind, "start": p.start, "end": p.end, "level": p.level,
                        "marker": p.marker} for p in pars],
        "translations": translations,
    }


def _tagset_member(lib: Library, name: str) -> dict[str, object]:
    tags = Tags(lib)
    set_id = tags.tagset_id(name)
    ts = next(s for s in tags.tagsets() if s.id == set_id)
    return {"name": ts.name, "name_zh": ts.name_zh, "description": ts.description,
            "tags": [{"name": t.name, "name_zh": t.name_zh, "color": t.color, "shortcut": t.shortcut}
                     for t in ts.tags]}


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
    for n, article_id in enumerate(dict.fromkeys(article_ids), 1):
        art = _article_member(lib, article_id)
        member = f"articles/{n:03d}.json"
        members[member] = _dump(art)
        listed.append({"member": member, "content_hash": art["content_hash"], "title": art["title"]})
    members["tagset.json"] = _dump(_tagset_member(lib, tagset))
    fixes = collection(lib, list(dict.fromkeys(article_ids)), kinds=("reading",), label="Reading fixes")
    members["annotations.json"] = _dump(fixes)
    if instructions and instructions.strip():
        members["instructions.md"] = instructions
    manifest = {"format": FORMAT, "version": VERSION, "kind": "handout", "created": stamp,
                "app_version": __version__, "teacher": lib.reader_name, "articles": listed,
                "tagset": "tagset.json", "instructions": "instructions.md" if "instructions.md" in members else None}
    target = Path(path)
    write_atomic(target, _zip({"manifest.json": _dump(manifest), **members}, stamp))
    return target


def make_handin(
    lib: Library, article_ids: list[int], path: str | Path, *, author: str | None = None, created: str | None = None,
) -> tuple[Path, int]:
    """Write a hand-in: the highlights on the articles, stamped with the student's name. Returns (file, count)."""
    if not article_ids:
        raise ReaderError("a hand-in needs at least one article")
    student = u.name(author if author is not None else lib.reader_name, "the reader name")
    stamp = created or now()
    ids = list(dict.fromkeys(article_ids))
    annotations = collection(lib, ids, kinds=("highlight",), label=f"{student}'s annotations")
    articles = [{"content_hash": str(a["source"]).removeprefix("urn:sha256:"), "title": a["title"]}
                for a in annotations["urn:bilingual-reader:articles"]]  # type: ignore[union-attr]
    manifest = {"format": FORMAT, "version": VERSION, "kind": "handin", "created": stamp, "app_version": __version__,
                "reader": student, "articles": articles, "annotations": "annotations.json"}
    target = Path(path)
    write_atomic(target, _zip({"manifest.json": _dump(manifest), "annotations.json": _dump(annotations)}, stamp))
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
    value = u.opt_text(data.get(key), f"{where}: {key}", max_len=_META_LIMIT)
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
    if script not in _SCRIPTS:
        raise PackageError(f"{where}: script must be one of {', '.join(_SCRIPTS)}")
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
        translator = u.text(t.get("translator", ""), f"{tw}.translator", max_len=_META_LIMIT)
        lines: dict[int, str] = {}
        for k, rawp in enumerate(u.lst(u.field(t, "paragraphs", tw), f"{tw}.paragraphs", len(pars))):
            lw = f"{tw}.paragraphs[{k}]"
            line = u.obj(rawp, lw)
            idx = u.integer(u.field(line, "index", lw), f"{lw}.index", high=len(pars) - 1)
            lines[idx] = u.text(u.field(line, "text", lw), f"{lw}.text", max_len=50_000)
        translations.append((language, translator, lines))
    meta = {"title": u.text(u.field(a, "title", where), f"{where}: title", max_len=_META_LIMIT, empty=False).strip()}
    for key in ("title_en", "author", "source", "date"):
        meta[key] = _opt_meta(a, key, where)
    return _Article(meta, str(script), text, pars, translations)


def parse_tagset(data: object, where: str) -> dict:
    t = u.obj(data, where)
    out = {"name": u.tag_name(u.field(t, "name", where), f"{where}: name"),
           "name_zh": None if t.get("name_zh") is None else u.tag_name(t["name_zh"], f"{where}: name_zh"),
           "description": u.text(t.get("description") or "", f"{where}: description", max_len=2000), "tags": []}
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
        out["tags"].append({"name": name, "color": u.color(u.field(tag, "color", tw), f"{tw}.color"),
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
            for language, translator, lines in art.translations:
                if lib.translations(revision_id, language) or not lines:
                    continue
                lib.conn.executemany(
                    "INSERT INTO translations (revision_id, paragraph_idx, language, text, translator) VALUES (?, ?, ?, ?, ?)",
                    [(revision_id, i, language, line, translator or "unknown") for i, line in sorted(lines.items())
                     if i < len(lib.paragraphs(revision_id))],
                )
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


# ---- merging hand-ins -------------------------------------------------------------------------------
@dataclass
class MergeResult:
    path: Path
    student: str | None = None
    articles: list[int] = field(default_factory=list)
    annotations: int = 0
    replaced: int = 0
    orphaned: int = 0
    error: str | None = None
    changed: Changed = field(default_factory=Changed)

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {"file": str(self.path), "student": self.student, "articles": self.articles,
                                  "annotations": self.annotations, "replaced": self.replaced, "orphaned": self.orphaned}
        if self.error:
            out["error"] = self.error
        return out


def merge_handin(lib: Library, path: str | Path) -> MergeResult:
    """Merge one hand-in as the student's layer (replacing an earlier one). One transaction; raises on a bad file."""
    pkg = read_package(path, expect="handin")
    where = pkg.path.name
    m = pkg.manifest
    mw = f"{where}: manifest.json"
    student = u.name(u.field(m, "reader", mw), f"{mw}: reader")
    handed_in = str(m["created"])
    article_ids: list[int] = []
    for n, raw in enumerate(u.lst(u.field(m, "articles", mw), f"{mw}: articles", MAX_ARTICLES)):
        aw = f"{mw}: articles[{n}]"
        entry = u.obj(raw, aw)
        digest = u.text(u.field(entry, "content_hash", aw), f"{aw}.content_hash", max_len=64).lower()
        title = u.opt_text(entry.get("title"), f"{aw}.title", max_len=_META_LIMIT) or digest[:12]
        row = lib.conn.execute("SELECT article_id FROM revisions WHERE content_hash = ? ORDER BY id DESC LIMIT 1",
                               (digest,)).fetchone()
        if row is None:
            raise PackageError(f"{where}: the hand-in is about “{title}”, which is not in this library; "
                               "open the hand-out it answers first")
        article_ids.append(int(row[0]))
    if not article_ids:
        raise PackageError(f"{where}: the hand-in names no article")
    items = parse_document(pkg.json("annotations.json"), f"{where}: annotations.json")
    if any(it.kind != "highlight" for it in items):
        raise PackageError(f"{where}: a hand-in holds highlights only")
    stamp = now()
    with lib.transaction():
        report = import_annotations(lib, items, layer=student, layer_articles=article_ids,
                                    where=f"{where}: annotations.json")
        if set(report.articles) - set(article_ids):
            raise PackageError(f"{where}: some annotations are on articles the hand-in does not name")
        for article_id in dict.fromkeys(article_ids):
            (count,) = lib.conn.execute(
                "SELECT COUNT(*) FROM annotations WHERE article_id = ? AND author = ? AND kind = 'highlight'",
                (article_id, student),
            ).fetchone()
            lib.conn.execute(
                "INSERT INTO class_handins (article_id, student, handed_in, merged, annotations, package_sha256)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(article_id, student) DO UPDATE SET handed_in = excluded.handed_in,"
                " merged = excluded.merged, annotations = excluded.annotations, package_sha256 = excluded.package_sha256",
                (article_id, student, handed_in, stamp, int(count), pkg.sha256),
            )
    return MergeResult(pkg.path, student, sorted(set(article_ids)), report.created + report.updated, report.replaced,
                       report.orphaned, None, report.changed)


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
    """The merged hand-ins of an article: student, when handed in and merged, how many highlights."""
    rows = lib.conn.execute(
        "SELECT student, handed_in, merged, annotations FROM class_handins WHERE article_id = ? ORDER BY student",
        (article_id,),
    )
    return [{"student": s, "handed_in": h, "merged": m, "annotations": int(n)} for s, h, m, n in rows]


def instructions_for(lib: Library, article_id: int) -> dict | None:
    """The instructions that came with the hand-out of an article ({text, teacher, received}), if any."""
    value = lib.get_setting(f"class_instructions:{article_id}")
    return value if isinstance(value, dict) else None
