"""File dialogs that open in the folder last used (gui layer), remembered in the settings across sessions.

Each function is the QFileDialog static function of the same purpose with the start folder filled in; the
folder of what the reader chose becomes the next start. Nothing is remembered when the dialog is cancelled.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from reader.gui.options import settings

KEY = "dialogs/last_folder"


def start_folder() -> Path:
    """The folder the last file dialog ended in (the home folder at first, or when it is gone)."""
    value = settings().value(KEY)
    folder = Path(str(value)) if value else Path.home()
    return folder if folder.is_dir() else Path.home()


def remember(path: str) -> None:
    """Start the next dialog where `path` is (a folder, or a file's folder)."""
    if path:
        chosen = Path(path)
        store = settings()
        store.setValue(KEY, str(chosen if chosen.is_dir() else chosen.parent))
        store.sync()


def open_file_names(parent: QWidget | None, title: str, filters: str) -> list[str]:
    files, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder()), filters)
    if files:
        remember(files[0])
    return list(files)


def open_file_name(parent: QWidget | None, title: str, filters: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder()), filters)
    remember(path)
    return path


def save_file_name(parent: QWidget | None, title: str, name: str, filters: str) -> tuple[str, str]:
    """A file to write, proposed as `name` in the last folder, and the filter chosen."""
    path, chosen = QFileDialog.getSaveFileName(parent, title, str(start_folder() / name), filters)
    remember(path)
    return path, chosen


def existing_directory(parent: QWidget | None, title: str) -> str:
    path = QFileDialog.getExistingDirectory(parent, title, str(start_folder()))
    remember(path)
    return path
