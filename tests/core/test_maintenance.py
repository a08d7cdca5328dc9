"""Backups, the health check and recovery: what a reader sees when the library file is damaged."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.cli import main
from reader.core import health, maintenance, repair, schema
from reader.core.annotations import Annotations
from reader.core.errors import LibraryError
from reader.core.library import Library


def _count(path: Path, table: str) -> int:
    with closing(sqlite3.connect(path)) as conn, conn:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def _annotate(path: Path, n: int = 3) -> None:
    with Library.open(path) as lib:
        anns = Annotations(lib)
        for i in range(n):
            anns.create(1, 10 + i * 20, 15 + i * 20, tags=["Agree"], note=f"note {i}")


def _fake_backup(path: Path, when: datetime, reason: str) -> Path:
    folder = maintenance.backups_folder(path)
    folder.mkdir(exist_ok=True)
    target = folder / f"{path.stem}-{when.strftime(maintenance.STAMP_FORMAT)}-{reason}.sqlite3"
    shutil.copyfile(path, target)
    return target


def _corrupt_pages(path: Path, pages: tuple[int, ...] = (3, 6, 9)) -> None:
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    with path.open("r+b") as fh:
        for page in pages:
            fh.seek(page * page_size)
            fh.write(b"\xde\xad\xbe\xef" * 256)


# ---- backups ---------------------------------------------------------------------------------------
def test_backup_is_a_verified_self_contained_copy(seeded_db: Path) -> None:
    _annotate(seeded_db)
    with Library.open(seeded_db) as lib:
        target = maintenance.backup(lib, "manual")
    assert target is not None and target.parent == seeded_db.parent / "backups"
    assert target.name.startswith(f"{seeded_db.stem}-") and target.name.endswith("-manual.sqlite3")
    assert not list(target.parent.glob("*.partial"))
    with closing(sqlite3.connect(target)) as conn, conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("SELECT COUNT(*) FROM annotations").fetchone()[0] == 3
    assert maintenance.verify_backup(target) == (True, f"sound, schema {schema.LATEST}")


def test_start_up_backup_at_most_once_a_day(seeded_db: Path) -> None:
    with Library.open(seeded_db) as lib:
        first = maintenance.backup_on_start(lib)
        assert first is not None and first.name.endswith("-start.sqlite3")
        assert maintenance.backup_on_start(lib) is None
        first.rename(first.with_name(first.name.replace(
            first.name.split("-")[-2], (datetime.now(UTC) - timedelta(days=1)).strftime(maintenance.STAMP_FORMAT))))
        assert maintenance.backup_on_start(lib) is not None
    assert len(maintenance.list_backups(seeded_db)) == 2


def test_cli_use_makes_the_daily_backup(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(seeded_db), "list"]) == 0
    assert main(["--db", str(seeded_db), "list"]) == 0
    assert [b.reason for b in maintenance.list_backups(seeded_db)] == ["start"]


def test_retention_keeps_7_daily_4_weekly_3_migration_5_other(seeded_db: Path) -> None:
    now = datetime.now(UTC)
    for day in range(1, 61):
        _fake_backup(seeded_db, now - timedelta(days=day), "start")
    for n in range(6):
        _fake_backup(seeded_db, now - timedelta(days=n, hours=1), f"before-migration-{n + 2}")
        _fake_backup(seeded_db, now - timedelta(days=n, hours=2), "manual")
    stale = maintenance.backups_folder(seeded_db) / f"{seeded_db.stem}-x.sqlite3.partial"
    stale.write_bytes(b"half a copy")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    with Library.open(seeded_db) as lib:
        maintenance.backup(lib, "start")  # the new verified backup triggers pruning
    kept = maintenance.list_backups(seeded_db)
    starts = [b for b in kept if b.reason == "start"]
    assert len(starts) == 7 + 4
    daily_cutoff = starts[6].created
    weekly = [b for b in starts if b.created < daily_cutoff]
    assert len({b.created.astimezone().isocalendar()[:2] for b in weekly}) == 4
    assert min(b.created for b in starts) > now - timedelta(days=7 + 5 * 7 + 1)
    assert sorted(b.reason for b in kept if b.reason.startswith("before-migration")) == [
        "before-migration-2", "before-migration-3", "before-migration-4"]
    assert len([b for b in kept if b.reason == "manual"]) == 5
    assert not stale.exists()


def test_damaged_library_is_not_backed_up_and_old_backups_survive(seeded_db: Path) -> None:
    olds = [_fake_backup(seeded_db, datetime.now(UTC) - timedelta(days=d), "start") for d in range(1, 12)]
    _corrupt_pages(seeded_db)
    with pytest.raises(maintenance.LibraryDamaged, match="--repair restore"):
        maintenance.backup_file(seeded_db, "start")
    assert all(p.exists() for p in olds)
    assert len(maintenance.list_backups(seeded_db)) == 11


def test_migration_backup_is_verified_and_kept(seeded_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    migration = schema.Migration(schema.LATEST + 1, "test", lambda db: db.execute("CREATE TABLE extra (x)"))
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, migration])
    monkeypatch.setattr(schema, "LATEST", schema.LATEST + 1)
    with Library.open(seeded_db) as lib:
        assert lib.schema_version == schema.LATEST
    (b,) = maintenance.list_backups(seeded_db)
    assert b.reason == f"before-migration-{schema.LATEST}"
    with closing(sqlite3.connect(b.path)) as conn, conn:
        assert schema.applied_version(conn) == schema.LATEST - 1


# ---- check -------------------------------------------------------------------------------------------
def test_healthy_library_passes_every_check(seeded_db: Path) -> None:
    _annotate(seeded_db)
    report = health.check(seeded_db)
    assert report.ok, report.text()
    assert [f.name for f in report.findings] == [
        "file", "integrity", "references", "schema", "annotations", "search index"]
    assert report.schema_version == schema.LATEST
    assert "all 3 annotations lie inside" in report.text()


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda p: p.write_bytes(b"\x00" * 8192), "zero bytes"),
        (lambda p: p.write_bytes(os.urandom(8192)), "not an SQLite database"),
        (lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]), "cut off"),
        (lambda p: p.write_bytes(p.read_bytes()[:50]), "cut off"),
        (_corrupt_pages, "damaged"),
    ],
    ids=["zeroed", "random", "truncated", "header-only", "corrupt-pages"],
)
def test_damaged_file_is_reported_in_plain_words(seeded_db: Path, damage, words: str) -> None:  # noqa: ANN001
    with closing(sqlite3.connect(seeded_db)) as conn, conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage(seeded_db)
    report = health.check(seeded_db)
    assert not report.ok and report.damaged
    assert words in report.text()
    assert "--repair new" in (report.advice() or "")


def test_broken_references_and_misplaced_annotations_are_reported(seeded_db: Path) -> None:
    _annotate(seeded_db)
    with closing(sqlite3.connect(seeded_db)) as conn, conn:
        conn.execute('UPDATE annotations SET start = 100000, "end" = 100005 WHERE id = 1')
        conn.execute("UPDATE annotations SET exact = 'something else' WHERE id = 2")
        conn.execute("INSERT INTO annotation_tags (annotation_id, tag_id, created) VALUES (3, 999, 'x')")
    report = health.check(seeded_db)
    bad = {f.name: f for f in report.findings if not f.ok}
    assert set(bad) == {"references", "annotations"}
    assert "annotation_tags point to tags rows that no longer exist" in bad["references"].details[0]
    assert "1 annotation point outside" in bad["annotations"].message
    assert "1 annotation no longer match" in bad["annotations"].message
    assert not report.damaged


def test_search_index_out_of_step_is_found_and_rebuilt(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with closing(sqlite3.connect(seeded_db)) as conn, conn:
        conn.execute("DROP TRIGGER paragraphs_au")  # an update that bypasses the index, as a bug would
        conn.execute("UPDATE paragraphs SET text = '完全不同的段落文字' WHERE revision_id = 1 AND idx = 3")
        # same length, so the same number of index entries: only the entries themselves differ
        conn.execute("UPDATE paragraphs SET text = replace(text, '美國', '英國') WHERE revision_id = 1 AND idx = 5")
        ids = [r[0] for r in conn.execute("SELECT rowid FROM paragraphs WHERE revision_id = 1 AND idx IN (3, 5)")]
    report = health.check(seeded_db)
    (bad,) = [f for f in report.findings if not f.ok]
    assert bad.name == "search index"
    assert bad.details == (f"paragraphs_fts: 2 rows of paragraphs indexed differently from their text "
                           f"(row ids {ids[0]}, {ids[1]})",)
    assert report.index_only and "--repair search-index" in (report.advice() or "")
    assert main(["--db", str(seeded_db), "check", "--repair", "search-index"]) == 0
    assert "rebuilt the search indexes" in capsys.readouterr().out
    assert health.check(seeded_db).ok


def test_newer_library_is_not_repaired(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with closing(sqlite3.connect(seeded_db)) as conn, conn:
        conn.execute("INSERT INTO migrations VALUES (999, 'future', 'x')")
    report = health.check(seeded_db)
    assert not report.ok and "Update Bilingual Reader" in (report.advice() or "")
    assert main(["--db", str(seeded_db), "check", "--repair", "restore"]) == 1
    assert "newer version" in capsys.readouterr().err
    assert _count(seeded_db, "migrations") == len(schema.MIGRATIONS) + 1  # untouched: the future row is still there


# ---- recovery ----------------------------------------------------------------------------------------
def test_restore_takes_the_newest_good_backup_and_keeps_the_damaged_file(seeded_db: Path) -> None:
    _annotate(seeded_db, 2)
    with Library.open(seeded_db) as lib:
        good = maintenance.backup(lib, "start")
    assert good is not None
    bad_backup = _fake_backup(seeded_db, datetime.now(UTC) + timedelta(minutes=1), "manual")
    bad_backup.write_bytes(b"\x00" * 4096)  # the newest backup is itself damaged: it is skipped
    _corrupt_pages(seeded_db)
    damaged_bytes = seeded_db.read_bytes()
    assert maintenance.newest_good_backup(seeded_db).path == good
    result = repair.recover(seeded_db, "restore")
    assert result.restored is not None and result.restored.path == good
    (aside,) = [p for p in result.kept_aside if not p.name.split(".damaged-")[0].endswith(("-wal", "-shm"))]
    assert aside.name.startswith(f"{seeded_db.name}.damaged-") and aside.read_bytes() == damaged_bytes
    assert good.exists() and maintenance.verify_backup(good)[0]
    assert health.check(seeded_db).ok
    assert _count(seeded_db, "annotations") == 2


def test_restore_without_a_good_backup_moves_nothing(seeded_db: Path) -> None:
    seeded_db.write_bytes(b"\x00" * 4096)
    with pytest.raises(LibraryError, match="no backup .* passes"):
        repair.recover(seeded_db, "restore")
    assert seeded_db.read_bytes() == b"\x00" * 4096
    assert not list(seeded_db.parent.glob("*.damaged-*"))


def test_new_library_after_damage_gets_the_seeds_and_keeps_both_damaged_files(
    seeded_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeded_db.write_bytes(b"garbage" * 100)
    repair.recover(seeded_db, "new")
    seeded_db.write_bytes(b"more garbage" * 100)
    assert main(["--db", str(seeded_db), "check", "--repair", "new"]) == 0
    assert "The library is healthy." in capsys.readouterr().out
    kept = sorted(p.read_bytes()[:12] for p in seeded_db.parent.glob(f"{seeded_db.name}.damaged-*"))
    assert kept == [b"garbagegarba", b"more garbage"]
    assert main(["--db", str(seeded_db), "list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2


# ---- what the command line says ----------------------------------------------------------------------
def test_damaged_library_error_says_how_to_repair(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Library.open(seeded_db) as lib:
        good = maintenance.backup(lib, "start")
    assert good is not None
    seeded_db.write_bytes(b"\x00" * 4096)
    assert main(["--db", str(seeded_db), "list"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"error: {seeded_db} is damaged")
    assert f"--db {seeded_db} check --repair restore" in err
    assert maintenance.list_backups(seeded_db)[0].local_time in err and "'--repair new'" in err


def test_check_exit_codes_and_json(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(seeded_db), "check"]) == 0
    assert capsys.readouterr().out.strip().endswith("The library is healthy.")
    seeded_db.write_bytes(seeded_db.read_bytes()[:3000])
    assert main(["--db", str(seeded_db), "check", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and report["damaged"] is True
    assert report["checks"][0]["name"] == "file" and "cut off" in report["checks"][0]["message"]
    assert "--repair new" in report["advice"]


def test_check_repair_restore_end_to_end(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(seeded_db), "backup"]) == 0
    _corrupt_pages(seeded_db)
    assert main(["--db", str(seeded_db), "check"]) == 1
    capsys.readouterr()
    assert main(["--db", str(seeded_db), "check", "--repair", "restore"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("restored the backup from") and "The library is healthy." in out
    assert main(["--db", str(seeded_db), "check", "--repair", "restore"]) == 0
    assert "nothing to repair" in capsys.readouterr().out


def test_backup_list_command(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(seeded_db), "backup", "--list"]) == 0
    assert "no backups" in capsys.readouterr().out
    assert main(["--db", str(seeded_db), "backup"]) == 0
    made = Path(capsys.readouterr().out.strip())
    assert main(["--db", str(seeded_db), "backup", "--list", "--json"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert entry["path"] == str(made) and entry["reason"] == "manual"


# ---- changes made elsewhere ---------------------------------------------------------------------------
def test_data_version_tells_a_window_another_process_wrote(seeded_db: Path) -> None:
    with Library.open(seeded_db) as window, Library.open(seeded_db) as other:
        seen = maintenance.data_version(window)
        window.set_setting("own", 1)
        assert maintenance.data_version(window) == seen  # its own writes do not count
        other.set_setting("theirs", 2)
        assert maintenance.data_version(window) != seen
        assert window.get_setting("theirs") == 2
