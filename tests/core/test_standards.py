"""Reading standards: the Taiwan script shows Taiwan readings (CC-CEDICT's "Taiwan pr."), mainland stays."""
from __future__ import annotations

import pytest

from reader.core.pipeline import analyse, display, standards

# Twenty words whose Taiwan reading differs, as CC-CEDICT notes it (one syllable at least).
TAIWAN = {
    "垃圾": "le4 se4", "星期": "xing1 qi2", "危险": "wei2 xian3", "研究": "yan2 jiu4", "企业": "qi4 ye4",
    "质量": "zhi2 liang4", "包括": "bao1 gua1", "亚洲": "ya3 zhou1", "微波": "wei2 bo1", "法国": "fa4 guo2",
    "期待": "qi2 dai4", "时期": "shi2 qi2", "暂时": "zhan4 shi2", "档案": "dang3 an4", "绩效": "ji1 xiao4",
    "发酵": "fa1 xiao4", "突然": "tu2 ran2", "口吃": "kou3 ji2", "混淆": "hun4 yao2", "质疑": "zhi2 yi2",
}


def shown(text: str, script: str, standard: str | None = None) -> str:
    paragraph = display(text, analyse(text), script, standard=standard)
    return " ".join(r for token in paragraph.tokens for r in token.readings if r)


@pytest.mark.parametrize(("word", "expected"), TAIWAN.items())
def test_taiwan_script_shows_taiwan_readings(word: str, expected: str) -> None:
    assert shown(word, "taiwan") == expected
    assert shown(word, "traditional") != expected  # positive control: the mainland reading elsewhere


def test_standard_can_be_set_apart_from_the_script() -> None:
    assert shown("垃圾", "taiwan", "mainland") == "la1 ji1"
    assert shown("垃圾", "simplified", "taiwan") == "le4 se4"
    assert shown("危機", "original", "taiwan") == "wei2 ji1"


def test_sense_specific_notes_are_not_applied_inside_words() -> None:
    # CC-CEDICT notes han4 for 和 'and' only inside that sense: 和平 stays hépíng in Taiwan too.
    assert shown("和平", "taiwan") == "he2 ping2"
    assert shown("我们研究和平问题。", "taiwan").split()[3] == "jiu4"


def test_coverage_and_bad_standard() -> None:
    forms, single = standards.coverage()
    assert forms > 500 and 0 < single < forms
    with pytest.raises(ValueError, match="unknown reading standard"):
        standards.resolve("martian", "taiwan")
