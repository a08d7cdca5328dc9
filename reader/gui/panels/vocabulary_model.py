"""The vocabulary list's table model (gui layer): one row per word, and the proxy that sorts and filters it.

Columns: word, reading, status, the reader's own translation, HSK level, English, sentence, article, known.
The proxy sorts by any column (status from new to ignored, HSK by level, words outside HSK last) and keeps
the words of one status or group of statuses that contain a text (in any script, reading or meaning).
"""
from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from reader.core import vocabulary
from reader.core.library import Library
from reader.core.vocabulary import VocabEntry, reading_with_marks
from reader.core.word_status import LEARNING, STATUSES
from reader.gui import i18n
from reader.gui.panels.dictionary_popup import hsk_label
from reader.gui.safe_text import tip

Index = QModelIndex | QPersistentModelIndex
WORD, READING, STATUS, TRANSLATION, HSK, ENGLISH, SENTENCE, ARTICLE, KNOWN = range(9)
COLUMNS = 9
ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: The status filter's choices, in menu order: (key, statuses it keeps); labels come from `filter_names`.
STATUS_FILTERS: tuple[tuple[str, frozenset[str]], ...] = (
    ("all", frozenset(STATUSES)), ("not_known", frozenset(("new", *LEARNING))), ("new", frozenset({"new"})),
    ("learning", frozenset(LEARNING)), *((s, frozenset({s})) for s in LEARNING), ("known", frozenset({"known"})),
    ("ignored", frozenset({"ignored"})),
)


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
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Word"), self.tr("Reading"), self.tr("Status"), self.tr("My Translation"), self.tr("HSK"),
                    self.tr("English"), self.tr("Sentence"), self.tr("Article"), self.tr("Known"))[section]
        return None

    def status_name(self, status: str) -> str:
        """A status as the list names it, in the interface language."""
        if status in LEARNING:
            return self.tr("Learning %1").replace("%1", status[-1])
        return {"new": self.tr("New"), "known": self.tr("Known"), "ignored": self.tr("Ignored")}.get(status, status)

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
        if role == SORT_ROLE:
            if col == STATUS:
                return STATUSES.index(entry.status) if entry.status in STATUSES else 0
            if col == HSK:
                return entry.hsk if entry.hsk is not None else 99  # words not in HSK after the hardest
            if col == KNOWN:
                return int(entry.known)
            shown = self.data(index, Qt.ItemDataRole.DisplayRole)
            return shown.casefold() if isinstance(shown, str) else ""
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
            if col == STATUS:
                return self.status_name(entry.status)
            if col == TRANSLATION:
                return entry.translation
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


class VocabularyFilter(QSortFilterProxyModel):
    """Sorts the list by any column and keeps the words of one status (or group) that contain a text."""

    def __init__(self, model: VocabularyModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(model)
        self.setSortRole(SORT_ROLE)
        self.statuses = frozenset(STATUSES)
        self.needle = ""

    def set_statuses(self, statuses: frozenset[str]) -> None:
        self.beginFilterChange()
        self.statuses = statuses
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802 - Qt's name
        model = self.sourceModel()
        entry = model.entry(source_row) if isinstance(model, VocabularyModel) else None
        if entry is None or entry.status not in self.statuses:
            return False
        if not self.needle:
            return True
        fields = (entry.simplified, entry.traditional, reading_with_marks(entry.reading), entry.reading,
                  entry.english, entry.translation, entry.note, entry.parent)
        return any(self.needle in f.casefold() for f in fields)


