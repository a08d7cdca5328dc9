"""The vocabulary dock (gui layer): the reader's words with reading, senses, HSK level, sentence and article.

A QAbstractTableModel over `vocabulary.list_words`; the selected word's details (its sentence with the word
in bold) show under the table. Edit, delete (undoable: on the window's QUndoStack when it has one, else
with the panel's own Undo), mark known (scaffolding stops drawing its reading at once) and export to Anki
or CSV. Double-clicking a word opens its article at the word.
"""
from __future__ import annotations

import html
from typing import Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStatusBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core import vocabulary
from reader.core.errors import ReaderError
from reader.core.library import Library
from reader.core.reading_options import ReadingOptions
from reader.core.vocabulary import Deleted, VocabEntry, reading_with_marks, word_in_sentence
from reader.gui import file_dialogs, i18n
from reader.gui.options import reading_options_of
from reader.gui.panels.dictionary_popup import hsk_label
from reader.gui.plurals import plural
from reader.gui.reading_view import ReadingView
from reader.gui.safe_text import tip


class VocabularyWindow(Protocol):
    """What the vocabulary dock uses of its window (the main window is one)."""

    lib: Library
    view: ReadingView  # a word's sentence is selected here
    undo_stack: QUndoStack | None  # None: deletions are undone from the panel's own button

    def open_article(self, article_id: int, offset: int | None = None) -> None: ...
    def error(self, title: str, message: str) -> None: ...
    def statusBar(self) -> QStatusBar: ...
    def addDockWidget(self, area: Qt.DockWidgetArea, dock: QDockWidget) -> None: ...

Index = QModelIndex | QPersistentModelIndex
WORD, READING, HSK, ENGLISH, SENTENCE, ARTICLE, KNOWN = range(7)
ID_ROLE = Qt.ItemDataRole.UserRole


class VocabularyModel(QAbstractTableModel):
    """One row per word of the current reader's list; the Known column is checkable."""

    knownToggled = Signal(int, bool)  # vocab id, known

    def __init__(self, lib: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lib = lib
        self.rows: list[VocabEntry] = []
        self.titles: dict[int, str] = {}

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = vocabulary.list_words(self.lib)
        self.titles = {a.id: i18n.article_title(a) for a in self.lib.list_articles()}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Word"), self.tr("Reading"), self.tr("HSK"), self.tr("English"), self.tr("Sentence"),
                    self.tr("Article"), self.tr("Known"))[section]
        return None

    def entry(self, row: int) -> VocabEntry | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, vocab_id: int) -> int:
        return next((i for i, e in enumerate(self.rows) if e.id == vocab_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        entry = self.entry(index.row())
        if entry is None:
            return None
        col = index.column()
        if role == ID_ROLE:
            return entry.id
        if role == Qt.ItemDataRole.CheckStateRole and col == KNOWN:
            return Qt.CheckState.Checked if entry.known else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            shown = self.data(index, Qt.ItemDataRole.DisplayRole)
            return tip(shown) if isinstance(shown, str) else None  # words and sentences shown literally
        if role == Qt.ItemDataRole.DisplayRole:
            if col == WORD:
                return entry.simplified if entry.simplified == entry.traditional else f"{entry.simplified} {entry.traditional}"
            if col == READING:
                return reading_with_marks(entry.reading)
            if col == HSK:
                return hsk_label(entry.hsk)
            if col == ENGLISH:
                return entry.english
            if col == SENTENCE:
                return entry.sentence
            if col == ARTICLE:
                return self.titles.get(entry.article_id, "") if entry.article_id is not None else ""
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == KNOWN else base

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        entry = self.entry(index.row())
        if entry is None or index.column() != KNOWN or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        self.knownToggled.emit(entry.id, bool(checked))
        return True


class EditWordDialog(QDialog):
    """Correct a word's reading, senses (one per line) and example sentence."""

    def __init__(self, entry: VocabEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit %1").replace("%1", entry.simplified))
        self.reading = QLineEdit(reading_with_marks(entry.reading), self)
        self.reading.setToolTip(self.tr("Tone marks (lián hé guó) or numbers (lian2 he2 guo2)"))
        self.senses = QPlainTextEdit("\n".join(entry.senses), self)
        self.sentence = QPlainTextEdit(entry.sentence, self)
        self.sentence.setMaximumHeight(90)
        form = QFormLayout()
        form.addRow(self.tr("&Reading:"), self.reading)
        form.addRow(self.tr("&Senses (one per line):"), self.senses)
        form.addRow(self.tr("S&entence:"), self.sentence)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        col = QVBoxLayout(self)
        col.addLayout(form)
        col.addWidget(buttons)
        self.resize(460, 360)

    def values(self) -> tuple[str, list[str], str]:
        return self.reading.text(), self.senses.toPlainText().splitlines(), self.sentence.toPlainText()


class DeleteWordCommand(QUndoCommand):
    """Delete a word; undo puts it back with the same id."""

    def __init__(self, panel: VocabularyPanel, entry: VocabEntry) -> None:
        super().__init__(panel.tr("Delete word %1").replace("%1", entry.simplified))
        self.panel, self.vocab_id = panel, entry.id
        self.deleted: Deleted | None = None

    def redo(self) -> None:
        self.deleted = vocabulary.delete(self.panel.lib, self.vocab_id)
        self.panel.changed()

    def undo(self) -> None:
        if self.deleted is not None:
            self.deleted.restore()
            self.deleted = None
            self.panel.changed()


class VocabularyPanel(QWidget):
    """The table, the selected word's details and the buttons."""

    vocabularyChanged = Signal()  # a word was edited, deleted, restored or marked known here

    def __init__(self, window: VocabularyWindow) -> None:
        super().__init__(window)
        self.window = window
        self.lib = window.lib
        self.setProperty("i18n_own", True)
        self.model = VocabularyModel(self.lib, self)
        self.model.knownToggled.connect(self.set_known)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.table.doubleClicked.connect(self._open_in_article)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: (self._update_buttons(), self._show_details()))
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details_area = QScrollArea(self)
        self.details_area.setWidget(self.details)
        self.details_area.setWidgetResizable(True)
        self.details_area.setFrameShape(QFrame.Shape.NoFrame)
        self.details_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details_area.setMinimumHeight(140)
        self.edit_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.known_button = QPushButton(self)
        self.undo_button = QPushButton(self)
        self.anki_button = QPushButton(self)
        self.csv_button = QPushButton(self)
        self.edit_button.clicked.connect(self.edit_dialog)
        self.delete_button.clicked.connect(self.delete_selected)
        self.known_button.clicked.connect(self.toggle_known)
        self.undo_button.clicked.connect(self.undo_delete)
        self.anki_button.clicked.connect(self.export_anki_dialog)
        self.csv_button.clicked.connect(self.export_csv_dialog)
        self._stale = False
        self._undone: list[Deleted] = []  # used when the window has no undo stack
        row1 = QHBoxLayout()
        for button in (self.edit_button, self.delete_button, self.known_button, self.undo_button):
            row1.addWidget(button)
        row1.addStretch(1)
        row2 = QHBoxLayout()
        row2.addWidget(self.anki_button)
        row2.addWidget(self.csv_button)
        row2.addStretch(1)
        col = QVBoxLayout(self)
        col.setContentsMargins(6, 6, 6, 6)
        col.addWidget(self.table, 1)
        col.addWidget(self.details_area)
        col.addLayout(row1)
        col.addLayout(row2)
        self.retranslate()
        self.reload()

    # ---- text -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.edit_button.setText(self.tr("&Edit…"))
        self.edit_button.setToolTip(self.tr("Correct the reading, the meanings or the sentence"))
        self.delete_button.setText(self.tr("&Delete"))
        self.delete_button.setToolTip(self.tr("Remove the word from your list (can be undone)"))
        self.undo_button.setText(self.tr("&Undo Delete"))
        self.undo_button.setToolTip(self.tr("Put the last deleted word back"))
        self.anki_button.setText(self.tr("Export to &Anki…"))
        self.anki_button.setToolTip(self.tr("Write an Anki deck (.apkg) with every word, its reading and sentence"))
        self.csv_button.setText(self.tr("Export &CSV…"))
        self.csv_button.setToolTip(self.tr("Write the list as a spreadsheet (CSV, UTF-8)"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)
        self._update_buttons()
        self._show_details()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._stale = True  # article titles in the new language, on the next show
            if self.isVisible():
                self.reload()
        super().changeEvent(event)

    def showEvent(self, event) -> None:  # noqa: ANN001
        if self._stale:
            self.reload()
        super().showEvent(event)

    # ---- contents -------------------------------------------------------------------------------
    def reload(self) -> None:
        self._stale = False
        current = self.selected()
        self.model.reload()
        if current is not None:
            row = self.model.row_of(current.id)
            if row >= 0:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        for col, limit in ((ENGLISH, 220), (SENTENCE, 260), (ARTICLE, 180)):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), limit))
        self._update_buttons()
        self._show_details()

    def changed(self) -> None:
        """The list changed here: reload and tell the window (scaffolding, other views)."""
        self.reload()
        self.vocabularyChanged.emit()

    def selected(self) -> VocabEntry | None:
        index = self.table.currentIndex()
        return self.model.entry(index.row()) if index.isValid() else None

    def select(self, vocab_id: int) -> None:
        row = self.model.row_of(vocab_id)
        if row >= 0:
            self.table.selectRow(row)

    def _update_buttons(self) -> None:
        entry = self.selected()
        for button in (self.edit_button, self.delete_button, self.known_button):
            button.setEnabled(entry is not None)
        self.known_button.setText(self.tr("Not &Known") if entry is not None and entry.known else self.tr("Mark &Known"))
        self.known_button.setToolTip(self.tr("Known words get no reading when readings are shown above your level"))
        self.undo_button.setVisible(self._undo_stack() is None)
        self.undo_button.setEnabled(bool(self._undone))
        has_words = bool(self.model.rows)
        self.anki_button.setEnabled(has_words)
        self.csv_button.setEnabled(has_words)

    def _show_details(self) -> None:
        entry = self.selected()
        if entry is None:
            self.details.setText(self.tr("Words you add from the dictionary popup appear here.")
                                 if not self.model.rows else "")
            return
        sentence = html.escape(entry.sentence)
        span = word_in_sentence(entry.sentence, (entry.traditional, entry.simplified))
        if span:
            a, b = span
            s = entry.sentence
            sentence = f"{html.escape(s[:a])}<b>{html.escape(s[a:b])}</b>{html.escape(s[b:])}"
        title = self.model.titles.get(entry.article_id, "") if entry.article_id is not None else ""
        level = hsk_label(entry.hsk)
        parts = [
            f"<b style='font-size:15pt'>{html.escape(self.model.data(self.model.index(self.model.row_of(entry.id), WORD)))}</b>"
            f"&nbsp; {html.escape(reading_with_marks(entry.reading))}" + (f"&nbsp; <i>{level}</i>" if level else ""),
            html.escape(entry.english),
        ]
        if sentence:
            parts.append(sentence)
        if title:
            parts.append(f"<i>{html.escape(title)}</i>")
        self.details.setText("<br>".join(parts))

    def _open_in_article(self, index: QModelIndex) -> None:
        entry = self.model.entry(index.row())
        if entry is None or entry.article_id is None:
            return
        self.window.open_article(entry.article_id, offset=entry.start)
        if entry.start is not None and entry.end is not None:
            self.window.view.set_selection(entry.start, entry.end)
            self.window.view.ensure_offset_visible(entry.start)

    # ---- changes --------------------------------------------------------------------------------
    def _undo_stack(self) -> QUndoStack | None:
        return self.window.undo_stack

    def _error(self, title: str, exc: Exception) -> None:
        self.window.error(title, str(exc))

    def edit_word(self, vocab_id: int, *, reading: str | None = None, senses: list[str] | None = None,
                  sentence: str | None = None) -> bool:
        try:
            change = vocabulary.edit(self.lib, vocab_id, reading=reading, senses=senses, sentence=sentence)
        except ReaderError as exc:
            self._error(self.tr("Cannot change the word"), exc)
            return False
        if change:
            self.changed()
        return True

    def edit_dialog(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        dialog = EditWordDialog(entry, self)
        if int(dialog.exec()) == QDialog.DialogCode.Accepted.value:
            reading, senses, sentence = dialog.values()
            self.edit_word(entry.id, reading=reading, senses=senses, sentence=sentence)
        dialog.deleteLater()

    def delete_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        stack = self._undo_stack()
        try:
            if stack is not None:
                stack.push(DeleteWordCommand(self, entry))
            else:
                self._undone.append(vocabulary.delete(self.lib, entry.id))
                self.changed()
        except ReaderError as exc:
            self._error(self.tr("Cannot delete the word"), exc)
            return
        self.window.statusBar().showMessage(self.tr("Deleted %1").replace("%1", entry.simplified), 4000)

    def undo_delete(self) -> None:
        if not self._undone:
            return
        deleted = self._undone.pop()
        try:
            deleted.restore()
        except ReaderError as exc:
            self._error(self.tr("Cannot restore the word"), exc)
        self.changed()
        self.select(deleted.snapshot.id)

    def set_known(self, vocab_id: int, known: bool) -> None:
        try:
            change = vocabulary.mark_known(self.lib, vocab_id) if known else vocabulary.unmark(self.lib, vocab_id)
        except ReaderError as exc:
            self._error(self.tr("Cannot change the word"), exc)
            return
        if change:
            self.changed()

    def toggle_known(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.set_known(entry.id, not entry.known)

    # ---- export ---------------------------------------------------------------------------------
    def export_anki(self, path: str) -> int | None:
        from reader.core.export.anki import export_anki  # genanki: ~45 ms, paid when exporting, not at start-up

        try:
            count = export_anki(self.lib, path, readings=self._readings())
        except ReaderError as exc:
            self._error(self.tr("Cannot export the vocabulary"), exc)
            return None
        self.window.statusBar().showMessage(plural(count, self.tr("Exported 1 word to %1"), self.tr("Exported %n words to %1")).replace("%1", path), 5000)
        return count

    def export_csv(self, path: str) -> int | None:
        from reader.core.export.vocab_csv import export_csv  # with the export package ~3 ms: not at start-up

        try:
            count = export_csv(self.lib, path, readings=self._readings())
        except ReaderError as exc:
            self._error(self.tr("Cannot export the vocabulary"), exc)
            return None
        self.window.statusBar().showMessage(plural(count, self.tr("Exported 1 word to %1"), self.tr("Exported %n words to %1")).replace("%1", path), 5000)
        return count

    def _readings(self) -> ReadingOptions:
        """The View menu's reading options, for the script shown: the exported pinyin as the reader sees it."""
        options = getattr(self.window, "options", None)  # a window without display options: the defaults
        return reading_options_of(options).for_script(getattr(options, "script", "original"))

    def export_anki_dialog(self) -> None:
        path, _ = file_dialogs.save_file_name(self, self.tr("Export to Anki"), "vocabulary.apkg",
                                              self.tr("Anki decks (*.apkg)"))
        if path:
            self.export_anki(path if path.lower().endswith(".apkg") else path + ".apkg")

    def export_csv_dialog(self) -> None:
        path, _ = file_dialogs.save_file_name(self, self.tr("Export CSV"), "vocabulary.csv",
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_csv(path if path.lower().endswith(".csv") else path + ".csv")


class VocabularyDock(QDockWidget):
    """The dock around the panel; its toggle action goes in the View menu.

    The panel (its table reads the whole list) is built when the dock is first shown or asked for.
    """

    vocabularyChanged = Signal()  # the panel's: a word was edited, deleted, restored or marked known there

    def __init__(self, window: VocabularyWindow) -> None:
        super().__init__(window)
        self.setObjectName("vocabularyDock")
        self.setProperty("i18n_own", True)
        self._window = window
        self._panel: VocabularyPanel | None = None
        self.toggleViewAction().setProperty("i18n_own", True)
        self.retranslate()

    @property
    def panel(self) -> VocabularyPanel:
        if self._panel is None:
            self._panel = VocabularyPanel(self._window)
            self._panel.vocabularyChanged.connect(self.vocabularyChanged)
            self.setWidget(self._panel)
        return self._panel

    def reload(self) -> None:
        """The vocabulary changed elsewhere: show it (a panel not built yet reads it when it is)."""
        if self._panel is not None:
            self._panel.reload()

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt's name
        if visible:
            self.panel  # noqa: B018 - built before it is first shown
        super().setVisible(visible)

    def share_area(self) -> None:
        """Become a tab beside the other docks on the right (so each keeps the full height)."""
        window = self.parentWidget()
        if not isinstance(window, QMainWindow):
            return
        for other in window.findChildren(QDockWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if other is not self and window.dockWidgetArea(other) == Qt.DockWidgetArea.RightDockWidgetArea \
                    and not other.isFloating():
                window.tabifyDockWidget(other, self)
                return

    def showEvent(self, event) -> None:  # noqa: ANN001
        super().showEvent(event)
        QTimer.singleShot(0, self, self.raise_)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Vocabulary"))
        self.toggleViewAction().setText(self.tr("&Vocabulary List"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def install(window: VocabularyWindow, view_menu=None) -> VocabularyDock:  # noqa: ANN001
    """Add the vocabulary dock (hidden until asked for) to a window; its toggle goes in `view_menu`."""
    dock = VocabularyDock(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    action = dock.toggleViewAction()
    action.setShortcut("Ctrl+Shift+V")
    if view_menu is not None:
        view_menu.addAction(action)
    QTimer.singleShot(0, dock, dock.share_area)
    return dock
