"""The dictionary popup's vocabulary (gui layer): the word's state, status and own gloss (set undoably), the list.

The state comes from the reader's vocabulary list (rows keyed by the library's id and the simplified form),
so a word's status set while reading in one script shows in the other. Setting a status (new, learning
1–5, known, ignored) stores the word in the list (with its sentence), goes on the window's undo stack and
redraws the readings at once: known and ignored words lose theirs, only that word, when readings are
shown only above the reader's level. The reader's own translation, note and parent word (reader.core.glossary)
are saved the same way, undoably; a parent or a word under it is looked up in the same popup.
"""
from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QStatusBar

from reader.core import glossary, vocabulary
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
        popup.glossSaveRequested.connect(self.save_gloss)
        popup.lookUpRequested.connect(self.look_up)
        popup.backRequested.connect(self.back)
        popup.gloss_box.editingChanged.connect(lambda _editing: controller.reposition())
        controller.vocabularyChanged.connect(self.refresh)

    def _word(self) -> tuple[str, int | None, int | None] | None:
        """(the shown word, its canonical offsets) — no offsets for a word looked up from a link."""
        popup = self.controller.popup
        if popup.span is None:
            return None
        start, end = popup.span
        if popup.trail:
            return popup.word, None, None
        return self.controller.text()[start:end], start, end

    def _where(self, start: int | None, end: int | None) -> dict[str, int | None]:
        """The article and offsets a word added to the list keeps its sentence from."""
        article = self.controller.window.article
        if article is None or start is None:
            return {"article_id": None, "start": None, "end": None}
        return {"article_id": article.id, "start": start, "end": end}

    def refresh(self) -> None:
        """Read the shown word's state and gloss from the library (after it is shown, added, marked or edited)."""
        found = self._word()
        if found is None:
            return
        lib, popup = self.controller.lib, self.controller.popup
        popup.set_state(vocabulary.word_state(lib, found[0]))
        if not popup.editing:
            popup.set_gloss(glossary.get_gloss(lib, found[0]), glossary.children(lib, found[0]))

    def save_gloss(self, translation: str, note: str, parent: str) -> None:
        """Store the reader's own translation, note and parent for the shown word, undoably."""
        found = self._word()
        window = self.controller.window
        if found is None:
            return
        word, start, end = found
        try:
            edit = glossary.set_gloss(self.controller.lib, word, translation=translation, note=note, parent=parent,
                                      dictionary=self.controller.dictionary(), **self._where(start, end))
        except ReaderError as exc:
            window.error(self.tr("Cannot save your translation"), str(exc))
            return  # the editor stays open with what was typed
        self.controller.popup.gloss_box.stop_editing()
        if not edit.noop:
            text = self.tr("gloss %1").replace("%1", word)
            article_id = window.article.id if window.article is not None else None
            window.undo_stack.push(EditCommand(edit, self._changed, article_id, text=text))
            self._changed(edit.changed, article_id)
            window.statusBar().showMessage(self.tr("Saved your translation of %1").replace("%1", word), 4000)
        self.refresh()
        self.controller.reposition()

    def look_up(self, word: str) -> None:
        """Show another word (a parent, or a word under it) in the popup, with a link back."""
        dictionary = self.controller.dictionary()
        entries = dictionary.lookup(word) if dictionary is not None else []
        hsk = dictionary.hsk_level(word) if dictionary is not None else None
        self.controller.popup.show_related(word, entries, hsk)
        self.refresh()
        self.controller.reposition()

    def back(self) -> None:
        if self.controller.popup.go_back():
            self.refresh()
            self.controller.reposition()

    def set_status(self, status: str) -> None:
        """Give the shown word a status (adding it to the list with its sentence if needed), undoably."""
        found = self._word()
        window = self.controller.window
        if found is None or window.article is None:
            return
        word, start, end = found
        try:
            edit = set_word_status(self.controller.lib, word, status, dictionary=self.controller.dictionary(),
                                   **self._where(start, end))
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
        """After a status or gloss change, its undo or redo: the list, the readings and the popup follow."""
        if not changed.vocabulary and not changed.glossary:
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
