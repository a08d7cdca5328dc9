"""Undo commands (gui layer): QUndoCommands wrapping the core's already-applied, undoable `Edit`s.

Every core operation is applied (and committed) before its command is pushed, so a command's first
`redo()` (which QUndoStack.push calls) does nothing; later ones call `edit.redo()`, and `undo()` calls
`edit.undo()`. After each step the command reports what changed through `notify(changed, article_id)`,
which refreshes the views (the annotation controller broadcasts it on the SignalHub).

Note edits made in one typing burst merge into one step (`NoteCommand.mergeWith`): undo goes back to the
text before the burst, redo to its last text.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from reader.core.edits import Edit
from reader.core.library import Changed

Notify = Callable[[Changed, "int | None"], None]
NOTE_COMMAND_ID = 0x4E4F5445  # "NOTE"


class EditCommand(QUndoCommand):
    """One applied core Edit on the undo stack."""

    def __init__(self, edit: Edit, notify: Notify, article_id: int | None = None, text: str | None = None) -> None:
        super().__init__(text or edit.label)
        self.edit = edit
        self.notify = notify
        self.article_id = article_id
        self._applied = True  # the operation already ran when the Edit was returned

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.notify(self.edit.redo(), self.article_id)

    def undo(self) -> None:
        self.notify(self.edit.undo(), self.article_id)


class NoteCommand(QUndoCommand):
    """A note edit; consecutive edits of the same annotation in the same burst merge into one step."""

    def __init__(self, edit: Edit, annotation_id: int, burst: int, notify: Notify, article_id: int | None,
                 text: str) -> None:
        super().__init__(text)
        self.first = edit
        self.last = edit
        self.annotation_id = annotation_id
        self.burst = burst
        self.notify = notify
        self.article_id = article_id
        self._applied = True

    def id(self) -> int:
        return NOTE_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, NoteCommand):
            return False
        if other.annotation_id != self.annotation_id or other.burst != self.burst:
            return False
        self.last = other.last
        if self.after == self.before:  # typed and taken back: nothing left to undo
            self.setObsolete(True)
        return True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.notify(self.last.redo(), self.article_id)

    def undo(self) -> None:
        # The first edit's undo writes the text from before the burst (its `before`).
        self.notify(self.first.undo(), self.article_id)

    @property
    def before(self) -> str:
        return str(self.first.before or "")

    @property
    def after(self) -> str:
        return str(self.last.after or "")
