"""The interface in English, 简体中文 and 繁體中文: menus switch at once, titles follow, translations are complete."""
from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reader.gui import i18n


@pytest.fixture(autouse=True)
def english_afterwards():  # noqa: ANN201
    yield
    i18n.set_language("en", save=False)


def _menu_titles(window) -> list[str]:  # noqa: ANN001
    return [a.text() for a in window.menuBar().actions()]


def _all_action_texts(window) -> set[str]:  # noqa: ANN001
    out = set()
    for top in window.menuBar().actions():
        stack = [top.menu()]
        while stack:
            menu = stack.pop()
            for act in menu.actions():
                out.add(act.text())
                if act.menu() is not None:
                    stack.append(act.menu())
    return out


def test_switching_to_chinese_and_back_retranslates_menus_at_once(window) -> None:  # noqa: ANN001
    assert _menu_titles(window)[0] == "&File"
    window.language.switch("zh_CN")
    titles = _menu_titles(window)
    assert titles[0] == "文件(&F)" and "视图(&V)" in titles
    texts = _all_action_texts(window)
    assert "导入译文(&T)…" in texts and "悬停显示词典(&D)" in texts and "简体中文" in texts
    assert window.bilingual.popup.add_button.text() == "加入生词本"
    window.language.switch("zh_TW")
    titles = _menu_titles(window)
    assert titles[0] == "檔案(&F)" and "檢視(&V)" in titles
    assert "匯入譯文(&T)…" in _all_action_texts(window)
    window.language.switch("en")
    assert _menu_titles(window)[0] == "&File"
    texts = _all_action_texts(window)
    assert "Import &Translation…" in texts and "&Tone Colours" in texts
    assert not any("文件" in t or "檔案" in t for t in texts)


def test_choice_is_remembered_and_applied_to_a_new_window(window, qtbot, seeded_db) -> None:  # noqa: ANN001
    from reader.core.library import Library
    from reader.gui.main_window import MainWindow

    window.language.switch("zh_TW")
    window.close()
    i18n.set_language("en", save=False)
    with Library.open(seeded_db) as lib:
        again = MainWindow(lib)
        qtbot.addWidget(again)
        assert i18n.ui_language() == "zh_TW"
        assert _menu_titles(again)[0] == "檔案(&F)"
        assert again.language.actions["zh_TW"].isChecked()
        again.close()


def test_sidebar_titles_follow_the_interface_language(window) -> None:  # noqa: ANN001
    first = window.sidebar.item(0).text()
    assert "66 Organisations in 48 Hours" in first
    window.language.switch("zh_CN")
    first = window.sidebar.item(0).text()
    assert first.startswith("48小时退出66个国际组织"), "the Traditional title in the Simplified interface's script"
    assert "Organisations" not in first and "繁体" in first
    window.language.switch("zh_TW")
    second = window.sidebar.item(1).text()
    assert second.startswith("美國大規模") and "簡體" in second


def test_system_choice_follows_the_locale() -> None:
    from PySide6.QtCore import QLocale

    assert i18n.system_language(QLocale("zh_CN")) == "zh_CN"
    assert i18n.system_language(QLocale("zh_TW")) == "zh_TW"
    assert i18n.system_language(QLocale("zh_HK")) == "zh_TW"
    assert i18n.system_language(QLocale("en_GB")) == "en"


ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "translations"


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
def test_every_string_has_a_translation(lang) -> None:  # noqa: ANN001
    tree = ET.parse(TS_DIR / f"bilingual_reader_{lang}.ts")
    missing = []
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            node = message.find("translation")
            forms = [n.text for n in node.iter("numerusform")] if node is not None else []
            text = "".join(f or "" for f in forms) if forms else (node.text if node is not None else "")
            if node is None or node.get("type") == "unfinished" or not (text or "").strip():
                missing.append((context.findtext("name"), message.findtext("source")))
    assert not missing, f"untranslated: {missing}"


def pyside_tool(name: str) -> str:
    """A PySide6 tool beside this Python (the project's environment), else on PATH; skips the test if absent."""
    local = Path(sys.executable).with_name(name)
    tool = str(local) if local.exists() else shutil.which(name)
    if tool is None:
        pytest.skip(f"{name} is not installed")
    return tool


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
def test_compiled_translations_are_up_to_date(lang, tmp_path) -> None:  # noqa: ANN001
    tool = pyside_tool("pyside6-lrelease")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([tool, "-silent", str(TS_DIR / f"bilingual_reader_{lang}.ts"), "-qm", str(fresh)], check=True)
    shipped = TS_DIR / f"bilingual_reader_{lang}.qm"
    assert shipped.read_bytes() == fresh.read_bytes(), "run `make translations` (resources/translations/update_translations.py)"


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
def test_every_string_of_the_interface_is_in_the_translations(lang, tmp_path) -> None:  # noqa: ANN001
    """A string added to the code but never collected would show in English to a Chinese reader."""
    tool = pyside_tool("pyside6-lupdate")
    ts = tmp_path / f"bilingual_reader_{lang}.ts"
    shutil.copy(TS_DIR / ts.name, ts)
    sources = sorted(str(p) for p in (ROOT / "reader" / "gui").rglob("*.py"))
    subprocess.run([tool, *sources, "-no-obsolete", "-locations", "none", "-ts", str(ts)], check=True,
                   capture_output=True)
    fresh = ET.parse(ts).getroot()
    new = [(c.findtext("name"), m.findtext("source")) for c in fresh.iter("context") for m in c.iter("message")
           if (m.find("translation") is None or m.find("translation").get("type") == "unfinished")]
    assert not new, f"run `make translations` and translate: {new}"
