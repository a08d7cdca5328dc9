"""Concurrent use: the app and a command-line process (or two of anything) on one library lose nothing.

WAL mode lets readers and one writer work at once; the busy timeout makes a second writer wait for the
first instead of failing. `maintenance.data_version` tells an open window that another process wrote.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from reader.core import health, maintenance
from reader.core.annotations import Annotations
from reader.core.library import Library

WRITER = Path(__file__).with_name("crash_writer.py")


def _writer(db: Path, tag: str, count: int, mode: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(db), tag, "--count", str(count), "--mode", mode, "--seed", tag[-1]],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _notes(db: Path) -> set[str]:
    with Library.open(db) as lib:
        return {row[0] for row in lib.conn.execute("SELECT note FROM annotations")}


def test_two_processes_writing_at_once_lose_nothing(seeded_db: Path) -> None:
    procs = {tag: _writer(seeded_db, tag, count, mode)
             for tag, count, mode in (("a1", 150, "library"), ("b2", 150, "library"), ("c3", 25, "cli"))}
    results = {tag: p.communicate(timeout=300) for tag, p in procs.items()}
    for tag, p in procs.items():
        assert p.returncode == 0, results[tag][1]
    notes = _notes(seeded_db)
    for tag, (out, _) in results.items():
        committed = [line.removeprefix("committed ") for line in out.splitlines()]
        assert len(committed) == (300 if tag != "c3" else 25)
        for marker in committed:  # a note may since have been revised by its writer
            assert marker in notes or f"{marker} (revised)" in notes, marker
    assert len(notes) == 150 + 150 + 25
    assert health.check(seeded_db, backups=False).ok


def test_open_window_sees_command_line_changes_and_keeps_its_own(seeded_db: Path) -> None:
    with Library.open(seeded_db) as app:
        anns = Annotations(app)
        seen = maintenance.data_version(app)
        cli = _writer(seeded_db, "cli1", 20, "cli")
        for n in range(20):  # the window keeps writing while the command line does
            anns.create(2, n * 10, n * 10 + 4, note=f"app-{n}")
        out, err = cli.communicate(timeout=300)
        assert cli.returncode == 0, err
        assert maintenance.data_version(app) != seen  # the poll that tells the window to refresh
        notes = {a.note for a in anns.list_for_article(1)} | {a.note for a in anns.list_for_article(2)}
    assert {f"app-{n}" for n in range(20)} <= notes
    assert {line.removeprefix("committed ") for line in out.splitlines()} <= notes
    assert len(notes) == 40


def test_a_long_write_makes_the_other_process_wait_not_fail(seeded_db: Path) -> None:
    with Library.open(seeded_db) as app:
        cli = None
        with app.transaction():
            app.conn.execute("INSERT INTO settings (key, value) VALUES ('busy', 'true')")
            cli = _writer(seeded_db, "late1", 1, "cli")
            time.sleep(1.5)  # holds the write lock while the other process wants it
            assert cli.poll() is None
        out, err = cli.communicate(timeout=300)
    assert cli.returncode == 0, err
    assert out.strip() == "committed late1-0"
    assert "late1-0" in _notes(seeded_db)


def test_polling_never_waits_for_a_writer_nor_holds_a_lock(seeded_db: Path) -> None:
    """A window polls every second: the poll must answer while another process holds the write lock (no
    busy wait: the timeout is 0 here, so any lock it needed would fail at once) and leave no transaction
    open. What one poll costs is `poll_data_version_us` in `main.py bench`."""
    with Library.open(seeded_db) as app, Library.open(seeded_db) as other:
        seen = maintenance.data_version(app)
        app.conn.execute("PRAGMA busy_timeout = 0")
        other.conn.execute("BEGIN IMMEDIATE")
        other.conn.execute("INSERT INTO settings (key, value) VALUES ('poll', '1')")
        for _ in range(100):
            assert maintenance.data_version(app) == seen
        assert not app.conn.in_transaction
        other.conn.execute("COMMIT")
        assert maintenance.data_version(app) != seen  # positive control: a commit elsewhere is seen
        with app.transaction():  # and the poller can write at once: it held nothing
            app.conn.execute("DELETE FROM settings WHERE key = 'poll'")
