"""Reading statistics: page done (exact undo), words read, new words met and learned per day, streak, known share."""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.core import known_share, reading_stats, schema
from reader.core.errors import ReaderError
from reader.core.library import Library
from reader.core.word_status import set_word_status

TEXT = "我喜欢学习中文。2026年，Python很好。\n\n我們喜歡學習中文。\n"
FIRST_LINE = (0, 23)  # 我 喜欢 学习 中文 。 2026 年 ， Python 很 好 。
FIRST_WORDS = ["我", "喜欢", "学习", "中文", "年", "很", "好"]


@pytest.fixture
def lib(empty_library: Library, tmp_path: Path) -> Library:
    path = tmp_path / "text.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = empty_library.import_file(path)
    assert result.article_id == 1
    return empty_library


def _statuses(lib: Library) -> dict[str, str]:
    return dict(lib.conn.execute("SELECT simplified, status FROM vocabulary").fetchall())


def _snapshot(lib: Library) -> dict[str, list[tuple]]:
    return {table: lib.conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("vocabulary", "word_events", "pages_read", "words_seen")}


def test_page_done_marks_only_new_dictionary_words_known(lib: Library) -> None:
    set_word_status(lib, "学习", "2")  # learning: stays learning
    set_word_status(lib, "很", "ignored")
    done = reading_stats.mark_done(lib, 1, *FIRST_LINE)
    assert (done.marked, done.words, done.new_words) == (5, 7, 7)  # no 2026, Python or punctuation
    assert _statuses(lib) == {"我": "known", "喜欢": "known", "学习": "learning2", "中文": "known", "年": "known",
                              "很": "ignored", "好": "known"}
    row = lib.conn.execute('SELECT sentence, article_id, start, "end" FROM vocabulary WHERE simplified = ?',
                           ("中文",)).fetchone()
    assert row == ("我喜欢学习中文。", 1, 5, 7), "each word keeps its sentence and place, as the popup adds it"
    again = reading_stats.mark_done(lib, 1, *FIRST_LINE)
    assert (again.marked, again.words, again.new_words) == (0, 7, 0) and again.edit.label == "mark 0 words known"


def test_both_scripts_share_the_simplified_form(lib: Library) -> None:
    reading_stats.mark_done(lib, 1, *FIRST_LINE)
    done = reading_stats.mark_done(lib, 1, 24, 33)  # 我們 喜歡 學習 中文 (traditional)
    assert done.marked == 1 and done.words == 4 and done.new_words == 1  # only 我们 is new
    assert _statuses(lib)["我们"] == "known"
    assert lib.conn.execute("SELECT traditional FROM vocabulary WHERE simplified = '我们'").fetchone() == ("我們",)


def test_undo_restores_exactly_the_previous_state_and_redo_marks_again(lib: Library) -> None:
    set_word_status(lib, "学习", "3")
    set_word_status(lib, "中文", "known")
    lib.conn.execute("UPDATE vocabulary SET status = 'new' WHERE simplified = '中文'")  # a 'new' row in the list
    before = _snapshot(lib)
    done = reading_stats.mark_done(lib, 1, *FIRST_LINE)
    assert done.marked == 6 and _statuses(lib)["中文"] == "known"
    assert _snapshot(lib) != before
    done.edit.undo()
    assert _snapshot(lib) == before, "statuses, rows, history: all as they were"
    done.edit.redo()
    assert _statuses(lib)["好"] == "known" and _statuses(lib)["学习"] == "learning3"
    assert reading_stats.summary(lib, 1).days[0].learned == 6


def test_a_range_outside_the_article_is_refused(lib: Library) -> None:
    with pytest.raises(ReaderError, match="outside article 1"):
        reading_stats.mark_done(lib, 1, 10, 500)
    assert lib.conn.execute("SELECT COUNT(*) FROM pages_read").fetchone() == (0,)


def test_whole_article_when_no_range_is_given(lib: Library) -> None:
    done = reading_stats.mark_done(lib, 1)
    assert done.words == 11 and done.marked == 8


def test_per_day_numbers(lib: Library) -> None:
    reading_stats.mark_done(lib, 1, *FIRST_LINE, day="2026-03-01")
    reading_stats.mark_done(lib, 1, 24, 33, day="2026-03-02")
    reading_stats.mark_done(lib, 1, 24, 33, day="2026-03-02")  # read again: read words count, none new
    days = {d.day: d for d in reading_stats.summary(lib, 3, on="2026-03-02").days}
    assert (days["2026-03-01"].words_read, days["2026-03-01"].new_words) == (7, 7)
    assert (days["2026-03-02"].words_read, days["2026-03-02"].new_words, days["2026-03-02"].pages) == (8, 1, 2)
    assert (days["2026-03-01"].learned, days["2026-03-02"].learned) == (7, 1)
    assert days["2026-02-28"].words_read == 0


def test_learned_counts_every_source_once_and_not_what_was_undone(lib: Library) -> None:
    edit = set_word_status(lib, "中文", "known")  # the popup or the keys
    set_word_status(lib, "学习", "known")
    lib.conn.execute("UPDATE vocabulary SET known = 1 WHERE simplified = '学习'")  # no change: no event
    lib.conn.execute(  # another program writes `known` directly (sqlite-utils, Datasette)
        "INSERT INTO vocabulary (reader, simplified, traditional, reading, senses, sentence, known, created, updated)"
        " SELECT reader, '好', '好', 'hao3', '[]', '', 1, created, updated FROM vocabulary LIMIT 1")
    today = reading_stats.today()
    assert reading_stats.learned_per_day(lib) == {today: 3}
    edit.undo()  # the same day: 中文 went back to new
    assert reading_stats.learned_per_day(lib) == {today: 2}
    set_word_status(lib, "很", "3")
    assert reading_stats.learned_per_day(lib) == {today: 2}, "learning is not learned"
    done = reading_stats.mark_done(lib, 1, *FIRST_LINE)
    assert reading_stats.learned_per_day(lib) == {today: 2 + done.marked}
    done.edit.undo()
    assert reading_stats.learned_per_day(lib) == {today: 2}, "an undone page done is not learned"


def test_a_status_undone_the_next_day_leaves_yesterday_too(lib: Library) -> None:
    edit = set_word_status(lib, "中文", "known")
    set_word_status(lib, "学习", "known")
    lib.conn.execute("UPDATE word_events SET day = '2026-01-01'")
    assert reading_stats.learned_per_day(lib) == {"2026-01-01": 2}
    edit.undo()
    assert reading_stats.learned_per_day(lib) == {"2026-01-01": 1}, "the undone click never happened"
    edit.redo()
    assert reading_stats.learned_per_day(lib) == {"2026-01-01": 1, reading_stats.today(): 1}


def test_a_word_known_yesterday_stays_learned_yesterday(lib: Library) -> None:
    set_word_status(lib, "中文", "known")
    lib.conn.execute("UPDATE word_events SET day = '2026-01-01'")
    set_word_status(lib, "中文", "new")  # today: forgotten again; yesterday's history stands
    assert reading_stats.learned_per_day(lib) == {"2026-01-01": 1}


def test_streaks() -> None:
    assert reading_stats.streaks([], "2026-03-05") == (0, 0)
    days = ["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-03", "2026-03-04"]
    assert reading_stats.streaks(days, "2026-03-04") == (2, 3)
    assert reading_stats.streaks(days, "2026-03-05") == (2, 3), "today not read yet: the streak still stands"
    assert reading_stats.streaks(days, "2026-03-06") == (0, 3)


def test_summary_totals_and_streak(lib: Library) -> None:
    for day in ("2026-03-01", "2026-03-02", "2026-03-04"):
        reading_stats.mark_done(lib, 1, *FIRST_LINE, day=day)
    result = reading_stats.summary(lib, 7, on="2026-03-04")
    assert [d.day for d in result.days][0] == "2026-02-26" and len(result.days) == 7
    assert (result.total_words_read, result.total_new_words, result.total_pages) == (21, 7, 3)
    assert (result.streak, result.longest_streak, result.read_today) == (1, 2, True)
    assert result.known_words == 7
    data = result.as_json()
    assert data["totals"]["words_read"] == 21 and data["streak"]["current"] == 1  # type: ignore[index]
    with pytest.raises(ReaderError):
        reading_stats.summary(lib, 0)


def test_history_survives_the_article_being_deleted(lib: Library) -> None:
    reading_stats.mark_done(lib, 1, *FIRST_LINE)
    lib.delete_article(1)
    assert reading_stats.summary(lib, 1).total_words_read == 7
    assert lib.conn.execute("SELECT article_id, title FROM pages_read").fetchone() == (None, "我喜欢学习中文")


def test_known_share_counts_known_and_ignored_and_follows_statuses(lib: Library) -> None:
    assert known_share.article_shares(lib) == {}, "not analysed yet: no share rather than a wrong one"
    lib.tokens(lib.article(1).revision_id)
    cache = known_share.ShareCache()
    share = cache.shares(lib)[1]
    assert (share.known_running, share.running, share.distinct, share.percent) == (0, 11, 8, 0)
    set_word_status(lib, "中文", "known")  # twice in the text, both scripts
    set_word_status(lib, "很", "ignored")
    share = cache.shares(lib)[1]
    assert (share.known_running, share.known_distinct, share.percent, share.percent_distinct) == (3, 2, 27, 25)
    set_word_status(lib, "学习", "4")
    assert cache.shares(lib)[1].known_running == 3, "learning is not known"
    reading_stats.mark_done(lib, 1)  # the rest: all but 学习 (learning, twice)
    assert cache.shares(lib)[1].as_json()["known_percent"] == 9 * 100 // 11
    set_word_status(lib, "学习", "known")
    assert cache.shares(lib)[1].percent == 100


def test_known_share_is_counted_again_when_the_tokens_are_cached_again(lib: Library) -> None:
    rev = lib.article(1).revision_id
    lib.tokens(rev)
    assert known_share.article_shares(lib)[1].running == 11
    lib.conn.execute("DELETE FROM tokens_cache WHERE paragraph_idx = 1")
    assert known_share.article_shares(lib) == {}, "half cached: no share"
    lib.tokens(rev)
    assert known_share.article_shares(lib)[1].running == 11
    assert lib.conn.execute("SELECT COUNT(*) FROM revision_word_counts").fetchone() == (1,)


def test_migration_9_adds_the_tables_and_triggers(lib: Library) -> None:
    assert lib.conn.execute("SELECT name FROM migrations WHERE version = 9").fetchone() is not None
    names = {r[0] for r in lib.conn.execute("SELECT name FROM sqlite_master")}
    assert {"word_events", "pages_read", "words_seen", "revision_words", "revision_word_counts",
            "word_events_insert", "word_events_update", "word_events_delete"} <= names
    assert any(m.version == 9 for m in schema.MIGRATIONS)


def test_section_range_runs_from_a_heading_to_the_next_of_its_rank() -> None:
    from reader.core.text import Paragraph

    pars = [Paragraph(0, "paragraph", 0, 4, "序言四字"), Paragraph(1, "heading", 5, 8, "第一章", 1),
            Paragraph(2, "paragraph", 9, 20, "x" * 11), Paragraph(3, "heading", 21, 24, "一、甲", 2),
            Paragraph(4, "paragraph", 25, 30, "y" * 5), Paragraph(5, "heading", 31, 34, "第二章", 1),
            Paragraph(6, "paragraph", 35, 40, "z" * 5)]
    assert reading_stats.section_range(pars, 2) == (0, 5)
    assert reading_stats.section_range(pars, 12) == (5, 31), "a sub-heading stays inside its chapter"
    assert reading_stats.section_range(pars, 26) == (21, 31)
    assert reading_stats.section_range(pars, 38) == (31, 40)
    assert reading_stats.section_range(pars[:1], 2) is None
