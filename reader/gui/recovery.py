"""Keeping the library safe in the GUI (gui layer): damaged-file dialog, start-up backup, Help → Check
library…, and noticing changes another program (a second window, the command line) made to the library."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenuBar, QMessageBox, QStatusBar, QWidget

from reader.core import maintenance, opening, repair
from reader.core.errors import LibraryDamaged, ReaderError
from reader.core.library import Library
from reader.core.paths import default_db_path
from reader.core.text import ArticleInfo
from reader.gui import safe_text
from reader.gui.signals import SignalHub

POLL_MS = 1500


def open_library_with_recovery(path: str | Path | None = None, parent: QWidget | None = None) -> Library | None:
    """Open the library for use (`reader.core.opening`, the same steps as the command line). A damaged file
    gets a dialog offering to restore the newest good backup or to start a new library (the damaged file is
    always kept aside); other problems (read-only, disk full, not a library) get a message saying what is
    true; what opening set right (a stray `-wal` set aside, read-only) is shown once. None: give up."""
    target = Path(path) if path else default_db_path()
    title = QCoreApplication.translate("recovery", "Bilingual Reader")
    for _attempt in range(3):
        try:
            lib = opening.open_library(target)
        except LibraryDamaged as exc:
            if not _offer_recovery(target, str(exc), parent):
                return None
            continue
        except ReaderError as exc:
            safe_text.critical(parent, title, QCoreApplication.translate(
                "recovery", "The library cannot be opened.") + f"\n\n{exc}")
            return None
        if lib.notices:
            safe_text.information(parent, title, "\n\n".join(lib.notices))
        return lib
    return None


def _offer_recovery(target: Path, reason: str, parent: QWidget | None) -> bool:
    good = maintenance.newest_good_backup(target)
    box = QMessageBox(parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("recovery", "Library damaged"))
    box.setText(QCoreApplication.translate("recovery", "Your library file is damaged and cannot be opened."))
    kept = QCoreApplication.translate("recovery", "Whatever you choose, the damaged file is kept aside (renamed), never overwritten.")
    if good is not None:
        box.setInformativeText(QCoreApplication.translate("recovery", "The newest good backup is from {when}.").format(when=good.local_time) + "\n" + kept)
    else:
        box.setInformativeText(QCoreApplication.translate("recovery", "There is no good backup.") + "\n" + kept)
    box.setDetailedText(f"{target}\n{reason}")
    restore = box.addButton(QCoreApplication.translate("recovery", "Restore Backup"), QMessageBox.ButtonRole.AcceptRole) if good is not None else None
    new = box.addButton(QCoreApplication.translate("recovery", "Start a New Library"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QCoreApplication.translate("recovery", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    if clicked is None or clicked not in (restore, new):
        return False
    try:
        result = repair.recover(target, "restore" if clicked is restore else "new")
    except ReaderError as exc:
        safe_text.critical(parent, QCoreApplication.translate("recovery", "Bilingual Reader"), str(exc))
        return False
    safe_text.information(parent, QCoreApplication.translate("recovery", "Bilingual Reader"), result.message)
    return True


class _CheckWorker(QThread):
    done = Signal(object)

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def run(self) -> None:
        from reader.core import health  # ~5 ms, paid by Check Library…, not at start-up (-X importtime)

        try:
            self.done.emit(health.check(self.path))
        except Exception as exc:  # noqa: BLE001 - reported in the dialog, never a traceback
            self.done.emit(exc)


class GuardedWindow(Protocol):
    """What the library guard uses of the window it watches (the main window is one)."""

    lib: Library
    hub: SignalHub
    article: ArticleInfo | None  # the open article
    windowTitleChanged: SignalInstance

    def add_action(self, text: str, slot: Callable[[], object]) -> QAction: ...
    def menuBar(self) -> QMenuBar: ...
    def statusBar(self) -> QStatusBar: ...
    def windowTitle(self) -> str: ...
    def setWindowTitle(self, title: str) -> None: ...


class LibraryGuard(QObject):
    """Help → Check library…, and a cheap poll that refreshes the window when another program changed data."""

    def __init__(self, window: GuardedWindow) -> None:
        super().__init__(window)  # type: ignore[arg-type] - the window is a QObject
        self.window = window
        self.lib: Library = window.lib
        self._worker: _CheckWorker | None = None
        self._version = self._data_version()
        self.action = window.add_action(QCoreApplication.translate("recovery", "&Check Library…"), self.check_library)
        self.action.setToolTip(QCoreApplication.translate("recovery", "Check the library file for damage and see its backups"))
        help_menu = next((m for m in (a.menu() for a in window.menuBar().actions()) if m is not None and
                          m.objectName() == "help"), None) or window.menuBar().actions()[-1].menu()
        if help_menu is not None:
            first = help_menu.actions()[0] if help_menu.actions() else None
            help_menu.insertAction(first, self.action)
            if first is not None:
                help_menu.insertSeparator(first)
        if self.lib.read_only is not None:
            self._show_read_only()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def _show_read_only(self) -> None:
        """Say in the title and the status bar that the library is open read-only, and why."""
        self._mark = " [" + QCoreApplication.translate("recovery", "read-only") + "]"
        self._mark_title(self.window.windowTitle())
        self.window.windowTitleChanged.connect(self._mark_title)  # the title changes with the article
        label = QLabel(QCoreApplication.translate("recovery", "Read-only library"), self.window)
        label.setObjectName("read_only_label")
        label.setToolTip(QCoreApplication.translate(
            "recovery", "The library cannot be written ({why}); reading works, changes are refused.").format(
                why=self.lib.read_only))
        self.window.statusBar().addPermanentWidget(label)

    def _mark_title(self, title: str) -> None:
        if not title.endswith(self._mark):
            self.window.setWindowTitle(title + self._mark)

    def _data_version(self) -> int | None:
        try:
            return maintenance.data_version(self.lib)
        except Exception:  # noqa: BLE001 - a closed or busy connection: try again next time
            return None

    def poll(self) -> bool:
        """Refresh the library list and the open article's annotations if another connection committed."""
        version = self._data_version()
        if version is None or version == self._version:
            return False
        self._version = version
        hub = self.window.hub
        hub.articles_changed()  # another program: no initiator here
        if self.window.article is not None:
            hub.annotations_changed(self.window.article.id)
        return True

    def check_library(self) -> None:
        if self.lib.path is None or self._worker is not None:
            return
        self.action.setEnabled(False)
        self.window.statusBar().showMessage(QCoreApplication.translate("recovery", "Checking the library…"))
        self._worker = _CheckWorker(self.lib.path)
        self._worker.done.connect(self._checked)
        self._worker.start()

    def _checked(self, report: object) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.wait()
        self.action.setEnabled(True)
        self.window.statusBar().clearMessage()
        if isinstance(report, Exception):
            safe_text.warning(self.window, QCoreApplication.translate("recovery", "Check Library"), QCoreApplication.translate("recovery", "The check could not run.") + f"\n\n{report}")
            return
        box = QMessageBox(self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowTitle(QCoreApplication.translate("recovery", "Check Library"))
        if report.ok:  # type: ignore[attr-defined]
            box.setIcon(QMessageBox.Icon.Information)
            box.setText(QCoreApplication.translate("recovery", "The library is healthy."))
        else:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setText(QCoreApplication.translate("recovery", "The library has problems.") + "\n" + (report.advice() or ""))  # type: ignore[attr-defined]
        box.setDetailedText(report.text())  # type: ignore[attr-defined]
        box.exec()
        self.last_report = report


def install(window: GuardedWindow) -> LibraryGuard:
    return LibraryGuard(window)
