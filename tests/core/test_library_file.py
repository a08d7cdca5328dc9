"""The library file can be trusted: a stray -wal, an emptied file, unnoticed damage, a full disk, a read-only
file or folder, a deleted -wal and paths that are not libraries each get the true diagnosis, and nothing is lost."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from reader.cli import main
from reader.core import health, libfile, maintenance, opening, repair
from reader.core.annotations import Annotations
from reader.core.errors import DiskFull, LibraryReadOnly, NotALibrary
from reader.core.library import Library

ROOT = Path(__file__).resolve().parents[2]
KEEP_WAL = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA page_size = " + sys.argv[2]) if len(sys.argv) > 2 else None
conn.execute("PRAGMA journal_mode = WAL")
for sql in sys.stdin.read().split(";\\n"):
    if sql.strip():
        conn.execute(sql)
os._exit(0)  # gone without closing: its -wal stays, as after a crash
"""


def _keep_wal(db: Path, sql: str, page_size: int | None = None) -> None:
    """Run SQL in another process that dies without closing, leaving its -wal beside `db`."""
    args = [sys.executable, "-c", KEEP_WAL, str(db)] + ([str(page_size)] if page_size else [])
    subprocess.run(args, input=sql, text=True, check=True, timeout=60)
    assert Path(f"{db}-wal").stat().st_size > 0


def _notes(db: Path) -> list[str]:
    with closing(sqlite3.connect(db)) as conn:
        return [r[0] for r in conn.execute("SELECT note FROM annotations ORDER BY id")]


def _cli(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _annotate(db: Path, note: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code, _, err = _cli(db, "annotate", "1", "--start", "3", "--end", "7", "--note", note, capsys=capsys)
    return code, err


# ---- a stray -wal ----------------------------------------------------------------------------------------
def test_another_databases_wal_is_set_aside_not_applied(seeded_db: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    size = seeded_db.stat().st_size
    other = tmp_path / "other.sqlite3"
    _keep_wal(other, "CREATE TABLE t (x);\nINSERT INTO t VALUES (1)")
    foreign = Path(f"{other}-wal").read_bytes()
    Path(f"{seeded_db}-wal").write_bytes(foreign)
    code, out, err = _cli(seeded_db, "list", "--json", capsys=capsys)
    assert code == 0, err
    assert len(json.loads(out)) == 2  # the library's own articles
    assert "note: the -wal file beside" in err and "set aside" in err
    (aside,) = seeded_db.parent.glob("seeded.sqlite3-wal.stray-*")
    assert aside.read_bytes() == foreign  # kept as it was
    assert seeded_db.stat().st_size >= size
    assert health.check(seeded_db, backups=False).ok


def test_a_wal_with_another_page_size_is_set_aside(seeded_db: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    _keep_wal(other, "CREATE TABLE t (x);\nINSERT INTO t VALUES (1)", page_size=8192)
    shutil.copyfile(f"{other}-wal", f"{seeded_db}-wal")
    assert "8,192 bytes" in (libfile.stray_wal(seeded_db) or "")
    with opening.open_library(seeded_db) as lib:
        assert len(lib.list_articles()) == 2
        assert "set aside" in lib.notices[0]


def test_a_stale_wal_of_the_same_library_is_set_aside(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _keep_wal(seeded_db, "INSERT INTO settings (key, value) VALUES ('old', '1')")
    stale = Path(f"{seeded_db}-wal").read_bytes()
    assert _annotate(seeded_db, "applied", capsys)[0] == 0  # the log is applied and folded in
    with Library.open(seeded_db) as lib:
        for n in range(30):
            Annotations(lib).create(2, n * 5, n * 5 + 3, note=f"later {n}")
        lib.conn.execute("VACUUM")  # every page rewritten: the old log's pages no longer fit
    assert not Path(f"{seeded_db}-wal").exists()
    Path(f"{seeded_db}-wal").write_bytes(stale)
    assert libfile.stray_wal(seeded_db)
    code, err = _annotate(seeded_db, "after", capsys)
    assert code == 0, err
    assert "set aside" in err
    notes = _notes(seeded_db)
    assert notes[0] == "applied" and notes[-1] == "after" and len(notes) == 32
    assert health.check(seeded_db, backups=False).ok


def test_the_wal_left_by_a_crash_is_applied(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Library.open(seeded_db) as lib:
        rev = lib.article(1).revision_id
    _keep_wal(seeded_db, "INSERT INTO settings (key, value) VALUES ('crash', '\"kept\"')")
    assert libfile.stray_wal(seeded_db) is None
    with opening.open_library(seeded_db) as lib:
        assert lib.get_setting("crash") == "kept" and lib.notices == []
        assert lib.article(1).revision_id == rev
    assert not list(seeded_db.parent.glob("*.stray-*"))


def test_the_wal_of_a_library_open_in_another_process_is_left_alone(seeded_db: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys, time\nc = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
         "c.execute(\"INSERT INTO settings (key, value) VALUES ('live', '1')\")\nprint('ready', flush=True)\n"
         "sys.stdin.read()", str(seeded_db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        assert libfile.held_elsewhere(seeded_db)
        assert libfile.stray_wal(seeded_db) is None
        with opening.open_library(seeded_db) as lib:
            assert lib.get_setting("live") == 1 and lib.notices == []
    finally:
        holder.communicate("", timeout=30)
    assert not list(seeded_db.parent.glob("*.stray-*"))


# ---- an emptied library file ------------------------------------------------------------------------------
def test_an_emptied_library_with_backups_is_damage_not_a_new_library(seeded_db: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert _annotate(seeded_db, "in the backup", capsys)[0] == 0
    assert main(["--db", str(seeded_db), "backup"]) == 0
    seeded_db.write_bytes(b"")
    code, _, err = _cli(seeded_db, "list", capsys=capsys)
    assert code == 1 and "is damaged" in err and "empty (0 bytes)" in err and "--repair restore" in err
    assert seeded_db.stat().st_size == 0  # nothing was started in it
    report = health.check(seeded_db)
    assert report.damaged and "--repair restore" in (report.advice() or "")
    assert _cli(seeded_db, "check", "--repair", "restore", capsys=capsys)[0] == 0
    assert _notes(seeded_db) == ["in the backup"]


def test_an_empty_file_without_backups_becomes_a_new_library_and_says_so(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "library.sqlite3"
    db.write_bytes(b"")
    code, out, err = _cli(db, "list", "--json", capsys=capsys)
    assert code == 0 and len(json.loads(out)) == 2
    assert "was an empty file with no backups beside it: a new library was started" in err


# ---- damage that used to go unnoticed ---------------------------------------------------------------------
def _damage_middle(db: Path) -> None:
    """Random bytes over the b-tree page nearest the middle of the file (damage inside a text's own bytes, on an
    overflow, free or empty page, is invisible to SQLite, so the test aims at a page SQLite can judge)."""
    data = bytearray(db.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    pages = len(data) // page
    btree = [n for n in range(1, pages)  # b-tree pages holding cells (an empty leaf has nothing to damage)
             if data[n * page] in (0x02, 0x05, 0x0A, 0x0D) and int.from_bytes(data[n * page + 3 : n * page + 5], "big")]
    middle = min(btree, key=lambda n: abs(n - pages // 2)) * page
    data[middle + 8 : middle + page - 96] = os.urandom(page - 104)
    db.write_bytes(bytes(data))


def _damage_last_page(db: Path) -> None:
    data = bytearray(db.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[-page:] = os.urandom(page)
    db.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [_damage_middle, _damage_last_page, lambda db: db.write_bytes(db.read_bytes()[:-1])],
                         ids=["middle", "last-page", "one-byte-short"])
def test_damage_is_found_at_open_and_nothing_is_written_into_it(seeded_db: Path, damage,  # noqa: ANN001
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(seeded_db), "backup"]) == 0
    damage(seeded_db)
    before = seeded_db.read_bytes()
    code, _, err = _cli(seeded_db, "list", capsys=capsys)
    assert code == 1 and "is damaged" in err and "--repair restore" in err, err
    code, err = _annotate(seeded_db, "must not be written", capsys)
    assert code == 1 and "is damaged" in err
    assert seeded_db.read_bytes() == before
    assert not Path(f"{seeded_db}-wal").exists() or Path(f"{seeded_db}-wal").stat().st_size == 0


def test_damage_reported_on_several_lines_by_sqlite_is_said_in_one_line(seeded_db: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    with closing(sqlite3.connect(seeded_db)) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'articles'").fetchone()[0]
    data = bytearray(seeded_db.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    first_cell = (root - 1) * page + 8  # the first cell pointer of the table's leaf page: now off its end
    data[first_cell:first_cell + 2] = (page - 6).to_bytes(2, "big")
    seeded_db.write_bytes(bytes(data))
    with closing(sqlite3.connect(f"file:{seeded_db}?immutable=1", uri=True)) as conn:
        assert "\n" in conn.execute("PRAGMA quick_check(5)").fetchone()[0]  # SQLite's own report spans lines
    code, _, err = _cli(seeded_db, "list", capsys=capsys)
    assert code == 1 and "is damaged" in err and "Extends off end of page" in err
    assert err.count("\n") == 1 and "***" not in err, err
    report = health.check(seeded_db)
    assert report.damaged and all("\n" not in d for f in report.findings for d in (f.message, *f.details))


# ---- never rename what is not a library -------------------------------------------------------------------
def test_a_folder_is_never_renamed_or_recommended_for_repair(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "Documents"
    folder.mkdir()
    (folder / "thesis.txt").write_text("mine")
    code, out, _ = _cli(folder, "check", capsys=capsys)
    assert code == 1 and "a folder" in out and "--repair" not in out
    code, _, err = _cli(folder, "check", "--repair", "new", capsys=capsys)
    assert code == 1 and "is a folder, not a Bilingual Reader library" in err
    code, _, err = _cli(folder, "list", capsys=capsys)
    assert code == 1 and "is a folder" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Documents", "home"]
    assert (folder / "thesis.txt").read_text() == "mine"


def test_a_text_file_named_by_mistake_is_described_and_left_alone(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my reading notes\n")
    for args in (("list",), ("check", "--repair", "new"), ("check", "--repair", "restore")):
        code, _, err = _cli(notes, *args, capsys=capsys)
        assert code == 1 and "a text file" in err and "not a Bilingual Reader library" in err, err
    assert notes.read_text() == "my reading notes\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "notes.txt"]
    with pytest.raises(NotALibrary):
        repair.recover(notes, "new")


def test_a_named_pipe_is_refused_without_waiting_on_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.sqlite3"
    os.mkfifo(fifo)
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(fifo), "check", "--repair", "new"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and "named pipe" in proc.stderr
    assert fifo.is_fifo() and sorted(p.name for p in tmp_path.iterdir()) == ["home", "pipe.sqlite3"]


# ---- read-only, full, deleted -wal: never "damaged" -------------------------------------------------------
@pytest.fixture
def immutable() -> Iterator[list[Path]]:
    """Paths made immutable with chattr (root ignores file modes); made mutable again afterwards."""
    made: list[Path] = []
    yield made
    for path in made:
        subprocess.run(["chattr", "-i", str(path)], check=False)


def _chattr(path: Path, made: list[Path]) -> None:
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
        pytest.skip("chattr +i is not available here")
    made.append(path)


def test_a_read_only_library_file_is_opened_read_only(seeded_db: Path, immutable: list[Path],
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert _annotate(seeded_db, "before", capsys)[0] == 0
    before = seeded_db.read_bytes()
    _chattr(seeded_db, immutable)
    code, out, err = _cli(seeded_db, "list", "--json", capsys=capsys)
    assert code == 0 and len(json.loads(out)) == 2
    assert "read-only" in err and "damaged" not in err
    code, err = _annotate(seeded_db, "refused", capsys)
    assert code == 1 and "read-only" in err and "damaged" not in err and "--repair" not in err
    code, out, _ = _cli(seeded_db, "check", capsys=capsys)
    assert code == 0 and "healthy" in out
    assert seeded_db.read_bytes() == before and _notes(seeded_db) == ["before"]
    with pytest.raises(LibraryReadOnly):
        with Library.open(seeded_db) as lib:
            lib.set_setting("x", 1)


def test_a_read_only_folder_opens_read_only_and_skips_the_backup(seeded_db: Path, immutable: list[Path],
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    _chattr(seeded_db.parent, immutable)
    code, out, err = _cli(seeded_db, "list", "--json", capsys=capsys)
    assert code == 0, err
    assert len(json.loads(out)) == 2 and "is read-only" in err and "folder" in err
    code, err = _annotate(seeded_db, "refused", capsys)
    assert code == 1 and "read-only" in err and "damaged" not in err
    code, out, _ = _cli(seeded_db, "check", capsys=capsys)  # no search index "problem" for want of writing
    assert code == 0 and out.rstrip().endswith("The library is healthy."), out


def test_a_failed_start_up_backup_is_logged_and_skipped(seeded_db: Path, immutable: list[Path],
                                                         capsys: pytest.CaptureFixture[str],
                                                         caplog: pytest.LogCaptureFixture) -> None:
    folder = maintenance.backups_folder(seeded_db)
    folder.mkdir()
    _chattr(folder, immutable)
    code, err = _annotate(seeded_db, "written anyway", capsys)
    assert code == 0, err
    assert "start-up backup skipped" in caplog.text
    assert _notes(seeded_db) == ["written anyway"]


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
                      capture_output=True).returncode:
        pytest.skip("cannot mount a small disk here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_is_said_to_be_full_and_the_library_stays_intact(seeded_db: Path, small_disk: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    db = small_disk / "library.sqlite3"
    Library.open(seeded_db).close()
    with closing(sqlite3.connect(seeded_db)) as source, closing(sqlite3.connect(db)) as target:
        source.backup(target)  # a copy through SQLite, as the app would make one
    assert _annotate(db, "fits", capsys)[0] == 0
    filler = small_disk / "filler"
    with open(filler, "wb") as fh:  # fill the disk to the last byte
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError:
            pass
    failures = []
    for n in range(40):  # each write needs a little more room until none is left
        code, err = _annotate(db, f"big {n} " + "长" * 20000, capsys)
        if code:
            failures.append(err)
            break
    assert failures, "the disk never filled"
    err = failures[0]
    assert "disk" in err and "full" in err and "damaged" not in err and "--repair" not in err, err
    filler.unlink()
    code, out, _ = _cli(db, "check", capsys=capsys)
    assert code == 0, out
    assert "fits" in _notes(db)


def _fill(disk: Path) -> Path:
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:  # fill the disk to the last byte, unbuffered
        for size in (65536, 4096, 512, 1):
            try:
                while os.write(fd, b"\0" * size):
                    pass
            except OSError:
                pass
    finally:
        os.close(fd)
    return filler


def test_a_library_on_a_full_disk_can_still_be_read(seeded_db: Path, small_disk: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    db = small_disk / "library.sqlite3"
    with closing(sqlite3.connect(seeded_db)) as source, closing(sqlite3.connect(db)) as target:
        source.backup(target)
    assert _annotate(db, "before the disk filled", capsys)[0] == 0
    filler = _fill(small_disk)
    code, out, err = _cli(db, "list", "--json", capsys=capsys)
    assert code == 0, err
    assert len(json.loads(out)) >= 1  # the articles are listed
    assert "read-only" in err and "full" in err and "damaged" not in err, err
    code, out, err = _cli(db, "annotations", "1", "--json", capsys=capsys)
    assert code == 0, err
    assert "before the disk filled" in out  # the notes can be read
    code, err = _annotate(db, "refused", capsys)
    assert code != 0 and "full" in err and "damaged" not in err, err
    filler.unlink()
    assert _annotate(db, "after space was freed", capsys)[0] == 0  # writable again once there is room
    assert _notes(db) == ["before the disk filled", "after space was freed"]


def test_a_full_disk_with_changes_in_the_log_is_not_read_without_them(seeded_db: Path, small_disk: Path) -> None:
    db = small_disk / "library.sqlite3"
    with closing(sqlite3.connect(seeded_db)) as source, closing(sqlite3.connect(db)) as target:
        source.backup(target)
    holder = Library.open(db)  # another user with changes still in the log
    try:
        holder.conn.execute("PRAGMA wal_autocheckpoint = 0")
        holder.conn.execute("UPDATE articles SET title = 'changed in the log' WHERE id = 1")
        _fill(small_disk)
        assert not libfile.full_disk_readable(db)  # a log with changes: never read around it
    finally:
        holder.close()


def test_sqlite_full_and_readonly_errors_are_explained_not_called_damage(tmp_path: Path) -> None:
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = 13  # type: ignore[attr-defined]
    assert isinstance(libfile.explain(full, tmp_path / "x.sqlite3"), DiskFull)
    ro = sqlite3.OperationalError("attempt to write a readonly database")
    ro.sqlite_errorcode = 8  # type: ignore[attr-defined]
    assert isinstance(libfile.explain(ro, tmp_path / "x.sqlite3"), LibraryReadOnly)
    corrupt = sqlite3.DatabaseError("database disk image is malformed")
    corrupt.sqlite_errorcode = 11  # type: ignore[attr-defined]
    assert libfile.explain(corrupt, tmp_path / "x.sqlite3") is None  # damage: the caller says what to run


def test_a_wal_deleted_under_an_open_library_is_not_called_damage(seeded_db: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
         "c.execute('PRAGMA journal_mode = WAL')\n"
         "for n in range(50): c.execute(\"INSERT INTO settings (key, value) VALUES (?, '1')\", (f'k{n}',))\n"
         "print('ready', flush=True)\nsys.stdin.read()\nprint(c.execute('SELECT COUNT(*) FROM settings').fetchone()[0])",
         str(seeded_db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        Path(f"{seeded_db}-wal").unlink()
        proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(seeded_db), "list"],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 1
        assert "-wal" in proc.stderr and "deleted" in proc.stderr and "not damaged" in proc.stderr, proc.stderr
        assert "--repair" not in proc.stderr
    finally:
        holder.communicate("", timeout=30)
    assert not list(seeded_db.parent.glob("*.damaged-*"))


def test_the_open_library_cannot_be_imported_as_a_text(seeded_db: Path) -> None:
    """Reading it with plain file I/O would drop the process's locks on it (the -wal then goes)."""
    from reader.core.errors import ImportFailed

    with Library.open(seeded_db) as lib:
        for name in (seeded_db, Path(f"{seeded_db}-wal"), Path(f"{seeded_db}-shm")):
            with pytest.raises(ImportFailed, match="open here"):
                lib.import_file(name)
        assert len(lib.list_articles()) == 2
