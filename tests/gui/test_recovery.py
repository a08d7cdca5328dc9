"""Damaged library dialog (restore / start new), start-up backup, Help → Check library, outside changes."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from reader.core import maintenance
from reader.core.annotations import Annotations
from reader.core.library import Library
from reader.gui import safe_text
from reader.gui.main_window import MainWindow
from reader.gui.recovery import open_library_with_recovery


def click(monkeypatch: pytest.MonkeyPatch, label: str, seen: list[str]) -> None:
    """Answer every message box by clicking the button called `label` (or OK) instead of blocking."""

    def answer(box: QMessageBox) -> int:
        seen.append(box.text() + "\n" + box.informativeText())
        buttons = {b.text(): b for b in box.buttons()}
        (buttons.get(label) or next(iter(buttons.values()))).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(safe_text, "information", lambda *a, **k: seen.append(str(a[2])))


def test_damaged_library_can_be_restored_from_backup(qapp, seeded_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    with Library.open(seeded_db) as lib:
        Annotations(lib).create(1, 11, 20, note="kept in the backup")
        assert maintenance.backup(lib, "manual") is not None
    seeded_db.write_bytes(seeded_db.read_bytes()[:4096])  # a truncated file, as after a bad copy
    for extra in ("-wal", "-shm"):
        Path(str(seeded_db) + extra).unlink(missing_ok=True)
    seen: list[str] = []
    click(monkeypatch, "Restore Backup", seen)
    lib = open_library_with_recovery(seeded_db)
    assert lib is not None
    try:
        assert "damaged" in seen[0] and "newest good backup" in seen[0]
        notes = [a.note for a in Annotations(lib).list_for_article(1)]
        assert notes == ["kept in the backup"]
    finally:
        lib.close()
    kept = list(seeded_db.parent.glob("seeded.sqlite3.damaged-*"))
    assert kept and kept[0].stat().st_size == 4096


def test_damaged_library_without_backup_starts_new(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"\x00" * 8192)
    seen: list[str] = []
    click(monkeypatch, "Start a New Library", seen)
    lib = open_library_with_recovery(path)
    assert lib is not None
    try:
        assert "There is no good backup" in seen[0]
        assert len(lib.list_articles()) == 2  # a new library gets the seeds
    finally:
        lib.close()
    assert list(tmp_path.glob("library.sqlite3.damaged-*"))


def test_start_up_makes_a_daily_backup(qapp, seeded_db: Path) -> None:  # noqa: ANN001
    lib = open_library_with_recovery(seeded_db)
    assert lib is not None
    lib.close()
    assert [b.reason for b in maintenance.list_backups(seeded_db)] == ["start"]
    lib = open_library_with_recovery(seeded_db)
    assert lib is not None
    lib.close()
    assert len(maintenance.list_backups(seeded_db)) == 1  # once a day


def test_check_library_action_reports_health(window, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    seen: list[str] = []
    click(monkeypatch, "OK", seen)
    window.guard.action.trigger()
    qtbot.waitUntil(lambda: hasattr(window.guard, "last_report"), timeout=30000)
    assert window.guard.last_report.ok
    assert seen[-1].startswith("The library is healthy.")


def test_changes_from_another_program_refresh_the_window(window, qtbot, seeded_db: Path) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    assert window.guard.poll() is False
    other = Library.open(seeded_db)
    try:
        Annotations(other).create(1, 11, 15, note="from the command line")
    finally:
        other.close()
    with qtbot.waitSignal(window.hub.annotationsChanged, timeout=5000) as blocker:
        assert window.guard.poll() is True
    assert blocker.args[0] == 1
    assert blocker.args[1].initiator is None  # another program: every view refreshes


# ---- the library file: emptied, damaged at the end, read-only, a full disk, `--db PATH` alone ------------
def test_an_emptied_library_gets_the_restore_dialog_not_a_new_library(qapp, seeded_db: Path,  # noqa: ANN001
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    with Library.open(seeded_db) as lib:
        Annotations(lib).create(1, 11, 20, note="kept in the backup")
        assert maintenance.backup(lib, "manual") is not None
    seeded_db.write_bytes(b"")
    seen: list[str] = []
    click(monkeypatch, "Restore Backup", seen)
    lib = open_library_with_recovery(seeded_db)
    assert lib is not None
    try:
        assert "damaged" in seen[0] and "newest good backup" in seen[0]
        assert [a.note for a in Annotations(lib).list_for_article(1)] == ["kept in the backup"]
    finally:
        lib.close()


def test_damage_on_the_last_page_is_noticed_when_the_window_opens(qapp, seeded_db: Path,  # noqa: ANN001
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    with Library.open(seeded_db) as lib:
        assert maintenance.backup(lib, "manual") is not None
    data = bytearray(seeded_db.read_bytes())
    data[-4096:] = os.urandom(4096)
    seeded_db.write_bytes(bytes(data))
    seen: list[str] = []
    click(monkeypatch, "Quit", seen)
    assert open_library_with_recovery(seeded_db) is None
    assert "damaged" in seen[0]
    assert seeded_db.read_bytes() == bytes(data)  # nothing was written into it


@pytest.fixture
def immutable():  # noqa: ANN201
    made: list[Path] = []
    yield made
    for path in made:
        subprocess.run(["chattr", "-i", str(path)], check=False)


def test_a_read_only_library_opens_read_only_says_so_and_refuses_edits(qtbot, seeded_db: Path, immutable,  # noqa: ANN001
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(seeded_db)]).returncode:
        pytest.skip("chattr +i is not available here")
    immutable.append(seeded_db)
    before = seeded_db.read_bytes()
    seen: list[str] = []
    click(monkeypatch, "OK", seen)
    lib = open_library_with_recovery(seeded_db)
    assert lib is not None and lib.read_only
    assert any("read-only" in s for s in seen) and not any("damaged" in s for s in seen)
    window = MainWindow(lib)
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    messages: list[str] = []
    monkeypatch.setattr(window.annotator, "message", messages.append)
    try:
        window.open_article(1, offset=0)
        qtbot.waitUntil(lambda: not window._workers, timeout=60000)  # readings computed, not cached
        assert window.windowTitle().endswith("[read-only]")
        assert window.findChild(QLabel, "read_only_label").isVisible()
        window.view.set_selection(40, 44)
        window.annotator.tag_actions[0].trigger()  # Annotate → Tag 1 (key 1)
        assert any("read-only" in m for m in messages), messages
        assert Annotations(lib).list_for_article(1) == []
    finally:
        window.close()
        lib.close()
    assert seeded_db.read_bytes() == before


def test_a_full_disk_is_never_offered_as_damage(qapp, seeded_db: Path, tmp_path: Path,  # noqa: ANN001
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)], capture_output=True).returncode:
        pytest.skip("cannot mount a small disk here")
    try:
        db = disk / "library.sqlite3"
        Library.open(db).close()
        try:
            with open(disk / "filler", "wb") as fh:
                while True:
                    fh.write(b"\0" * 65536)
                    fh.flush()
        except OSError:
            pass  # the disk is full
        seen: list[str] = []
        click(monkeypatch, "Quit", seen)
        criticals: list[str] = []
        monkeypatch.setattr(safe_text, "critical", lambda *a, **k: criticals.append(str(a[2])))
        lib = open_library_with_recovery(db)
        if lib is not None:
            lib.close()
        assert not any("damaged" in s for s in seen + criticals), seen + criticals
        assert lib is not None or any("full" in s for s in criticals), criticals
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


OPEN_AND_QUIT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from reader.gui import main_window
shown = main_window.MainWindow.show
def show(self):
    shown(self)
    print("window on", self.lib.path, flush=True)
    QTimer.singleShot(0, QApplication.quit)
main_window.MainWindow.show = show
from reader.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_db_option_alone_opens_the_reader_on_that_library(tmp_path: Path) -> None:
    db = tmp_path / "elsewhere.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    proc = subprocess.run([sys.executable, "-c", OPEN_AND_QUIT, "--db", str(db)], capture_output=True, text=True,
                          env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr[-800:]
    assert proc.stdout.strip() == f"window on {db}"
    with Library.open(db) as lib:
        assert len(lib.list_articles()) == 2  # a new library, with the seeds, at the path given
    assert not Path(os.environ["READER_DB"]).exists()  # the default library was not touched
