"""Page done and statistics in the reader (gui layer): Vocabulary → Mark Page as Done, Mark Section as Done,
Statistics…, and each article's known share in the library sidebar.

Mark Page as Done (Ctrl+D) marks every new word on the screen known, undoably (the window's undo stack),
says how many in the status bar and scrolls a screen on, as Lute does. Mark Section as Done (Ctrl+Shift+D)
does the same for the chapter or section the top of the screen is in — the whole article when it has no
headings. The sidebar's shares follow every status change: a cheap stamp is checked after each edit, undo
and redo, and on a timer (for status keys, other windows and other programs).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QMenuBar, QStatusBar

from reader.core import known_share, reading_stats
from reader.core.dictionary import Dictionary
from reader.core.errors import ReaderError
from reader.core.known_share import ShareCache
from reader.core.library import Changed, Library
from reader.core.text import ArticleInfo
from reader.gui.commands import EditCommand
from reader.gui.plurals import plural
from reader.gui.reading_view import ReadingView
from reader.gui.sidebar import LibrarySidebar
from reader.gui.signals import SignalHub
from reader.gui.stats_dialog import StatisticsDialog
from reader.gui.workers import background_work

PAGE_KEY = "Ctrl+D"
SECTION_KEY = "Ctrl+Shift+D"
SHARE_POLL_MS = 2000  # the stamp check costs well under a millisecond


class StatsWindow(Protocol):
    """What this feature uses of its window (the main window is one)."""

    lib: Library
    article: ArticleInfo | None
    view: ReadingView
    sidebar: LibrarySidebar
    hub: SignalHub
    undo_stack: QUndoStack

    def menuBar(self) -> QMenuBar: ...
    def statusBar(self) -> QStatusBar: ...
    def installEventFilter(self, filter: QObject) -> None: ...
    def error(self, title: str, message: str) -> None: ...
    def add_action(self, text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None) -> QAction: ...


def vocabulary_menu(bar: QMenuBar, title: str) -> QMenu:
    """The menu bar's Vocabulary menu (objectName "vocabulary"), made before Help if no feature made it yet."""
    for act in bar.actions():
        menu = act.menu()
        if isinstance(menu, QMenu) and menu.objectName() == "vocabulary":
            return menu
    menu = QMenu(title, bar)
    menu.setObjectName("vocabulary")
    actions = bar.actions()
    bar.insertMenu(actions[-1], menu) if actions else bar.addMenu(menu)
    return menu


class WordCountWorker(QThread):
    """Count the words of analysed articles not counted yet (a book takes seconds) on a connection of its
    own, which only reads: the window writes the counts, so they do not look like another program's change."""

    counted = Signal(int, str, object)  # revision id, key of its cached tokens, Counter of words

    def __init__(self, db_path: Path, dictionary: Dictionary | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.dictionary = dictionary
        self._stop = False

    def stop(self) -> None:
        self._stop = True

    def run(self) -> None:
        try:
            with background_work(), Library.open(self.db_path) as lib:
                for rev, key in known_share.stale_revisions(lib).items():
                    if self._stop:
                        return
                    self.counted.emit(rev, key, known_share.word_counts(lib, rev, self.dictionary))
        except Exception:  # noqa: BLE001 - busy or closed: counted the next time something changes
            return


class ReadingStatsController(QObject):
    """The page-done commands, the Statistics window and the sidebar's known shares."""

    vocabularyChanged = Signal()  # words were marked known by a page done (or its undo/redo)

    def __init__(self, window: StatsWindow, dictionary: Callable[[], Dictionary | None]) -> None:
        super().__init__(window)  # type: ignore[arg-type] - the window is a QObject
        self.window = window
        self.lib = window.lib
        self.view = window.view
        self.dictionary = dictionary
        self.shares = ShareCache()
        self.dialog: StatisticsDialog | None = None
        self.counter: WordCountWorker | None = None
        self._closing = False
        self.menu = vocabulary_menu(window.menuBar(), self.tr("V&ocabulary"))
        self.act_page = window.add_action(self.tr("Mark &Page as Done"), self.mark_page, PAGE_KEY)
        self.act_section = window.add_action(self.tr("Mark &Section as Done"), self.mark_section, SECTION_KEY)
        self.act_stats = window.add_action(self.tr("&Statistics…"), self.show_statistics)
        if self.menu.actions():
            self.menu.addSeparator()
        for act in (self.act_page, self.act_section, self.act_stats):
            self.menu.addAction(act)
        self.menu.insertSeparator(self.act_stats)
        self.retranslate()
        window.installEventFilter(self)
        window.hub.articleChanged.connect(lambda _aid: self._sync_actions())
        window.hub.articlesChanged.connect(lambda _initiator: self.refresh_shares())
        window.undo_stack.indexChanged.connect(lambda _i: self.refresh_shares())
        self.timer = QTimer(self)
        self.timer.setInterval(SHARE_POLL_MS)
        self.timer.timeout.connect(self.refresh_shares)
        self.timer.start()
        self._sync_actions()
        QTimer.singleShot(0, self.refresh_shares)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shut_down)

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("V&ocabulary"))
        self.act_page.setText(self.tr("Mark &Page as Done"))
        self.act_page.setToolTip(self.tr("Every new word on the screen becomes known; then a screen on"))
        self.act_stats.setText(self.tr("&Statistics…"))
        self.act_stats.setToolTip(self.tr("Words read, new words and words learned per day, and your streak"))
        self._sync_actions()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif watched is self.window and event.type() == QEvent.Type.Close:
            self.shut_down()
        return False

    def shut_down(self) -> None:
        """The window closes (or the app quits): no more counting; a count under way is stopped and waited for."""
        self._closing = True
        self.timer.stop()
        if self.dialog is not None:  # the Statistics window goes with its reader window
            self.dialog.close()
        if self.counter is not None:
            self.counter.stop()
            self.counter.wait(10_000)

    def _has_sections(self) -> bool:
        return any(p.kind == "heading" for p in self.view.paragraphs)

    def _sync_actions(self) -> None:
        """Section when the article has headings, else the whole article; nothing to mark without an article."""
        has = self.window.article is not None
        self.act_section.setText(self.tr("Mark &Section as Done") if self._has_sections()
                                 else self.tr("Mark &Article as Done"))
        self.act_section.setToolTip(self.tr("Every new word of this section becomes known") if self._has_sections()
                                    else self.tr("Every new word of this article becomes known"))
        self.act_page.setEnabled(has)
        self.act_section.setEnabled(has)

    # ---- page and section done ---------------------------------------------------------------------------
    def visible_range(self) -> tuple[int, int] | None:
        """Canonical [start, end) of the lines whose characters are on the screen (at least half)."""
        height = self.view.viewport().height()
        offsets: list[int] = []
        for line in self.view.visible_lines():
            rect = self.view.glyph_rect(line[0])
            if rect is not None and 0 <= rect.center().y() <= height:
                offsets.extend(line)
        return (min(offsets), max(offsets) + 1) if offsets else None

    def mark_page(self) -> None:
        span = self.visible_range()
        if span is not None:
            self._mark(*span, page=True)

    def mark_section(self) -> None:
        article = self.window.article
        if article is None:
            return
        section = reading_stats.section_range(self.view.paragraphs, self.view.top_offset())
        start, end = section if section is not None else (0, self.view.text_length)
        self._mark(start, end, page=False)

    def _mark(self, start: int, end: int, *, page: bool) -> None:
        window = self.window
        if window.article is None or start >= end:
            return
        try:
            done = reading_stats.mark_done(self.lib, window.article.id, start, end, dictionary=self.dictionary())
        except ReaderError as exc:
            window.error(self.tr("Cannot mark the words"), str(exc))
            return
        if done.marked:
            message = plural(done.marked, self.tr("1 word marked known"), self.tr("%n words marked known"))
        else:
            message = self.tr("No new words here: counted as read")
        window.statusBar().showMessage(message, 6000)
        text = plural(done.marked, self.tr("mark 1 word known"), self.tr("mark %n words known"))
        window.undo_stack.push(EditCommand(done.edit, self._changed, window.article.id, text=text))
        self._changed(done.edit.changed)
        if page and end < self.view.text_length:
            self.view.scroll_to_offset(end)  # a screen on, as after reading it

    def _changed(self, changed: Changed, _article_id: int | None = None) -> None:
        """After a page done, its undo or redo: the vocabulary, the readings, the shares and the numbers."""
        if changed.vocabulary:
            self.vocabularyChanged.emit()
        self.refresh_shares()
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.refresh()

    # ---- statistics and shares ---------------------------------------------------------------------------
    def show_statistics(self) -> None:
        if self.dialog is None:
            self.dialog = StatisticsDialog(self.lib, self.window)  # type: ignore[arg-type]
        self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def refresh_shares(self) -> None:
        """Give the sidebar each article's known share, counted again only when something changed."""
        if self._closing:
            return
        before = self.shares.stamp
        in_memory = self.lib.path is None  # no second connection: counted here (tests, small libraries)
        try:
            shares = self.shares.shares(self.lib, self.dictionary(), count=in_memory)
            if not in_memory and self.shares.stamp != before and self.counter is None \
                    and known_share.stale_revisions(self.lib):
                self._count_in_background()
        except Exception:  # noqa: BLE001 - a busy or closed library: the shares wait for the next change
            return
        self.window.sidebar.set_shares(shares)
        if self.shares.stamp != before and self.dialog is not None and self.dialog.isVisible():
            self.dialog.refresh()  # a status changed elsewhere (keys, the popup, another program)


    def settle(self) -> None:
        """Wait for the words being counted and show the shares (for screenshots and tests)."""
        self.refresh_shares()
        if self.counter is not None:
            self.counter.wait(60_000)
            QCoreApplication.sendPostedEvents(self, 0)  # the counts it sent
            self._counted()

    def _count_in_background(self) -> None:
        assert self.lib.path is not None
        worker = self.counter = WordCountWorker(self.lib.path, self.dictionary(), self)
        worker.counted.connect(self._store_counts)
        worker.finished.connect(self._counted)
        worker.start()

    def _store_counts(self, revision_id: int, key: str, counts: object) -> None:
        try:
            known_share.store_counts(self.lib, revision_id, key, counts)  # type: ignore[arg-type]
        except Exception:  # noqa: BLE001 - busy or read-only: counted again the next time
            pass

    def _counted(self) -> None:
        worker, self.counter = self.counter, None
        if worker is not None:
            worker.wait()
            worker.deleteLater()
        self.shares.invalidate()  # the counts are new; the statuses may be the same
        self.refresh_shares()


def install(window: StatsWindow, dictionary: Callable[[], Dictionary | None]) -> ReadingStatsController:
    return ReadingStatsController(window, dictionary)

