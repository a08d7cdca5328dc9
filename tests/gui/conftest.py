"""GUI test setup: the bundled font for deterministic layout, and a main window on the seeded library."""
from __future__ import annotations

import os

import pytest

os.environ["READER_FONT"] = "bundled"


@pytest.fixture
def window(qtbot, seeded_db):  # noqa: ANN001, ANN201
    from reader.core.library import Library
    from reader.gui.main_window import MainWindow

    lib = Library.open(seeded_db)
    win = MainWindow(lib)
    win.resize(1100, 760)
    win.view.smooth_scrolling = False
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    lib.close()


@pytest.fixture
def no_dialogs(monkeypatch):  # noqa: ANN001, ANN201
    """Record message boxes instead of showing them (a modal dialog would block the test)."""
    from PySide6.QtWidgets import QMessageBox

    calls: list[tuple[str, str]] = []

    def record(_parent, title, text, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        calls.append((title, text))
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    from reader.gui import safe_text

    monkeypatch.setattr(safe_text, "_box", lambda _icon, parent, title, text, *a, **k: record(parent, title, text))
    return calls
