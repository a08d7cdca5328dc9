"""Annotation menus and tooltips (gui layer): what right-clicking and hovering in the reading view offer.

`AnnotationMenus(controller).build(menu, offset)` is the reading view's context-menu provider: highlight
the selection (plain, with a note, with a tag, in a colour); on a highlight, its tags, colour, note and
deletion, and "Confirm position" for one re-anchored without certainty (status `moved`; the annotation
panel's menu and bar ask for the same through `confirm`); on a Chinese character, its other readings (CC-CEDICT and pypinyin), a reading fix, and going
back to the automatic reading. `tooltip_html(offset)` is what hovering shows.
"""
from __future__ import annotations

import html
from bisect import bisect_right

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QColorDialog, QMenu

from reader.core.annotations import Annotation
from reader.core.dictionary import Dictionary
from reader.core.pipeline.readings import is_han, render
from reader.core.pipeline.script import convert_text
from reader.gui.panels.annotation_panel import annotation_colour, tag_label
from reader.gui.panels.moved_bar import moved_text
from reader.gui.panels.note_editor import first_lines

PRESET_COLOURS = ("#f2c94c", "#7bc96f", "#6fa8dc", "#f4a261", "#e58fb5")


def colour_icon(colour: str, size: int = 12) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(QColor(colour))
    return QIcon(pix)


class AnnotationMenus(QObject):
    """Context menu entries and hover text for one annotation controller."""

    def __init__(self, controller) -> None:  # noqa: ANN001 - AnnotationController
        super().__init__(controller)
        self.c = controller
        self._dictionary = None
        controller.panel.confirmRequested.connect(self.confirm)

    def presets(self) -> list[tuple[str, str]]:
        """The colours offered for a highlight, with their names."""
        names = (self.tr("Yellow"), self.tr("Green"), self.tr("Blue"), self.tr("Orange"), self.tr("Pink"))
        return list(zip(PRESET_COLOURS, names, strict=True))

    def tooltip_html(self, offset: int) -> str:
        """What hovering over a character shows: the highlights there (tags, note's first lines) and a fixed reading."""
        parts = []
        for key in self.c.annotations_at(offset)[:3]:
            ann = self.c.by_id.get(key)
            if ann is None:
                continue
            tags = ", ".join(html.escape(tag_label(t, self.c.tag_script)) for t in ann.tags) or html.escape(self.tr("Highlight"))
            block = f"<b>{tags}</b>"
            note = first_lines(ann.note, 3)
            if note:
                block += "<br>" + html.escape(note).replace("\n", "<br>")
            if ann.moved:
                block += "<br><i>" + html.escape(moved_text()) + "</i>"
            parts.append(block)
        if offset in self.c.fixes:
            shown = render(self.c.fixes[offset], self.c.reading_style) or self.c.fixes[offset]
            parts.append(html.escape(self.tr("Reading chosen by a reader: %1").replace("%1", shown)))
        return "<hr>".join(parts)

    # ---- the context menu -----------------------------------------------------------------------
    def build(self, menu: QMenu, offset: int) -> None:
        menu.addSeparator()
        if self.c.selected_span() is not None:
            sub = menu.addMenu(self.tr("Highlight"))
            sub.addAction(self.tr("Highlight") + "\tH", self.c.highlight_plain)
            sub.addAction(self.tr("Highlight with a note…"), lambda: self.c.create(focus_note=True))
            sub.addSeparator()
            for t in self.c.tag_list:
                label = tag_label(t, self.c.tag_script) + (f"\t{t.shortcut}" if t.shortcut else "")
                sub.addAction(colour_icon(t.color), label, lambda tid=t.id: self.c.create([tid]))
            sub.addSeparator()
            colours = sub.addMenu(self.tr("Colour"))
            for value, name in self.presets():
                colours.addAction(colour_icon(value), name, lambda col=value: self.c.create(color=col))
        keys = self.c.annotations_at(offset)
        ann = self.c.by_id.get(keys[0]) if keys else None
        if ann is not None:
            self._annotation_menu(menu, ann)
        self._reading_menu(menu, offset)

    def confirm(self, annotation_id: int) -> None:
        """The reader checked a moved highlight's place: it becomes anchored (one undo step)."""
        edit = self.c._run(self.c.anns.confirm, annotation_id)
        if edit is not None:
            self.c.push(edit, edit.annotation.article_id)

    def _annotation_menu(self, menu: QMenu, ann: Annotation) -> None:
        if ann.moved:
            menu.addAction(self.tr("Confirm position"), lambda aid=ann.id: self.confirm(aid))
        tags = menu.addMenu(self.tr("Tags of this highlight"))
        have = {t.id for t in ann.tags}
        for t in self.c.tag_list:
            act = tags.addAction(colour_icon(t.color), tag_label(t, self.c.tag_script),
                                 lambda tid=t.id, aid=ann.id: self.c.toggle_tag(aid, tid))
            act.setCheckable(True)
            act.setChecked(t.id in have)
        colours = menu.addMenu(self.tr("Colour of this highlight"))
        act = colours.addAction(self.tr("The first tag's colour"), lambda aid=ann.id: self.c.set_colour(aid, None))
        act.setCheckable(True)
        act.setChecked(ann.color is None)
        for value, name in self.presets():
            act = colours.addAction(colour_icon(value), name, lambda col=value, aid=ann.id: self.c.set_colour(aid, col))
            act.setCheckable(True)
            act.setChecked(ann.color == value)
        colours.addAction(self.tr("Other…"), lambda aid=ann.id: self._pick_colour(aid))
        menu.addAction(self.tr("Edit note"), lambda aid=ann.id: (self.c.select(aid), self.c.note_editor.edit.setFocus()))
        menu.addAction(self.tr("Delete highlight"), lambda aid=ann.id: self.c.delete(aid))

    def _pick_colour(self, annotation_id: int) -> None:
        ann = self.c.by_id.get(annotation_id)
        start = QColor(annotation_colour(ann)) if ann else QColor("#f2c94c")
        colour = QColorDialog.getColor(start, self.c.window, self.tr("Highlight colour"))
        if colour.isValid():
            self.c.set_colour(annotation_id, colour.name())

    # ---- reading fixes --------------------------------------------------------------------------
    def current_reading(self, offset: int) -> str | None:
        """The reading the view shows for the character at a canonical offset (fixes included)."""
        pars = self.c.view.paragraphs
        idx = max(0, bisect_right([p.start for p in pars], offset) - 1)
        for tok in self.c.view.doc.tokens.get(idx, []):
            if tok.start <= offset < tok.end:
                return tok.readings[offset - tok.start]
        return None

    def readings_of(self, char: str) -> list[str]:
        """Possible readings of a character: the dictionary's, then pypinyin's heteronyms."""
        out: list[str] = []
        forms = dict.fromkeys([char, convert_text(char, "simplified"), convert_text(char, "traditional")])
        try:
            if self._dictionary is None:
                self._dictionary = Dictionary.open_default()
            for form in forms:
                out += [r for r in self._dictionary.readings_of(form) if r not in out]
        except Exception:  # noqa: BLE001 - no dictionary: pypinyin still knows the readings
            pass
        from pypinyin import Style, pinyin

        for r in pinyin(char, heteronym=True, style=Style.TONE3, neutral_tone_with_five=True)[0]:
            r = r.replace("ü", "v")
            if r and r[-1].isdigit() and r not in out:
                out.append(r)
        return out

    def _reading_menu(self, menu: QMenu, offset: int) -> None:
        if not 0 <= offset < len(self.c.text) or not is_han(self.c.text[offset]) or self.c.article_id is None:
            return
        char = self.c.text[offset]
        current = self.current_reading(offset)
        options = self.readings_of(char)
        if current and current not in options:
            options.insert(0, current)
        shown_char = convert_text(char, self.c.script)
        sub = menu.addMenu(self.tr("Reading of %1").replace("%1", shown_char))
        for r in options:
            act = sub.addAction(render(r, self.c.reading_style) or r, lambda rr=r: self.c.fix_reading(offset, rr))
            act.setCheckable(True)
            act.setChecked(r == current)
        sub.addSeparator()
        act = sub.addAction(self.tr("Restore automatic reading"), lambda: self.c.restore_reading(offset))
        act.setEnabled(offset in self.c.fixes)

