"""The tag manager (gui layer): add, rename, recolour, reorder, set keys of and delete tags — all undoable.

Opened from Edit → Tags…. Each change is a core `Tags` operation whose Edit goes on the window's undo
stack through the annotation controller, so Ctrl+Z (also inside this dialog) takes it back. Deleting a
tag that annotations use asks first, saying how many.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import ReaderError
from reader.core.tags import SHORTCUTS, Tag, Tags
from reader.gui import safe_text

TAG_ROLE = Qt.ItemDataRole.UserRole


class TagManagerDialog(QDialog):
    def __init__(self, controller, parent: QWidget | None = None) -> None:  # noqa: ANN001 - AnnotationController
        super().__init__(parent)
        self.controller = controller
        self.tags = Tags(controller.lib)
        self.setWindowTitle(self.tr("Tags"))
        self.resize(560, 460)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Tag"), self.tr("Chinese"), self.tr("Key"), self.tr("Colour")])
        self.tree.setRootIsDecorated(True)
        self.tree.setColumnWidth(0, 180)
        self.tree.setColumnWidth(1, 130)
        self.tree.setColumnWidth(2, 50)
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        self.tree.itemDoubleClicked.connect(lambda *_: self.rename())
        buttons = QVBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, label, slot in (
            ("add", self.tr("&Add…"), self.add), ("rename", self.tr("&Rename…"), self.rename),
            ("colour", self.tr("&Colour…"), self.recolour), ("key", self.tr("&Key…"), self.set_key),
            ("up", self.tr("Move &up"), lambda: self.move(-1)), ("down", self.tr("Move &down"), lambda: self.move(1)),
            ("delete", self.tr("&Delete"), self.delete),
        ):
            b = QPushButton(label, self)
            b.setAutoDefault(False)
            b.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(b)
            self.buttons[key] = b
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.tree, 1)
        row.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(row, 1)
        lay.addWidget(close)
        self.addAction(controller.act_undo)
        self.addAction(controller.act_redo)
        controller.stack.indexChanged.connect(self._stack_moved)
        self._connected = True
        self.finished.connect(self._disconnect)
        self.populate()

    # ---- the list -------------------------------------------------------------------------------
    def populate(self, select: int | None = None) -> None:
        current = select if select is not None else (self.current().id if self.current() else None)
        self.tree.clear()
        chosen: QTreeWidgetItem | None = None
        for tagset in self.tags.tagsets():
            top = QTreeWidgetItem(self.tree, [tagset.name, tagset.name_zh or ""])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for t in tagset.tags:
                item = QTreeWidgetItem(top, [t.name, t.name_zh or "", t.shortcut or "", t.color])
                item.setData(0, TAG_ROLE, t.id)
                item.setBackground(3, QColor(t.color))
                item.setForeground(3, QColor("#1a1a1a") if QColor(t.color).lightnessF() > 0.55 else QColor("#ffffff"))
                if t.id == current:
                    chosen = item
            top.setExpanded(True)
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        self._enable()

    def current(self) -> Tag | None:
        item = self.tree.currentItem()
        tag_id = item.data(0, TAG_ROLE) if item is not None else None
        if tag_id is None:
            return None
        try:
            return self.tags.get(int(tag_id))
        except ReaderError:
            return None

    def _enable(self) -> None:
        has = self.current() is not None
        for key in ("rename", "colour", "key", "up", "down", "delete"):
            self.buttons[key].setEnabled(has)

    def _disconnect(self, _result: int = 0) -> None:
        if self._connected:
            self._connected = False
            self.controller.stack.indexChanged.disconnect(self._stack_moved)

    def _stack_moved(self, _index: int) -> None:
        if self.isVisible():  # an undo or redo while the dialog is open
            self.populate()

    # ---- operations -----------------------------------------------------------------------------
    def _apply(self, fn, *args, **kwargs) -> bool:  # noqa: ANN001, ANN002, ANN003
        try:
            edit = fn(*args, **kwargs)
        except ReaderError as exc:
            safe_text.warning(self, self.tr("Tags"), str(exc))
            return False
        self.controller.push(edit)
        self.populate(select=edit.tag.id if edit.tag is not None else None)
        return True

    def add(self) -> None:
        sets = [s.name for s in self.tags.tagsets()]
        current = self.current()
        start = sets.index(current.tagset) if current and current.tagset in sets else 0
        tagset, ok = QInputDialog.getItem(self, self.tr("Add a tag"), self.tr("Tagset (type a new name for a new one):"),
                                          sets or ["Tags"], start, True)
        if not ok or not tagset.strip():
            return
        name, ok = QInputDialog.getText(self, self.tr("Add a tag"), self.tr("English name:"))
        if not ok or not name.strip():
            return
        zh, ok = QInputDialog.getText(self, self.tr("Add a tag"), self.tr("Chinese name (optional):"))
        if not ok:
            return
        self._apply(self.tags.add, tagset.strip(), name.strip(), name_zh=zh.strip() or None, color=_next_colour(self.tags))

    def rename(self) -> None:
        tag = self.current()
        if tag is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename tag"), self.tr("English name:"), text=tag.name)
        if not ok:
            return
        zh, ok = QInputDialog.getText(self, self.tr("Rename tag"), self.tr("Chinese name:"), text=tag.name_zh or "")
        if not ok:
            return
        if name.strip() == tag.name and (zh.strip() or None) == tag.name_zh:
            return
        self._apply(self.tags.rename, tag.id, name=name, name_zh=zh)

    def recolour(self) -> None:
        tag = self.current()
        if tag is None:
            return
        colour = QColorDialog.getColor(QColor(tag.color), self, self.tr("Colour of %1").replace("%1", tag.name))
        if colour.isValid() and colour.name().lower() != tag.color.lower():
            self._apply(self.tags.recolor, tag.id, colour.name())

    def set_key(self) -> None:
        tag = self.current()
        if tag is None:
            return
        none = self.tr("None")
        choices = [none, *SHORTCUTS]
        start = choices.index(tag.shortcut) if tag.shortcut in choices else 0
        key, ok = QInputDialog.getItem(self, self.tr("Key"), safe_text.tip(self.tr("Key for %1:").replace("%1", tag.name)),
                                       choices, start, False)
        if not ok:
            return
        value = None if key == none else key
        if value != tag.shortcut:
            self._apply(self.tags.set_shortcut, tag.id, value)

    def move(self, step: int) -> None:
        tag = self.current()
        if tag is None:
            return
        siblings = [t for t in self.tags.all() if t.tagset_id == tag.tagset_id]
        k = next(i for i, t in enumerate(siblings) if t.id == tag.id)
        j = k + step
        if not 0 <= j < len(siblings):
            return
        siblings[k], siblings[j] = siblings[j], siblings[k]
        if self._apply(self.tags.reorder, tag.tagset, [t.id for t in siblings]):
            self.populate(select=tag.id)

    def delete(self) -> None:
        tag = self.current()
        if tag is None:
            return
        used = self.tags.usage(tag.id)
        if used:
            text = (self.tr("1 annotation uses the tag %1. Delete it and take it off it?") if used == 1 else
                    self.tr("%2 annotations use the tag %1. Delete it and take it off them?")).replace(
                "%1", tag.name).replace("%2", str(used))
            answer = safe_text.question(
                self, self.tr("Delete tag"), text,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._apply(self.tags.delete, tag.id, force=bool(used))


def _next_colour(tags: Tags) -> str:
    """A colour for a new tag that no tag has yet."""
    palette = ("#5b9bd5", "#5cb85c", "#e06666", "#f0ad4e", "#a77bca", "#3fb6a8", "#e879b9", "#c9b458", "#8d9db6")
    used = {t.color.lower() for t in tags.all()}
    return next((c for c in palette if c not in used), "#9e9e9e")
