"""Annotating in the reader (gui layer): highlights, tags, notes, reading fixes, the panel, undo and redo.

`install(window, popup_rect)` adds to a window (it offers `AnnotationWindow`; the main window does): the
Annotations dock (panel + note editor), the marks overlay, context-menu entries (highlight, tags, colour,
reading), keys (1–9 tag, H highlight, Delete, ] and [ next/previous), Edit → Undo/Redo/Tags…/Preferences…
on the window's QUndoStack, and the selection toolbar and tooltips (reader.gui.annotation_pointer).
Every change is a core operation whose `Edit` goes on the undo stack (reader.gui.commands); after each
step the controller refreshes what it shows and broadcasts `hub.annotations_changed(article_id, changed,
initiator=self)`; it skips the broadcasts it made itself and refreshes on everyone else's.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDockWidget, QMenu, QMenuBar, QSplitter, QStatusBar

from reader.core.annotations import Annotation, Annotations
from reader.core.errors import ReaderError
from reader.core.library import Changed, Library
from reader.core.pipeline.script import convert_text
from reader.core.reading_fixes import remove_fix, set_fix
from reader.core.tags import Tag, Tags
from reader.core.text import ArticleInfo
from reader.gui.annotation_menus import AnnotationMenus
from reader.gui.annotation_pointer import SelectionToolbarController
from reader.gui.annotation_shown import ShownAnnotations
from reader.gui.annotation_toolbar import MarksOverlay
from reader.gui.commands import EditCommand, NoteCommand
from reader.gui.options import DisplayOptions
from reader.gui.panels.annotation_panel import AnnotationPanel
from reader.gui.panels.note_editor import NoteEditor
from reader.gui.preferences import PreferencesDialog
from reader.gui.reading_view import ReadingView
from reader.gui.shortcuts import standard_keys
from reader.gui.signals import Change, SignalHub

TARGETED_MAX = 50  # edits of up to this many annotations refresh just them
BURST_GAP_S = 5.0  # a pause longer than this in typing a note starts a new undo step


class AnnotationWindow(Protocol):
    """What annotating uses of its window (the main window is one)."""

    lib: Library
    view: ReadingView
    hub: SignalHub
    options: DisplayOptions
    article: ArticleInfo | None  # the open article
    undo_stack: QUndoStack  # annotation edits are undone here
    act_copy: QAction  # Undo, Redo, Tags… and Preferences… go in the menu that holds it

    def open_article(self, article_id: int, offset: int | None = None) -> None: ...
    def menuBar(self) -> QMenuBar: ...
    def statusBar(self) -> QStatusBar: ...
    def addAction(self, action: QAction) -> None: ...
    def installEventFilter(self, filter: QObject) -> None: ...
    def addDockWidget(self, area: Qt.DockWidgetArea, dock: QDockWidget) -> None: ...
    def resizeDocks(self, docks: list[QDockWidget], sizes: list[int], orientation: Qt.Orientation) -> None: ...


class AnnotationController(QObject, ShownAnnotations):
    """Everything annotation-related in one main window."""

    def __init__(self, window: AnnotationWindow, popup_rect: Callable[[], QRectF | None] = lambda: None) -> None:
        super().__init__(window)  # type: ignore[arg-type] - the window is a QWidget
        self.window = window
        self.lib = window.lib
        self.view = window.view
        self.hub = window.hub
        self.anns = Annotations(self.lib)
        self.tags = Tags(self.lib)
        self.stack: QUndoStack = window.undo_stack
        self.article_id: int | None = None
        self.text = ""
        self.items: list[Annotation] = []
        self.by_id: dict[int, Annotation] = {}
        self.selected: int | None = None
        self.fixes: dict[int, str] = {}
        self.tag_list: list[Tag] = []
        self._burst = 0
        self._last_note = 0.0
        #: Asked before a highlight is made (article id → may it be made?): the class name prompt.
        self.before_create: list[Callable[[int], bool]] = []
        # Offered a tag key (1–9) when nothing is selected to tag; True: it was used (word status keys).
        self.untargeted_keys: list[Callable[[str], bool]] = []
        self.programmatic = False  # True while this feature moves the view's selection itself

        self.panel = AnnotationPanel()
        self.note_editor = NoteEditor()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.panel)
        split.addWidget(self.note_editor)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        self.dock = QDockWidget(self.tr("Annotations"), window)
        self.dock.setObjectName("annotationsDock")
        self.dock.setWidget(split)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.resizeDocks([self.dock], [340], Qt.Orientation.Horizontal)

        self.menus = AnnotationMenus(self)
        self.overlay = MarksOverlay(self.view)
        self.pointer = SelectionToolbarController(self, popup_rect, self)
        self.toolbar = self.pointer.toolbar
        self._build_actions()
        self._connect()
        window.installEventFilter(self)  # save a note being typed when the window closes
        self.note_editor.edit.installEventFilter(self)  # Esc returns from the note to the text
        self.reload_tags()
        if window.article is not None:
            self.load(window.article.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.note_editor.flush()
        elif watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.pointer.tags_changed()  # the toolbar's buttons are made again in the new language
            for i in range(self.stack.count()):
                command = self.stack.command(i)
                if isinstance(command, EditCommand | NoteCommand):
                    command.retranslate()
            self._undo_texts()
        elif (watched is self.note_editor.edit and event.type() == QEvent.Type.KeyPress
              and event.key() == Qt.Key.Key_Escape and not event.modifiers()):
            self.note_editor.flush()  # Esc in the note: saved, and back to reading
            self.view.setFocus()
            return True
        return False

    def _undo_texts(self, _text: str = "") -> None:
        """Edit → Undo/Redo name the step they take, in the interface language."""
        if not shiboken6.isValid(self.stack) or not shiboken6.isValid(self.act_undo):
            return  # the window is closing: its undo stack goes first
        undo, redo = self.stack.undoText(), self.stack.redoText()
        self.act_undo.setText(self.tr("&Undo %1").replace("%1", undo) if undo else self.tr("&Undo"))
        self.act_redo.setText(self.tr("&Redo %1").replace("%1", redo) if redo else self.tr("&Redo"))

    # ---- actions and connections ----------------------------------------------------------------
    def _menu(self, holding: QAction) -> QMenu | None:
        for act in self.window.menuBar().actions():
            menu = act.menu()
            if menu is not None and holding in menu.actions():
                return menu
        return None

    def _action(self, text: str, slot, shortcut: str | QKeySequence | None = None) -> QAction:  # noqa: ANN001
        act = QAction(text, self.window)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(lambda _=False: slot())
        self.window.addAction(act)
        return act

    def _build_actions(self) -> None:
        w = self.window
        self.act_undo = self._action(self.tr("&Undo"), self.undo)
        self.act_undo.setShortcuts(standard_keys(QKeySequence.StandardKey.Undo, "Ctrl+Z"))
        self.act_redo = self._action(self.tr("&Redo"), self.redo)
        self.act_redo.setShortcuts(standard_keys(QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y"))
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        self.stack.canUndoChanged.connect(self.act_undo.setEnabled)
        self.stack.canRedoChanged.connect(self.act_redo.setEnabled)
        self.stack.undoTextChanged.connect(self._undo_texts)
        self.stack.redoTextChanged.connect(self._undo_texts)
        self.act_tags = self._action(self.tr("&Tags…"), self.open_tag_manager)
        self.act_prefs = self._action(self.tr("&Preferences…"), self.open_preferences, QKeySequence.StandardKey.Preferences)
        self.act_prefs.setMenuRole(QAction.MenuRole.PreferencesRole)
        edit = self._menu(w.act_copy)
        if edit is not None:
            first = edit.actions()[0] if edit.actions() else None
            edit.insertAction(first, self.act_undo)
            edit.insertAction(first, self.act_redo)
            edit.insertSeparator(first)
            edit.addSeparator()
            edit.addAction(self.act_tags)
            edit.addAction(self.act_prefs)
        self.tag_actions = []
        for key in "123456789":
            self.tag_actions.append(self._action(self.tr("Tag %1").replace("%1", key),
                                                 lambda k=key: self.tag_key(k), key))
        self.act_plain = self._action(self.tr("&Highlight"), self.highlight_plain, "H")
        self.act_note = self._action(self.tr("Write &Note"), self.write_note, "N")
        self.act_delete = self._action(self.tr("&Delete Annotation"), self.delete_selected,
                                       QKeySequence(QKeySequence.StandardKey.Delete))
        self.act_next = self._action(self.tr("&Next Annotation"), lambda: self.step(1), "]")
        self.act_prev = self._action(self.tr("&Previous Annotation"), lambda: self.step(-1), "[")
        bar = w.menuBar()
        last = bar.actions()[-1] if bar.actions() else None  # Help stays the last menu
        menu = QMenu(self.tr("&Annotate"), bar)
        if last is not None:
            bar.insertMenu(last, menu)
        else:
            bar.addMenu(menu)
        for act in (self.act_plain, self.act_note, self.act_delete, self.act_next, self.act_prev):
            menu.addAction(act)
        menu.addSeparator()
        toggle = self.dock.toggleViewAction()
        toggle.setText(self.tr("Annotations &Panel"))
        menu.addAction(toggle)
        self.menu = menu

    def _connect(self) -> None:
        v = self.view
        v.add_context_menu_provider(self.menus.build)
        self.pointer.connect_view()
        v.wordClicked.connect(self._clicked)
        v.verticalScrollBar().valueChanged.connect(lambda _v: self.toolbar.hide())
        self.hub.articleChanged.connect(self.load)
        self.hub.annotationsChanged.connect(self._annotations_changed)
        self.hub.settingsChanged.connect(self._settings_changed)
        self.panel.annotationActivated.connect(lambda aid: self.select(aid, jump=True))
        self.panel.searchRequested.connect(self.search)
        self.panel.searchResultActivated.connect(self.open_result)
        self.panel.filtersChanged.connect(self._filters_changed)
        self.note_editor.noteEdited.connect(self.save_note)
        self.note_editor.burstEnded.connect(self._end_burst)

    # ---- loading and refreshing -----------------------------------------------------------------
    def load(self, article_id: int) -> None:
        """The window opened an article: show its annotations."""
        self.note_editor.flush()
        self.toolbar.hide()
        self.article_id = article_id
        self.text = "\n".join(p.text for p in self.view.paragraphs)
        self.selected = None
        self.refresh()  # everything, tags too (their Chinese names follow the article's script)
        self.note_editor.set_annotation(None)

    def reload_tags(self) -> None:
        self.tag_list = self.tags.all()
        self.panel.tag_script = self.tag_script
        self.panel.set_tags(self.tag_list)
        self.pointer.tags_changed()

    @property
    def script(self) -> str:
        return self.window.options.script

    @property
    def tag_script(self) -> str:
        """The script for Chinese tag names: the displayed one ('original' means the article's own)."""
        script = self.window.options.script
        if script == "original" and self.window.article is not None and self.window.article.script == "traditional":
            return "traditional"
        return script

    @property
    def reading_style(self) -> str:
        style = self.window.options.pinyin
        return style if style != "none" else "marks"

    def refresh(self, hint: Changed | None = None) -> None:
        """Show the stored state: everything (hint None), or just the few annotations an edit changed."""
        if self.article_id is None:
            return
        if hint is not None and 0 < len(hint.annotations) <= TARGETED_MAX and hint.articles <= {self.article_id} \
                and (hint.articles or not hint.tags) and self._refresh_some(hint.annotations):
            return
        if hint is None or hint.tags:
            self.reload_tags()
        try:
            items = self.anns.list_for_article(self.article_id)
        except ReaderError:
            items = []
        self._show(items)

    def _annotations_changed(self, article_id: int, change: Change) -> None:
        if change.initiator is not self and article_id == self.article_id:  # its own edits are shown already
            self.refresh(change.changed)

    def _settings_changed(self, key: str, _initiator: object) -> None:
        if key == "display" and self.article_id is not None:
            self.reload_tags()
            self.panel.set_annotations(self.items, self.script, self.reading_style, self.tag_script)
            self._sync_selected()

    def _filters_changed(self) -> None:
        self.panel.select_annotation(self.selected)

    # ---- the undo stack -------------------------------------------------------------------------
    def notify(self, changed: Changed, article_id: int | None = None) -> None:
        """After a change, an undo or a redo: show it here, then tell every other view through the hub."""
        articles = set(changed.articles) | ({article_id} if article_id is not None else set())
        if not articles and self.article_id is not None:  # tag edits: the open article's colours and chips
            articles = {self.article_id}
        for aid in sorted(articles):
            if aid == self.article_id:
                self.refresh(changed)
            self.hub.annotations_changed(aid, changed, initiator=self)

    def push(self, edit, article_id: int | None = None, text: str | None = None) -> None:  # noqa: ANN001 - Edit
        """Put an applied Edit on the undo stack and show its result."""
        if edit.noop:
            return
        self._end_burst()
        self.stack.push(EditCommand(edit, self.notify, article_id, text))
        self.notify(edit.changed, article_id)

    def undo(self) -> None:
        self.note_editor.flush()
        self._end_burst()
        self.stack.undo()

    def redo(self) -> None:
        self.note_editor.flush()
        self._end_burst()
        self.stack.redo()

    def _end_burst(self) -> None:
        self._burst += 1

    def _run(self, fn, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        """Run a core operation; a user error becomes a status-bar message instead of a traceback."""
        try:
            return fn(*args, **kwargs)
        except ReaderError as exc:
            self.message(str(exc))
            return None

    def message(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 5000)

    # ---- creating, tagging, deleting ------------------------------------------------------------
    def selected_span(self) -> tuple[int, int] | None:
        """The view's selection without whitespace at its edges; None when nothing (new) is selected."""
        s, e = self.view.selection()
        while s < e and self.text[s:s + 1].isspace():
            s += 1
        while e > s and self.text[e - 1:e].isspace():
            e -= 1
        if s >= e:
            return None
        ann = self.by_id.get(self.selected) if self.selected is not None else None
        if ann is not None and (ann.start, ann.end) == (s, e):
            return None  # the selection is the selected annotation itself (a jump selected it)
        return s, e

    def create(self, tags: list[int] | None = None, color: str | None = None, focus_note: bool = False) -> Annotation | None:
        span = self.selected_span()
        if span is None or self.article_id is None:
            self.message(self.tr("Select some text first."))
            return None
        if not all(ask(self.article_id) for ask in self.before_create):
            return None
        edit = self._run(self.anns.create, self.article_id, span[0], span[1], tags=tags or (), color=color)
        if edit is None:
            return None
        self.toolbar.hide()
        self.push(edit, self.article_id)
        self.programmatic = True
        self.view.set_selection(span[1], span[1])
        self.programmatic = False
        self.select(edit.annotation.id)
        if focus_note:
            self.note_editor.edit.setFocus()
        return edit.annotation

    def highlight_plain(self) -> None:
        self.create()

    def write_note(self) -> None:
        """N: write the note of the selected highlight, or highlight the selected text and write its note.

        The cursor goes to the note editor (the panel is shown if hidden); Esc there returns to the text.
        """
        if self.selected_span() is not None:
            if self.create(focus_note=True) is not None:
                self.dock.show()
            return
        if self.target() is None:
            self.message(self.tr("Select text first, or click a highlight."))
            return
        self.dock.show()
        self.dock.raise_()
        self.note_editor.edit.setFocus()

    def tag_key(self, key: str) -> None:
        """A tag's key: tag a new selection, or toggle the tag on the selected annotation; with neither,
        the key goes to `untargeted_keys` (1–5 set the status of the word under the pointer)."""
        if self.selected_span() is None and self.target() is None and any(f(key) for f in self.untargeted_keys):
            return
        tag = next((t for t in self.tag_list if t.shortcut == key), None)
        if tag is None:
            self.message(self.tr("No tag has the key %1 (Edit → Tags…).").replace("%1", key))
            return
        target = self.target()
        if self.selected_span() is not None:
            self.create([tag.id])
        elif target is not None:
            self.toggle_tag(target, tag.id)
        else:
            self.message(self.tr("Select text first, or click a highlight."))

    def toggle_tag(self, annotation_id: int, tag_id: int) -> None:
        ann = self.by_id.get(annotation_id)
        if ann is None or ann.kind != "highlight":
            return
        has = any(t.id == tag_id for t in ann.tags)
        edit = self._run(self.anns.remove_tag if has else self.anns.add_tag, annotation_id, tag_id)
        if edit is not None:
            self.push(edit, ann.article_id)

    def set_colour(self, annotation_id: int, colour: str | None) -> None:
        ann = self.by_id.get(annotation_id)
        if ann is None:
            return
        edit = self._run(self.anns.set_color, annotation_id, colour)
        if edit is not None:
            self.push(edit, ann.article_id)

    def delete_selected(self) -> None:
        target = self.target()
        if target is None:
            self.message(self.tr("Select a highlight first (click it)."))
            return
        self.delete(target)

    def delete(self, annotation_id: int) -> None:
        ann = self.by_id.get(annotation_id)
        edit = self._run(self.anns.delete, annotation_id)
        if edit is not None:
            if self.selected == annotation_id:
                self.select(None)
            self.push(edit, ann.article_id if ann else self.article_id)

    def save_note(self, annotation_id: int, text: str) -> None:
        ann = self.by_id.get(annotation_id)
        edit = self._run(self.anns.update_note, annotation_id, text)
        if edit is None or edit.noop:
            return
        now = time.monotonic()
        if now - self._last_note > BURST_GAP_S:
            self._end_burst()
        self._last_note = now
        article_id = ann.article_id if ann else self.article_id
        self.stack.push(NoteCommand(edit, annotation_id, self._burst, self.notify, article_id))
        self.notify(edit.changed, article_id)

    # ---- selecting and navigating ---------------------------------------------------------------
    def select(self, annotation_id: int | None, *, jump: bool = False) -> None:
        """Make an annotation the selected one (panel row, note editor, outline); `jump` scrolls to it."""
        ann = self.by_id.get(annotation_id) if annotation_id is not None else None
        if annotation_id is not None and ann is None:
            try:
                ann = self.anns.get(annotation_id)
            except ReaderError:
                ann = None
        self.selected = ann.id if ann is not None else None
        if ann is None:
            self.note_editor.set_annotation(None)
        self._sync_selected()
        if jump and ann is not None and not ann.orphaned and ann.article_id == self.article_id:
            rect = self.view.glyph_rect(ann.start)
            if rect is None or rect.top() < 0 or rect.bottom() > self.view.viewport().height():
                self.view.scroll_to_offset(ann.start, margin=self.view.viewport().height() / 4)
            self.programmatic = True
            self.view.set_selection(ann.start, ann.end)
            self.programmatic = False
            self.toolbar.hide()
            self.overlay.update()

    def step(self, direction: int) -> None:
        """] and [: the next or previous annotation listed in the panel (after the selected one or the view's top)."""
        anns = self.panel.visible_annotations()
        if not anns:
            self.message(self.tr("No annotations here."))
            return
        cur = self.by_id.get(self.selected) if self.selected is not None else None
        if cur is not None and not cur.orphaned:
            key = (cur.start, cur.end, cur.id)
        else:
            top = self.view.selection()[0] if self.view.selection()[0] < self.view.selection()[1] else self.view.top_offset()
            key = (top, -1, -1) if direction > 0 else (top, 10**12, 10**12)
        keys = [(a.start, a.end, a.id) for a in anns]
        if direction > 0:
            nxt = next((a for a, k in zip(anns, keys, strict=True) if k > key), anns[0])
        else:
            nxt = next((a for a, k in zip(reversed(anns), reversed(keys), strict=True) if k < key), anns[-1])
        self.select(nxt.id, jump=True)
        self.view.setFocus()

    def open_result(self, article_id: int, annotation_id: int) -> None:
        """A search result: open its article (if another) and jump to it."""
        if self.window.article is None or self.window.article.id != article_id:
            self.window.open_article(article_id)
        self.select(annotation_id, jump=True)

    def search(self, query: str) -> None:
        if not query:
            self.panel.leave_search()
            self.panel.select_annotation(self.selected)
            return
        results = self._run(self.anns.search, query) or []
        titles = {a.id: convert_text(a.title, self.script) for a in self.lib.list_articles()}
        self.panel.show_search_results(results, titles)
        self.panel.select_annotation(self.selected)

    # ---- the view's signals ---------------------------------------------------------------------
    def annotations_at(self, offset: int) -> list[int]:
        """Ids of this article's highlights covering a canonical offset, innermost first."""
        return [k for k in self.view.highlight_at(offset) if isinstance(k, int) and k in self.by_id]

    def _clicked(self, offset: int) -> None:
        keys = self.annotations_at(offset)
        if not keys:
            if self.selected is not None:
                self.select(None)
            return
        # clicking again where highlights overlap steps from the innermost outwards
        nxt = keys[(keys.index(self.selected) + 1) % len(keys)] if self.selected in keys else keys[0]
        self.select(nxt)

    def fix_reading(self, offset: int, reading: str) -> None:
        if self.article_id is None:
            return
        edit = self._run(set_fix, self.lib, self.article_id, offset, reading)
        if edit is not None:
            self.push(edit, self.article_id)

    def restore_reading(self, offset: int) -> None:
        if self.article_id is None:
            return
        edit = self._run(remove_fix, self.lib, self.article_id, offset)
        if edit is not None:
            self.push(edit, self.article_id)

    # ---- dialogs --------------------------------------------------------------------------------
    def open_tag_manager(self) -> None:
        from reader.gui.tag_manager import TagManagerDialog  # ~3 ms, paid when the dialog opens, not at start-up

        dialog = TagManagerDialog(self, self.window)
        dialog.exec()
        dialog.deleteLater()

    def open_preferences(self) -> None:
        dialog = PreferencesDialog(self.lib, self.window)
        if dialog.exec():
            self.refresh()
        dialog.deleteLater()


def install(window: AnnotationWindow, popup_rect: Callable[[], QRectF | None] = lambda: None) -> AnnotationController:
    """Add annotating to a window; `popup_rect` says where a popup the selection toolbar avoids is
    (reader.gui.annotation_pointer)."""
    return AnnotationController(window, popup_rect)
