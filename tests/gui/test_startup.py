"""Start-up: what the window needs only when a feature is first used is not loaded before, yet its menu
items are there from the first moment and work."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import json, sys
from reader.core.library import Library
from reader.gui.app import application
from reader.gui.main_window import MainWindow

app = application([])
lib = Library.open(sys.argv[1])
win = MainWindow(lib)
win.resize(1100, 760)
win.show()
app.processEvents()
watched = ["PySide6.QtCharts", "reader.gui.panels.class_view", "reader.core.class_report", "reader.core.classroom"]
out = {"at_start": [m for m in watched if m in sys.modules]}
file_menu = next(a.menu() for a in win.menuBar().actions() if a.menu() and win.act_import in a.menu().actions())
out["file_menu"] = [a.text() for a in file_menu.actions() if a.text()]
out["class_view_shortcut"] = win.classroom.act_class_view.shortcut().toString()
out["vocabulary_built"] = win.vocabulary_panel.widget() is not None
win.classroom.act_class_view.trigger()  # View -> Class View
app.processEvents()
out["after_class_view"] = [m for m in watched if m in sys.modules]
out["class_dock_visible"] = win.classroom.dock.isVisible()
win.vocabulary_panel.toggleViewAction().trigger()  # View -> Vocabulary List
app.processEvents()
out["vocabulary_visible"] = win.vocabulary_panel.isVisible() and win.vocabulary_panel.widget().isVisible()
out["vocabulary_rows"] = win.vocabulary_panel.panel.model.rowCount()
print(json.dumps(out))
win.close()
lib.close()
"""


def _run(db: Path) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    done = subprocess.run([sys.executable, "-c", CHILD, str(db)], env=env, capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_class_view_is_loaded_when_first_opened_and_its_menus_are_there_from_the_start(seeded_db: Path) -> None:
    out = _run(seeded_db)
    # nothing of the class view (QtCharts, the report, class packages) is loaded at start ...
    assert out["at_start"] == []
    # ... but File → Export… and File → Class are in the menu and View → Class View has its shortcut
    assert "&Export…" in out["file_menu"] and "C&lass" in out["file_menu"]
    assert out["class_view_shortcut"] == "Ctrl+Shift+K"
    # opening the class view loads it and shows its dock
    assert {"PySide6.QtCharts", "reader.gui.panels.class_view", "reader.core.class_report"} <= set(out["after_class_view"])
    assert out["class_dock_visible"]
    # the vocabulary list is built when first shown, and shows the (empty) list
    assert not out["vocabulary_built"]
    assert out["vocabulary_visible"] and out["vocabulary_rows"] == 0


def test_ctrl_c_or_sigterm_closes_the_window_as_its_close_button_does(tmp_path: Path) -> None:
    import signal
    import time

    for sig in (signal.SIGINT, signal.SIGTERM):
        config = tmp_path / f"config-{sig.name}"
        db = tmp_path / f"{sig.name}.sqlite3"
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", READER_CONFIG_DIR=str(config))
        proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(db)], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 60
            while not any((tmp_path / "backups").glob(f"{db.stem}-*")) and time.monotonic() < deadline \
                    and proc.poll() is None:  # the library is open
                time.sleep(0.2)
            time.sleep(3)  # the window is up
            proc.send_signal(sig)
            code = proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        assert code == 0, (sig.name, code, proc.stderr.read())
        settings = (config / "settings.ini").read_text()
        assert "[window]" in settings and "geometry=" in settings, settings  # the layout was saved on closing
