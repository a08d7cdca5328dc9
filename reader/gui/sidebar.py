"""The library sidebar (gui layer): one entry per article — title, English title, script, length, known share."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reader.core.known_share import Share
from reader.core.text import ArticleInfo
from reader.gui.plurals import plural
from reader.gui.safe_text import tip

ID_ROLE = Qt.ItemDataRole.UserRole
TITLE_ROLE = Qt.ItemDataRole.UserRole + 1
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 2
META_ROLE = Qt.ItemDataRole.UserRole + 3
BASE_META_ROLE = Qt.ItemDataRole.UserRole + 4  # the meta line without the known share
KNOWN_ROLE = Qt.ItemDataRole.UserRole + 5  # percent of running words known, or None (not analysed yet)
PAD = 8
FLAGS = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignTop)


class ArticleDelegate(QStyledItemDelegate):
    """Title in bold, the English title below it, then script and length, small and muted."""

    def _fonts(self, base: QFont) -> tuple[QFont, QFont, QFont]:
        title = QFont(base)
        title.setBold(True)
        sub = QFont(base)
        meta = QFont(base)
        meta.setPointSizeF(max(7.0, base.pointSizeF() * 0.85))
        return title, sub, meta

    def _blocks(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> list[tuple[QFont, str, int]]:
        width = max(40, option.rect.width() - 2 * PAD) if option.rect.width() > 0 else 220
        out = []
        for font, role in zip(self._fonts(option.font), (TITLE_ROLE, SUBTITLE_ROLE, META_ROLE), strict=True):
            text = index.data(role) or ""
            if text:
                height = QFontMetrics(font).boundingRect(QRect(0, 0, width, 10_000), FLAGS, text).height()
                out.append((font, text, height))
        return out

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        blocks = self._blocks(option, index)
        return QSize(option.rect.width() or 220, sum(h for _, _, h in blocks) + 2 * PAD + 3 * (len(blocks) - 1))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        if selected:
            painter.fillRect(option.rect, pal.color(QPalette.ColorRole.Highlight))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(option.rect, pal.color(QPalette.ColorRole.AlternateBase))
        text_colour = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = pal.color(QPalette.ColorRole.PlaceholderText) if not selected else text_colour
        y = option.rect.top() + PAD
        for n, (font, text, height) in enumerate(self._blocks(option, index)):
            painter.setFont(font)
            painter.setPen(text_colour if n == 0 else muted)
            painter.drawText(QRect(option.rect.left() + PAD, y, option.rect.width() - 2 * PAD, height), FLAGS, text)
            y += height + 3
        painter.restore()


class LibrarySidebar(QListWidget):
    """The list of articles; `current_article()` is the selected id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("library")
        self.setItemDelegate(ArticleDelegate(self))
        self.setMouseTracking(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setMinimumWidth(180)
        self._shares: dict[int, Share] = {}

    def set_articles(self, articles: list[ArticleInfo], current: int | None, english_second: bool = True) -> None:
        self.blockSignals(True)
        self.clear()
        for info in articles:
            script = {"traditional": self.tr("Traditional"), "simplified": self.tr("Simplified")}.get(info.script, info.script)
            meta = self.tr("%1 · %2 characters").replace("%1", script).replace("%2", f"{info.chars:,}")
            if info.annotations:
                meta += " · " + plural(info.annotations, self.tr("1 highlight"), self.tr("%n highlights"))
            item = QListWidgetItem("\n".join(x for x in (info.title, info.title_en if english_second else "", meta) if x))
            item.setData(ID_ROLE, info.id)
            item.setData(TITLE_ROLE, info.title)
            item.setData(SUBTITLE_ROLE, info.title_en if english_second else "")
            item.setData(META_ROLE, meta)
            item.setData(BASE_META_ROLE, meta)
            item.setData(KNOWN_ROLE, None)
            item.setToolTip(tip(f"{info.title}\n{info.title_en or ''}".strip()))
            self.addItem(item)
            self._show_share(item)
            if info.id == current:
                self.setCurrentItem(item)
        self.blockSignals(False)

    def set_shares(self, shares: dict[int, Share]) -> None:
        """Show each article's share of known words (articles not analysed yet show none)."""
        if shares == self._shares:
            return
        self._shares = dict(shares)
        for i in range(self.count()):
            self._show_share(self.item(i))
        self.doItemsLayout()

    def _show_share(self, item: QListWidgetItem) -> None:
        share = self._shares.get(item.data(ID_ROLE))
        base = item.data(BASE_META_ROLE) or ""
        item.setData(KNOWN_ROLE, None if share is None else share.percent)
        if share is None:
            item.setData(META_ROLE, base)
            return
        item.setData(META_ROLE, base + " · " + self.tr("%1 % known").replace("%1", str(share.percent)))
        title = "\n".join(x for x in (item.data(TITLE_ROLE), item.data(SUBTITLE_ROLE)) if x)
        detail = self.tr("%1 of %2 words known (%3 of %4 different words); learning words do not count").replace(
            "%1", f"{share.known_running:,}").replace("%2", f"{share.running:,}").replace(
            "%3", f"{share.known_distinct:,}").replace("%4", f"{share.distinct:,}")
        item.setToolTip(tip(f"{title}\n{detail}"))

    def select_article(self, article_id: int) -> None:
        for i in range(self.count()):
            item = self.item(i)
            if item.data(ID_ROLE) == article_id:
                self.blockSignals(True)
                self.setCurrentItem(item)
                self.blockSignals(False)
                return

    def resizeEvent(self, event) -> None:  # noqa: ANN001
        super().resizeEvent(event)
        self.doItemsLayout()  # wrapped titles change height with the width
