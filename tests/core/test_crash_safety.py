"""Crash safety: a writer killed with SIGKILL at random moments never damages the library or loses a commit.

The writer (tests/core/crash_writer.py) annotates in a child process and prints a line after each commit;
one round in five starts it as a fresh `python` process, the others fork this one (much faster to start).
The test kills it at a random moment, many times over, and then checks that SQLite's integrity check
passes, that the whole health check passes (references, anchors, search index) and that every write the
writer reported as committed is in the library. Short version always (24 kills);
READER_SLOW=1 runs 500.
"""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from reader.core import health

WRITER = Path(__file__).with_name("crash_writer.py")
sys.path.insert(0, str(WRITER.parent))
import crash_writer  # noqa: E402

SLOW = os.environ.get("READER_SLOW") == "1"
KILLS = 500 if SLOW else 24

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


class Writer:
    """The crash writer in a child process: a fresh interpreter, or (faster) a fork of this one."""

    def __init__(self, db: Path, tag: str, mode: str, seed: int, *, fork: bool) -> None:
        if fork:
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: write until killed, never return into pytest
                code = 1
                try:
                    os.close(read)
                    sys.stdout = os.fdopen(write, "w", buffering=1)
                    code = crash_writer.run(db, tag, 1_000_000, mode, seed)
                finally:
                    os._exit(code)
            os.close(write)
            self.pid, self.out = pid, os.fdopen(read)
        else:
            self.proc = subprocess.Popen(
                [sys.executable, str(WRITER), str(db), tag, "--mode", mode, "--seed", str(seed)],
                stdout=subprocess.PIPE, text=True,
            )
            assert self.proc.stdout is not None
            self.pid, self.out = self.proc.pid, self.proc.stdout

    def kill_after_first_commit(self, delay: float) -> list[str]:
        """Wait until the writer has committed once, let it run `delay` more seconds, SIGKILL it; its lines."""
        first = self.out.readline()
        if not first:
            os.waitpid(self.pid, 0)
            pytest.fail("the writer stopped before writing anything")
        time.sleep(delay)
        os.kill(self.pid, signal.SIGKILL)
        _, status = os.waitpid(self.pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        rest = self.out.read()
        self.out.close()
        return [first.strip(), *rest.splitlines()]


def _verify(db: Path, committed: list[str]) -> tuple[int, int]:
    """Integrity, every reported commit present, no half-written article. Returns (annotations, articles)."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        notes = {row[0]: row[1] for row in conn.execute(
            "SELECT a.note, (SELECT GROUP_CONCAT(t.name) FROM annotation_tags x JOIN tags t ON t.id = x.tag_id"
            " WHERE x.annotation_id = a.id) FROM annotations a")}
        articles = {}
        for title, count in conn.execute(
            "SELECT a.title, COUNT(p.idx) FROM articles a LEFT JOIN paragraphs p ON p.revision_id = a.current_revision_id"
            " GROUP BY a.id"
        ):
            articles[title.split(" (")[0]] = (title, count)
    for title, count in articles.values():
        if title.endswith(" paragraphs)"):
            assert f"({count} paragraphs)" in title, f"half an article was written: {title} has {count}"
    missing = []
    for line in committed:
        if not line.startswith("committed "):
            continue  # a line cut short by the kill
        marker = line.removeprefix("committed ")
        if marker.endswith(" (revised)"):
            ok = marker in notes and "Question" in (notes[marker] or "")
        else:
            ok = marker in notes or f"{marker} (revised)" in notes or marker in articles
        if not ok:
            missing.append(marker)
    assert not missing, f"committed writes lost after a kill: {missing[:10]}"
    return len(notes), len(articles)


def test_random_sigkills_never_damage_the_library_or_lose_a_commit(seeded_db: Path) -> None:
    rnd = random.Random(int(os.environ.get("READER_CRASH_SEED", "1")))
    committed: list[str] = []
    started = time.perf_counter()
    for n in range(KILLS):
        mode = ("cli", "library", "import")[n % 3]
        fork = n % 5 != 0 and hasattr(os, "fork") and threading.active_count() == 1  # forking threads is unsafe
        writer = Writer(seeded_db, f"w{n}", mode, seed=n, fork=fork)
        committed += writer.kill_after_first_commit(rnd.choice((0.0, rnd.uniform(0.0, 0.3))))
        _verify(seeded_db, committed)  # after every kill, not just at the end
    annotations, articles = _verify(seeded_db, committed)
    report = health.check(seeded_db, backups=False)
    assert report.ok, report.text()
    elapsed = time.perf_counter() - started
    writes = sum(1 for line in committed if line.startswith("committed "))
    print(f"\n{KILLS} kills, {writes} committed writes verified ({annotations} annotations, {articles} articles), "
          f"{elapsed:.1f} s")
    assert writes >= KILLS


def test_a_writer_killed_mid_backup_leaves_no_half_backup(seeded_db: Path) -> None:
    """Killing the app while it makes its start-up backup leaves at most a `.partial` copy, never a bad backup."""
    from reader.core import maintenance

    code = ("import sys, time; from reader.core import maintenance; "
            "print('ready', flush=True); maintenance.backup_file(sys.argv[1], 'start')")
    for delay in (0.0, 0.005, 0.01, 0.02, 0.05):
        proc = subprocess.Popen([sys.executable, "-c", code, str(seeded_db)], stdout=subprocess.PIPE, text=True,
                                cwd=Path(__file__).resolve().parents[2])
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(delay)
        proc.kill()
        proc.wait(timeout=30)
    for backup in maintenance.list_backups(seeded_db):
        assert maintenance.verify_backup(backup.path)[0], backup.path
    assert health.check(seeded_db, backups=False).ok
