"""Bilingual Reader: a desktop reader for Chinese texts with ruby pinyin, script switching and annotations."""
from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "Bilingual Reader"
APP_ID = "bilingual-reader"
