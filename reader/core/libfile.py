"""The library file seen from outside SQLite (core layer): what a path is, its header, a stray `-wal`, and
what an SQLite error really means (damage, a full disk, a read-only file or folder, a deleted `-wal`).

On POSIX, closing any descriptor of a file drops every lock the process holds on it: a process that read
the library with plain file I/O while one of its own SQLite connections was open would make the next process
believe it is alone, checkpoint and delete the write-ahead log under the open connection. So the library
file is read outside SQLite in one place, `read_head`, which reads only while no descriptor of this
process refers to the file; otherwise it returns None and the caller relies on SQLite.
"""
from __future__ import annotations

import errno
import os
import sqlite3
import stat
import urllib.parse
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from reader.core.errors import (
    DiskFull,
    LibraryBusy,
    LibraryDamaged,
    LibraryError,
    LibraryReadOnly,
    LibraryUnavailable,
    NotALibrary,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_BYTES = 100
WAL_MAGICS = (0x377F0682, 0x377F0683)
WAL_HEADER_BYTES = 32
WAL_FRAME_HEADER_BYTES = 24
LIBRARY_SUFFIXES = (".sqlite3", ".sqlite", ".db")
LOW_SPACE_BYTES = 1 << 20  # less free space than this on the library's disk: "the disk is full"

# SQLite's primary result codes (the low byte of `sqlite_errorcode`)
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26
SQLITE_IOERR_SHORT_READ = 522


# ---- what a path is -------------------------------------------------------------------------------------
def kind_of(path: Path) -> str | None:
    """None for a regular file (or nothing there); else what the path is, in words ("a folder" …)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"something that cannot be examined ({exc.strerror or exc})"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def in_use_here(path: Path) -> bool:
    """Whether a descriptor of this process (an SQLite connection, an open file) refers to `path`."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    folder = next((p for p in ("/proc/self/fd", "/dev/fd") if os.path.isdir(p)), None)
    if folder is None:
        return False  # no per-process POSIX locks to lose (Windows)
    try:
        names = os.listdir(folder)
    except OSError:
        return True  # cannot tell: never risk the locks
    for name in names:
        try:
            fst = os.fstat(int(name))
        except (OSError, ValueError):
            continue
        if fst.st_ino == st.st_ino and fst.st_dev == st.st_dev:
            return True
    return False


def held_elsewhere(path: Path) -> bool | None:
    """Whether another process has the library open now (it holds locks on the file or on its `-shm`).

    Read from /proc/locks (Linux) without opening either file; this process's own locks count too, so
    call it when this process has no connection to the library. None where it cannot be told: then a
    `-wal` is never judged stray.
    """
    if not hasattr(os, "major") or not os.path.exists("/proc/locks"):
        return None
    ids = set()
    for p in (path, Path(f"{path}-shm")):
        try:
            st = os.stat(p)
        except OSError:
            continue
        ids.add(f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}")
    if not ids:
        return False
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return None
    return any(len(fields) > 5 and fields[5] in ids for fields in (line.split() for line in lines)
               if fields and not fields[1].startswith("->"))


def read_head(path: Path, size: int = HEADER_BYTES) -> bytes | None:
    """The first bytes of a regular file, or None when this process has it open (see the module note)."""
    if kind_of(path) is not None or in_use_here(path):
        return None
    with open(path, "rb") as fh:
        return fh.read(size)


def header_damage(head: bytes, size: int, wal_has_pages: bool) -> str | None:
    """Why a file with this header and size is not a sound SQLite database (None when it may be one)."""
    if head[:16] != SQLITE_MAGIC:
        if not head.strip(b"\x00"):
            return "the file is filled with zero bytes"
        return "the file is not an SQLite database"
    if len(head) < HEADER_BYTES:
        return "the file is cut off (shorter than an SQLite header)"
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "the file's header is damaged (impossible page size)"
    if size % page_size:
        return f"the file is cut off ({size:,} bytes, not a whole number of {page_size:,}-byte pages)"
    pages = int.from_bytes(head[28:32], "big")
    valid = head[24:28] == head[92:96]  # the page count is valid only when its change counter matches
    if valid and pages and size < pages * page_size and not wal_has_pages:
        return f"the file is cut off ({size:,} bytes of the {pages * page_size:,} its header announces)"
    return None


def looks_like_library(path: Path, head: bytes | None, default: Path | None = None) -> bool:
    """Whether a regular file may be a (damaged) library, so that moving it aside is right.

    Yes for an SQLite header, an empty or zero-filled file, the app's own library path, a file with
    backups beside it, or a database's name (.sqlite3, .sqlite, .db).
    """
    if head is None or head[:16] == SQLITE_MAGIC or not head.strip(b"\x00"):
        return True
    if default is not None and Path(path).absolute() == Path(default).absolute():
        return True
    backups = Path(path).parent / "backups"
    try:
        if any(p.name.startswith(f"{Path(path).stem}-") and p.name.endswith(".sqlite3") for p in backups.iterdir()):
            return True
    except OSError:
        pass
    return Path(path).suffix.lower() in LIBRARY_SUFFIXES


def what_is(path: Path, head: bytes | None) -> str:
    """A plain description of something that is not a library ("a folder", "a PDF document", …)."""
    kind = kind_of(path)
    if kind is not None:
        return kind
    known = _recognised(head or b"")
    if known:
        return known
    try:
        size = os.stat(path).st_size
    except OSError:
        size = 0
    return f"a file of {size:,} bytes that is not an SQLite database"


def _recognised(head: bytes) -> str | None:
    for magic, name in ((b"%PDF", "a PDF document"), (b"PK\x03\x04", "a zip archive (or EPUB, Word, …)"),
                        (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"\x1f\x8b", "a gzip archive"),
                        (b"GIF8", "a GIF image"), (b"{", "a JSON or text file"), (b"<", "an HTML or XML file")):
        if head.startswith(magic):
            return name
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "a text file" if text and all(ch.isprintable() or ch in "\r\n\t" for ch in text) else None


# ---- checks before connecting -------------------------------------------------------------------
def check_file(file: Path, default: Path | None = None) -> None:
    """Refuse what is not a library file, and a file whose header or size shows damage.

    The header is read outside SQLite only while this process has no connection to the file
    (`read_head`); otherwise an earlier open in this process already checked it. An empty file is
    left to the caller (`reader.core.opening` tells a new library from an emptied one).
    """
    kind = kind_of(file)
    if kind is not None:
        raise NotALibrary(f"{file} is {kind}, not a library file; give the path of a library file")
    try:
        if not file.exists() or file.stat().st_size == 0:
            return
        head = read_head(file)
        size = file.stat().st_size
    except OSError as exc:
        raise explain_os_error(exc, file) from exc
    if head is None:
        return
    wal = Path(f"{file}-wal")
    damage = header_damage(head, size, wal.exists() and wal.stat().st_size > 0)
    if damage is None:
        return
    if not looks_like_library(file, head, default):
        raise NotALibrary(f"{file} is {what_is(file, head)}, not a Bilingual Reader library; "
                          "choose the library file")
    raise LibraryDamaged(f"{file} is damaged ({damage})")


def connect_target(file: Path, read_only: str | None) -> str:
    """What to hand to sqlite3.connect: the path, or a read-only URI (immutable when no log can be made)."""
    if read_only is None:
        return str(file)
    uri = "file:" + urllib.parse.quote(str(file.absolute()))
    folder_writable = os.access(file.parent, os.W_OK | os.X_OK)
    if not folder_writable and not Path(f"{file}-wal").exists():
        return uri + "?immutable=1"  # nobody can write a library whose folder cannot hold its log
    if read_only == DISK_FULL_READ_ONLY:
        return uri + "?immutable=1"  # no room for the shared-memory index; the log is empty (see full_disk_readable)
    return uri + "?mode=ro"


#: Why a library on a full disk is open read-only (`Library.open` falls back to reading it).
DISK_FULL_READ_ONLY = "the disk holding it is full: free some space to make changes"


def full_disk_readable(file: Path) -> bool:
    """Whether a library on a full disk can be read as it is: its log is empty and nobody else has it open.

    Then the file alone holds every committed change, and reading it without SQLite's shared-memory index
    (which needs room on the disk) is safe. A log with changes in it must not be ignored: no fallback.
    """
    try:
        wal = Path(f"{file}-wal")
        if wal.exists() and wal.stat().st_size:
            return False
    except OSError:
        return False
    return held_elsewhere(file) is False


# ---- the write-ahead log ------------------------------------------------------------------------------
@dataclass(frozen=True)
class WalHeader:
    page_size: int
    salts: bytes
    has_frames: bool  # the first frame carries the header's salts: SQLite would read it


def wal_header(path: Path) -> WalHeader | None:
    """The header of the library's `-wal` when it is one SQLite would use (None: absent, empty or invalid).

    Read only while this process has no connection to the library (the `-wal` holds no locks, but the
    rule is kept simple: no plain reads beside a live connection).
    """
    wal = Path(f"{path}-wal")
    if kind_of(wal) is not None or not wal.exists() or in_use_here(path):
        return None
    with open(wal, "rb") as fh:
        head = fh.read(WAL_HEADER_BYTES + WAL_FRAME_HEADER_BYTES)
    if len(head) < WAL_HEADER_BYTES:
        return None
    magic = int.from_bytes(head[0:4], "big")
    if magic not in WAL_MAGICS:
        return None
    if _wal_checksum(head[:24], big_endian=bool(magic & 1)) != head[24:32]:
        return None
    salts = head[16:24]
    frame = head[WAL_HEADER_BYTES:]
    return WalHeader(int.from_bytes(head[8:12], "big"), salts, len(frame) == WAL_FRAME_HEADER_BYTES and frame[8:16] == salts)


def _wal_checksum(data: bytes, *, big_endian: bool) -> bytes:
    s0 = s1 = 0
    order: Literal["big", "little"] = "big" if big_endian else "little"
    for i in range(0, len(data), 8):
        s0 = (s0 + int.from_bytes(data[i:i + 4], order) + s1) & 0xFFFFFFFF
        s1 = (s1 + int.from_bytes(data[i + 4:i + 8], order) + s0) & 0xFFFFFFFF
    return s0.to_bytes(4, "big") + s1.to_bytes(4, "big")


def stray_wal(path: Path) -> str | None:
    """Why the `-wal` beside the library does not belong to it (None: there is none, or it belongs or may).

    Only a `-wal` nobody holds is judged (another process that has the library open owns its log). It does
    not belong when its page size differs from the library's; when the library alone passes SQLite's quick
    check but not with the log applied (a stale log, or another database's); or when the log would change
    the library's own migration history (the log of another library).
    """
    wal = wal_header(path)
    head = read_head(path)
    if wal is None or not wal.has_frames or not head or head[:16] != SQLITE_MAGIC:
        return None
    if held_elsewhere(path) is not False:  # its owner is live, or that cannot be told: leave it
        return None
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if wal.page_size != page_size:
        return f"its pages are {wal.page_size:,} bytes, the library's {page_size:,}: it is another database's log"
    alone = _probe(path, immutable=True)
    if alone[0] is not None:
        return None  # the library is damaged without the log too: that is damage, not a stray log
    applied = _probe(path, immutable=False)
    if applied[0] is not None:
        return f"with it applied SQLite reports: {applied[0]}"
    before, after = alone[1], applied[1]
    if before and not after:
        return "it is the log of another database, not of a Bilingual Reader library"
    if before and any(after.get(version) != stamp for version, stamp in before.items()):
        return "it is the log of another library (their histories differ)"
    return None


def _probe(path: Path, *, immutable: bool) -> tuple[str | None, dict[int, str]]:
    """(SQLite's complaint or None, the migration history) of the library without (immutable) or with its log.

    Neither connection writes: immutable ignores the log; the read-only one applies it in memory only.
    """
    uri = "file:" + urllib.parse.quote(str(Path(path).absolute())) + ("?immutable=1" if immutable else "?mode=ro")
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=5)
    except sqlite3.Error as exc:
        return str(exc), {}
    try:
        problems = integrity_lines(conn.execute("PRAGMA quick_check(5)").fetchall())
        if problems:
            return problems[0], {}
        has = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").fetchone()
        history = {int(v): str(a) for v, a in conn.execute("SELECT version, applied FROM migrations")} if has else {}
        return None, history
    except sqlite3.Error as exc:
        return str(exc), {}
    finally:
        conn.close()


def integrity_lines(rows: list[tuple]) -> list[str]:
    """The problems in the rows of `PRAGMA integrity_check`/`quick_check`, one line each ([]: sound).

    One row may hold several problems on lines of their own under a "*** in database main ***" heading.
    """
    lines = [str(r[0]) for r in rows]
    if lines == ["ok"]:
        return []
    problems = [part.strip() for line in lines for part in line.splitlines()
                if part.strip() and not (part.startswith("*** in database ") and part.rstrip().endswith("***"))]
    return (problems or [" ".join(" ".join(lines).split())]) if lines else []


def aside_name(src: Path, label: str, stamp: str) -> Path:
    """`<src>.<label>-<stamp>`, or with `-2`, `-3` … when that name is taken: an aside never overwrites one."""
    dest = Path(f"{src}.{label}-{stamp}")
    n = 1
    while dest.exists():
        n += 1
        dest = Path(f"{src}.{label}-{stamp}-{n}")
    return dest


def set_wal_aside(path: Path) -> list[Path]:
    """Rename the `-wal` (and the `-shm` indexing it) to `….stray-<stamp>`: kept, never applied."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    moved = []
    for suffix in ("-wal", "-shm"):
        src = Path(f"{path}{suffix}")
        if not src.exists():
            continue
        dest = aside_name(src, "stray", stamp)
        try:
            os.rename(src, dest)
        except OSError as exc:
            raise LibraryError(f"cannot set aside {src}: {exc.strerror or exc}") from exc
        moved.append(dest)
    return moved


# ---- what can be written ------------------------------------------------------------------------------
def read_only_reason(path: Path) -> str | None:
    """Why the library cannot be written (None when it can): a read-only file, folder or disk."""
    folder = Path(path).parent
    if Path(path).exists() and not os.access(path, os.W_OK):
        return "the library file is read-only"
    if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
        wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
        if not (wal.exists() and shm.exists() and os.access(wal, os.W_OK) and os.access(shm, os.W_OK)):
            return f"the folder {folder} is read-only (the library needs to create files beside it)"
    return None


def disk_full(path: Path) -> bool:
    try:
        st = os.statvfs(Path(path).parent)
    except (OSError, AttributeError):
        return False
    return st.f_bavail * st.f_frsize < LOW_SPACE_BYTES


def explain(exc: sqlite3.Error, path: Path | None) -> LibraryError | None:
    """What an SQLite error means for the library, in words; None when it means damage (or is unknown).

    A full disk, a read-only file or folder, a busy library and a log deleted under an open library are
    never damage: the file is intact and the message says what is true and what to do.
    """
    code = getattr(exc, "sqlite_errorcode", None) or 0
    primary = code & 0xFF
    where = str(path) if path else "the library"
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return None
    if primary == SQLITE_FULL or (primary == SQLITE_IOERR and path is not None and disk_full(path)):
        return DiskFull(f"the disk holding {where} is full: free some space and try again "
                        "(the library is intact; nothing half-written was kept)")
    if primary == SQLITE_READONLY:
        why = (read_only_reason(path) if path else None) or "it cannot be written"
        return LibraryReadOnly(f"{where} is read-only ({why}); nothing was changed")
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return LibraryBusy(f"{where} is busy in another program (a long save); try again")
    if code == SQLITE_IOERR_SHORT_READ and path is not None and _wal_missing(path):
        return LibraryUnavailable(
            f"the write-ahead log of {where} ({Path(path).name}-wal) was deleted while another program had the "
            "library open; the library file is not damaged: close every program using it (each writes its "
            "changes back as it closes) and try again")
    if primary == SQLITE_IOERR:
        return LibraryUnavailable(f"reading or writing {where} failed ({exc}): a problem of the disk or its "
                                  "connection, not necessarily of the library; run 'check' once it is reachable")
    if primary == SQLITE_CANTOPEN:
        why = (read_only_reason(path) if path else None) or str(exc)
        return LibraryUnavailable(f"cannot open {where}: {why}")
    return None


def _wal_missing(path: Path) -> bool:
    wal = Path(f"{path}-wal")
    try:
        return not wal.exists() or wal.stat().st_size == 0
    except OSError:
        return True


def explain_os_error(exc: OSError, path: Path) -> LibraryError:
    """An operating-system error on the library file, in words (never "damaged")."""
    if exc.errno == errno.ENOSPC:
        return DiskFull(f"the disk holding {path} is full: free some space and try again")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return LibraryReadOnly(f"{path} cannot be written: {exc.strerror}")
    return LibraryUnavailable(f"cannot read the library {path}: {exc.strerror or exc}")
