"""Paths the tests share (imported as `testdata`; the tests folder is on sys.path through its conftest)."""
from __future__ import annotations

import sqlite3
import uuid
from contextlib import closing
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT_ROOT / "seeds"
SEED_TRAD = SEEDS / "000_dbfc36cdcc34ed11.txt"
SEED_SIMP = SEEDS / "002_50d667fd36437d6d.txt"
DATA = Path(__file__).resolve().parent / "data"


def separate_library(path: Path) -> Path:
    """Give a copied library file an id of its own, as if it had been created on another machine
    (tests copy one seeded library for speed; a student's library is never the teacher's)."""
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE library_identity SET id = ?", (uuid.uuid4().hex,))
    return path
