"""Errors a user can cause (core layer). The CLI prints them as one line; the GUI shows them in a dialog."""
from __future__ import annotations


class ReaderError(Exception):
    """A problem the user can understand and fix: shown as a one-line message, never as a traceback."""


class ImportFailed(ReaderError):
    """A file could not be imported (not text, empty, unreadable). Nothing was written for it."""


class LibraryError(ReaderError):
    """The library file cannot be used (damaged, newer schema, not a library, read-only, disk full)."""


class NotFound(ReaderError):
    """An article, annotation or tag id that does not exist."""


class LibraryDamaged(LibraryError):
    """The library file is damaged; `check --repair restore|new` (or `repair.recover`) puts it right."""


class NotALibrary(LibraryError):
    """The path names something that is not a library (a folder, a device, another program's file)."""


class LibraryReadOnly(LibraryError):
    """The library cannot be written (read-only file, folder or disk); it can still be read."""


class DiskFull(LibraryError):
    """The disk holding the library is full; the library itself is intact."""


class LibraryBusy(LibraryError):
    """Another program holds the library's write lock for longer than the busy timeout."""


class LibraryUnavailable(LibraryError):
    """The library cannot be reached or opened (an I/O error, no permission, a deleted `-wal`); not damage."""
