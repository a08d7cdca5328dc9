"""The Statistics window (gui layer): words read, new words and words learned per day as bar charts, totals, streak.

Painted with QPainter (no chart library): one chart of words read, one of new words met and words learned
side by side, for the last 30 days; the numbers come from `reader.core.reading_stats.summary`.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QHelpEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QToolTip, QVBoxLayout, QWidget

from reader.core import reading_stats
from reader.core.library import Library
from reader.core.reading_stats import DayStats, Summary
from reader.gui.plurals import plural

DAYS = 30
#: Okabe–Ito colours: told apart with any colour vision.
READ_COLOUR = "#0072B2"
NEW_COLOUR = "#E69F00"
LEARNED_COLOUR = "#009E73"


def nice_top(value: int) -> int:
    """A round axis maximum at or above `value`: 1, 2, 5, 10, 20, 50 …"""
    top = 1
    while True:
        for step in (1, 2, 5):
            if step * top >= value:
                return step * top
        top *= 10


class DayChart(QWidget):
    """Bars per day for one or more series (side by side), with a round scale and day labels."""

    def __init__(self, series: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series = series  # (name, attribute of DayStats, colour)
        self.days: list[DayStats] = []
        self.setMinimumSize(420, 150)
        self.setMouseTracking(True)

    def set_days(self, days: list[DayStats]) -> None:
        self.days = list(days)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(640, 190)

    def _plot(self) -> QRectF:
        fm = QFontMetricsF(self.font())
        left = fm.horizontalAdvance("00000") + 8
        return QRectF(left, fm.height() + 8, self.width() - left - 8, self.height() - 2.5 * fm.height() - 12)

    def _values(self, day: DayStats) -> list[int]:
        return [int(getattr(day, attr)) for _, attr, _ in self.series]

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text, grid = pal.color(QPalette.ColorRole.Text), pal.color(QPalette.ColorRole.Mid)
        fm = QFontMetricsF(self.font())
        x = 0.0
        for name, _, colour in self.series:  # the legend
            p.fillRect(QRectF(x, 4, 10, 10), QColor(colour))
            p.setPen(text)
            p.drawText(QPointF(x + 14, 4 + fm.ascent() - 1), name)
            x += 14 + fm.horizontalAdvance(name) + 16
        plot = self._plot()
        top = nice_top(max((v for d in self.days for v in self._values(d)), default=0))
        p.setPen(QPen(grid, 1))
        for k in range(3):
            y = plot.bottom() - plot.height() * k / 2
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            label = f"{top * k // 2:,}"
            p.setPen(text)
            p.drawText(QRectF(0, y - fm.height() / 2, plot.left() - 6, fm.height()),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), label)
            p.setPen(QPen(grid, 1))
        if not self.days:
            return
        slot = plot.width() / len(self.days)
        bar = max(1.0, slot * 0.8 / len(self.series))
        for n, day in enumerate(self.days):
            for k, value in enumerate(self._values(day)):
                if value:
                    h = plot.height() * value / top
                    p.fillRect(QRectF(plot.left() + n * slot + slot * 0.1 + k * bar, plot.bottom() - h, bar, h),
                               QColor(self.series[k][2]))
        p.setPen(text)
        step = max(1, len(self.days) // 6)
        for n in range(len(self.days) - 1, -1, -step):  # dates under the bars, the last (today) always
            when = date.fromisoformat(self.days[n].day)
            label = f"{when.month}/{when.day}"
            cx = plot.left() + (n + 0.5) * slot
            p.drawText(QRectF(cx - 30, plot.bottom() + 4, 60, fm.height()), int(Qt.AlignmentFlag.AlignHCenter), label)

    def day_at(self, x: float) -> DayStats | None:
        plot = self._plot()
        if not self.days or not plot.left() <= x < plot.right():
            return None
        return self.days[min(len(self.days) - 1, int((x - plot.left()) / (plot.width() / len(self.days))))]

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            day = self.day_at(event.pos().x())
            if day is None:
                QToolTip.hideText()
            else:
                lines = [day.day] + [f"{name}: {value:,}" for (name, _, _), value in zip(self.series, self._values(day),
                                                                                           strict=True)]
                QToolTip.showText(event.globalPos(), "\n".join(lines), self)
            return True
        return super().event(event)


class StatisticsDialog(QDialog):
    """Vocabulary → Statistics…: the charts of the last 30 days, totals of all time and the streak."""

    def __init__(self, lib: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lib = lib
        self.setObjectName("statistics")
        self.summary: Summary | None = None
        self.streak = QLabel(self)
        self.streak.setObjectName("streak")
        self.streak.setTextFormat(Qt.TextFormat.PlainText)
        big = QFont(self.streak.font())
        big.setPointSizeF(big.pointSizeF() * 1.3)
        big.setBold(True)
        self.streak.setFont(big)
        self.read_chart = DayChart([], self)
        self.word_chart = DayChart([], self)
        self.totals = QGridLayout()
        self.total_labels: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        for col, key in enumerate(("today_read", "today_new", "today_learned", "total_read", "total_learned",
                                   "known")):
            value, caption = QLabel(self), QLabel(self)
            value.setObjectName(key)
            for label in (value, caption):
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            value.setFont(big)
            self.total_labels[key], self.captions[key] = value, caption
            self.totals.addWidget(value, 0, col)
            self.totals.addWidget(caption, 1, col)
        self.heading_read, self.heading_words = QLabel(self), QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.streak)
        lay.addLayout(self.totals)
        lay.addSpacing(8)
        lay.addWidget(self.heading_read)
        lay.addWidget(self.read_chart, 1)
        lay.addWidget(self.heading_words)
        lay.addWidget(self.word_chart, 1)
        lay.addWidget(buttons)
        self.retranslate()
        self.resize(700, 560)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reading Statistics"))
        self.read_chart.series = [(self.tr("Words read"), "words_read", READ_COLOUR)]
        self.word_chart.series = [(self.tr("New words"), "new_words", NEW_COLOUR),
                                  (self.tr("Words learned"), "learned", LEARNED_COLOUR)]
        self.heading_read.setText(self.tr("Words read per day (last %1 days)").replace("%1", str(DAYS)))
        self.heading_words.setText(self.tr("New words met and words learned per day"))
        for key, text in (("today_read", self.tr("words read today")), ("today_new", self.tr("new words today")),
                          ("today_learned", self.tr("learned today")), ("total_read", self.tr("words read in all")),
                          ("total_learned", self.tr("learned in all")), ("known", self.tr("words known"))):
            self.captions[key].setText(text)
        if self.summary is not None:
            self._show(self.summary)

    def refresh(self) -> None:
        """Read the numbers again (after a page done, a status change, an undo)."""
        self._show(reading_stats.summary(self.lib, DAYS))

    def _show(self, summary: Summary) -> None:
        self.summary = summary
        today = summary.days[-1]
        if summary.streak:
            text = plural(summary.streak, self.tr("Streak: 1 day"), self.tr("Streak: %n days"))
            if not summary.read_today:
                text += " — " + self.tr("read today to keep it")
        else:
            text = self.tr("No streak yet: mark a page as done to start one")
        text += " · " + plural(summary.longest_streak, self.tr("longest 1 day"), self.tr("longest %n days"))
        self.streak.setText(text)
        for key, value in (("today_read", today.words_read), ("today_new", today.new_words),
                           ("today_learned", today.learned), ("total_read", summary.total_words_read),
                           ("total_learned", summary.total_learned), ("known", summary.known_words)):
            self.total_labels[key].setText(f"{value:,}")
        self.read_chart.set_days(summary.days)
        self.word_chart.set_days(summary.days)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
