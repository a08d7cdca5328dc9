"""The dictionary popup's glossary box (gui layer): your own translation, note and parent word, edited in place.

Shown first in the popup, above the dictionary senses. Read mode: your translation, the note as plain text
(Markdown as typed; nothing is interpreted, so nothing is loaded), the parent word and the words under it
as links that look them up. Edit mode: a translation line, a note and a parent line with Save and Cancel;
Enter saves (Shift+Enter is a new line in the note), Esc cancels. Long text wraps anywhere, even inside a
long Latin word or an address, so nothing runs past the popup's edge; past four lines of translation or
six of note it scrolls, so the senses below keep their room.
"""
from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextOption
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader.core.glossary import MAX_PARENT, MAX_TRANSLATION, Gloss
from reader.gui.safe_text import InertDocument

HEAD_SPACING = 6  # pixels between your translation and the Edit button


class WrappedText(QTextEdit):
    """Read-only plain text that wraps anywhere, as tall as its lines up to `max_lines` (then it scrolls)."""

    def __init__(self, parent: QWidget, max_lines: int) -> None:
        super().__init__(parent)
        self.max_lines = max_lines
        self.setDocument(InertDocument(self))
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.viewport().setAutoFillBackground(False)
        self.setStyleSheet("QTextEdit { background: transparent; }")
        self.document().setDocumentMargin(0)

    def set_text(self, text: str, width: int) -> None:
        """Show `text` at a fixed width, as tall as its wrapped lines or `max_lines`, whichever is less."""
        self.setPlainText(text)
        self.setFixedWidth(width)
        full = self.height_for(width)
        cap = self.fontMetrics().lineSpacing() * self.max_lines + 4
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded if full > cap
                                        else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedHeight(min(full, cap))

    def height_for(self, width: int) -> int:
        """The height the text needs at a width (for the popup's size before it is laid out)."""
        if not self.toPlainText():
            return 0
        doc = self.document()  # laid out at the width the widget gets (it has that fixed width)
        doc.setDefaultFont(self.font())
        doc.setTextWidth(max(1, width))
        return int(doc.size().height() + 0.999) + 2


class GlossBox(QFrame):
    """Your own translation, note and parent for the popup's word; emits what the reader asks for."""

    saveRequested = Signal(str, str, str)  # translation, note, parent
    lookUpRequested = Signal(str)  # the parent or a word under it: show it in the popup
    editingChanged = Signal(bool)

    def __init__(self, parent: QWidget, width: int) -> None:
        super().__init__(parent)
        self.setObjectName("glossBox")
        self.setFixedWidth(width)  # the popup's is fixed: text heights are known before it is laid out
        self.setProperty("i18n_own", True)
        self.gloss = Gloss("")
        self.children_: list[str] = []  # words whose parent this is (not QObject.children)
        self.link_colour = ""
        self.editing = False
        # read mode
        self.translation_view = WrappedText(self, 4)
        self.translation_view.setObjectName("glossTranslation")
        font = self.translation_view.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.translation_view.setFont(font)
        self.note_view = WrappedText(self, 6)
        self.note_view.setObjectName("glossNote")
        self.links = QLabel(self)  # parent and children: our own escaped text, links by index
        self.links.setObjectName("glossLinks")
        self.links.setTextFormat(Qt.TextFormat.RichText)
        self.links.setWordWrap(True)
        self.links.setOpenExternalLinks(False)
        self.links.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.links.linkActivated.connect(self._link)
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("glossEdit")
        self.edit_button.setFlat(True)
        self.edit_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.edit_button.clicked.connect(self.start_editing)
        # edit mode
        self.translation_edit = QLineEdit(self)
        self.translation_edit.setObjectName("glossTranslationEdit")
        self.translation_edit.setMaxLength(MAX_TRANSLATION)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("glossNoteEdit")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(64)
        self.parent_edit = QLineEdit(self)
        self.parent_edit.setObjectName("glossParentEdit")
        self.parent_edit.setMaxLength(MAX_PARENT)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("glossSave")
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("glossCancel")
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        for editor in (self.translation_edit, self.note_edit, self.parent_edit):
            editor.installEventFilter(self)
        for button in (self.edit_button, self.save_button, self.cancel_button):
            button.setAutoDefault(False)
        self.read_widgets: tuple[QWidget, ...] = (self.translation_view, self.note_view, self.links)
        self.edit_widgets: tuple[QWidget, ...] = (self.translation_edit, self.note_edit, self.parent_edit,
                                                  self.save_button, self.cancel_button)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.setSpacing(HEAD_SPACING)
        head.addWidget(self.translation_view, 1)
        head.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(3)
        col.addLayout(head)
        col.addWidget(self.note_view)
        col.addWidget(self.links)
        col.addWidget(self.translation_edit)
        col.addWidget(self.note_edit)
        col.addWidget(self.parent_edit)
        col.addLayout(buttons)
        self.retranslate()
        self._show_mode()

    # ---- text ------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        empty = self.gloss.empty
        self.edit_button.setText(self.tr("+ My translation") if empty else self.tr("✎ Edit"))
        self.edit_button.setToolTip(self.tr("Write your own translation, a note and a parent word for this word (E)"))
        self.translation_edit.setPlaceholderText(self.tr("Your translation"))
        self.note_edit.setPlaceholderText(self.tr("Note (plain text; Shift+Enter for a new line)"))
        self.parent_edit.setPlaceholderText(self.tr("Parent word, e.g. 看 for 看见"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save (Enter); can be undone"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Leave it as it was (Esc)"))
        self._fill_links()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_gloss(self, gloss: Gloss | None, children: list[str], *, link_colour: str = "") -> None:
        """Show a word's gloss (None: the reader wrote none) and the words whose parent it is."""
        self.gloss = gloss or Gloss("")
        self.children_ = list(children)
        self.link_colour = link_colour
        self.retranslate()  # the Edit button's text first: the translation gets the width beside it
        width = self.width()
        self.translation_view.set_text(self.gloss.translation, width - self._button_width() - HEAD_SPACING)
        self.note_view.set_text(self.gloss.note, width)
        self._show_mode()

    def _button_width(self) -> int:
        return self.edit_button.sizeHint().width()

    def _fill_links(self) -> None:
        style = f' style="color:{self.link_colour}"' if self.link_colour else ""

        def link(index: int, word: str) -> str:
            return f'<a href="word:{index}"{style}>{html.escape(word)}</a>'

        parts = []
        if self.gloss.parent:
            parts.append(self.tr("Part of %1").replace("%1", link(0, self.gloss.parent)))
        if self.children_:
            words = " · ".join(link(i + 1, w) for i, w in enumerate(self.children_))
            parts.append(self.tr("Family: %1").replace("%1", words))
        self.links.setText("<br>".join(parts))

    def _link(self, href: str) -> None:
        try:
            index = int(href.removeprefix("word:"))
        except ValueError:
            return
        words = [self.gloss.parent, *self.children_]
        if 0 <= index < len(words) and words[index]:
            self.lookUpRequested.emit(words[index])

    # ---- modes -----------------------------------------------------------------------------------
    def _show_mode(self) -> None:
        for widget in self.edit_widgets:
            widget.setVisible(self.editing)
        self.translation_view.setVisible(not self.editing and bool(self.gloss.translation))
        self.note_view.setVisible(not self.editing and bool(self.gloss.note))
        self.links.setVisible(not self.editing and bool(self.links.text()))
        self.edit_button.setVisible(not self.editing)
        self.setFixedHeight(self.natural_height())  # known here, so the popup never squeezes it

    def start_editing(self) -> None:
        self.translation_edit.setText(self.gloss.translation)
        self.note_edit.setPlainText(self.gloss.note)
        self.parent_edit.setText(self.gloss.parent)
        self.editing = True
        self._show_mode()
        self.translation_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.editingChanged.emit(True)

    def stop_editing(self) -> None:
        if self.editing:
            self.editing = False
            self._show_mode()
            self.editingChanged.emit(False)

    def hideEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        # The popup hid (another article, Esc in the text, scrolled away): an edit not saved is left, as
        # Cancel leaves it, so hovering works again when the popup comes back.
        self.stop_editing()
        super().hideEvent(event)

    def values(self) -> tuple[str, str, str]:
        return self.translation_edit.text(), self.note_edit.toPlainText(), self.parent_edit.text()

    def save(self) -> None:
        if self.editing:
            self.saveRequested.emit(*self.values())

    def cancel(self) -> None:
        self.stop_editing()

    def natural_height(self) -> int:
        """The height this box needs in its current mode."""
        spacing = self.layout().spacing()
        if self.editing:
            parts = [self.translation_edit.sizeHint().height(), self.note_edit.height(),
                     self.parent_edit.sizeHint().height(), self.save_button.sizeHint().height()]
        else:
            parts = [max(self.edit_button.sizeHint().height(), self.translation_view.height())]
            if self.gloss.note:
                parts.append(self.note_view.height())
            if self.links.text():
                parts.append(self.links.heightForWidth(self.width()))
        return sum(parts) + spacing * (len(parts) - 1)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # Enter saves and Esc cancels in the editors (Shift+Enter: a new line in the note); Esc must not
        # reach the popup, which would close with the edit in it.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self.editing:
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.cancel()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                    obj is self.note_edit and event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
                self.save()
                return True
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and self.editing:
            event.accept()  # typing here: no window shortcut (tag keys 1–9, H, N …) may take the key
            return False
        return super().eventFilter(obj, event)
