"""Translations in the reader (gui layer): View → Translation (Off / Interlinear / Side by Side), the caption
naming the translator, and File → Import Translation… (a text file, one paragraph per line).

`install(window) -> TranslationController`; the window offers `TranslationWindow` (the main window does).
"""
from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QMenuBar, QStatusBar

from reader.core.errors import ReaderError
from reader.core.library import Library
from reader.core.text import ArticleInfo
from reader.gui import file_dialogs
from reader.gui.i18n import choice_actions, own
from reader.gui.options import DisplayOptions
from reader.gui.safe_text import plain
from reader.gui.signals import SignalHub

PROJECT_TRANSLATOR = "Bilingual Reader project"


class TranslationWindow(Protocol):
    """What the translation feature uses of its window (the main window is one)."""

    lib: Library
    hub: SignalHub
    options: DisplayOptions
    article: ArticleInfo | None  # the open article
    translations: dict[int, str]  # its translation lines
    view_menu: QMenu  # View → Translation goes after the Translation Lines toggle
    act_import: QAction  # File → Import Translation… goes after it
    act_translation: QAction

    def menuBar(self) -> QMenuBar: ...
    def statusBar(self) -> QStatusBar: ...
    def installEventFilter(self, filter: QObject) -> None: ...
    def error(self, title: str, message: str) -> None: ...
    def set_option(self, **changes: object) -> None: ...
    def reload_translations(self) -> None: ...


class TranslationController(QObject):
    """The translation modes, the translator caption and translation import of one window."""

    def __init__(self, window: TranslationWindow) -> None:
        super().__init__(window)  # type: ignore[arg-type] - the window is a QWidget
        self.window = window
        self.lib = window.lib
        self._translator: str | None = None
        self.caption = plain(QLabel(window))  # type: ignore[call-overload] - names a translator from a file
        self.caption.setObjectName("translationCaption")
        self.caption.setProperty("i18n_own", True)
        window.statusBar().addPermanentWidget(self.caption)
        self._build_menus()
        self.retranslate()
        window.installEventFilter(self)
        window.hub.articleChanged.connect(self._article_changed)
        window.hub.settingsChanged.connect(lambda _key, _initiator: self.sync())
        self.sync()

    def _menu_with(self, action: QAction) -> QMenu | None:
        for top in self.window.menuBar().actions():
            menu = top.menu()
            if menu is not None and action in menu.actions():
                return menu
        return None

    def _build_menus(self) -> None:
        w = self.window
        file_menu = self._menu_with(w.act_import)
        self.act_import_translation = own(QAction(w))  # type: ignore[call-overload]
        self.act_import_translation.triggered.connect(self.import_translation_dialog)
        if file_menu is not None:
            after = file_menu.actions()[file_menu.actions().index(w.act_import) + 1:]
            file_menu.insertAction(after[0] if after else None, self.act_import_translation)
        view_menu = w.view_menu
        anchor = next((a for a in view_menu.actions()[view_menu.actions().index(w.act_translation) + 1:]), None) \
            if w.act_translation in view_menu.actions() else None

        self.translation_menu = QMenu(view_menu)
        self.translation_group, self.translation_actions = choice_actions(
            self, w, self.translation_menu, ("off", "interlinear", "side"), self.set_translation_mode)
        own(self.translation_menu.menuAction())
        view_menu.insertMenu(anchor, self.translation_menu)

    def retranslate(self) -> None:
        self.act_import_translation.setText(self.tr("Import &Translation…"))
        self.act_import_translation.setToolTip(
            self.tr("Attach your own English translation: a text file with one paragraph per line"))
        self.translation_menu.setTitle(self.tr("Tra&nslation"))
        labels = {"off": self.tr("&Off"), "interlinear": self.tr("&Interlinear (under each paragraph)"),
                  "side": self.tr("&Side by Side")}
        for mode, act in self.translation_actions.items():
            act.setText(labels[mode])
        self._update_caption()

    def sync(self) -> None:
        o = self.window.options
        mode = "off" if not o.translations else getattr(o, "translation_mode", "interlinear")
        for key, act in self.translation_actions.items():
            act.setChecked(key == mode)
        self._update_caption()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange and obj is self.window:
            self.retranslate()
        return False

    def _article_changed(self, _article_id: int) -> None:
        self._load_translator()
        self._update_caption()

    def set_translation_mode(self, mode: str) -> None:
        """'off', 'interlinear' or 'side' (side by side)."""
        if mode == "off":
            self.window.set_option(translations=False)
        elif hasattr(self.window.options, "translation_mode"):
            self.window.set_option(translations=True, translation_mode=mode)
        else:
            self.window.set_option(translations=True)
        self.sync()

    def _load_translator(self) -> None:
        """Who translated the open article (read when the article or its translation changes)."""
        w = self.window
        self._translator = self.lib.translator(w.article.revision_id) if w.article is not None else None

    def _update_caption(self) -> None:
        w = self.window
        translator = self._translator if w.article is not None and w.options.translations and w.translations else None
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
            self.window, self.tr("Import a translation"), self.tr("Text files (*.txt);;All files (*)"))  # type: ignore[arg-type]
        if path:
            self.import_translation(path)

    def import_translation(self, path: str) -> bool:
        """Attach a translation file (one paragraph per line) to the open article and show it."""
        from reader.core.translations import import_translation  # ~2.5 ms with its decoder: not at start-up

        w = self.window
        if w.article is None:
            return False
        try:
            import_translation(self.lib, w.article.id, path)
        except ReaderError as exc:
            w.error(self.tr("Cannot import the translation"), str(exc))
            return False
        w.reload_translations()
        if not w.options.translations:
            self.set_translation_mode("interlinear")
        w.statusBar().showMessage(self.tr("Translation imported"), 4000)
        self._load_translator()
        self._update_caption()
        return True


def install(window: TranslationWindow) -> TranslationController:
    """Add View → Translation, the translator caption and File → Import Translation… to a window."""
    return TranslationController(window)
