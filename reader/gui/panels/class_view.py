"""The class view panel (gui layer): filters, agreement, tags per paragraph and disputed passages of a class report.

`ClassView` shows one `ClassReport` (reader.core.class_report) and knows nothing of the library: the
controller (reader.gui.classroom_ui) builds the report from the filters the panel offers and hands it over.

- the heat legend ("1 … N students", the colour ramp used for the heat map in the reading view);
- filters: the students (a checkable table that also shows each one's participation), a tag, "as of" a date;
- Agreement: Krippendorff's alpha overall and per tag, pairwise percent agreement, how to read them;
- Paragraphs: one horizontal stacked bar per paragraph, one bar set per stance tag (QtCharts); a click on a
  paragraph's bar emits `paragraphActivated(index)`;
- Disputed: the sentences students tagged differently, each student's tag and note side by side; a click
  emits `passageActivated(start, end)`.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalStackedBarSeries, QValueAxis
from PySide6.QtCore import QDate, QEvent, QMargins, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QIcon, QMouseEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from reader.core.class_report import ClassReport
from reader.gui.plurals import plural
from reader.gui.qtfix import keep_none_alive
from reader.gui.safe_text import escape, plain_label, tip

HEAT_LOW = QColor("#f2c230")  # one student
HEAT_HIGH = QColor("#b3261e")  # everyone


def heat_colour(count: int, total: int) -> QColor:
    """The heat map colour for `count` of `total` students: amber to red, more opaque as more marked it."""
    if count <= 0:
        return QColor(0, 0, 0, 0)
    t = 1.0 if total <= 1 else min(1.0, (count - 1) / (total - 1))
    c = QColor.fromRgbF(
        HEAT_LOW.redF() + (HEAT_HIGH.redF() - HEAT_LOW.redF()) * t,
        HEAT_LOW.greenF() + (HEAT_HIGH.greenF() - HEAT_LOW.greenF()) * t,
        HEAT_LOW.blueF() + (HEAT_HIGH.blueF() - HEAT_LOW.blueF()) * t,
    )
    c.setAlpha(round(55 + 35 * t))  # the reading view caps fills at 90
    return c


def heat_runs(heat: list[int]) -> list[tuple[int, int, int]]:
    """Runs of equal, non-zero count: (start, end, count)."""
    out: list[tuple[int, int, int]] = []
    k = 0
    while k < len(heat):
        level = heat[k]
        j = k + 1
        while j < len(heat) and heat[j] == level:
            j += 1
        if level:
            out.append((k, j, level))
        k = j
    return out


def fmt_alpha(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


class HeatLegend(QWidget):
    """A row of swatches, one per count, labelled "1" … "N students"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total = 0
        self.setMinimumHeight(22)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_total(self, total: int) -> None:
        self.total = total
        self.setToolTip(self.tr("How many students marked a passage: the deeper the colour, the more of them"))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(240, 22)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        keep_none_alive()
        if self.total <= 0:
            return
        p = QPainter(self)
        fm = p.fontMetrics()
        first = "1"
        last = self.tr("%1 students").replace("%1", str(self.total)) if self.total > 1 else self.tr("1 student")
        left = fm.horizontalAdvance(first) + 6
        right = fm.horizontalAdvance(last) + 6
        width = max(20.0, self.width() - left - right)
        h = self.height()
        p.setPen(self.palette().windowText().color())
        p.drawText(QRectF(0, 0, left, h), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, first)
        p.drawText(QRectF(left + width, 0, right, h), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, last)
        step = width / self.total
        p.setPen(Qt.PenStyle.NoPen)
        base = self.palette().base().color()
        for n in range(1, self.total + 1):
            rect = QRectF(left + (n - 1) * step, 4, step - 1, h - 8)
            p.fillRect(rect, base)
            p.fillRect(rect, heat_colour(n, self.total))
        p.end()


class DisputeCard(QFrame):
    """One disputed sentence: its text, then each student's tag and note side by side. Click to jump."""

    activated = Signal(int, int)

    def __init__(self, dispute: dict, header: str, text: str, tag_labels: dict[str, tuple[str, str]],
                 convert: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start, self.end = int(dispute["start"]), int(dispute["end"])
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Click to show the passage"))
        col = QVBoxLayout(self)
        col.setContentsMargins(8, 6, 8, 6)
        col.setSpacing(4)
        head = plain_label(header)
        head.setWordWrap(True)
        head.setObjectName("disputeHeader")
        small = head.font()
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
        head.setFont(small)
        col.addWidget(head)
        sentence = plain_label(convert(text))
        sentence.setWordWrap(True)
        big = sentence.font()
        big.setPointSizeF(big.pointSizeF() * 1.1)
        sentence.setFont(big)
        col.addWidget(sentence)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        for row, entry in enumerate(dispute["students"]):
            name = plain_label(entry["name"])
            bold = QFont(name.font())
            bold.setBold(True)
            name.setFont(bold)
            label, colour = tag_labels.get(entry["tag"] or "", ((entry["tag"] or "").split("/", 1)[-1], "#9e9e9e"))
            chip = plain_label(label)
            chip.setStyleSheet(f"QLabel {{ background: {QColor(colour).lighter(150).name()}; color: #222;"
                               " border-radius: 3px; padding: 0 4px; }")
            note = QLabel(entry["note"].strip() or "—")
            note.setWordWrap(True)
            note.setTextFormat(Qt.TextFormat.PlainText)
            note.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(chip, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(note, row, 2, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(2, 1)
        col.addLayout(grid)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.start, self.end)
            event.accept()
            return
        super().mouseReleaseEvent(event)


class ClassView(QWidget):
    """The class view's dock contents. `set_report` shows a report; the filters ask for a new one."""

    filtersChanged = Signal()
    paragraphActivated = Signal(int)  # paragraph index
    passageActivated = Signal(int, int)  # canonical start, end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: dict | None = None
        self.students: list[str] = []
        self.chart_paragraphs: list[int] = []  # paragraph index of each chart category, top to bottom
        self.bar_sets: dict[str, QBarSet] = {}
        self.cards: list[DisputeCard] = []
        self.convert: Callable[[str], str] = lambda s: s
        self.paragraph_texts: dict[int, str] = {}
        self._quiet = False

        col = QVBoxLayout(self)
        col.setContentsMargins(6, 6, 6, 6)
        col.setSpacing(6)
        top = QHBoxLayout()
        self.title = plain_label()
        self.title.setWordWrap(True)
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        top.addWidget(self.title, 1)
        col.addLayout(top)
        self.legend = HeatLegend(self)
        col.addWidget(self.legend)

        self.student_table = QTableWidget(0, 4, self)
        self._student_headers()
        self.student_table.verticalHeader().hide()
        header = self.student_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.student_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.student_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.student_table.setMaximumHeight(170)
        self.student_table.itemChanged.connect(self._student_toggled)
        col.addWidget(self.student_table)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Tag:")))
        self.tag_combo = QComboBox(self)
        self.tag_combo.currentIndexChanged.connect(lambda _i: self._changed())
        row.addWidget(self.tag_combo, 1)
        self.at_check = QCheckBox(self.tr("As of"), self)
        self.at_check.setToolTip(self.tr("Only what was marked by the end of this day, with the tags it had then"))
        self.at_edit = QDateEdit(QDate.currentDate(), self)
        self.at_edit.setCalendarPopup(True)
        self.at_edit.setDisplayFormat("yyyy-MM-dd")
        self.at_edit.setEnabled(False)
        self.at_check.toggled.connect(lambda on: (self.at_edit.setEnabled(on), self._changed()))
        self.at_edit.dateChanged.connect(lambda _d: self._changed() if self.at_check.isChecked() else None)
        row.addWidget(self.at_check)
        row.addWidget(self.at_edit)
        col.addLayout(row)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._agreement_tab(), self.tr("Agreement"))
        self.tabs.addTab(self._chart_tab(), self.tr("Paragraphs"))
        self.tabs.addTab(self._disputed_tab(), self.tr("Disputed"))
        col.addWidget(self.tabs, 1)

    # ---- building ---------------------------------------------------------------------------------
    def _student_headers(self) -> None:
        self.student_table.setHorizontalHeaderLabels(
            [self.tr("Student"), self.tr("Marks"), self.tr("Sentences"), self.tr("Words")])
        self.student_table.horizontalHeaderItem(1).setToolTip(self.tr("Highlights (with the chosen tag, if any)"))
        self.student_table.horizontalHeaderItem(2).setToolTip(self.tr("Sentences given a stance tag"))
        self.student_table.horizontalHeaderItem(3).setToolTip(self.tr("Words of notes (a Chinese character is a word)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "pair_table"):
            # column headers and tab titles are not widgets' texts: the generic retranslation misses them
            self._student_headers()
            for i, text in enumerate((self.tr("Agreement"), self.tr("Paragraphs"), self.tr("Disputed"))):
                self.tabs.setTabText(i, text)
            self.tag_table.setHorizontalHeaderLabels([self.tr("Tag"), self.tr("Alpha (this tag or not)")])
            self.pair_table.setHorizontalHeaderLabels([self.tr("Students"), self.tr("Both coded"), self.tr("Same tag")])
        super().changeEvent(event)

    def _agreement_tab(self) -> QWidget:
        page = QWidget()
        col = QVBoxLayout(page)
        col.setContentsMargins(4, 6, 4, 4)
        self.alpha_label = QLabel()
        big = self.alpha_label.font()
        big.setPointSizeF(big.pointSizeF() * 1.25)
        big.setBold(True)
        self.alpha_label.setFont(big)
        col.addWidget(self.alpha_label)
        self.units_label = QLabel()
        self.units_label.setWordWrap(True)
        col.addWidget(self.units_label)
        self.explain = QLabel(self.tr(
            "Students are compared sentence by sentence: a student's code for a sentence is the stance tag of "
            "their mark on it. Alpha is 1 for perfect agreement and 0 for chance; ≥ 0.8 is good, 0.67–0.8 "
            "tentative, below 0.67 the class reads the text differently; below 0, systematic disagreement."))
        self.explain.setWordWrap(True)
        self.explain.setObjectName("alphaHelp")
        col.addWidget(self.explain)
        self.tag_table = self._table([self.tr("Tag"), self.tr("Alpha (this tag or not)")])
        col.addWidget(self.tag_table)
        self.pair_table = self._table([self.tr("Students"), self.tr("Both coded"), self.tr("Same tag")])
        self.pair_table.horizontalHeaderItem(1).setToolTip(self.tr("Sentences both students gave a stance tag"))
        self.pair_table.horizontalHeaderItem(2).setToolTip(self.tr("Of those, the share where they chose the same tag"))
        self.pair_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.pair_table.horizontalHeader().setStretchLastSection(False)
        col.addWidget(self.pair_table, 1)
        return page

    def _table(self, labels: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(labels))
        table.setHorizontalHeaderLabels(labels)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    def _chart_tab(self) -> QWidget:
        self.chart = QChart()
        self.chart.setMargins(QMargins(0, 0, 0, 0))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(200)
        self.chart_hint = QLabel(self.tr("Click a paragraph's bar to show it."))
        self.chart_hint.setWordWrap(True)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.chart_hint)
        box.addWidget(self.chart_view, 1)
        scroll.setWidget(holder)
        return scroll

    def _disputed_tab(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        self.cards_box = QVBoxLayout(holder)
        self.cards_box.setContentsMargins(2, 4, 2, 4)
        self.cards_box.setSpacing(6)
        self.no_disputes = QLabel(self.tr("No sentence where students chose different tags."))
        self.no_disputes.setWordWrap(True)
        self.cards_box.addWidget(self.no_disputes)
        self.cards_box.addStretch(1)
        scroll.setWidget(holder)
        return scroll

    # ---- filters ----------------------------------------------------------------------------------
    def set_tag_choices(self, choices: list[tuple[str, str]]) -> None:
        """(label, qualified name) of the tags a teacher may filter by; the current choice is kept."""
        current = self.tag_combo.currentData()
        self._quiet = True
        self.tag_combo.clear()
        self.tag_combo.addItem(self.tr("All tags"), None)
        for label, qualified in choices:
            self.tag_combo.addItem(label, qualified)
        k = self.tag_combo.findData(current) if current else 0
        self.tag_combo.setCurrentIndex(max(0, k))
        self._quiet = False

    def set_students(self, names: list[str]) -> None:
        """The class (all students of the article); a student unchecked before stays unchecked."""
        if list(names) == self.students and self.student_table.rowCount() == len(names):
            return  # unchanged (and the table may be inside its own itemChanged signal)
        unchecked = {n for n in self.students if not self.is_checked(n)}
        self.students = list(names)
        self._quiet = True
        self.student_table.setRowCount(len(names))
        for row, name in enumerate(names):
            item = QTableWidgetItem(name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if name in unchecked else Qt.CheckState.Checked)
            self.student_table.setItem(row, 0, item)
            for c in (1, 2, 3):
                cell = QTableWidgetItem("")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.student_table.setItem(row, c, cell)
        self._quiet = False

    def is_checked(self, name: str) -> bool:
        for row in range(self.student_table.rowCount()):
            item = self.student_table.item(row, 0)
            if item is not None and item.text() == name:
                return item.checkState() == Qt.CheckState.Checked
        return True

    def set_checked(self, name: str, on: bool) -> None:
        for row in range(self.student_table.rowCount()):
            item = self.student_table.item(row, 0)
            if item is not None and item.text() == name:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def checked_students(self) -> list[str]:
        return [n for n in self.students if self.is_checked(n)]

    def tag_filter(self) -> str | None:
        data = self.tag_combo.currentData()
        return str(data) if data else None

    def at(self) -> str | None:
        return self.at_edit.date().toString("yyyy-MM-dd") if self.at_check.isChecked() else None

    def _student_toggled(self, item: QTableWidgetItem) -> None:
        if item.column() == 0:
            self._changed()

    def _changed(self) -> None:
        if not self._quiet:
            self.filtersChanged.emit()

    # ---- showing a report -------------------------------------------------------------------------
    def set_report(self, report: ClassReport | None, *, tag_labels: dict[str, tuple[str, str]] | None = None,
                   paragraph_texts: dict[int, str] | None = None, convert: Callable[[str], str] | None = None,
                   dark: bool = False) -> None:
        """Show a report. tag_labels: qualified name → (label, colour); paragraph_texts: index → text (tooltips);
        convert: text → the displayed script. None: nobody chosen (everything empty)."""
        self.convert = convert or (lambda s: s)
        self.paragraph_texts = paragraph_texts or {}
        labels = tag_labels or {}
        data = report.as_json() if report is not None else None
        self.report = data
        if data is None:
            self.title.setText(self.tr("No student chosen"))
            self.legend.set_total(0)
            self._fill_numbers(None, labels)
            self._fill_chart(None, labels, dark)
            self._fill_cards(None, labels)
            return
        n = len(data["students"])
        self.title.setText(plural(n, self.tr("%1 — 1 student"), self.tr("%1 — %n students")).replace("%1", report.title))
        self.legend.set_total(n)
        by_name = {s["name"]: s for s in data["students"]}
        self._quiet = True
        for row in range(self.student_table.rowCount()):
            name = self.student_table.item(row, 0).text()
            s = by_name.get(name)
            values = ("", "", "") if s is None else (s["annotations"], s["units_coded"], s["note_words"])
            for c, v in enumerate(values, 1):
                self.student_table.item(row, c).setText(str(v))
        self._quiet = False
        self._fill_numbers(data, labels)
        self._fill_chart(data, labels, dark)
        self._fill_cards(data, labels)

    def _fill_numbers(self, data: dict | None, labels: dict[str, tuple[str, str]]) -> None:
        if data is None:
            self.alpha_label.setText(self.tr("Krippendorff's alpha: %1").replace("%1", "–"))
            self.units_label.setText("")
            self.tag_table.setRowCount(0)
            self.pair_table.setRowCount(0)
            return
        self.alpha_label.setText(self.tr("Krippendorff's alpha: %1").replace("%1", fmt_alpha(data["alpha"])))
        u = data["units"]
        self.units_label.setText(self.tr("%1 sentences; coded by someone: %2; by two or more: %3")
                                 .replace("%1", str(u["count"])).replace("%2", str(u["coded"]))
                                 .replace("%3", str(u["pairable"])))
        self.tag_table.setRowCount(len(data["tags"]))
        for row, t in enumerate(data["tags"]):
            label, colour = labels.get(t["tag"], (t["name"], t["color"]))
            item = QTableWidgetItem(label)
            item.setIcon(_swatch(colour))
            self.tag_table.setItem(row, 0, item)
            self.tag_table.setItem(row, 1, _number(fmt_alpha(data["alpha_by_tag"].get(t["tag"]))))
        self.pair_table.setRowCount(len(data["pairwise"]))
        for row, p in enumerate(data["pairwise"]):
            self.pair_table.setItem(row, 0, QTableWidgetItem(f"{p['a']} · {p['b']}"))
            self.pair_table.setItem(row, 1, _number(str(p["units"])))
            self.pair_table.setItem(row, 2, _number("–" if p["percent"] is None else f"{p['percent']:.0f} %"))
        self.tag_table.setFixedHeight(self.tag_table.horizontalHeader().height()
                                      + sum(self.tag_table.rowHeight(r) for r in range(len(data["tags"]))) + 4)

    def _fill_chart(self, data: dict | None, labels: dict[str, tuple[str, str]], dark: bool) -> None:
        chart = self.chart
        chart.removeAllSeries()
        for axis in list(chart.axes()):
            chart.removeAxis(axis)
        self.bar_sets = {}
        self.chart_paragraphs = []
        chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
        chart.setBackgroundVisible(False)
        if data is None or not data["tags"]:
            self.chart_hint.setText(self.tr("No stance tags to show."))
            return
        codes = [t["tag"] for t in data["tags"]]
        rows = [p for p in data["paragraphs"] if any(p["counts"].get(c) for c in codes)]
        if not rows:
            self.chart_hint.setText(self.tr("No paragraph has a stance tag yet."))
            return
        self.chart_hint.setText(self.tr("Stance tags per paragraph (paragraphs nobody tagged are left out). "
                                        "Click a bar to show its paragraph."))
        rows.reverse()  # a horizontal chart draws its first category at the bottom
        self.chart_paragraphs = [int(p["index"]) for p in rows]
        series = QHorizontalStackedBarSeries()
        top = 0
        for code in codes:
            colour = labels.get(code, ("", "#9e9e9e"))[1]
            bar = QBarSet(escape(code.split("/", 1)[-1]))  # chart legends read HTML: a tag name is shown as typed
            bar.setColor(QColor(colour))
            bar.setBorderColor(QColor(colour).darker(120))
            bar.append([float(p["counts"].get(code, 0)) for p in rows])
            bar.clicked.connect(self._bar_clicked)
            bar.hovered.connect(self._bar_hovered)
            series.append(bar)
            self.bar_sets[code] = bar
        for k in range(len(rows)):
            top = max(top, sum(int(rows[k]["counts"].get(c, 0)) for c in codes))
        series.setBarWidth(0.75)
        series.setLabelsVisible(True)  # each segment shows its count
        series.setLabelsFormat("@value")
        series.setLabelsPosition(QHorizontalStackedBarSeries.LabelsPosition.LabelsCenter)
        for bar in self.bar_sets.values():
            bar.setLabelColor(QColor("#1d1b18"))
        chart.addSeries(series)
        cats = QBarCategoryAxis()
        cats.append([self.tr("¶ %1").replace("%1", str(i)) for i in self.chart_paragraphs])
        chart.addAxis(cats, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(cats)
        values = QValueAxis()
        step = next((k for k in (1, 2, 5, 10, 20, 50, 100, 200, 500) if top / k <= 6), 1000)
        values.setRange(0, step * max(1, -(-top // step)))
        values.setTickType(QValueAxis.TickType.TicksDynamic)
        values.setTickAnchor(0)
        values.setTickInterval(step)
        values.setLabelFormat("%d")
        values.setTitleText(self.tr("Stance tags"))
        cats.setTitleText(self.tr("Paragraph"))
        # The numbered axis goes on top: a long chart scrolls, and its numbers stay in view with the legend.
        chart.addAxis(values, Qt.AlignmentFlag.AlignTop)
        series.attachAxis(values)
        self.chart_view.setMinimumHeight(90 + 24 * len(rows))

    def category_paragraph(self, category: int) -> int:
        return self.chart_paragraphs[category]

    def _bar_clicked(self, index: int) -> None:
        if 0 <= index < len(self.chart_paragraphs):
            self.paragraphActivated.emit(self.chart_paragraphs[index])

    def _bar_hovered(self, status: bool, index: int) -> None:
        if not status or not (0 <= index < len(self.chart_paragraphs)) or self.report is None:
            QToolTip.hideText()
            return
        par = self.chart_paragraphs[index]
        counts = next((p["counts"] for p in self.report["paragraphs"] if p["index"] == par), {})
        text = self.convert(self.paragraph_texts.get(par, ""))
        if len(text) > 40:
            text = text[:39] + "…"
        lines = [self.tr("Paragraph %1").replace("%1", str(par)), text]
        lines += [f"{k.split('/', 1)[-1]}: {v}" for k, v in counts.items()]
        QToolTip.showText(QCursor.pos(), tip("\n".join(lines)), self.chart_view)

    def _fill_cards(self, data: dict | None, labels: dict[str, tuple[str, str]]) -> None:
        for card in self.cards:
            self.cards_box.removeWidget(card)
            card.deleteLater()
        self.cards = []
        disputes = [] if data is None else data["disputed"]
        self.no_disputes.setVisible(not disputes)
        for n, d in enumerate(disputes, 1):
            counts = ", ".join(f"{labels.get(k, (k.split('/', 1)[-1], ''))[0]} {v}" for k, v in d["counts"].items())
            header = (self.tr("%1. Paragraph %2 · disagreement %3 · %4").replace("%1", str(n))
                      .replace("%2", str(d["paragraph"])).replace("%3", f"{d['disagreement']:.2f}")
                      .replace("%4", counts))
            card = DisputeCard(d, header, d["text"], labels, self.convert)
            card.activated.connect(self.passageActivated)
            self.cards_box.insertWidget(self.cards_box.count() - 1, card)
            self.cards.append(card)


def _number(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _swatch(colour: str) -> QIcon:
    pix = QPixmap(10, 10)
    pix.fill(QColor(colour))
    return QIcon(pix)
