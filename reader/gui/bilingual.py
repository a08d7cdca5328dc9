"""The dictionary popup (gui layer): hover after 400 ms, or click, shows the dictionary word under the
pointer; Esc closes, Left/Right step through the words; Add to Vocabulary and Copy. View → Dictionary
Popup on Hover turns hovering off.

`install(window, before) -> BilingualController`; the window offers `BilingualWindow` (the main window does).
Its `dictionary()` is the shared dictionary, opened on first use (scaffolding_ui uses it too).
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QRectF, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QMenu, QStatusBar

from reader.core import scaffolding, terms, vocabulary
from reader.core.dictionary import Dictionary, DictionaryUnavailable, Entry
from reader.core.errors import ReaderError
from reader.core.library import Library
from reader.core.pipeline.readings import is_han
from reader.core.pipeline.script import convert_text
from reader.core.text import ArticleInfo, Token
from reader.gui.i18n import own
from reader.gui.options import DisplayOptions
from reader.gui.panels.dictionary_popup import DictionaryPopup
from reader.gui.popup_vocabulary import PopupVocabulary, VocabularyDock, WordsKnown
from reader.gui.reading_view import ReadingView
from reader.gui.signals import SignalHub
from reader.gui.speech import SpanOverlay

HOVER_DELAY_MS = 400


def _word_char(ch: str) -> bool:
    return is_han(ch) or (ch.isalnum() and not ch.isspace())


class BilingualWindow(Protocol):
    """What the dictionary popup uses of its window (the main window is one)."""

    lib: Library
    store: QSettings
    view: ReadingView
    options: DisplayOptions
    article: ArticleInfo | None  # the open article
    hub: SignalHub
    view_menu: QMenu  # View → Dictionary Popup on Hover goes here

    def statusBar(self) -> QStatusBar: ...
    def installEventFilter(self, filter: QObject) -> None: ...
    def error(self, title: str, message: str) -> None: ...


class BilingualController(QObject):
    """The dictionary popup of one window: hover and click, stepping, adding to the vocabulary, copying;
    it opens the shared dictionary (scaffolding uses it too)."""

    vocabularyChanged = Signal()  # a word was added, edited, deleted or marked known
    popupPlaced = Signal()  # the popup was shown or moved (the selection toolbar keeps clear of it)

    def __init__(self, window: BilingualWindow, before: QAction | None = None) -> None:
        super().__init__(window)  # type: ignore[arg-type] - the window is a QWidget
        self.window = window
        self.view = window.view
        self.lib = window.lib
        self.store = window.store
        self._dictionary: Dictionary | None = None
        self._dictionary_failed = False
        self._text_key: tuple | None = None
        self._text = ""
        self._pending = -1
        self.marker = SpanOverlay(self.view)  # marks the word the popup explains
        self.marker.colour = QColor(240, 170, 40, 70)
        self._popup: DictionaryPopup | None = None  # built when first shown
        self.popup_vocabulary: PopupVocabulary | None = None  # its Known / In vocabulary buttons, with the popup
        self.words_known: WordsKnown | None = None  # scaffolding: told when a word is marked known
        self.vocabulary_dock: VocabularyDock | None = None  # the list a word is shown in
        self._hover = QTimer(self)
        self._hover.setSingleShot(True)
        self._hover.setInterval(HOVER_DELAY_MS)
        self._hover.timeout.connect(self._hover_fired)
        self.hover_enabled = str(self.store.value("bilingual/hover_popup", "true")).lower() in ("true", "1")
        self.act_hover = own(QAction(window))  # type: ignore[call-overload]
        self.act_hover.setCheckable(True)
        self.act_hover.setChecked(self.hover_enabled)
        self.act_hover.toggled.connect(self.set_hover_enabled)
        window.view_menu.insertAction(before, self.act_hover)  # type: ignore[arg-type]
        self.retranslate()
        self.view.wordHovered.connect(self._hovered)
        self.view.wordClicked.connect(self.show_at)
        self.view.verticalScrollBar().valueChanged.connect(lambda _v: self._reposition())
        self.view.installEventFilter(self)
        self.view.viewport().installEventFilter(self)
        window.installEventFilter(self)
        window.hub.articleChanged.connect(self._article_changed)

    @property
    def popup(self) -> DictionaryPopup:
        """The dictionary popup (a hidden child of the view's viewport), built the first time it is needed."""
        if self._popup is None:
            popup = self._popup = DictionaryPopup(self.view.viewport())
            popup.addRequested.connect(self.add_to_vocabulary)
            popup.copyRequested.connect(self.copy_word)
            popup.stepRequested.connect(self.step)
            popup.closed.connect(lambda: (self.marker.set_spans([]), self.view.setFocus()))
            self.popup_vocabulary = PopupVocabulary(self)
        return self._popup

    def _popup_visible(self) -> bool:
        return self._popup is not None and self._popup.isVisible()

    def _close_popup(self) -> None:
        if self._popup is not None:  # one never shown has nothing to close
            self._popup.close_popup()

    def retranslate(self) -> None:
        self.act_hover.setText(self.tr("&Dictionary Popup on Hover"))
        self.act_hover.setToolTip(self.tr("Show the dictionary entry when the mouse rests on a word"))
        if self._popup is not None:  # a popup built later is built in the language of that moment
            self._popup.retranslate()

    # ---- events ---------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and obj is self.view and self._popup_visible():
            if self.popup.handle_key(event if isinstance(event, QKeyEvent) else QKeyEvent(event)):
                return True
        elif kind == QEvent.Type.Leave and obj is self.view.viewport():
            self._hover.stop()
        elif kind == QEvent.Type.Resize and obj is self.view.viewport():
            QTimer.singleShot(0, self._reposition)
        elif kind == QEvent.Type.LanguageChange and obj is self.window:
            self.retranslate()
        elif kind == QEvent.Type.Close and obj is self.window:
            self._hover.stop()  # no look-up after the window (and perhaps its library) has closed
        return False

    def _article_changed(self, _article_id: int) -> None:
        if self._popup is not None:
            self._popup.hide()
        self.marker.set_spans([])
        self._text_key = None

    # ---- dictionary -----------------------------------------------------------------------------
    def dictionary(self) -> Dictionary | None:
        """The shared dictionary, opened (and indexed) on first use; None with one message if it cannot be."""
        if self._dictionary is None and not self._dictionary_failed:
            try:
                self._dictionary = scaffolding.shared_dictionary()
            except DictionaryUnavailable as exc:
                self._dictionary_failed = True
                self.window.error(self.tr("The dictionary is not available"), str(exc))
        return self._dictionary

    def text(self) -> str:
        """The open article's canonical text (paragraphs joined by newlines)."""
        pars = self.view.paragraphs
        key = (id(pars), len(pars), pars[-1].end if pars else 0)
        if key != self._text_key:
            self._text_key = key
            self._text = "\n".join(p.text for p in pars)
        return self._text

    def _token_at(self, offset: int) -> Token | None:
        pars = self.view.paragraphs
        if not pars:
            return None
        idx = max(0, bisect_right([p.start for p in pars], offset) - 1)
        for tok in self.view.doc.tokens.get(idx, []):
            if tok.start <= offset < tok.end:
                return tok
        return None

    def lookup_at(self, offset: int, *, from_token: bool = True) -> tuple[int, int, list[Entry]] | None:
        """(start, end, entries) of the dictionary word covering a canonical offset, or None."""
        d = self.dictionary()
        text = self.text()
        if d is None or not 0 <= offset < len(text) or not _word_char(text[offset]):
            return None
        starts = []
        tok = self._token_at(offset) if from_token else None
        term = terms.find(self.lib, tok.text) if tok is not None and \
            tok.end - tok.start > d.longest_match(text, tok.start)[0] else None
        if tok is not None and isinstance(term, terms.Term):  # the reader's own term: whole, with its reading
            reading = " ".join(r for r in tok.readings if r)
            return tok.start, tok.end, [Entry(term.text, convert_text(term.text, "traditional"), reading, [], None)]
        if tok is not None and tok.start < offset:
            starts.append(tok.start)
        starts.append(offset)
        for start in starts:
            n, entries = d.longest_match(text, start)
            if n and start + n > offset and "\n" not in text[start:start + n]:
                return start, start + n, entries
        return None

    def _lookup_ending_at(self, last: int) -> tuple[int, int, list[Entry]] | None:
        """The longest dictionary word that ends with the character at `last`."""
        d = self.dictionary()
        text = self.text()
        if d is None:
            return None
        for start in range(max(0, last - 7), last + 1):
            if "\n" in text[start:last + 1]:
                continue
            n, entries = d.longest_match(text, start, max_len=last + 1 - start)
            if n == last + 1 - start:
                return start, last + 1, entries
        return self.lookup_at(last, from_token=False)

    # ---- the popup --------------------------------------------------------------------------------
    def set_hover_enabled(self, on: bool) -> None:
        self.hover_enabled = bool(on)
        self.store.setValue("bilingual/hover_popup", self.hover_enabled)
        if not on:
            self._hover.stop()

    def _hovered(self, offset: int) -> None:
        if offset < 0:  # blank space, or a press that may start a drag: nothing to show
            self._hover.stop()
            return
        if not self.hover_enabled:
            return
        span = self._popup.span if self._popup is not None else None
        if self._popup_visible() and span and span[0] <= offset < span[1]:
            self._hover.stop()
            return
        self._pending = offset
        self._hover.start()

    def _hover_fired(self) -> None:
        if self._popup is not None and (self._popup.underMouse() or self._popup.editing):
            return  # the reader is in the popup, or writing their own translation there
        found = self.lookup_at(self._pending)
        if found is None:
            self._close_popup()
        else:
            self.show_word(*found)

    def show_at(self, offset: int) -> bool:
        """Show the popup for the word at a canonical offset (a click); hide it where there is no word."""
        self._hover.stop()
        found = self.lookup_at(offset)
        if found is None:
            self._close_popup()
            return False
        self.show_word(*found)
        return True

    def _first_script(self) -> str:
        script = self.window.options.script
        if script == "original":
            return self.window.article.script if self.window.article is not None else "simplified"
        return "simplified" if script == "simplified" else "traditional"

    def show_word(self, start: int, end: int, entries: list[Entry]) -> None:
        d = self.dictionary()
        word = self.text()[start:end]
        levels = [e.hsk for e in entries if e.hsk]
        hsk = (d.hsk_level(word) if d is not None else None) or (min(levels) if levels else None)
        o = self.window.options
        self.popup.set_word(
            word, entries, hsk, (start, end), first_script=self._first_script(),
            style=o.pinyin if o.pinyin != "none" else "marks", scheme=o.tones if o.tones != "none" else "pleco",
            palette=self.view.palette_, readings=o.readings(), script=o.script,
        )
        if self.popup_vocabulary is not None:
            self.popup_vocabulary.refresh()
        self.marker.set_spans([(start, end)])
        self.popup.show()
        self.popup.raise_()
        self._reposition()

    def word_rects(self) -> list[QRectF]:
        """Viewport rectangles of the shown word's glyphs and readings."""
        if self.popup.span is None:
            return []
        rects = []
        for offset in range(*self.popup.span):
            for rect in (self.view.glyph_rect(offset), self.view.reading_rect(offset)):
                if rect is not None:
                    rects.append(rect)
        return rects

    def attach_vocabulary(self, words_known: WordsKnown, dock: VocabularyDock) -> None:
        """The scaffolding told when the popup marks a word known, and the list the popup shows a word in."""
        self.words_known, self.vocabulary_dock = words_known, dock
        dock.vocabularyChanged.connect(self._vocabulary_edited)

    def _vocabulary_edited(self) -> None:
        if self.popup_vocabulary is not None:  # a word edited, deleted or marked known in the list
            self.popup_vocabulary.refresh()
        self._reposition()  # readings may have appeared or gone: the popup follows its word's line

    def reposition(self) -> None:
        """Keep the popup beside its word after the text moved (readings shown or hidden)."""
        self._reposition()

    def _reposition(self) -> None:
        if not self._popup_visible():
            return
        rects = self.word_rects()
        area = QRectF(self.view.viewport().rect())
        if not rects or not any(area.intersects(r) for r in rects):
            self._close_popup()
            return
        self.popup.place(rects, area)
        self.popupPlaced.emit()

    def popup_rect(self) -> QRectF | None:
        """Where the popup is in the view's viewport; None when it is not shown."""
        return QRectF(self._popup.geometry()) if self._popup_visible() else None

    def step(self, direction: int) -> None:
        """Show the next (+1) or previous (-1) word."""
        if self.popup.span is None:
            return
        text = self.text()
        start, end = self.popup.span
        found = None
        if direction > 0:
            pos = end
            while pos < len(text) and found is None:
                if _word_char(text[pos]):
                    found = self.lookup_at(pos, from_token=False)
                pos += 1
        else:
            pos = start - 1
            while pos >= 0 and found is None:
                if _word_char(text[pos]):
                    found = self._lookup_ending_at(pos)
                pos -= 1
        if found is None:
            return
        self.view.ensure_offset_visible(found[0])
        self.show_word(*found)

    def add_to_vocabulary(self) -> None:
        """Keep the shown word with its sentence, the article and its offsets."""
        article = self.window.article
        if self.popup.span is None or article is None:
            return
        start, end = self.popup.span
        word = self.text()[start:end]
        if self.popup.trail:  # a word looked up from a link: it has no place in the text
            word, start, end, article_id = self.popup.word, None, None, None
        else:
            article_id = article.id
        try:
            added = vocabulary.add(self.lib, word, article_id=article_id, start=start, end=end,
                                   dictionary=self.dictionary())
        except ReaderError as exc:
            self.window.error(self.tr("Cannot add the word"), str(exc))
            return
        message = self.tr("Added %1 to your vocabulary") if added.created else self.tr("%1 is already in your vocabulary")
        self.window.statusBar().showMessage(message.replace("%1", word), 4000)
        self.vocabularyChanged.emit()

    def copy_word(self) -> None:
        QGuiApplication.clipboard().setText(self.popup.copy_text())
        self.window.statusBar().showMessage(self.tr("Copied"), 2000)


def install(window: BilingualWindow, before: QAction | None = None) -> BilingualController:
    """Add the dictionary popup to a window (its hover toggle in the View menu, before `before`)."""
    return BilingualController(window, before)
