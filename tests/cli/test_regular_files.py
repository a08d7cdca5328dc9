"""Only regular files are read: a pipe, /dev/zero, a folder or a link to /dev/zero gives one line, exit 1, no hang."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from testdata import PROJECT_ROOT, SEED_SIMP

from reader.core.errors import ImportFailed, ReaderError
from reader.core.untrusted import read_regular_file

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(),
                                reason="needs named pipes and /dev/zero")

KINDS = ("fifo", "zero", "folder", "link")
TABLES = ("articles", "revisions", "annotations", "translations", "tags", "tagsets", "settings")


def make(kind: str, folder: Path, suffix: str) -> Path:
    """A path of the given kind whose name ends in `suffix` (so importers pick it by name)."""
    if kind == "zero":
        return Path("/dev/zero")
    path = folder / f"{kind}{suffix}"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to("/dev/zero")
    return path


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES if t in names}  # noqa: S608


def run_cli(db: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "--db", str(db), *argv],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )


ENTRY_POINTS = {
    "import txt": (".txt", lambda p: ["import", p]),
    "import html": (".html", lambda p: ["import", p]),
    "import epub": (".epub", lambda p: ["import", p]),
    "revise": (".txt", lambda p: ["revise", "2", p]),
    "translate": (".txt", lambda p: ["translate", "2", p]),
    "class open": (".readerclass", lambda p: ["class", "open", p]),
    "class merge": (".readerclass", lambda p: ["class", "merge", p]),
    "import-annotations": (".json", lambda p: ["import-annotations", p]),
    "class handout --instructions": (".md", lambda p: ["class", "handout", "2", "-o", "OUT", "--instructions", p]),
}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("entry", list(ENTRY_POINTS))
def test_entry_point_refuses_what_is_not_a_regular_file(entry: str, kind: str, seeded_db: Path, tmp_path: Path) -> None:
    suffix, argv = ENTRY_POINTS[entry]
    path = make(kind, tmp_path, suffix)
    out = tmp_path / "out.readerclass"
    before = counts(seeded_db)
    proc = run_cli(seeded_db, *[str(out) if a == "OUT" else a for a in argv(str(path))])
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr
    expected = "is a folder" if kind == "folder" else "not a regular file"
    assert expected in proc.stderr, proc.stderr
    assert counts(seeded_db) == before
    assert not out.exists()


def test_positive_control_regular_file_and_link_to_one_are_read(seeded_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.txt"
    target.write_bytes(SEED_SIMP.read_bytes())
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    before = counts(seeded_db)["articles"]
    proc = run_cli(seeded_db, "import", str(link))
    assert proc.returncode == 0, proc.stderr
    # The seed is already in the library: the import recognises it rather than failing.
    assert "already in the library" in proc.stdout
    assert counts(seeded_db)["articles"] == before


def test_size_limit_does_not_trust_the_reported_size(tmp_path: Path) -> None:
    small = tmp_path / "small.txt"
    small.write_bytes(b"x" * 100)
    assert read_regular_file(small, 100) == b"x" * 100  # exactly the limit: read
    with pytest.raises(ImportFailed, match="too large"):
        read_regular_file(small, 99)
    # Files under /proc report a size of 0 and still have content: the read itself stops at limit + 1 bytes.
    status = Path("/proc/self/status")
    if status.exists():
        assert os.stat(status).st_size == 0
        with pytest.raises(ImportFailed, match="too large"):
            read_regular_file(status, 10)
        assert read_regular_file(status, 1_000_000).startswith(b"Name:")


def test_missing_file_and_the_error_class_of_the_caller(tmp_path: Path) -> None:
    class Refused(ReaderError):
        pass

    with pytest.raises(ImportFailed, match="no such file"):
        read_regular_file(tmp_path / "missing.txt", 10)
    with pytest.raises(Refused, match="not a regular file"):
        read_regular_file("/dev/zero", 10, error=Refused)


@pytest.mark.parametrize("kind", ["fifo", "link"])
def test_eval_refuses_a_split_file_that_is_not_regular(kind: str, seeded_db: Path, tmp_path: Path) -> None:
    split = tmp_path / "split"
    split.mkdir()
    (split / "test.lb").write_text("他▁0\n", encoding="utf-8")
    if kind == "fifo":
        os.mkfifo(split / "test.sent")
    else:
        (split / "test.sent").symlink_to("/dev/zero")
    proc = run_cli(seeded_db, "eval-pinyin", str(split))
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "not a regular file" in proc.stderr, proc.stderr


def test_dev_null_is_a_device_and_the_open_library_is_refused_as_itself(library, tmp_path: Path) -> None:  # noqa: ANN001
    """/dev/null is a descriptor of many processes (their stdin): it is 'not a regular file', never 'a library
    file open here'; the library this process has open is refused as such, for import and revise alike."""
    with pytest.raises(ImportFailed, match="not a regular file"):
        library.import_file("/dev/null")
    with pytest.raises(ImportFailed, match="a library file open here"):
        library.import_file(library.path)
    from reader.core.importers import parse_path

    with pytest.raises(ImportFailed, match="a library file open here"):
        parse_path(library.path)  # the path revise reads through
    text = tmp_path / "ok.txt"
    text.write_text("第一段。\n", encoding="utf-8")
    assert parse_path(text).paragraphs  # positive control
