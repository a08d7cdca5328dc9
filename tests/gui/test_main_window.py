"""The main window: library sidebar, find bar, remembered options and positions, importing by drag and drop."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent


def test_sidebar_lists_articles_with_titles_script_and_length(window) -> None:  # noqa: ANN001
    items = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert len(items) == 2
    assert items[0].startswith("48小時退出66個國際組織")
    assert "66 Organisations in 48 Hours" in items[0]
    assert "Traditional" in items[0] and "3,455 characters" in items[0]
    window.sidebar.setCurrentRow(1)
    assert window.article.id == 2
    assert window.status_label.text().startswith("3,485 characters · ")


def test_find_bar_matches_simplified_query_in_traditional_text(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    window.find_bar.edit.setText("联合国")
    text = "\n".join(p.text for p in window.view.paragraphs)
    assert len(window._matches) >= 10
    assert all(text[s:e] == "聯合國" for s, e in window._matches)
    assert window.find_bar.count.text() == f"1 of {len(window._matches)}"
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window._match == 1
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window._match == 0
    s, _ = window._matches[0]
    rect = window.view.glyph_rect(s)
    assert 0 <= rect.top() < window.view.viewport().height(), "the current match is scrolled into view"


def test_options_and_reading_position_survive_a_new_window(window, qtbot, seeded_db) -> None:  # noqa: ANN001
    from reader.core.library import Library
    from reader.gui.main_window import MainWindow

    window.open_article(2, offset=0)
    window.apply_options(window.options.with_(script="traditional", pinyin="zhuyin", tones="hanping", size=24.0))
    window.view.scroll_to_offset(1500)
    top = window.view.top_offset()
    assert top > 1000
    window.close()
    with Library.open(seeded_db) as lib:
        again = MainWindow(lib)
        qtbot.addWidget(again)
        again.show()
        assert (again.options.script, again.options.pinyin, again.options.tones, again.options.size) == (
            "traditional", "zhuyin", "hanping", 24.0)
        assert again.article.id == 2
        assert abs(again.view.top_offset() - top) < 80
        assert again.script_group.checkedAction().data() == "traditional"
        again.close()


def drop(window, path: Path) -> None:  # noqa: ANN001
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def test_dropping_a_bad_file_shows_an_error_and_adds_nothing(window, qtbot, tmp_path, no_dialogs) -> None:  # noqa: ANN001
    before = len(window.lib.list_articles())
    image = tmp_path / "photo.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    drop(window, image)
    assert no_dialogs and "photo.png" in no_dialogs[-1][0]
    binary = tmp_path / "data.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    drop(window, binary)
    qtbot.waitUntil(lambda: len(no_dialogs) >= 2 and not window._workers, timeout=10000)
    assert "data.txt" in no_dialogs[-1][0]
    assert len(window.lib.list_articles()) == before


def test_dropping_a_text_file_imports_and_opens_it(window, qtbot, tmp_path, no_dialogs) -> None:  # noqa: ANN001
    text = tmp_path / "短文.txt"
    text.write_text("我们学习中文。\n\n今天天气很好。", encoding="utf-8")
    drop(window, text)
    qtbot.waitUntil(lambda: window.sidebar.count() == 3 and not window._workers, timeout=20000)
    assert not no_dialogs
    assert window.article is not None and window.article.chars == 14
    qtbot.waitUntil(lambda: all(i in window.view.doc.tokens for i in range(len(window.view.paragraphs))), timeout=20000)
    assert window.view.doc.locate(0)[3].reading is not None


def test_damaged_library_shows_a_dialog(tmp_path, qapp, no_dialogs, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    from reader.gui.app import open_library_or_explain

    shown: list[str] = []

    def quit_box(box: QMessageBox) -> int:
        shown.append(box.text() + "\n" + box.detailedText())
        next(b for b in box.buttons() if b.text() == "Quit").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", quit_box)
    bad = tmp_path / "broken.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    assert open_library_or_explain(str(bad)) is None
    assert shown and "damaged" in shown[0] and "broken.sqlite3" in shown[0]
    assert bad.read_bytes() == b"this is not a database" * 100


def test_translation_lines_and_theme_override(window) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    view = window.view
    before = view.doc.layout(1).height
    window.act_translation.trigger()
    assert window.options.translations
    lay = view.doc.layout(1)
    assert lay.translation and lay.translation[0][1].startswith("In January 2026")
    assert lay.height > before
    window.theme_group.actions()[2].trigger()  # Dark
    assert window.options.theme == "dark" and view.palette_.dark
    window.theme_group.actions()[1].trigger()  # Light
    assert not view.palette_.dark
    size = window.options.size
    window.zoom(1)
    assert window.options.size > size
    window.zoom(0)
    assert window.options.size == 20.0


def test_a_new_reader_starts_at_the_top_and_the_status_bar_says_so(qtbot, seeded_db) -> None:  # noqa: ANN001
    """The first start: the article is opened before the window has a size; the position shown is 0 %."""
    from reader.core import positions
    from reader.core.library import Library
    from reader.gui.main_window import MainWindow

    with Library.open(seeded_db) as lib:
        win = MainWindow(lib)
        qtbot.addWidget(win)
        assert win.status_label.text().endswith("· 0 %"), "not the position of the last paragraph"
        win.resize(1100, 760)
        win.show()
        qtbot.waitExposed(win)
        assert win.view.top_offset() == 0
        assert win.status_label.text().endswith("· 0 %")
        win.view.verticalScrollBar().setValue(win.view.verticalScrollBar().maximum() // 2)
        middle = win.view.top_offset()
        assert 0 < middle < win.article.chars
        pct = int(win.status_label.text().rsplit("·", 1)[1].strip(" %"))
        assert abs(pct - 100 * middle / win.article.chars) <= 2, "the status bar follows the scrolling"
        win.close()
        assert positions.get_position(lib, win.article.id) == middle, "closing keeps where the reader was"
