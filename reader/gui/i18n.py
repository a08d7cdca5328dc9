"""The interface language (gui layer): English, 简体中文 or 繁體中文 through Qt's translation system.

The translations are `resources/translations/bilingual_reader_<lang>.ts` (sources, edited by people) and the
compiled `.qm` files next to them (shipped). `set_language(choice)` installs the matching QTranslator (plus
Qt's own translations of standard buttons) and remembers the choice; "system" follows the system locale.
Widgets built with `tr()` at start-up are retranslated in place by `retranslate_widgets`, which maps each
text back to its English source through the .ts files and forward to the new language, so switching takes
effect immediately. `install(window)` adds View → Language to a window that offers `LanguageWindow`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from reader.core.paths import RESOURCES_DIR
from reader.core.pipeline.script import convert_text
from reader.core.text import ArticleInfo
from reader.gui.options import settings
from reader.gui.signals import SignalHub

T = TypeVar("T")

TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
CATALOGUE = "bilingual_reader"
CHOICES = ("system", "en", "zh_CN", "zh_TW")
#: Each language's name in itself (never translated, so a reader can always find their own).
NATIVE_NAMES = {"en": "English", "zh_CN": "简体中文", "zh_TW": "繁體中文"}
SETTING = "ui/language"

_installed: list[QTranslator] = []
_current = "en"


def ts_path(lang: str) -> Path:
    return TRANSLATIONS_DIR / f"{CATALOGUE}_{lang}.ts"


def system_language(locale: QLocale | None = None) -> str:
    """The system locale as one of en / zh_CN / zh_TW (Traditional script, Taiwan, Hong Kong, Macau → zh_TW)."""
    locale = locale or QLocale.system()
    if locale.language() != QLocale.Language.Chinese:
        return "en"
    if locale.script() == QLocale.Script.TraditionalChineseScript or locale.territory() in (
        QLocale.Country.Taiwan, QLocale.Country.HongKong, QLocale.Country.Macau,
    ):
        return "zh_TW"
    return "zh_CN"


def resolve(choice: str) -> str:
    return system_language() if choice not in NATIVE_NAMES else choice


def saved_choice() -> str:
    value = str(settings().value(SETTING, "system"))
    return value if value in CHOICES else "system"


def ui_language() -> str:
    """The language the interface is shown in now: 'en', 'zh_CN' or 'zh_TW'."""
    return _current


def set_language(choice: str, *, save: bool = True) -> str:
    """Install the translators for a choice (system/en/zh_CN/zh_TW); returns the language now in use."""
    global _current
    app = QCoreApplication.instance()
    lang = resolve(choice)
    if app is not None:
        for old in _installed:
            app.removeTranslator(old)
        _installed.clear()
        if lang != "en":
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            for name, folder in ((f"qtbase_{lang}", qt_dir), (f"{CATALOGUE}_{lang}", str(TRANSLATIONS_DIR))):
                translator = QTranslator(app)
                if translator.load(name, folder):
                    app.installTranslator(translator)
                    _installed.append(translator)
    _current = lang
    if save:
        store = settings()
        store.setValue(SETTING, choice if choice in CHOICES else "system")
        store.sync()
    return lang


# ---- catalogues --------------------------------------------------------------------------------------
@lru_cache(maxsize=4)
def catalogue(lang: str) -> dict[str, str]:
    """English source → translation for one language, from its .ts file (first context wins)."""
    out: dict[str, str] = {}
    path = ts_path(lang)
    if lang == "en" or not path.exists():
        return out
    import xml.etree.ElementTree as ET  # only a language switch reads the sources

    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source")
        node = message.find("translation")
        if source is None or node is None or node.get("type") in ("obsolete", "vanished"):
            continue
        text = "".join(node.itertext()) if node.find("numerusform") is None else node.findtext("numerusform")
        if text:
            out.setdefault(source, text)
    return out


def to_source(text: str, lang: str) -> str:
    """The English source of a text shown in `lang` (the text itself when it is not a known translation)."""
    if lang == "en":
        return text
    reverse = _reverse(lang)
    return reverse.get(text, text)


@lru_cache(maxsize=4)
def _reverse(lang: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for source, translation in catalogue(lang).items():
        out.setdefault(translation, source)
    return out


def translate_text(text: str, old: str, new: str) -> str:
    """A text shown in `old` as it reads in `new` (unknown texts are left as they are)."""
    source = to_source(text, old)
    if new == "en":
        return source
    return catalogue(new).get(source, text if source == text else source)


def retranslate_widgets(root: QWidget, old: str, new: str) -> None:
    """Retranslate the menus, actions, docks, labels and buttons under `root` that were built with tr()
    (actions whose feature retranslates them itself carry the property `i18n_own`)."""
    if old == new:
        return

    def fix(get, set_) -> None:  # noqa: ANN001
        text = get()
        if text:
            new_text = translate_text(text, old, new)
            if new_text != text:
                set_(new_text)

    actions = set(root.findChildren(QAction)) | {m.menuAction() for m in root.findChildren(QMenu)}
    for widget in [root, *root.findChildren(QWidget)]:
        actions.update(widget.actions())
    for act in actions:
        if act.property("i18n_own"):
            continue
        fix(act.text, act.setText)
        fix(act.toolTip, act.setToolTip)
        fix(act.statusTip, act.setStatusTip)
    for dock in root.findChildren(QDockWidget):
        if not dock.property("i18n_own"):
            fix(dock.windowTitle, dock.setWindowTitle)
    for widget in root.findChildren(QWidget):
        if _owned(widget, root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            fix(widget.text, widget.setText)
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            fix(widget.placeholderText, widget.setPlaceholderText)
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                fix(lambda i=i, w=widget: w.itemText(i), lambda text, i=i, w=widget: w.setItemText(i, text))
        if isinstance(widget, QGroupBox):
            fix(widget.title, widget.setTitle)
        fix(widget.toolTip, widget.setToolTip)


def own(action: QAction) -> QAction:
    """Mark an action as retranslated by its feature (`retranslate_widgets` leaves it alone)."""
    action.setProperty("i18n_own", True)
    return action


def choice_actions(
    group_parent: QObject, action_parent: QObject, menu: QMenu, values: Iterable[T], choose: Callable[[T], None],
) -> tuple[QActionGroup, dict[T, QAction]]:
    """One checkable, exclusive action per value in `menu` (each retranslated by its feature, see `own`),
    calling `choose(value)` when picked; returns the group and the actions by value."""
    group = QActionGroup(group_parent)
    actions: dict[T, QAction] = {}
    for value in values:
        act = own(QAction(action_parent))
        act.setCheckable(True)
        act.setData(value)
        act.triggered.connect(lambda _=False, v=value: choose(v))
        group.addAction(act)
        menu.addAction(act)
        actions[value] = act
    return group, actions


def _owned(widget: QObject, root: QObject) -> bool:
    """True when the widget or one of its ancestors (below root) retranslates itself."""
    node: QObject | None = widget
    while node is not None and node is not root:
        if node.property("i18n_own"):
            return True
        node = node.parent()
    return False


def article_title(info: ArticleInfo, lang: str | None = None) -> str:
    """An article's title for the interface language: English when there is one for an English interface;
    the Chinese title in the interface's script for a Chinese one."""
    lang = lang or _current
    if lang == "en":
        return info.title_en or info.title
    if lang == "zh_CN":
        return info.title if info.script == "simplified" else convert_text(info.title, "simplified")
    return info.title if info.script == "traditional" else convert_text(info.title, "taiwan")


def sidebar_articles(articles: list[ArticleInfo], lang: str | None = None) -> list[ArticleInfo]:
    """The library list as the sidebar shows it: for a Chinese interface, titles in the interface's script."""
    lang = lang or _current
    if lang == "en":
        return articles
    return [replace(info, title=article_title(info, lang)) for info in articles]


# ---- View → Language --------------------------------------------------------------------------------
class LanguageWindow(Protocol):
    """What View → Language uses of its window (the main window is one)."""

    hub: SignalHub
    article: ArticleInfo | None  # the open article
    act_translation: QAction  # View → Language goes in the menu that holds it

    def menuBar(self) -> QMenuBar: ...
    def installEventFilter(self, filter: QObject) -> None: ...
    def refresh_library(self) -> None: ...
    def update_status(self) -> None: ...


class LanguageController(QObject):
    """View → Language: English / 简体中文 / 繁體中文 / System, applied at once."""

    def __init__(self, window: LanguageWindow, menu: QMenu | None) -> None:
        super().__init__(window)  # type: ignore[arg-type] - the window is a QWidget
        self.window = window
        self.menu = QMenu(window)
        self.menu.menuAction().setProperty("i18n_own", True)
        self.group, self.actions = choice_actions(self, window, self.menu, CHOICES, self.switch)
        if menu is not None:
            menu.addSeparator()
            menu.addMenu(self.menu)
        self.choice = saved_choice()
        if _current != resolve(self.choice):
            old = _current
            set_language(self.choice, save=False)
            retranslate_widgets(window, old, _current)
        self.retranslate()
        window.installEventFilter(self)

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Language"))
        for choice, act in self.actions.items():
            act.setText(NATIVE_NAMES.get(choice) or self.tr("&System (%1)").replace(
                "%1", NATIVE_NAMES[system_language()]))
            act.setChecked(choice == self.choice)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def switch(self, choice: str, *, save: bool = True) -> str:
        """Change the interface language now (and remember it when `save`); returns the language in use."""
        old = _current
        self.choice = choice if choice in CHOICES else "system"
        lang = set_language(self.choice, save=save)
        QCoreApplication.processEvents()  # deliver LanguageChange: widgets that retranslate themselves do
        retranslate_widgets(self.window, old, lang)
        self.retranslate()
        self.window.refresh_library()
        self.window.update_status()
        # views that compose their texts (counts, lists) redraw them in the new language
        self.window.hub.settings_changed("language", initiator=self)
        if self.window.article is not None:
            self.window.hub.annotations_changed(self.window.article.id, initiator=self)
        return lang


def install(window: LanguageWindow) -> LanguageController:
    """Add View → Language to a main window and apply the saved choice."""
    view_menu = None
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is not None and window.act_translation in menu.actions():
            view_menu = menu
    return LanguageController(window, view_menu)
