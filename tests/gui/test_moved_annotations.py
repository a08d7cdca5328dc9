"""A highlight re-anchored without certainty is marked "moved" in the panel until the reader confirms it."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from reader.core.annotations import Annotations

QUOTE = "指令美国退出66个“不再符合美国利益”的国际组织"


def make_moved(window, tmp_path: Path) -> tuple[int, int]:  # noqa: ANN001
    """Two highlights on seed 2; a revision edits inside the first (now `moved`), not the second."""
    lib = window.lib
    text = lib.revision_text(lib.article(2).revision_id)
    s = text.index(QUOTE)
    anns = Annotations(lib)
    moved = anns.create(2, s, s + len(QUOTE), tags=["Claim"], note="check the number").annotation.id
    kept = anns.create(2, 0, 4).annotation.id
    edited = tmp_path / "edited.txt"
    edited.write_text(text.replace(QUOTE, "指令美国立即退出66个“不再符合美国利益”的国际组织"), encoding="utf-8")
    anns.revise(2, edited)
    assert anns.get(moved).status == "moved" and anns.get(kept).status == "anchored"
    window.open_article(2, offset=0)
    return moved, kept


def status(window, ann_id: int) -> str:  # noqa: ANN001
    return Annotations(window.lib).get(ann_id).status


def test_the_panel_bar_confirms_a_moved_highlight_and_undo_brings_the_mark_back(window, qtbot, tmp_path) -> None:  # noqa: ANN001
    moved, kept = make_moved(window, tmp_path)
    panel = window.annotator.panel
    bar = panel.moved_bar
    panel.list.setCurrentIndex(panel.model.index(panel.model.row_of(kept)))
    assert not bar.isVisible(), "positive control: an anchored highlight shows no bar"
    panel.list.setCurrentIndex(panel.model.index(panel.model.row_of(moved)))
    assert bar.isVisible() and bar.button.text() == "Confirm position"
    assert "Moved — please check" in panel.model.tooltip(Annotations(window.lib).get(moved))
    save_shot(window, tmp_path / "moved_panel.png")
    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    assert status(window, moved) == "anchored"
    assert not bar.isVisible()
    assert not panel.model.annotation(panel.model.row_of(moved)).moved
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert status(window, moved) == "moved"
    panel.list.setCurrentIndex(panel.model.index(panel.model.row_of(moved)))
    assert bar.isVisible()


def test_the_panel_and_reading_view_menus_offer_confirm_position_only_for_a_moved_highlight(window, tmp_path) -> None:  # noqa: ANN001
    moved, kept = make_moved(window, tmp_path)
    panel = window.annotator.panel
    row = panel.model.row_of(kept)
    panel.list.customContextMenuRequested.emit(panel.list.visualRect(panel.model.index(row)).center())
    assert not [m for m in panel.findChildren(QMenu) if m.isVisible()], "no menu for an anchored highlight"
    row = panel.model.row_of(moved)
    panel.list.customContextMenuRequested.emit(panel.list.visualRect(panel.model.index(row)).center())
    menu = next(m for m in panel.findChildren(QMenu) if m.isVisible())
    next(a for a in menu.actions() if a.text() == "Confirm position").trigger()
    menu.close()
    assert status(window, moved) == "anchored"
    window.annotator.undo()
    assert status(window, moved) == "moved"
    ann = Annotations(window.lib).get(moved)
    texts = [a.text() for a in window.view.build_context_menu(ann.start + 1).actions()]
    assert "Confirm position" in texts
    assert "Confirm position" not in [a.text() for a in window.view.build_context_menu(1).actions()]
    assert "Moved — please check" in window.annotator.menus.tooltip_html(ann.start + 1)
    next(a for a in window.view.build_context_menu(ann.start + 1).actions() if a.text() == "Confirm position").trigger()
    assert status(window, moved) == "anchored"


def save_shot(window, path: Path) -> None:  # noqa: ANN001
    assert window.grab().save(str(path), "PNG")
    folder = os.environ.get("READER_TEST_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(folder) / path.name)
