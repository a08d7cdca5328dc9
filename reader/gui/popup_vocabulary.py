"""The dictionary popup's vocabulary buttons (gui layer): the word's state, mark it known or not, show it in the list.

The state comes from the reader's vocabulary list (rows keyed by the library's id and the simplified form),
so a word marked known while reading in one script shows as known in the other. Marking a word known
stores it in the list (with its sentence) and redraws the readings at once; it hides that word's reading
only, when readings are shown only above the reader's level.
"""
from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QStatusBar

from reader.core import vocabulary
from reader.core.dictionary import Dictionary
from reader.core.errors import ReaderError
from reader.core.library import Library
from reader.core.text import ArticleInfo
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
    """Keeps the popup's Known / In vocabulary buttons true to the list and acts on them."""

    def __init__(self, controller: PopupOwner) -> None:
        super().__init__(controller)  # type: ignore[arg-type] - the controller is a QObject
        self.controller = controller
        popup = controller.popup
        popup.knownRequested.connect(self.set_known)
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

    def set_known(self, known: bool) -> None:
        """Mark the shown word known (adding it to the list with its sentence if needed) or not known."""
        found = self._word()
        window = self.controller.window
        if found is None or window.article is None:
            return
        word, start, end = found
        try:
            changed = vocabulary.set_word_known(
                self.controller.lib, word, known, article_id=window.article.id, start=start, end=end,
                dictionary=self.controller.dictionary(),
            )
        except ReaderError as exc:
            window.error(self.tr("Cannot change the word"), str(exc))
            return
        scaffolding = self.controller.words_known
        if known and not (scaffolding is not None and scaffolding.scaffolding_on):
            message = self.tr("Marked %1 as known: its reading is hidden when View → Readings For is set to"
                              " Only Words Above My Level")
        else:
            message = self.tr("Marked %1 as known") if known else self.tr("%1 is no longer marked as known")
        window.statusBar().showMessage(message.replace("%1", word), 5000)
        if changed.vocabulary:
            self.controller.vocabularyChanged.emit()  # the list reloads; this popup refreshes
            if scaffolding is not None:
                scaffolding.known_words_may_have_changed()
            self.controller.reposition()  # the popup follows its word's line
        self.refresh()

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
