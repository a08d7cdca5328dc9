"""Bilingual Reader: a desktop reader for Chinese texts with ruby pinyin, script switching and annotations."""
from __future__ import annotations

__version__ = "0.2.0"  # the one version source: pyproject.toml, --version and the About box read it
APP_NAME = "Bilingual Reader"
APP_ID = "bilingual-reader"
DESKTOP_ID = "io.github.bilingualreader.BilingualReader"  # the .desktop file and AppStream id (packaging/)
