"""Terms and splits in the reader (gui layer): "Make One Term" on a selection, "Split Word…" on a word.

Both are offered in the reading view's context menu; File → Export Terms… / Import Terms… carry them to
another library (the JSON of `terms export`). Each change is one step on the window's undo stack. After a
change, its undo or redo — or a change made by another program — the open article's paragraphs whose
readings were dropped are read again and redrawn (reader.core.terms decides which).
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMenuBar,
    QStatusBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core import terms
from reader.core.edits import Edit
from reader.core.errors import ReaderError
from reader.core.library import Changed, Library
from reader.core.pipeline.script import convert_text
from reader.core.reading_fixes import apply_fixes, fixes_for
from reader.core.text import ArticleInfo, Paragraph, Token
from reader.gui import file_dialogs
from reader.gui.commands import EditCommand
from reader.gui.plurals import plural
from reader.gui.reading_view import ReadingView
from reader.gui.signals import SignalHub

SYNC_CHARS = 20_000  # up to this many characters are read again at once; more in the background


class TermsWindow(Protocol):
    lib: Library
    view: ReadingView
    hub: SignalHub
    article: ArticleInfo | None
    undo_stack: QUndoStack
    act_import: QAction  # File → Import…: the terms' entries follow it

    @property
    def options(self):  # noqa: ANN201 - DisplayOptions
        ...

    def statusBar(self) -> QStatusBar: ...
    def menuBar(self) -> QMenuBar: ...
    def error(self, title: str, message: str) -> None: ...
    def _compute_tokens(self, revision_id: int, missing: list, offset: int) -> None: ...


class SplitDialog(QDialog):
    """Choose where to cut a word: its characters with a toggle between each two."""

    def __init__(self, word: str, shown: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.word = word
        self.setWindowTitle(self.tr("Split Word"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Click between two characters to cut the word there:"), self))
        row = QHBoxLayout()
        self.cuts: list[QToolButton] = []
        chars = shown if len(shown) == len(word) else word
        for k, ch in enumerate(chars):
            label = QLabel(ch, self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            font = label.font()
            font.setPointSizeF(font.pointSizeF() * 2)
            label.setFont(font)
            row.addWidget(label)
            if k < len(chars) - 1:
                cut = QToolButton(self)
                cut.setCheckable(True)
                cut.setText("·")
                cut.setToolTip(self.tr("Cut here"))
                cut.setObjectName(f"cut{k + 1}")
                cut.toggled.connect(self._update)
                self.cuts.append(cut)
                row.addWidget(cut)
        row.addStretch(1)
        layout.addLayout(row)
        self.preview = QLabel(self)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.preview)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._chars = chars
        if len(self.cuts) == 1:
            self.cuts[0].setChecked(True)
        self._update()

    def positions(self) -> list[int]:
        """The chosen cuts: positions in the word (1 = after its first character)."""
        return [k + 1 for k, cut in enumerate(self.cuts) if cut.isChecked()]

    def _update(self) -> None:
        for cut in self.cuts:
            cut.setText("|" if cut.isChecked() else "·")
        bounds = [0, *self.positions(), len(self._chars)]
        self.preview.setText(" | ".join(self._chars[a:b] for a, b in zip(bounds, bounds[1:], strict=False)))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(bool(self.positions()))


class TermsController(QObject):
    """The context-menu entries for terms and splits, their undo steps, and redrawing what they change."""

    def __init__(self, window: TermsWindow) -> None:
        super().__init__(window)  # type: ignore[arg-type] - the window is a QObject
        self.window = window
        self.lib = window.lib
        self._stamp = self._read_stamp()
        window.view.add_context_menu_provider(self.build)
        window.hub.articlesChanged.connect(self._library_changed)
        self.act_export = QAction(self.tr("Export Terms…"), self)
        self.act_export.setToolTip(self.tr("Write your terms and word splits to a file another library can import"))
        self.act_export.triggered.connect(self.export_terms)
        self.act_import_terms = QAction(self.tr("Import Terms…"), self)
        self.act_import_terms.setToolTip(self.tr("Add the terms and word splits of a file exported from a library"))
        self.act_import_terms.triggered.connect(self.import_terms)
        self._place_file_actions()

    def _place_file_actions(self) -> None:
        """Put Export Terms… and Import Terms… in the File menu, after Import…."""
        for bar_action in self.window.menuBar().actions():
            menu = bar_action.menu()
            if menu is None or self.window.act_import not in menu.actions():
                continue
            actions = menu.actions()
            at = actions.index(self.window.act_import) + 1
            before = actions[at] if at < len(actions) else None
            menu.insertActions(before, [self.act_export, self.act_import_terms])  # type: ignore[arg-type]
            return

    # ---- what is under the pointer or selected --------------------------------------------------
    def _paragraph(self, offset: int) -> tuple[int, Paragraph] | None:
        pars = self.window.view.paragraphs
        if not pars:
            return None
        idx = max(0, bisect_right([p.start for p in pars], offset) - 1)
        return idx, pars[idx]

    def token_at(self, offset: int) -> Token | None:
        found = self._paragraph(offset)
        if found is None:
            return None
        for tok in self.window.view.doc.tokens.get(found[0], []):
            if tok.start <= offset < tok.end:
                return tok
        return None

    def selected_term(self) -> str | None:
        """The selected characters when they could make a term: in one paragraph, several words, no spaces."""
        start, end = self.window.view.selection()
        found = self._paragraph(start)
        if found is None or end - start < 2:
            return None
        idx, par = found
        if end > par.end:
            return None
        text = par.text[start - par.start : end - par.start].strip()
        if len(text) != end - start or any(ch.isspace() for ch in text) or len(text) > terms.MAX_LENGTH:
            return None
        words = [t for t in self.window.view.doc.tokens.get(idx, []) if t.start < end and t.end > start]
        if len(words) == 1 and (words[0].start, words[0].end) == (start, end):
            return None  # already one word
        return text

    def _shown(self, text: str) -> str:
        script = self.window.options.script
        shown = convert_text(text, script) if script != "original" else text
        return shown if len(shown) == len(text) else text

    # ---- the context menu -----------------------------------------------------------------------
    def build(self, menu: QMenu, offset: int) -> None:
        if self.window.article is None:
            return
        entries = []
        term = self.selected_term()
        if term is not None:
            entries.append((self.tr("Make “%1” One Term").replace("%1", self._shown(term)),
                            lambda t=term: self.make_term(t)))
        tok = self.token_at(offset)
        if tok is not None and len(tok.text) >= 2 and tok.is_han and term is None:
            entries.append((self.tr("Split “%1”…").replace("%1", self._shown(tok.text)),
                            lambda t=tok.text: self.split_word(t)))
        if tok is not None and len(tok.text) >= 2:
            stored = terms.find(self.lib, tok.text)
            if isinstance(stored, terms.Term):
                entries.append((self.tr("Forget the Term “%1”").replace("%1", self._shown(tok.text)),
                                lambda t=tok.text: self.forget(t)))
        if not entries:
            return
        menu.addSeparator()
        for text, slot in entries:
            menu.addAction(text, slot)

    # ---- the edits ------------------------------------------------------------------------------
    def make_term(self, text: str) -> None:
        shown = self._shown(text)
        self._apply(lambda: terms.add_term(self.lib, text), self.tr("make %1 one term").replace("%1", shown),
                    self.tr("“%1” is one word in every article now").replace("%1", shown))

    def split_word(self, word: str, cuts: list[int] | None = None) -> None:
        """Ask where to cut `word` (unless `cuts` are given), then split it in every article."""
        shown = self._shown(word)
        if cuts is None:
            dialog = SplitDialog(word, shown, self.window)  # type: ignore[arg-type] - the window is a QWidget
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            cuts = dialog.positions()
        try:
            parts = terms.split_at(word, cuts)
        except ReaderError as exc:
            self.window.statusBar().showMessage(str(exc), 5000)
            return
        joined = " | ".join(self._shown(p) for p in parts)
        self._apply(lambda: terms.add_split(self.lib, word, parts), self.tr("split %1").replace("%1", shown),
                    self.tr("“%1” is cut into %2 in every article now").replace("%1", shown).replace("%2", joined))

    def forget(self, text: str) -> None:
        shown = self._shown(text)
        self._apply(lambda: terms.delete(self.lib, text), self.tr("forget the term %1").replace("%1", shown),
                    self.tr("“%1” is segmented as usual again").replace("%1", shown))

    def _apply(self, operation, undo_text: str, message: str) -> None:  # noqa: ANN001 - () -> Edit
        article = self.window.article
        try:
            edit: Edit = operation()
        except ReaderError as exc:
            self.window.error(self.tr("Cannot change the words"), str(exc))
            return
        self.window.statusBar().showMessage(message, 5000)
        if edit.noop:
            return
        self.window.undo_stack.push(EditCommand(edit, self._changed, article.id if article else None, text=undo_text))
        self._changed(edit.changed)

    # ---- the file -------------------------------------------------------------------------------
    def export_terms(self) -> None:
        path, _ = file_dialogs.save_file_name(self.window, self.tr("Export Terms"), "terms.json",  # type: ignore[arg-type]
                                              self.tr("Terms (*.json)"))
        if not path:
            return
        try:
            n_terms, n_splits = terms.write_export(self.lib, path)
        except (ReaderError, OSError) as exc:
            self.window.error(self.tr("Cannot export the terms"), str(exc))
            return
        counts = plural(n_terms, self.tr("1 term"), self.tr("%n terms")) + ", " + \
            plural(n_splits, self.tr("1 split"), self.tr("%n splits"))
        self.window.statusBar().showMessage(self.tr("Wrote %1 (%2)").replace("%1", path).replace("%2", counts), 5000)

    def import_terms(self) -> None:
        path = file_dialogs.open_file_name(self.window, self.tr("Import Terms"),  # type: ignore[arg-type]
                                           self.tr("Terms (*.json)"))
        if not path:
            return
        try:
            result = terms.import_file(self.lib, path)
        except ReaderError as exc:
            self.window.error(self.tr("Cannot import the terms"), str(exc))
            return
        self.window.statusBar().showMessage(self.tr("Terms: %1 added, %2 changed, %3 already so").replace(
            "%1", str(result.added)).replace("%2", str(result.changed)).replace("%3", str(result.unchanged)), 5000)
        if not result.edit.noop:
            article = self.window.article
            self.window.undo_stack.push(EditCommand(result.edit, self._changed, article.id if article else None,
                                                    text=self.tr("import terms")))
            self._changed(result.edit.changed)

    # ---- redrawing ------------------------------------------------------------------------------
    def _read_stamp(self) -> int | None:
        try:
            return self.lib.terms_stamp()
        except Exception:  # noqa: BLE001 - a busy library: look again at the next change
            return None

    def _changed(self, _changed: Changed, _article_id: int | None = None) -> None:
        """After an edit, its undo or redo: read the open article's dropped paragraphs again."""
        self._stamp = self._read_stamp()
        self.reload_readings()

    def _library_changed(self, initiator: object) -> None:
        """Another program may have changed the terms: if it did, redraw what it dropped."""
        if initiator is not None:
            return
        stamp = self._read_stamp()
        if stamp is not None and stamp != self._stamp:
            self._stamp = stamp
            self.reload_readings()

    def reload_readings(self) -> None:
        """Compute and show the readings of the open article's paragraphs drawn but no longer cached."""
        window = self.window
        info = window.article
        if info is None:
            return
        pars, shown = window.view.paragraphs, window.view.doc.tokens
        cached = self.lib.cached_paragraphs(info.revision_id)
        # Drawn with words that are no longer cached; those not drawn yet are the article's worker's to bring.
        missing = [p for p in pars if p.index in shown and p.index not in cached and p.text.strip()]
        if not missing:
            return
        if sum(len(p.text) for p in missing) > SYNC_CHARS and self.lib.path is not None:
            window._compute_tokens(info.revision_id, missing, window.view.top_offset())
            return
        try:
            tokens = self.lib.tokens(info.revision_id, missing)
        except ReaderError as exc:
            window.statusBar().showMessage(str(exc), 5000)
            return
        window.view.update_tokens(apply_fixes(tokens, fixes_for(self.lib, info.id)))


def install(window: TermsWindow) -> TermsController:
    return TermsController(window)
