"""View options for readings: Spoken Tones and the Reading Standard menu change what the view draws and are
remembered with the other display options."""
from __future__ import annotations

from reader.gui.options import load_options


def _readings_of(window, word: str) -> list[str | None]:  # noqa: ANN001
    """The readings the view draws over the first occurrence of `word` in the open article."""
    doc = window.view.doc
    for idx in range(len(window.view.paragraphs)):
        disp = doc.display_of(idx)
        at = disp.text.find(word)
        if at < 0:
            continue
        flat = [r for token in disp.tokens for r in token.readings]
        return flat[at : at + len(word)]
    raise AssertionError(f"{word} not in the article")


def _choose(group, value: str) -> None:  # noqa: ANN001
    next(act for act in group.actions() if act.data() == value).trigger()


def test_spoken_tones_option_changes_the_view_and_is_saved(window) -> None:  # noqa: ANN001
    window.open_article(2, offset=0)
    assert not window.act_spoken.isChecked()
    assert _readings_of(window, "不再")[0] == "bu4"  # citation tones by default
    window.act_spoken.trigger()
    assert window.options.spoken_tones and window.act_spoken.isChecked()
    assert _readings_of(window, "不再")[0] == "bu2"  # bú before a 4th tone
    assert load_options(window.store).spoken_tones
    window.act_spoken.trigger()
    assert _readings_of(window, "不再")[0] == "bu4"


def test_reading_standard_follows_the_script_or_is_set_apart(window) -> None:  # noqa: ANN001
    window.open_article(2, offset=0)
    assert _readings_of(window, "研究")[1] == "jiu1"  # Mainland readings in the original script
    _choose(window.script_group, "taiwan")
    assert _readings_of(window, "研究")[1] == "jiu4"  # the Taiwan script brings Taiwan readings
    _choose(window.standard_group, "mainland")
    assert _readings_of(window, "研究")[1] == "jiu1"
    assert load_options(window.store).standard == "mainland"
    _choose(window.script_group, "original")
    _choose(window.standard_group, "taiwan")
    assert _readings_of(window, "研究")[1] == "jiu4"
    _choose(window.standard_group, "auto")


def test_neutral_tones_option_changes_the_view_is_saved_and_kept_in_the_library(window) -> None:  # noqa: ANN001
    from reader.core import reading_options

    window.open_article(2, offset=0)
    assert _readings_of(window, "部分") == ["bu4", "fen5"]  # as the dictionaries write it, by default
    _choose(window.neutral_group, "required")
    assert _readings_of(window, "部分") == ["bu4", "fen4"]  # an optional neutral tone: the full tone
    assert load_options(window.store).neutral_tones == "required"
    assert reading_options.stored(window.lib).neutral == "required"  # the CLI's outputs follow the reader
    window.act_spoken.trigger()
    assert reading_options.stored(window.lib) == reading_options.ReadingOptions("auto", True, "required")
    _choose(window.neutral_group, "dictionary")
    assert _readings_of(window, "部分") == ["bu4", "fen5"]
    assert next(a for a in window.neutral_group.actions() if a.data() == "dictionary").isChecked()


def test_dictionary_popup_reading_line_follows_the_options(window) -> None:  # noqa: ANN001
    window.open_article(2, offset=0)
    text = "\n".join(p.text for p in window.view.paragraphs)
    start = text.index("不再")
    found = window.bilingual.lookup_at(start + 1)
    assert found is not None and found[:2] == (start, start + 2)
    window.bilingual.show_word(*found)
    popup = window.bilingual.popup
    assert "bù" in popup.body.text() and "bú" not in popup.body.text()
    assert "[bù zài]" in popup.copy_text()
    window.act_spoken.trigger()
    window.bilingual.show_word(*window.bilingual.lookup_at(start + 1))
    assert "bú" in popup.body.text() and "[bú zài]" in popup.copy_text()
    _choose(window.style_group, "numbers")
    window.bilingual.show_word(*window.bilingual.lookup_at(start + 1))
    assert "bu2" in popup.body.text()


def test_export_dialog_and_pdf_follow_the_view_options(window, tmp_path) -> None:  # noqa: ANN001
    import shutil
    import subprocess

    from reader.core.annotations import Annotations
    from reader.gui.export_dialog import ExportDialog

    window.open_article(2, offset=0)
    text = "\n".join(p.text for p in window.view.paragraphs)
    start = text.index("不再")
    Annotations(window.lib).create(2, start, start + 6, tags=["Claim"])
    window.act_spoken.trigger()
    dialog = ExportDialog(window.lib, 2, window.options)
    try:
        dialog.pinyin.setCurrentIndex(dialog.pinyin.findData("marks"))
        dialog.format.setCurrentIndex(dialog.format.findData("md"))
        saved = dialog.save(tmp_path / "spoken.md")
        assert saved and "不再 (bú zài)" in saved[0].read_text(encoding="utf-8")
        if shutil.which("pdftotext"):
            dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
            pdf = dialog.save(tmp_path / "spoken.pdf")[0]
            out = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
            assert "spoken tones" in out and out.count("bú") >= 2  # the header names the option; 不再 bú
    finally:
        dialog.close()
    plain = ExportDialog(window.lib, 2, window.options.with_(spoken_tones=False))
    try:
        plain.pinyin.setCurrentIndex(plain.pinyin.findData("marks"))
        plain.format.setCurrentIndex(plain.format.findData("md"))
        assert "不再 (bù zài)" in plain.save(tmp_path / "citation.md")[0].read_text(encoding="utf-8")
    finally:
        plain.close()


def test_pdf_handout_shows_a_readers_reading_fix(library, tmp_path) -> None:  # noqa: ANN001
    import shutil
    import subprocess

    import pytest

    from reader.core.reading_fixes import set_fix
    from reader.gui.export_pdf import export_pdf

    if not shutil.which("pdftotext"):
        pytest.skip("needs poppler-utils")

    def text_of(name: str) -> str:
        pdf = export_pdf(library, 2, tmp_path / name, pinyin="marks")
        return subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout

    offset = library.revision_text(library.article(2).revision_id).index("退群")
    before = text_of("before.pdf")
    assert "qún" in before and "qǔn" not in before
    set_fix(library, 2, offset + 1, "qun3")
    assert "qǔn" in text_of("after.pdf")  # the fixed reading, as in the view


def test_options_saved_before_are_kept_in_the_library_when_the_window_opens(qtbot, seeded_db) -> None:  # noqa: ANN001
    from reader.core import reading_options
    from reader.core.library import Library
    from reader.gui.main_window import MainWindow
    from reader.gui.options import DisplayOptions, save_options, settings

    with Library.open(seeded_db) as lib:
        win = MainWindow(lib)
        qtbot.addWidget(win)
        assert lib.get_setting(reading_options.SETTING) is None  # default options: nothing written
        win.close()
    save_options(DisplayOptions(spoken_tones=True, neutral_tones="required"), settings())
    with Library.open(seeded_db) as lib:
        win = MainWindow(lib)
        qtbot.addWidget(win)
        assert reading_options.stored(lib) == reading_options.ReadingOptions("auto", True, "required")
        win.close()


def test_vocabulary_csv_from_the_panel_follows_the_view_options(window, tmp_path) -> None:  # noqa: ANN001
    import csv
    import io

    from reader.core import vocabulary

    vocabulary.add(window.lib, "一样", "yi1 yang4")

    def pinyin_column(name: str) -> str:
        assert window.vocabulary_panel.panel.export_csv(str(tmp_path / name)) == 1
        row = next(csv.DictReader(io.StringIO((tmp_path / name).read_text(encoding="utf-8-sig"))))
        assert row["reading"] == "yi1 yang4"  # the stored reading
        return row["pinyin"]

    assert pinyin_column("citation.csv") == "yī yàng"
    window.act_spoken.trigger()
    assert pinyin_column("spoken.csv") == "yí yàng"
