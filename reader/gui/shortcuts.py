"""Keyboard shortcuts (gui layer): the platform's standard keys bound once each, and Help → Keyboard Shortcuts.

`standard_keys(QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y")` is every key the platform uses for
an action plus the ones readers expect everywhere, without repeats: a key bound twice (even to one action)
makes Qt report "Ambiguous shortcut overload" and do nothing. `ShortcutsDialog` lists every shortcut of a
main window's actions, menu by menu, and the keys of the reading view, in the interface language.
"""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

NATIVE = QKeySequence.SequenceFormat.NativeText
_MNEMONIC = re.compile(r"\s*\(&\w\)")  # 导入(&I)


def standard_keys(key: QKeySequence.StandardKey, *also: str) -> list[QKeySequence]:
    """The platform's keys for a standard action, then `also`, each once."""
    out: list[QKeySequence] = []
    for seq in [*QKeySequence.keyBindings(key), *(QKeySequence(k) for k in also)]:
        if not seq.isEmpty() and seq not in out:
            out.append(seq)
    return out


def action_name(action: QAction) -> str:
    """An action's text as a reader sees it in a list: no & marks (nor Chinese "(&F)"), no key hint after a tab."""
    text = _MNEMONIC.sub("", action.text().split("\t", 1)[0])
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…")


class ShortcutsDialog(QDialog):
    """Every shortcut of the window: the menus' actions (menu by menu), the other actions, the view's keys."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action"), self.tr("Where")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for keys, what, where in self._rows(window):
            row = self.table.rowCount()
            self.table.insertRow(row)
            for col, text in enumerate((keys, what, where)):
                item = QTableWidgetItem(text)  # item text is always plain
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, col, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.resize(620, 560)

    def _rows(self, window: QWidget) -> list[tuple[str, str, str]]:
        rows: list[tuple[str, str, str]] = []
        listed: set[int] = set()

        def add(action: QAction, where: str) -> None:
            keys = [s.toString(NATIVE) for s in action.shortcuts() if not s.isEmpty()]
            if keys and id(action) not in listed and action_name(action):
                listed.add(id(action))
                rows.append((", ".join(keys), action_name(action), where))

        def walk(menu: QMenu, where: str) -> None:
            for act in menu.actions():
                if act.menu() is not None:
                    walk(act.menu(), f"{where} → {action_name(act.menu().menuAction())}")
                else:
                    add(act, where)

        bar = window.menuBar() if hasattr(window, "menuBar") else None
        if bar is not None:
            for top in bar.actions():
                if top.menu() is not None:
                    walk(top.menu(), action_name(top))
        reading = self.tr("Reading")
        for act in window.findChildren(QAction):
            add(act, reading)
        rows += [
            (self.tr("Space, Page Down"), self.tr("Next page"), reading),
            (self.tr("Shift+Space, Page Up"), self.tr("Previous page"), reading),
            (self.tr("Up, Down"), self.tr("Scroll by a line"), reading),
            (self.tr("Home, End"), self.tr("Beginning or end of the article"), reading),
            (self.tr("Shift+Arrows"), self.tr("Extend the selection"), reading),
            (self.tr("Double-click"), self.tr("Select a word"), reading),
            (self.tr("1–5 (nothing selected)"),
             self.tr("Word status learning 1–5 of the word under the pointer, else the word last clicked"), reading),
            (self.tr("Click, or rest the mouse on a word"), self.tr("Dictionary popup"), reading),
            (self.tr("Left, Right"), self.tr("Previous or next word in the dictionary popup"), reading),
            (self.tr("Esc"), self.tr("Close the dictionary popup; again: clear the selection"), reading),
            (self.tr("Esc"), self.tr("Leave the note (it is saved) and return to the text"), self.tr("Note")),
        ]
        return rows

    def listed_keys(self) -> set[str]:
        """Every key listed (each of a row's keys on its own)."""
        out: set[str] = set()
        for row in range(self.table.rowCount()):
            out.update(k.strip() for k in self.table.item(row, 0).text().split(", "))
        return out

    def descriptions(self) -> list[str]:
        return [self.table.item(row, 1).text() for row in range(self.table.rowCount())]
