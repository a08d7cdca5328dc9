"""Display options and colours (gui layer): what the reading view shows, remembered in QSettings.

Settings live in `config_dir()/settings.ini` (READER_CONFIG_DIR overrides it), never in the native store.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor

from reader.core.paths import config_dir
from reader.core.pipeline.standards import STANDARDS
from reader.core.pipeline.tones import NEUTRAL_MODES
from reader.core.reading_options import ReadingOptions
from reader.core.text import PINYIN_STYLES, SCRIPTS

TONE_SCHEMES = ("none", "pleco", "hanping")
THEMES = ("system", "light", "dark")
TRANSLATION_MODES = ("interlinear", "side")
DEFAULT_SIZE = 20.0
MIN_SIZE, MAX_SIZE = 10.0, 48.0


@dataclass(frozen=True)
class DisplayOptions:
    script: str = "original"
    pinyin: str = "marks"
    tones: str = "none"
    size: float = DEFAULT_SIZE  # point size of the characters; readings are ~55 % of it
    theme: str = "system"
    translations: bool = False
    translation_mode: str = "interlinear"  # or "side": a second column aligned per paragraph
    spoken_tones: bool = False  # 一/不 with their tone changes (yí gè, bú shì); off: citation tones
    standard: str = "auto"  # reading standard: auto (follows the script), mainland or taiwan
    neutral_tones: str = "dictionary"  # neutral tones as dictionaries write them, or "required" ones only

    def with_(self, **changes: object) -> DisplayOptions:
        return replace(self, **changes)

    def layout_key(self) -> tuple:
        """What changes the geometry (tone colours and theme only change paint)."""
        return (self.script, self.pinyin, round(self.size, 2), self.translations, self.translation_mode,
                self.spoken_tones, self.standard, self.neutral_tones)

    def readings(self) -> ReadingOptions:
        """How readings are written (`reader.core.reading_options`), for the view and every output."""
        return ReadingOptions(self.standard, self.spoken_tones, self.neutral_tones)


def reading_options_of(options: object | None) -> ReadingOptions:
    """The reading options of display options (defaults when there are none)."""
    return options.readings() if isinstance(options, DisplayOptions) else ReadingOptions()


def settings() -> QSettings:
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def load_options(store: QSettings | None = None) -> DisplayOptions:
    store = store or settings()
    values: dict[str, object] = {}
    allowed = {"script": SCRIPTS, "pinyin": PINYIN_STYLES, "tones": TONE_SCHEMES, "theme": THEMES,
               "translation_mode": TRANSLATION_MODES, "standard": STANDARDS, "neutral_tones": NEUTRAL_MODES}
    for f in fields(DisplayOptions):
        raw = store.value(f"display/{f.name}")
        if raw is None:
            continue
        if f.name in allowed:
            if str(raw) in allowed[f.name]:
                values[f.name] = str(raw)
        elif f.name == "size":
            try:
                values["size"] = min(MAX_SIZE, max(MIN_SIZE, float(raw)))
            except (TypeError, ValueError):
                pass
        elif f.name in ("translations", "spoken_tones"):
            values[f.name] = str(raw).lower() in ("true", "1")
    return DisplayOptions(**values)


def save_options(options: DisplayOptions, store: QSettings | None = None) -> None:
    store = store or settings()
    for key, value in asdict(options).items():
        store.setValue(f"display/{key}", value)
    store.sync()


# ---- colours ---------------------------------------------------------------------------------------
# Tone colour schemes, per tone 1–5, in a light and a dark variant (dark: lighter shades on a dark page).
# Pleco's default: 1 red, 2 green, 3 blue, 4 purple, neutral grey.
# Hanping's default: 1 blue, 2 green, 3 orange, 4 red, neutral grey.
TONE_COLOURS: dict[str, dict[str, tuple[str, ...]]] = {
    "pleco": {
        "light": ("#c62828", "#2e7d32", "#1f4fbf", "#7b1fa2", "#757575"),
        "dark": ("#ff7b72", "#7ee787", "#79b8ff", "#d2a8ff", "#9e9e9e"),
    },
    "hanping": {
        "light": ("#1f5fbf", "#2e7d32", "#c77700", "#c62828", "#757575"),
        "dark": ("#79b8ff", "#7ee787", "#f0b050", "#ff7b72", "#9e9e9e"),
    },
}


@dataclass(frozen=True)
class Palette:
    dark: bool
    background: QColor
    text: QColor
    reading: QColor
    muted: QColor
    selection: QColor
    find: QColor
    find_current: QColor
    translation: QColor


def make_palette(dark: bool) -> Palette:
    if dark:
        return Palette(
            True, QColor("#1e1f22"), QColor("#e6e1d8"), QColor("#a9b1bd"), QColor("#8a8f98"),
            QColor(70, 110, 170, 150), QColor(200, 170, 40, 90), QColor(230, 150, 30, 170), QColor("#9aa3ad"),
        )
    return Palette(
        False, QColor("#fbf8f1"), QColor("#24221f"), QColor("#5f6670"), QColor("#857f76"),
        QColor(120, 165, 230, 120), QColor(250, 220, 90, 130), QColor(245, 160, 40, 190), QColor("#6b665e"),
    )


def tone_colour(scheme: str, tone: int, palette: Palette, *, reading: bool = False) -> QColor:
    if scheme in TONE_COLOURS and 1 <= tone <= 5:
        return QColor(TONE_COLOURS[scheme]["dark" if palette.dark else "light"][tone - 1])
    return palette.reading if reading else palette.text
