"""Undoable edits (core layer): what a data-changing operation returns, so any front end can undo it.

An `Edit` carries what the operation changed (`changed`, for views to refresh) and two callables:
`undo()` and `redo()`, each of which is itself one committed transaction returning what it changed.
A GUI wraps an Edit in a QUndoCommand whose undo()/redo() just call these; the first redo() of a
QUndoCommand must be skipped, because the operation has already been applied when the Edit exists.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reader.core.library import Changed


@dataclass
class Edit:
    """One applied change: `undo()` reverts it, `redo()` applies it again (both committed at once)."""

    label: str
    changed: Changed
    _undo: Callable[[], Changed] = field(repr=False)
    _redo: Callable[[], Changed] = field(repr=False)
    annotation: Any = None  # the Annotation created or changed, when there is one
    tag: Any = None  # the Tag created or changed, when there is one
    before: Any = None  # the value before (note text, colour, tag list) when the edit changed one value
    after: Any = None

    @property
    def noop(self) -> bool:
        """True when the operation found nothing to change (e.g. the same note text again)."""
        return self.changed == Changed()

    def undo(self) -> Changed:
        return self._undo()

    def redo(self) -> Changed:
        return self._redo()


def noop_edit(label: str, **values: Any) -> Edit:
    """An edit that changed nothing: undo and redo do nothing either."""
    return Edit(label, Changed(), Changed, Changed, **values)
