"""What the annotation controller shows (gui layer): highlights, reading fixes, panel rows, the selection.

`ShownAnnotations` is a mixin of AnnotationController (reader.gui.annotate): it draws a list of annotations
into the reading view and the panel, refreshes just the few an edit changed, keeps the note editor and the
outline on the selected one, and says whether a key may act on it (`target`: only when visibly selected).
"""
from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from reader.core.annotations import Annotation
from reader.core.errors import ReaderError
from reader.core.pipeline.script import convert_text
from reader.core.reading_fixes import apply_fixes
from reader.gui.panels.annotation_panel import annotation_colour


class ShownAnnotations:
    """The showing half of AnnotationController (its attributes: view, panel, overlay, note_editor, by_id …)."""

    def _refresh_some(self, ids: frozenset[int]) -> bool:
        """Re-read only these annotations (an edit, undo or redo of one); False if a full refresh is needed."""
        fresh: dict[int, Annotation | None] = {}
        for i in ids:
            try:
                ann = self.anns.get(i)
            except ReaderError:
                ann = None
            fresh[i] = ann if ann is not None and ann.article_id == self.article_id else None
        if all(i in self.by_id and a is not None and _same_place(self.by_id[i], a) for i, a in fresh.items()):
            for ann in fresh.values():  # notes only: update rows in place
                assert ann is not None
                self.by_id[ann.id] = ann
                self.items = [ann if x.id == ann.id else x for x in self.items]
                self.panel.update_annotation(ann)
            self._sync_selected()
            return True
        by_id = dict(self.by_id)
        for i, ann in fresh.items():
            if ann is None:
                by_id.pop(i, None)
            else:
                by_id[i] = ann
        self._show(sorted(by_id.values(), key=lambda a: (a.orphaned, a.start, a.end, a.id)))
        return True

    def _show(self, items: list[Annotation]) -> None:
        """Draw the highlights and reading fixes of `items` and list them in the panel."""
        self.items = items
        self.by_id = {a.id: a for a in items}
        colours: dict[str, QColor] = {}  # one QColor per colour, shared by its highlights
        highlights = []
        readings = []
        for a in items:
            if a.orphaned:
                continue
            if a.kind == "highlight":
                c = annotation_colour(a)
                colour = colours.get(c)
                if colour is None:
                    colour = colours[c] = QColor(c)
                highlights.append((a.start, a.end, colour, a.id))
            elif a.kind == "reading":
                readings.append(a)
        self.view.set_highlights(highlights)
        readings.sort(key=lambda a: a.id)
        self._update_fixes({a.start: str(a.reading) for a in readings if a.reading and a.end == a.start + 1})
        authors = sorted({a.author for a in items} | {self.lib.reader_name})
        self.panel.set_authors(authors)
        self.panel.set_annotations(self.items, self.script, self.reading_style, self.tag_script)
        if self.selected is not None and self.selected not in self.by_id:
            self.selected = None
            self.note_editor.set_annotation(None)
        self._sync_selected()

    def _sync_selected(self) -> None:
        ann = self.by_id.get(self.selected) if self.selected is not None else None
        if ann is None:
            self.overlay.selected = None
        else:
            if self.note_editor.annotation_id == ann.id:
                self.note_editor.set_note_text(ann.note)
            else:
                self.note_editor.set_annotation(ann.id, ann.note, convert_text(ann.exact, self.script))
            self.overlay.selected = (ann.start, ann.end, QColor(annotation_colour(ann))) \
                if ann.kind == "highlight" and not ann.orphaned else None
        if self.panel.selected_id() != self.selected:
            self.panel.select_annotation(self.selected)
        self.overlay.update()

    def _update_fixes(self, fixes: dict[int, str]) -> None:
        """Reading fixes changed: redraw the readings of the paragraphs they are in."""
        old = self.fixes
        self.fixes = fixes
        self.overlay.fixes = fixes
        moved = {o for o in old.keys() | fixes.keys() if old.get(o) != fixes.get(o)}
        if not moved or self.window.article is None:
            return
        pars = self.view.paragraphs
        starts = [p.start for p in pars]
        idxs = sorted({max(0, bisect_right(starts, o) - 1) for o in moved})
        cached = self.lib.cached_tokens(self.window.article.revision_id, [pars[i] for i in idxs if i < len(pars)])
        if cached:
            self.view.update_tokens(apply_fixes(cached, fixes))


    def target(self) -> int | None:
        """The selected annotation if the reader can see it is selected: outlined in the visible text, or its
        row current in the focused panel. Keys never act on one selected earlier and scrolled away."""
        ann = self.by_id.get(self.selected) if self.selected is not None else None
        if ann is None:
            return None
        if self.panel.isVisible() and self.panel.isAncestorOf(QApplication.focusWidget()) \
                and self.panel.selected_id() == ann.id:
            return ann.id
        if ann.orphaned or ann.kind != "highlight" or self.overlay.selected is None or not self.view.isVisible():
            return None
        area = QRectF(self.view.viewport().rect())
        for offset in range(ann.start, min(ann.end, ann.start + 2000)):
            rect = self.view.glyph_rect(offset)
            if rect is not None and area.intersects(rect):
                return ann.id
            if rect is not None and rect.top() > area.bottom():
                break
        return None



def _same_place(a: Annotation, b: Annotation) -> bool:
    """Nothing the view or the list order depends on changed (only the note or the time stamps)."""
    return (a.start, a.end, a.kind, a.status, a.color, a.reading, a.author, a.tags) == \
        (b.start, b.end, b.kind, b.status, b.color, b.reading, b.author, b.tags)


