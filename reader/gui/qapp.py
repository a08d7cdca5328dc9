"""The QApplication (gui layer): created once with the app's names, icon and interface language; the theme."""
from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from reader import APP_ID, APP_NAME, DESKTOP_ID, __version__
from reader.core.paths import RESOURCES_DIR
from reader.gui import i18n
from reader.gui.qtfix import keep_none_alive


def ensure_display() -> None:
    """On Linux without a display, fall back to the offscreen platform (with a note) instead of aborting."""
    if not sys.platform.startswith("linux"):
        return
    if os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    print("note: no display found; running offscreen (QT_QPA_PLATFORM=offscreen)", file=sys.stderr)


_original_style: str | None = None
_original_palette: QPalette | None = None


def application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (created once), with organisation and application names set."""
    ensure_display()
    keep_none_alive()
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else APP_ID, *(argv or [])])
        app.setOrganizationName(APP_NAME)
        app.setApplicationName(APP_NAME)
        app.setApplicationDisplayName(APP_NAME)
        app.setApplicationVersion(__version__)
        app.setDesktopFileName(DESKTOP_ID)  # Wayland: the window gets the .desktop file's name and icon
        app.setWindowIcon(QIcon(str(RESOURCES_DIR / "icons" / f"{DESKTOP_ID}.svg")))
        i18n.set_language(i18n.saved_choice(), save=False)  # the interface language chosen (or the system's)
    return app


def apply_theme(theme: str) -> bool:
    """Apply the System/Light/Dark choice to the whole application; returns True when dark."""
    global _original_style, _original_palette
    app = QApplication.instance()
    if app is None:
        return theme == "dark"
    if _original_style is None:
        _original_style = app.style().name()
        _original_palette = QPalette(app.palette())
    hints = QGuiApplication.styleHints()
    if theme == "system":
        try:
            hints.unsetColorScheme()
        except AttributeError:
            pass
        app.setStyle(_original_style)
        app.setPalette(_original_palette)
        return hints.colorScheme() == Qt.ColorScheme.Dark
    dark = theme == "dark"
    try:
        hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
    except AttributeError:
        pass
    app.setStyle("Fusion")
    pal = QPalette()
    if dark:
        colours = {
            QPalette.ColorRole.Window: "#26282c", QPalette.ColorRole.WindowText: "#e6e1d8",
            QPalette.ColorRole.Base: "#1e1f22", QPalette.ColorRole.AlternateBase: "#2a2c30",
            QPalette.ColorRole.Text: "#e6e1d8", QPalette.ColorRole.Button: "#2e3035",
            QPalette.ColorRole.ButtonText: "#e6e1d8", QPalette.ColorRole.Highlight: "#3d5f8f",
            QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#2e3035",
            QPalette.ColorRole.ToolTipText: "#e6e1d8", QPalette.ColorRole.PlaceholderText: "#8a8f98",
            QPalette.ColorRole.Link: "#79b8ff",
        }
    else:
        colours = {
            QPalette.ColorRole.Window: "#f1ede4", QPalette.ColorRole.WindowText: "#24221f",
            QPalette.ColorRole.Base: "#fbf8f1", QPalette.ColorRole.AlternateBase: "#f4f0e7",
            QPalette.ColorRole.Text: "#24221f", QPalette.ColorRole.Button: "#ebe6dc",
            QPalette.ColorRole.ButtonText: "#24221f", QPalette.ColorRole.Highlight: "#9dbbe6",
            QPalette.ColorRole.HighlightedText: "#111111", QPalette.ColorRole.ToolTipBase: "#fffbe8",
            QPalette.ColorRole.ToolTipText: "#24221f", QPalette.ColorRole.PlaceholderText: "#857f76",
            QPalette.ColorRole.Link: "#1f5fbf",
        }
    for role, value in colours.items():
        pal.setColor(role, QColor(value))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#8a8f98"))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#8a8f98"))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#8a8f98"))
    app.setPalette(pal)
    return dark
