"""Paths the tests share (imported as `testdata`; the tests folder is on sys.path through its conftest)."""
from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT_ROOT / "seeds"
SEED_TRAD = SEEDS / "000_dbfc36cdcc34ed11.txt"
SEED_SIMP = SEEDS / "002_50d667fd36437d6d.txt"
DATA = Path(__file__).resolve().parent / "data"
