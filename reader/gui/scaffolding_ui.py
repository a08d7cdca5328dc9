"""Pinyin scaffolding in the reader (gui layer): View → Readings For (all words, or only words above the
reader's HSK level, never over words the reader knows) and View → My HSK Level.

`install(window, dictionary) -> ScaffoldingController`; the window offers `ScaffoldingWindow` (the main
window does) and `dictionary()` gives the shared dictionary (None when it is not available).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from reader.core import scaffolding, vocabulary
from reader.core.dictionary import Dictionary
from reader.core.errors import ReaderError
from reader.core.library import Library
from reader.gui.i18n import choice_actions, own
from reader.gui.reading_view import ReadingView
from reader.gui.signals import SignalHub

LEVELS = (0, 1, 2, 3, 4, 5, 6, 7)


class ScaffoldingWindow(Protocol):
    """What the scaffolding feature uses of its window (the main window is one)."""

    lib: Library
    store: QSettings
    view: ReadingView  # gets the per-word reading filter
    hub: SignalHub
    view_menu: QMenu  # Readings For goes before View → Translation

    def installEventFilter(self, filter: QObject) -> None: ...
    def error(self, title: str, message: str) -> None: ...


class ScaffoldingController(QObject):
    """Readings only above the reader's level: the menus, the saved choice and the view's reading filter."""

    def __init__(self, window: ScaffoldingWindow, dictionary: Callable[[], Dictionary | None],
                 before: QAction | None = None) -> None:
        super().__init__(window)  # type: ignore[arg-type] - the window is a QWidget
        self.window = window
        self.view = window.view
        self.lib = window.lib
        self.store = window.store
        self.dictionary = dictionary
        self._known: set[str] = set()
        self.scaffolding_on = str(self.store.value("bilingual/scaffolding", "false")).lower() in ("true", "1")
        try:
            self.level = scaffolding.get_level(self.lib)
        except ReaderError:
            self.level = 0
        self._build_menus(before)
        self.retranslate()
        window.installEventFilter(self)
        window.hub.settingsChanged.connect(lambda _key, _initiator: self.sync())
        self.sync()
        self.apply_scaffolding()

    def _build_menus(self, before: QAction | None) -> None:
        w = self.window
        view_menu = w.view_menu
        self.readings_menu = QMenu(view_menu)
        self.scaffold_group = QActionGroup(self)
        self.act_all_readings = own(QAction(w))  # type: ignore[call-overload]
        self.act_level_readings = own(QAction(w))  # type: ignore[call-overload]
        for act, on in ((self.act_all_readings, False), (self.act_level_readings, True)):
            act.setCheckable(True)
            act.triggered.connect(lambda _=False, v=on: self.set_scaffolding(v))
            self.scaffold_group.addAction(act)
            self.readings_menu.addAction(act)
        self.readings_menu.addSeparator()
        self.level_menu = QMenu(self.readings_menu)
        self.level_group, self.level_actions = choice_actions(self, w, self.level_menu, LEVELS, self.set_level)
        own(self.level_menu.menuAction())
        self.readings_menu.addMenu(self.level_menu)
        own(self.readings_menu.menuAction())
        view_menu.insertMenu(before, self.readings_menu)  # type: ignore[arg-type]

    def retranslate(self) -> None:
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

    def sync(self) -> None:
        self.act_level_readings.setChecked(self.scaffolding_on)
        self.act_all_readings.setChecked(not self.scaffolding_on)
        for level, act in self.level_actions.items():
            act.setChecked(level == min(self.level, 7))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange and obj is self.window:
            self.retranslate()
        return False

    def set_scaffolding(self, on: bool) -> None:
        self.scaffolding_on = bool(on)
        self.store.setValue("bilingual/scaffolding", self.scaffolding_on)
        self.sync()
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
        self.sync()
        self.apply_scaffolding()

    def known_words_may_have_changed(self) -> None:
        """The vocabulary changed elsewhere: redraw readings if the set of known words is different."""
        if self.scaffolding_on and vocabulary.known_words(self.lib) != self._known:
            self.apply_scaffolding()

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


def install(window: ScaffoldingWindow, dictionary: Callable[[], Dictionary | None],
            before: QAction | None = None) -> ScaffoldingController:
    """Add View → Readings For to a window (before the action `before`, else at the end of the View menu)."""
    return ScaffoldingController(window, dictionary, before)
