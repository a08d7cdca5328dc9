"""Page done in the reader: Ctrl+D marks the screen's new words known (undoable, counted, a screen on); the
section command; the sidebar's known share; the Statistics window with today's numbers."""
from __future__ import annotations

from PySide6.QtCore import Qt

from reader.core import reading_stats
from reader.gui.sidebar import KNOWN_ROLE, META_ROLE


def _known(window) -> set[str]:  # noqa: ANN001
    return {r[0] for r in window.lib.conn.execute("SELECT simplified FROM vocabulary WHERE status = 'known'")}


def _screen_words(window) -> set[str]:  # noqa: ANN001
    start, end = window.reading_stats.visible_range()
    words, _ = reading_stats.range_words(window.lib, window.article.id, start, end)
    return {key for _, key in words}


def _share(window, article_id: int):  # noqa: ANN001, ANN202
    for i in range(window.sidebar.count()):
        item = window.sidebar.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == article_id:
            return item.data(KNOWN_ROLE), item.data(META_ROLE)
    raise AssertionError(f"no article {article_id} in the sidebar")


def test_ctrl_d_marks_the_screen_known_undoably_and_moves_on(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    qtbot.wait(10)
    assert _known(window) == set()
    on_screen = _screen_words(window)
    start, end = window.reading_stats.visible_range()
    assert start == 0 and 100 < end < 3000, "the screen, not the article"
    top = window.view.top_offset()
    qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert _known(window) == on_screen and len(on_screen) > 30
    assert window.statusBar().currentMessage() == f"{len(on_screen)} words marked known"
    assert window.view.top_offset() > top, "a screen on, as after reading it"
    assert window.lib.conn.execute('SELECT start, "end" FROM pages_read').fetchall() == [(start, end)]
    assert window.undo_stack.undoText() == f"mark {len(on_screen)} words known"

    window.undo_stack.undo()
    assert _known(window) == set() and window.lib.conn.execute("SELECT COUNT(*) FROM pages_read").fetchone() == (0,)
    assert reading_stats.summary(window.lib, 1).days[0].learned == 0
    window.undo_stack.redo()
    assert _known(window) == on_screen and reading_stats.summary(window.lib, 1).days[0].learned == len(on_screen)


def test_the_sidebar_shows_the_known_share_and_follows_page_done(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(2, offset=0)
    window.lib.conn.execute("DELETE FROM revision_word_counts")  # not counted yet: counted in the background
    window.reading_stats.shares.invalidate()
    window.reading_stats.refresh_shares()
    assert _share(window, 2)[0] is None and window.reading_stats.counter is not None
    qtbot.waitUntil(lambda: _share(window, 2)[0] is not None, timeout=5000)
    assert _share(window, 1)[0] == 0 and _share(window, 2)[1].endswith("· 0 % known")
    window.reading_stats.act_page.trigger()
    percent, meta = _share(window, 2)
    assert 0 < percent < 100 and meta.endswith(f"· {percent} % known")
    assert _share(window, 1)[0] > 0, "the other article, in the other script, shares the words known"
    window.undo_stack.undo()
    assert _share(window, 2)[0] == 0


def test_a_status_changed_elsewhere_reaches_the_sidebar(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    qtbot.waitUntil(lambda: _share(window, 1)[0] == 0, timeout=3000)
    window.lib.conn.execute(  # another program marks words known
        "INSERT INTO vocabulary (reader, simplified, traditional, reading, known, created, updated)"
        " SELECT value, '的', '的', 'de5', 1, 'now', 'now' FROM (SELECT id AS value FROM library_identity)")
    qtbot.waitUntil(lambda: _share(window, 1)[0] > 0, timeout=5000)


def test_section_done_marks_from_the_heading_to_the_next(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    section = reading_stats.section_range(window.view.paragraphs, window.view.top_offset())
    act = window.reading_stats.act_section
    if section is None:
        assert act.text() == "Mark &Article as Done"
        section = (0, window.view.text_length)
    else:
        assert act.text() == "Mark &Section as Done"
    act.trigger()
    assert window.lib.conn.execute('SELECT start, "end" FROM pages_read').fetchall() == [section]
    assert window.statusBar().currentMessage().endswith("words marked known")


def test_statistics_window_shows_todays_numbers(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    window.reading_stats.act_page.trigger()
    read = window.lib.conn.execute("SELECT words, marked_known FROM pages_read").fetchone()
    window.reading_stats.act_stats.trigger()
    dialog = window.reading_stats.dialog
    qtbot.waitExposed(dialog)
    labels = dialog.total_labels
    assert labels["today_read"].text() == f"{read[0]:,}" and labels["today_learned"].text() == f"{read[1]:,}"
    assert dialog.streak.text().startswith("Streak: 1 day")
    assert dialog.read_chart.days[-1].words_read == read[0]
    window.undo_stack.undo()  # the open window follows
    assert labels["today_read"].text() == "0" and dialog.streak.text().startswith("No streak yet")
    menu = window.reading_stats.menu
    assert menu.objectName() == "vocabulary" and window.reading_stats.act_stats in menu.actions()
    window.close()
    assert not dialog.isVisible()  # the Statistics window goes with its reader window


def test_the_shortcuts_are_not_taken_by_anything_else(window) -> None:  # noqa: ANN001
    from PySide6.QtGui import QKeySequence

    for key in ("Ctrl+D", "Ctrl+Shift+D"):
        bound = [a for a in window.findChildren(type(window.reading_stats.act_page))
                 if QKeySequence(key) in a.shortcuts()]
        assert len(bound) == 1, key


def test_closing_the_window_stops_the_count_and_starts_no_other(window, qtbot) -> None:  # noqa: ANN001
    stats = window.reading_stats
    window.lib.conn.execute("DELETE FROM revision_word_counts")
    stats.shares.invalidate()
    stats.refresh_shares()
    worker = stats.counter
    assert worker is not None  # positive control: counting
    window.close()
    assert not worker.isRunning()
    qtbot.wait(50)  # its end is reported
    window.lib.conn.execute("DELETE FROM revision_word_counts")
    stats.shares.invalidate()
    stats.refresh_shares()  # a late refresh (a queued timer) after the window closed
    assert stats.counter is None, "no thread may outlive the window"


def test_the_statistics_window_follows_a_status_set_anywhere(window, qtbot) -> None:  # noqa: ANN001
    from reader.core.word_status import set_word_status

    window.open_article(1, offset=0)
    window.reading_stats.act_stats.trigger()
    labels = window.reading_stats.dialog.total_labels
    assert labels["today_learned"].text() == "0"
    set_word_status(window.lib, "聯合國", "known")  # the popup, the status keys or the command line
    qtbot.waitUntil(lambda: labels["today_learned"].text() == "1", timeout=5000)  # on the next check
    assert labels["known"].text() == "1" and labels["today_read"].text() == "0"
