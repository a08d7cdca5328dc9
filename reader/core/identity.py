"""Whose library this is (core layer): the library's stable id, and the reader's name as a label.

Every library gets a random id once (schema migration 5, table `library_identity`) that never changes;
a copy or backup of the file keeps it. The user's own data (vocabulary, scaffolding level, reading
positions) belongs to the library, keyed by `owner_key` — the reader's name is only a label, so renaming
keeps everything. A hand-in carries the id, which is how a teacher's library keeps students apart
(reader.core.classroom).

The name signs new annotations and hand-ins. It is never taken from the operating system (a shared lab
login would stamp every student's work with the same name): until the reader gives one, `name_set` is
None and annotations are signed `UNNAMED`. A name is one line, 1–100 characters, without bidi controls
(reader.core.untrusted.clean_name): what the app writes it reads back.
"""
from __future__ import annotations

import sqlite3
from typing import Protocol

from reader.core import untrusted as u
from reader.core.changes import Changed
from reader.core.errors import LibraryError


class Library(Protocol):
    """What identity needs of an open library (reader.core.library.Library): its connection and settings."""

    conn: sqlite3.Connection

    def get_setting(self, key: str, default: object = None) -> object: ...

    def set_setting(self, key: str, value: object) -> Changed: ...

NAME_SETTING = "reader_name"
UNNAMED = "reader"  # the label of new annotations until the reader gives a name


def library_id(lib: Library) -> str:
    """The library's stable random id (32 hex digits)."""
    try:
        row = lib.conn.execute("SELECT id FROM library_identity").fetchone()
    except sqlite3.OperationalError as exc:  # opened without migrating (schema before 5)
        raise LibraryError("the library must be upgraded before its identity can be read") from exc
    if row is None:
        raise LibraryError("the library has no identity row (library_identity is empty)")
    return str(row[0])


def owner_key(lib: Library) -> str:
    """The key the user's own rows (vocabulary, level, reading positions) are stored under: the library id."""
    return library_id(lib)


def name_set(lib: Library) -> str | None:
    """The name the reader gave, or None when none was given yet."""
    value = lib.get_setting(NAME_SETTING)
    return value.strip() if isinstance(value, str) and value.strip() else None


def display_name(lib: Library) -> str:
    """The label of new annotations: the reader's name, else UNNAMED (never the operating system's user)."""
    return name_set(lib) or UNNAMED


def set_name(lib: Library, name: str) -> Changed:
    """Give the reader a name (one line, ≤ 100 characters). Refuses the label of a merged student's layer:
    a layer is replaced by author, so the reader's own annotations must never carry a student's label."""
    clean = u.clean_name(name, "the reader name")
    row = lib.conn.execute("SELECT name FROM class_students WHERE label = ?", (clean,)).fetchone()
    if row is not None:
        raise LibraryError(f"“{clean}” is the name of a student's merged hand-in in this library; choose another")
    return lib.set_setting(NAME_SETTING, clean)
