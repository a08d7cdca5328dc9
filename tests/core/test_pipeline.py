"""Pipeline: readings in three styles, script conversion and offset maps."""
from __future__ import annotations

import pytest

from reader.core.pipeline import analyse, display
from reader.core.pipeline.readings import render, to_zhuyin
from reader.core.pipeline.script import OffsetMap, convert, convert_text


def readings_of(text: str) -> list[str | None]:
    return [r for t in analyse(text) for r in t.readings]


def test_readings_one_per_character_none_for_non_han() -> None:
    text = "2026年1月,聯合國說:OK。"
    readings = readings_of(text)
    assert len(readings) == len(text)
    assert readings[:4] == [None] * 4
    assert readings[4] == "nian2"
    assert readings[8:11] == ["lian2", "he2", "guo2"]
    assert readings[-3:] == [None, None, None]


@pytest.mark.parametrize(
    ("style", "expected"),
    [("marks", ["lián", "hé", "guó"]), ("numbers", ["lian2", "he2", "guo2"]), ("zhuyin", ["ㄌㄧㄢˊ", "ㄏㄜˊ", "ㄍㄨㄛˊ"])],
)
def test_three_styles(style: str, expected: list[str]) -> None:
    assert [render(r, style) for r in readings_of("聯合國")] == expected


def test_umlaut_and_neutral_tone() -> None:
    assert readings_of("绿") == ["lv4"]
    assert render("lv4", "marks") == "lǜ"
    assert readings_of("走了")[1] == "le5"
    assert render("le5", "marks") == "le"
    assert to_zhuyin("le5") == "˙ㄌㄜ"
    assert to_zhuyin("lv4") == "ㄌㄩˋ"


def test_tokens_carry_canonical_offsets() -> None:
    tokens = analyse("美国退出联合国", base=100)
    assert tokens[0].start == 100
    assert tokens[-1].end == 107
    assert "".join(t.text for t in tokens) == "美国退出联合国"


def test_conversions() -> None:
    assert convert_text("聯合國", "simplified") == "联合国"
    assert convert_text("联合国", "traditional") == "聯合國"
    assert convert_text("信息", "taiwan") == "資訊"


def test_identity_map_when_length_is_kept() -> None:
    shown, omap = convert("美國的聯合國", "simplified")
    assert shown == "美国的联合国"
    assert omap.is_identity
    assert omap.span_to_canonical(3, 6) == (3, 6)


def test_taiwan_phrase_that_changes_length_maps_back() -> None:
    text = "我的U盘和信息"
    shown, omap = convert(text, "taiwan")
    assert shown == "我的隨身碟和資訊"
    # Selecting 資訊 in the display maps back to 信息 in the canonical text.
    a = shown.index("資訊")
    start, end = omap.span_to_canonical(a, a + 2)
    assert text[start:end] == "信息"
    # Selecting part of 隨身碟 selects the whole U盘 it stands for.
    b = shown.index("身")
    start, end = omap.span_to_canonical(b, b + 1)
    assert text[start:end] == "U盘"
    # And back: canonical 和 is displayed at its shifted place.
    assert shown[omap.to_display(text.index("和"))] == "和"


def test_display_keeps_offsets_and_rereads_replaced_phrases() -> None:
    text = "U盘和信息"
    tokens = analyse(text)
    shown = display(text, tokens, "taiwan")
    words = {t.text: t for t in shown.tokens}
    assert words["隨身碟"].readings == ["sui2", "shen1", "die2"]
    assert words["隨身碟"].token.text == "U盘"
    assert words["資訊"].readings == ["zi1", "xun4"]
    for tok in shown.tokens:
        assert len(tok.readings) == len(tok.text)


def test_traditional_selection_maps_to_canonical_in_simplified_article() -> None:
    text = "美国退出联合国教科文组织"
    tokens = analyse(text)
    shown = display(text, tokens, "traditional")
    a = shown.text.index("聯合國")
    assert shown.map.span_to_canonical(a, a + 3) == (text.index("联合国"), text.index("联合国") + 3)


def test_offset_map_rejects_inconsistent_chunks() -> None:
    with pytest.raises(ValueError):
        OffsetMap(3, 4)
    with pytest.raises(ValueError):
        OffsetMap(3, 3, [(2, 2)])


def test_tone_marks_agree_with_pypinyin_for_every_syllable() -> None:
    from pypinyin.contrib.tone_convert import to_tone, to_tone3
    from pypinyin.pinyin_dict import pinyin_dict

    from reader.core.pipeline.readings import to_marks

    syllables = {s for v in pinyin_dict.values() for s in v.split(",")}
    assert len(syllables) > 1000
    for syllable in syllables:
        tone3 = to_tone3(syllable, neutral_tone_with_five=True)
        assert to_marks(tone3.replace("ü", "v")) == to_tone(tone3), syllable
