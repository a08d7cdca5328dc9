"""Errors a user can cause (core layer). The CLI prints them as one line; the GUI shows them in a dialog."""
from __future__ import annotations


class ReaderError(Exception):
    """A problem the user can understand and fix: shown as a one-line message, never as a traceback."""


class ImportFailed(ReaderError):
    """A file could not be imported (not text, empty, unreadable). Nothing was written for it."""


class LibraryError(ReaderError):
    """The library file cannot be used (corrupt, newer schema, not a library)."""


class NotFound(ReaderError):
    """An article, annotation or tag id that does not exist."""
