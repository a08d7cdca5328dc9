"""Word status: new, learning 1–5, known, ignored per word (both scripts), undoable, and what scaffolding hides."""
from __future__ import annotations

import sqlite3

import pytest

from reader.core import schema
from reader.core import vocabulary as vocab
from reader.core.errors import ReaderError
from reader.core.library import Library
from reader.core.word_status import parse_status, set_word_status, status_label


def _status(lib: Library, word: str) -> list[tuple[str, int]]:
    return [tuple(r) for r in lib.conn.execute(
        "SELECT status, known FROM vocabulary WHERE simplified = ? ORDER BY id", (word,))]


def test_parse_status_accepts_what_people_type() -> None:
    assert [parse_status(t) for t in ("new", "1", "5", "learning 3", "K", "known", "i", "Ignored")] == [
        "new", "learning1", "learning5", "learning3", "known", "known", "ignored", "ignored"]
    assert status_label("learning2") == "learning 2" and status_label("known") == "known"
    for bad in ("6", "0.5", "learnt", ""):
        with pytest.raises(ReaderError, match="unknown status"):
            parse_status(bad)


def test_a_status_set_in_one_script_is_the_words_in_both(library: Library) -> None:
    assert _status(library, "联合国") == []
    edit = set_word_status(library, "聯合國", "3")  # traditional form: stored under the simplified one
    assert _status(library, "联合国") == [("learning3", 0)]
    assert vocab.word_state(library, "联合国").status == "learning3"
    assert edit.label == "mark 聯合國 learning 3" and edit.changed.vocabulary
    set_word_status(library, "联合国", "known")
    assert _status(library, "联合国") == [("known", 1)], "known is kept in step with the status"
    assert vocab.word_state(library, "聯合國").known


def test_every_reading_of_a_word_gets_the_status(library: Library) -> None:
    vocab.add(library, "行")
    vocab.add(library, "行", "háng")
    set_word_status(library, "行", "ignored")
    assert _status(library, "行") == [("ignored", 0), ("ignored", 0)]


def test_scaffolding_hides_known_and_ignored_words_but_not_learning_ones(library: Library) -> None:
    set_word_status(library, "联合国", "2")
    set_word_status(library, "安理会", "known")
    set_word_status(library, "美国", "ignored")
    known = vocab.known_words(library)
    assert {"安理会", "安理會", "美国", "美國"} <= known
    assert "联合国" not in known and "聯合國" not in known


def test_undo_puts_the_old_status_back_and_removes_a_word_it_added(library: Library) -> None:
    vocab.add(library, "美国")
    set_word_status(library, "美国", "4")
    edit = set_word_status(library, "美国", "known")
    assert edit.before == "learning4" and edit.after == "known"
    edit.undo()
    assert _status(library, "美国") == [("learning4", 0)]
    edit.redo()
    assert _status(library, "美国") == [("known", 1)]

    added = set_word_status(library, "联合国", "1")  # not in the list: added, with its status
    assert _status(library, "联合国") == [("learning1", 0)]
    added.undo()
    assert _status(library, "联合国") == [], "undo removes the word it added"
    added.redo()
    assert _status(library, "联合国") == [("learning1", 0)]


def test_new_on_a_word_not_in_the_list_adds_nothing(library: Library) -> None:
    edit = set_word_status(library, "联合国", "new")
    assert edit.noop and _status(library, "联合国") == []
    set_word_status(library, "联合国", "5")
    assert set_word_status(library, "联合国", "5").noop, "the same status again changes nothing"


def test_status_from_an_article_keeps_the_sentence(library: Library) -> None:
    body = library.revision_text(library.article(2).revision_id)
    start = body.index("世界银行")
    set_word_status(library, "世界银行", "2", article_id=2, start=start, end=start + 4)
    (entry,) = vocab.find(library, "世界银行")
    assert entry.status == "learning2" and "世界银行" in entry.sentence and entry.article_id == 2


def test_known_flag_written_by_older_code_or_other_tools_moves_the_status(library: Library) -> None:
    vid = vocab.add(library, "联合国").entry.id
    set_word_status(library, "联合国", "3")
    vocab.mark_known(library, vid)  # the vocabulary panel's Known check box writes `known`
    assert _status(library, "联合国") == [("known", 1)]
    vocab.unmark(library, vid)
    assert _status(library, "联合国") == [("new", 0)]
    with library.transaction():  # a tool inserting a known row without a status
        library.conn.execute("INSERT INTO vocabulary (reader, simplified, traditional, reading, known, created, updated)"
                             " VALUES ('x', '美国', '美國', 'mei3 guo2', 1, 'now', 'now')")
    assert _status(library, "美国") == [("known", 1)]
    with pytest.raises(sqlite3.IntegrityError), library.transaction():
        library.conn.execute("UPDATE vocabulary SET status = 'learnt' WHERE id = ?", (vid,))
    assert _status(library, "联合国") == [("new", 0)], "a bad status is refused, nothing half-written"


def test_list_json_carries_the_status(library: Library) -> None:
    set_word_status(library, "联合国", "ignored")
    (entry,) = vocab.list_words(library)
    assert entry.as_json()["status"] == "ignored" and entry.as_json()["known"] is False


def test_migration_6_makes_known_words_known_and_the_rest_new() -> None:
    lib = Library.open(":memory:", migrate=False)
    for mig in schema.MIGRATIONS:  # the library as schema 5 left it, with a known and an unknown word
        if mig.version > 5:
            break
        with lib.transaction():
            schema.ensure_log(lib.conn)
            mig.apply(lib.db)
            lib.conn.execute("INSERT INTO migrations (version, name, applied) VALUES (?, 'x', 'now')", (mig.version,))
    with lib.transaction():
        for word, known in (("联合国", 1), ("美国", 0)):
            lib.conn.execute("INSERT INTO vocabulary (reader, simplified, traditional, reading, known, created, updated)"
                             " VALUES ('r', ?, ?, 'x1', ?, 'now', 'now')", (word, word, known))
    assert lib.migrate()[:1] == [6]  # then any later migration
    assert _status(lib, "联合国") == [("known", 1)] and _status(lib, "美国") == [("new", 0)]
    lib.close()
