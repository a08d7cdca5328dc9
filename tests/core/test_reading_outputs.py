"""Reading options in every output: neutral tones only where required (twenty words), spoken tones and the
Taiwan standard in the Markdown and HTML exports, the vocabulary's Anki and CSV pinyin, kept in the library."""
from __future__ import annotations

import csv
import io
import sqlite3
import zipfile
from pathlib import Path

import pytest

from reader.core import reading_options as ro
from reader.core.annotations import Annotations
from reader.core.export import export_all, export_article
from reader.core.library import Library
from reader.core.pipeline import analyse, display, lexicon, tones
from reader.core.reading_options import ReadingOptions

# Neutral syllables the dictionaries require: no second reading gives them a full tone, or the full tone is
# another word (东西 dōngxī 'east and west', 地方 dìfāng 'local', 告诉 gàosù 'to press charges').
REQUIRED = {
    "朋友": "peng2 you5", "东西": "dong1 xi5", "先生": "xian1 sheng5", "姑娘": "gu1 niang5", "明白": "ming2 bai5",
    "告诉": "gao4 su5", "地方": "di4 fang5", "意思": "yi4 si5", "孩子": "hai2 zi5", "女朋友": "nv3 peng2 you5",
}
# Optional ones: CC-CEDICT writes tone 5, pypinyin's phrases (or a CC-CEDICT note) the full tone.
OPTIONAL = {
    "休息": ("xiu1 xi5", "xiu1 xi1"), "衣服": ("yi1 fu5", "yi1 fu2"), "认识": ("ren4 shi5", "ren4 shi2"),
    "关系": ("guan1 xi5", "guan1 xi4"), "舒服": ("shu1 fu5", "shu1 fu2"), "头发": ("tou2 fa5", "tou2 fa4"),
    "漂亮": ("piao4 liang5", "piao4 liang4"), "豆腐": ("dou4 fu5", "dou4 fu3"),
    "商量": ("shang1 liang5", "shang1 liang2"), "知识": ("zhi1 shi5", "zhi1 shi2"),
}
TEXT = "我们休息一下吧，他不是我的朋友，是一个老同学。这个星期我们研究垃圾分类。"


def readings_of(text: str, word: str, neutral: str) -> str:
    """The readings displayed over `word` in `text` (the sentence gives 东西 its sense 'thing')."""
    paragraph = display(text, analyse(text), "original", neutral=neutral)
    at = paragraph.text.index(word)
    return " ".join(str(r) for r in [r for t in paragraph.tokens for r in t.readings][at : at + len(word)])


@pytest.mark.parametrize(("word", "stored"), REQUIRED.items())
def test_required_neutral_tones_stay(word: str, stored: str) -> None:
    text = f"他买了很多{word}。" if word == "东西" else f"我说{word}。"
    assert readings_of(text, word, "dictionary") == stored
    assert readings_of(text, word, "required") == stored


@pytest.mark.parametrize(("word", "forms"), OPTIONAL.items())
def test_optional_neutral_tones_switch_to_the_full_tone(word: str, forms: tuple[str, str]) -> None:
    stored, full = forms
    assert readings_of(f"我说{word}。", word, "dictionary") == stored  # as the dictionaries write it, by default
    assert readings_of(f"我说{word}。", word, "required") == full


def test_optional_set_is_derived_from_the_data() -> None:
    table = lexicon.optional_neutral()
    assert 300 < len(table) < 2000  # headword forms, simplified and traditional
    assert table["休息"] == ((1, "xi1"),) and table["頭髮"] == ((1, "fa4"),)
    assert "女朋友" not in table and "不好意思" not in table  # a required word inside keeps its neutral tone
    assert table["大部分"] == ((2, "fen4"),)  # 部分's neutral tone is optional, so it is here too
    assert "桌子" not in table and "妈妈" not in table  # suffixes and doubled syllables stay neutral
    # Only the neutral syllable itself changes: a reading chosen otherwise is left alone.
    assert tones.required_neutral_only(["洗衣服"], ["xi3", "yi1", "fu5"], table) == ["xi3", "yi1", "fu2"]
    assert tones.required_neutral_only(["衣服"], ["yi1", "fu4"], table) == ["yi1", "fu4"]
    with pytest.raises(ValueError, match="neutral-tone choice"):
        display("休息", analyse("休息"), "original", neutral="sometimes")


def test_word_readings_for_entries_and_cards() -> None:
    every = ReadingOptions("taiwan", True, "required")
    assert ro.written_reading("一样", "yi1 yang4", every) == "yi2 yang4"
    assert ro.written_reading("休息", "xiu1 xi5", every) == "xiu1 xi1"
    assert ro.written_reading("垃圾", "la1 ji1", every) == "le4 se4"
    assert ro.written_reading("垃圾", "la1 ji1", ReadingOptions()) == "la1 ji1"  # defaults: as stored
    assert ro.written_reading("垃圾", "la1 ji1", ReadingOptions(), "taiwan") == "le4 se4"  # auto follows the script
    assert ro.written_reading("AA制", "A A zhi4", every) == "A A zhi4"  # not one syllable a character: as is
    with pytest.raises(ValueError, match="unknown reading standard"):
        ReadingOptions(standard="martian")


def test_options_are_kept_in_the_library(empty_library: Library) -> None:
    assert ro.stored(empty_library) == ReadingOptions()  # nothing stored: citation tones, auto, dictionary
    assert ro.store(empty_library, ReadingOptions()).settings == frozenset()  # the defaults: nothing to write
    assert empty_library.get_setting(ro.SETTING) is None
    chosen = ReadingOptions("taiwan", True, "required")
    assert ro.store(empty_library, chosen).settings == frozenset({ro.SETTING})
    assert ro.stored(empty_library) == chosen
    assert ro.store(empty_library, chosen).settings == frozenset()  # unchanged: nothing written
    empty_library.set_setting(ro.SETTING, {"standard": "martian", "spoken": "yes", "neutral": "required"})
    assert ro.stored(empty_library) == ReadingOptions(neutral="required")  # what is not understood: defaults


@pytest.fixture
def article(empty_library: Library, tmp_path: Path) -> tuple[Library, int]:
    """An article with 一/不, optional and required neutral tones and Taiwan readings, highlighted whole."""
    source = tmp_path / "demo.txt"
    source.write_text(TEXT + "\n", encoding="utf-8")
    aid = empty_library.import_file(source).article_id
    text = empty_library.revision_text(empty_library.article(aid).revision_id)
    Annotations(empty_library).create(aid, 0, len(text.rstrip()), tags=["Claim"], note="All of it.")
    return empty_library, aid


EVERY = ReadingOptions("taiwan", True, "required")


def test_markdown_export_follows_the_options(article: tuple[Library, int], tmp_path: Path) -> None:
    lib, aid = article
    plain = tmp_path / "plain.md"
    chosen = tmp_path / "chosen.md"
    export_article(lib, aid, "md", plain, pinyin="marks")
    export_article(lib, aid, "md", chosen, pinyin="marks", readings=EVERY)
    before, after = plain.read_text(encoding="utf-8"), chosen.read_text(encoding="utf-8")
    for word in ("休息 (xiū xi)", "不是 (bù shì)", "一个 (yī ge)", "星期 (xīng qī)", "垃圾 (lā jī)", "朋友 (péng you)"):
        assert word in before
    for word in ("休息 (xiū xī)", "不是 (bú shì)", "一个 (yí gè)", "星期 (xīng qí)", "垃圾 (lè sè)", "朋友 (péng you)"):
        assert word in after
    assert "Taiwan readings" in after and "spoken tones" in after and "Taiwan readings" not in before
    numbers = export_article(lib, aid, "md", pinyin="numbers", readings=ReadingOptions(spoken=True))
    assert "不是 (bu2 shi4)" in numbers and "休息 (xiu1 xi5)" in numbers  # one option on, the others off


def test_html_export_follows_the_options_and_reading_fixes(article: tuple[Library, int], tmp_path: Path) -> None:
    from reader.core.reading_fixes import set_fix

    lib, aid = article
    written = export_all(lib, "html", tmp_path / "out", pinyin="zhuyin", readings=EVERY)
    page = written[0].read_text(encoding="utf-8")
    assert "<rb>不</rb><rp>(</rp><rt>ㄅㄨˊ</rt>" in page  # bú, in zhuyin
    assert "<rb>息</rb><rp>(</rp><rt>ㄒㄧ</rt>" in page  # xī: the full tone (no neutral mark)
    assert "<rb>圾</rb><rp>(</rp><rt>ㄙㄜˋ</rt>" in page  # lèsè
    plain = export_article(lib, aid, "html", pinyin="zhuyin")
    assert "<rt>ㄅㄨˋ</rt>" in plain and "<rt>˙ㄒㄧ</rt>" in plain and "<rt>ㄙㄜˋ</rt>" not in plain
    # A reader's own fix of one reading shows in the HTML export as in the view and the Markdown export.
    set_fix(lib, aid, TEXT.index("垃圾") + 1, "ji2")
    assert "<rb>圾</rb><rp>(</rp><rt>jí</rt>" in export_article(lib, aid, "html", pinyin="marks")


def test_vocabulary_exports_write_the_chosen_pinyin_and_keep_the_stored_reading(
    empty_library: Library, tmp_path: Path,
) -> None:
    from reader.core import vocabulary
    from reader.core.export.anki import export_anki
    from reader.core.export.vocab_csv import export_csv

    vocabulary.add(empty_library, "一样", "yi1 yang4")
    vocabulary.add(empty_library, "休息", "xiu1 xi5")
    export_csv(empty_library, tmp_path / "plain.csv")
    export_csv(empty_library, tmp_path / "chosen.csv", readings=ReadingOptions(spoken=True, neutral="required"))

    def rows(name: str) -> dict[str, tuple[str, str]]:
        text = (tmp_path / name).read_text(encoding="utf-8-sig")
        return {r["simplified"]: (r["pinyin"], r["reading"]) for r in csv.DictReader(io.StringIO(text))}

    assert rows("plain.csv") == {"一样": ("yī yàng", "yi1 yang4"), "休息": ("xiū xi", "xiu1 xi5")}
    assert rows("chosen.csv") == {"一样": ("yí yàng", "yi1 yang4"), "休息": ("xiū xī", "xiu1 xi5")}
    assert [e.reading for e in vocabulary.list_words(empty_library)].count("yi1 yang4") == 1  # stored unchanged

    def reading_fields(name: str, **kw: object) -> list[str]:
        export_anki(empty_library, tmp_path / name, **kw)  # type: ignore[arg-type]
        with zipfile.ZipFile(tmp_path / name) as package:
            (tmp_path / f"{name}.anki2").write_bytes(package.read("collection.anki2"))
        conn = sqlite3.connect(tmp_path / f"{name}.anki2")
        try:
            return sorted(row[0].split("\x1f")[2] for row in conn.execute("SELECT flds FROM notes"))
        finally:
            conn.close()

    assert reading_fields("plain.apkg") == ["xiū xi", "yī yàng"]
    assert reading_fields("chosen.apkg", readings=ReadingOptions(spoken=True)) == ["xiū xi", "yí yàng"]
