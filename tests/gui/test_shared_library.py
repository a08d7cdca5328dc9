"""The reader window and other programs on one library at once: command-line writers, sqlite-utils and the
sqlite3 shell beside the open window lose nothing, and the window never loses its own hold on the file."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from reader.core import health, opening
from reader.core.annotations import Annotations
from reader.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
WRITER = ROOT / "tests" / "core" / "crash_writer.py"
SQLITE_UTILS = Path(sys.executable).with_name("sqlite-utils")


def _deleted_descriptors(db: Path) -> list[str]:
    """This process's descriptors of the library's files that point to deleted files."""
    out = []
    for name in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{name}")
        except OSError:
            continue
        if target.startswith(str(db)) and target.endswith("(deleted)"):
            out.append(target)
    return out


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args],
                          capture_output=True, text=True, timeout=300)


def _highlight(qtbot, window: MainWindow, n: int) -> None:  # noqa: ANN001
    """Select a few characters in the reading view and press 1 (the first tag), as a reader does."""
    start = 40 + n * 6
    window.view.set_selection(start, start + 3)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_1)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see the window's descriptors")
def test_the_open_window_and_command_line_writers_share_the_library(qtbot, seeded_db: Path,  # noqa: ANN001
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)  # Help → Check Library's report
    lib = opening.open_library(seeded_db)  # the way the app opens it
    window = MainWindow(lib)
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    try:
        window.open_article(1, offset=0)  # its readings worker opens a connection of its own
        qtbot.waitUntil(lambda: not window._workers, timeout=60000)
        window.guard.check_library()  # the health check runs in a thread of this process
        qtbot.waitUntil(lambda: window.guard._worker is None, timeout=60000)
        assert window.guard.last_report.ok

        writers = [subprocess.Popen([sys.executable, str(WRITER), str(seeded_db), tag, "--count", "8", "--mode", "cli",
                                     "--seed", str(n)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                   for n, tag in enumerate(("cliA", "cliB"))]
        n = 0
        while any(w.poll() is None for w in writers):  # the reader keeps highlighting meanwhile
            _highlight(qtbot, window, n)
            n += 1
            qtbot.wait(150)
        results = [w.communicate(timeout=60) for w in writers]
        assert all(w.returncode == 0 for w in writers), results
        if SQLITE_UTILS.exists():
            utils = subprocess.run([str(SQLITE_UTILS), "insert", str(seeded_db), "settings", "-"],
                                   input=json.dumps({"key": "from sqlite-utils", "value": "1"}),
                                   capture_output=True, text=True, timeout=120)
            assert utils.returncode == 0, utils.stderr
        for m in range(n, n + 3):  # highlights made after the others wrote
            _highlight(qtbot, window, m)
        n += 3
        assert _deleted_descriptors(seeded_db) == []

        mine = {a.id for a in Annotations(lib).list_for_article(1, kind="highlight") if a.author != "cliA"
                and a.author != "cliB"}
        assert len(mine) == n
        listed = _cli(seeded_db, "list", "--json")
        assert listed.returncode == 0, listed.stderr
        assert json.loads(listed.stdout)[0]["annotations"] == n + 16  # the window's and the writers'
        if shutil.which("sqlite3"):
            shell = subprocess.run(["sqlite3", str(seeded_db), "SELECT COUNT(*) FROM annotations"],
                                   capture_output=True, text=True, timeout=60)
            assert shell.stdout.strip() == str(n + 16), shell.stderr
        late = _cli(seeded_db, "annotate", "2", "--start", "5", "--end", "9", "--note", "written while the window is open")
        assert late.returncode == 0, late.stderr
        qtbot.wait(1700)  # the window's poll notices the other programs' changes
        assert _deleted_descriptors(seeded_db) == []
    finally:
        window.close()
        lib.close()
    notes = []
    for out, _ in results:
        notes += [line.removeprefix("committed ") for line in out.splitlines()]
    with opening.open_library(seeded_db) as after:
        stored = {a.note for art in (1, 2) for a in Annotations(after).list_for_article(art)}
        assert set(notes) <= stored and len(notes) == 16
        assert "written while the window is open" in stored  # it outlived the window's closing
        assert len(Annotations(after).list_for_article(1, kind="highlight")) == n + 16
        if SQLITE_UTILS.exists():
            assert after.get_setting("from sqlite-utils") == 1
    assert health.check(seeded_db, backups=False).ok
