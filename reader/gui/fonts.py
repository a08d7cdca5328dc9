"""Fonts (gui layer): pick a CJK font for characters and readings — a system one, else the bundled subset.

`READER_FONT=bundled` forces the bundled Noto Sans CJK subset (deterministic screenshots and tests);
`READER_FONT=<family>` forces an installed family. The bundled font has Latin with tone marks (ǎ ǚ) and
the zhuyin block, so readings never show empty boxes.
"""
from __future__ import annotations

import os
import sys

from PySide6.QtGui import QFont, QFontDatabase

from reader.core.paths import RESOURCES_DIR

BUNDLED_FONT = RESOURCES_DIR / "fonts" / "NotoSansCJK-Subset.otf"

# Preferred installed families, best first (sans-serif faces read better at small reading sizes).
PREFERRED = (
    "Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans SC", "Noto Sans TC", "Source Han Sans SC",
    "Source Han Sans CN", "Source Han Sans TW", "PingFang SC", "PingFang TC", "Hiragino Sans GB",
    "Microsoft YaHei", "Microsoft JhengHei", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback",
)

_chosen: str | None = None


def bundled_family() -> str | None:
    """Register the bundled font once and return its family name (None if the file is missing)."""
    if not BUNDLED_FONT.exists():
        return None
    font_id = QFontDatabase.addApplicationFont(str(BUNDLED_FONT))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else None


def cjk_family() -> str:
    """The family used for characters and readings (chosen once per process)."""
    global _chosen
    if _chosen is not None:
        return _chosen
    wanted = os.environ.get("READER_FONT", "").strip()
    family: str | None = None
    if wanted.lower() == "bundled":
        family = bundled_family()
    else:
        installed = set(QFontDatabase.families())
        if wanted and wanted in installed:
            family = wanted
        if family is None:
            family = next((f for f in PREFERRED if f in installed), None)
        if family is None:
            chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
            chinese = [f for f in chinese if "mono" not in f.lower() and "serif" not in f.lower()] or list(chinese)
            family = chinese[0] if chinese else None
        if family is None:
            family = bundled_family()
    if family is None:
        print("note: no Chinese font found; characters may show as boxes", file=sys.stderr)
        family = QFont().defaultFamily()
    _chosen = family
    return family
