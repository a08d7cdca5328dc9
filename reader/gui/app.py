"""Application entry (gui layer, the top): `run_gui(argv) -> int`, `main()` and the start-up probe.

Nothing here imports Qt or the window at module level: `bilingual-reader --version` and the command line
start no Qt, and the window's modules are imported inside `starting_up()`, with the collector paused.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from reader import APP_ID, __version__
from reader.core import collector


def application(argv: Sequence[str] | None = None):  # noqa: ANN201 - QApplication
    """The QApplication (created once), with organisation and application names set (reader.gui.qapp)."""
    from reader.gui import qapp  # Qt is loaded on first use: `--version` and the command line start no Qt

    return qapp.application(argv)


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
        _close_on_signals(app, window)
    code = app.exec()
    lib.close()
    return int(code)


def _close_on_signals(app, window) -> None:  # noqa: ANN001 - QApplication, MainWindow
    """Ctrl+C in the terminal (SIGINT) and SIGTERM close the window as its close button does.

    The reading position and the layout are saved and the workers stopped, instead of the process being
    killed (SIGTERM) or the signal waiting until Python next runs (SIGINT). Python runs its signal handlers
    only between its own instructions, so a timer lets it run while Qt's loop waits.
    """
    import signal

    from PySide6.QtCore import QTimer

    def close(_signum: int, _frame: object) -> None:
        window.close()
        app.quit()

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, close)
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(250)


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
