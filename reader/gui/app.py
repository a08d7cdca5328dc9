"""Application setup (gui layer): QApplication, names, theme, the main window; `run_gui(argv) -> int`."""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from reader import APP_ID, __version__
from reader.core import collector


def ensure_display() -> None:
    """On Linux without a display, fall back to the offscreen platform (with a note) instead of aborting."""
    if not sys.platform.startswith("linux"):
        return
    if os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    print("note: no display found; running offscreen (QT_QPA_PLATFORM=offscreen)", file=sys.stderr)


_original_style: str | None = None
_original_palette = None


def application(argv: Sequence[str] | None = None):  # noqa: ANN201 - QApplication
    """The QApplication (created once), with organisation and application names set."""
    ensure_display()
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from reader import APP_ID, APP_NAME, DESKTOP_ID, __version__
    from reader.core.paths import RESOURCES_DIR
    from reader.gui.qtfix import keep_none_alive

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
        from reader.gui import i18n

        i18n.set_language(i18n.saved_choice(), save=False)  # the interface language chosen (or the system's)
    return app


def apply_theme(theme: str) -> bool:
    """Apply the System/Light/Dark choice to the whole application; returns True when dark."""
    global _original_style, _original_palette
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QGuiApplication, QPalette
    from PySide6.QtWidgets import QApplication

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


def open_library_or_explain(path: str | None = None):  # noqa: ANN201 - Library | None
    """Open the library; a damaged file gets a restore / start-new dialog, other problems a clear message."""
    from reader.gui.recovery import open_library_with_recovery

    return open_library_with_recovery(path)


@contextmanager
def starting_up() -> Iterator[None]:
    """No garbage collection while the app imports its modules and builds its window.

    Start-up makes ~150,000 objects that live as long as the app (modules, classes, the window's
    wrappers); the collector walked them ~90 times while they were made (~20 ms). What was made is then
    kept out of later collections (reference counting still frees it; only a cycle made meanwhile stays).
    """
    with collector.paused(freeze=True):
        yield


def run_gui(argv: Sequence[str] | None = None, *, db: str | None = None) -> int:
    """Open the reader window and run the event loop; returns the exit code."""
    with starting_up():
        app = application(argv)
        from reader.gui import error_report
        from reader.gui.main_window import MainWindow

        error_report.install()  # an unexpected error: a plain dialog and a log file, never a traceback
        lib = open_library_or_explain(db)
        if lib is None:
            return 1
        window = MainWindow(lib)
        window.show()
    code = app.exec()
    lib.close()
    return int(code)


def main() -> None:
    """The `bilingual-reader` command: the reader window (`--version` prints the version instead)."""
    if "--version" in sys.argv[1:]:
        print(f"{APP_ID} {__version__}")
        sys.exit(0)
    sys.exit(run_gui(sys.argv[1:]))


def _rss_mb() -> float:
    """Resident memory of this process in MB (Linux /proc, else the peak from resource)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
    except ImportError:
        return 0.0


def startup_probe() -> int:
    """For the startup benchmark: open the real window; at its first paint print the time and RSS, quit."""
    with starting_up():
        app = application([])
        from PySide6.QtCore import QTimer

        from reader.gui.main_window import MainWindow

        lib = open_library_or_explain(None)
        if lib is None:
            return 1
        window = MainWindow(lib)
        window.resize(1280, 800)
        window.show()

    def check() -> None:
        if window.view.paint_count > 0:
            print(f"{time.time():.6f} {_rss_mb():.1f}", flush=True)
            app.quit()
        else:
            QTimer.singleShot(1, check)

    QTimer.singleShot(0, check)
    app.exec()
    lib.close()
    return 0
