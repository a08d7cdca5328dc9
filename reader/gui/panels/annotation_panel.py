"""The annotation panel (gui layer): the article's annotations in text order, filters, and search in all articles.

A one-column view (`AnnotationList`) over `AnnotationListModel` painted by `AnnotationDelegate`: each row
shows the quote (in the displayed script), the tags as coloured chips, the first line of the note and the
author. Rows are of one height and asked for and drawn only when visible, so ten thousand annotations cost
nothing until shown. A highlight re-anchored without certainty (status `moved`) carries a "Moved — check"
chip; its context menu, and the bar above the list while it is selected, offer "Confirm position". Orphaned
annotations (their passage is gone from the current text) follow under their own heading. Typing in the
search field lists matching annotations of all articles instead; activating a row asks the controller to
open its article and jump to it. The panel never touches the library: the controller feeds it.
"""
from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotations import Annotation
from reader.core.pipeline.readings import render
from reader.core.pipeline.script import convert_text
from reader.core.tags import Tag
from reader.core.text import TRADITIONAL_SCRIPTS
from reader.gui.panels.moved_bar import MovedBar, moved_text
from reader.gui.panels.note_editor import first_lines
from reader.gui.plurals import plural
from reader.gui.qtfix import keep_none_alive

AnnotationRole = Qt.ItemDataRole.UserRole + 1
HeaderRole = Qt.ItemDataRole.UserRole + 2
PLAIN_COLOUR = "#f2c94c"  # a highlight without tags or colour


def annotation_colour(ann: Annotation) -> str:
    """The colour a highlight is drawn in: its own, else its first tag's, else the plain highlight colour."""
    if ann.color:
        return ann.color
    if ann.tags:
        return ann.tags[0].color
    return PLAIN_COLOUR



def matches_text(matches: int, articles: int) -> str:
    """'1 match in 1 article', '3 matches in 1 article', '5 matches in 2 articles', in the interface language."""
    if matches <= 0:
        return QCoreApplication.translate("AnnotationPanel", "No matches")
    if articles <= 1:
        return plural(matches, QCoreApplication.translate("AnnotationPanel", "1 match in 1 article"),
                      QCoreApplication.translate("AnnotationPanel", "%n matches in 1 article"))
    return QCoreApplication.translate("AnnotationPanel", "%1 matches in %2 articles").replace(
        "%1", str(matches)).replace("%2", str(articles))


class AnnotationListModel(QAbstractListModel):
    """Rows of annotations (and section headings); display texts are computed when a row is first drawn.

    A row is its annotation, or None for a section heading (`headings` holds its text by row); search
    results also carry their article's title (`titles`, by row). Nothing is made per row until it is asked for.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.annotations: list[Annotation | None] = []
        self.headings: dict[int, str] = {}
        self.titles: list[str] = []
        self.script = "original"
        self.tag_script = "original"
        self.reading_style = "marks"
        self.search_mode = False
        self._quotes: dict[tuple[int, str, str], str] = {}
        self._index: dict[int, int] | None = {}

    def set_rows(self, annotations: list[Annotation | None], script: str, reading_style: str, search_mode: bool,
                 tag_script: str | None = None, headings: dict[int, str] | None = None,
                 titles: list[str] | None = None) -> None:
        """Show these rows (None: the heading `headings[row]`); `titles`: each row's article (search results)."""
        self.beginResetModel()
        self.annotations = annotations
        self.headings = dict(headings or {})
        self.titles = list(titles or [])
        self.script = script
        self.tag_script = tag_script or script
        self.reading_style = reading_style if reading_style != "none" else "marks"
        self.search_mode = search_mode
        self._index = None  # made when a row is first looked up
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.annotations)

    def row_of(self, annotation_id: int) -> int:
        if self._index is None:
            self._index = {a.id: n for n, a in enumerate(self.annotations) if a is not None}
        return self._index.get(annotation_id, -1)

    def annotation(self, row: int) -> Annotation | None:
        return self.annotations[row] if 0 <= row < len(self.annotations) else None

    def heading(self, row: int) -> str:
        return self.headings.get(row, "")

    def article_title(self, row: int) -> str:
        return self.titles[row] if 0 <= row < len(self.titles) else ""

    def listed(self) -> list[Annotation]:
        """The annotations listed, in order (headings left out)."""
        return [a for a in self.annotations if a is not None]

    def replace(self, ann: Annotation) -> bool:
        """Update one row in place (a note or tag change); False when the annotation is not listed."""
        row = self.row_of(ann.id)
        if row < 0:
            return False
        self.annotations[row] = ann
        idx = self.index(row)
        self.dataChanged.emit(idx, idx)
        return True

    def quote(self, ann: Annotation) -> str:
        key = (ann.id, self.script, ann.exact)
        text = self._quotes.get(key)
        if text is None:
            text = " ".join(convert_text(ann.exact, self.script).split())
            self._quotes[key] = text
        return text

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self.annotations):
            return None
        ann = self.annotations[row]
        if role == HeaderRole:
            return self.heading(row) if ann is None else None
        if ann is None:
            return self.heading(row) if role == Qt.ItemDataRole.DisplayRole else None
        if role == AnnotationRole:
            return ann
        if role == Qt.ItemDataRole.DisplayRole:
            return self.quote(ann)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(ann, self.article_title(row))
        return None

    def tooltip(self, ann: Annotation, article_title: str = "") -> str:
        import html

        parts = []
        if article_title:
            parts.append(f"<b>{html.escape(article_title)}</b>")
        parts.append(html.escape(self.quote(ann)))
        if ann.tags:
            parts.append(", ".join(html.escape(tag_label(t, self.tag_script)) for t in ann.tags))
        if ann.note.strip():
            parts.append("<i>" + html.escape(first_lines(ann.note, 3)).replace("\n", "<br>") + "</i>")
        if ann.moved:
            parts.append("<b>" + html.escape(moved_text()) + "</b>")
        return "<qt>" + "<br>".join(parts) + "</qt>"  # always rich, so Qt never guesses

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if index.isValid() and self.annotation(index.row()) is None:
            return Qt.ItemFlag.ItemIsEnabled
        return super().flags(index)


class TagFilterModel(QAbstractListModel):
    """The tag filter's items: "All tags", then each tag with its colour (the tag id as its data).

    A tag's label ("Claim 論點": the Chinese name in the displayed script) is made when the combo box first
    shows it, so opening a Traditional article does not load the script converter for a closed list.
    """

    def __init__(self, all_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.all_text = all_text
        self.tags: list[Tag] = []
        self.script = "original"
        self._labels: dict[int, str] = {}

    def set_tags(self, tags: list[Tag], script: str) -> None:
        self.beginResetModel()
        self.tags = list(tags)
        self.script = script
        self._labels = {}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.tags) + 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = index.row()
        if not index.isValid() or not 0 <= row <= len(self.tags):
            return None
        if row == 0:
            return self.all_text if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole) else None
        tag = self.tags[row - 1]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            label = self._labels.get(row)
            if label is None:
                label = self._labels[row] = tag_label(tag, self.script)
            return label
        if role == Qt.ItemDataRole.UserRole:
            return tag.id
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(tag.color)
        return None


def tag_label(tag: Tag, script: str = "original") -> str:
    """'Disagree 反对' with the Chinese name in the displayed script (traditional when shown traditional)."""
    zh = tag.name_zh or ""
    if zh and script in TRADITIONAL_SCRIPTS:
        zh = convert_text(zh, script)
    return f"{tag.name} {zh}".strip()


def tag_short(tag: Tag, script: str = "original") -> str:
    """The tag's Chinese name in the displayed script (its English name when it has none)."""
    if not tag.name_zh:
        return tag.name
    return convert_text(tag.name_zh, script) if script in TRADITIONAL_SCRIPTS else tag.name_zh


class AnnotationDelegate(QStyledItemDelegate):
    """Paints a row: colour bar, quote, tag chips, the note's first line and the author (one height for all)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._font = QFont()
        self._metrics = QFontMetricsF(self._font)

    def set_font(self, font: QFont) -> None:
        self._font = QFont(font)
        self._metrics = QFontMetricsF(self._font)

    def row_height(self) -> int:
        return int(self._metrics.height() * 3 + 18)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(200, self.row_height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        keep_none_alive()
        model = index.model()
        ann: Annotation | None = index.data(AnnotationRole)
        rect = QRectF(option.rect)
        pal: QPalette = option.palette
        painter.save()
        painter.setFont(self._font)
        fm = self._metrics
        lh = fm.height()
        if ann is None:
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            bold = QFont(self._font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(rect.adjusted(10, 0, -8, -6), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                             str(index.data(HeaderRole) or ""))
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
            painter.drawLine(QPointF(rect.left() + 8, rect.bottom() - 2), QPointF(rect.right() - 8, rect.bottom() - 2))
            painter.restore()
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected:
            painter.fillRect(rect, pal.color(QPalette.ColorRole.Highlight))
        elif hovered:
            hover = QColor(pal.color(QPalette.ColorRole.Highlight))
            hover.setAlpha(40)
            painter.fillRect(rect, hover)
        text_colour = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = QColor(text_colour)
        muted.setAlpha(160)
        colour = QColor(annotation_colour(ann))
        painter.fillRect(QRectF(rect.left() + 3, rect.top() + 5, 4, rect.height() - 10), colour)
        x0 = rect.left() + 14
        width = rect.width() - 22
        y = rect.top() + 5
        # line 1: the quote
        painter.setPen(text_colour)
        quote = model.quote(ann) if hasattr(model, "quote") else str(index.data())
        if ann.orphaned:
            quote = "“" + quote + "”"
        painter.drawText(QRectF(x0, y, width, lh), Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(quote, Qt.TextElideMode.ElideRight, width))
        y += lh + 3
        # line 2: tag chips (or the reading of a reading fix)
        chips: list[tuple[str, QColor]] = []
        script = getattr(model, "tag_script", "original")
        if ann.kind == "reading":
            style = getattr(model, "reading_style", "marks")
            chips.append((self.tr("Reading %1").replace("%1", render(ann.reading, style) or str(ann.reading)),
                          QColor("#8c8c8c")))
        if ann.moved:
            chips.append((self.tr("Moved — check"), QColor("#e0a030")))
        chips += [(tag_label(t, script), QColor(t.color)) for t in ann.tags]
        cx = x0
        small = QFont(self._font)
        small.setPointSizeF(max(6.0, self._font.pointSizeF() * 0.88))
        sfm = QFontMetricsF(small)
        painter.setFont(small)
        for label, c in chips:
            w = sfm.horizontalAdvance(label) + 12
            if cx + w > x0 + width:
                painter.setPen(muted)
                painter.drawText(QRectF(cx, y, 20, lh), Qt.AlignmentFlag.AlignVCenter, "…")
                break
            fill = QColor(c)
            fill.setAlpha(170 if selected else 110)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(QRectF(cx, y + 1, w, lh - 2), 5, 5)
            painter.setPen(text_colour)
            painter.drawText(QRectF(cx, y, w, lh), Qt.AlignmentFlag.AlignCenter, label)
            cx += w + 4
        if not chips:
            painter.setPen(muted)
            painter.drawText(QRectF(x0, y, width, lh), Qt.AlignmentFlag.AlignVCenter, self.tr("highlight"))
        painter.setFont(self._font)
        y += lh + 3
        # line 3: first line of the note, author (and the article in search results)
        meta = ann.author
        article = model.article_title(index.row()) if hasattr(model, "article_title") else ""
        if article:
            meta = f"{article} · {meta}"
        meta_w = min(fm.horizontalAdvance(meta) + 4, width * 0.55)
        painter.setPen(muted)
        painter.drawText(QRectF(x0 + width - meta_w, y, meta_w, lh), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(meta, Qt.TextElideMode.ElideMiddle, meta_w))
        note = first_lines(ann.note, 1, 200)
        if note:
            painter.setPen(text_colour)
            italic = QFont(self._font)
            italic.setItalic(True)
            painter.setFont(italic)
            nw = width - meta_w - 8
            painter.drawText(QRectF(x0, y, nw, lh), Qt.AlignmentFlag.AlignVCenter,
                             QFontMetricsF(italic).elidedText(note, Qt.TextElideMode.ElideRight, nw))
        painter.restore()


class AnnotationList(QTableView):
    """The list of the panel: one column of rows of one height, without headers or grid.

    A QListView lays out every row when its model is reset (asking the model about each one), which costs
    tens of milliseconds for ten thousand annotations; a table of fixed-height rows only asks about the
    rows it shows.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)

    def set_row_height(self, height: int) -> None:
        header = self.verticalHeader()
        header.setMinimumSectionSize(min(header.minimumSectionSize(), height))
        header.setDefaultSectionSize(height)


class AnnotationPanel(QWidget):
    """Search field, tag and author filters, and the list of annotations."""

    annotationActivated = Signal(int)  # an annotation of the open article was chosen
    searchResultActivated = Signal(int, int)  # article id, annotation id (search results of all articles)
    searchRequested = Signal(str)  # the search text after a pause (empty: back to the article's list)
    confirmRequested = Signal(int)  # the reader confirms the place of a `moved` annotation
    filtersChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.annotations: list[Annotation] = []
        self.script = "original"
        self.tag_script = "original"
        self.reading_style = "marks"
        self._syncing = False
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search quotes and notes in all articles"))
        self.search.setClearButtonEnabled(True)
        self.tag_filter = QComboBox(self)
        self.tag_model = TagFilterModel(self.tr("All tags"), self.tag_filter)
        self.tag_filter.setModel(self.tag_model)
        self.author_filter = QComboBox(self)
        self.tag_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.author_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.tag_filter.setMinimumContentsLength(8)
        self.author_filter.setMinimumContentsLength(6)
        self.count = QLabel(self)
        self.model = AnnotationListModel(self)
        self.delegate = AnnotationDelegate(self)
        self.list = AnnotationList(self)
        self.list.setModel(self.model)
        self.list.setItemDelegate(self.delegate)
        self.list.set_row_height(self.delegate.row_height())
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.moved_bar = MovedBar(self)
        self.moved_bar.confirmRequested.connect(self.confirmRequested)
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.tag_filter, 3)
        filters.addWidget(self.author_filter, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 0)
        lay.setSpacing(4)
        lay.addWidget(self.search)
        lay.addLayout(filters)
        lay.addWidget(self.count)
        lay.addWidget(self.moved_bar)
        lay.addWidget(self.list, 1)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(lambda: self.searchRequested.emit(self.search.text().strip()))
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(lambda: (self._search_timer.stop(), self.searchRequested.emit(self.search.text().strip())))
        self.tag_filter.currentIndexChanged.connect(self._filters_changed)
        self.author_filter.currentIndexChanged.connect(self._filters_changed)
        self.list.clicked.connect(self._clicked)
        self.list.activated.connect(self._clicked)
        self.list.selectionModel().currentChanged.connect(lambda cur, _prev: self._clicked(cur))
        self.list.selectionModel().currentChanged.connect(lambda _cur, _prev: self._update_confirm())
        self.set_tags([])
        self.set_authors([])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:  # the filter's first item is the model's, not a widget's
            self.tag_model.all_text = self.tr("All tags")
            first = self.tag_model.index(0, 0)
            self.tag_model.dataChanged.emit(first, first)
        super().changeEvent(event)

    def set_font(self, font: QFont) -> None:
        """The font rows are drawn in (their height follows it)."""
        self.delegate.set_font(font)
        self.list.set_row_height(self.delegate.row_height())
        self.list.viewport().update()

    # ---- filters --------------------------------------------------------------------------------
    def set_tags(self, tags: list[Tag]) -> None:
        current = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_model.set_tags(tags, self.tag_script)
        found = self.tag_filter.findData(current) if current is not None else 0
        self.tag_filter.setCurrentIndex(max(0, found))
        self.tag_filter.blockSignals(False)

    def set_authors(self, authors: list[str]) -> None:
        current = self.author_filter.currentData()
        self.author_filter.blockSignals(True)
        self.author_filter.clear()
        self.author_filter.addItem(self.tr("All readers"), None)
        for a in authors:
            self.author_filter.addItem(a, a)
        found = self.author_filter.findData(current)
        self.author_filter.setCurrentIndex(max(0, found))
        self.author_filter.blockSignals(False)

    def tag_id(self) -> int | None:
        return self.tag_filter.currentData()

    def author(self) -> str | None:
        return self.author_filter.currentData()

    def _filters_changed(self) -> None:
        if not self.in_search:
            self._show_list()
        self.filtersChanged.emit()

    def passes(self, ann: Annotation) -> bool:
        tag_id, author = self.tag_id(), self.author()
        if tag_id is not None and all(t.id != tag_id for t in ann.tags):
            return False
        return author is None or ann.author == author

    # ---- content --------------------------------------------------------------------------------
    @property
    def in_search(self) -> bool:
        return bool(self.search.text().strip())

    def set_annotations(self, annotations: list[Annotation], script: str, reading_style: str,
                        tag_script: str | None = None) -> None:
        """The open article's annotations in text order (orphaned last); quotes shown in `script`."""
        self.annotations = annotations
        self.script, self.reading_style = script, reading_style
        self.tag_script = tag_script or script
        if not self.in_search:
            self._show_list()

    def _show_list(self) -> None:
        selected = self.selected_id()
        filtered = self.tag_id() is not None or self.author() is not None
        shown = [a for a in self.annotations if self.passes(a)] if filtered else self.annotations
        orphans = [a for a in shown if a.orphaned]
        rows: list[Annotation | None] = [a for a in shown if not a.orphaned] if orphans else list(shown)
        headings = {}
        if orphans:
            headings[len(rows)] = self.tr("Orphaned (%1): the passage is no longer in the text").replace(
                "%1", str(len(orphans)))
            rows += [None, *orphans]
        self.model.set_rows(rows, self.script, self.reading_style, False, self.tag_script, headings)
        total = len(self.annotations)
        if len(shown) == total:
            self.count.setText(plural(total, self.tr("1 annotation"), self.tr("%n annotations")))
        else:
            self.count.setText(self.tr("%1 of %2 annotations").replace("%1", str(len(shown))).replace("%2", str(total)))
        self.select_annotation(selected)
        self._update_confirm()

    def show_search_results(self, results: list[Annotation], titles: dict[int, str]) -> None:
        """Matches from all articles (the controller ran the search)."""
        self.model.set_rows(list(results), self.script, self.reading_style, True, self.tag_script,
                            titles=[titles.get(a.article_id, "") for a in results])
        articles = len({a.article_id for a in results})
        self.count.setText(matches_text(len(results), articles))

    def leave_search(self) -> None:
        self._show_list()

    def update_annotation(self, ann: Annotation) -> bool:
        """A changed annotation (note, tags): update its row; False when a full refresh is needed."""
        for n, a in enumerate(self.annotations):
            if a.id == ann.id:
                self.annotations[n] = ann
                break
        else:
            return False
        if self.in_search:
            self.model.replace(ann)
            return True
        if not self.passes(ann) or self.model.row_of(ann.id) < 0:
            self._show_list()
            return True
        self.model.replace(ann)
        self._update_confirm()
        return True

    def visible_annotations(self) -> list[Annotation]:
        """Anchored annotations listed now (filters applied), in text order: what ] and [ step through."""
        if self.in_search:
            return [a for a in self.annotations if not a.orphaned and self.passes(a)]
        return [a for a in self.model.listed() if not a.orphaned]

    def listed_ids(self) -> list[int]:
        return [a.id for a in self.model.listed()]

    # ---- selection ------------------------------------------------------------------------------
    def selected_id(self) -> int | None:
        idx = self.list.currentIndex()
        ann = self.model.annotation(idx.row()) if idx.isValid() and self.list.selectionModel().isSelected(idx) else None
        return ann.id if ann is not None else None

    def select_annotation(self, annotation_id: int | None) -> None:
        """Mark a row as selected without activating it (the view selected the annotation)."""
        self._syncing = True
        try:
            row = self.model.row_of(annotation_id) if annotation_id is not None else -1
            if row < 0:
                self.list.clearSelection()
                self.list.setCurrentIndex(QModelIndex())
            else:
                idx = self.model.index(row)
                self.list.setCurrentIndex(idx)
                self.list.scrollTo(idx)
        finally:
            self._syncing = False

    def _update_confirm(self) -> None:
        idx = self.list.currentIndex()
        self.moved_bar.set_annotation(self.model.annotation(idx.row()) if idx.isValid() else None)

    def _context_menu(self, pos) -> None:  # noqa: ANN001 - QPoint
        ann = self.model.annotation(self.list.indexAt(pos).row())
        if ann is not None and ann.moved:
            menu = QMenu(self)
            menu.addAction(self.tr("Confirm position"), lambda: self.confirmRequested.emit(ann.id))
            menu.popup(self.list.viewport().mapToGlobal(pos))

    def _clicked(self, index: QModelIndex) -> None:
        if self._syncing:
            return
        ann = self.model.annotation(index.row())
        if ann is None:
            return
        if self.model.search_mode:
            self.searchResultActivated.emit(ann.article_id, ann.id)
        else:
            self.annotationActivated.emit(ann.id)
