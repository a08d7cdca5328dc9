"""Test setup: Qt offscreen, and every test's library, settings and data folders in temporary places."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from testdata import DATA, PROJECT_ROOT, SEED_SIMP, SEED_TRAD, SEEDS  # noqa: F401 - shared with the tests


@pytest.fixture(scope="session")
def shared_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Rebuildable caches (segmenter, dictionary index) are shared by the whole session to keep it fast."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, shared_cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test touches the user's real library, settings or data."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("READER_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("READER_DB", str(home / "data" / "library.sqlite3"))
    monkeypatch.setenv("READER_CACHE_DIR", str(shared_cache_dir))
    monkeypatch.setenv("READER_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "share"))
    return home


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory, shared_cache_dir: Path) -> Path:
    """A library with both seeds imported and their tokens cached, built once per session."""
    os.environ["READER_CACHE_DIR"] = str(shared_cache_dir)
    from reader.core import known_share
    from reader.core.library import Library

    path = tmp_path_factory.mktemp("template") / "seeded.sqlite3"
    with Library.open(path) as lib:
        lib.ensure_seeds()
        for info in lib.list_articles():
            lib.tokens(info.revision_id)
        known_share.article_shares(lib)  # the words of each article counted, as a window does once
        lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def seeded_db(seeded_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the seeded library for one test."""
    target = tmp_path / "seeded.sqlite3"
    shutil.copyfile(seeded_template, target)
    return target


@pytest.fixture
def library(seeded_db: Path):  # noqa: ANN201
    """The seeded library, open for one test."""
    from reader.core.library import Library

    lib = Library.open(seeded_db)
    yield lib
    lib.close()


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    """A new library file for one test: the current schema and default tag sets, no articles (seeds not imported)."""
    from reader.core.library import Library

    target = tmp_path / "empty.sqlite3"
    Library.open(target).close()
    return target


@pytest.fixture
def empty_library(empty_db: Path):  # noqa: ANN201
    """The empty library, open for one test."""
    from reader.core.library import Library

    lib = Library.open(empty_db)
    yield lib
    lib.close()
