"""Annotating in the reader: highlights by mouse and keys, the panel, undo/redo, scripts, reading fixes, restart."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from mouse import drag
from PySide6.QtCore import QRectF, Qt

from reader.core.annotations import Annotations
from reader.core.library import Library
from reader.core.reading_fixes import fixes_for
from reader.gui.annotation_toolbar import span_rects
from reader.gui.panels.annotation_panel import AnnotationRole

DISAGREE = "#e06666"


def click(qtbot, view, offset: int) -> None:  # noqa: ANN001
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.glyph_rect(offset).center().toPoint())


def span(window, quote: str, start: int = 0) -> tuple[int, int]:  # noqa: ANN001
    s = window.annotator.text.index(quote, start)
    return s, s + len(quote)


def key(qtbot, window, k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    window.view.setFocus()
    qtbot.keyClick(window.view, k, mods)


def stored(lib: Library, article: int = 1) -> list[tuple[int, int, list[str], str]]:
    return [(a.start, a.end, [t.name for t in a.tags], a.note)
            for a in Annotations(lib).list_for_article(article, kind="highlight")]


def shown(window) -> list[tuple[int, int, list[str], str]]:  # noqa: ANN001
    """What the screen shows: the view's highlights, checked against the panel's rows."""
    c = window.annotator
    drawn = [(s, e, k) for s, e, _colour, k in window.view._highlights]
    rows = [c.panel.model.annotation(r) for r in range(c.panel.model.rowCount())]
    rows = [a for a in rows if a is not None and a.kind == "highlight"]
    assert [(s, e) for s, e, _ in drawn] == [(a.start, a.end) for a in rows], "view and panel agree"
    assert [k for _, _, k in drawn] == [a.id for a in rows]
    return [(a.start, a.end, [t.name for t in a.tags], a.note) for a in rows]


def new_window(qtbot, db: Path):  # noqa: ANN001, ANN201
    from reader.gui.main_window import MainWindow

    lib = Library.open(db)
    win = MainWindow(lib)
    win.resize(1100, 760)
    win.view.smooth_scrolling = False
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win, lib


def save_shot(window, path: Path) -> None:  # noqa: ANN001
    """Write a screenshot (also to $READER_TEST_SCREENSHOTS when set, to look at)."""
    assert window.grab().save(str(path), "PNG")
    folder = os.environ.get("READER_TEST_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(folder) / path.name)


def test_drag_key_note_undo_redo_and_the_database_holds_what_the_screen_shows(window, qtbot, seeded_db) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    c, view = window.annotator, window.view
    s, e = span(window, "我不在乎聯合國,聯合國的意見無關緊要")
    view.scroll_to_offset(s)  # the whole passage on screen, as a reader would drag it
    drag(qtbot, view, s, e)
    assert view.selection() == (s, e)
    key(qtbot, window, Qt.Key.Key_2)
    assert stored(window.lib) == [(s, e, ["Disagree"], "")]
    assert view._highlights[0][2].name() == DISAGREE
    assert c.selected == view._highlights[0][3], "the new highlight is selected"
    c.note_editor.edit.setFocus()
    qtbot.keyClicks(c.note_editor.edit, "Dismissive. ")
    qtbot.keyClicks(c.note_editor.edit, "Loaded language.")
    qtbot.waitUntil(lambda: stored(window.lib)[0][3] == "Dismissive. Loaded language.", timeout=3000)
    assert shown(window) == stored(window.lib)
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window.lib) == [(s, e, ["Disagree"], "")], "the whole typing burst is one step"
    assert c.note_editor.text() == ""
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window.lib) == [] and shown(window) == []
    assert c.note_editor.annotation_id is None
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored(window.lib) == [(s, e, ["Disagree"], "")]
    assert shown(window) == stored(window.lib)
    assert c.act_redo.isEnabled() and c.act_undo.isEnabled()

    window.close()
    again, lib = new_window(qtbot, seeded_db)
    try:
        assert again.article.id == 1
        assert shown(again) == stored(lib) == [(s, e, ["Disagree"], "")]
        assert again.view.highlight_at(s + 3) == [again.annotator.items[0].id]
    finally:
        again.close()
        lib.close()


def test_a_highlight_made_in_simplified_covers_the_same_characters_in_traditional(window, qtbot, tmp_path) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    window.apply_options(window.options.with_(script="simplified"))
    c, view = window.annotator, window.view
    s, e = span(window, "聯合國安理會")
    drag(qtbot, view, s, e)
    assert view.selected_text() == "联合国安理会"
    key(qtbot, window, Qt.Key.Key_5)
    ann = c.items[0]
    assert (ann.start, ann.end, ann.exact) == (s, e, "聯合國安理會")
    assert c.panel.model.quote(ann) == "联合国安理会"
    other, _ = span(window, "我不在乎聯合國,聯合國的意見無關緊要")
    for a, b, k in ((other, other + 17, Qt.Key.Key_2), (other + 8, other + 14, Qt.Key.Key_6)):
        view.set_selection(a, b)
        key(qtbot, window, k)
    window.apply_options(window.options.with_(script="traditional"))
    assert c.panel.model.quote(ann) == "聯合國安理會"
    rects = span_rects(view, s, e)
    assert rects
    for off in range(s, e):
        glyph = view.glyph_rect(off)
        assert any(r.contains(glyph.center()) and r.left() <= glyph.left() + 0.5 and glyph.right() <= r.right() + 0.5
                   for r in rects), f"the glyph at {off} is under the highlight"
    outside = view.glyph_rect(e)
    assert not any(r.contains(outside.center()) for r in rects)
    c.select(c.items[1].id)
    c.note_editor.set_annotation(c.items[1].id, "**Dismissive**: a *loaded* phrase.", c.items[1].exact)
    c.note_editor.update_preview()
    shot = tmp_path / "annotated_traditional.png"
    save_shot(window, shot)
    assert shot.stat().st_size > 10_000


def test_keys_toggle_tags_h_highlights_delete_deletes_and_brackets_step(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    c, view = window.annotator, window.view
    a = span(window, "世界目睹了一場")
    b = span(window, "外交")
    d = span(window, "聯合國安理會")
    view.set_selection(*a)
    key(qtbot, window, Qt.Key.Key_H)
    assert stored(window.lib) == [(*a, [], "")]
    key(qtbot, window, Qt.Key.Key_1)  # the new highlight is selected: the key toggles the tag on it
    key(qtbot, window, Qt.Key.Key_5)
    assert stored(window.lib)[0][2] == ["Agree", "Claim"]
    key(qtbot, window, Qt.Key.Key_1)
    assert stored(window.lib)[0][2] == ["Claim"]
    assert len(stored(window.lib)) == 1, "toggling never made a second highlight"
    for sp in (d, b):
        view.set_selection(*sp)
        key(qtbot, window, Qt.Key.Key_3)
    ids = {(x.start, x.end): x.id for x in c.items}
    click(qtbot, view, b[0])
    assert c.selected == ids[b] and c.panel.selected_id() == ids[b]
    click(qtbot, view, a[1] + 1)  # no highlight there: nothing selected
    assert c.selected is None
    view.verticalScrollBar().setValue(0)
    key(qtbot, window, Qt.Key.Key_BracketRight)
    assert c.selected == ids[a]
    key(qtbot, window, Qt.Key.Key_BracketRight)
    assert c.selected == ids[b] and view.selection() == b
    key(qtbot, window, Qt.Key.Key_BracketRight)
    assert c.selected == ids[d]
    key(qtbot, window, Qt.Key.Key_BracketLeft)
    assert c.selected == ids[b]
    key(qtbot, window, Qt.Key.Key_Delete)
    assert [x[:2] for x in stored(window.lib)] == [a, d]
    assert view.highlight_at(b[0]) == []
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert Annotations(window.lib).get(ids[b]).exact == "外交", "undo brings back the same annotation"
    assert shown(window) == stored(window.lib)


def test_clicking_overlapping_highlights_steps_outwards_and_hover_shows_tags_and_note(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    c, view = window.annotator, window.view
    outer = span(window, "我不在乎聯合國,聯合國的意見無關緊要")
    inner = span(window, "聯合國的意見")
    anns = Annotations(window.lib)
    e1 = anns.create(1, *outer, tags=["Disagree"], note="<script>alert(1)</script>\nsecond line")
    e2 = anns.create(1, *inner, tags=["Evidence"])
    window.hub.annotations_changed(1)
    assert view.highlight_at(inner[0]) == [e2.annotation.id, e1.annotation.id]
    click(qtbot, view, inner[0] + 1)
    assert c.selected == e2.annotation.id
    click(qtbot, view, inner[0] + 1)
    assert c.selected == e1.annotation.id
    tip = c.menus.tooltip_html(inner[0] + 1)
    assert "Evidence 論據" in tip and "Disagree 反對" in tip, "tag names in the article's script"
    assert "&lt;script&gt;" in tip and "<script>" not in tip and "second line" in tip


def test_panel_filters_by_tag_and_author_and_search_opens_another_article(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    c = window.annotator
    anns = Annotations(window.lib)
    text2 = window.lib.revision_text(window.lib.article(2).revision_id)
    s2 = text2.index("联合国")
    far = anns.create(2, s2, s2 + 3, tags=["Question"], note="Compare the ASEAN statement", author="Mei")
    claim = anns.create(1, *span(window, "世界目睹了一場"), tags=["Claim"])
    anns.create(1, *span(window, "外交"), tags=["Agree"], author="Mei")
    window.hub.annotations_changed(1)
    assert len(c.panel.listed_ids()) == 2
    c.panel.tag_filter.setCurrentIndex(c.panel.tag_filter.findText("Claim 論點"))
    assert c.panel.listed_ids() == [claim.annotation.id]
    c.panel.tag_filter.setCurrentIndex(0)
    c.panel.author_filter.setCurrentIndex(c.panel.author_filter.findText("Mei"))
    assert [c.by_id[i].author for i in c.panel.listed_ids()] == ["Mei"]
    c.panel.author_filter.setCurrentIndex(0)
    c.panel.search.setText("asean")
    qtbot.waitUntil(lambda: c.panel.model.search_mode, timeout=2000)
    assert c.panel.listed_ids() == [far.annotation.id]
    rect = c.panel.list.visualRect(c.panel.model.index(0))
    qtbot.mouseClick(c.panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.article.id == 2
    assert c.selected == far.annotation.id
    assert window.view.selection() == (s2, s2 + 3)
    glyph = window.view.glyph_rect(s2)
    assert 0 <= glyph.top() and glyph.bottom() <= window.view.viewport().height()
    c.panel.search.clear()
    qtbot.waitUntil(lambda: not c.panel.model.search_mode, timeout=2000)
    assert c.panel.listed_ids() == [far.annotation.id]


def test_orphaned_annotations_are_listed_in_their_own_section(window, tmp_path) -> None:  # noqa: ANN001
    anns = Annotations(window.lib)
    text = window.lib.revision_text(window.lib.article(2).revision_id)
    s = text.index("联合国")
    kept = anns.create(2, 0, 4, tags=["Claim"])
    gone = anns.create(2, s, s + 3, note="about the UN")
    edited = tmp_path / "edited.txt"
    edited.write_text(text[:s] + text[s + 3:].replace("联合国", "某组织"), encoding="utf-8")
    report = anns.revise(2, edited)
    assert gone.annotation.id in report.orphaned
    window.open_article(2, offset=0)
    c = window.annotator
    model = c.panel.model
    listed = [model.index(n).data(AnnotationRole) for n in range(model.rowCount())]
    assert [(a.id if a else None) for a in listed] == [kept.annotation.id, None, gone.annotation.id]
    assert model.index(1).data().startswith("Orphaned (1)")
    assert not model.flags(model.index(1)) & Qt.ItemFlag.ItemIsSelectable, "the heading is not a row to select"
    assert [k for *_, k in window.view._highlights] == [kept.annotation.id], "orphans are not drawn"
    c.panel.list.setCurrentIndex(c.panel.model.index(2))
    assert c.selected == gone.annotation.id and c.note_editor.text() == "about the UN"


def test_the_floating_toolbar_appears_by_a_fresh_selection_and_tags_it(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    c, view = window.annotator, window.view
    s, e = span(window, "聯合國安理會")
    drag(qtbot, view, s, e)
    qtbot.waitUntil(c.toolbar.isVisible, timeout=2000)
    bar = QRectF(c.toolbar.geometry())
    assert QRectF(view.viewport().rect()).contains(bar)
    assert not any(bar.intersects(r) for r in span_rects(view, s, e)), "the bar does not cover the selection"
    assert view.hasFocus() or not c.toolbar.hasFocus()
    evidence = next(t for t in c.tag_list if t.name == "Evidence")
    qtbot.mouseClick(c.toolbar.buttons[evidence.id], Qt.MouseButton.LeftButton)
    assert stored(window.lib) == [(s, e, ["Evidence"], "")]
    assert not c.toolbar.isVisible()
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window.lib) == []


def _reading_action(view, offset: int, label: str):  # noqa: ANN001, ANN202
    menu = view.build_context_menu(offset)
    sub = next(a.menu() for a in menu.actions() if a.menu() is not None and a.text().startswith("Reading of"))
    return menu, next(a for a in sub.actions() if a.text() == label)


def test_a_reading_fix_shows_in_both_scripts_survives_restart_and_undoes(window, qtbot, seeded_db) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    c, view = window.annotator, window.view
    off = c.text.index("行動")
    assert view.doc.locate(off)[3].reading == "xíng"
    menu, act = _reading_action(view, off, "háng")
    sub = next(a.menu() for a in menu.actions() if a.menu() is not None and a.text().startswith("Reading of"))
    assert [a.text() for a in sub.actions() if a.isChecked()] == ["xíng"], "the current reading is ticked"
    act.trigger()
    menu.deleteLater()
    assert view.doc.locate(off)[3].reading == "háng"
    assert [o for o, _ in c.overlay.fix_mark_rects()] == [off], "the fixed reading is marked"
    window.apply_options(window.options.with_(script="simplified"))
    loc = view.doc.locate(off)
    assert (loc[3].ch, loc[3].reading) == ("行", "háng")
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.doc.locate(off)[3].reading == "xíng" and fixes_for(window.lib, 1) == {}
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.doc.locate(off)[3].reading == "háng"
    window.apply_options(window.options.with_(script="traditional"), save=True)
    window.close()
    again, lib = new_window(qtbot, seeded_db)
    try:
        assert again.options.script == "traditional"
        assert again.view.doc.locate(off)[3].reading == "háng"
        menu, restore = _reading_action(again.view, off, "Restore automatic reading")
        assert restore.isEnabled()
        restore.trigger()
        menu.deleteLater()
        assert again.view.doc.locate(off)[3].reading == "xíng" and fixes_for(lib, 1) == {}
    finally:
        again.close()
        lib.close()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_screenshot_with_highlights_panel_note_and_toolbar(window, qtbot, tmp_path, theme) -> None:  # noqa: ANN001
    window.resize(1400, 860)
    window.apply_options(window.options.with_(theme=theme), save=False)
    window.open_article(1, offset=0)
    c, view = window.annotator, window.view
    anns = Annotations(window.lib)
    first = anns.create(1, *span(window, "世界目睹了一場"), tags=["Claim"])
    outer = anns.create(1, *span(window, "我不在乎聯合國,聯合國的意見無關緊要"), tags=["Disagree", "Loaded language"],
                        note="**Dismissive.** Compare:\n\n- the *UN Charter*\n- `<b>` stays text\n\n> a quote")
    anns.create(1, *span(window, "聯合國的意見"), tags=["Evidence"])
    anns.create(1, *span(window, "退出66個國際組織"))
    window.hub.annotations_changed(1)
    c.fix_reading(c.text.index("行動"), "hang2")
    view.set_selection(*span(window, "聯合國安理會"))  # a new selection replaces a selected highlight …
    qtbot.waitUntil(c.toolbar.isVisible, timeout=2000)
    c.select(outer.annotation.id)  # … so the highlight is selected after it (from the panel)
    qtbot.wait(200)
    assert "<b>" in c.note_editor.preview.toPlainText()
    shot = tmp_path / f"annotations_{theme}.png"
    save_shot(window, shot)
    assert shot.stat().st_size > 10_000
    assert c.panel.listed_ids()[0] == first.annotation.id


def test_the_reader_name_from_preferences_signs_new_highlights(window, qtbot, no_dialogs) -> None:  # noqa: ANN001
    from reader.gui.preferences import PreferencesDialog

    window.open_article(1, offset=0)
    c = window.annotator
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and window.act_copy in a.menu().actions())
    texts = [a.text() for a in edit_menu.actions()]
    assert texts[:2] == ["&Undo", "&Redo"] and "&Tags…" in texts and "&Preferences…" in texts
    dialog = PreferencesDialog(window.lib, window)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == ""  # no name set yet: never the login name
    dialog.name.setText("   ")
    dialog.accept()
    assert no_dialogs and "empty" in no_dialogs[0][1], "an empty name is refused with a message"
    dialog.name.setText("Lin")
    dialog.accept()
    assert window.lib.reader_name == "Lin"
    window.view.set_selection(*span(window, "外交"))
    key(qtbot, window, Qt.Key.Key_H)
    assert c.items[0].author == "Lin"
    assert c.panel.author_filter.findText("Lin") > 0


def test_the_context_menu_recolours_retags_and_deletes_a_highlight(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    view = window.view
    s, e = span(window, "聯合國安理會")
    ann = Annotations(window.lib).create(1, s, e, tags=["Claim"]).annotation
    window.hub.annotations_changed(1)

    def entry(*path: str):  # noqa: ANN202
        menu = view.build_context_menu(s + 1)
        acts = menu.actions()
        for name in path[:-1]:
            acts = next(a.menu() for a in acts if a.text() == name).actions()
        return menu, next(a for a in acts if a.text().split("\t")[0] == path[-1])

    menu, act = entry("Colour of this highlight", "Blue")
    act.trigger()
    assert Annotations(window.lib).get(ann.id).color == "#6fa8dc"
    assert view._highlights[0][2].name() == "#6fa8dc"
    menu, act = entry("Tags of this highlight", "Fact to check 待覈實")
    assert not act.isChecked()
    act.trigger()
    assert [t.name for t in Annotations(window.lib).get(ann.id).tags] == ["Claim", "Fact to check"]
    menu, act = entry("Delete highlight")
    act.trigger()
    assert stored(window.lib) == [] and view._highlights == []
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    restored = Annotations(window.lib).get(ann.id)
    assert restored.color == "#6fa8dc" and len(restored.tags) == 2


def test_tag_names_in_traditional_are_made_when_shown_not_when_a_traditional_article_opens(
        qtbot, seeded_db, monkeypatch) -> None:  # noqa: ANN001
    import threading

    from reader.core.pipeline import script
    from reader.gui.main_window import MainWindow

    lib = Library.open(seeded_db)
    win = MainWindow(lib, restore=False)
    qtbot.addWidget(win)
    win.resize(1100, 760)
    win.view.smooth_scrolling = False
    win.show()
    qtbot.waitExposed(win)
    monkeypatch.setattr(script, "_local", threading.local())  # no converter loaded yet
    try:
        win.open_article(1, offset=0)
        assert win.article.script == "traditional"
        c = win.annotator
        assert "traditional" not in getattr(script._local, "converters", {}), "nothing shown needs it yet"
        assert c.panel.tag_filter.currentText() == "All tags"
        labels = [c.panel.tag_filter.itemText(n) for n in range(c.panel.tag_filter.count())]
        assert "Claim 論點" in labels and "Disagree 反對" in labels
        claim = next(t for t in c.tag_list if t.name == "Claim")
        assert c.panel.tag_filter.itemData(labels.index("Claim 論點")) == claim.id
        s, e = span(win, "聯合國安理會")
        drag(qtbot, win.view, s, e)
        qtbot.waitUntil(c.toolbar.isVisible, timeout=2000)
        assert "Claim 論點" in c.toolbar.buttons[claim.id].toolTip()
        qtbot.mouseClick(c.toolbar.buttons[claim.id], Qt.MouseButton.LeftButton)
        assert stored(lib) == [(s, e, ["Claim"], "")]
        c.panel.tag_filter.setCurrentIndex(labels.index("Claim 論點"))
        assert c.panel.listed_ids() == [a.id for a in Annotations(lib).list_for_article(1)]
    finally:
        win.close()
        lib.close()


def test_keyboard_only_tag_then_n_writes_the_note_and_esc_returns_to_the_text(window, qtbot) -> None:  # noqa: ANN001
    """Select, press 2, press N, type, Esc: the note is saved and the keys act on the text again."""
    window.open_article(1, offset=0)
    s, e = span(window, "我不在乎聯合國")
    window.view.scroll_to_offset(s)
    drag(qtbot, window.view, s, e)
    key(qtbot, window, Qt.Key.Key_2)
    assert stored(window.lib) == [(s, e, ["Disagree"], "")]
    key(qtbot, window, Qt.Key.Key_N)
    edit = window.annotator.note_editor.edit
    assert edit.hasFocus(), "N puts the cursor in the note of the selected highlight"
    qtbot.keyClicks(edit, "Dismissive 1 2 T")  # digits and letters are text here, not tag keys or toggles
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert window.view.hasFocus(), "Esc returns to the text"
    assert stored(window.lib) == [(s, e, ["Disagree"], "Dismissive 1 2 T")], "saved at once, not after a delay"
    assert not window.options.translations, "T typed in the note did not toggle the translation"
    s2, e2 = span(window, "聯合國的意見")
    drag(qtbot, window.view, s2, e2)
    key(qtbot, window, Qt.Key.Key_N)  # with a fresh selection: a plain highlight, and its note at once
    assert edit.hasFocus()
    qtbot.keyClicks(edit, "why?")
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert (s2, e2, [], "why?") in stored(window.lib)
