"""Where the app keeps its files (core layer): library database, caches, shipped resources and seeds."""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from reader import APP_ID
from reader.core import shipped

RESOURCES_DIR = shipped.resources_dir()  # inside the installed package, or a source checkout's resources/
SEEDS_DIR = shipped.seeds_dir()


def data_dir() -> Path:
    """Folder for the user's data (the library). `READER_DATA_DIR` overrides the platform default."""
    override = os.environ.get("READER_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def cache_dir() -> Path:
    """Folder for rebuildable caches (dictionary index …). `READER_CACHE_DIR` overrides the default."""
    override = os.environ.get("READER_CACHE_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir(APP_ID, appauthor=False))


def default_db_path() -> Path:
    """The library file: `READER_DB` if set, else `library.sqlite3` in the data folder."""
    override = os.environ.get("READER_DB")
    return Path(override) if override else data_dir() / "library.sqlite3"


def config_dir() -> Path:
    """Folder for preferences (display options, window geometry). `READER_CONFIG_DIR` overrides it."""
    override = os.environ.get("READER_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_ID, appauthor=False))
