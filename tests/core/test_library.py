"""Library: migrations, seeds, import, duplicates, tokens cache, translations, damaged files."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from testdata import SEED_SIMP, SEED_TRAD

from reader.core import schema
from reader.core.errors import ImportFailed, LibraryError
from reader.core.library import Library
from reader.core.pipeline import PIPELINE_VERSION


def test_fresh_library_is_migrated_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as lib:
        assert lib.schema_version == schema.LATEST
        assert lib.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert lib.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        tables = set(lib.db.table_names())
    assert {"articles", "revisions", "paragraphs", "tokens_cache", "annotations", "tags", "annotation_tags",
            "translations", "vocabulary", "settings", "migrations"} <= tables


def test_existing_library_reopens_without_losing_rows(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as lib:
        lib.ensure_seeds()
        before = lib.conn.execute("SELECT COUNT(*) FROM paragraphs").fetchone()[0]
    with Library.open(path) as lib:
        assert lib.conn.execute("SELECT COUNT(*) FROM paragraphs").fetchone()[0] == before
        assert lib.conn.execute("SELECT COUNT(*) FROM migrations").fetchone()[0] == len(schema.MIGRATIONS)


def test_older_library_is_backed_up_and_migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as lib:
        lib.ensure_seeds()

    def add_column(db) -> None:  # noqa: ANN001
        db.execute("ALTER TABLE articles ADD COLUMN starred INTEGER NOT NULL DEFAULT 0")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, schema.Migration(schema.LATEST + 1, "test", add_column)])
    monkeypatch.setattr(schema, "LATEST", schema.LATEST + 1)
    with Library.open(path) as lib:
        assert lib.schema_version == schema.LATEST
        assert lib.conn.execute("SELECT COUNT(*) FROM articles WHERE starred = 0").fetchone()[0] == 2
    backups = list((tmp_path / "backups").glob("*.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as old:
        assert old.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as lib:
        lib.conn.execute("INSERT INTO migrations VALUES (999, 'future', 'x')")
    with pytest.raises(LibraryError, match="newer version"):
        Library.open(path)


@pytest.mark.parametrize("content", [b"not a database at all", b"\x00" * 4096, b"SQLite format 3\x00" + b"\xff" * 100])
def test_damaged_file_is_refused_and_kept(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(content)
    with pytest.raises(LibraryError):
        Library.open(path)
    assert path.read_bytes() == content


def test_seeds_imported_once_with_metadata_and_translations(tmp_path: Path, empty_library: Library) -> None:
    lib = empty_library
    results = lib.ensure_seeds()
    assert [r.created for r in results] == [True, True]
    assert lib.ensure_seeds() == []
    arts = lib.list_articles()
    assert [a.script for a in arts] == ["traditional", "simplified"]
    assert all(a.title and a.title_en for a in arts)
    assert arts[0].paragraphs == 26 and arts[1].paragraphs == 13
    for art in arts:
        translations = lib.translations(art.revision_id)
        if translations:  # the translation files ship with the seeds
            assert len(translations) == art.paragraphs
            assert "not the authors" in (lib.translator(art.revision_id) or "")


def test_same_content_is_not_imported_twice(library: Library, tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SEED_SIMP.read_bytes())
    result = library.import_file(copy)
    assert not result.created
    assert result.article_id == 2
    assert len(library.list_articles()) == 2


def test_bad_file_writes_nothing(library: Library, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(ImportFailed):
        library.import_file(bad)
    assert library.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2
    assert library.conn.execute("SELECT COUNT(*) FROM revisions").fetchone()[0] == 2


def test_import_title_defaults(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("今天天气很好，我们去公园散步。\n第二段。", encoding="utf-8")
    result = library.import_file(path)
    assert result.created and result.title == "今天天气很好"
    info = library.article(result.article_id)
    assert info.script == "simplified" and info.paragraphs == 2


def test_tokens_are_cached_per_pipeline_version(library: Library) -> None:
    info = library.article(1)
    rows = library.conn.execute(
        "SELECT COUNT(*) FROM tokens_cache WHERE revision_id = ? AND pipeline_version = ?",
        (info.revision_id, PIPELINE_VERSION),
    ).fetchone()[0]
    assert rows == 26
    pars = library.paragraphs(info.revision_id)
    tokens = library.cached_tokens(info.revision_id, pars)
    first = tokens[1]
    assert "".join(t.text for t in first) == pars[1].text
    assert all(len(t.readings) == len(t.text) for t in first)
    lianheguo = next(t for t in first if t.text == "聯合國")
    assert lianheguo.readings == ["lian2", "he2", "guo2"]
    assert pars[1].text[lianheguo.start - pars[1].start : lianheguo.end - pars[1].start] == "聯合國"


def test_translation_must_match_paragraph_count(library: Library) -> None:
    with pytest.raises(ImportFailed, match="13"):
        library.set_translation(2, ["one", "two"], "me")


def test_deleting_an_article_removes_its_rows(library: Library) -> None:
    library.delete_article(1)
    assert [a.id for a in library.list_articles()] == [2]
    assert library.conn.execute("SELECT COUNT(*) FROM paragraphs WHERE revision_id = 1").fetchone()[0] == 0


def test_traditional_seed_text_round_trip() -> None:
    # The seeds in seeds/ are byte-identical copies of the files the project received.
    assert SEED_TRAD.read_bytes().startswith("作者|時事熱點觀察者".encode())


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        other.execute("INSERT INTO invoices (total) VALUES (9.5)")
    with pytest.raises(LibraryError, match="another program"):
        Library.open(path)
    with sqlite3.connect(path) as other:
        tables = {r[0] for r in other.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"invoices"}


def test_commits_wait_for_the_disk_synchronous_full(empty_library: Library) -> None:
    """A note reported saved survives power loss: WAL with synchronous=FULL (NORMAL may lose the last commits)."""
    from reader.core import opening

    lib = empty_library
    assert lib.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert lib.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    with opening.open_library(lib.path) as again:  # opened for use, as the app and the CLI do
        assert again.conn.execute("PRAGMA synchronous").fetchone()[0] == 2


def test_the_empty_library_has_the_schema_and_no_articles(empty_library: Library, library: Library) -> None:
    assert empty_library.list_articles() == []
    assert len(library.list_articles()) == 2, "control: the seeded library holds the two seeds"
    assert empty_library.schema_version == library.schema_version > 0
