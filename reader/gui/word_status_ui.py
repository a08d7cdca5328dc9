"""Word status in the reading view (gui layer): View → Word Status Colours, and keys that set a word's status.

The colours (reader.gui.word_tint) tint new and learning words; they are off until turned on, and the
choice is remembered. They follow every status change at once: this window's keys and popup, the
vocabulary list, and other programs (the command line), which the window's data-version poll reports.

Keys, without opening the popup (the popup has its own while it has the focus):
- 1–5 are the tag keys. With text selected, or a highlight clicked, they tag it as always; with nothing
  selected they set the status (learning 1–5) of the word under the resting mouse pointer, else of the
  word last clicked (if it is still in view).
- K (known), I (ignored) and 0 (new again) do the same for those statuses, or for the selected word.
- Alt+1–5, Alt+K, Alt+I, Alt+0 always set a status: of the selected word, else the pointed or clicked one.
Each change is one step on the window's undo stack and the status bar says what changed ("看见 → learning 2").
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QSettings, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QStatusBar

from reader.core import vocabulary
from reader.core.dictionary import Dictionary, Entry
from reader.core.errors import ReaderError
from reader.core.library import Changed, Library
from reader.core.pipeline.readings import is_han
from reader.core.pipeline.script import convert_text
from reader.core.status_tint import StatusTints, word_statuses
from reader.core.text import ArticleInfo
from reader.core.word_status import set_word_status
from reader.gui.commands import EditCommand
from reader.gui.i18n import own
from reader.gui.options import DisplayOptions
from reader.gui.reading_view import ReadingView
from reader.gui.signals import SignalHub
from reader.gui.word_tint import WordTint, legend_html

SETTING = "display/word_status_colours"
STATUS_KEYS = (("0", "new"), ("1", "learning1"), ("2", "learning2"), ("3", "learning3"), ("4", "learning4"),
               ("5", "learning5"), ("K", "known"), ("I", "ignored"))
MAX_WORD = 12  # a selection longer than this is not one word
MAX_TERM = 4  # a selection up to this long is a word (a name, a term); a longer one must be a dictionary or segmenter word
Lookup = Callable[[int], "tuple[int, int, list[Entry]] | None"]


class WordStatusWindow(Protocol):
    """What word status in the view uses of its window (the main window is one)."""

    lib: Library
    store: QSettings
    view: ReadingView
    hub: SignalHub
    view_menu: QMenu
    options: DisplayOptions
    article: ArticleInfo | None
    undo_stack: QUndoStack

    def statusBar(self) -> QStatusBar: ...
    def addAction(self, action: QAction) -> None: ...
    def installEventFilter(self, filter: QObject) -> None: ...


class WordsKnown(Protocol):
    """The scaffolding: readings over known words go when a word becomes known."""

    def known_words_may_have_changed(self) -> None: ...


class WordStatusController(QObject):
    """The tint toggle, the status keys and keeping the tint true to the library."""

    vocabularyChanged = Signal()  # a status was set, undone or redone here: the list and the popup follow

    def __init__(self, window: WordStatusWindow, dictionary: Callable[[], Dictionary | None], lookup: Lookup,
                 before: QAction | None = None) -> None:
        super().__init__(window)  # type: ignore[arg-type] - the window is a QWidget
        self.window = window
        self.view = window.view
        self.lib = window.lib
        self.dictionary = dictionary
        self.lookup = lookup
        self.words_known: WordsKnown | None = None
        self.tint: WordTint | None = None
        self.act_colours = own(QAction(window))  # type: ignore[call-overload]
        self.act_colours.setCheckable(True)
        self.act_colours.triggered.connect(lambda on: self.set_enabled(on))
        window.view_menu.insertAction(before, self.act_colours)  # type: ignore[arg-type]
        window.view_menu.setToolTipsVisible(True)  # the legend
        self.status_actions: dict[str, QAction] = {}
        for key, status in STATUS_KEYS:
            act = own(QAction(window))  # type: ignore[call-overload]
            shortcuts = [QKeySequence(f"Alt+{key}")] + ([QKeySequence(key)] if not key.isdigit() or key == "0" else [])
            act.setShortcuts(shortcuts)
            act.triggered.connect(lambda _=False, s=status: self.key_pressed(s))
            window.addAction(act)
            self.status_actions[status] = act
        self.retranslate()
        self.view.add_context_menu_provider(self._context_menu)
        window.installEventFilter(self)
        window.hub.articlesChanged.connect(self._maybe_elsewhere)  # the data-version poll announces this first
        window.hub.settingsChanged.connect(lambda key, _i: key == "display" and self.retranslate())  # the theme
        self.set_enabled(str(window.store.value(SETTING, "false")).lower() in ("true", "1"), save=False)

    # ---- texts ------------------------------------------------------------------------------------------
    def status_names(self) -> dict[str, str]:
        names = {"new": self.tr("new"), "known": self.tr("known"), "ignored": self.tr("ignored")}
        for n in range(1, 6):
            names[f"learning{n}"] = self.tr("learning %1").replace("%1", str(n))
        return names

    def retranslate(self) -> None:
        self.act_colours.setText(self.tr("&Word Status Colours"))
        pal = self.view.palette_
        names = self.status_names()
        legend = legend_html(pal.background, pal.text, pal.dark, [
            names["new"], *(str(n) for n in range(1, 6)), self.tr("known, ignored: none")])
        self.act_colours.setToolTip(self.tr(  # %1: the legend, coloured swatches made of these words (escaped)
            "<p>Tint words by how well you know them: new words strongest, learning 1 to 5 fading, known and"
            " ignored words untinted. Keys: 1–5, K, I, 0 on the word under the pointer; Alt+1–5, Alt+K, Alt+I,"
            " Alt+0 on the selected word.</p>%1").replace("%1", legend))
        texts = {"new": self.tr("Word Status: New"), "known": self.tr("Word Status: Known"),
                 "ignored": self.tr("Word Status: Ignored")}
        for status, act in self.status_actions.items():
            act.setText(texts.get(status) or self.tr("Word Status: Learning %1").replace("%1", status[-1]))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange and obj is self.window:
            self.retranslate()
        return False

    # ---- the tint ---------------------------------------------------------------------------------------
    @property
    def enabled(self) -> bool:
        return self.tint is not None

    def set_enabled(self, on: bool, *, save: bool = True) -> None:
        """Turn the colours on or off (remembered unless `save` is False, as for screenshots)."""
        on = bool(on)
        if save:
            self.window.store.setValue(SETTING, on)
        self.act_colours.setChecked(on)
        if on and self.tint is None:
            self.tint = WordTint(self._tints(word_statuses(self.lib)))
        elif not on:
            self.tint = None
        self.view.set_word_tint(self.tint)

    def _tints(self, statuses: dict[str, str]) -> StatusTints:
        d = self.dictionary()
        if d is None:  # no dictionary: every Han word counts as a word
            return StatusTints(statuses, lambda _word: True)
        return StatusTints.for_dictionary(statuses, d)

    def statuses_may_have_changed(self) -> bool:
        """Read the statuses again; repaint (nothing is laid out again) if they differ. True if they did."""
        if self.tint is None:
            return False
        try:
            statuses = word_statuses(self.lib)
        except Exception:  # noqa: BLE001 - a busy or closed connection: the next change tries again
            return False
        if statuses == self.tint.tints.statuses:
            return False
        self.tint.set_tints(self.tint.tints.with_statuses(statuses))
        self.view.viewport().update()
        return True

    def _maybe_elsewhere(self, initiator: object) -> None:
        """Another program committed (the window's poll has no initiator): statuses may have changed."""
        if initiator is None:
            changed = self.statuses_may_have_changed()
            if self.words_known is not None:
                self.words_known.known_words_may_have_changed()
            if changed:
                self.vocabularyChanged.emit()

    # ---- the keys ---------------------------------------------------------------------------------------
    def tag_key_fallback(self, key: str) -> bool:
        """A tag key (1–9) pressed with nothing selected to tag: 1–5 set the pointed word's status. False
        when the key is not a status key or no word is pointed at or clicked (the tag key says why)."""
        if key not in "12345" or len(key) != 1:
            return False
        span = self._pointed_word()
        if span is None:
            return False
        self.set_status(span, f"learning{key}")
        return True

    def key_pressed(self, status: str) -> None:
        """K, I, 0 and Alt+…: the selected word, else the pointed or clicked one."""
        span = self._selected_word()
        if span is None and self._has_selection():
            self._message(self.tr("Select one word to set its status."))
            return
        span = span or self._pointed_word()
        if span is None:
            self._message(self.tr("Point at a word, click it or select it to set its status."))
            return
        self.set_status(span, status)

    def _has_selection(self) -> bool:
        s, e = self.view.selection()
        return s < e

    def _paragraph(self, offset: int) -> int:
        pars = self.view.paragraphs
        return max(0, bisect_right(pars, offset, key=lambda p: p.start) - 1) if pars else -1

    def _slice(self, start: int, end: int) -> str:
        """The canonical text of [start, end) within one paragraph ('' across paragraphs or outside the text)."""
        idx = self._paragraph(start)
        if idx < 0 or start >= end:
            return ""
        par = self.view.paragraphs[idx]
        return par.text[start - par.start:end - par.start] if par.start <= start and end <= par.end else ""

    def _selected_word(self) -> tuple[int, int] | None:
        s, e = self.view.selection()
        text = self._slice(s, e)
        word = text.strip()
        if word:
            s += len(text) - len(text.lstrip())
            e = s + len(word)
        if not word or len(word) > MAX_WORD or not any(is_han(c) for c in word) \
                or any(c.isspace() or unicodedata.category(c)[0] == "P" for c in word):
            return None  # not one word: blank, too long, no Han character, or a space or punctuation in it
        if len(word) <= MAX_TERM or self._one_token(s, e):
            return s, e
        found = self.lookup(s)
        return (s, e) if found is not None and found[:2] == (s, e) else None

    def _one_token(self, s: int, e: int) -> bool:
        """Whether [s, e) is one word of the segmenter."""
        return any(t.start == s and t.end == e for t in self.view.doc.tokens.get(self._paragraph(s), []))

    def _pointed_word(self) -> tuple[int, int] | None:
        """The dictionary word under the resting pointer, else at the character last clicked (if in view)."""
        offset = self.view.pointer_char()
        if offset < 0:
            offset = self.view.caret_char()
            rect = self.view.glyph_rect(offset) if offset >= 0 else None
            if rect is None or rect.bottom() < 0 or rect.top() > self.view.viewport().height():
                return None
        found = self.lookup(offset)
        if found is not None:
            return found[0], found[1]
        char = self._slice(offset, offset + 1)
        return (offset, offset + 1) if char and is_han(char) else None

    def _context_menu(self, menu: QMenu, offset: int) -> None:
        """Right-click on a word: Word Status of 总统 ▸ New, Learning 1–5, Known, Ignored (its own checked)."""
        found = self.lookup(offset)
        if found is None or self.window.article is None:
            return
        span = found[0], found[1]
        word = self._slice(*span)
        try:
            current = vocabulary.word_state(self.lib, word).status
        except ReaderError:
            return
        sub = menu.addMenu(self.tr("Word Status of %1").replace("%1", convert_text(word, self.window.options.script)))
        names = self.status_names()
        for status, act in self.status_actions.items():
            keys = act.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText) if act.shortcuts() else ""
            item = sub.addAction(f"{names[status]}\t{keys}", lambda s=status: self.set_status(span, s))
            item.setCheckable(True)
            item.setChecked(status == current)
            if status in ("learning1", "known"):
                sub.insertSeparator(item)

    def set_status(self, span: tuple[int, int], status: str) -> None:
        """Give the word at a canonical span a status, undoably, and say so in the status bar."""
        window = self.window
        if window.article is None:
            return
        start, end = span
        word = self._slice(start, end)
        try:
            edit = set_word_status(self.lib, word, status, article_id=window.article.id, start=start, end=end,
                                   dictionary=self.dictionary())
        except ReaderError as exc:
            self._message(str(exc))
            return
        shown = convert_text(word, window.options.script)
        name = self.status_names()[status]
        if edit.noop:
            self._message(self.tr("%1 is already %2").replace("%1", shown).replace("%2", name))
            return
        text = self.tr("mark %1 %2").replace("%1", shown).replace("%2", name)
        window.undo_stack.push(EditCommand(edit, self._changed, window.article.id, text=text))
        self._changed(edit.changed, window.article.id)
        before = self.status_names().get(str(edit.before), str(edit.before))
        self._message(self.tr("%1 → %2 (was %3)").replace("%1", shown).replace("%2", name).replace("%3", before))

    def _changed(self, changed: Changed, _article_id: int | None = None) -> None:
        """After a status change, its undo or its redo: the tint, the readings, the list and the popup."""
        if not changed.vocabulary:
            return
        self.statuses_may_have_changed()
        if self.words_known is not None:
            self.words_known.known_words_may_have_changed()
        self.vocabularyChanged.emit()

    def _message(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 5000)


def install(window: WordStatusWindow, dictionary: Callable[[], Dictionary | None], lookup: Lookup,
            before: QAction | None = None) -> WordStatusController:
    """Add View → Word Status Colours (before `before`) and the status keys to a window."""
    return WordStatusController(window, dictionary, lookup, before)


def after_submenu(menu: QMenu, holding: QAction) -> QAction | None:
    """The action of `menu` that follows its submenu holding `holding` (None: the end of the menu)."""
    actions = menu.actions()
    for k, act in enumerate(actions):
        sub = act.menu()
        if sub is not None and holding in sub.actions():
            return actions[k + 1] if k + 1 < len(actions) else None
    return None
