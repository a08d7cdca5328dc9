"""Terms and splits in the reader: select characters, make them one term from the context menu; split a
joined word in the dialog; the library holds them, the words and readings on screen follow, undo reverts."""
from __future__ import annotations

import json

from mouse import drag
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from reader.core import terms
from reader.core.library import Library
from reader.gui.terms_ui import SplitDialog


def _words_over(view, start: int, end: int) -> list[tuple[int, int]]:  # noqa: ANN001
    return [(t.start, t.end) for toks in view.doc.tokens.values() for t in toks if t.start < end and t.end > start]


def _action(view, offset: int, prefix: str):  # noqa: ANN001, ANN202
    menu = view.build_context_menu(offset)
    found = [a for a in menu.actions() if a.text().startswith(prefix)]
    return found[0] if found else None


def _stored(lib: Library) -> tuple[list, list]:
    return ([tuple(r) for r in lib.conn.execute("SELECT text, reading FROM terms")],
            [tuple(r) for r in lib.conn.execute("SELECT word, parts FROM word_splits")])


def test_make_a_selection_one_term_then_undo(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)  # the Traditional seed: 馬可·魯比奧 is segmented 魯 / 比奧
    view, text = window.view, window.annotator.text
    s = text.index("魯比奧")
    e = s + 3
    view.ensure_offset_visible(s)
    assert _words_over(view, s, e) == [(s, s + 1), (s + 1, e)], "positive control: the name is cut"
    assert _action(view, s + 1, "Make") is None, "nothing selected: no term to make"
    drag(qtbot, view, s, e)
    assert view.selection() == (s, e)
    act = _action(view, s + 1, "Make")
    assert act is not None and act.text() == "Make “魯比奧” One Term"
    act.trigger()
    assert _stored(window.lib) == ([("鲁比奥", None)], []), "stored in its simplified form"
    assert _words_over(view, s, e) == [(s, e)], "the view shows the name as one word"
    popup = window.bilingual.popup
    assert window.bilingual.show_at(s + 2) and popup.span == (s, e), "the popup shows the whole term"
    assert popup.word == "魯比奧" and [x.reading for x in popup.entries] == ["lu3 bi3 ao4"]
    view.select_word_at(s + 1)
    assert view.selection() == (s, e)
    assert window.undo_stack.undoText() == "make 魯比奧 one term"

    window.undo_stack.undo()
    assert _stored(window.lib) == ([], [])
    assert _words_over(view, s, e) == [(s, s + 1), (s + 1, e)]
    window.undo_stack.redo()
    assert _stored(window.lib) == ([("鲁比奥", None)], []) and _words_over(view, s, e) == [(s, e)]
    # On the term, the menu offers to forget it.
    act = _action(view, s + 1, "Forget the Term")
    assert act is not None
    act.trigger()
    assert _stored(window.lib) == ([], []) and _words_over(view, s, e) == [(s, s + 1), (s + 1, e)]


def test_split_a_word_in_the_dialog_and_readings_follow(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    view, text = window.view, window.annotator.text
    s = text.index("聯合國安理會")
    e = s + 6
    view.ensure_offset_visible(s)
    assert _words_over(view, s, e) == [(s, e)], "positive control: the segmenter joins it"
    view.clear_selection()
    act = _action(view, s + 4, "Split")
    assert act is not None and act.text() == "Split “聯合國安理會”…"
    chosen: list[list[int]] = []

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SplitDialog)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled(), "no cut chosen yet"
        qtbot.mouseClick(dialog.findChild(type(dialog.cuts[0]), "cut3"), Qt.MouseButton.LeftButton)
        assert dialog.preview.text() == "聯合國 | 安理會" and ok.isEnabled()
        chosen.append(dialog.positions())
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, choose)
    act.trigger()
    assert chosen == [[3]]
    assert _stored(window.lib) == ([], [("联合国安理会", "联合国 安理会")])
    assert _words_over(view, s, e) == [(s, s + 3), (s + 3, e)]
    assert window.bilingual.show_at(s + 4) and window.bilingual.popup.span == (s + 3, e)
    window.undo_stack.undo()
    assert _stored(window.lib) == ([], []) and _words_over(view, s, e) == [(s, e)]


def test_a_term_added_by_another_program_shows_after_the_poll(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    view, text = window.view, window.annotator.text
    s = text.index("魯比奧")
    with Library.open(window.lib.path) as other:
        terms.add_term(other, "鲁比奥", "lu3 bi3 ao4")
    assert _words_over(view, s, s + 3) == [(s, s + 1), (s + 1, s + 3)], "not before the poll"
    assert window.guard.poll()
    assert _words_over(view, s, s + 3) == [(s, s + 3)]
    tok = next(t for toks in view.doc.tokens.values() for t in toks if t.start == s)
    assert tok.readings == ["lu3", "bi3", "ao4"]


def test_many_paragraphs_are_read_again_in_the_background(window, qtbot, monkeypatch) -> None:  # noqa: ANN001
    from reader.gui import terms_ui

    monkeypatch.setattr(terms_ui, "SYNC_CHARS", 0)  # as for a book where the term is on many pages
    window.open_article(1, offset=0)
    view, text = window.view, window.annotator.text
    s = text.index("魯比奧")
    window.terms.make_term("魯比奧")
    assert _words_over(view, s, s + 3) == [(s, s + 1), (s + 1, s + 3)], "not computed in the window's thread"
    qtbot.waitUntil(lambda: _words_over(view, s, s + 3) == [(s, s + 3)], timeout=10_000)
    assert window.lib.cached_paragraphs(window.article.revision_id) >= {p.index for p in view.paragraphs if p.text.strip()}


def test_file_menu_exports_and_imports_terms(window, qtbot, monkeypatch, tmp_path, no_dialogs) -> None:  # noqa: ANN001
    from reader.gui import file_dialogs

    file_menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and window.act_import in a.menu().actions())
    texts = [a.text() for a in file_menu.actions()]
    assert texts.index("Export Terms…") == texts.index("&Import…") + 1 and "Import Terms…" in texts
    window.open_article(1, offset=0)
    view, text = window.view, window.annotator.text
    s = text.index("魯比奧")
    terms.add_term(window.lib, "魯比奧", "lu3 bi3 ao4")
    path = tmp_path / "mine.json"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a: (str(path), ""))
    window.terms.act_export.trigger()
    assert [t["text"] for t in json.loads(path.read_text(encoding="utf-8"))["terms"]] == ["鲁比奥"]
    assert window.statusBar().currentMessage() == f"Wrote {path} (1 term, 0 splits)"
    terms.delete(window.lib, "鲁比奥")
    window.terms.reload_readings()
    assert _words_over(view, s, s + 3) == [(s, s + 1), (s + 1, s + 3)]
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a: str(path))
    window.terms.act_import_terms.trigger()
    assert _stored(window.lib) == ([("鲁比奥", "lu3 bi3 ao4")], []) and _words_over(view, s, s + 3) == [(s, s + 3)]
    assert window.statusBar().currentMessage() == "Terms: 1 added, 0 changed, 0 already so"
    window.undo_stack.undo()
    assert _stored(window.lib) == ([], []) and _words_over(view, s, s + 3) == [(s, s + 1), (s + 1, s + 3)]
    path.write_text("{not json", encoding="utf-8")
    window.terms.act_import_terms.trigger()
    assert len(no_dialogs) == 1 and "not valid JSON" in no_dialogs[0][1] and _stored(window.lib) == ([], [])
