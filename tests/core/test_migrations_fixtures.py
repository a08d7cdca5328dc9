"""Libraries made by released schema versions open with today's code and keep every row of every table.

Each tests/data/library-v<N>.sqlite3 was made by tests/data/make_fixture.py when schema N was released
(see docs/reliability.md). The tests open a COPY, never the fixture itself.
"""
from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from reader.core import health, maintenance, schema
from reader.core.annotations import Annotations
from reader.core.library import Library

DATA = Path(__file__).resolve().parents[1] / "data"
FIXTURES = sorted(DATA.glob("library-v*.sqlite3"), key=lambda p: int(re.findall(r"\d+", p.stem)[0]))


def _version(fixture: Path) -> int:
    return int(re.findall(r"\d+", fixture.stem)[0])


def _user_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables holding data (not FTS index shadow tables, which are derived and rebuilt at will)."""
    fts = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'")]
    return [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            if name not in fts and not any(name.startswith(f"{f}_") for f in fts)]


def _snapshot(path: Path) -> dict[str, tuple[list[str], Counter]]:
    with sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True) as conn:
        out = {}
        for table in _user_tables(conn):
            cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            quoted = ", ".join(f'"{c}"' for c in cols)
            out[table] = (cols, Counter(conn.execute(f'SELECT {quoted} FROM "{table}"').fetchall()))
    return out


#: Migration 5 gives the user's own rows to the library: their reader-name column becomes the library id.
REKEYED = {"vocabulary": "reader", "readers": "name", "reading_positions": "reader"}


def test_there_is_a_fixture_for_schema_1() -> None:
    assert FIXTURES and _version(FIXTURES[0]) == 1


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_old_library_keeps_every_row_when_opened(fixture: Path, tmp_path: Path) -> None:
    digest = hashlib.sha256(fixture.read_bytes()).hexdigest()
    copy = tmp_path / "library.sqlite3"
    shutil.copyfile(fixture, copy)
    before = _snapshot(copy)
    with sqlite3.connect(copy) as conn:
        assert schema.applied_version(conn) == _version(fixture)
    assert sum(sum(rows.values()) for _, rows in before.values()) > 100, "the fixture holds real data"

    with Library.open(copy) as lib:
        assert lib.schema_version == schema.LATEST
    after = _snapshot(copy)
    for table, (cols, rows) in before.items():
        assert table in after, f"table {table} disappeared"
        new_cols, new_rows = after[table]
        assert set(cols) <= set(new_cols), f"{table} lost columns {set(cols) - set(new_cols)}"
        kept = [c for c in cols if c != REKEYED.get(table)]
        idx = [new_cols.index(c) for c in kept]
        projected = Counter(tuple(row[i] for i in idx) for row in new_rows.elements())
        old_idx = [cols.index(c) for c in kept]
        lost = Counter(tuple(row[i] for i in old_idx) for row in rows.elements()) - projected
        assert not lost, f"{table} lost {sum(lost.values())} rows, e.g. {next(iter(lost))}"

    assert fixture.read_bytes() and hashlib.sha256(fixture.read_bytes()).hexdigest() == digest
    report = health.check(copy)
    assert report.ok, report.text()
    if _version(fixture) < schema.LATEST:
        (backup,) = maintenance.list_backups(copy)
        assert backup.reason == f"before-migration-{_version(fixture) + 1}"
        assert _snapshot(backup.path) == before  # the backup is the library exactly as it was


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_old_library_works_with_todays_operations(fixture: Path, tmp_path: Path) -> None:
    copy = tmp_path / "library.sqlite3"
    shutil.copyfile(fixture, copy)
    with Library.open(copy) as lib:
        assert lib.ensure_seeds() == []  # the seeds are not imported a second time
        articles = lib.list_articles()
        assert [a.id for a in articles] == [1, 2]
        anns = Annotations(lib)
        first = anns.list_for_article(1)
        assert {a.note for a in first} >= {"The opening claim.\n\n**Check** the date.", "生词：退群"}
        tagged = {a.note: sorted(t.name for t in a.tags) for a in first}
        assert tagged["生词：退群"] == ["Vocabulary"]
        orphaned = [a for a in anns.list_for_article(2) if a.orphaned]
        assert len(orphaned) == 1 and orphaned[0].note == "This passage was edited away."
        found = anns.search("退群")
        assert any(a.note == "生词：退群" for a in found)
        edit = anns.create(1, 100, 110, tags=["Agree"], note="new after the upgrade")
        assert edit.annotation.tags[0].color == "#2e7d32"  # the reader's own colour survived the upgrade
        assert lib.get_setting("reader_name") == "Lin Mei"
