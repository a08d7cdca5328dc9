"""Help → About: the version, and the libraries and data the app ships with (no copyleft EPUB library)."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

import reader


def test_about_box_shows_the_version_and_what_is_inside(window, monkeypatch) -> None:  # noqa: ANN001
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda _parent, title, text: shown.append((title, text))))
    action = next(a for a in window.findChildren(type(window.menuBar().actions()[0]))
                  if a.text().replace("&", "") == "About Bilingual Reader")
    action.trigger()
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "About Bilingual Reader"
    assert f"Bilingual Reader {reader.__version__}" in text
    assert "CC-CEDICT" in text and "lxml" in text and "EbookLib" not in text and "AGPL" not in text
