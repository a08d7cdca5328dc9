"""Polyphone disambiguation: the readings a user sees above common polyphonic characters."""
from __future__ import annotations

import pytest

from reader.core.pipeline import polyphone, word_readings
from reader.core.pipeline.readings import pypinyin_word_readings
from reader.core.pipeline.segment import segment


def read(text: str) -> list[str | None]:
    """Readings of `text` as the app computes them (segment, then word_readings), one per character."""
    return [r for word in word_readings(segment(text)) for r in word]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("银行", "yin2 hang2"),
        ("行走", "xing2 zou3"),
        ("重要", "zhong4 yao4"),
        ("重新", "chong2 xin1"),
        ("长大", "zhang3 da4"),
        ("很长", "hen3 chang2"),
        ("音乐", "yin1 yue4"),
        ("快乐", "kuai4 le4"),
        ("为了", "wei4 le5"),
        ("为人", "wei2 ren2"),
        ("还是", "hai2 shi5"),
        ("还钱", "huan2 qian2"),
    ],
)
def test_common_polyphones_in_words(text: str, expected: str) -> None:
    assert " ".join(r or "-" for r in read(text)) == expected


def test_sentence_with_several_polyphones() -> None:
    text = "他还是把钱还给了银行，长大以后重新学了音乐。"
    at = read(text)
    assert len(at) == len(text)
    assert at[text.index("还是")] == "hai2"  # still
    assert at[text.index("还给")] == "huan2"  # give back
    assert at[text.index("行")] == "hang2"
    assert at[text.index("长")] == "zhang3"
    assert at[text.index("重")] == "chong2"
    assert at[text.index("乐")] == "yue4"
    assert at[text.index("了音")] == "le5"
    assert at[text.index("，")] is None


def test_fixes_what_pypinyin_alone_gets_wrong() -> None:
    # pypinyin reads the single-character words 还 and 长 with their default readings.
    assert [r for w in pypinyin_word_readings(["很长"]) for r in w] == ["hen3", "zhang3"]
    assert read("这条河很长") == ["zhe4", "tiao2", "he2", "hen3", "chang2"]


def test_traditional_text_is_read_like_simplified() -> None:
    assert read("銀行") == ["yin2", "hang2"]
    assert read("他重新學習音樂") == ["ta1", "chong2", "xin1", "xue2", "xi2", "yin1", "yue4"]


def test_yi_and_bu_show_citation_tones() -> None:
    # pypinyin's phrase data carries tone sandhi (一个 yi2, 不要 bu2); readers see dictionary tones
    # (CC-CEDICT: yi1 ge5).
    assert read("一个") == ["yi1", "ge5"]
    assert read("不要") == ["bu4", "yao4"]
    assert read("一起") == ["yi1", "qi3"]


def test_contract_one_reading_per_character_none_for_non_han() -> None:
    words = ["3D", "打印机", "很", "好玩", "！", "abc"]
    result = polyphone.predict(words)
    assert [len(r) for r in result] == [len(w) for w in words]
    assert result[0] == [None, None] and result[4] == [None] and result[5] == [None, None, None]
    assert result[1] == ["da3", "yin4", "ji1"]
    assert polyphone.predict([]) == []


def test_every_reading_is_tone3() -> None:
    text = "我们都觉得这个地方很好，女儿的绿色外套还在。"
    for reading in read(text):
        assert reading is None or (reading[:-1].isalpha() and reading[:-1].islower() and reading[-1] in "12345")
    assert read("女儿绿")[0] == "nv3" and read("女儿绿")[2] == "lv4"


def test_model_loads_once_and_reports_its_load_time() -> None:
    seconds = polyphone.load()
    assert polyphone.is_loaded()
    assert seconds == polyphone.load() and seconds >= 0.0


def test_core_words_keep_their_dictionary_reading_in_any_context() -> None:
    # The context model alone reads 为 here as wéi; 为了 and 为此 are core vocabulary read wèi.
    text = "有分析认为，此举正是为了迎合美国国内。"
    at = read(text)
    assert at[text.index("认为") + 1] == "wei2"
    assert at[text.index("为了")] == "wei4"
    assert read("他们为此付出了代价。")[2] == "wei4"
    # CC-CEDICT's neutral tone (tou2 fa5) agrees with pypinyin's fà (the model alone says fā), and the
    # neutral tone is shown, as textbooks print it (tóufa).
    assert read("他的头发很长。")[3] == "fa5"


@pytest.mark.parametrize(
    ("text", "char", "expected"),
    [
        ("他的头发很长。", "长", "chang2"),
        ("时间太长了。", "长", "chang2"),
        ("他长得很高。", "长", "zhang3"),
        ("校长很忙。", "长", "zhang3"),
        ("我们慢慢地走吧。", "地", "de5"),
        ("地上有水。", "地", "di4"),
    ],
)
def test_grammar_in_short_sentences(text: str, char: str, expected: str) -> None:
    assert read(text)[text.index(char)] == expected


def test_citation_tones_keep_the_full_tone_of_a_word_neutral_syllable() -> None:
    # Both dictionaries write 弟弟 di4 di5 and 姥姥 lao3 lao5: asked for citation tones, the second syllable
    # shows its own tone; as the app shows text, the neutral tone stays (as for 吧, whose own reading is ba5).
    def cited(text: str) -> list[str | None]:
        return [r for w in polyphone.predict_many([segment(text)], citation=True)[0] for r in w]

    assert cited("我的弟弟") == ["wo3", "de5", "di4", "di4"]
    assert cited("刘姥姥") == ["liu2", "lao3", "lao3"]
    assert read("我的弟弟") == ["wo3", "de5", "di4", "di5"]
    assert read("刘姥姥")[2] == "lao5"


@pytest.mark.parametrize(
    ("text", "char", "expected"),
    [
        ("使自身少受规则约束。", "少", "shao3"),  # 'less' before a verb
        ("全国少年儿童围棋锦标赛", "少", "shao4"),  # 少年 inside the segmenter's longer word
        ("强化国际法权威与执行力。", "与", "yu3"),  # 'and'
        ("他们都参与了讨论。", "与", "yu4"),  # in a word
        ("最早应追溯至1855年。", "应", "ying1"),  # modal 'should'
        ("安理会应要求召开紧急会议。", "应", "ying4"),  # 'in answer to' a request
        ("我叫了他一声，他应了一声。", "应", "ying4"),  # 'answer'
    ],
)
def test_function_words_standing_alone(text: str, char: str, expected: str) -> None:
    assert read(text)[text.index(char)] == expected


@pytest.mark.parametrize(
    ("text", "char", "expected"),
    [
        ("我的嗓子干得很，想喝点水。", "干", "gan1"),  # a degree complement ends the clause: adjective
        ("他长得很高。", "长", "zhang3"),  # 'grew': 得很 is not the end of the clause
        ("新修的公路为经济发展开了路。", "为", "wei4"),  # 开路 with 了 inside still follows a 为 'for'
        ("而是一场蓄谋已久、旨在重塑秩序的总攻。", "场", "chang2"),  # the head noun after 、
        ("今晚有一场精彩、好看的电影。", "场", "chang3"),
    ],
)
def test_grammar_across_a_phrase(text: str, char: str, expected: str) -> None:
    assert read(text)[text.index(char)] == expected


def test_a_verb_said_twice_keeps_one_reading() -> None:
    # 凉一凉 'let it cool', 磨一磨 'sharpen a bit': the second copy is read as the first.
    text = "汤太烫了，先凉一凉再喝。"
    assert read(text)[text.index("凉")] == read(text)[text.index("凉") + 2] == "liang4"
    text = "他每天都要磨一磨菜刀。"
    assert read(text)[text.index("磨") + 2] == "mo2"
    assert read("汤很凉。")[2] == "liang2"  # the adjective, said once


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("路边的树被风吹倒了。", "dao3"),  # 'fall', the result of 吹
        ("他把水倒了。", "dao4"),  # 'pour', with 把
        ("请给我倒一杯水。", "dao4"),  # 'pour', with what is poured
        ("他推倒了那面墙。", "dao3"),
    ],
)
def test_dao_as_a_result_complement(text: str, expected: str) -> None:
    assert read(text)[text.index("倒")] == expected


def test_verb_object_word_with_a_count_between() -> None:
    # 转圈 zhuànquān with 了好几 between: the word's reading, not the model's zhuǎn 'turn into'.
    text = "他在门口转了好几圈。"
    assert read(text)[text.index("转")] == "zhuan4"
    text = "他把工作转给了同事。"
    assert read(text)[text.index("转")] == "zhuan3"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("小狗在地上刨了一个坑。", "pao2"),  # 'dig'
        ("尸体被刨出坟墓。", "pao2"),
        ("他把木板刨平了。", "bao4"),  # 'plane'
    ],
)
def test_pao_dig_and_bao_plane(text: str, expected: str) -> None:
    assert read(text)[text.index("刨")] == expected
