"""Bilingual reading aids (gui layer): dictionary popup, pinyin scaffolding, translation modes, translation import.

`install(window) -> BilingualController` adds to an existing MainWindow:
- the dictionary popup (hover after 400 ms, or click; Esc closes, Left/Right step through the words);
- View → Readings: all words, or only words above the reader's HSK level (never above known words);
- View → Translation: Off / Interlinear / Side by Side, with a caption naming the translator;
- File → Import Translation…;
- the vocabulary dock (panels/vocabulary_panel.py), read aloud (speech.py) and the UI language (i18n.py).
"""
from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRectF, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QLabel, QMenu

from reader.core import scaffolding, vocabulary
from reader.core.dictionary import Dictionary, DictionaryUnavailable, Entry
from reader.core.errors import ReaderError
from reader.core.pipeline.readings import is_han
from reader.core.text import Token
from reader.gui import file_dialogs
from reader.gui.popup_vocabulary import PopupVocabulary
from reader.gui.safe_text import plain

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow
    from reader.gui.panels.dictionary_popup import DictionaryPopup

HOVER_DELAY_MS = 400
PROJECT_TRANSLATOR = "Bilingual Reader project"
LEVELS = (0, 1, 2, 3, 4, 5, 6, 7)


def _word_char(ch: str) -> bool:
    return is_han(ch) or (ch.isalnum() and not ch.isspace())


def own(action: QAction) -> QAction:
    """Mark an action as retranslated by its feature (the generic retranslation in i18n.py leaves it alone)."""
    action.setProperty("i18n_own", True)
    return action


class BilingualController(QObject):
    """Owns the popup, the scaffolding filter and the translation modes of one main window."""

    vocabularyChanged = Signal()  # a word was added, edited, deleted or marked known
    popupPlaced = Signal()  # the popup was shown or moved (the selection toolbar keeps clear of it)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view = window.view
        self.lib = window.lib
        self.store = window.store
        self._dictionary: Dictionary | None = None
        self._dictionary_failed = False
        self._text_key: tuple | None = None
        self._text = ""
        self._pending = -1
        self._known: set[str] = set()
        self._translator: str | None = None
        from reader.gui.speech import SpanOverlay

        self.marker = SpanOverlay(self.view)  # marks the word the popup explains
        self.marker.colour = QColor(240, 170, 40, 70)
        self._popup: DictionaryPopup | None = None  # built when first shown
        self._hover = QTimer(self)
        self._hover.setSingleShot(True)
        self._hover.setInterval(HOVER_DELAY_MS)
        self._hover.timeout.connect(self._hover_fired)
        self.hover_enabled = str(self.store.value("bilingual/hover_popup", "true")).lower() in ("true", "1")
        self.scaffolding_on = str(self.store.value("bilingual/scaffolding", "false")).lower() in ("true", "1")
        try:
            self.level = scaffolding.get_level(self.lib)
        except ReaderError:
            self.level = 0
        self.caption = plain(QLabel(window))  # names a translator from a file
        self.caption.setObjectName("translationCaption")
        self.caption.setProperty("i18n_own", True)
        window.statusBar().addPermanentWidget(self.caption)
        self._build_menus()
        self.retranslate()
        self.view.wordHovered.connect(self._hovered)
        self.view.wordClicked.connect(self.show_at)
        self.view.verticalScrollBar().valueChanged.connect(lambda _v: self._reposition())
        self.view.installEventFilter(self)
        self.view.viewport().installEventFilter(self)
        window.installEventFilter(self)
        window.hub.articleChanged.connect(self._article_changed)
        window.hub.settingsChanged.connect(lambda _k: self._sync())
        self._sync()
        self.apply_scaffolding()

    @property
    def popup(self) -> DictionaryPopup:
        """The dictionary popup (a hidden child of the view's viewport), built the first time it is needed."""
        if self._popup is None:
            from reader.gui.panels.dictionary_popup import DictionaryPopup

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

    # ---- menus ----------------------------------------------------------------------------------
    def _menu_with(self, action: QAction) -> QMenu | None:
        for top in self.window.menuBar().actions():
            menu = top.menu()
            if menu is not None and action in menu.actions():
                return menu
        return None

    def _build_menus(self) -> None:
        w = self.window
        file_menu = self._menu_with(w.act_import)
        self.act_import_translation = own(QAction(w))
        self.act_import_translation.triggered.connect(self.import_translation_dialog)
        if file_menu is not None:
            after = file_menu.actions()[file_menu.actions().index(w.act_import) + 1:]
            file_menu.insertAction(after[0] if after else None, self.act_import_translation)
        view_menu = self._menu_with(w.act_translation) or w.menuBar().addMenu("")
        self.view_menu = view_menu
        anchor = next((a for a in view_menu.actions()[view_menu.actions().index(w.act_translation) + 1:]), None) \
            if w.act_translation in view_menu.actions() else None

        self.translation_menu = QMenu(view_menu)
        self.translation_group = QActionGroup(self)
        self.translation_actions: dict[str, QAction] = {}
        for mode in ("off", "interlinear", "side"):
            act = own(QAction(w))
            act.setCheckable(True)
            act.setData(mode)
            act.triggered.connect(lambda _=False, m=mode: self.set_translation_mode(m))
            self.translation_group.addAction(act)
            self.translation_menu.addAction(act)
            self.translation_actions[mode] = act
        own(self.translation_menu.menuAction())
        view_menu.insertMenu(anchor, self.translation_menu)

        self.readings_menu = QMenu(view_menu)
        self.scaffold_group = QActionGroup(self)
        self.act_all_readings = own(QAction(w))
        self.act_level_readings = own(QAction(w))
        for act, on in ((self.act_all_readings, False), (self.act_level_readings, True)):
            act.setCheckable(True)
            act.triggered.connect(lambda _=False, v=on: self.set_scaffolding(v))
            self.scaffold_group.addAction(act)
            self.readings_menu.addAction(act)
        self.readings_menu.addSeparator()
        self.level_menu = QMenu(self.readings_menu)
        self.level_group = QActionGroup(self)
        self.level_actions: dict[int, QAction] = {}
        for level in LEVELS:
            act = own(QAction(w))
            act.setCheckable(True)
            act.setData(level)
            act.triggered.connect(lambda _=False, v=level: self.set_level(v))
            self.level_group.addAction(act)
            self.level_menu.addAction(act)
            self.level_actions[level] = act
        own(self.level_menu.menuAction())
        self.readings_menu.addMenu(self.level_menu)
        own(self.readings_menu.menuAction())
        view_menu.insertMenu(self.translation_menu.menuAction(), self.readings_menu)

        self.act_hover = own(QAction(w))
        self.act_hover.setCheckable(True)
        self.act_hover.setChecked(self.hover_enabled)
        self.act_hover.toggled.connect(self.set_hover_enabled)
        view_menu.insertAction(self.readings_menu.menuAction(), self.act_hover)

    def retranslate(self) -> None:
        self.act_import_translation.setText(self.tr("Import &Translation…"))
        self.act_import_translation.setToolTip(
            self.tr("Attach your own English translation: a text file with one paragraph per line"))
        self.translation_menu.setTitle(self.tr("Tra&nslation"))
        labels = {"off": self.tr("&Off"), "interlinear": self.tr("&Interlinear (under each paragraph)"),
                  "side": self.tr("&Side by Side")}
        for mode, act in self.translation_actions.items():
            act.setText(labels[mode])
        self.readings_menu.setTitle(self.tr("&Readings For"))
        self.act_all_readings.setText(self.tr("&All Words"))
        self.act_level_readings.setText(self.tr("Only Words &Above My Level"))
        self.act_level_readings.setToolTip(
            self.tr("Hide readings over words at or below your HSK level and over words you marked as known"))
        self.level_menu.setTitle(self.tr("My HSK &Level"))
        for level, act in self.level_actions.items():
            if level == 0:
                act.setText(self.tr("HSK 0 (beginner: every word)"))
            elif level == 7:
                act.setText(self.tr("HSK 7–9"))
            else:
                act.setText(self.tr("HSK %1").replace("%1", str(level)))
        self.act_hover.setText(self.tr("&Dictionary Popup on Hover"))
        self.act_hover.setToolTip(self.tr("Show the dictionary entry when the mouse rests on a word"))
        if self._popup is not None:  # a popup built later is built in the language of that moment
            self._popup.retranslate()
        self._update_caption()

    def _sync(self) -> None:
        o = self.window.options
        mode = "off" if not o.translations else getattr(o, "translation_mode", "interlinear")
        for key, act in self.translation_actions.items():
            act.setChecked(key == mode)
        self.act_level_readings.setChecked(self.scaffolding_on)
        self.act_all_readings.setChecked(not self.scaffolding_on)
        for level, act in self.level_actions.items():
            act.setChecked(level == min(self.level, 7))
        self._update_caption()

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
        return False

    def _article_changed(self, _article_id: int) -> None:
        if self._popup is not None:
            self._popup.hide()
        self.marker.set_spans([])
        self._text_key = None
        self._load_translator()
        self._update_caption()

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
        if self._popup is not None and self._popup.underMouse():
            return
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
            palette=self.view.palette_,
        )
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
        try:
            added = vocabulary.add(self.lib, word, article_id=article.id, start=start, end=end,
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

    # ---- scaffolding ------------------------------------------------------------------------------
    def set_scaffolding(self, on: bool) -> None:
        self.scaffolding_on = bool(on)
        self.store.setValue("bilingual/scaffolding", self.scaffolding_on)
        self._sync()
        self.apply_scaffolding()

    def set_level(self, level: int, *, save: bool = True) -> None:
        """Choose the reader's HSK level (saved for the reader) and show readings only above it;
        `save=False` only shows it (screenshots)."""
        if save:
            try:
                scaffolding.set_level(self.lib, None, level)
            except ReaderError as exc:
                self.window.error(self.tr("Cannot change the level"), str(exc))
                return
            self.level = scaffolding.get_level(self.lib)
        else:
            self.level = scaffolding.normalise_level(level)
        if not self.scaffolding_on:
            self.scaffolding_on = True
            if save:
                self.store.setValue("bilingual/scaffolding", True)
        self._sync()
        self.apply_scaffolding()

    def remember_dock(self, visible: bool) -> None:
        """Remember whether the vocabulary dock is open (not when the window is closing)."""
        if shiboken6.isValid(self.window) and self.window.isVisible() and self.window.persist:
            self.store.setValue("bilingual/vocabulary_visible", bool(visible))

    def known_words_may_have_changed(self) -> None:
        """The vocabulary changed elsewhere: redraw readings if the set of known words is different."""
        if self.scaffolding_on and vocabulary.known_words(self.lib) != self._known:
            self.apply_scaffolding()
            self._reposition()  # the popup follows its word's line

    def apply_scaffolding(self) -> None:
        """Give the view the per-word reading filter (or none), from the level and the known words."""
        setter = getattr(self.view, "set_reading_filter", None)
        if setter is None:
            return
        d = self.dictionary() if self.scaffolding_on else None
        if d is None:
            setter(None)
            return
        known = self._known = vocabulary.known_words(self.lib)
        levels = scaffolding.hsk_levels(d)
        level = self.level

        def visible(_idx: int, disp) -> list[bool]:  # noqa: ANN001 - DisplayParagraph
            return scaffolding.visible_tokens(disp.tokens, level, known, levels, compose=True)

        setter(visible)

    # ---- translations ---------------------------------------------------------------------------
    def set_translation_mode(self, mode: str) -> None:
        """'off', 'interlinear' or 'side' (side by side)."""
        if mode == "off":
            self.window._set(translations=False)
        elif hasattr(self.window.options, "translation_mode"):
            self.window._set(translations=True, translation_mode=mode)
        else:
            self.window._set(translations=True)
        self._sync()

    def _load_translator(self) -> None:
        """Who translated the open article (read when the article or its translation changes)."""
        w = self.window
        self._translator = self.lib.translator(w.article.revision_id) if w.article is not None else None

    def _update_caption(self) -> None:
        w = self.window
        translator = self._translator if w.article is not None and w.options.translations and w._translations else None
        if not translator:
            self.caption.hide()
            return
        if translator.startswith(PROJECT_TRANSLATOR):
            self.caption.setText(self.tr("Translation: Bilingual Reader project (not the authors')"))
        else:
            self.caption.setText(self.tr("Translation: %1").replace("%1", translator))
        self.caption.show()

    def import_translation_dialog(self) -> None:
        if self.window.article is None:
            return
        path = file_dialogs.open_file_name(
            self.window, self.tr("Import a translation"), self.tr("Text files (*.txt);;All files (*)"))
        if path:
            self.import_translation(path)

    def import_translation(self, path: str) -> bool:
        """Attach a translation file (one paragraph per line) to the open article and show it."""
        from reader.core.translations import import_translation

        w = self.window
        if w.article is None:
            return False
        try:
            import_translation(self.lib, w.article.id, path)
        except ReaderError as exc:
            w.error(self.tr("Cannot import the translation"), str(exc))
            return False
        w._translations = self.lib.translations(w.article.revision_id)
        self.view.set_translations(w._translations)
        if not w.options.translations:
            self.set_translation_mode("interlinear")
        w.statusBar().showMessage(self.tr("Translation imported"), 4000)
        self._load_translator()
        self._update_caption()
        return True


def prepare_screenshot(
    window: MainWindow, *, ui_language: str | None = None, level: int | None = None, side_by_side: bool = False,
    popup: int | None = None,
) -> None:
    """Show the window as asked for a screenshot, saving nothing (language, level, side by side, popup)."""
    controller: BilingualController = window.bilingual  # type: ignore[attr-defined]
    if ui_language:
        window.language.switch(ui_language, save=False)  # type: ignore[attr-defined]
    if level is not None:
        controller.set_level(level, save=False)
    if side_by_side:
        window.apply_options(window.options.with_(translations=True, translation_mode="side"), save=False)
        controller._sync()
    if popup is not None:
        window.view.ensure_offset_visible(popup)
        if not controller.show_at(popup):
            raise ReaderError(f"there is no dictionary word at offset {popup}")


def install(window: MainWindow) -> BilingualController:
    """Add the bilingual reading aids to a main window."""
    from reader.gui import i18n, speech
    from reader.gui.panels import vocabulary_panel

    controller = BilingualController(window)
    window.bilingual = controller  # type: ignore[attr-defined]
    dock = vocabulary_panel.install(window, controller.view_menu)
    controller.vocabularyChanged.connect(dock.reload)
    dock.vocabularyChanged.connect(controller.known_words_may_have_changed)
    if str(window.store.value("bilingual/vocabulary_visible", "false")).lower() in ("true", "1"):
        dock.show()
    dock.visibilityChanged.connect(controller.remember_dock)
    speech.install(window, controller.view_menu)
    i18n.install(window)
    return controller
