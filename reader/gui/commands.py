"""Undo commands (gui layer): QUndoCommands wrapping the core's already-applied, undoable `Edit`s.

Every core operation is applied (and committed) before its command is pushed, so a command's first
`redo()` (which QUndoStack.push calls) does nothing; later ones call `edit.redo()`, and `undo()` calls
`edit.undo()`. After each step the command reports what changed through `notify(changed, article_id)`,
which refreshes the views (the annotation controller broadcasts it on the SignalHub).

Note edits made in one typing burst merge into one step (`NoteCommand.mergeWith`): undo goes back to the
text before the burst, redo to its last text.

A command's text is the core Edit's English label ("highlight “聯合國”") in the interface language
(`command_text`); `retranslate()` renews it when the language changes.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from reader.core.edits import Edit
from reader.core.library import Changed

Notify = Callable[[Changed, "int | None"], None]
NOTE_COMMAND_ID = 0x4E4F5445  # "NOTE"


def _labels() -> list[tuple[str, str]]:
    """(pattern of a core Edit label, its text in the interface language with %1 and %2 for the parts)."""
    return [
        (r"highlight (.+)", QCoreApplication.translate("UndoCommand", "highlight %1")),
        (r"delete highlight (.+)", QCoreApplication.translate("UndoCommand", "delete highlight %1")),
        (r"restore highlight (.+)", QCoreApplication.translate("UndoCommand", "restore highlight %1")),
        (r"edit note", QCoreApplication.translate("UndoCommand", "edit note")),
        (r"change colour", QCoreApplication.translate("UndoCommand", "change colour")),
        (r"(?:set|change) tags", QCoreApplication.translate("UndoCommand", "change tags")),
        (r"tag (.+)", QCoreApplication.translate("UndoCommand", "tag %1")),
        (r"untag (.+)", QCoreApplication.translate("UndoCommand", "untag %1")),
        (r"confirm position", QCoreApplication.translate("UndoCommand", "confirm position")),
        (r"new revision of article (\d+)", QCoreApplication.translate("UndoCommand", "new revision of article %1")),
        (r"add tag (.+)", QCoreApplication.translate("UndoCommand", "add tag %1")),
        (r"delete tag (.+)", QCoreApplication.translate("UndoCommand", "delete tag %1")),
        (r"rename tag (.+)", QCoreApplication.translate("UndoCommand", "rename tag %1")),
        (r"recolour tag (.+)", QCoreApplication.translate("UndoCommand", "recolour tag %1")),
        (r"set the shortcut of (.+)", QCoreApplication.translate("UndoCommand", "set the shortcut of %1")),
        (r"reorder (.+)", QCoreApplication.translate("UndoCommand", "reorder %1")),
        (r"read (.) as (.+)", QCoreApplication.translate("UndoCommand", "read %1 as %2")),
        (r"fix reading", QCoreApplication.translate("UndoCommand", "fix reading")),
        (r"restore automatic reading", QCoreApplication.translate("UndoCommand", "restore automatic reading")),
    ]


def command_text(label: str) -> str:
    """A core Edit's label in the interface language; a label of no known form is shown as it is."""
    for pattern, text in _labels():
        match = re.fullmatch(pattern, label, re.DOTALL)
        if match:
            for n, part in enumerate(match.groups(), 1):
                text = text.replace(f"%{n}", part)
            return text
    return label


class EditCommand(QUndoCommand):
    """One applied core Edit on the undo stack."""

    def __init__(self, edit: Edit, notify: Notify, article_id: int | None = None, text: str | None = None) -> None:
        super().__init__(text or command_text(edit.label))
        self.label = None if text else edit.label
        self.edit = edit
        self.notify = notify
        self.article_id = article_id
        self._applied = True  # the operation already ran when the Edit was returned

    def retranslate(self) -> None:
        if self.label is not None:
            self.setText(command_text(self.label))

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
                 text: str | None = None) -> None:
        super().__init__(text or command_text(edit.label))
        self.first = edit
        self.last = edit
        self.annotation_id = annotation_id
        self.burst = burst
        self.notify = notify
        self.article_id = article_id
        self._applied = True

    def id(self) -> int:
        return NOTE_COMMAND_ID

    def retranslate(self) -> None:
        self.setText(command_text(self.first.label))

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
