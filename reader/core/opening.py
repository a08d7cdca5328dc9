"""Opening a library for use (core layer): the one entry the command line and the app share.

`open_library(path)` runs, in this order:
1. what the path is: a folder, a device or another program's file is refused (NotALibrary); an emptied
   library file (0 bytes with backups or a `-wal` beside it) is damage, not a new library;
2. a `-wal` beside the library that does not belong to it (another database's log, or a stale one) is set
   aside, kept and never applied (`libfile.stray_wal`);
3. the connection, read-only when the file, its folder or the disk cannot be written (a full disk too, when
   the library's log is empty and nobody else has it open); a new file at a path the user named is reported;
4. SQLite's quick check, so a damaged file is refused before anything is written into it;
5. migrations, each after a backup (in `Library.open`);
6. the daily start-up backup: a failure other than damage (disk full, read-only folder) is logged and skipped;
7. the seed articles on first use.
What it set right or found is in `lib.notices` (one line each) for the caller to show. Errors come out as
LibraryError subclasses saying what is true: LibraryDamaged (with what to run), NotALibrary,
LibraryReadOnly, DiskFull, LibraryBusy, LibraryUnavailable.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.core import libfile, maintenance
from reader.core.errors import LibraryDamaged, LibraryError
from reader.core.library import Library
from reader.core.paths import default_db_path

QUICK_CHECK_MAX_BYTES = 1 << 30  # larger libraries skip the open-time quick check (~1 s a GB); `check` runs it


def open_library(
    path: str | Path | None = None, *, seeds: bool = True, backup: bool = True, db_option: str | None = None,
) -> Library:
    """Open the library at `path` (default: READER_DB or the platform's data folder) for use.

    `db_option` is how the user named it (`--db`), repeated in the advice for a damaged file.
    """
    file = Path(path) if path else default_db_path()
    notices: list[str] = []
    try:
        new_file = not file.exists() and not file.is_symlink()
        started_empty = _check_empty(file)
        stray = libfile.stray_wal(file) if file.exists() and libfile.kind_of(file) is None else None
        if stray:
            moved = libfile.set_wal_aside(file)
            notices.append(f"the -wal file beside {file} did not belong to it ({stray}); it was set aside as "
                           f"{moved[0].name} and not applied")
        lib = Library.open(file)
    except LibraryError as exc:
        raise maintenance.explain_open_failure(file, exc, db_option) from exc
    try:
        if new_file and db_option:  # a mistyped --db must not pass for the library the reader meant
            notices.append(f"there was no library at {file}: a new one was started there")
        if started_empty:
            notices.append(f"{file} was an empty file with no backups beside it: a new library was started in it")
        if lib.read_only is not None:
            notices.append(f"{file} is open read-only ({lib.read_only}): reading works, changes are refused")
        _quick_check(lib, db_option)
        if backup:
            maintenance.backup_on_start(lib)
        if seeds and lib.read_only is None:
            lib.ensure_seeds()
    except BaseException:
        lib.close()
        raise
    lib.notices = notices
    return lib


def _check_empty(file: Path) -> bool:
    """True when an empty file may become a new library; LibraryDamaged when it is an emptied library."""
    try:
        if libfile.kind_of(file) is not None or not file.exists() or file.stat().st_size:
            return False
        wal = Path(f"{file}-wal")
        wal_size = wal.stat().st_size if wal.exists() else 0
    except OSError as exc:
        raise libfile.explain_os_error(exc, file) from exc
    if wal_size and libfile.held_elsewhere(file):
        return False  # another process is creating this library right now
    if maintenance.list_backups(file):
        raise LibraryDamaged(f"{file} is damaged (the file is empty (0 bytes), but backups of it lie beside it)")
    if wal_size:
        raise LibraryDamaged(f"{file} is damaged (the file is empty (0 bytes), but its -wal holds "
                             f"{wal_size:,} bytes)")
    return True


def _quick_check(lib: Library, db_option: str | None) -> None:
    """Refuse a library SQLite's quick check finds damaged (pages in the middle, the last page …)."""
    if lib.path is None:
        return
    try:
        if lib.path.stat().st_size > QUICK_CHECK_MAX_BYTES:
            return
        problems = maintenance.integrity_problems(lib.conn, quick=True, limit=5)
    except (OSError, sqlite3.Error) as exc:
        error = libfile.explain(exc, lib.path) if isinstance(exc, sqlite3.Error) else libfile.explain_os_error(
            exc, lib.path)
        raise error or LibraryError(f"{lib.path} could not be checked ({exc})") from exc
    if problems:
        raise LibraryDamaged(maintenance.damaged_message(lib.path, f"SQLite reports: {problems[0]}", db_option))
