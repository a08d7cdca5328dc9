"""Readings fixed by sense (core layer, pipeline): one-character verbs whose sense shows in what they take
(干完 gàn, 看一下行李 kān, 转得 zhuàn …), words whose two dictionary entries are two senses (大夫, 朝阳, 累累),
and `by_rule`, which applies these and the rules of grammar (`grammar`) to one character.

Like the rules of grammar, each looks at one character, its segmented word and the words around it, and gives
a reading or None (no opinion).
"""
from __future__ import annotations

from collections.abc import Callable

from reader.core.pipeline.grammar import (
    COLLOQUIAL,
    GRAMMAR_RULES,
    TITLES,
    Rule,
    Spans,
    adjective,
    chang3,
    clause_after,
    clause_before,
    free_standing,
    jue,
    liao,
    verb,
    word_at,
)

# ---- one-character verbs whose sense shows in what they take (现代汉语词典, CC-CEDICT's glosses) -------------
_PERSONS = tuple("我你他她您咱们人员工者师生手家") + ("大家", "自己")
#: What 干 'do' (gàn) takes right after it: a result, a complement, an aspect, a question word.
_AFTER_GAN = ("完", "得", "活", "过", "起", "吗", "嘛", "啥", "什么", "下去", "一下", "一辈子", "多久", "不了", "掉")


def _gan(text: str, i: int, spans: Spans) -> str | None:
    """干 on its own: gān 'dry' as an adjective (很干) or a finished change (衣服干了); gàn 'do' before a result,
    complement or question word (干完了, 干活, 你在干什么), and before 得 after a person (他干得很好)."""
    as_adjective = adjective(text, i, spans)
    if as_adjective or spans[i] != (i, i + 1):
        return as_adjective
    after = clause_after(text, i + 1)
    if after == "了" or (after.startswith("了") and any(w in after for w in ("杯", "酒"))):
        return "gan1"  # 衣服已经干了; 干了这杯酒 (drink up)
    if text.startswith("得", i + 1):
        before = clause_before(text, i)
        return "gan4" if before.endswith(_PERSONS) or any(p in before for p in "我你他她您们") else None
    if text.startswith(_AFTER_GAN, i + 1) or (after.startswith("了") and len(after) > 1):
        return "gan4"  # 干完了再休息, 干了三年
    return None


#: What one looks after (看 kān): 看孩子, 看门, 看行李; 看 with one of them after it (and 好/住/一下 between).
_LOOKED_AFTER = ("孩子", "小孩", "宝宝", "门", "家", "行李", "摊", "店", "铺子", "犯人", "羊", "牛", "仓库")
_KAN_FILLERS = ("一会儿", "一下", "会儿", "好", "住")


def _kan(text: str, i: int, spans: Spans) -> str | None:
    """看 kān 'look after' takes what is minded (帮我看一下孩子, 看好行李); kàn otherwise (去看孩子 'visit')."""
    if spans[i][0] != i or text[i - 1 : i] in ("去", "来", "望", "探"):
        return None
    k = i + 1
    for filler in _KAN_FILLERS:
        if text.startswith(filler, k):
            k += len(filler)
            break
    for thing in _LOOKED_AFTER:
        if text.startswith(thing, k) and clause_after(text, k + len(thing)) in ("", "吧", "呢", "啊", "了", "一会儿"):
            return "kan1"  # the minded thing ends the clause (看孩子们玩, 看门口, 看孩子的照片: kàn)
    return None


def _zhuan(text: str, i: int, spans: Spans) -> str | None:
    """转 zhuàn 'turn round' when it goes on (车轮转得很快, 转个不停, 转来转去, 绕着太阳转); zhuǎn takes a
    direction or an object (转身, 转给, 转到)."""
    if spans[i] != (i, i + 1):
        return None
    if text[i + 1 : i + 2] == "得" or text.startswith(("来转", "个不停", "个圈"), i + 1) or (
            not clause_after(text, i + 1).strip("了着呢啊") and "绕" in clause_before(text, i)):
        return "zhuan4"
    return None


#: Things tied or bound that come loose (散 sǎn): 鞋带散了, 头发散开.
_TIED = tuple("带绳辫发包捆扣线架")
#: Gatherings that break up (散 sàn): 会散了, 人群散开.
_GATHERINGS = tuple("会议人群席场伙课戏都")


def _san(text: str, i: int, spans: Spans) -> str | None:
    as_adjective = adjective(text, i, spans)
    if as_adjective or spans[i] != (i, i + 1):
        return as_adjective
    before = word_at(text, spans, i - 1) if i else ""
    if text[i + 1 : i + 2] in ("了", "开", "架") and before.rstrip("子").endswith(_TIED):
        return "san3"  # 鞋带散了, 辫子散开: come loose
    if text[i + 1 : i + 2] in ("了", "开", "去") and before.endswith(_GATHERINGS):
        return "san4"  # 会议散了, 人都散了: a gathering breaks up
    return None


#: Signs of a game of mahjong or cards, where 和 with an aspect is hú 'win' (他和了三次).
_GAME = ("麻将", "牌", "一局", "这局", "番")
_DOUGH = ("面", "泥", "馅")


def _he(text: str, i: int, spans: Spans) -> str | None:
    """和 on its own as a verb (the conjunction hé takes no aspect): hú 'win' in a game, huó 'knead' dough or
    clay, huò 'mix in' (和点儿牛奶, 和一和)."""
    if spans[i] != (i, i + 1):
        return None
    after = clause_after(text, i + 1)
    if not after and text[i - 1 : i] in ("没", "不", "能", "要", "又", "就", "先") and any(g in text for g in _GAME):
        return "hu2"  # 打了一晚上麻将，他一次也没和: the verb ends the clause in a game
    if after[:1] in ("了", "过") or after.startswith(("点", "一下", "匀", "一和")):
        if any(g in text for g in _GAME) and after[:1] in ("了", "过"):
            return "hu2"
        return "huo2" if any(d in after[:5] for d in _DOUGH) else "huo4"
    return None


#: What 扎 zā 'tie' binds or makes (扎辫子, 扎着马尾, 扎腰带, 扎成一捆); otherwise zhā 'prick, pitch'.
_TIED_UP = ("辫", "头发", "马尾", "腰带", "带子", "绳", "蝴蝶结", "彩", "捆")


def _za(text: str, i: int, spans: Spans) -> str | None:
    if spans[i][0] != i or len(text[spans[i][0] : spans[i][1]]) > 2:
        return None
    after = clause_after(text, i + 1)[:7]
    if any(thing in after for thing in _TIED_UP) and not after.startswith(("针", "手", "根", "进")):
        return "za1"
    return None


#: Abstract things set somewhere with 把 (把目光落在, 把希望落在): luò; things left behind (把钥匙落在家里): là.
_ABSTRACT = ("目光", "眼光", "视线", "重点", "重心", "希望", "责任", "焦点", "注意力", "心思", "任务", "脚步")


def _la(text: str, i: int, spans: Spans) -> str | None:
    """落 là 'leave behind, forget' (把钥匙落在家里, 别落下我); luò 'fall, land' otherwise."""
    start, end = spans[i]
    word = text[start:end]
    if word == "落" and text[i + 1 : i + 2] in ("在", "到"):
        before = clause_before(text, i)
        if "把" in before and not before[before.rindex("把") + 1 :].endswith(_ABSTRACT):
            return "la4"
    if start == i and text.startswith("下", i + 1) and text[i + 2 : i + 3] in tuple("我你他她您咱"):
        return "la4"  # 别落下我: a person left behind
    return None


#: Verbs whose result 蒙 mēng 'dazed' is (搞蒙了, 吓蒙了, 打蒙了).
_DAZING = tuple("搞弄吓打听看整问")


#: What 蒙 Měng, short for Mongolia, is joined with (蒙藏, 蒙汉, 蒙古, 蒙语).
_MONGOLIA = tuple("藏汉古语族文满回")


def _meng(text: str, i: int, spans: Spans) -> str | None:
    """蒙 mēng 'guess' (蒙对, 蒙错) or 'dazed' after a verb (把我给搞蒙了); méng 'cover' (蒙住, 蒙上, 蒙着)."""
    if spans[i][0] == i and text[i + 1 : i + 2] in ("住", "上", "着"):
        return "meng2"
    if spans[i][0] == i and text.startswith(_MONGOLIA, i + 1):
        return "meng3"  # 蒙藏委员会, 蒙汉双语: Mongolia
    if spans[i] != (i, i + 1):
        return None
    if text[i + 1 : i + 2] in ("对", "错", "中") or (
            text[i - 1 : i] in _DAZING and not clause_after(text, i + 1).strip("了啊呀")):
        return "meng1"
    return None


#: Verbs that 强 qiǎng 'force oneself to' comes before (强打起精神, 强忍着, 强撑着).
_FORCED = tuple("打撑装挤笑咽留拉")


def _qiang(text: str, i: int, spans: Spans) -> str | None:
    as_adjective = adjective(text, i, spans)
    if as_adjective or spans[i][0] != i or spans[i][1] - i > 2:
        return as_adjective
    if text[i + 1 : i + 2] in _FORCED:
        return "qiang3"  # 强打起精神, 强撑着 (the segmenter's word or two)
    return None


#: What breaks (折 shé): a long thing of the body (折了一条腿, 腿折了); zhé 'fold, snap off' otherwise.
_LIMBS = ("腿", "胳膊", "胳臂", "骨", "手", "脚", "腰", "脖子")


def _she(text: str, i: int, spans: Spans) -> str | None:
    if spans[i] != (i, i + 1) or text[i + 1 : i + 2] != "了":
        return None
    after = clause_after(text, i + 2)[:4]
    if any(limb in after for limb in _LIMBS) or (text[:i].endswith(_LIMBS) and clause_after(text, i + 1) == "了"):
        return "she2"
    return None


#: What is offered in worship (供 gòng: 供着佛像, 在佛像前供了一束花); gōng 'supply' otherwise.
_WORSHIP = ("佛", "神", "祖", "灵位", "牌位", "香火", "菩萨", "祭")


def _gong(text: str, i: int, spans: Spans) -> str | None:
    if spans[i] != (i, i + 1) or text[i + 1 : i + 2] not in ("着", "了", "上", "奉"):
        return None
    clause = clause_before(text, i) + clause_after(text, i + 1)
    return "gong4" if any(w in clause for w in _WORSHIP) else None


#: What 撒 sā 'let go, cast' takes (撒网, 撒手, 撒谎 …); anything else scattered is sǎ (撒纸屑, 撒盐).
_SA1 = tuple("网手开谎娇野腿欢气尿泼赖")
#: Adverbs and places that put 撒 in the verb's slot (乱撒, 往锅里撒, 别撒); in names it is sā (撒尼, 贝利撒留).
_BEFORE_VERB = tuple("乱往再又也就都先别要会里上在去来不没多少")


def _sa(text: str, i: int, spans: Spans) -> str | None:
    k = i + 1
    while k < len(text) and k - i <= 3 and text[k] in "了过着一个张":
        k += 1
    if k > i + 1 and text[k : k + 1] in _SA1:
        return "sa1"  # 撒了个谎, 撒了一张网: the word 撒谎, 撒网 with a count inside
    as_verb = verb(text, i, spans)
    if as_verb or spans[i] != (i, i + 1):
        return as_verb
    following = text[i + 1 : i + 2]
    if "\u4e00" <= following <= "\u9fff" and following not in _SA1 and (
            text[i - 1 : i] in _BEFORE_VERB or "把" in clause_before(text, i)):
        return "sa3"  # 别在地上乱撒纸屑, 往汤里撒盐
    return None


# ---- words whose two dictionary entries are two senses (CC-CEDICT lists both) ----------------------------
#: What goes with a doctor (大夫 dàifu); without it 大夫 is left to the model (郑国大夫, 光禄大夫 dàfū).
_MEDICAL = ("病", "药", "医", "疼", "痛", "针", "烧", "感冒", "咳嗽", "检查", "手术", "诊", "伤")
#: What the morning sun (朝阳 zhāoyáng) does or meets; a place or 'facing the sun' is cháoyáng.
_SUNRISE = tuple("升照从初映洒冉露")
_PLACE_AFTER = tuple("区县市路街门镇乡村公园医院北南东西大里")
#: What hangs in strings (累累 léiléi): fruit and ears of grain.
_STRUNG = ("果", "穗", "葡萄", "葫芦")


#: Verbs that go to a doctor (看大夫, 找大夫, 请大夫): a court official is not seen or sent for.
_SEE_DOCTOR = ("看", "找", "请", "叫", "问", "当")


def _da(text: str, i: int, spans: Spans) -> str | None:
    if text[spans[i][0] : spans[i][1]] == "大夫":
        clause = clause_before(text, i) + clause_after(text, i)
        if any(m in clause for m in _MEDICAL) or clause_before(text, i).endswith(_SEE_DOCTOR):
            return "dai4"  # 请大夫给我开点药, 去看看大夫
        return None
    return adjective(text, i, spans)


def _zhao(text: str, i: int, spans: Spans) -> str | None:
    if spans[i] != (i, i + 2) or text[i : i + 2] != "朝阳" or text.startswith(_PLACE_AFTER, i + 2):
        return None
    if text.startswith(_SUNRISE, i + 2) or text[i - 1 : i] in ("着", "轮", "迎"):
        return "zhao1"  # 朝阳从东方升起, 一轮朝阳, 沐浴着朝阳: the morning sun
    return None


def _lei(text: str, i: int, spans: Spans) -> str | None:
    start, end = spans[i]
    if text[start:end] != "累累" and text[i - 1 : i + 1] != "累累" and text[i : i + 2] != "累累":
        return adjective(text, i, spans)
    first = i if text[i + 1 : i + 2] == "累" else i - 1
    if any(f in clause_before(text, first) + clause_after(text, first + 2) for f in _STRUNG):
        return "lei2"  # 果实累累, 累累地挂满了果子: hanging in strings (伤痕累累, 罪行累累 are lěilěi 'piled up')
    return None


#: Results a verb takes (弄干, 弄不好, 钉在, 粘住): 弄 nòng 'make', 钉 dìng 'nail', 粘 zhān 'stick' as verbs.
_RESULTS = tuple("干好坏清明懂错丢脏湿乱成得不了到出来去完醒破碎断掉在上住着进满牢紧")
_VERB_BEFORE_RESULT = {"弄": "nong4", "钉": "ding4", "粘": "zhan1"}


def _before_result(text: str, i: int, spans: Spans) -> str | None:
    """弄 nòng, 钉 dìng, 粘 zhān standing alone before a result or aspect (把羽毛弄干, 钉在墙上, 粘在石头上);
    the noun readings (弄堂 lòng, 钉子 dīng) and the adjective (很粘 nián) are in words or take no result."""
    as_adjective = adjective(text, i, spans) if text[i] == "粘" else None
    if as_adjective:
        return as_adjective  # 年糕太粘了 nián
    if spans[i] == (i, i + 1) and text.startswith(_RESULTS, i + 1) and text[i : i + 2] != "粘着":
        return _VERB_BEFORE_RESULT[text[i]]  # (粘着 niánzhuó 'adhesion' is a word the segmenter may cut)
    return None


#: Counts and determiners before 处 'place' (一处古寺, 多处, 每处): the measure word chù.
_PLACE_COUNTS = tuple("一二三四五六七八九十两几多每某各此这那")


def _chu(text: str, i: int, spans: Spans) -> str | None:
    if spans[i] != (i, i + 1):
        return None
    if text[i + 1 : i + 2] == "得" or text.startswith("不来", i + 1):
        return "chu3"  # 我们处得很好, 处不来: get along (a place takes no complement)
    if text[i - 1 : i] in _PLACE_COUNTS and text[i - 1 : i]:
        return "chu4"  # 山顶有一处古寺 (处理, 处事 are words: chǔ)
    return None


#: 尽 jǐn only begins words (尽管, 尽量, 尽快, 尽早) or goes before 着 'let … first'; alone it is jìn 'all, use up'.
def _jin(text: str, i: int, spans: Spans) -> str | None:
    if spans[i] == (i, i + 1) and text[i + 1 : i + 2] not in ("着", "管", "量", "快", "早", "先"):
        return "jin4"  # 尽得其真传, 尽了全力
    return None


def _he4(text: str, i: int, spans: Spans) -> str | None:
    if spans[i][0] == i and text.startswith(("一声", "了一声", "道"), i + 1):
        return "he4"  # 大喝一声 (a shout); 喝 'drink' takes what is drunk
    return None


def _hong(text: str, i: int, spans: Spans) -> str | None:
    if spans[i] == (i, i + 1) and (text.startswith(("他", "她", "我", "你", "孩子", "小孩", "宝宝", "人"), i + 1)
                                   or (i + 1 == len(text) or text[i + 1] in "。，,！？!?；;")):
        return "hong3"  # 哄他入睡, 哄孩子: coax someone (哄堂 hōng, 起哄 hòng are words)
    return None


#: What 挨 ái 'suffer' takes (挨打, 挨骂, 挨饿); otherwise 挨 is āi 'next to, in turn' (紧挨, 挨肩, 挨家).
_SUFFERED = tuple("打骂批饿冻揍罚整刀训宰枪踢咬说")


def _ai(text: str, i: int, spans: Spans) -> str | None:
    if spans[i] != (i, i + 1):
        return None
    if text.startswith(_SUFFERED, i + 1) or text.startswith(("了一", "过一"), i + 1):
        return "ai2"
    if text[i - 1 : i] == "紧" or text.startswith(("着", "近", "肩", "家", "个", "门"), i + 1):
        return "ai1"
    return None


#: 将 jiāng 'will; take' always goes before what it governs; ending a clause or before 后/之/的 it is the noun
#: jiàng 'general' (魏将后, 为宁前参将。).
_AFTER_GENERAL = tuple("。，,、；;！？!?后之的")


def _jiang(text: str, i: int, spans: Spans) -> str | None:
    if spans[i] == (i, i + 1) and i and (i + 1 == len(text) or text[i + 1] in _AFTER_GENERAL):
        return "jiang4"
    return None


#: Cooking words with 炸 zhá 'deep-fry' (续炸三分钟, 炸至金黄); zhà 'explode' otherwise.
_FRYING = ("锅", "分钟", "金黄", "酥", "脆", "油温", "至熟")


def _zha(text: str, i: int, spans: Spans) -> str | None:
    if spans[i][0] == i and any(w in clause_after(text, i + 1)[:8] for w in _FRYING):
        return "zha2"
    return None


#: What 系 jì 'tie, fasten' ties (系鞋带, 系好安全带, 系围裙); xì 'relate, be' takes none of them.
_FASTENED = ("鞋带", "领带", "带子", "腰带", "安全带", "扣", "围裙", "围巾", "领巾", "绳", "丝带", "蝴蝶结", "缰")


def _ji(text: str, i: int, spans: Spans) -> str | None:
    if spans[i][0] != i or spans[i][1] - i > 2:
        return None
    around = clause_after(text, i + 1)[:6] + "|" + clause_before(text, i)[-6:]
    if any(f in around for f in _FASTENED):
        return "ji4"  # 系好了鞋带, 鞋带也好系
    return None


def _liao(text: str, i: int, spans: Spans) -> str | None:
    if spans[i][0] == i and text.startswith(("起", "开", "上", "了起", "一下"), i + 1):
        return "liao1"  # 撩起裙子, 把头发撩了起来: lift (撩拨 liáo 'tease' is a word)
    return None


#: What tells a film (片子 piānzi) from a flake or a slice (片子 piànzi).
_FILM = ("部", "上映", "拍", "导演", "影", "放映", "看", "主演", "票房", "镜头")


def _pian(text: str, i: int, spans: Spans) -> str | None:
    if text[spans[i][0] : spans[i][1]] == "片子" and spans[i][0] == i and any(
            f in clause_before(text, i)[-4:] + clause_after(text, i + 2) for f in _FILM):
        return "pian1"  # 这部片子将于国庆上映
    return None


#: What is said of attire (穿着 chuānzhuó, a noun): 穿着讲究, 她的穿着很朴素.
_OF_ATTIRE = ("讲究", "朴素", "得体", "考究", "时髦", "时尚", "随便", "随意", "整齐", "打扮", "体面", "寒酸", "入时")


def _zhuo(text: str, i: int, spans: Spans) -> str | None:
    if text[i - 1 : i] != "穿":
        return None
    if text[i - 2 : i - 1] == "的" or text.startswith(_OF_ATTIRE, i + 1) \
            or text.startswith(tuple("很十非也都不"), i + 1) and any(a in clause_after(text, i + 1)[:6] for a in _OF_ATTIRE):
        return "zhuo2"  # 新娘的穿着, 穿着讲究: the noun 'attire' (穿着大衣 is wearing)
    return None


#: Prices, rates and settings that 调 tiáo 'adjust' moves (下调利率, 调升票价); 调 diào moves people and posts.
_ADJUSTED = ("率", "价", "费", "税", "资", "薪", "息", "油", "比例", "标准", "目标", "预期", "评级", "额度", "温度",
             "音量", "颜色", "颜料", "色", "味", "档")


def _tiao_word(text: str, i: int, spans: Spans) -> str | None:
    word = text[spans[i][0] : spans[i][1]]
    if word in ("上调", "下调", "调升", "调降", "调高", "调低", "调涨") or (
            spans[i] == (i, i + 1) and text.startswith(("出", "成", "好", "匀"), i + 1)) or word in ("调出", "调成"):
        clause = clause_before(text, i) + clause_after(text, i)
        if any(a in clause for a in _ADJUSTED):
            return "tiao2"  # 利率不会大幅下调, 用颜料调出各种颜色
    return GRAMMAR_RULES["调"](text, i, spans)


def _zhang4(text: str, i: int, spans: Spans) -> str | None:
    if text[i - 1 : i] in ("脸", "头", "肚") and (text.startswith(("得", "红", "紫"), i + 1)):
        return "zhang4"  # 脸涨得通红: swell, flush (涨价 zhǎng 'rise')
    return None


SENSE_RULES: dict[str, Rule] = {
    "干": _gan, "看": _kan, "转": _zhuan, "散": _san, "和": _he, "扎": _za, "落": _la, "蒙": _meng, "强": _qiang,
    "折": _she, "供": _gong, "撒": _sa, "大": _da, "朝": _zhao, "累": _lei, "处": _chu, "尽": _jin, "喝": _he4,
    "哄": _hong, "挨": _ai, "将": _jiang, "炸": _zha, **dict.fromkeys(_VERB_BEFORE_RESULT, _before_result),
    "系": _ji, "撩": _liao, "片": _pian, "着": _zhuo, "调": _tiao_word, "涨": _zhang4,
}
RULES: dict[str, Rule] = {**GRAMMAR_RULES, **SENSE_RULES}


def by_rule(text: str, i: int, spans: Spans, known: Callable[[str], bool] = lambda word: True,
            split_word: Callable[[str], bool] = lambda word: False,
            surnames: dict[str, str] | None = None) -> str | None:
    """The reading grammar fixes for `text[i]` (simplified text, `spans` from the segmentation), or None.

    `known(word)` tells whether a dictionary lists a word. A segmented word that neither dictionary knows
    (得交, 写得: the segmenter's guesses) is not trusted: there the character is treated as a word of its
    own. A character that forms a CC-CEDICT word (`split_word`) with a single character before it, a word
    the segmenter split, gets no rule. A character right before a title (先生, 老师) takes its surname
    reading from `surnames`.
    """
    if surnames and text[i] in surnames and text.startswith(TITLES, i + 1) and spans[i][0] == i:
        return surnames[text[i]]  # 曾先生 Zēng, 任老师 Rén
    rule = RULES.get(text[i])
    if rule is None:
        return None
    start, end = spans[i]
    if (start, end) == (i - 1, i + 1) and text[i + 1 : i + 2] in ("了", "着", "过") and i >= 2 \
            and spans[i - 2][1] == i - 1 and (known(text[i - 2 : i]) or text[i - 1] in "上下里"):
        # 地|上铺|了: an aspect particle follows a verb, so the words are 地上|铺 (a cut the segmenter missed)
        spans = list(spans)
        spans[i - 1], spans[i] = (i - 1, i), (i, i + 1)
        start, end = i, i + 1
    if end - start > 1 and not known(text[start:end]):
        if (rule is free_standing or text[i] in COLLOQUIAL) and any(known(text[k : k + 2]) for k in range(max(start, i - 1), min(i + 1, end - 1))):
            return None  # 少年 inside the segmenter's 少年儿童, 逮捕 in 逮捕令: a word after all
        spans = list(spans)
        for k in range(start, end):
            spans[k] = (k, k + 1)
    if rule not in (liao, chang3, jue) and i and spans[i - 1] == (i - 1, i) and split_word(text[i - 1 : i + 1]):
        return None  # the segmenter split a dictionary word into two single characters (文|教): no rule
    return rule(text, i, spans)
