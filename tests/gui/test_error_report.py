"""Unexpected errors reach the reader as one plain dialog and a log file, never as a traceback."""
from __future__ import annotations

import sqlite3
import sys
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from reader.core.errors import ReaderError
from reader.gui import error_report, safe_text


@pytest.fixture
def reporter(monkeypatch, tmp_path):  # noqa: ANN001, ANN201
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    return error_report.install(tmp_path / "logs" / "errors.log")


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_slot_shows_a_plain_dialog_and_logs_the_traceback(window, qtbot, reporter, no_dialogs) -> None:  # noqa: ANN001
    def broken_slot() -> None:
        {}["paragraph"]  # noqa: B018 - the bug

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(no_dialogs))
    title, text = no_dialogs[0]
    assert title == "Something went wrong"
    assert "KeyError: 'paragraph'" in text and "Your library is safe" in text
    assert "Traceback" not in text and "File \"" not in text, "the reader sees no traceback"
    assert str(reporter.path) in text, "the dialog says where the details are"
    log = reporter.path.read_text(encoding="utf-8")
    assert "Traceback" in log and "broken_slot" in log, "the details are in the log for a bug report"
    window.open_article(2, offset=0)  # and the window goes on working
    assert window.article.id == 2


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_background_thread_is_shown_in_the_window_thread(qtbot, reporter, no_dialogs) -> None:  # noqa: ANN001
    def work() -> None:
        raise ValueError("bad batch")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(no_dialogs))
    assert "ValueError: bad batch" in no_dialogs[0][1]
    assert "work" in reporter.path.read_text(encoding="utf-8")


def test_errors_arriving_while_a_dialog_is_open_are_logged_not_stacked(reporter, monkeypatch) -> None:  # noqa: ANN001
    opened: list[str] = []

    def critical(_parent, _title, text, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        opened.append(text)
        if len(opened) == 1:  # a second error while the first dialog is up
            try:
                raise RuntimeError("second")
            except RuntimeError:
                reporter.handle(*sys.exc_info())
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(safe_text, "critical", critical)
    try:
        raise RuntimeError("first")
    except RuntimeError:
        reporter.handle(*sys.exc_info())
    assert len(opened) == 1 and "first" in opened[0]
    log = reporter.path.read_text(encoding="utf-8")
    assert "RuntimeError: first" in log and "RuntimeError: second" in log


@pytest.mark.parametrize(("exc", "words"), [
    (sqlite3.OperationalError("database is locked"), "another program is writing to it"),
    (sqlite3.OperationalError("database or disk is full"), "The disk is full"),
    (sqlite3.OperationalError("attempt to write a readonly database"), "read-only"),
    (ReaderError("the paragraph counts differ: 13 in the article, 12 in the file"), "the paragraph counts differ"),
    (PermissionError(13, "Permission denied", "/home/x/notes.md"), "Permission denied (/home/x/notes.md)"),
])
def test_errors_of_the_library_and_files_are_told_in_plain_words(exc, words) -> None:  # noqa: ANN001
    text = error_report.describe(exc)
    assert words in text
    assert "Error:" not in text or isinstance(exc, ReaderError)


def test_the_log_stays_small(tmp_path) -> None:  # noqa: ANN001
    from reader.core import errorlog

    path = tmp_path / "errors.log"
    path.write_text("x" * (errorlog.LOG_LIMIT + 1), encoding="utf-8")
    try:
        raise RuntimeError("new")
    except RuntimeError:
        assert errorlog.write_log(*sys.exc_info(), path) == path
    assert path.with_name("errors.log.1").stat().st_size > errorlog.LOG_LIMIT, "the old log is kept once"
    assert path.stat().st_size < 10_000 and "RuntimeError: new" in path.read_text(encoding="utf-8")
