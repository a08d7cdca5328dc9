"""Keeping the library safe (core layer): verified rotating backups, diagnosis of a damaged file, change polling.

Backups are copies made with SQLite's backup API into `backups/` beside the library, named
`<stem>-<UTC stamp>-<reason>.sqlite3`. Every copy passes `PRAGMA integrity_check` before older copies are
pruned, so a damaged library can never push the last good backups out. Kept: the 7 most recent daily
start-up backups, one per ISO week for the 4 weeks before those, the 3 most recent pre-migration backups
and the 5 most recent other ones (manual, before a restore).

Recovery of a damaged library (move it aside, restore a backup or start anew) lives in
`reader.core.repair`; the health check in `reader.core.health`.
"""
from __future__ import annotations

import logging
import os
import re
import sqlite3
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from reader.core import libfile, schema
from reader.core.errors import LibraryDamaged, LibraryError
from reader.core.paths import default_db_path


class Library(Protocol):
    """What backups need of an open library (reader.core.library.Library): its file and connection."""

    path: Path | None
    conn: sqlite3.Connection

log = logging.getLogger(__name__)

BACKUP_FOLDER = "backups"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MIGRATION = 3
KEEP_OTHER = 5
START_REASON = "start"
MIGRATION_PREFIX = "before-migration"
STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
PARTIAL_MAX_AGE_S = 3600  # an unfinished copy older than this was left by a crash: delete it
COMMAND = "bilingual-reader"
SQLITE_MAGIC = libfile.SQLITE_MAGIC

__all__ = ["LibraryDamaged"]  # defined in reader.core.errors; callers reach it here too


@dataclass(frozen=True)
class BackupInfo:
    """One backup file beside the library."""

    path: Path
    created: datetime  # UTC
    reason: str  # start | before-migration-N | manual | before-restore …
    size: int

    @property
    def local_time(self) -> str:
        """When it was made, in the computer's time zone, e.g. '2026-03-14 09:30'."""
        return self.created.astimezone().strftime("%Y-%m-%d %H:%M")

    def as_json(self) -> dict:
        return {"path": str(self.path), "created": self.created.isoformat(timespec="seconds"),
                "reason": self.reason, "size": self.size}


# ---- backups ----------------------------------------------------------------------------------------
def backups_folder(lib_path: Path) -> Path:
    return Path(lib_path).parent / BACKUP_FOLDER


def _name_pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(stem)}-(?P<stamp>\d{{8}}T\d{{12}}Z)-(?P<reason>[A-Za-z0-9-]+)\.sqlite3$")


def list_backups(lib_path: str | Path) -> list[BackupInfo]:
    """The backups of a library, newest first."""
    lib_path = Path(lib_path)
    folder = backups_folder(lib_path)
    pattern = _name_pattern(lib_path.stem)
    out = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        m = pattern.match(entry.name)
        if not m:
            continue
        try:
            created = datetime.strptime(m.group("stamp"), STAMP_FORMAT).replace(tzinfo=UTC)
            size = entry.stat().st_size
        except (ValueError, OSError):
            continue
        out.append(BackupInfo(entry, created, m.group("reason"), size))
    out.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    return out


def backup(lib: Library, reason: str = "manual", *, prune: bool = True) -> Path | None:
    """Back up an open library (None for an in-memory one); see `backup_file`."""
    if lib.path is None:
        return None
    return backup_file(lib.path, reason, prune=prune)


def backup_file(lib_path: str | Path, reason: str = "manual", *, prune: bool = True) -> Path:
    """Copy the library with SQLite's backup API, verify the copy, then prune older backups.

    The copy is written to `<name>.partial` and renamed only once `PRAGMA integrity_check` says ok, so a
    backup file with its final name is always complete. Raises LibraryDamaged when the copy fails the check
    because the library itself is damaged (older backups are then kept untouched), another LibraryError
    when the backup cannot be written (disk full, no permission, busy): never "damaged" for those.
    """
    lib_path = Path(lib_path)
    folder = backups_folder(lib_path)
    reason = re.sub(r"[^A-Za-z0-9-]+", "-", reason).strip("-") or "manual"
    stamp = datetime.now(UTC).strftime(STAMP_FORMAT)
    target = folder / f"{lib_path.stem}-{stamp}-{reason}.sqlite3"
    tmp = folder / f"{target.name}.partial"
    if not lib_path.is_file():
        raise LibraryError(f"cannot back up {lib_path}: there is no library file there")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        src = sqlite3.connect(str(lib_path), timeout=5)
        try:
            dest = sqlite3.connect(str(tmp))
            try:
                src.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
                problems = integrity_problems(dest)
            finally:
                dest.close()
            if problems:
                tmp.unlink(missing_ok=True)
                if integrity_problems(src, quick=True):
                    raise LibraryDamaged(damaged_message(lib_path, problems[0]))
                raise LibraryError(f"the backup copy of {lib_path} failed its integrity check ({problems[0]}); "
                                   "older backups were kept")
        finally:
            src.close()
        os.replace(tmp, target)
        fsync_dir(folder)
    except sqlite3.DatabaseError as exc:
        unlink_quietly(tmp)
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        if code in (libfile.SQLITE_CORRUPT, libfile.SQLITE_NOTADB):
            raise LibraryDamaged(damaged_message(lib_path, str(exc))) from exc
        why = libfile.explain(exc, tmp) or LibraryError(str(exc))
        raise LibraryError(f"cannot back up {lib_path}: {why}") from exc
    except OSError as exc:
        unlink_quietly(tmp)
        raise LibraryError(f"cannot write a backup into {folder}: {exc.strerror or exc}") from exc
    if prune:
        prune_backups(lib_path)
    return target


def backup_on_start(lib: Library) -> Path | None:
    """The daily start-up backup: made when no start-up backup exists from today (local date).

    A backup that cannot be written (disk full, read-only folder) is logged and skipped so the reader can
    still open; a library found damaged while copying raises LibraryDamaged.
    """
    if lib.path is None:
        return None
    today = datetime.now().astimezone().date()
    if any(b.reason == START_REASON and b.created.astimezone().date() == today for b in list_backups(lib.path)):
        return None
    try:
        return backup_file(lib.path, START_REASON)
    except LibraryDamaged:
        raise
    except LibraryError as exc:
        log.warning("start-up backup skipped: %s", exc)
        return None


def retained(backups: Iterable[BackupInfo]) -> set[Path]:
    """Which backups the retention rules keep (the rest may be deleted)."""
    ordered = sorted(backups, key=lambda b: (b.created, b.path.name), reverse=True)
    starts = [b for b in ordered if b.reason == START_REASON]
    keep = {b.path for b in starts[:KEEP_DAILY]}
    weeks = {b.created.astimezone().isocalendar()[:2] for b in starts[:KEEP_DAILY]}
    weekly = 0
    for b in starts[KEEP_DAILY:]:
        week = b.created.astimezone().isocalendar()[:2]
        if week in weeks:
            continue
        if weekly >= KEEP_WEEKLY:
            break
        weeks.add(week)
        keep.add(b.path)
        weekly += 1
    keep |= {b.path for b in [b for b in ordered if b.reason.startswith(MIGRATION_PREFIX)][:KEEP_MIGRATION]}
    others = [b for b in ordered if b.reason != START_REASON and not b.reason.startswith(MIGRATION_PREFIX)]
    keep |= {b.path for b in others[:KEEP_OTHER]}
    return keep


def prune_backups(lib_path: str | Path) -> list[Path]:
    """Delete backups the retention rules no longer keep, and copies left unfinished by a crash."""
    lib_path = Path(lib_path)
    backups = list_backups(lib_path)
    keep = retained(backups)
    removed = []
    for b in backups:
        if b.path not in keep and unlink_quietly(b.path):
            removed.append(b.path)
    now = datetime.now().timestamp()
    for partial in backups_folder(lib_path).glob(f"{glob_escape(lib_path.stem)}-*.sqlite3.partial"):
        try:
            old = now - partial.stat().st_mtime > PARTIAL_MAX_AGE_S
        except OSError:
            continue
        if old and unlink_quietly(partial):
            removed.append(partial)
    return removed


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


# ---- verification -------------------------------------------------------------------------------------
def ro_uri(path: Path, *, immutable: bool = False) -> str:
    uri = "file:" + urllib.parse.quote(str(Path(path).absolute())) + "?mode=ro"
    return uri + "&immutable=1" if immutable else uri


def integrity_problems(conn: sqlite3.Connection, *, quick: bool = False, limit: int = 20) -> list[str]:
    """The lines `PRAGMA integrity_check` reports ([] when the file is sound).

    SQLite reporting damage while checking counts as a problem; any other error (I/O, busy, disk full) is
    raised: it says nothing about the file's soundness.
    """
    try:
        rows = conn.execute(f"PRAGMA {'quick_check' if quick else 'integrity_check'}({limit})").fetchall()
    except sqlite3.DatabaseError as exc:
        if (getattr(exc, "sqlite_errorcode", None) or libfile.SQLITE_CORRUPT) & 0xFF not in (
                libfile.SQLITE_CORRUPT, libfile.SQLITE_NOTADB):
            raise
        return [str(exc)]
    return libfile.integrity_lines(rows)


def verify_backup(path: str | Path) -> tuple[bool, str]:
    """Whether a backup is a sound library this version can open: (ok, plain-words reason)."""
    path = Path(path)
    try:
        kind = libfile.kind_of(path)
        if kind is not None:
            return False, kind
        head = libfile.read_head(path, 16)
        if head is not None and head != SQLITE_MAGIC:
            return False, "not an SQLite database"
        conn = sqlite3.connect(ro_uri(path, immutable=True), uri=True)
    except (OSError, sqlite3.Error) as exc:
        return False, f"cannot be read ({exc})"
    try:
        try:
            problems = integrity_problems(conn)
        except sqlite3.Error as exc:
            return False, f"cannot be read ({exc})"
        if problems:
            return False, f"damaged ({problems[0]})"
        try:
            version = schema.applied_version(conn)
        except sqlite3.DatabaseError as exc:
            return False, f"not a library ({exc})"
        if version == 0:
            return False, "not a Bilingual Reader library"
        if version > schema.LATEST:
            return False, f"written by a newer version (schema {version})"
        return True, f"sound, schema {version}"
    finally:
        conn.close()


def newest_good_backup(lib_path: str | Path) -> BackupInfo | None:
    """The most recent backup of the library that passes the integrity check (None when there is none)."""
    for b in list_backups(lib_path):
        if verify_backup(b.path)[0]:
            return b
    return None


def diagnose(lib_path: str | Path) -> str | None:
    """A quick look at a library file: None when it looks sound, else why it is damaged, in plain words.

    Cheap checks only (header and size against the page count, read outside SQLite only when this process
    has no connection to the file; then `PRAGMA quick_check`); `health.check` is the full examination.
    A missing file, or something that is not a file, is not damaged.
    """
    path = Path(lib_path)
    try:
        if libfile.kind_of(path) is not None or not path.exists():
            return None
        size = path.stat().st_size
        if size == 0:
            return "the file is empty (0 bytes)" if list_backups(path) else None
        head = libfile.read_head(path)
    except OSError:
        return None
    if head is not None:
        wal = Path(f"{path}-wal")
        damage = libfile.header_damage(head, size, wal.exists() and wal.stat().st_size > 0)
        if damage:
            return damage
    try:
        conn = sqlite3.connect(ro_uri(path), uri=True, timeout=5)
    except sqlite3.Error as exc:
        return None if libfile.explain(exc, path) else f"it cannot be opened ({exc})"
    try:
        problems = integrity_problems(conn, quick=True, limit=5)
    except sqlite3.Error:
        return None  # not damage: the file could not be read (see libfile.explain)
    finally:
        conn.close()
    return f"SQLite reports: {problems[0]}" if problems else None


def damaged_message(lib_path: str | Path, reason: str | None = None, db_option: str | None = None) -> str:
    """The one-line message for a damaged library, saying what to run."""
    cmd = f"{COMMAND} --db {_quote(db_option)}" if db_option else COMMAND
    why = f" ({reason})" if reason else ""
    good = newest_good_backup(lib_path)
    new = "to start a new library (the damaged file is kept aside)"
    if good is None:
        return f"{lib_path} is damaged{why} and there is no good backup; run '{cmd} check --repair new' {new}"
    return (f"{lib_path} is damaged{why}; run '{cmd} check --repair restore' to restore the newest good backup "
            f"(from {good.local_time}) or '--repair new' {new}")


def explain_open_failure(lib_path: str | Path | None, exc: LibraryError, db_option: str | None = None) -> LibraryError:
    """Turn an opening error into one that says what to do when the file is damaged.

    Errors that are not damage (a newer schema, a folder, another program's file, a read-only library, a
    full disk, a busy or unreachable library) are returned unchanged.
    """
    path = Path(lib_path) if lib_path else default_db_path()
    if "--repair" in str(exc) or "newer version" in str(exc):
        return exc
    if isinstance(exc, LibraryDamaged):
        return LibraryDamaged(damaged_message(path, diagnose(path) or _reason(exc), db_option))
    if type(exc) is not LibraryError:  # a more precise kind: NotALibrary, LibraryReadOnly, DiskFull …
        return exc
    reason = diagnose(path)
    if reason is None and "damaged" not in str(exc):
        return exc
    return LibraryDamaged(damaged_message(path, reason, db_option))


def _reason(exc: LibraryError) -> str | None:
    """The words in brackets of "X is damaged (why)"."""
    text = str(exc)
    return text[text.index("(") + 1 : text.rindex(")")] if "(" in text and text.endswith(")") else None


def _quote(text: str) -> str:
    return f'"{text}"' if re.search(r"[\s'\"]", text) else text


# ---- changes made by another process -----------------------------------------------------------------
def data_version(lib: Library) -> int:
    """A number that changes whenever another connection (another window, a CLI process) commits.

    `PRAGMA data_version` costs microseconds, so a window can poll it (e.g. every second) and reload only
    when it differs from the value it saw last. The library's own commits do not change it.
    """
    (value,) = lib.conn.execute("PRAGMA data_version").fetchone()
    return int(value)


# ---- small helpers ------------------------------------------------------------------------------------
def unlink_quietly(path: Path) -> bool:
    try:
        path.unlink()
        return True
    except FileNotFoundError:
        return False
    except OSError as exc:
        log.warning("cannot delete %s: %s", path, exc)
        return False


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); harmless to skip where directories cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
