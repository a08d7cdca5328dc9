"""Recovery of a damaged library (core layer): move it aside, then restore the newest good backup or start anew.

Nothing is ever deleted or overwritten: the damaged file and its companions are renamed
`<name>.damaged-<stamp>`. Backups themselves are made and verified by `reader.core.maintenance`.
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from reader.core import libfile, maintenance
from reader.core.errors import LibraryError, NotALibrary
from reader.core.library import Library
from reader.core.paths import default_db_path

RecoverChoice = Literal["restore", "new"]


@dataclass(frozen=True)
class RecoveryResult:
    """What `recover()` did: where the damaged files went and which backup (if any) was restored."""

    path: Path
    kept_aside: list[Path] = field(default_factory=list)
    restored: maintenance.BackupInfo | None = None

    @property
    def message(self) -> str:
        aside = f"the damaged file was kept as {self.kept_aside[0]}" if self.kept_aside else "nothing was moved aside"
        if self.restored:
            return f"restored the backup from {self.restored.local_time} into {self.path}; {aside}"
        return f"a new library will be started at {self.path}; {aside}"




def recover(lib_path: str | Path, choice: RecoverChoice, *, backup_path: str | Path | None = None) -> RecoveryResult:
    """Put a damaged library right: move it aside, then restore the newest good backup or start anew.

    The damaged file (and its -wal/-shm companions) are renamed `<name>.damaged-<stamp>` — never
    overwritten or deleted. With `choice="restore"` the newest backup that passes the integrity check (or
    `backup_path`) is copied into place and upgraded to the current schema; nothing is moved when there
    is no good backup (LibraryError). With `choice="new"` the next `Library.open` starts a new library
    (the caller's usual first start then imports the seed articles). Close the library everywhere first.
    """
    path = Path(lib_path)
    if choice not in ("restore", "new"):
        raise LibraryError(f"unknown repair '{choice}' (choose 'restore' or 'new')")
    refuse_unless_library(path)
    if path.exists() and libfile.held_elsewhere(path):  # None (cannot be told) proceeds as before
        raise LibraryError(f"{path} is open in another program; close it there first (nothing was moved)")
    chosen: maintenance.BackupInfo | None = None
    if choice == "restore":
        if backup_path is not None:
            bp = Path(backup_path)
            ok, why = maintenance.verify_backup(bp)
            if not ok:
                raise LibraryError(f"the backup {bp} cannot be restored: it is {why}")
            chosen = next((b for b in maintenance.list_backups(path) if b.path == bp), None) or maintenance.BackupInfo(
                bp, datetime.fromtimestamp(bp.stat().st_mtime, UTC), "chosen", bp.stat().st_size)
        else:
            chosen = maintenance.newest_good_backup(path)
            if chosen is None:
                raise LibraryError(
                    f"there is no backup of {path} that passes the integrity check; "
                    f"run '{maintenance.COMMAND} check --repair new' to start a new library (the damaged file is kept aside)"
                )
    kept = move_aside(path)
    if chosen is not None:
        _restore_copy(chosen.path, path)
    try:
        Library.open(path).close()  # upgrades a restored backup's schema, or creates the new library
    except LibraryError:
        if chosen is not None:
            raise
    return RecoveryResult(path, kept, chosen)


def refuse_unless_library(path: Path) -> None:
    """Raise NotALibrary for what must never be renamed as a damaged library (a folder, a device, a FIFO,
    another kind of file the user named by mistake); a missing file is fine (a new library starts there)."""
    kind = libfile.kind_of(path)
    if kind is not None:
        raise NotALibrary(f"{path} is {kind}, not a library file; nothing was changed")
    if path.exists() and not libfile.looks_like_library(path, libfile.read_head(path), default_db_path()):
        raise NotALibrary(f"{path} is {libfile.what_is(path, libfile.read_head(path))}, not a Bilingual Reader "
                          "library; nothing was changed (give the path of the library file)")


def move_aside(lib_path: str | Path) -> list[Path]:
    """Rename the library file and its -wal/-shm/-journal companions to `….damaged-<stamp>`; returns new names."""
    path = Path(lib_path)
    refuse_unless_library(path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    moved = []
    for suffix in ("", "-wal", "-shm", "-journal"):
        src = Path(f"{path}{suffix}")
        if not src.exists():
            continue
        dest = libfile.aside_name(src, "damaged", stamp)
        try:
            os.rename(src, dest)
        except OSError as exc:
            raise LibraryError(f"cannot move {src} aside: {exc.strerror or exc}; close the app and try again") from exc
        moved.append(dest)
    return moved


def _restore_copy(source: Path, lib_path: Path) -> None:
    """Copy a backup into place through SQLite (so the result is a consistent file), then rename."""
    tmp = Path(f"{lib_path}.restoring")
    maintenance.unlink_quietly(tmp)
    try:
        src = sqlite3.connect(maintenance.ro_uri(source, immutable=True), uri=True)
        try:
            dest = sqlite3.connect(str(tmp))
            try:
                src.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
        finally:
            src.close()
        os.replace(tmp, lib_path)
        maintenance.fsync_dir(lib_path.parent)
    except (sqlite3.Error, OSError) as exc:
        maintenance.unlink_quietly(tmp)
        raise LibraryError(f"cannot restore {source} into {lib_path}: {exc}") from exc
