"""The vocabulary dock (gui layer): the reader's words with reading, status, own translation, senses, HSK level,
sentence and article.

A QAbstractTableModel over `vocabulary.list_words` (panels.vocabulary_model), behind a proxy that sorts by any column (status from new
to ignored, HSK by level) and filters by status and by text; the selected word's details (its sentence with
the word in bold, the reader's own translation, note and parent as plain text) show under the table.
Edit, delete (undoable: on the window's QUndoStack when it has one, else with the panel's own Undo), mark
known (scaffolding stops drawing its reading at once), set a status (panels.vocabulary_status) and export
to Anki or CSV. Double-clicking a word opens its article at the word.
"""
from __future__ import annotations

import html
from typing import Protocol

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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

from reader.core import glossary, vocabulary
from reader.core.errors import ReaderError
from reader.core.glossary import MAX_PARENT, MAX_TRANSLATION
from reader.core.library import Library
from reader.core.reading_options import ReadingOptions
from reader.core.vocabulary import Deleted, VocabEntry, reading_with_marks, word_in_sentence
from reader.core.word_status import STATUSES
from reader.gui import file_dialogs
from reader.gui.commands import EditCommand
from reader.gui.options import reading_options_of
from reader.gui.panels.dictionary_popup import hsk_label
from reader.gui.panels.vocabulary_model import (  # the columns, for the panel's callers too
    ARTICLE,
    COLUMNS,
    ENGLISH,
    SENTENCE,
    STATUS_FILTERS,
    TRANSLATION,
    WORD,
    VocabularyFilter,
    VocabularyModel,
)
from reader.gui.panels.vocabulary_status import StatusControl
from reader.gui.plurals import plural
from reader.gui.reading_view import ReadingView


class VocabularyWindow(Protocol):
    """What the vocabulary dock uses of its window (the main window is one)."""

    lib: Library
    view: ReadingView  # a word's sentence is selected here
    undo_stack: QUndoStack | None  # None: deletions are undone from the panel's own button

    def open_article(self, article_id: int, offset: int | None = None) -> None: ...
    def error(self, title: str, message: str) -> None: ...
    def statusBar(self) -> QStatusBar: ...
    def addDockWidget(self, area: Qt.DockWidgetArea, dock: QDockWidget) -> None: ...

class EditWordDialog(QDialog):
    """Correct a word's reading, senses (one per line) and example sentence; write your own translation,
    note and parent word."""

    def __init__(self, entry: VocabEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit %1").replace("%1", entry.simplified))
        self.reading = QLineEdit(reading_with_marks(entry.reading), self)
        self.reading.setToolTip(self.tr("Tone marks (lián hé guó) or numbers (lian2 he2 guo2)"))
        self.senses = QPlainTextEdit("\n".join(entry.senses), self)
        self.sentence = QPlainTextEdit(entry.sentence, self)
        self.sentence.setMaximumHeight(90)
        self.translation = QLineEdit(entry.translation, self)
        self.translation.setMaxLength(MAX_TRANSLATION)
        self.note = QPlainTextEdit(entry.note, self)
        self.note.setMaximumHeight(90)
        self.note.setToolTip(self.tr("Plain text; Markdown is kept as you type it"))
        self.parent_word = QLineEdit(entry.parent, self)
        self.parent_word.setMaxLength(MAX_PARENT)
        self.parent_word.setToolTip(self.tr("The word this one belongs to, e.g. 看 for 看见"))
        form = QFormLayout()
        form.addRow(self.tr("&Reading:"), self.reading)
        form.addRow(self.tr("&Senses (one per line):"), self.senses)
        form.addRow(self.tr("S&entence:"), self.sentence)
        form.addRow(self.tr("My &translation:"), self.translation)
        form.addRow(self.tr("&Note:"), self.note)
        form.addRow(self.tr("&Parent word:"), self.parent_word)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        col = QVBoxLayout(self)
        col.addLayout(form)
        col.addWidget(buttons)
        self.resize(480, 480)

    def values(self) -> tuple[str, list[str], str]:
        return self.reading.text(), self.senses.toPlainText().splitlines(), self.sentence.toPlainText()

    def gloss_values(self) -> tuple[str, str, str]:
        """Your translation, note and parent word as typed."""
        return self.translation.text(), self.note.toPlainText(), self.parent_word.text()


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
        self.proxy = VocabularyFilter(self.model, self)
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("vocabularyStatusFilter")
        self.status_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status_filter.setMinimumContentsLength(12)  # the filter text gets the rest of the row
        self.status_filter.currentIndexChanged.connect(self._filter_status)
        self.text_filter = QLineEdit(self)
        self.text_filter.setObjectName("vocabularyTextFilter")
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.textChanged.connect(self.proxy.set_text)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the order words were added, until a click
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(self._open_in_article)
        self.status_control = StatusControl(self)  # right-click Status ▸, keys 1–5 K I N
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
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.text_filter, 1)
        col = QVBoxLayout(self)
        col.setContentsMargins(6, 6, 6, 6)
        col.addLayout(filters)
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
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)
        current = self.status_filter.currentIndex()
        self.status_filter.blockSignals(True)
        self.status_filter.clear()
        for key, _statuses in STATUS_FILTERS:
            self.status_filter.addItem(self.filter_names()[key], key)
        self.status_filter.setCurrentIndex(max(0, current))
        self.status_filter.blockSignals(False)
        self.status_filter.setToolTip(self.tr("Show only the words with this status"))
        self.text_filter.setPlaceholderText(self.tr("Filter: word, reading, meaning or your translation"))
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

    def filter_names(self) -> dict[str, str]:
        """The status filter's choices, in the interface language."""
        names = {"all": self.tr("All statuses"), "not_known": self.tr("Not known yet (new and learning)"),
                 "learning": self.tr("Learning (1–5)")}
        for status in STATUSES:
            names[status] = self.model.status_name(status)
        return names

    def _filter_status(self, index: int) -> None:
        key = self.status_filter.itemData(index)
        self.proxy.set_statuses(dict(STATUS_FILTERS).get(key, frozenset(STATUSES)))
        self._update_buttons()
        self._show_details()

    def show_status(self, key: str) -> None:
        """Show only the words of a status filter (a key of `STATUS_FILTERS`)."""
        index = self.status_filter.findData(key)
        if index >= 0:
            self.status_filter.setCurrentIndex(index)

    # ---- contents -------------------------------------------------------------------------------
    def reload(self) -> None:
        self._stale = False
        current = self.selected()
        self.model.reload()
        if current is not None:
            self.select(current.id)
        self.table.resizeColumnsToContents()
        for col, limit in ((TRANSLATION, 200), (ENGLISH, 220), (SENTENCE, 260), (ARTICLE, 180)):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), limit))
        self._update_buttons()
        self._show_details()

    def changed(self) -> None:
        """The list changed here: reload and tell the window (scaffolding, other views)."""
        self.reload()
        self.vocabularyChanged.emit()

    def selected(self) -> VocabEntry | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.entry(self.proxy.mapToSource(index).row())

    def select(self, vocab_id: int) -> None:
        """Select a word; one hidden by the filters is shown by clearing them."""
        row = self.model.row_of(vocab_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.text_filter.clear()
            self.status_filter.setCurrentIndex(0)
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())

    def _update_buttons(self) -> None:
        entry = self.selected()
        for button in (self.edit_button, self.delete_button, self.known_button):
            button.setEnabled(entry is not None)
        self.known_button.setText(self.tr("Not &Known") if entry is not None and entry.known else self.tr("Mark &Known"))
        self.known_button.setToolTip(self.tr("Known words get no reading when readings are shown above your level"))
        self.undo_button.setVisible(self.undo_stack() is None)
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
        if entry.translation:
            parts.append(self.tr("Mine: %1").replace("%1", f"<b>{html.escape(entry.translation)}</b>"))
        if entry.parent:
            parts.append(self.tr("Part of %1").replace("%1", html.escape(entry.parent)))
        if entry.note:  # plain text, as typed: Markdown and markup are shown, never interpreted
            parts.append(f"<span style='white-space:pre-wrap'>{html.escape(entry.note)}</span>")
        if sentence:
            parts.append(sentence)
        if title:
            parts.append(f"<i>{html.escape(title)}</i>")
        self.details.setText("<br>".join(parts))

    def _open_in_article(self, index: QModelIndex) -> None:
        entry = self.model.entry(self.proxy.mapToSource(index).row())
        if entry is None or entry.article_id is None:
            return
        self.window.open_article(entry.article_id, offset=entry.start)
        if entry.start is not None and entry.end is not None:
            self.window.view.set_selection(entry.start, entry.end)
            self.window.view.ensure_offset_visible(entry.start)

    # ---- changes --------------------------------------------------------------------------------
    def undo_stack(self) -> QUndoStack | None:
        return self.window.undo_stack

    def report_error(self, title: str, message: str) -> None:
        self.window.error(title, message)

    def status_name(self, status: str) -> str:
        return self.model.status_name(status)

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
            self.save_gloss(entry, *dialog.gloss_values())
        dialog.deleteLater()

    def save_gloss(self, entry: VocabEntry, translation: str, note: str, parent: str) -> bool:
        """Store your own translation, note and parent of a word (undoable with the window's Undo)."""
        try:
            edit = glossary.set_gloss(self.lib, entry.simplified, translation=translation, note=note, parent=parent)
        except ReaderError as exc:
            self._error(self.tr("Cannot save your translation"), exc)
            return False
        if edit.noop:
            return True
        stack = self.undo_stack()
        if stack is not None:
            text = self.tr("gloss %1").replace("%1", entry.simplified)
            stack.push(EditCommand(edit, lambda _changed, _article_id: self.changed(), text=text))
        self.changed()
        return True

    def delete_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        stack = self.undo_stack()
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
