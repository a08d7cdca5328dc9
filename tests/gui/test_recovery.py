"""Damaged library dialog (restore / start new), start-up backup, Help → Check library, outside changes."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from reader.core import maintenance
from reader.core.annotations import Annotations
from reader.core.library import Library
from reader.gui.recovery import open_library_with_recovery


def click(monkeypatch: pytest.MonkeyPatch, label: str, seen: list[str]) -> None:
    """Answer every message box by clicking the button called `label` (or OK) instead of blocking."""

    def answer(box: QMessageBox) -> int:
        seen.append(box.text() + "\n" + box.informativeText())
        buttons = {b.text(): b for b in box.buttons()}
        (buttons.get(label) or next(iter(buttons.values()))).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: seen.append(str(a[2]))))


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
    assert blocker.args == [1]
