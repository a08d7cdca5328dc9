"""The vocabulary dock: words added from the popup, edit, delete with undo, mark known (scaffolding), export."""
from __future__ import annotations

import zipfile

from PySide6.QtCore import QPoint, Qt

from reader.core import vocabulary
from reader.gui.panels.vocabulary_model import ENGLISH, KNOWN, SENTENCE, WORD


def _text(window) -> str:  # noqa: ANN001
    return "\n".join(p.text for p in window.view.paragraphs)


def _add(window, word: str, nth: int = 0) -> int:  # noqa: ANN001
    text = _text(window)
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(word, pos + 1)
    assert window.bilingual.show_at(pos)
    window.bilingual.add_to_vocabulary()
    return pos


def _reading_shown(window, start: int, end: int) -> bool:  # noqa: ANN001
    return any(window.view.reading_rect(o) is not None for o in range(start, end))


def test_words_added_from_the_popup_appear_with_their_details(window) -> None:  # noqa: ANN001
    window.open_article(2, offset=0)
    _add(window, "国家")
    panel = window.vocabulary_panel.panel
    model = panel.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, WORD)) == "国家 國家"
    assert "country" in model.data(model.index(0, ENGLISH))
    assert "国家" in model.data(model.index(0, SENTENCE))
    panel.table.selectRow(0)
    assert "<b>国家</b>" in panel.details.text()
    assert "guó jiā" in panel.details.text() and "HSK 3" in panel.details.text()
    assert "America" in panel.details.text(), "the article's title (English interface)"


def test_edit_delete_and_undo(window, qtbot, monkeypatch) -> None:  # noqa: ANN001
    from reader.gui.panels.vocabulary_panel import EditWordDialog

    window.open_article(1, offset=0)
    _add(window, "聯合國")
    window.vocabulary_panel.toggleViewAction().trigger()
    assert window.vocabulary_panel.isVisible()
    panel = window.vocabulary_panel.panel
    panel.table.selectRow(0)

    def fake_exec(dialog) -> int:  # noqa: ANN001
        dialog.reading.setText("lian2 he2 guo2")
        dialog.senses.setPlainText("United Nations\nUN")
        dialog.translation.setText("the UN")
        dialog.parent_word.setText("聯合")
        return 1

    monkeypatch.setattr(EditWordDialog, "exec", fake_exec)
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    (row,) = vocabulary.list_words(window.lib)
    assert row.senses == ("United Nations", "UN")
    assert (row.translation, row.note, row.parent) == ("the UN", "", "联合"), "your own, from the same dialog"
    window.undo_stack.undo()  # the gloss is one step of Undo
    assert vocabulary.list_words(window.lib)[0].translation == ""
    window.undo_stack.redo()
    assert vocabulary.list_words(window.lib)[0].translation == "the UN"
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert vocabulary.list_words(window.lib) == []
    assert panel.model.rowCount() == 0
    stack = getattr(window, "undo_stack", None)
    if stack is not None:
        stack.undo()
    else:
        qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    (back,) = vocabulary.list_words(window.lib)
    assert back.id == row.id and back.senses == ("United Nations", "UN") and back.sentence == row.sentence
    assert panel.model.rowCount() == 1


def test_scaffolding_at_level_6_hides_common_words_but_keeps_rare_ones(window) -> None:  # noqa: ANN001
    window.open_article(2, offset=0)
    text = _text(window)
    common = text.index("国家")
    window.view.ensure_offset_visible(common)
    assert _reading_shown(window, common, common + 2)
    window.scaffolding.level_actions[6].trigger()
    assert window.scaffolding.scaffolding_on
    window.view.ensure_offset_visible(common)
    assert not _reading_shown(window, common, common + 2), "an HSK 3 word gets no reading at level 6"
    from reader.core.scaffolding import get_level, shared_dictionary

    assert get_level(window.lib) == 6
    d = shared_dictionary()
    # a rare word: a Han token the HSK list does not have (nor its parts)
    rare = None
    for toks in window.view.doc.tokens.values():
        for tok in toks:
            if len(tok.text) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in tok.text) and d.hsk_level(tok.text) is None \
                    and all(d.hsk_level(c) is None for c in tok.text):
                rare = tok
                break
        if rare:
            break
    assert rare is not None
    window.view.ensure_offset_visible(rare.start)
    assert _reading_shown(window, rare.start, rare.end), f"{rare.text} keeps its reading"
    window.scaffolding.act_all_readings.trigger()
    window.view.ensure_offset_visible(common)
    assert _reading_shown(window, common, common + 2)


def test_marking_a_word_known_hides_its_reading_at_once(window) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    starts = [t.start for toks in window.view.doc.tokens.values() for t in toks if t.text == "聯合國"]
    start = starts[0]
    assert window.bilingual.show_at(start)
    window.bilingual.add_to_vocabulary()
    window.scaffolding.set_scaffolding(True)
    window.bilingual.popup.close_popup()
    window.view.ensure_offset_visible(start)
    assert _reading_shown(window, start, start + 3), "聯合國 at level 0 still has its reading"
    panel = window.vocabulary_panel.panel
    model = panel.model
    model.setData(model.index(0, KNOWN), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert vocabulary.list_words(window.lib)[0].known
    assert not _reading_shown(window, start, start + 3)
    later = starts[-1]
    window.view.ensure_offset_visible(later)
    assert not _reading_shown(window, later, later + 3), "every occurrence"
    panel.table.selectRow(0)
    panel.toggle_known()
    window.view.ensure_offset_visible(start)
    assert _reading_shown(window, start, start + 3)


def test_export_anki_and_csv(window, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QFileDialog

    window.open_article(2, offset=0)
    _add(window, "国家")
    _add(window, "国际")
    panel = window.vocabulary_panel.panel
    apkg = tmp_path / "deck.apkg"
    csv_path = tmp_path / "words"
    answers = iter([(str(apkg), ""), (str(csv_path), "")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: next(answers)))
    panel.export_anki_dialog()
    panel.export_csv_dialog()
    assert zipfile.is_zipfile(apkg)
    rows = (tmp_path / "words.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 3 and rows[1].startswith("国家")


def test_status_and_translation_columns_sort_and_filter(window, qtbot) -> None:  # noqa: ANN001
    from reader.core.glossary import set_gloss
    from reader.core.word_status import set_word_status
    from reader.gui.panels.vocabulary_model import STATUS, TRANSLATION

    lib = window.lib
    set_word_status(lib, "国家", "known")
    set_word_status(lib, "国际", "3")
    vocabulary.add(lib, "世界")
    set_gloss(lib, "國際", translation="international <i>affairs</i>")
    set_word_status(lib, "美国", "ignored")
    window.vocabulary_panel.show()
    panel = window.vocabulary_panel.panel
    panel.reload()
    proxy, table = panel.proxy, panel.table

    def shown(col: int = WORD) -> list[str]:
        return [proxy.index(r, col).data() for r in range(proxy.rowCount())]

    assert shown() == ["国家 國家", "国际 國際", "世界", "美国 美國"], "the order they were added, until a click"
    assert shown(STATUS) == ["Known", "Learning 3", "New", "Ignored"]
    assert shown(TRANSLATION) == ["", "international <i>affairs</i>", "", ""]
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(STATUS) + header.sectionSize(STATUS) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert shown(STATUS) == ["New", "Learning 3", "Known", "Ignored"], "status sorts from new to ignored"
    panel.show_status("learning")
    assert shown() == ["国际 國際"]
    panel.show_status("not_known")
    assert shown() == ["世界", "国际 國際"]
    panel.show_status("all")
    qtbot.keyClicks(panel.text_filter, "affairs")  # your translation is searched too
    assert shown() == ["国际 國際"]
    table.selectRow(0)
    assert panel.selected().simplified == "国际"
    assert "international &lt;i&gt;affairs&lt;/i&gt;" in panel.details.text(), "shown as typed, not as markup"
    panel.text_filter.clear()
    panel.show_status("known")
    panel.select(panel.model.rows[2].id)  # 世界 is new: selecting it clears the filter that hides it
    assert panel.selected().simplified == "世界" and panel.status_filter.currentIndex() == 0
    lib_rows = lib.conn.execute("SELECT simplified, status FROM vocabulary ORDER BY id").fetchall()
    assert lib_rows == [("国家", "known"), ("国际", "learning3"), ("世界", "new"), ("美国", "ignored")]


def test_status_from_the_list_by_key_and_menu_is_undoable(window, qtbot) -> None:  # noqa: ANN001
    from reader.core.word_status import set_word_status

    set_word_status(window.lib, "國家", "2")
    window.vocabulary_panel.show()
    panel = window.vocabulary_panel.panel
    panel.reload()
    panel.table.selectRow(0)
    panel.table.setFocus()

    def stored() -> list[tuple[str, str]]:
        return [tuple(r) for r in window.lib.conn.execute("SELECT simplified, status FROM vocabulary")]

    qtbot.keyClick(panel.table, Qt.Key.Key_4)  # 4 is a tag key in the text; in the list it is a status
    assert stored() == [("国家", "learning4")] and window.lib.conn.execute(
        "SELECT COUNT(*) FROM annotations").fetchone() == (0,)
    qtbot.keyClick(panel.table, Qt.Key.Key_K)
    assert stored() == [("国家", "known")] and panel.selected().known
    menu = panel.status_control.menu(panel.selected(), panel)
    (status_menu,) = [a.menu() for a in menu.actions() if a.menu()]
    checked = [a.text().split("\t")[0] for a in status_menu.actions() if a.isChecked()]
    assert checked == ["Known"]
    next(a for a in status_menu.actions() if a.text().startswith("Ignored")).trigger()
    assert stored() == [("国家", "ignored")]
    window.undo_stack.undo()
    assert stored() == [("国家", "known")]
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert stored() == [("国家", "learning2")] and panel.model.rows[0].status == "learning2"
