"""The class view: a class of five merged, its heat map, filters, chart, disputed passages and agreement;
File → Class: merging (good and bad hand-ins), the class report, handing in and opening a package."""
from __future__ import annotations

from pathlib import Path

import pytest
from make_class_demo import STUDENTS, build_class
from PySide6.QtCharts import QValueAxis
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QLabel

from reader.core import classroom
from reader.core.annotations import Annotations
from reader.core.class_report import build_report
from reader.gui.panels.note_editor import MarkdownDialog


@pytest.fixture
def merged(seeded_db: Path, tmp_path: Path):  # noqa: ANN201
    """The seeded library with five students' hand-ins on article 1 merged."""
    demo = build_class(seeded_db, tmp_path / "class")
    assert all(r.error is None for r in demo.results)
    return demo


def make_window(qtbot, db: Path):  # noqa: ANN001, ANN201
    from reader.core.library import Library
    from reader.gui.main_window import MainWindow

    lib = Library.open(db)
    win = MainWindow(lib)
    win.resize(1300, 820)
    win.view.smooth_scrolling = False
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    if win.lib.list_articles():
        win.open_article(1, offset=0)
    return win


@pytest.fixture
def class_window(qtbot, merged):  # noqa: ANN001, ANN201
    win = make_window(qtbot, merged.teacher_db)
    win.classroom.set_active(True)
    yield win
    win.close()
    win.lib.close()


def heat_shown(win) -> list[int]:  # noqa: ANN001
    """Per character, the number of students the reading view's heat spans say marked it (0: no span)."""
    out = []
    for k in range(win.view._text_len):
        keys = win.view.highlight_at(k)
        assert len(keys) <= 1 and all(isinstance(key, tuple) and key[0] == "heat" for key in keys)
        out.append(keys[0][1] if keys else 0)
    return out


def test_heat_map_matches_the_report_and_leaving_restores_highlights(class_window) -> None:  # noqa: ANN001
    win = class_window
    report = build_report(win.lib, 1)
    assert heat_shown(win) == report.heat
    assert max(report.heat) == 5 and win.classroom.panel.legend.total == 5
    file_menu = win.menuBar().actions()[0].menu()
    assert win.classroom.act_export in file_menu.actions()
    assert [a.text() for a in win.classroom.class_menu.actions() if a.text()] == [
        "Hand &Out…", "&Open Class Package…", "Hand &In…", "&Merge Hand-ins…", "Class &Report…"]
    assert win.classroom.act_class_view.isChecked() and win.classroom.dock.isVisible()
    quote = "前所未有"  # inside a sentence everyone marked; Zhang Min marked only these words
    offset = win.lib.revision_text(win.article.revision_id).index(quote)
    colours = {n: win.view._highlights[[h[3] for h in win.view._highlights].index(("heat", n))][2]
               for n in (1, 5) if ("heat", n) in [h[3] for h in win.view._highlights]}
    assert colours[5] != colours[1], "more students, a different colour"
    win.classroom.act_class_view.trigger()  # View → Class View off
    assert not win.classroom.active and not win.classroom.dock.isVisible()
    keys = win.view.highlight_at(offset)
    assert all(isinstance(k, int) for k in keys), "the annotations' own highlights are back"
    assert len(keys) == report.heat[offset] == 4  # Chen Jing marked only 外交“閃電戰” in that sentence


def test_filters_student_tag_and_date_change_the_counts(class_window) -> None:  # noqa: ANN001
    win = class_window
    panel = win.classroom.panel
    assert panel.students == list(STUDENTS)
    full = build_report(win.lib, 1).heat
    panel.set_checked("Chen Jing", False)
    others = [s for s in STUDENTS if s != "Chen Jing"]
    expected = build_report(win.lib, 1, students=others).heat
    assert expected != full
    assert heat_shown(win) == expected
    assert panel.legend.total == 4
    assert panel.report["students"][0]["name"] == "Li Wei"
    panel.set_checked("Chen Jing", True)
    assert heat_shown(win) == full

    panel.tag_combo.setCurrentIndex(panel.tag_combo.findData("Rhetoric/Loaded language"))
    loaded = build_report(win.lib, 1, tag="Rhetoric/Loaded language")
    assert heat_shown(win) == loaded.heat and 0 < sum(loaded.heat) < sum(full)
    assert all(any(m["tag"] for m in d["students"]) for d in panel.report["disputed"])
    panel.tag_combo.setCurrentIndex(0)

    panel.at_check.setChecked(True)
    panel.at_edit.setDate(panel.at_edit.date().addDays(-1))  # before anyone marked anything
    assert not any(heat_shown(win)) and panel.report["students"][0]["annotations"] == 0
    panel.at_check.setChecked(False)
    assert heat_shown(win) == full


def test_chart_has_one_bar_set_per_stance_tag_and_a_click_shows_the_paragraph(class_window, qtbot) -> None:  # noqa: ANN001
    win = class_window
    panel = win.classroom.panel
    report = build_report(win.lib, 1).as_json()
    codes = [t["tag"] for t in report["tags"]]
    assert list(panel.bar_sets) == codes == ["Stance/Agree", "Stance/Disagree", "Stance/Question", "Stance/Neutral"]
    counts = {p["index"]: p["counts"] for p in report["paragraphs"]}
    tagged = [i for i, c in counts.items() if any(c.get(code) for code in codes)]
    assert sorted(panel.chart_paragraphs) == tagged and panel.chart_paragraphs[-1] == min(tagged)
    for code, bar in panel.bar_sets.items():
        assert [bar.at(k) for k in range(bar.count())] == [counts[i].get(code, 0) for i in panel.chart_paragraphs]
    # a real click on the bar of a paragraph in the middle of the article
    panel.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: panel.chart_view.isVisible())
    paragraph = tagged[len(tagged) // 2]
    series = panel.chart.series()[0]
    scene = panel.chart.mapToPosition(QPointF(0.5, panel.chart_paragraphs.index(paragraph)), series)
    point = panel.chart_view.mapFromScene(scene)
    target = win.view.paragraphs[paragraph].start
    assert win.view.top_offset() < target - 500
    qtbot.mouseClick(panel.chart_view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(point.x() + 2, point.y()))
    assert win.view.top_offset() == target


def test_disputed_passages_show_notes_side_by_side_and_a_click_jumps(class_window, qtbot) -> None:  # noqa: ANN001
    win = class_window
    panel = win.classroom.panel
    report = build_report(win.lib, 1).as_json()
    assert len(panel.cards) == len(report["disputed"]) > 3
    panel.tabs.setCurrentIndex(2)
    first = panel.cards[0]
    texts = [label.text() for label in first.findChildren(QLabel)]
    for entry in report["disputed"][0]["students"]:
        assert entry["name"] in texts
        assert (entry["note"] or "—") in texts
    card = next(c for c in panel.cards if c.start > 1500)
    before = win.view.top_offset()
    qtbot.waitUntil(card.isVisible)  # its tab is the current one: the card can be clicked
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert win.view.top_offset() != before
    rect = win.view.glyph_rect(card.start)
    assert rect is not None and 0 <= rect.top() < win.view.viewport().height()
    assert win.view.selection() == (card.start, card.end)


def test_alpha_label_and_agreement_tables_show_the_report(class_window) -> None:  # noqa: ANN001
    win = class_window
    panel = win.classroom.panel
    report = build_report(win.lib, 1)
    assert report.alpha is not None
    assert f"{report.alpha:.3f}" in panel.alpha_label.text()
    shown = {panel.tag_table.item(r, 0).text().split()[0]: panel.tag_table.item(r, 1).text()
             for r in range(panel.tag_table.rowCount())}
    assert shown == {t.name: f"{report.alpha_by_tag[t.qualified]:.3f}" for t in report.tags}
    assert panel.pair_table.rowCount() == 10
    pair = report.pairwise[0]
    assert panel.pair_table.item(0, 0).text() == f"{pair.a} · {pair.b}"
    assert panel.pair_table.item(0, 2).text() == f"{pair.percent:.0f} %"
    assert "0.8" in panel.explain.text() and "sentence" in panel.explain.text()


def test_chart_numbers_its_axis_in_view_and_labels_each_bar_with_its_count(class_window, qtbot) -> None:  # noqa: ANN001
    panel = class_window.classroom.panel
    panel.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: panel.chart_view.isVisible())
    values = next(a for a in panel.chart.axes() if isinstance(a, QValueAxis))
    assert values.alignment() == Qt.AlignmentFlag.AlignTop, "the numbers sit above the bars, in view"
    assert values.labelsVisible() and values.max() >= max(
        sum(b.at(k) for b in panel.bar_sets.values()) for k in range(len(panel.chart_paragraphs)))
    assert values.titleText() and panel.chart.series()[0].isLabelsVisible()


def test_class_report_is_saved_in_the_chosen_format(class_window, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    out = tmp_path / "report.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    class_window.classroom.act_report.trigger()
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    header = data.decode("utf-8-sig").splitlines()[0].split(",")
    assert header[5:] == list(STUDENTS)


def test_merging_from_the_menu_reports_a_bad_file_and_merges_the_good_ones(
    qtbot, seeded_db, tmp_path, monkeypatch, no_dialogs,  # noqa: ANN001
) -> None:
    demo = build_class(seeded_db, tmp_path / "class", merge=False)
    bad = tmp_path / "broken.readerclass"
    bad.write_bytes(b"this is not a zip file" * 10)
    win = make_window(qtbot, seeded_db)
    try:
        before = len(Annotations(win.lib).list_for_article(1))
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(bad)], "")))
        win.classroom.act_merge.trigger()
        qtbot.waitUntil(lambda: bool(no_dialogs), timeout=10000)
        title, message = no_dialogs[-1]
        assert "No hand-in was merged" in title
        assert "broken.readerclass" in message and "not a zip" in message and "\n" not in message
        assert "Traceback" not in message
        assert len(Annotations(win.lib).list_for_article(1)) == before
        assert classroom.handins(win.lib, 1) == []
        assert not win.classroom.active

        files = [str(p) for p in demo.handins] + [str(bad)]
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: (files, "")))
        win.classroom.act_merge.trigger()
        qtbot.waitUntil(lambda: len(no_dialogs) == 2 and win.classroom._worker is None, timeout=20000)
        assert "Some hand-ins were not merged" in no_dialogs[-1][0] and "broken" in no_dialogs[-1][1]
        assert [h["student"] for h in classroom.handins(win.lib, 1)] == list(STUDENTS)
        assert win.classroom.active and win.classroom.panel.students == list(STUDENTS)
        assert heat_shown(win) == build_report(win.lib, 1).heat
        assert not win.progress.isVisible()
    finally:
        win.close()
        win.lib.close()


def test_hand_in_and_open_a_package_from_the_menu(qtbot, seeded_db, tmp_path, monkeypatch, no_dialogs) -> None:  # noqa: ANN001
    from reader.core.library import Library

    win = make_window(qtbot, seeded_db)
    try:
        text = win.lib.revision_text(win.article.revision_id)
        Annotations(win.lib).create(1, text.index("閃電戰"), text.index("閃電戰") + 3, tags=["Agree"], note="ok")
        out = tmp_path / "wang.readerclass"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
        prefilled: list[str] = []

        def answer() -> None:  # the hand-in's name dialog: it starts empty (no name set; never the login)
            dialog = win.classroom.name_dialog
            if dialog is None:
                QTimer.singleShot(20, answer)
                return
            prefilled.append(dialog.edit.text())
            dialog.edit.setText("Wang Fang")
            dialog.accept()

        QTimer.singleShot(20, answer)
        win.classroom.act_handin.trigger()
        assert not no_dialogs and prefilled == [""]
        package = classroom.read_package(out, expect="handin")
        assert package.manifest["reader"] == "Wang Fang" and win.lib.reader_name == "Wang Fang"

        # the same file opened as a hand-out: refused in one line, nothing added
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(out), "")))
        win.classroom.act_open.trigger()
        assert no_dialogs and "is a hand-in, not a hand-out" in no_dialogs[-1][1]
    finally:
        win.close()
        win.lib.close()

    handout = tmp_path / "week1.readerclass"
    with Library.open(seeded_db) as lib:
        classroom.make_handout(lib, [2], handout, instructions="# Read closely")
    student_db = tmp_path / "student.sqlite3"
    with Library.open(student_db) as lib:
        pass
    win = make_window(qtbot, student_db)
    try:
        shown: list[str] = []
        monkeypatch.setattr(MarkdownDialog, "open", lambda self: shown.append(self.view.toPlainText()))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(handout), "")))
        win.classroom.act_open.trigger()
        assert win.article is not None and win.article.title.startswith("美国大规模")
        assert win.sidebar.count() == 1
        assert shown == ["Read closely"], "the instructions' Markdown rendered"
        qtbot.waitUntil(lambda: not win._workers, timeout=20000)  # readings computed in the background
    finally:
        win.close()
        win.lib.close()


def test_screenshot_command_shows_the_class_view(merged, tmp_path, capsys) -> None:  # noqa: ANN001
    from PySide6.QtGui import QImage

    from reader.cli import main

    plain, shown = tmp_path / "plain.png", tmp_path / "class.png"
    args = ["--db", str(merged.teacher_db), "screenshot", "1", "--size", "1200x760"]
    assert main([*args, "-o", str(plain)]) == 0
    assert main([*args, "--class-view", "-o", str(shown)]) == 0
    a, b = QImage(str(plain)), QImage(str(shown))
    assert a.size() == b.size() and a != b
    # the dock's heat legend: its last swatch is the colour for all five students
    def reds(image: QImage) -> int:
        return sum(1 for x in range(image.width() * 3 // 4, image.width(), 3) for y in range(0, 120, 3)
                   if (c := image.pixelColor(x, y)).red() > c.green() + 40 and c.red() > c.blue() + 40)

    assert reds(b) > 20 and reds(a) == 0


def test_hand_out_packages_the_chosen_article_tagset_and_instructions(window, tmp_path, monkeypatch, no_dialogs) -> None:  # noqa: ANN001
    from reader.gui.classroom_ui import HandoutDialog

    window.open_article(2)

    def fill(self) -> int:  # noqa: ANN001
        assert self.article_ids() == [2], "the open article is chosen"
        self.instructions.setPlainText("# Week 2\n\nTag every claim.")
        self.tagset.setCurrentIndex(self.tagset.findData("Rhetoric"))
        return 1

    out = tmp_path / "week2.readerclass"
    monkeypatch.setattr(HandoutDialog, "exec", fill)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    window.classroom.act_handout.trigger()
    assert not no_dialogs
    package = classroom.read_package(out, expect="handout")
    assert [a["title"] for a in package.manifest["articles"]] == [window.lib.article(2).title]
    assert package.members["instructions.md"].decode() == "# Week 2\n\nTag every claim."
    assert b'"name": "Rhetoric"' in package.members["tagset.json"]
