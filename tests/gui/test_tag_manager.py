"""The tag manager: rename, recolour, keys, order, add and delete (asking when in use) — each undoable."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMessageBox

from reader.core.annotations import Annotations
from reader.core.tags import Tags
from reader.gui import safe_text
from reader.gui.tag_manager import TAG_ROLE, TagManagerDialog


@pytest.fixture
def dialog(window, qtbot):  # noqa: ANN001, ANN201
    window.open_article(1, offset=0)
    dlg = TagManagerDialog(window.annotator, window)
    qtbot.addWidget(dlg)
    dlg.show()
    yield dlg
    dlg.done(0)


def choose(dlg: TagManagerDialog, name: str) -> None:
    for i in range(dlg.tree.topLevelItemCount()):
        top = dlg.tree.topLevelItem(i)
        for k in range(top.childCount()):
            if top.child(k).text(0) == name:
                dlg.tree.setCurrentItem(top.child(k))
                return
    raise AssertionError(f"no tag {name} listed")


def answers(monkeypatch, texts: list[str]) -> None:  # noqa: ANN001
    queue = list(texts)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (queue.pop(0), True)))


def listed(dlg: TagManagerDialog, tagset: str) -> list[str]:
    for i in range(dlg.tree.topLevelItemCount()):
        top = dlg.tree.topLevelItem(i)
        if top.text(0) == tagset:
            return [top.child(k).text(0) for k in range(top.childCount())]
    return []


def test_rename_in_english_and_chinese_shows_in_the_panel_and_undoes(window, dialog, monkeypatch) -> None:  # noqa: ANN001
    c = window.annotator
    ann = Annotations(window.lib).create(1, 10, 20, tags=["Claim"]).annotation
    window.hub.annotations_changed(1)
    choose(dialog, "Claim")
    answers(monkeypatch, ["Thesis", "主张"])
    dialog.rename()
    tag = Tags(window.lib).resolve("Rhetoric/Thesis")
    assert tag.name_zh == "主张"
    assert "Thesis" in listed(dialog, "Rhetoric")
    assert c.by_id[ann.id].tags[0].name == "Thesis", "the panel shows the new name"
    assert dialog.tree.currentItem().data(0, TAG_ROLE) == tag.id
    c.undo()
    assert Tags(window.lib).get(tag.id).name == "Claim" and "Claim" in listed(dialog, "Rhetoric")


def test_recolour_repaints_highlights_and_undoes(window, dialog, monkeypatch) -> None:  # noqa: ANN001
    c = window.annotator
    ann = Annotations(window.lib).create(1, 10, 20, tags=["Evidence"]).annotation
    window.hub.annotations_changed(1)
    choose(dialog, "Evidence")
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor("#123456")))
    dialog.recolour()
    assert Tags(window.lib).resolve("Evidence").color == "#123456"
    assert window.view._highlights[0][2].name() == "#123456" and window.view._highlights[0][3] == ann.id
    c.undo()
    assert window.view._highlights[0][2].name() == "#3fb6a8"


def test_deleting_a_tag_in_use_asks_with_the_count(window, dialog, monkeypatch) -> None:  # noqa: ANN001
    c = window.annotator
    anns = Annotations(window.lib)
    a = anns.create(1, 10, 20, tags=["Opinion"]).annotation
    anns.create(1, 30, 40, tags=["Opinion", "Agree"])
    window.hub.annotations_changed(1)
    asked: list[str] = []
    reply = {"button": QMessageBox.StandardButton.No}

    def question(_parent, _title, text, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        asked.append(text)
        return reply["button"]

    monkeypatch.setattr(safe_text, "question", question)
    choose(dialog, "Opinion")
    dialog.delete()
    assert asked and "2 annotations use the tag Opinion" in asked[0]
    assert Tags(window.lib).resolve("Opinion")
    reply["button"] = QMessageBox.StandardButton.Yes
    dialog.delete()
    assert "Opinion" not in listed(dialog, "Rhetoric")
    assert [t.name for t in anns.get(a.id).tags] == []
    assert not window.view._highlights[0][2].name() == "#a77bca", "the highlight lost the tag's colour"
    c.undo()
    assert [t.name for t in anns.get(a.id).tags] == ["Opinion"]
    assert "Opinion" in listed(dialog, "Rhetoric")
    asked.clear()
    choose(dialog, "Neutral")
    dialog.delete()
    assert asked == [], "a tag nobody uses goes without asking"
    assert "Neutral" not in listed(dialog, "Stance")


def test_move_key_and_add(window, dialog, monkeypatch) -> None:  # noqa: ANN001
    c = window.annotator
    choose(dialog, "Question")
    dialog.move(-1)
    assert listed(dialog, "Stance") == ["Agree", "Question", "Disagree", "Neutral"]
    assert dialog.tree.currentItem().text(0) == "Question"
    c.undo()
    assert listed(dialog, "Stance") == ["Agree", "Disagree", "Question", "Neutral"]
    # give Neutral no key, then Question the freed key... keys are unique
    choose(dialog, "Neutral")
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("None", True)))
    dialog.set_key()
    assert Tags(window.lib).resolve("Neutral").shortcut is None
    warnings: list[str] = []
    monkeypatch.setattr(safe_text, "warning", lambda _p, _t, text, *a, **k: warnings.append(text))
    choose(dialog, "Question")
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("1", True)))
    dialog.set_key()
    assert warnings and "already the shortcut of Stance/Agree" in warnings[0]
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("4", True)))
    dialog.set_key()
    assert Tags(window.lib).resolve("Question").shortcut == "4"
    # the new key works in the reader at once (after the dialog is closed)
    s = c.text.index("聯合國安理會")
    window.view.set_selection(s, s + 6)
    c.tag_actions[3].trigger()  # the action behind the key 4
    assert [t.name for t in c.items[0].tags] == ["Question"]
    # a new tag in a new tagset
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("Logic", True)))
    answers(monkeypatch, ["Fallacy", "谬误"])
    dialog.add()
    assert listed(dialog, "Logic") == ["Fallacy"]
    assert any(t.name == "Fallacy" for t in c.tag_list), "the reader knows the new tag"
    c.undo()
    assert listed(dialog, "Logic") == []
