"""Personal glossary: own translation, note and parent per word (both scripts), undoable, kept with the library."""
from __future__ import annotations

import sqlite3

import pytest

from reader.core import glossary, schema
from reader.core import vocabulary as vocab
from reader.core.errors import ReaderError
from reader.core.glossary import get_gloss, set_gloss
from reader.core.library import Library
from reader.core.word_status import set_word_status


def _stored(lib: Library) -> list[tuple[str, str, str, str]]:
    return [tuple(r) for r in lib.conn.execute(
        "SELECT simplified, translation, note, parent FROM glossary ORDER BY simplified")]


def test_a_gloss_written_in_one_script_is_the_words_in_both(library: Library) -> None:
    assert get_gloss(library, "联合国") is None
    edit = set_gloss(library, "聯合國", translation="the UN", note="*Security Council* is 安理会")
    assert _stored(library) == [("联合国", "the UN", "*Security Council* is 安理会", "")]
    assert edit.label == "gloss 聯合國" and edit.changed.glossary == {"联合国"} and not edit.noop
    gloss = get_gloss(library, "联合国")
    assert gloss is not None and gloss.translation == "the UN"
    (entry,) = vocab.find(library, "聯合國")  # the word went into the list, as a status does
    assert (entry.translation, entry.note, entry.parent) == ("the UN", "*Security Council* is 安理会", "")
    assert entry.as_json()["translation"] == "the UN"
    set_gloss(library, "联合国", note="")  # None keeps a field, '' clears it
    assert _stored(library) == [("联合国", "the UN", "", "")]


def test_undo_and_redo_put_back_the_old_gloss_and_the_list(library: Library) -> None:
    first = set_gloss(library, "美国", translation="USA")
    second = set_gloss(library, "美國", translation="the United States", parent="美")
    assert second.before.translation == "USA" and second.after.parent == "美"
    second.undo()
    assert _stored(library) == [("美国", "USA", "", "")]
    second.redo()
    assert _stored(library) == [("美国", "the United States", "", "美")]
    second.undo()
    first.undo()
    assert _stored(library) == [] and vocab.find(library, "美国") == [], "undo removes the word it added"
    first.redo()
    assert _stored(library) == [("美国", "USA", "", "")] and len(vocab.find(library, "美国")) == 1
    assert set_gloss(library, "美国", translation="  USA ").noop, "the same text again changes nothing"


def test_the_gloss_stays_when_the_words_rows_change(library: Library) -> None:
    set_gloss(library, "行", translation="OK!")
    (row,) = vocab.find(library, "行")
    vocab.delete(library, row.id)
    assert vocab.find(library, "行") == [] and get_gloss(library, "行").translation == "OK!"
    vocab.add(library, "行", "háng")  # back, with another reading: it shows the same gloss
    assert [e.translation for e in vocab.find(library, "行")] == ["OK!"]
    set_word_status(library, "行", "known")
    assert [e.translation for e in vocab.list_words(library)] == ["OK!"]


def test_parent_is_stored_simplified_and_loops_are_refused(library: Library) -> None:
    set_gloss(library, "看見", parent="看")
    assert _stored(library) == [("看见", "", "", "看")]
    assert glossary.children(library, "看") == ["看见"]
    with pytest.raises(ReaderError, match="own parent"):
        set_gloss(library, "看见", parent="看見")
    with pytest.raises(ReaderError, match="already a parent"):
        set_gloss(library, "看", parent="看见")
    with pytest.raises(ReaderError, match="not a Chinese word"):
        set_gloss(library, "看见", parent="see")
    assert _stored(library) == [("看见", "", "", "看")], "a refused change writes nothing"


def test_bad_input_is_one_clear_error_and_nothing_written(library: Library) -> None:
    with pytest.raises(ReaderError, match="under 500"):
        set_gloss(library, "联合国", translation="x" * 501)
    with pytest.raises(ReaderError, match="not a Chinese word"):
        set_gloss(library, "hello", translation="hi")
    assert _stored(library) == [] and vocab.list_words(library) == []
    edit = set_gloss(library, "联合国", translation="a\nb", note="line 1\r\nline 2  \n")
    assert edit.after.translation == "a b" and edit.after.note == "line 1\nline 2"


def test_clearing_every_field_removes_the_row_and_keeps_the_word(library: Library) -> None:
    set_gloss(library, "世界", translation="world", parent="界")
    edit = set_gloss(library, "世界", translation="", parent="")
    assert _stored(library) == [] and len(vocab.find(library, "世界")) == 1
    assert edit.after is None and not edit.noop
    edit.undo()
    assert _stored(library) == [("世界", "world", "", "界")]


def test_a_gloss_from_an_article_keeps_the_sentence(library: Library) -> None:
    body = library.revision_text(library.article(2).revision_id)
    start = body.index("世界银行")
    set_gloss(library, "世界银行", translation="World Bank", article_id=2, start=start, end=start + 4)
    (entry,) = vocab.find(library, "世界银行")
    assert "世界银行" in entry.sentence and entry.article_id == 2 and entry.translation == "World Bank"


def test_the_table_refuses_a_word_as_its_own_parent_from_other_tools(library: Library) -> None:
    with pytest.raises(sqlite3.IntegrityError), library.transaction():
        library.conn.execute("INSERT INTO glossary (reader, simplified, parent, created, updated)"
                             " VALUES ('r', '看', '看', 'now', 'now')")


def test_migration_7_keeps_every_vocabulary_row() -> None:
    lib = Library.open(":memory:", migrate=False)
    for mig in schema.MIGRATIONS:  # the library as schema 6 left it, with two words
        if mig.version > 6:
            break
        with lib.transaction():
            schema.ensure_log(lib.conn)
            mig.apply(lib.db)
            lib.conn.execute("INSERT INTO migrations (version, name, applied) VALUES (?, 'x', 'now')", (mig.version,))
    with lib.transaction():
        for word, status in (("联合国", "learning2"), ("美国", "known")):
            lib.conn.execute("INSERT INTO vocabulary (reader, simplified, traditional, reading, status, created,"
                             " updated) VALUES ('r', ?, ?, 'x1', ?, 'now', 'now')", (word, word, status))
    before = lib.conn.execute("SELECT * FROM vocabulary ORDER BY id").fetchall()
    assert 7 in lib.migrate()
    assert lib.conn.execute("SELECT * FROM vocabulary ORDER BY id").fetchall() == before
    assert [(e.simplified, e.status, e.translation) for e in vocab.list_words(lib, reader="r")] == [
        ("联合国", "learning2", ""), ("美国", "known", "")]
    lib.close()


def test_the_list_finds_each_words_gloss_by_its_key_not_by_a_scan(library: Library) -> None:
    sql = f"{vocab._SELECT} WHERE v.reader = ? ORDER BY v.created, v.id"
    plan = [str(r[-1]) for r in library.conn.execute("EXPLAIN QUERY PLAN " + sql, ("r",))]
    glossary_steps = [line for line in plan if " g " in f" {line} " or "glossary" in line]
    assert glossary_steps and all("USING INDEX" in line or "PRIMARY KEY" in line for line in glossary_steps), plan
    seen: list[str] = []  # the statement `children` really runs, with its values
    library.conn.set_trace_callback(seen.append)
    try:
        glossary.children(library, "看")
    finally:
        library.conn.set_trace_callback(None)
    (query,) = [q for q in seen if "parent" in q and q.lstrip().startswith("SELECT")]
    children_plan = [str(r[-1]) for r in library.conn.execute("EXPLAIN QUERY PLAN " + query)]
    assert any("idx_glossary_parent" in line for line in children_plan), children_plan
