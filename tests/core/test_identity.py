"""The reader's name is a label: a rename keeps the vocabulary, level and reading positions; migration 5 gives
rows kept under earlier names to the library; no name is taken from the operating system."""
from __future__ import annotations

import getpass
import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from testdata import DATA

from reader.core import identity, positions, scaffolding
from reader.core import vocabulary as vocab
from reader.core.annotations import Annotations
from reader.core.errors import ReaderError
from reader.core.library import Library


def test_a_rename_keeps_the_words_the_level_and_the_reading_positions(library: Library) -> None:
    library.set_reader_name("Lin")
    vocab.add(library, "联合国")
    vocab.add(library, "世界", known=True)
    scaffolding.set_level(library, None, 3)
    positions.set_position(library, 1, 120)
    library.set_reader_name("Lin Mei")
    assert library.reader_name == "Lin Mei"
    assert sorted(e.simplified for e in vocab.list_words(library)) == ["世界", "联合国"]
    assert vocab.known_words(library) >= {"世界"}
    assert scaffolding.get_level(library) == 3
    assert positions.get_position(library, 1) == 120 and positions.last_article(library) == 1


def test_no_name_is_taken_from_the_operating_system(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: "labuser")
    assert identity.name_set(library) is None
    assert library.reader_name == identity.UNNAMED != "labuser"
    edit = Annotations(library).create(1, 0, 4)
    assert edit.annotation.author == identity.UNNAMED
    library.set_reader_name("Wang Fang")  # positive control: a given name signs from then on
    assert Annotations(library).create(1, 5, 8).annotation.author == "Wang Fang"


def test_a_merged_students_label_cannot_become_the_readers_name(library: Library) -> None:
    with library.transaction():
        library.conn.execute("INSERT INTO class_students (key, library_id, name, label, first_merged)"
                             " VALUES ('name:Li Wei', NULL, 'Li Wei', 'Li Wei (2)', '2026-03-01')")
    with pytest.raises(ReaderError, match="name of a student's merged hand-in"):
        library.set_reader_name("Li Wei (2)")
    library.set_reader_name("Li Wei")  # the plain name is free: the label is what layers are replaced by
    assert library.reader_name == "Li Wei"


def test_migration_5_gives_rows_kept_under_earlier_names_to_the_library(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(DATA / "library-v1.sqlite3", path)
    with closing(sqlite3.connect(path)) as conn, conn:  # the same reader, once under the login name
        conn.executemany(
            "INSERT INTO vocabulary (reader, simplified, traditional, reading, created, updated, known, sentence)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [("labuser", "退群", "退群", "tui4 qun2", "2026-01-01", "2026-01-01", 1, "他们退群了。"),
             ("labuser", "霸权", "霸權", "ba4 quan2", "2026-01-01", "2026-01-01", 0, "")])
        conn.execute("INSERT INTO readers (name, hsk_level, created) VALUES ('labuser', 2, '2026-01-01')")
        conn.execute("INSERT INTO reading_positions (reader, article_id, \"offset\", updated)"
                     " VALUES ('labuser', 1, 5, '2026-01-01')")
    with Library.open(path) as lib:
        words = {e.simplified: e for e in vocab.list_words(lib)}
        assert sorted(words) == ["应对", "组织", "退群", "霸权"]  # every word, once
        assert words["退群"].known and words["退群"].sentence  # known under either name: known; newest row kept
        assert scaffolding.get_level(lib) == 4  # the level of the name that was set
        assert positions.get_position(lib, 1) == 812 and positions.get_position(lib, 2) == 0  # the latest
        lib.set_reader_name("Someone Else")
        assert len(vocab.list_words(lib)) == 4
        assert json.loads(lib.conn.execute("SELECT value FROM settings WHERE key = 'reader_name'").fetchone()[0]) \
            == "Someone Else"
