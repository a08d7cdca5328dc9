"""The hot queries use indexes: an article's annotations in text order, a revision's cached tokens, search.

Each test records the SQL a library operation really runs (sqlite3's trace callback) and asks SQLite for
its query plan, so a change to the SQL or to the schema that loses an index fails here.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest

from reader.core.annotations import Annotations
from reader.core.library import Library


def plans(lib: Library, run: Callable[[], object], table: str) -> list[tuple[str, list[str]]]:
    """(statement, plan lines) of every SELECT that `run` makes on `table`."""
    statements: list[str] = []
    lib.conn.set_trace_callback(statements.append)
    try:
        run()
    finally:
        lib.conn.set_trace_callback(None)
    out = []
    for sql in statements:
        if sql.lstrip().upper().startswith("SELECT") and f"FROM {table}" in sql:
            rows = lib.conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
            out.append((sql, [str(r[-1]) for r in rows]))
    assert out, f"no query on {table} was made"
    return out


def scans(plan: list[str], table: str) -> list[str]:
    """Plan lines that read the whole table (a SCAN not through an index) or sort the rows afterwards."""
    return [line for line in plan if (line.startswith(f"SCAN {table}") and "INDEX" not in line)
            or "TEMP B-TREE" in line]


@pytest.fixture
def annotated(library: Library) -> Library:
    anns = Annotations(library)
    for start in range(100, 2100, 20):
        anns.create(1, start, start + 6, tags=["Agree"] if start % 40 else [], note=f"note {start} 联合国")
    anns.create(1, 2200, 2201, kind="reading", reading="xing2")
    library.conn.execute("ANALYZE")  # as after `PRAGMA optimize`: the planner sees real row counts
    return library


def test_annotations_of_an_article_come_in_text_order_from_an_index(annotated: Library) -> None:
    anns = Annotations(annotated)
    found = plans(annotated, lambda: anns.list_for_article(1), "annotations")
    for sql, plan in found:
        assert any("USING INDEX" in line or "USING COVERING INDEX" in line for line in plan), (sql, plan)
        assert not scans(plan, "annotations"), (sql, plan)
    listed = anns.list_for_article(1)
    assert [(a.start, a.end) for a in listed if not a.orphaned] == sorted((a.start, a.end) for a in listed)


def test_an_articles_reading_fixes_are_found_without_reading_its_highlights(annotated: Library) -> None:
    anns = Annotations(annotated)
    for sql, plan in plans(annotated, lambda: anns.list_for_article(1, kind="reading"), "annotations"):
        assert any("idx_annotations_article_kind" in line for line in plan), (sql, plan)
        assert not scans(plan, "annotations"), (sql, plan)


def test_cached_tokens_of_a_revision_use_the_primary_key(library: Library) -> None:
    info = library.article(2)
    pars = library.paragraphs(info.revision_id)
    for sql, plan in plans(library, lambda: library.cached_tokens(info.revision_id, pars), "tokens_cache"):
        assert any("SEARCH tokens_cache USING INDEX" in line for line in plan), (sql, plan)
        assert not scans(plan, "tokens_cache"), (sql, plan)
    for sql, plan in plans(library, lambda: library.paragraphs(info.revision_id), "paragraphs"):
        assert any("SEARCH paragraphs USING INDEX" in line for line in plan), (sql, plan)


def test_search_finds_words_through_the_full_text_index(annotated: Library) -> None:
    anns = Annotations(annotated)
    found = plans(annotated, lambda: anns.search("联合国"), "annotations")
    by_fts = [plan for sql, plan in found if "annotations_fts MATCH" in sql]
    assert by_fts and all(any("VIRTUAL TABLE INDEX" in line for line in plan) for plan in by_fts)
    rows = [plan for sql, plan in found if "WHERE id IN" in sql]  # by id, or along the text-order index
    assert rows and all(any("INTEGER PRIMARY KEY" in line or "USING INDEX" in line for line in plan) for plan in rows)
    # Known full scans: substring matches with LIKE (the quote in one normalised script, and quote and note
    # for queries shorter than the trigram index's three characters), which no B-tree index can serve.
    # A scan anywhere else fails this test.
    assert not [(sql, plan) for sql, plan in found if scans(plan, "annotations") and " LIKE " not in sql]
    assert len(anns.search("联合国")) >= 100


def test_migration_4_indexes_exist_and_are_used_for_counts(annotated: Library) -> None:
    names = {r[0] for r in annotated.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"idx_annotations_article_order", "idx_annotations_article_kind"} <= names
    sql = "SELECT COUNT(*) FROM annotations n WHERE n.article_id = 1 AND n.kind = 'highlight'"
    plan = [str(r[-1]) for r in annotated.conn.execute("EXPLAIN QUERY PLAN " + sql)]
    assert any("COVERING INDEX idx_annotations_article_kind" in line for line in plan), plan
    assert annotated.article(1).annotations == 100


def test_a_library_from_before_migration_4_gets_the_indexes(tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "old.sqlite3"
    with Library.open(path) as lib:
        lib.conn.execute("DROP INDEX idx_annotations_article_order")
        lib.conn.execute("DROP INDEX idx_annotations_article_kind")
        for undo in ("DROP TRIGGER word_events_insert", "DROP TRIGGER word_events_update",  # what migration 9 added
                     "DROP TRIGGER word_events_delete", "DROP TABLE word_events", "DROP TABLE words_seen",
                     "DROP TABLE pages_read", "DROP TABLE revision_words", "DROP TABLE revision_word_counts"):
            lib.conn.execute(undo)
        for undo in ("DROP TABLE library_identity", "DROP TABLE class_students", "DROP TABLE class_handouts",
                     "ALTER TABLE class_handins DROP COLUMN student_key",  # what migration 5 added
                     "DROP TRIGGER vocabulary_known_sets_status", "DROP TRIGGER vocabulary_status_sets_known",
                     "DROP TRIGGER vocabulary_insert_status", "ALTER TABLE vocabulary DROP COLUMN status",  # 6
                     "DROP TABLE glossary"):  # 7
            lib.conn.execute(undo)
        for undo in ("DROP TABLE terms", "DROP TABLE word_splits"):  # what migration 8 added
            lib.conn.execute(undo)
        lib.conn.execute("DELETE FROM migrations WHERE version >= 4")
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT MAX(version) FROM migrations").fetchone()[0] == 3
    conn.close()
    with Library.open(path) as lib:
        names = {r[0] for r in lib.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "idx_annotations_article_order" in names and lib.schema_version >= 4
