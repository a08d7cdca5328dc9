"""The dictionary popup's vocabulary buttons (gui layer): the word's state and status, set it, show it in the list.

The state comes from the reader's vocabulary list (rows keyed by the library's id and the simplified form),
so a word's status set while reading in one script shows in the other. Setting a status (new, learning
1–5, known, ignored) stores the word in the list (with its sentence), goes on the window's undo stack and
redraws the readings at once: known and ignored words lose theirs, only that word, when readings are
shown only above the reader's level.
"""
from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QStatusBar

from reader.core import vocabulary
from reader.core.dictionary import Dictionary
from reader.core.errors import ReaderError
from reader.core.library import Changed, Library
from reader.core.text import ArticleInfo
from reader.core.word_status import set_word_status
from reader.gui.commands import EditCommand
from reader.gui.panels.dictionary_popup import DictionaryPopup


class WordsKnown(Protocol):
    """The scaffolding, as the popup's Known button uses it."""

    scaffolding_on: bool

    def known_words_may_have_changed(self) -> None: ...


class VocabularyList(Protocol):
    def reload(self) -> None: ...
    def select(self, vocab_id: int) -> None: ...


class VocabularyDock(Protocol):
    """The vocabulary list, as the popup's In vocabulary button uses it."""

    vocabularyChanged: SignalInstance
    panel: VocabularyList

    def show(self) -> None: ...
    def raise_(self) -> None: ...


class PopupWindow(Protocol):
    article: ArticleInfo | None
    undo_stack: QUndoStack  # status changes are undone here, with the other edits

    def error(self, title: str, message: str) -> None: ...
    def statusBar(self) -> QStatusBar: ...


class PopupOwner(Protocol):
    """The dictionary popup's controller, as these buttons use it."""

    lib: Library
    popup: DictionaryPopup
    window: PopupWindow
    vocabularyChanged: SignalInstance
    words_known: WordsKnown | None
    vocabulary_dock: VocabularyDock | None

    def text(self) -> str: ...
    def dictionary(self) -> Dictionary | None: ...
    def reposition(self) -> None: ...


class PopupVocabulary(QObject):
    """Keeps the popup's status row and In vocabulary button true to the list and acts on them."""

    def __init__(self, controller: PopupOwner) -> None:
        super().__init__(controller)  # type: ignore[arg-type] - the controller is a QObject
        self.controller = controller
        popup = controller.popup
        popup.statusRequested.connect(self.set_status)
        popup.showInVocabularyRequested.connect(self.show_in_list)
        controller.vocabularyChanged.connect(self.refresh)

    def _word(self) -> tuple[str, int, int] | None:
        popup = self.controller.popup
        if popup.span is None:
            return None
        start, end = popup.span
        return self.controller.text()[start:end], start, end

    def refresh(self) -> None:
        """Read the shown word's state from the list (after it is shown, added, marked or edited)."""
        found = self._word()
        if found is not None:
            self.controller.popup.set_state(vocabulary.word_state(self.controller.lib, found[0]))

    def set_status(self, status: str) -> None:
        """Give the shown word a status (adding it to the list with its sentence if needed), undoably."""
        found = self._word()
        window = self.controller.window
        if found is None or window.article is None:
            return
        word, start, end = found
        try:
            edit = set_word_status(
                self.controller.lib, word, status, article_id=window.article.id, start=start, end=end,
                dictionary=self.controller.dictionary(),
            )
        except ReaderError as exc:
            window.error(self.tr("Cannot change the word"), str(exc))
            return
        name = self.controller.popup.status_names()[status].lower()
        scaffolding = self.controller.words_known
        if status in ("known", "ignored") and not (scaffolding is not None and scaffolding.scaffolding_on):
            message = self.tr("Marked %1 %2: its reading is hidden when View → Readings For is set to"
                              " Only Words Above My Level")
        else:
            message = self.tr("Marked %1 %2")
        window.statusBar().showMessage(message.replace("%1", word).replace("%2", name), 5000)
        if not edit.noop:
            text = self.tr("mark %1 %2").replace("%1", word).replace("%2", name)
            window.undo_stack.push(EditCommand(edit, self._changed, window.article.id, text=text))
            self._changed(edit.changed, window.article.id)
        self.refresh()

    def _changed(self, changed: Changed, _article_id: int | None = None) -> None:
        """After a status change, its undo or redo: the list, the readings and the popup follow."""
        if not changed.vocabulary:
            return
        self.controller.vocabularyChanged.emit()  # the list reloads; this popup refreshes
        if self.controller.words_known is not None:
            self.controller.words_known.known_words_may_have_changed()
        self.controller.reposition()  # the popup follows its word's line

    def show_in_list(self) -> None:
        """Open the vocabulary panel with the shown word selected."""
        found = self._word()
        dock = self.controller.vocabulary_dock
        if found is None or dock is None:
            return
        rows = vocabulary.find(self.controller.lib, found[0])
        dock.show()
        dock.raise_()
        panel = dock.panel
        panel.reload()
        if rows:
            panel.select(rows[0].id)
