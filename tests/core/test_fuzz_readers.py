"""Fuzzing every reader of files from elsewhere: EPUB books, class packages (hand-outs and hand-ins), W3C
annotation files and translation files.

Each test starts from a valid file the app made and mutates it the way a damaged or crafted file would
differ: cut short, bytes flipped or replaced; for zips, members removed, duplicated, renamed outside the
package, recompressed, flagged as encrypted, or given false sizes; for JSON, values replaced by other types,
huge strings, deep nesting, keys deleted or added; for XML, attributes pointed elsewhere and hostile
snippets (entities, DOCTYPEs) inserted. Every call must either succeed, leaving a sound library (integrity
and foreign-key checks pass, annotations lie inside their texts), or raise `ReaderError` with a one-line
message and leave every table exactly as it was. READER_SLOW=1 runs twenty times as many examples.
"""
from __future__ import annotations

import hashlib
import io
import itertools
import json
import os
import re
import shutil
import struct
import warnings
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context
from test_epub_import import write_book
from testdata import separate_library

from reader.core.annotation_import import import_w3c_file
from reader.core.annotations import Annotations
from reader.core.classroom import make_handin, make_handout, merge_handin, open_handout, read_package
from reader.core.errors import ReaderError
from reader.core.export.w3c import render_w3c
from reader.core.library import Library
from reader.core.tags import Tags
from reader.core.translations import import_translation

SLOW = os.environ.get("READER_SLOW") == "1"


def examples(n: int) -> int:
    return n * 20 if SLOW else n


FUZZ = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                                     HealthCheck.data_too_large]}


# ---- the properties --------------------------------------------------------------------------------------
def snapshot(lib: Library) -> dict[str, str]:
    """A digest of every row of every table (search-index shadow tables included)."""
    tables = [r[0] for r in lib.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    out = {}
    for table in tables:
        rows = sorted(repr(row) for row in lib.conn.execute(f'SELECT * FROM "{table}"'))
        out[table] = hashlib.sha256("\n".join(rows).encode("utf-8", "surrogatepass")).hexdigest()
    return out


def assert_sound(lib: Library) -> None:
    """What a successful read leaves: a sound file, and annotations that lie inside their revision's text."""
    conn = lib.conn
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    texts = dict(conn.execute("SELECT id, text FROM revisions"))
    for ann_id, revision_id, start, end, exact, status in conn.execute(
        'SELECT id, revision_id, start, "end", exact, status FROM annotations'
    ):
        text = texts[revision_id]
        assert 0 <= start <= end <= len(text), f"annotation {ann_id} at {start}–{end} outside {len(text)} characters"
        if status == "anchored":
            assert text[start:end] == exact, f"annotation {ann_id} does not quote its text"
    assert conn.execute("SELECT COUNT(*) FROM revisions r WHERE NOT EXISTS"
                        " (SELECT 1 FROM paragraphs p WHERE p.revision_id = r.id)").fetchone()[0] == 0


def one_line(message: str) -> bool:
    return not re.search(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", message)  # whatever str.splitlines() splits at


def _gist(message: str) -> str:
    """A refusal without its file name, quoted values and numbers, so that like refusals count together."""
    message = re.sub(r"^[\w.-]+\.(readerclass|json|epub|txt)\b:? ?", "", message)
    return re.sub(r"'[^']*'|\"[^\"]*\"|“[^”]*”|\([^)]*\)|\d+", "…", message)[:70]


def note_outcome(what: str) -> None:
    """Counted in `pytest --hypothesis-show-statistics`, to see that the mutations reach past the first check."""
    if currently_in_test_context():
        event(what)


def attempt(lib: Library, call: Callable[[], object]) -> object | None:
    """Run `call`: it succeeds (the library stays sound) or raises ReaderError (the library is unchanged)."""
    before = snapshot(lib)
    try:
        result = call()
    except ReaderError as exc:
        message = str(exc)
        assert message.strip() and one_line(message), f"not one line: {message!r}"
        assert snapshot(lib) == before, f"a refused file changed the library ({message})"
        note_outcome("refused: " + _gist(message))
        return None
    assert_sound(lib)
    note_outcome("accepted")
    return result


# ---- libraries: built once, copied for every example (a copy and open take about a millisecond) -----------
_counter = itertools.count()


@contextmanager
def library_copy(template: Path, folder: Path) -> Iterator[Library]:
    path = folder / f"lib{next(_counter)}.sqlite3"
    shutil.copyfile(template, path)
    lib = Library.open(path)
    try:
        yield lib
    finally:
        lib.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / f"{next(_counter)}" / name
    path.parent.mkdir()
    path.write_bytes(data)
    return path


def _offsets(lib: Library, quote: str, article: int = 1) -> tuple[int, int]:
    start = lib.revision_text(lib.article(article).revision_id).index(quote)
    return start, start + len(quote)


def _checkpoint(lib: Library) -> None:
    lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _pin(lib: Library, prefix: int) -> None:
    """Fixed uuids and times, so that the files made from the library, and with them every hypothesis example,
    are the same in every run (a failure found once is replayed from the example database)."""
    uuid, stamp = f"printf('00000000-0000-4000-8000-{prefix}%011d', a.id)", "'2026-03-01T10:00:00+00:00'"
    with lib.transaction():
        lib.conn.execute(f"UPDATE tag_history SET at = {stamp}, annotation_uuid = (SELECT {uuid} FROM annotations a"
                         " WHERE a.uuid = tag_history.annotation_uuid)")
        lib.conn.execute(f"UPDATE annotations AS a SET uuid = {uuid}, created = {stamp}, updated = {stamp}")
        lib.conn.execute(f"UPDATE annotation_tags SET created = {stamp}")


class Files:
    """The libraries and files every fuzz test starts from (a plain class: failing examples print it short)."""

    def __init__(self, folder: Path, **paths_and_files: object) -> None:
        self.folder = folder
        self.empty: Path  # a new library
        self.seeded: Path  # both seed articles, nothing else
        self.teacher: Path  # seeded, a class tagset, a reading fix, the teacher's own highlights
        self.student: Path  # seeded, the hand-out opened, highlights with tags, notes, colours and a tag history
        self.handout: bytes
        self.handin: bytes
        self.w3c: bytes  # the student's highlights and the reading fix, exported as W3C JSON
        self.translation: str  # the English of seed article 1, one paragraph a line
        self.__dict__.update(paths_and_files)

    def __repr__(self) -> str:
        return f"Files({self.folder})"


@pytest.fixture(scope="module")
def files(seeded_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Files:
    folder = tmp_path_factory.mktemp("fuzz")
    empty = folder / "empty.sqlite3"
    with Library.open(empty) as lib:
        _checkpoint(lib)
    teacher, student, seeded = folder / "teacher.sqlite3", folder / "student.sqlite3", folder / "seeded.sqlite3"
    shutil.copyfile(seeded_template, seeded)
    shutil.copyfile(seeded_template, teacher)
    with Library.open(teacher) as lib:
        lib.set_reader_name("Teacher")
        tags = Tags(lib)
        tags.add("Class stance", "Supports", name_zh="支持", color="#3a8f3a")
        tags.add("Class stance", "Doubts", name_zh="怀疑", color="#c0392b")
        s, _ = _offsets(lib, "閃電戰")
        Annotations(lib).create(1, s, s + 1, kind="reading", reading="shan3")
        Annotations(lib).create(1, 10, 20, tags=["Agree"], note="the teacher's own")
        _pin(lib, 1)
        make_handout(lib, [1, 2], folder / "handout.readerclass", tagset="Class stance",
                     instructions="# Week 1\n\nTag each claim.", created="2026-03-01T09:00:00+00:00")
        translation = "\n".join(text for _, text in sorted(lib.translations(lib.article(1).revision_id).items()))
        _checkpoint(lib)
    separate_library(shutil.copyfile(seeded_template, student))
    with Library.open(student) as lib:
        lib.set_reader_name("Wang")
        open_handout(lib, folder / "handout.readerclass")
        a = Annotations(lib)
        s, e = _offsets(lib, "外交“閃電戰”")
        first = a.create(1, s, e, tags=["Supports"], note="a *blitz* indeed", color="#ffcc00").annotation
        a.add_tag(first.id, "Doubts")
        a.remove_tag(first.id, "Supports")
        s, e = _offsets(lib, "聯合國的意見無關緊要")
        a.create(1, s, e, tags=["Doubts", "Question"])
        a.create(2, 5, 12, note="第二篇")
        _pin(lib, 2)
        make_handin(lib, [1, 2], folder / "handin.readerclass", created="2026-03-08T09:00:00+00:00")
        w3c = render_w3c(lib, [1, 2]).encode()
        _checkpoint(lib)
    return Files(folder, empty=empty, seeded=seeded, teacher=teacher, student=student,
                 handout=(folder / "handout.readerclass").read_bytes(),
                 handin=(folder / "handin.readerclass").read_bytes(), w3c=w3c, translation=translation)


# ---- mutations: bytes ------------------------------------------------------------------------------------
def mutate_bytes(data: st.DataObject, blob: bytes, label: str = "bytes") -> bytes:
    """Cut short, flip bits, overwrite, insert or delete a few bytes."""
    for _ in range(data.draw(st.integers(1, 3), label=f"{label}: edits")):
        op = data.draw(st.sampled_from(("truncate", "flip", "replace", "insert", "delete")), label=f"{label}: op")
        pos = data.draw(st.integers(0, max(len(blob), 1) * 4), label=f"{label}: at") % (len(blob) + 1)
        if op == "truncate":
            blob = blob[:pos]
        elif op == "flip" and pos < len(blob):
            bit = 1 << data.draw(st.integers(0, 7))
            blob = blob[:pos] + bytes([blob[pos] ^ bit]) + blob[pos + 1 :]
        elif op == "replace":
            new = data.draw(st.binary(min_size=1, max_size=16))
            blob = blob[:pos] + new + blob[pos + len(new) :]
        elif op == "insert":
            blob = blob[:pos] + data.draw(st.binary(min_size=1, max_size=16)) + blob[pos:]
        elif op == "delete":
            blob = blob[:pos] + blob[pos + data.draw(st.integers(1, 64)) :]
    return blob


# ---- mutations: JSON -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Raw:
    """JSON text put into a document as is (nesting too deep for json.dumps to write)."""

    text: str


def _deep(depth: int, kind: str) -> Raw:
    if kind == "list":
        return Raw("[" * depth + "]" * depth)
    return Raw('{"a":' * depth + "1" + "}" * depth)


def _huge(n: int, ch: str) -> str:
    return ch * n


_ODD = [
    None, True, False, 0, -1, 1, 2**31, 2**63, -(2**63) - 1, 2**64, 1.5, -0.0, 1e308, float("nan"), float("inf"),
    "", " ", "\ud800", "\udfff\ud800", "\x00", "a\nb", "a\rb", "\u202e", "\u2028", "../x", "/etc/passwd",
    "urn:uuid:not-a-uuid", "urn:sha256:" + "0" * 64, "urn:sha256:xyz", "#zzzzzz", "2026-13-45T99:00:00",
    "2026-03-01", "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00-12:00", "Stance/Agree", "highlight", "reading",
    "orphaned", "AnnotationCollection", "Annotation", "TextPositionSelector", "TextQuoteSelector", "中", "閃電戰",
    [], {}, [None], [[]], {"": None}, {"type": "Annotation"},
]
ODD_VALUES = st.one_of(
    st.sampled_from(_ODD),
    st.integers(),
    st.sampled_from((Raw("1" + "0" * 4400), Raw("-" + "9" * 5000), Raw("1e999"), Raw("-1E-999"))),  # too long to parse
    st.text(max_size=40),
    st.builds(_huge, st.sampled_from((1_001, 64_001, 200_001, 5_000_001)), st.sampled_from(("中", "a", " ", "\n"))),
    st.builds(_deep, st.sampled_from((31, 33, 2_000, 200_000)), st.sampled_from(("list", "dict"))),
    st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                 lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                 max_leaves=8),
)


def _paths(doc: object, path: tuple = ()) -> Iterator[tuple]:
    yield path
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from _paths(v, (*path, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from _paths(v, (*path, i))


def _get(doc: object, path: tuple) -> object:
    for key in path:
        doc = doc[key]  # type: ignore[index]
    return doc


def _copy(doc: object) -> object:
    if isinstance(doc, dict):
        return {k: _copy(v) for k, v in doc.items()}
    if isinstance(doc, list):
        return [_copy(v) for v in doc]
    return doc


def _tweaks(value: object) -> list[object]:
    """Values close to a valid one: off by one, cut, padded, with a control or invisible character."""
    if isinstance(value, bool):
        return [not value, int(value), str(value).lower()]
    if isinstance(value, int):
        return [value + 1, value - 1, -value - 1, value * 1000 + 7, str(value), float(value), 2**63 + value]
    if isinstance(value, str):
        return ["", value[: len(value) // 2], value + value, value.upper(), " " + value + " ", value + "\x07",
                "\u202e" + value, value + "\ud800", "\udc00" + value, value[:1] + "\ud83d" + value[1:],
                value.replace("-", ""), value[::-1], value + "/x", value + "\n", value * 1000]
    if isinstance(value, list):
        return [value[:-1], value + value, list(reversed(value)), value[:1] * 200] if value else [[{}]]
    if isinstance(value, dict):
        return [dict(list(value.items())[:-1]), {**value, "type": "Annotation"}, list(value.values())]
    return [0]


_KEYS = (  # unknown keys, and keys of the formats read here that the valid files leave out
    "unknown", "", "type", "id", "urn:bilingual-reader:x", "urn:bilingual-reader:status", "urn:bilingual-reader:kind",
    "urn:bilingual-reader:article", "urn:bilingual-reader:tagHistory", "bodyValue", "motivation", "creator",
    "selector", "source", "level", "marker", "shortcut", "name_zh", "translations", "instructions", "teacher",
)


def mutate_json(data: st.DataObject, doc: object, label: str = "json") -> object:
    """Replace, tweak, delete, add, duplicate or swap values anywhere in the document (a changed copy)."""
    doc = {"": _copy(doc)}  # a wrapper, so the root itself can be replaced
    for _ in range(data.draw(st.sampled_from((1, 1, 1, 2, 3)), label=f"{label}: edits")):
        paths = list(_paths(doc[""], ("",)))
        leaves = [p for p in paths if isinstance(_get(doc, p), str | int)]  # where text and numbers are read
        op = data.draw(st.sampled_from(("odd", "tweak", "leaf", "leaf", "delete", "add", "swap", "duplicate")),
                       label=f"{label}: op")
        if op == "leaf" and leaves:
            op, path = "tweak", data.draw(st.sampled_from(leaves), label=f"{label}: leaf")
        else:
            path = data.draw(st.sampled_from(paths), label=f"{label}: where")
        parent, key = _get(doc, path[:-1]), path[-1]
        value = parent[key]
        if op == "odd":
            parent[key] = _copy(data.draw(ODD_VALUES, label=f"{label}: value"))
        elif op == "tweak":
            parent[key] = _copy(data.draw(st.sampled_from(_tweaks(value)), label=f"{label}: tweak"))
        elif op == "delete" and len(path) > 1:
            del parent[key]
        elif op == "add" and isinstance(value, dict):
            value[data.draw(st.sampled_from(_KEYS), label=f"{label}: key")] = \
                _copy(data.draw(ODD_VALUES, label=f"{label}: value"))
        elif op == "add" and isinstance(value, list):
            value.insert(data.draw(st.integers(0, len(value))), _copy(data.draw(ODD_VALUES, label=f"{label}: value")))
        elif op == "swap":
            other = _get(doc, data.draw(st.sampled_from(paths), label=f"{label}: from"))
            parent[key] = _copy(other)
        elif op == "duplicate" and isinstance(parent, list):
            parent.insert(key, _copy(value))
    return doc[""]


def dump_json(data: st.DataObject, doc: object) -> bytes:
    """The document as JSON bytes, written one of the ways a tool might (raw surrogates stay invalid UTF-8)."""
    raws: list[str] = []

    def placeholder(value: object) -> object:
        if isinstance(value, Raw):
            raws.append(value.text)
            return f"\x00raw{len(raws) - 1}\x00"
        if isinstance(value, dict):
            return {k: placeholder(v) for k, v in value.items()}
        if isinstance(value, list):
            return [placeholder(v) for v in value]
        return value

    ascii_only = data.draw(st.sampled_from((True, True, True, False)), label="ascii")
    text = json.dumps(placeholder(doc), ensure_ascii=ascii_only, indent=data.draw(st.sampled_from((None, 1))))
    for n, raw in enumerate(raws):
        text = text.replace(json.dumps(f"\x00raw{n}\x00", ensure_ascii=ascii_only), raw)
    encoding = data.draw(st.sampled_from(("utf-8", "utf-8", "utf-8-sig", "utf-16")), label="encoding")
    return text.encode(encoding, "surrogatepass")


# ---- mutations: XML (EPUB members) ---------------------------------------------------------------------------
_ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')
_XML_SNIPPETS = [
    "<", ">", "&", "&nbsp;", "&#0;", "&#xD800;", "&#x1F600;", "]]>", "<![CDATA[中文", "<!-- ", "</body>", "</html>",
    "<html>", '<?xml version="1.0" encoding="big5"?>', '<?xml version="1.0" encoding="nonsense"?>',
    '<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
    "&x;", "&d;", '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd" parse="text"/>',
    "<p>", "<h1>", "<ruby>中<rt>zhong", "<script>", "<style>", "<nav>", "<svg>", '<img src="../../x.png"/>',
    "\x00", "\x1b", "\ufeff", "\ud7ff", "\u202e", "中文" * 50, " " * 1000, "<p>" * 3000, "<div>" * 300,
    '<item id="x" href="../../../etc/passwd" media-type="application/xhtml+xml"/>', '<itemref idref="x"/>',
    '<itemref idref="nav"/>', "<spine/>", "<manifest/>", '<rootfile full-path="/etc/passwd"/>',
]
_ATTRIBUTE_VALUES = [
    "", "../../../etc/passwd", "/etc/passwd", "C:/x", "http://example.com/x.xhtml", "nonexistent", "chapter_1",
    "nav", "text/ch1.xhtml", "text/ch1.xhtml#x", "text/ch2.xhtml", "%00", "%2e%2e/x", "image/png",
    "application/xhtml+xml", "text/plain", "application/x-dtbncx+xml", "nav cover-image", "a" * 5000, "\u202e",
    "text/../../x", "EPUB/content.opf", "META-INF/container.xml", "urn:uuid:", "中文", "zh", "2.0", "3.0", "9.9",
]


def mutate_xml(data: st.DataObject, blob: bytes, label: str) -> bytes:
    text = blob.decode("utf-8", "replace")
    for _ in range(data.draw(st.integers(1, 3), label=f"{label}: edits")):
        op = data.draw(st.sampled_from(("attribute", "attribute", "snippet", "cut", "duplicate", "bytes")),
                       label=f"{label}: op")
        pos = data.draw(st.integers(0, max(len(text), 1) * 4), label=f"{label}: at") % (len(text) + 1)
        attributes = list(_ATTRIBUTE.finditer(text))
        if op == "attribute" and attributes:
            m = attributes[data.draw(st.integers(0, len(attributes) - 1), label=f"{label}: attribute")]
            value = data.draw(st.sampled_from(_ATTRIBUTE_VALUES), label=f"{label}: value")
            text = text[: m.start(2)] + value.replace('"', "&quot;") + text[m.end(2) :]
        elif op == "snippet":
            text = text[:pos] + data.draw(st.sampled_from(_XML_SNIPPETS), label=f"{label}: snippet") + text[pos:]
        elif op == "cut":
            text = text[:pos] + text[pos + data.draw(st.integers(1, 200)) :]
        elif op == "duplicate":
            text = text[:pos] + text[pos : pos + data.draw(st.integers(1, 400))] * 2 + text[pos:]
        elif op == "bytes":
            return mutate_bytes(data, text.encode("utf-8", "surrogatepass"), label)
    return text.encode("utf-8", "surrogatepass")


# ---- mutations: zip archives -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Member:
    name: str
    data: bytes
    method: int = zipfile.ZIP_DEFLATED
    flags: int = 0


def members_of(blob: bytes) -> list[Member]:
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        return [Member(i.filename, zf.read(i), i.compress_type) for i in zf.infolist()]


def build_zip(members: list[Member]) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are the point
        with zipfile.ZipFile(buf, "w") as zf:
            for m in members:
                info = zipfile.ZipInfo(m.name, (2026, 3, 1, 9, 0, 0))
                info.compress_type = m.method
                info.flag_bits |= m.flags
                zf.writestr(info, m.data)
    return buf.getvalue()


_NAMES = [
    "../x", "../../etc/passwd", "/abs/x.json", "/etc/cron.d/x", "C:x.json", "c:/windows/x", "a\\..\\b",
    "articles\\001.json", "./manifest.json", "articles/../manifest.json", "articles/./001.json", "x\x00y",
    "articles/999.json", "articles/1.json", "articles/", "manifest.json", "annotations.json", "tagset.json",
    "instructions.md", "META-INF/container.xml", "mimetype", "EPUB/content.opf", "a\nb.json", "über/中文.json",
    "x" * 300, "extra/readme.txt", "META-INF/encryption.xml", "EPUB/../../x.xhtml",
]
_ODD_FILE_NAMES = ["c\nh.xhtml", "c\rh.json", "c\u2028h.xhtml", "c\x1bh.xhtml", "c h.xhtml", "中文.xhtml", "c'h.xhtml",
                   'c"h.json', "c&h.xhtml", "c<h>.xhtml", "c%20h.xhtml", "c#h.xhtml", "c?h.json", ".xhtml", "x" * 250]


def relink(members: list[Member], i: int, new_base: str) -> list[Member]:
    """Rename member i, keeping its folder, and write the new name wherever the others mention the old one."""
    old = members[i].name
    folder, _, base = old.rpartition("/")
    if not base:
        return members
    new = f"{folder}/{new_base}" if folder else new_base
    in_json = json.dumps(new_base, ensure_ascii=False)[1:-1].encode()
    in_xml = "".join(c if c.isprintable() and c not in "&<>\"'" else f"&#{ord(c)};" for c in new_base).encode()
    out = []
    for n, m in enumerate(members):
        if n == i:
            out.append(replace(m, name=new))
        else:
            written = in_json if m.name.endswith(".json") else in_xml
            out.append(replace(m, data=m.data.replace(base.encode(), written)))
    return out


_ENCRYPTION_XML = (b'<?xml version="1.0"?><encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
                   b'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:CipherData>'
                   b'<enc:CipherReference URI="EPUB/text/ch1.xhtml"/></enc:CipherData></enc:EncryptedData>'
                   b"</encryption>")


def mutate_member_data(data: st.DataObject, m: Member) -> bytes:
    label = f"member {m.name}"
    kind = data.draw(st.sampled_from(("structured", "structured", "bytes")), label=f"{label}: how")
    if kind == "structured" and m.name.endswith(".json"):
        try:
            doc = json.loads(m.data)
        except (ValueError, RecursionError):
            return mutate_bytes(data, m.data, label)
        return dump_json(data, mutate_json(data, doc, label))
    if kind == "structured" and m.name.endswith((".xml", ".opf", ".ncx", ".xhtml", ".html")):
        return mutate_xml(data, m.data, label)
    return mutate_bytes(data, m.data, label)


def mutate_zip(data: st.DataObject, blob: bytes, *, bomb_size: int) -> bytes:
    """Change, remove, duplicate, rename, add or recompress members; then maybe falsify sizes or damage bytes."""
    members = members_of(blob)
    for _ in range(data.draw(st.sampled_from((1, 1, 1, 2, 3)), label="zip: edits")):
        op = data.draw(st.sampled_from(("content", "content", "content", "drop", "duplicate", "rename", "relink",
                                        "add", "method", "encrypt", "bomb", "reorder")), label="zip: op")
        i = data.draw(st.integers(0, max(len(members) - 1, 0)), label="zip: member") if members else None
        if op == "add" or i is None:
            name = data.draw(st.sampled_from(_NAMES), label="zip: new name")
            body = _ENCRYPTION_XML if name == "META-INF/encryption.xml" else data.draw(
                st.sampled_from((b"", b"{}", b"null", b"[1,2]", "中文".encode(), b"<html/>", b"\x00" * 64)))
            members.insert(data.draw(st.integers(0, len(members))), Member(name, body))
        elif op == "content":
            members[i] = replace(members[i], data=mutate_member_data(data, members[i]))
        elif op == "drop":
            del members[i]
        elif op == "duplicate":
            copy = members[i]
            if data.draw(st.booleans(), label="zip: changed copy"):
                copy = replace(copy, data=mutate_member_data(data, copy))
            members.insert(data.draw(st.integers(0, len(members))), copy)
        elif op == "rename":
            members[i] = replace(members[i], name=data.draw(st.sampled_from(_NAMES), label="zip: name"))
        elif op == "relink":  # renamed, and every mention of it in the other members too: still found
            members = relink(members, i, data.draw(st.sampled_from(_ODD_FILE_NAMES), label="zip: new base name"))
        elif op == "method":
            method = data.draw(st.sampled_from((zipfile.ZIP_STORED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)))
            members[i] = replace(members[i], method=method)
        elif op == "encrypt":
            members[i] = replace(members[i], flags=0x1)
        elif op == "bomb":
            members[i] = replace(members[i], data=members[i].data + b" " * bomb_size)
        elif op == "reorder":
            members.insert(0, members.pop(i))
    out = build_zip(members)
    if data.draw(st.integers(0, 9), label="zip: falsify sizes") == 0:
        out = falsify_sizes(data, out)
    if data.draw(st.integers(0, 9), label="zip: damage bytes") == 0:
        out = mutate_bytes(data, out, "zip bytes")
    return out


def falsify_sizes(data: st.DataObject, blob: bytes) -> bytes:
    """Write a false CRC, compressed or uncompressed size into a central-directory (or local) header."""
    central = [m.start() for m in re.finditer(b"PK\x01\x02", blob)]
    local = [m.start() for m in re.finditer(b"PK\x03\x04", blob)]
    header = data.draw(st.sampled_from(("central", "central", "local")), label="sizes: header")
    places = central if header == "central" else local
    if not places:
        return blob
    at = places[data.draw(st.integers(0, len(places) - 1), label="sizes: entry")]
    offsets = {"crc": 16, "compressed": 20, "uncompressed": 24} if header == "central" else \
        {"crc": 14, "compressed": 18, "uncompressed": 22}
    which = data.draw(st.sampled_from(sorted(offsets)), label="sizes: field")
    value = data.draw(st.sampled_from((0, 1, 2**16, 2**31, 0xFFFFFFFE, 0xFFFFFFFF)), label="sizes: value")
    pos = at + offsets[which]
    if pos + 4 > len(blob):
        return blob
    return blob[:pos] + struct.pack("<I", value) + blob[pos + 4 :]


# ---- EPUB books ------------------------------------------------------------------------------------------
_CHAPTERS = [
    ("第一章 出发", "<h1>第一章 出发</h1><p>清晨，他背起行囊走出了村子。<img src=\"images/map.png\" alt=\"地图\"/></p>"
                   "<p>路边的<ruby>銀杏<rt>yín xìng</rt></ruby>樹已经黄了。</p><script>document.write('脚本');</script>"),
    ("第二章 山路", "<div><h2>第二章 山路</h2><div>山路弯弯曲曲，<b>一眼</b>望不到头。</div>"
                   "<ol><li>第一天走了三十里。</li><li>第二天下起了雨。</li></ol></div>"),
    ("第三章 到达", "<p>傍晚时分，终于看见了城墙。</p><p>他长长地舒了一口气。</p>"),
]


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A small valid EPUB 3 book (nav, NCX, three chapters, an image), as reader_bench.epub_writer writes it."""
    path = write_book(tmp_path_factory.mktemp("book") / "book.epub", _CHAPTERS)
    members = [replace(m, data=re.sub(rb'(dcterms:modified">)[^<]*', rb"\g<1>2026-03-01T10:00:00Z", m.data))
               for m in members_of(path.read_bytes())]
    return build_zip(members)  # the same bytes in every run: no time stamps of today


@settings(max_examples=examples(150), **FUZZ)
@given(data=st.data())
def test_fuzz_epub_import_never_crashes_or_half_writes(data: st.DataObject, files: Files, book: bytes) -> None:
    how = data.draw(st.sampled_from(("zip", "zip", "zip", "bytes")), label="mutation")
    blob = mutate_zip(data, book, bomb_size=3 * 1024 * 1024) if how == "zip" else mutate_bytes(data, book)
    path = _write(files.folder, "book.epub", blob)
    with library_copy(files.seeded, files.folder) as lib:
        result = attempt(lib, lambda: lib.import_file(path))
        if result is not None and result.created:  # type: ignore[attr-defined]
            assert lib.paragraphs(result.revision_id)  # type: ignore[attr-defined]


def test_the_unmutated_book_imports(files: Files, book: bytes) -> None:
    with library_copy(files.seeded, files.folder) as lib:
        result = attempt(lib, lambda: lib.import_file(_write(files.folder, "book.epub", book)))
        assert result is not None and result.created  # type: ignore[attr-defined]


# ---- class packages ----------------------------------------------------------------------------------------
def _mutated_package(data: st.DataObject, blob: bytes) -> bytes:
    how = data.draw(st.sampled_from(("zip", "zip", "zip", "zip", "bytes")), label="mutation")
    return mutate_zip(data, blob, bomb_size=2 * 1024 * 1024) if how == "zip" else mutate_bytes(data, blob)


def _read_package_or_refuse(path: Path) -> None:
    """Reading a package writes nothing; it returns it or refuses it with one line."""
    try:
        pkg = read_package(path)
    except ReaderError as exc:
        assert str(exc).strip() and one_line(str(exc)), repr(str(exc))
        return
    for name in pkg.members:
        if name.endswith(".json"):
            try:
                pkg.json(name)
            except ReaderError as exc:
                assert one_line(str(exc)), repr(str(exc))


@settings(max_examples=examples(150), **FUZZ)
@given(data=st.data())
def test_fuzz_open_handout_never_crashes_or_half_writes(data: st.DataObject, files: Files) -> None:
    path = _write(files.folder, "week1.readerclass", _mutated_package(data, files.handout))
    _read_package_or_refuse(path)
    target = data.draw(st.sampled_from(("empty", "seeded")), label="library")
    with library_copy(files.empty if target == "empty" else files.seeded, files.folder) as lib:
        attempt(lib, lambda: open_handout(lib, path))


@settings(max_examples=examples(150), **FUZZ)
@given(data=st.data())
def test_fuzz_merge_handin_never_crashes_or_half_writes(data: st.DataObject, files: Files) -> None:
    path = _write(files.folder, "wang.readerclass", _mutated_package(data, files.handin))
    _read_package_or_refuse(path)
    with library_copy(files.teacher, files.folder) as lib:
        attempt(lib, lambda: merge_handin(lib, path))


def test_the_unmutated_packages_open_and_merge(files: Files) -> None:
    with library_copy(files.empty, files.folder) as lib:
        result = attempt(lib, lambda: open_handout(lib, _write(files.folder, "h.readerclass", files.handout)))
        assert result is not None and len(result.articles) == 2  # type: ignore[attr-defined]
    with library_copy(files.teacher, files.folder) as lib:
        result = attempt(lib, lambda: merge_handin(lib, _write(files.folder, "w.readerclass", files.handin)))
        assert result is not None and result.annotations == 3  # type: ignore[attr-defined]


# ---- W3C Web Annotation JSON ---------------------------------------------------------------------------------
def _reshape(data: st.DataObject, doc: dict) -> object:
    """The plainer shapes other tools write: a page, a bare list, one annotation."""
    items = doc["first"]["items"]
    shape = data.draw(st.sampled_from(("collection", "collection", "page", "list", "one")), label="shape")
    if shape == "page":
        return {"type": "AnnotationPage", "items": items}
    if shape == "list":
        return items
    if shape == "one":
        return items[data.draw(st.integers(0, len(items) - 1), label="which")]
    return doc


@settings(max_examples=examples(150), **FUZZ)
@given(data=st.data())
def test_fuzz_w3c_import_never_crashes_or_half_writes(data: st.DataObject, files: Files) -> None:
    doc = _reshape(data, json.loads(files.w3c))
    how = data.draw(st.sampled_from(("json", "json", "json", "bytes")), label="mutation")
    blob = dump_json(data, mutate_json(data, doc)) if how == "json" else mutate_bytes(data, files.w3c)
    path = _write(files.folder, "notes.json", blob)
    target = data.draw(st.sampled_from(("seeded", "student", "teacher", "empty")), label="library")
    with library_copy(getattr(files, target), files.folder) as lib:
        attempt(lib, lambda: import_w3c_file(lib, path))


def test_the_unmutated_w3c_file_imports(files: Files) -> None:
    with library_copy(files.seeded, files.folder) as lib:
        report = attempt(lib, lambda: import_w3c_file(lib, _write(files.folder, "notes.json", files.w3c)))
        assert report is not None and report.created == 4  # type: ignore[attr-defined]


# ---- translations --------------------------------------------------------------------------------------------
_LINE_BREAKS = ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\n\n\n"]


@settings(max_examples=examples(100), **FUZZ)
@given(data=st.data())
def test_fuzz_translation_import_never_crashes_or_half_writes(data: st.DataObject, files: Files) -> None:
    lines = files.translation.split("\n")
    for _ in range(data.draw(st.integers(0, 3), label="line edits")):
        i = data.draw(st.integers(0, len(lines) - 1), label="line")
        op = data.draw(st.sampled_from(("drop", "duplicate", "blank", "break", "join", "text")), label="line op")
        if op == "drop" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "blank":
            lines.insert(i, data.draw(st.sampled_from(("", " ", "\t", "\u3000", "\ufeff", "\u200b"))))
        elif op == "break":
            cut = data.draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:cut] + data.draw(st.sampled_from(_LINE_BREAKS)) + lines[i][cut:]
        elif op == "join" and i + 1 < len(lines):
            lines[i : i + 2] = [lines[i] + " " + lines[i + 1]]
        elif op == "text":
            lines[i] = data.draw(st.one_of(st.text(max_size=60), st.sampled_from(("中文", "x" * 200_000, "\x00"))))
    text = data.draw(st.sampled_from(("\n", "\r\n", "\r")), label="line ends").join(lines)
    encoding = data.draw(st.sampled_from(("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gb18030", "big5", "latin-1")))
    blob = text.encode(encoding, "replace" if encoding in ("big5", "latin-1") else "surrogatepass")
    if data.draw(st.integers(0, 2), label="damage bytes") == 0:
        blob = mutate_bytes(data, blob)
    path = _write(files.folder, "translation.txt", blob)
    article = data.draw(st.sampled_from((1, 1, 1, 2, 99)), label="article")
    with library_copy(files.seeded, files.folder) as lib:
        if attempt(lib, lambda: import_translation(lib, article, path, translator="Fuzz")) is not None:
            revision = lib.article(article).revision_id
            stored = lib.translations(revision)
            assert sorted(stored) == list(range(len(lib.paragraphs(revision))))
            assert all(line.strip() and "\n" not in line for line in stored.values())


def test_the_unmutated_translation_imports(files: Files) -> None:
    with library_copy(files.seeded, files.folder) as lib:
        path = _write(files.folder, "translation.txt", files.translation.encode())
        assert attempt(lib, lambda: import_translation(lib, 1, path, translator="Fuzz")) is not None
        revision = lib.article(1).revision_id
        assert "\n".join(t for _, t in sorted(lib.translations(revision).items())) == files.translation


def _orphan_outside_the_text(w3c: bytes, source: str | None) -> bytes:
    """The first annotation of the file marked orphaned, at offsets far beyond the end of any text."""
    doc = json.loads(w3c)
    item = doc["first"]["items"][0]
    item["urn:bilingual-reader:status"] = "orphaned"
    position, quote = item["target"]["selector"]
    position.update(start=999_990, end=999_997)
    quote["exact"] = "不存在的一段"
    if source is not None:  # a revision this library never had; the article is named by its current text
        item["target"]["urn:bilingual-reader:article"] = item["target"]["source"]
        item["target"]["source"] = source
    return json.dumps(doc).encode()


@pytest.mark.parametrize("source", [None, "urn:sha256:" + "ab" * 32], ids=["same-revision", "unknown-revision"])
def test_an_orphaned_annotation_outside_the_text_is_kept_inside_it(files: Files, source: str | None) -> None:
    """Once: stored at 999990–999997 of a 3,492-character text, and `check` called the library damaged."""
    path = _write(files.folder, "notes.json", _orphan_outside_the_text(files.w3c, source))
    with library_copy(files.seeded, files.folder) as lib:
        report = attempt(lib, lambda: import_w3c_file(lib, path))  # asserts the annotations lie inside their texts
        assert report is not None and report.orphaned == 1  # type: ignore[attr-defined]
        (orphan,) = [a for a in Annotations(lib).list_for_article(1) if a.orphaned]
        length = len(lib.revision_text(orphan.revision_id))
        assert (orphan.exact, orphan.start, orphan.end) == ("不存在的一段", length - 7, length)
        again = _write(files.folder, "again.json", render_w3c(lib, [1, 2]).encode())
    with library_copy(files.seeded, files.folder) as lib:  # and its export reads back
        assert attempt(lib, lambda: import_w3c_file(lib, again)) is not None


def refusal(lib: Library, call: Callable[[], object]) -> str:
    """The one-line message `call` is refused with (the library checked unchanged by `attempt`)."""
    with pytest.raises(ReaderError) as info:
        call()
    assert attempt(lib, call) is None
    return str(info.value)


def _repack(blob: bytes, name: str, change: Callable[[dict], None]) -> bytes:
    members = members_of(blob)
    for n, m in enumerate(members):
        if m.name == name:
            doc = json.loads(m.data)
            change(doc)
            members[n] = replace(m, data=json.dumps(doc).encode())  # ensure_ascii: a lone surrogate as \ud800
    return build_zip(members)


def test_a_lone_surrogate_in_json_is_refused(files: Files) -> None:
    """Once: JSON's \\ud800 escape became a string SQLite cannot store, and UnicodeEncodeError escaped."""
    doc = json.loads(files.w3c)
    doc["first"]["items"][0]["creator"]["name"] = "Wang\ud800"
    notes = _write(files.folder, "notes.json", json.dumps(doc).encode())
    handin = _write(files.folder, "wang.readerclass", _repack(
        files.handin, "annotations.json", lambda d: d["first"]["items"][0]["body"][0].update(value="\udc00")))
    handout = _write(files.folder, "week1.readerclass", _repack(
        files.handout, "articles/001.json", lambda d: d.update(title="第\ud83d章")))
    with library_copy(files.teacher, files.folder) as lib:
        assert "creator.name contains a broken character" in refusal(lib, lambda: import_w3c_file(lib, notes))
        assert "body[1].value contains a broken character" in refusal(lib, lambda: merge_handin(lib, handin))
    with library_copy(files.empty, files.folder) as lib:
        assert "title contains a broken character" in refusal(lib, lambda: open_handout(lib, handout))


@pytest.mark.parametrize("name", ["a\nb.json", "a\rb.json", "a\u2028b.json", "a\x1bb.json"])
def test_a_member_name_with_a_line_break_is_refused_in_one_line(files: Files, name: str) -> None:
    """Once: 'the member a<newline>b.json is compressed more than 100:1' split the message over two lines."""
    members = [*members_of(files.handin), Member(name, b" " * (1024 * 1024))]
    path = _write(files.folder, "wang.readerclass", build_zip(members))
    with library_copy(files.teacher, files.folder) as lib:
        assert refusal(lib, lambda: merge_handin(lib, path)) == "wang.readerclass: a member has an unusable name"


@pytest.mark.parametrize(("new_name", "shown"), [("c\nh.xhtml", "c\\nh.xhtml"), ("c\u2028h.xhtml", "c\\u2028h.xhtml")])
def test_a_damaged_chapter_with_a_line_break_in_its_name_is_refused_in_one_line(
    files: Files, book: bytes, new_name: str, shown: str,
) -> None:
    """Once: 'chapter text/c<newline>h.xhtml is not readable text' split the message over two lines."""
    members = members_of(book)
    i = next(n for n, m in enumerate(members) if m.name == "EPUB/text/ch1.xhtml")
    members = relink(members, i, new_name)  # the book lists it under its new name
    members[i] = replace(members[i], data=b"\x00\x01\x02\xff" * 100)
    path = _write(files.folder, "book.epub", build_zip(members))
    with library_copy(files.seeded, files.folder) as lib:
        message = refusal(lib, lambda: lib.import_file(path))
    assert message == f"book.epub: the EPUB is damaged: chapter text/{shown} is not readable text"
