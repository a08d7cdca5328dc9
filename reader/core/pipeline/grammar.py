"""Readings fixed by grammar (core layer, pipeline): particles, 为 'for', 长 'long', 场 for events.

Each rule looks at one character, the segmented word it belongs to and the words around it, and gives a
reading or None (no opinion: the decision rule goes on). A rule applies only where the character is its own
segmented word (or, for 地, the end of a reduplicated adverbial such as 静静地), so words the dictionaries
know (地图, 地位, 长大, 得到, 以为) are never touched.
"""
from __future__ import annotations

from collections.abc import Callable

#: Degree adverbs: what follows them is an adjective, so 长 after one is cháng (long), never zhǎng (grow).
DEGREE_ADVERBS = ("很", "太", "真", "挺", "更", "最", "越", "较", "极", "够", "好", "多", "非常", "特别", "比较",
                  "相当", "十分", "这么", "那么", "多么", "有点", "有些", "有点儿")
#: Degree complements that end a clause after an adjective (干得很, 累极了, 难得要命).
_DEGREE_COMPLEMENTS = frozenset({"得很", "极了", "得要命", "得不得了", "得厉害", "死了", "坏了"})
#: The adjective reading of characters that are also verbs or nouns.
ADJECTIVE_READINGS = {"长": "chang2", "重": "zhong4", "冲": "chong4", "干": "gan1", "难": "nan2", "少": "shao3",
                      "强": "qiang2", "空": "kong1", "薄": "bao2", "差": "cha4", "凉": "liang2", "散": "san3",
                      "累": "lei4", "好": "hao3", "大": "da4", "正": "zheng4", "横": "heng4", "乐": "le4"}
#: Degree adverbs of one character that the segmenter may join to the adjective after them (太冲, 很重).
_PLAIN_DEGREE = frozenset("很太真挺更最")
#: What ends a predicate adjective: a sentence-final particle or punctuation.
_AFTER_ADJECTIVE = frozenset("了的啊呀吧呢啦，,。！？!?；;")
#: Tempers: 强 said of one is jiàng 'stubborn' (脾气很强, 性子太强).
_TEMPERS = ("脾气", "性子", "脾性", "性格")
#: Words after which 得 + verb is the modal děi ('must'): subjects and the adverbs and times before a modal.
_BEFORE_MODAL = frozenset(
    "我 你 他 她 它 您 咱 我们 你们 他们 她们 咱们 大家 人们 自己 谁 还 也 就 都 总 总是 可 又 才 真 那 那么 "
    "所以 因此 必须 一定 非 明天 今天 今晚 晚上 早上 上午 下午 现在 马上 周末 以后 这次 下次 到时候 迟早 "
    "早晚 恐怕 也许 看来".split()
)
#: What 得 'obtain' (dé) takes directly: 得了, 得到, 得奖, 得分 …; 得 is left to the model there.
_AFTER_DE2 = tuple("了到出知益逞奖分手病罪宠势意失救票")
#: Places after 地 'ground' (地上, 地下, 地里): not the adverbial particle.
_LOCATIVES = tuple("上下里中内外面方头")
#: Measure words and demonstratives before 地 'land' (这片地, 一块地).
_LAND_MEASURES = tuple("片块亩垄")
#: Verbs that take 为 as copula or result directly before them: 解读为, 转化为, 升级为 (为 = wéi).
_COPULA_VERBS = tuple("视称改分译选定评列变化成作认奉尊拜聘命读绘述释归划编缩扩定升降转视")
#: Verbs that follow a 为 'for' phrase (为人民服务, 为企业提供, 为他感到骄傲): 为 = wèi.
_BENEFIT_VERBS = (
    "服务", "提供", "开路", "买单", "付出", "感到", "奠定", "注入", "创造", "铺平", "扫清", "贡献", "做出",
    "作出", "操心", "着想", "担心", "骄傲", "高兴", "自豪", "辩护", "准备", "积累", "争取", "开辟", "搭建",
    "打造", "效力", "工作", "奋斗", "牺牲", "负责", "增添", "带来", "谋求", "祝福", "鼓掌", "加油", "喝彩",
    "出力", "发声", "举办", "设计", "寻找", "解决", "提出", "打开", "买", "做", "说话", "让路", "服務",
    "提供了", "感到高兴", "保驾护航", "创造条件", "指明", "埋单", "撑腰", "出谋划策", "献", "捐", "花钱",
)
#: Verbs of purpose right after 为 (为应对, 为实现): 为 = wèi 'in order to'.
_PURPOSE_VERBS = (
    "应对", "实现", "解决", "保护", "推动", "促进", "保障", "维护", "防止", "避免", "确保", "加强", "提高",
    "满足", "纪念", "庆祝", "迎接", "减少", "支持", "帮助", "吸引", "落实", "配合", "适应", "改善", "方便",
    "节省", "节约", "照顾", "赶", "缓解", "弥补", "扩大", "降低", "保持", "争取", "加快", "完成", "让",
)
#: Events that run their course (一场大雨, 一场战争): 场 = cháng; shows and matches (一场电影): chǎng.
_EVENTS = ("雨", "雪", "风暴", "暴风", "风波", "战", "病", "梦", "灾", "难", "劫", "祸", "火", "洪水", "地震", "瘟疫",
           "疫情", "危机", "革命", "运动", "争论", "纠纷", "冲突", "误会", "虚惊", "官司", "较量", "斗争", "浩劫",
           "屠杀", "变革", "风雨", "冰雹", "干旱", "悲剧", "闹剧", "骗局", "空欢喜", "总攻", "攻势", "冲刺", "风潮",
           "浩劫", "噩梦", "恶梦", "哭", "笑话", "雷雨", "考验", "谈判", "交易", "博弈")
_SHOWS = ("电影", "球", "赛", "比赛", "演出", "表演", "音乐会", "戏", "话剧", "晚会", "演唱会", "会议", "讲座",
          "报告", "考试", "节目", "展览", "舞", "芭蕾", "京剧", "歌剧", "秀", "直播", "发布会", "辩论")
_NUMBERS = tuple("一二三四五六七八九十两几这那每半整上下首头某")
_CLAUSE_END = frozenset("，,。！？!?；;：:、…\n")

#: (start, end) of the segmented word of each character
Spans = list[tuple[int, int]]


def _word(text: str, spans: Spans, at: int) -> str:
    """The segmented word covering position `at` ('' outside the text)."""
    if 0 <= at < len(text):
        start, end = spans[at]
        return text[start:end]
    return ""


def _clause_after(text: str, end: int) -> str:
    """The rest of the clause after position `end`."""
    k = end
    while k < len(text) and text[k] not in _CLAUSE_END:
        k += 1
    return text[end:k]


def _clause_before(text: str, start: int) -> str:
    k = start
    while k > 0 and text[k - 1] not in _CLAUSE_END:
        k -= 1
    return text[k:start]


def _is_han_word(word: str) -> bool:
    return bool(word) and all("\u4e00" <= ch <= "\u9fff" for ch in word)


def _adjective(text: str, i: int, spans: Spans) -> str | None:
    """After a degree adverb a character is an adjective: 很长 cháng, 太重 zhòng, 太冲 chòng, 很干 gān."""
    start, end = spans[i]
    if (start, end) == (i - 1, i + 1) and text[start] in _PLAIN_DEGREE and text[i + 1 : i + 2] in _AFTER_ADJECTIVE:
        return ADJECTIVE_READINGS[text[i]]  # the segmenter's 太冲 (an acupoint) in 说话太冲了: 太 + 冲 chòng
    if end - start != 1 or (text[i - 1 : i] == "越" and text[i + 1 : i + 2] == "越"):
        return None  # 真长大了 (长大 is a word), 越长越高 (grows)
    if text.endswith(DEGREE_ADVERBS, 0, i) or (text[i - 1 : i] == "又" and "又" in text[max(0, i - 5) : i - 1]):
        if text[i] == "强" and any(w in _clause_before(text, i) for w in _TEMPERS):
            return "jiang4"  # 脾气很强: 'stubborn' is said of a temper
        return ADJECTIVE_READINGS[text[i]]  # 很长, 又黑又长
    after = _clause_after(text, end)
    if after in _DEGREE_COMPLEMENTS:
        return ADJECTIVE_READINGS[text[i]]  # 嗓子干得很, 累极了: a degree complement ends the clause
    return None


def _di(text: str, i: int, spans: Spans) -> str | None:
    start, end = spans[i]
    word = text[start:end]
    if end - 1 != i:
        return None
    if len(word) >= 3 and word[-2] == word[-3] and word[-2] != "地":
        return "de5"  # 静静地, 高高兴兴地 segmented as one word
    if len(word) != 1:
        return None
    if i >= 2 and text[i - 1] == text[i - 2] and text[i - 1] != "地":
        return "de5"  # 慢慢 地
    before, after = _word(text, spans, start - 1), _word(text, spans, end)
    if (len(before) >= 2 and _is_han_word(before) and _is_han_word(after)
            and not after.startswith(_LOCATIVES) and not before.endswith(_LAND_MEASURES)):
        return "de5"  # 一针见血地指出, 热烈地讨论: an adverbial of two or more characters, then the verb
    return None


def _de(text: str, i: int, spans: Spans) -> str | None:
    start, end = spans[i]
    if end - start != 1:
        return None
    before, after = _word(text, spans, start - 1), _word(text, spans, end)
    if not _is_han_word(after) or after.startswith(_AFTER_DE2):
        return None
    if before in _BEFORE_MODAL or not _is_han_word(before):
        return "dei3"  # 你得早点睡, 明天得交房租: the modal 'must' before a verb
    return "de5"  # 快得令人窒息, 说得很好: the complement particle


def _wei(text: str, i: int, spans: Spans) -> str | None:
    start, end = spans[i]
    if end - start != 1:
        return None
    before = _clause_before(text, i)
    after = _clause_after(text, end)
    previous = _word(text, spans, start - 1)
    if (previous.endswith(_COPULA_VERBS) and len(previous) >= 2) or "以" in before.replace("所以", "") \
            or after[:1].isdigit() or after[:1] in "一二三四五六七八九十百千万零两" \
            or any(text[k] == "所" and spans[k] == (k, k + 1) for k in range(end, end + len(after))):
        return "wei2"  # 解读为, 以…为核心, 预算为2.64亿, 为…所
    next_word = _word(text, spans, end)
    if next_word in _PURPOSE_VERBS:
        return "wei4"  # 为应对…: 'in order to'
    if any(verb in after or verb in after.replace("了", "") for verb in _BENEFIT_VERBS):
        return "wei4"  # 为人民服务, 为他们提供, 为你感到骄傲: 'for'
    return None


def _chang3(text: str, i: int, spans: Spans) -> str | None:
    if i == 0 or text[i - 1] not in _NUMBERS:
        return None
    start, end = spans[i]
    if text[start:end] not in ("场", text[i - 1] + "场"):
        return None  # 场 inside a word (市场, 现场, 场合) keeps its word's reading
    after = _clause_after(text, i + 1)
    found = [(after.find(n), "chang2") for n in _EVENTS if n in after]
    found += [(after.find(n), "chang3") for n in _SHOWS if n in after]
    while not found and text[i + 1 + len(after) : i + 2 + len(after)] == "、":
        # No head noun yet: the 、 joins modifiers of one noun phrase (一场蓄谋已久、旨在…的总攻).
        after += "、" + _clause_after(text, i + 2 + len(after))
        found = [(after.find(n), "chang2") for n in _EVENTS if n in after]
        found += [(after.find(n), "chang3") for n in _SHOWS if n in after]
    if not found:
        return None
    return max(found)[1]  # the head noun is the last of the phrase: 一场关于战争的讲座 is chǎng


def _jiao(text: str, i: int, spans: Spans) -> str | None:
    start, end = spans[i]
    if end - start == 1:
        return "jiao1"  # 教 on its own is the verb 'teach' (教你做饭); jiào is in words (教育, 教室, 请教)
    return None


def _huan(text: str, i: int, spans: Spans) -> str | None:
    start, end = spans[i]
    if end - start != 1:
        return None
    after = _clause_after(text, end)
    if not after or after[:1] in "给清回掉":
        return "huan2"  # 要按时还。还给他: the adverb hái never ends a clause or takes 给
    return None


def _liao(text: str, i: int, spans: Spans) -> str | None:
    if i >= 2 and text[i - 1] in "不得" and "\u4e00" <= text[i - 2] <= "\u9fff" and text[i + 1 : i + 2] != "解":
        before = _word(text, spans, i - 1)
        if before in ("不", "得", "不了", "得了") or before.endswith(("不了", "得了")):
            return "liao3"  # 做不了, 受得了: the potential complement liǎo
    return None


def _zhong(text: str, i: int, spans: Spans) -> str | None:
    start, end = spans[i]
    if end - 1 == i and text[i + 1 : i + 2] in ("得", "了", "着", "过") and (end - start == 1):
        return "zhong4"  # 种得很多, 种了树: the verb 'plant' (the noun zhǒng takes no aspect)
    return None


def _jue(text: str, i: int, spans: Spans) -> str | None:
    if i and text[i - 1] in "一两几半" and spans[i][1] == i + 1:
        return {"觉": "jiao4", "宿": "xiu3"}[text[i]]  # 一觉睡到中午 (a sleep), 住了一宿 (a night)
    return None


#: Colloquial readings of characters standing alone (现代汉语词典's 文白异读): 流了不少血 xiě, 剥橘子 bāo,
#: 削苹果 xiāo, 很薄 báo, 逮老鼠 dǎi; in words they keep the literary reading (血液, 剥夺, 削减, 薄弱, 逮捕).
COLLOQUIAL = {"血": "xie3", "剥": "bao1", "削": "xiao1", "薄": "bao2", "逮": "dai3", "嚼": "jiao2", "壳": "ke2",
              "择": "zhai2"}
#: Verb readings of characters that are also nouns or adjectives, when an aspect particle or a short
#: complement follows (铺了, 盛了一碗, 磨一磨, 量一下, 背着, 凉一凉, 藏在): 铺 pū, not the noun pù.
VERB_READINGS = {"铺": "pu1", "盛": "cheng2", "磨": "mo2", "量": "liang2", "背": "bei1", "凉": "liang4",
                 "藏": "cang2", "数": "shu3", "挑": "tiao1", "撒": "sa3", "钻": "zuan1", "卷": "juan3",
                 "塞": "sai1", "屏": "bing3", "禁": "jin1"}
#: What follows these verbs instead of an aspect particle (背着 bēi but 背下来 bèi; 屏住呼吸 bǐng; 禁得住 jīn).
_AFTER_OF = {"背": ("着", "起"), "屏": ("住", "着", "气", "息"), "禁": ("得", "不", "受", "起"),
             "塞": ("了", "着", "进", "满", "在", "到", "给")}
_AFTER_VERB = ("了", "着", "过", "一", "起", "上", "下", "进", "出", "在", "到", "完", "好", "开")
#: Titles after a surname: 曾先生, 任老师 (the character before one takes its surname reading).
TITLES = ("先生", "女士", "小姐", "老师", "教授", "医生", "大夫", "师傅", "总", "经理", "局长", "主任", "同学",
          "阿姨", "叔叔", "大爷", "太太", "夫人", "记者", "律师", "博士")


def _colloquial(text: str, i: int, spans: Spans) -> str | None:
    if spans[i] == (i, i + 1):
        return COLLOQUIAL[text[i]]
    return None


def _verb(text: str, i: int, spans: Spans) -> str | None:
    after = _AFTER_OF.get(text[i], _AFTER_VERB)
    start, end = spans[i]
    word = text[start:end]
    if (word == text[i] and text[i + 1 : i + 2] in after) or (
            start == i and word[1:2] in ("了", "着", "过", "一") and word[1:2] in after
            and (len(word) == 2 or word[2:] == text[i])) or (start == i and word[1:2] in _AFTER_OF.get(text[i], ())):
        return VERB_READINGS[text[i]]  # 盛了, 背着 and 凉一凉 segmented as one word
    return None


def _tiao(text: str, i: int, spans: Spans) -> str | None:
    if spans[i] == (i, i + 1) and text[i + 1 : i + 2] in tuple("大小高低快慢好准匀"):
        return "tiao2"  # 调小一点: 'adjust' with a result; diào 'transfer' takes a place (调到)
    return None


#: Readings a character has only inside words (少年 shào, 参与 yù, 回应 yìng): on its own it is the
#: function word, 少 shǎo 'less', 与 yǔ 'and, with', 应 yīng 'should' (yìng 'answer' takes 了/声 or ends a clause).
FREE_STANDING = {"少": "shao3", "与": "yu3", "应": "ying1"}
_REQUESTS = ("要求", "邀", "约", "请", "召", "聘", "征", "运")


def _free_standing(text: str, i: int, spans: Spans) -> str | None:
    if spans[i] != (i, i + 1):
        return None
    if text[i] == "应" and (text[i + 1 : i + 2] in ("了", "着", "过", "声") or not _clause_after(text, i + 1)
                           or text.startswith(_REQUESTS, i + 1)):
        return "ying4"  # 他应了一声, 叫他也不应, 应要求召开 (in answer to a request)
    return FREE_STANDING[text[i]]


#: What 刨 'plane' (bào) works on or is: 刨平, 刨光, 刨木头; standing alone otherwise 刨 is páo 'dig' (刨坑, 刨出).
_PLANED = tuple("平光木板子床花")


def _pao(text: str, i: int, spans: Spans) -> str | None:
    if spans[i] == (i, i + 1) and not text.startswith(_PLANED, i + 1):
        return "pao2"
    return None


#: Verbs that knock over or fall, taking 倒 'fall' as their result (吹倒, 推倒, 摔倒, 累倒): 倒 = dǎo there.
_TOPPLING_VERBS = frozenset("打推摔吹绊撞跌滑压砸踢扳驳放拉拽刮震击累病晕醉冲挤碰撂砍掀扑")

#: What 倒 'pour' takes right after it: an amount or a drink (倒一杯水, 倒点茶, 倒酒).
_POURED = tuple("一两半几点些水茶酒油汤奶咖饮")


def _dao(text: str, i: int, spans: Spans) -> str | None:
    if spans[i] != (i, i + 1):
        return None
    if text[i - 1 : i] in _TOPPLING_VERBS:
        return "dao3"  # 路边的树被风吹倒了: a result complement
    if text.startswith(_POURED, i + 1) or "把" in _clause_before(text, i):
        return "dao4"  # 倒一杯水, 把水倒了: 'pour' takes an object ('fall' takes none)
    return None


# ---- one-character verbs whose sense shows in what they take (现代汉语词典, CC-CEDICT's glosses) -------------
_PERSONS = tuple("我你他她您咱们人员工者师生手家") + ("大家", "自己")
#: What 干 'do' (gàn) takes right after it: a result, a complement, an aspect, a question word.
_AFTER_GAN = ("完", "得", "活", "过", "起", "吗", "嘛", "啥", "什么", "下去", "一下", "一辈子", "多久", "不了", "掉")


def _gan(text: str, i: int, spans: Spans) -> str | None:
    """干 on its own: gān 'dry' as an adjective (很干) or a finished change (衣服干了); gàn 'do' before a result,
    complement or question word (干完了, 干活, 你在干什么), and before 得 after a person (他干得很好)."""
    adjective = _adjective(text, i, spans)
    if adjective or spans[i] != (i, i + 1):
        return adjective
    after = _clause_after(text, i + 1)
    if after == "了" or (after.startswith("了") and any(w in after for w in ("杯", "酒"))):
        return "gan1"  # 衣服已经干了; 干了这杯酒 (drink up)
    if text.startswith("得", i + 1):
        before = _clause_before(text, i)
        return "gan4" if before.endswith(_PERSONS) or any(p in before for p in "我你他她您们") else None
    if text.startswith(_AFTER_GAN, i + 1) or (after.startswith("了") and len(after) > 1):
        return "gan4"  # 干完了再休息, 干了三年
    return None


#: What one looks after (看 kān): 看孩子, 看门, 看行李; 看 with one of them after it (and 着/好/住/一下 between).
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
        if text.startswith(thing, k) and text[k + len(thing) : k + len(thing) + 1] not in ("的", "子", "里", "口", "人", "外", "前", "上"):
            return "kan1"
    return None


def _zhuan(text: str, i: int, spans: Spans) -> str | None:
    """转 zhuàn 'turn round' when it goes on (车轮转得很快, 转个不停, 转来转去, 绕着太阳转); zhuǎn takes a
    direction or an object (转身, 转给, 转到)."""
    if spans[i] != (i, i + 1):
        return None
    if text[i + 1 : i + 2] == "得" or text.startswith(("来转", "个不停", "个圈"), i + 1) or (
            not _clause_after(text, i + 1).strip("了着呢啊") and "绕" in _clause_before(text, i)):
        return "zhuan4"
    return None


#: Things tied or bound that come loose (散 sǎn): 鞋带散了, 头发散开.
_TIED = tuple("带绳辫发包捆扣线架")


def _san(text: str, i: int, spans: Spans) -> str | None:
    adjective = _adjective(text, i, spans)
    if adjective or spans[i] != (i, i + 1):
        return adjective
    before = _word(text, spans, i - 1) if i else ""
    if text[i + 1 : i + 2] in ("了", "开", "架") and before.rstrip("子").endswith(_TIED):
        return "san3"  # 鞋带散了, 辫子散开: come loose (人散了, 会散了: sàn)
    return None


#: Signs of a game of mahjong or cards, where 和 with an aspect is hú 'win' (他和了三次).
_GAME = ("麻将", "牌", "一局", "这局", "番")
_DOUGH = ("面", "泥", "馅")


def _he(text: str, i: int, spans: Spans) -> str | None:
    """和 on its own as a verb (the conjunction hé takes no aspect): hú 'win' in a game, huó 'knead' dough or
    clay, huò 'mix in' (和点儿牛奶, 和一和)."""
    if spans[i] != (i, i + 1):
        return None
    after = _clause_after(text, i + 1)
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
    after = _clause_after(text, i + 1)[:7]
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
        before = _clause_before(text, i)
        if "把" in before and not before[before.rindex("把") + 1 :].endswith(_ABSTRACT):
            return "la4"
    if start == i and text.startswith("下", i + 1) and text[i + 2 : i + 3] in tuple("我你他她您咱"):
        return "la4"  # 别落下我: a person left behind
    return None


#: Verbs whose result 蒙 mēng 'dazed' is (搞蒙了, 吓蒙了, 打蒙了).
_DAZING = tuple("搞弄吓打听看整问")


def _meng(text: str, i: int, spans: Spans) -> str | None:
    """蒙 mēng 'guess' (蒙对, 蒙错) or 'dazed' after a verb (把我给搞蒙了); méng 'cover' (蒙住, 蒙上, 蒙着)."""
    if spans[i][0] == i and text[i + 1 : i + 2] in ("住", "上", "着"):
        return "meng2"
    if spans[i] != (i, i + 1):
        return None
    if text[i + 1 : i + 2] in ("对", "错", "中") or (
            text[i - 1 : i] in _DAZING and not _clause_after(text, i + 1).strip("了啊呀")):
        return "meng1"
    return None


#: Verbs that 强 qiǎng 'force oneself to' comes before (强打起精神, 强忍着, 强撑着).
_FORCED = tuple("打撑装挤笑咽留拉")


def _qiang(text: str, i: int, spans: Spans) -> str | None:
    adjective = _adjective(text, i, spans)
    if adjective or spans[i][0] != i or spans[i][1] - i > 2:
        return adjective
    if text[i + 1 : i + 2] in _FORCED:
        return "qiang3"  # 强打起精神, 强撑着 (the segmenter's word or two)
    return None


#: What breaks (折 shé): a long thing of the body (折了一条腿, 腿折了); zhé 'fold, snap off' otherwise.
_LIMBS = ("腿", "胳膊", "胳臂", "骨", "手", "脚", "腰", "脖子")


def _she(text: str, i: int, spans: Spans) -> str | None:
    if spans[i] != (i, i + 1) or text[i + 1 : i + 2] != "了":
        return None
    after = _clause_after(text, i + 2)[:4]
    if any(limb in after for limb in _LIMBS) or (text[:i].endswith(_LIMBS) and _clause_after(text, i + 1) == "了"):
        return "she2"
    return None


#: What is offered in worship (供 gòng: 供着佛像, 在佛像前供了一束花); gōng 'supply' otherwise.
_WORSHIP = ("佛", "神", "祖", "灵位", "牌位", "香火", "菩萨", "祭")


def _gong(text: str, i: int, spans: Spans) -> str | None:
    if spans[i] != (i, i + 1) or text[i + 1 : i + 2] not in ("着", "了", "上", "奉"):
        return None
    clause = _clause_before(text, i) + _clause_after(text, i + 1)
    return "gong4" if any(w in clause for w in _WORSHIP) else None


#: What 撒 sā 'let go, cast' takes (撒网, 撒手, 撒谎 …); anything else scattered is sǎ (撒纸屑, 撒盐).
_SA1 = tuple("网手开谎娇野腿欢气尿泼赖")
#: Adverbs and places that put 撒 in the verb's slot (乱撒, 往锅里撒, 别撒); in names it is sā (撒尼, 贝利撒留).
_BEFORE_VERB = tuple("乱往再又也就都先别要会里上在去来不没多少")


def _sa(text: str, i: int, spans: Spans) -> str | None:
    verb = _verb(text, i, spans)
    if verb or spans[i] != (i, i + 1):
        return verb
    following = text[i + 1 : i + 2]
    if "\u4e00" <= following <= "\u9fff" and following not in _SA1 and (
            text[i - 1 : i] in _BEFORE_VERB or "把" in _clause_before(text, i)):
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


def _da(text: str, i: int, spans: Spans) -> str | None:
    if text[spans[i][0] : spans[i][1]] == "大夫":
        clause = _clause_before(text, i) + _clause_after(text, i)
        return "dai4" if any(m in clause for m in _MEDICAL) else None  # 请大夫给我开点药
    return _adjective(text, i, spans)


def _zhao(text: str, i: int, spans: Spans) -> str | None:
    if spans[i] != (i, i + 2) or text[i : i + 2] != "朝阳" or text.startswith(_PLACE_AFTER, i + 2):
        return None
    if text.startswith(_SUNRISE, i + 2) or text[i - 1 : i] in ("着", "轮", "迎"):
        return "zhao1"  # 朝阳从东方升起, 一轮朝阳, 沐浴着朝阳: the morning sun
    return None


def _lei(text: str, i: int, spans: Spans) -> str | None:
    start, end = spans[i]
    if text[start:end] != "累累" and text[i - 1 : i + 1] != "累累" and text[i : i + 2] != "累累":
        return _adjective(text, i, spans)
    first = i if text[i + 1 : i + 2] == "累" else i - 1
    if any(f in _clause_before(text, first) + _clause_after(text, first + 2) for f in _STRUNG):
        return "lei2"  # 果实累累, 累累地挂满了果子: hanging in strings (伤痕累累, 罪行累累 are lěilěi 'piled up')
    return None


def _adjective_or_verb(text: str, i: int, spans: Spans) -> str | None:
    return _adjective(text, i, spans) or _verb(text, i, spans)  # 很凉 liáng, 凉一凉 liàng


RULES: dict[str, Callable[[str, int, Spans], str | None]] = {
    **dict.fromkeys(COLLOQUIAL, _colloquial), **dict.fromkeys(ADJECTIVE_READINGS, _adjective),
    **dict.fromkeys(VERB_READINGS, _verb), **dict.fromkeys(set(VERB_READINGS) & set(ADJECTIVE_READINGS),
                                                           _adjective_or_verb),
    "地": _di, "得": _de, "为": _wei, "场": _chang3, "教": _jiao, "还": _huan, "了": _liao,
    "种": _zhong, "觉": _jue, "宿": _jue, "调": _tiao, **dict.fromkeys(FREE_STANDING, _free_standing),
    "倒": _dao, "刨": _pao, "干": _gan, "看": _kan, "转": _zhuan, "散": _san, "和": _he, "扎": _za, "落": _la,
    "蒙": _meng, "强": _qiang, "折": _she, "供": _gong, "撒": _sa, "大": _da, "朝": _zhao, "累": _lei,
}


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
    if end - start > 1 and not known(text[start:end]) and rule is not _colloquial:
        if rule is _free_standing and any(known(text[k : k + 2]) for k in range(max(start, i - 1), min(i + 1, end - 1))):
            return None  # 少年 inside the segmenter's 少年儿童: a word after all
        spans = list(spans)
        for k in range(start, end):
            spans[k] = (k, k + 1)
    if rule not in (_liao, _chang3, _jue) and i and spans[i - 1] == (i - 1, i) and split_word(text[i - 1 : i + 1]):
        return None  # the segmenter split a dictionary word into two single characters (文|教): no rule
    return rule(text, i, spans)
