"""Checks for data from files someone else made (core layer): reading files safely, JSON depth, types, names, times.

Class packages and annotation files come from other people's machines. Everything read from them goes
through these helpers, which raise `InvalidData` with a message naming the file and the place in it
("annotations.json: item 3: target.selector: start must be a whole number"), so a bad file is refused
with one clear line and nothing is written.
"""
from __future__ import annotations

import json
import os
import re
import stat
import uuid as uuidlib
from datetime import UTC, datetime
from pathlib import Path

from reader.core.errors import ImportFailed, ReaderError

MAX_DEPTH = 32  # nesting of JSON arrays and objects
MAX_NAME = 100  # reader names, tag names, tagset names
MAX_NOTE = 100_000  # characters of one note
MAX_TEXT = 5_000_000  # characters of one article
MAX_CONTEXT = 1_000  # characters of a quote's prefix or suffix
MAX_TITLE = 500  # titles and other one-line metadata (author, source, date) of an article in a package
MAX_TAGS = 50  # tags in one tagset of a hand-out
# The limits above are shared by what writes packages (reader.core.classroom, the reader name) and what
# reads them: whatever the app writes, it reads back, and what it would not read it refuses to write.
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Controls in one-line metadata such as a title: like _CONTROL, but bidirectional controls are allowed
#: (they are stored as written; `shown` makes them visible wherever such a text is displayed).
_CONTROL_METADATA = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
#: Bidirectional embedding, override and isolate controls, and the marks (LRM, RLM, ALM).
BIDI = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKING = re.compile(r"[\t\n\r\x0b\x0c\x85\u2028\u2029]")
#: A file name inside a zip that starts with a drive letter (C:…) points outside it on Windows.
DRIVE = re.compile(r"^[A-Za-z]:")
#: Characters that break a file name shown in a one-line message (controls, line and paragraph separators).
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")  # half of a UTF-16 pair: JSON can write one (\ud800), UTF-8 cannot


class InvalidData(ReaderError):
    """A file from elsewhere is not what it claims to be; nothing was written for it."""


_MiB = 1024 * 1024
_CHUNK = _MiB


def _size_text(limit: int) -> str:
    return f"{limit // _MiB} MiB" if limit >= _MiB else f"{limit:,} bytes"


def read_regular_file(path: str | Path, limit: int, *, error: type[ReaderError] = ImportFailed) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or `error` with one clear line.

    Every file that comes from outside the library (imports, class packages, annotation, translation and
    vocabulary files) is read here. The file is opened without blocking and checked on the opened descriptor,
    so a pipe, a device (/dev/zero), a folder or a symbolic link to one of them is refused before a byte is read,
    and no one can swap the file between the check and the read. At most `limit` + 1 bytes are read, whatever the
    file's reported size says (files under /proc report 0).
    """
    path = Path(path)
    name = UNPRINTABLE.sub("?", path.name or str(path))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError as exc:
        raise error(f"{UNPRINTABLE.sub('?', str(path))}: no such file") from exc
    except IsADirectoryError as exc:
        raise error(f"{name}: is a folder, not a file") from exc
    except OSError as exc:
        raise error(f"{name}: cannot read it ({exc.strerror or exc})") from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise error(f"{name}: is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise error(f"{name}: is not a regular file (a pipe, socket or device); only files can be read")
        if info.st_size > limit:
            raise error(f"{name}: file is too large ({_size_text(info.st_size)}; limit {_size_text(limit)})")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise error(f"{name}: file is too large (more than {_size_text(limit)})")
        return b"".join(chunks)
    except OSError as exc:
        raise error(f"{name}: cannot read it ({exc.strerror or exc})") from exc
    finally:
        os.close(fd)


def check_depth(raw: str, where: str, limit: int = MAX_DEPTH) -> None:
    """Refuse JSON nested deeper than `limit` before parsing it (a parser would recurse into it)."""
    depth = 0
    in_string = False
    escaped = False
    for ch in raw:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > limit:
                raise InvalidData(f"{where}: JSON nested deeper than {limit} levels")
        elif ch in "]}":
            depth -= 1


def load_json(raw: bytes | str, where: str) -> object:
    """Parse JSON from an untrusted source: UTF-8, bounded depth, no NaN/Infinity, one clear error."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InvalidData(f"{where}: not UTF-8 text") from exc
    check_depth(raw, where)

    def no_constant(name: str) -> object:
        raise ValueError(f"{name} is not allowed")

    try:
        return json.loads(raw, parse_constant=no_constant)
    except (ValueError, RecursionError) as exc:
        msg = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        pos = f" (line {exc.lineno})" if isinstance(exc, json.JSONDecodeError) else ""
        raise InvalidData(f"{where}: not valid JSON: {msg}{pos}") from exc


_TYPE_NAMES = {dict: "an object", list: "a list", str: "text", int: "a whole number", bool: "true or false"}


def obj(value: object, where: str) -> dict:
    if not isinstance(value, dict):
        raise InvalidData(f"{where} must be {_TYPE_NAMES[dict]}")
    return value


def lst(value: object, where: str, max_items: int = 1_000_000) -> list:
    if not isinstance(value, list):
        raise InvalidData(f"{where} must be {_TYPE_NAMES[list]}")
    if len(value) > max_items:
        raise InvalidData(f"{where} has {len(value)} entries; at most {max_items} are accepted")
    return value


def field(data: dict, key: str, where: str) -> object:
    if key not in data:
        raise InvalidData(f"{where}: {key} is missing")
    return data[key]


def text(value: object, where: str, *, max_len: int, empty: bool = True, multiline: bool = False,
         bidi: bool = False) -> str:
    """A string of at most `max_len` characters; no control characters unless `multiline` (then \\n \\t \\r);
    with `bidi`, bidirectional controls are accepted (one-line metadata such as titles)."""
    if not isinstance(value, str):
        raise InvalidData(f"{where} must be {_TYPE_NAMES[str]}")
    if len(value) > max_len:
        raise InvalidData(f"{where} is too long ({len(value)} characters; at most {max_len})")
    if not empty and not value.strip():
        raise InvalidData(f"{where} cannot be empty")
    pattern = _CONTROL_MULTILINE if multiline else _CONTROL_METADATA if bidi else _CONTROL
    if pattern.search(value):
        raise InvalidData(f"{where} contains control characters")
    if _SURROGATE.search(value):
        raise InvalidData(f"{where} contains a broken character (half of a UTF-16 pair)")
    return value


def opt_text(value: object, where: str, *, max_len: int, multiline: bool = False, bidi: bool = False) -> str | None:
    return None if value is None else text(value, where, max_len=max_len, multiline=multiline, bidi=bidi)


def integer(value: object, where: str, *, low: int = 0, high: int = MAX_TEXT) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidData(f"{where} must be {_TYPE_NAMES[int]}")
    if not low <= value <= high:
        raise InvalidData(f"{where} must be between {low} and {high}, not {value}")
    return value


def name(value: object, where: str) -> str:
    """A person's, tag's or tagset's name: one line, not empty, at most MAX_NAME characters."""
    return text(value, where, max_len=MAX_NAME, empty=False).strip()


def title(value: object, where: str) -> str:
    """An article's title in a package: one line, not empty, at most MAX_TITLE characters; bidi controls kept."""
    return text(value, where, max_len=MAX_TITLE, empty=False, bidi=True).strip()


# ---- the writer's side: what the app puts in a package passes the checks above --------------------------
def one_line(value: str) -> str:
    """The value on one line: tabs and line breaks become spaces, other control characters are dropped."""
    value = _LINE_BREAKING.sub(" ", value)
    return _CONTROL_METADATA.sub("", _SURROGATE.sub("\ufffd", value)).strip()


def shown(value: str) -> str:
    """A stored text for display: each bidi control made visible as [U+202E], so it cannot reorder the UI."""
    return BIDI.sub(lambda m: f"[U+{ord(m.group()):04X}]", value)


def clean_name(value: str, what: str = "the name") -> str:
    """A reader's name as the app stores and writes it: one line, no bidi controls, 1–MAX_NAME characters.

    Raises InvalidData with one clear line when it cannot be made so (empty, or too long)."""
    out = BIDI.sub("", one_line(value))
    if not out:
        raise InvalidData(f"{what} cannot be empty")
    if len(out) > MAX_NAME:
        raise InvalidData(f"{what} is too long ({len(out)} characters; at most {MAX_NAME})")
    return out


def clean_title(value: str, what: str = "the title") -> str:
    """A title as a package holds it: one line (bidi controls kept), at most MAX_TITLE characters."""
    out = one_line(value)
    if not out:
        raise InvalidData(f"{what} cannot be empty")
    if len(out) > MAX_TITLE:
        raise InvalidData(f"{what} is too long ({len(out)} characters; at most {MAX_TITLE}); shorten it first")
    return out


def tag_name(value: object, where: str) -> str:
    out = name(value, where)
    if "/" in out:
        raise InvalidData(f"{where}: a tag name cannot contain '/'")
    return out


def color(value: object, where: str) -> str:
    if not isinstance(value, str) or not _COLOR.match(value):
        raise InvalidData(f"{where} must be a colour written #RRGGBB")
    return value.lower()


def opt_color(value: object, where: str) -> str | None:
    return None if value is None else color(value, where)


def timestamp(value: object, where: str) -> str:
    """An ISO 8601 time stamp, kept as written (so exports round-trip byte for byte)."""
    raw = text(value, where, max_len=40, empty=False)
    try:
        parse_time(raw)
    except ValueError as exc:
        raise InvalidData(f"{where} is not an ISO 8601 time ({raw!r})") from exc
    return raw


def parse_time(value: str) -> datetime:
    """An ISO 8601 date or time as an aware UTC datetime (a time without zone is taken as UTC)."""
    stamp = datetime.fromisoformat(value.strip())
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.astimezone(UTC)


def uuid(value: object, where: str) -> str:
    """A UUID, written bare or as urn:uuid:…; returned in the canonical lower-case form."""
    raw = text(value, where, max_len=60, empty=False).strip()
    if raw.lower().startswith("urn:uuid:"):
        raw = raw[9:]
    try:
        return str(uuidlib.UUID(raw))
    except ValueError as exc:
        raise InvalidData(f"{where} is not a UUID ({raw!r})") from exc
