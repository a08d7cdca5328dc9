"""Class package files (core layer): the `.readerclass` zip, read with nothing trusted, written reproducibly.

`read_package` opens a package from another machine: a bounded file size, member count, uncompressed size
and compression ratio (zip bombs), no member names outside the package (../x, /x, C:x, backslashes), no
encryption, UTF-8 JSON of bounded depth; a bad package is refused with one line (`PackageError`) naming the
problem. `zip_members` and `dump` write one. What goes in it is reader.core.classroom (hand-outs, hand-ins)
and reader.core.class_merge (merging hand-ins); docs/classroom.md describes the format.
"""
from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from reader.core import untrusted as u

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
MAX_TAGS = u.MAX_TAGS
KNOWN_MEMBER = re.compile(r"^(manifest\.json|instructions\.md|tagset\.json|annotations\.json|articles/\d{1,3}\.json)$")


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
def zip_members(members: dict[str, str], stamp: str) -> bytes:
    """A zip of text members, in the given order, with a fixed time stamp (same content, same bytes)."""
    when = u.parse_time(stamp)
    date_time = (max(1980, when.year), when.month, when.day, when.hour, when.minute, when.second)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in members.items():
            data = text.encode("utf-8")
            info = zipfile.ZipInfo(name, date_time)
            info.compress_type = zipfile.ZIP_DEFLATED if _deflates_below_ratio(data) else zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buf.getvalue()


def _deflates_below_ratio(data: bytes) -> bool:
    """Whether a member deflated as zipfile does stays under MAX_RATIO: a very repetitive member (a long note
    of one character) is stored instead, or the reader would refuse the package as a zip bomb."""
    if len(data) <= RATIO_CHECK_ABOVE:
        return True
    deflate = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return len(data) <= MAX_RATIO * len(deflate.compress(data) + deflate.flush())


def dump(data: object) -> str:
    """A JSON member as the app writes it (UTF-8 text, one-space indent, newline at the end)."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
