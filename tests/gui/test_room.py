"""Small windows: the side panels give way so the text keeps its room, and come back when there is room."""
from __future__ import annotations

from PySide6.QtWidgets import QDockWidget

from reader.gui.layout_report import visible_layout
from reader.gui.room import MIN_CHARS


def docks(win) -> list[QDockWidget]:  # noqa: ANN001
    return [d for d in win.findChildren(QDockWidget) if d.isVisible()]


def settle(qtbot, qapp, win, width: int, height: int) -> None:  # noqa: ANN001
    win.resize(width, height)
    for _ in range(3):
        qapp.processEvents()
        qtbot.wait(10)


def test_at_800_by_600_the_panels_fold_and_the_column_holds_twenty_characters(window, qtbot, qapp) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    settle(qtbot, qapp, window, 1400, 900)
    assert docks(window) and window.splitter.sizes()[0] > 0, "control: a wide window shows every panel"
    assert not window.room.button.isVisible()
    settle(qtbot, qapp, window, 800, 600)
    em = window.view.doc.body.em
    assert window.view.doc.text_width >= MIN_CHARS * em, "the column holds twenty characters"
    assert window.splitter.sizes()[0] == 0 and not docks(window), "the library list and the docks gave way"
    assert window.room.button.isVisible() and not window.room.act_library.isChecked()
    lines = visible_layout(window.view, window)["lines"]
    assert lines and max(len(line["glyphs"]) for line in lines) >= 15
    right = window.view.mapTo(window, window.view.rect().topRight()).x()
    assert right <= window.width(), "nothing drawn outside the window"
    settle(qtbot, qapp, window, 1400, 900)
    assert docks(window) and window.splitter.sizes()[0] > 0, "wide again: the panels come back by themselves"
    assert not window.room.button.isVisible() and window.room.act_library.isChecked()


def test_the_panels_button_brings_them_back_and_a_closed_panel_stays_closed(window, qtbot, qapp) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    settle(qtbot, qapp, window, 1400, 900)
    window.room.act_library.setChecked(False)  # the reader closes the library list
    assert window.splitter.sizes()[0] == 0
    settle(qtbot, qapp, window, 800, 600)
    assert not docks(window)
    window.room.button.click()
    qapp.processEvents()
    assert docks(window), "the reader asked for the panels: they are back"
    assert window.splitter.sizes()[0] == 0, "the list the reader closed stays closed"
    settle(qtbot, qapp, window, 1400, 900)
    assert window.splitter.sizes()[0] == 0


def test_side_by_side_at_1280_with_the_panels_open(window, qtbot, qapp) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    settle(qtbot, qapp, window, 1280, 800)
    assert docks(window)
    window.apply_options(window.options.with_(translations=True, translation_mode="side"), save=False)
    for _ in range(3):
        qapp.processEvents()
        qtbot.wait(10)
    assert window.view.doc.side_by_side, "two columns: the library list gave way"
    assert docks(window), "the annotations stay open"
    assert "too narrow" not in window.status_label.text()


def test_a_fold_made_for_room_is_not_remembered_by_the_next_window(window, qtbot, qapp, seeded_db) -> None:  # noqa: ANN001
    from reader.core.library import Library
    from reader.gui.main_window import MainWindow

    window.open_article(1, offset=0)
    settle(qtbot, qapp, window, 800, 600)
    assert window.splitter.sizes()[0] == 0
    window.close()
    lib = Library.open(seeded_db)
    again = MainWindow(lib)
    qtbot.addWidget(again)
    again.show()
    settle(qtbot, qapp, again, 1400, 900)
    assert again.splitter.sizes()[0] > 0, "the library list is back in a wide window"
    again.close()
    lib.close()
