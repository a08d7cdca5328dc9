"""Status from the vocabulary list (gui layer): a right-click menu and keys 1–5, K, I, N on the table; undoable.

While the table has the focus, 1–5 (learning), K (known), I (ignored) and N (new) set the selected word's
status, as the dictionary popup's keys do (the window's tag shortcuts do not take them there). The status
belongs to the word in both scripts (reader.core.word_status); each change is one step of the window's Undo.
"""
from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import QMenu, QTableView, QWidget

from reader.core.errors import ReaderError
from reader.core.library import Library
from reader.core.vocabulary import VocabEntry
from reader.core.word_status import LEARNING, STATUSES, set_word_status
from reader.gui.commands import EditCommand

_KEYS = {Qt.Key.Key_1.value: "learning1", Qt.Key.Key_2.value: "learning2", Qt.Key.Key_3.value: "learning3",
         Qt.Key.Key_4.value: "learning4", Qt.Key.Key_5.value: "learning5", Qt.Key.Key_K.value: "known",
         Qt.Key.Key_I.value: "ignored", Qt.Key.Key_N.value: "new"}
_KEY_NAMES = {"new": "N", "known": "K", "ignored": "I", **{s: s[-1] for s in LEARNING}}


class StatusPanel(Protocol):
    """The vocabulary panel, as the status menu and keys use it."""

    lib: Library
    table: QTableView

    def selected(self) -> VocabEntry | None: ...
    def changed(self) -> None: ...
    def status_name(self, status: str) -> str: ...
    def undo_stack(self) -> QUndoStack | None: ...
    def report_error(self, title: str, message: str) -> None: ...


class StatusControl(QObject):
    """The table's status menu and keys."""

    def __init__(self, panel: StatusPanel) -> None:
        super().__init__(panel)  # type: ignore[arg-type] - the panel is a QWidget
        self.panel = panel
        table = panel.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._menu_at)
        table.installEventFilter(self)

    def menu(self, entry: VocabEntry, parent: QWidget) -> QMenu:
        """Status ▸ New, Learning 1–5, Known, Ignored (the word's own checked), for one word."""
        menu = QMenu(parent)
        sub = menu.addMenu(self.tr("Status"))
        for status in STATUSES:
            action = sub.addAction(f"{self.panel.status_name(status)}\t{_KEY_NAMES[status]}")
            action.setCheckable(True)
            action.setChecked(entry.status == status)
            action.triggered.connect(lambda _checked=False, s=status: self.set_status(s))
        return menu

    def _menu_at(self, pos: QPoint) -> None:
        table = self.panel.table
        index = table.indexAt(pos)
        if index.isValid():
            table.selectRow(index.row())
        entry = self.panel.selected()
        if entry is None:
            return
        menu = self.menu(entry, table)
        menu.exec(table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def set_status(self, status: str) -> bool:
        """Give the selected word a status (every reading, both scripts), undoably."""
        entry = self.panel.selected()
        if entry is None:
            return False
        try:
            edit = set_word_status(self.panel.lib, entry.simplified, status)
        except ReaderError as exc:
            self.panel.report_error(self.tr("Cannot change the word"), str(exc))
            return False
        if edit.noop:
            return True
        stack = self.panel.undo_stack()
        if stack is not None:
            text = self.tr("mark %1 %2").replace("%1", entry.simplified).replace(
                "%2", self.panel.status_name(status).lower())
            stack.push(EditCommand(edit, lambda _changed, _article_id: self.panel.changed(), text=text))
        self.panel.changed()
        return True

    @staticmethod
    def _status_for(event: QKeyEvent) -> str | None:
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return None
        key = event.key()
        return _KEYS.get(key.value if isinstance(key, Qt.Key) else int(key))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is self.panel.table and isinstance(event, QKeyEvent):
            status = self._status_for(event)
            if status is not None and self.panel.selected() is not None:
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()  # the table's key, not a tag shortcut of the window
                    return True
                if event.type() == QEvent.Type.KeyPress:
                    self.set_status(status)
                    return True
        return super().eventFilter(obj, event)
