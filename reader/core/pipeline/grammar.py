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
                      "累": "lei4", "好": "hao3", "大": "da4", "正": "zheng4", "横": "heng4", "乐": "le4",
                      "粘": "nian2"}
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
#: Adverbs that follow the modal 得 děi but never start a complement of degree (这事得好好商量, 得赶紧走).
_MODAL_ADVERBS = ("好好", "赶紧", "赶快", "马上", "立刻", "立即", "尽快", "抓紧", "先", "早点", "提前", "亲自", "重新")
#: What follows the potential complement 得了 (做得了吗, 吃得了, 我干得了。): a question particle or the clause end.
_AFTER_POTENTIAL = frozenset("吗嗎吧呢啊么麽，,。！？!?；;")
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
    "供给", "供应", "介绍", "讲解", "演奏", "表演", "治病", "看病", "做饭", "安排",
)
#: 'A little, some' after 为 is no amount it equals (为一点小事, 为一些琐事): not the copula of 为三百万.
_SOME = ("一点", "一些", "一件", "一个", "一句", "一时")
#: Quarrels and feelings that a 为 'because of' phrase goes before (为这点小事吵架, 为他伤心): 为 = wèi.
_CAUSED = ("吵", "争", "打架", "发愁", "烦恼", "伤心", "难过", "生气", "着急", "哭", "担忧", "犯愁", "操劳", "闹")
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
#: A rule: (text, index, spans) → a reading or None
Rule = Callable[[str, int, Spans], str | None]


def word_at(text: str, spans: Spans, at: int) -> str:
    """The segmented word covering position `at` ('' outside the text)."""
    if 0 <= at < len(text):
        start, end = spans[at]
        return text[start:end]
    return ""


def clause_after(text: str, end: int) -> str:
    """The rest of the clause after position `end`."""
    k = end
    while k < len(text) and text[k] not in _CLAUSE_END:
        k += 1
    return text[end:k]


def clause_before(text: str, start: int) -> str:
    k = start
    while k > 0 and text[k - 1] not in _CLAUSE_END:
        k -= 1
    return text[k:start]


def _is_han_word(word: str) -> bool:
    return bool(word) and all("\u4e00" <= ch <= "\u9fff" for ch in word)


def adjective(text: str, i: int, spans: Spans) -> str | None:
    """After a degree adverb a character is an adjective: 很长 cháng, 太重 zhòng, 太冲 chòng, 很干 gān."""
    start, end = spans[i]
    if (start, end) == (i - 1, i + 1) and text[start] in _PLAIN_DEGREE and text[i + 1 : i + 2] in _AFTER_ADJECTIVE:
        return ADJECTIVE_READINGS[text[i]]  # the segmenter's 太冲 (an acupoint) in 说话太冲了: 太 + 冲 chòng
    if end - start != 1 or (text[i - 1 : i] == "越" and text[i + 1 : i + 2] == "越"):
        return None  # 真长大了 (长大 is a word), 越长越高 (grows)
    if text.endswith(DEGREE_ADVERBS, 0, i) or (text[i - 1 : i] == "又" and "又" in text[max(0, i - 5) : i - 1]):
        if text[i] == "强" and any(w in clause_before(text, i) for w in _TEMPERS):
            return "jiang4"  # 脾气很强: 'stubborn' is said of a temper
        return ADJECTIVE_READINGS[text[i]]  # 很长, 又黑又长
    after = clause_after(text, end)
    if after in _DEGREE_COMPLEMENTS:
        return ADJECTIVE_READINGS[text[i]]  # 嗓子干得很, 累极了: a degree complement ends the clause
    return None


def _di(text: str, i: int, spans: Spans) -> str | None:
    start, end = spans[i]
    word = text[start:end]
    if start == i and end - start == 2 and i >= 3 and text[i - 1] == text[i - 2] and text[i - 1] != "地" \
            and spans[i - 1][1] == i and i - spans[i - 1][0] >= 3 and end < len(text) and _is_han_word(text[end]):
        return "de5"  # 慢悠悠|地点|起: after an ABB adverbial 地 is the particle (看看|地图, 人人|地位 are not)
    if end - 1 != i:
        return None
    if len(word) >= 3 and word[-2] == word[-3] and word[-2] != "地":
        return "de5"  # 静静地, 高高兴兴地 segmented as one word
    if len(word) != 1:
        return None
    if i >= 2 and text[i - 1] == text[i - 2] and text[i - 1] != "地":
        return "de5"  # 慢慢 地
    before, after = word_at(text, spans, start - 1), word_at(text, spans, end)
    if (len(before) >= 2 and _is_han_word(before) and _is_han_word(after)
            and not after.startswith(_LOCATIVES) and not before.endswith(_LAND_MEASURES)):
        return "de5"  # 一针见血地指出, 热烈地讨论: an adverbial of two or more characters, then the verb
    return None


def _de(text: str, i: int, spans: Spans) -> str | None:
    start, end = spans[i]
    before = word_at(text, spans, start - 1)
    if start == i and end <= i + 2 and text[i + 1 : i + 2] == "了" \
            and (i + 2 == len(text) or text[i + 2] in _AFTER_POTENTIAL) \
            and len(before) == 1 and _is_han_word(before) and before not in _BEFORE_MODAL and before not in "不没":
        return "de5"  # 做得了吗, 吃得了: a verb's potential complement de liǎo (得了第一名, 他得了 are dé)
    if end - start != 1:
        return None
    after = word_at(text, spans, end)
    if not _is_han_word(after) or after.startswith(_AFTER_DE2):
        return None
    if after in _MODAL_ADVERBS and word_at(text, spans, end + len(after)) not in ("的", "地", ""):
        return "dei3"  # 这件事得好好商量: the modal before an adverb and its verb (说得好好的 is the complement)
    if before in _BEFORE_MODAL or not _is_han_word(before):
        return "dei3"  # 你得早点睡, 明天得交房租: the modal 'must' before a verb
    return "de5"  # 快得令人窒息, 说得很好: the complement particle


def _wei(text: str, i: int, spans: Spans) -> str | None:
    start, end = spans[i]
    if end - start != 1:
        return None
    before = clause_before(text, i)
    after = clause_after(text, end)
    previous = word_at(text, spans, start - 1)
    if (previous.endswith(_COPULA_VERBS) and len(previous) >= 2) or "以" in before.replace("所以", "") \
            or after[:1].isdigit() or (after[:1] in "一二三四五六七八九十百千万零两" and not after.startswith(_SOME)) \
            or any(text[k] == "所" and spans[k] == (k, k + 1) for k in range(end, end + len(after))):
        return "wei2"  # 解读为, 以…为核心, 预算为2.64亿, 为…所
    next_word = word_at(text, spans, end)
    if next_word in _PURPOSE_VERBS:
        return "wei4"  # 为应对…: 'in order to'
    if any(verb in after or verb in after.replace("了", "") for verb in _BENEFIT_VERBS):
        return "wei4"  # 为人民服务, 为他们提供, 为你感到骄傲: 'for'
    if any(verb in after[1:] for verb in _CAUSED):
        return "wei4"  # 兄弟俩为这点小事吵了一架: 'because of'
    return None


def chang3(text: str, i: int, spans: Spans) -> str | None:
    if i == 0 or text[i - 1] not in _NUMBERS:
        return None
    start, end = spans[i]
    if text[start:end] not in ("场", text[i - 1] + "场"):
        return None  # 场 inside a word (市场, 现场, 场合) keeps its word's reading
    after = clause_after(text, i + 1)
    found = [(after.find(n), "chang2") for n in _EVENTS if n in after]
    found += [(after.find(n), "chang3") for n in _SHOWS if n in after]
    while not found and text[i + 1 + len(after) : i + 2 + len(after)] == "、":
        # No head noun yet: the 、 joins modifiers of one noun phrase (一场蓄谋已久、旨在…的总攻).
        after += "、" + clause_after(text, i + 2 + len(after))
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
    after = clause_after(text, end)
    if not after or after[:1] in "给清回掉":
        return "huan2"  # 要按时还。还给他: the adverb hái never ends a clause or takes 给
    return None


def liao(text: str, i: int, spans: Spans) -> str | None:
    if i >= 2 and text[i - 1] in "不得" and "\u4e00" <= text[i - 2] <= "\u9fff" and text[i + 1 : i + 2] != "解":
        before = word_at(text, spans, i - 1)
        if before in ("不", "得", "不了", "得了") or before.endswith(("不了", "得了")):
            return "liao3"  # 做不了, 受得了: the potential complement liǎo
    return None


#: How a count begins (差五分, 两只, 三种): a numeral, 几 or 半, or a digit.
_COUNT_START = tuple("一二三四五六七八九十两几半0123456789")
#: What goes before the measure word 种 zhǒng 'kind' (三种, 这种, 各种, 什么种); the verb zhòng follows none of them.
_KIND_COUNTS = frozenset(_COUNT_START) | frozenset("百千万这那每哪某各多数此该本同么样")


def _zhong(text: str, i: int, spans: Spans) -> str | None:
    start, end = spans[i]
    if end - 1 == i and text[i + 1 : i + 2] in ("得", "了", "着", "过") and (end - start == 1):
        return "zhong4"  # 种得很多, 种了树: the verb 'plant' (the noun zhǒng takes no aspect)
    if (start, end) == (i, i + 1) and i and text[i - 1] not in _KIND_COUNTS and _is_han_word(text[i + 1 : i + 2]) \
            and text[i + 1] not in "类子族的":
        return "zhong4"  # 农民在地里种玉米: no count or determiner before it, so not the measure word
    return None


def jue(text: str, i: int, spans: Spans) -> str | None:
    if i and text[i - 1] in "一两几半" and spans[i][1] == i + 1:
        return {"觉": "jiao4", "宿": "xiu3"}[text[i]]  # 一觉睡到中午 (a sleep), 住了一宿 (a night)
    if text[i] == "觉" and spans[i] == (i, i + 1) and "睡" in clause_before(text, i)[-6:] and not text[i + 1 : i + 2] == "得":
        return "jiao4"  # 睡了四个小时觉, 睡个好觉: the sleep that 睡 takes (觉得 is a word)
    return None


#: Counts and determiners before the measure word 只 zhī (两只猫, 那只鸟, 每只); 只 'only' is an adverb.
_ANIMAL_COUNTS = frozenset(_COUNT_START) | frozenset("这那每哪某数")
#: What follows the adverb 只 zhǐ 'only' after a determiner (那只是, 这只能): verbs and adverbs, not nouns.
_AFTER_ONLY = frozenset("是有能会要好不在得把剩需用知看想顾管够可许怕说听为对让给被跟和向从就都也还才")


def _zhi(text: str, i: int, spans: Spans) -> str | None:
    start, end = spans[i]
    if end != i + 1 or end - start > 2 or not i or text[i - 1] not in _ANIMAL_COUNTS:
        return None
    if i + 1 < len(text) and "\u4e00" <= text[i + 1] <= "\u9fff" and text[i + 1] not in _AFTER_ONLY:
        return "zhi1"  # 两只小猫, 那只鸟飞走了 (那只是个梦: zhǐ)
    return None


def _cha(text: str, i: int, spans: Spans) -> str | None:
    if spans[i] == (i, i + 1) and text.startswith(_COUNT_START, i + 1):
        return "cha4"  # 差五分八点: short of an amount
    return adjective(text, i, spans)


#: Results after 长 zhǎng 'grow' (长高了, 长胖); 长 cháng 'long' takes none.
_GROWN = tuple("高胖壮歪齐满出成")


def _zhang(text: str, i: int, spans: Spans) -> str | None:
    if spans[i] == (i, i + 1) and text.startswith(_GROWN, i + 1) and not text.startswith("出", i + 1) \
            and clause_after(text, i + 2)[:1] in ("了", "得", ""):
        return "zhang3"  # 你长高了: a result complement (很长 is the adjective)
    return adjective(text, i, spans)


def _ba(text: str, i: int, spans: Spans) -> str | None:
    if spans[i] == (i, i + 1) and (i + 1 == len(text) or text[i + 1] in _CLAUSE_END or text[i + 1] in "”」』）)"):
        return "ba5"  # 去看电影吧。: ending a clause on its own it is the particle (酒吧, 网吧 are words)
    return None


#: What follows the end of a place name (鸭涌河, 凤安涌两岸, 麻涌、沙角): a list mark or a place word.
_AFTER_PLACE = tuple("、，,。；;）)」河两岸镇村口站路区街乡桥圩墟码湾堤埠围")


def _yong(text: str, i: int, spans: Spans) -> str | None:
    if spans[i] == (i, i + 1) and i and _is_han_word(text[i - 1]) and spans[i - 1][1] == i \
            and (i + 1 == len(text) or text.startswith(_AFTER_PLACE, i + 1)):
        return "chong1"  # 麻涌、葵涌: 涌 ending a place name (CC-CEDICT: chōng, used in place names); 涌入 yǒng
    return None


def _chong(text: str, i: int, spans: Spans) -> str | None:
    if spans[i][0] == i and text[i + 1 : i + 2] == "着" and i + 2 < len(text) and text[i + 2] not in _CLAUSE_END:
        return "chong4"  # 冲着我笑, 冲着奖金来: 'towards, because of'
    return adjective(text, i, spans)


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
             "塞": ("了", "着", "进", "入", "满", "在", "到", "给")}
_RANKS = ("官", "职", "爵", "籍", "藩", "权")
_AFTER_VERB = ("了", "着", "过", "一", "起", "上", "下", "进", "出", "在", "到", "完", "好", "开", "入")
#: What 盛 chéng 'ladle' takes: food and drink (盛饭, 盛米饭和汤); 盛 alone otherwise is shèng 'abundant'.
_LADLED = ("饭", "米饭", "汤", "菜", "粥", "面")
#: Titles after a surname: 曾先生, 任老师 (the character before one takes its surname reading).
TITLES = ("先生", "女士", "小姐", "老师", "教授", "医生", "大夫", "师傅", "总", "经理", "局长", "主任", "同学",
          "阿姨", "叔叔", "大爷", "太太", "夫人", "记者", "律师", "博士")


def colloquial(text: str, i: int, spans: Spans) -> str | None:
    if text[i] == "削" and spans[i][0] == i and any(rank in clause_after(text, i + 1)[:4] for rank in _RANKS):
        return "xue1"  # 被削去官职: stripped of a rank (削苹果 xiāo)
    if spans[i] == (i, i + 1):
        return COLLOQUIAL[text[i]]
    return None


def verb(text: str, i: int, spans: Spans) -> str | None:
    after = _AFTER_OF.get(text[i], _AFTER_VERB)
    start, end = spans[i]
    word = text[start:end]
    if (word == text[i] and text[i + 1 : i + 2] in after) or (
            start == i and word[1:2] in ("了", "着", "过", "一") and word[1:2] in after
            and (len(word) == 2 or word[2:] == text[i])) or (start == i and word[1:2] in _AFTER_OF.get(text[i], ())):
        return VERB_READINGS[text[i]]  # 盛了, 背着 and 凉一凉 segmented as one word
    if word == text[i] and (text[i - 1 : i] == "所" or (text[i] == "盛" and text.startswith(_LADLED, i + 1))):
        return VERB_READINGS[text[i]]  # 所藏 (what is kept: a verb after 所), 盛米饭
    return None


def _tiao(text: str, i: int, spans: Spans) -> str | None:
    if spans[i] == (i, i + 1) and text[i + 1 : i + 2] in tuple("大小高低快慢好准匀"):
        return "tiao2"  # 调小一点: 'adjust' with a result; diào 'transfer' takes a place (调到)
    return None


#: Readings a character has only inside words (少年 shào, 参与 yù, 回应 yìng, 首都 dū, 淹没 mò): on its own it is
#: the function word, 少 shǎo 'less', 与 yǔ 'and, with', 应 yīng 'should' (yìng 'answer' takes 了/声 or ends a
#: clause), 都 dōu 'all', 没 méi 'not'.
FREE_STANDING = {"少": "shao3", "与": "yu3", "应": "ying1", "都": "dou1", "没": "mei2"}
_REQUESTS = ("要求", "邀", "约", "请", "召", "聘", "征", "运")


def free_standing(text: str, i: int, spans: Spans) -> str | None:
    if spans[i] != (i, i + 1):
        return None
    if text[i] == "应" and (text[i + 1 : i + 2] in ("了", "着", "过", "声") or not clause_after(text, i + 1)
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
    if text.startswith(_POURED, i + 1) or "把" in clause_before(text, i):
        return "dao4"  # 倒一杯水, 把水倒了: 'pour' takes an object ('fall' takes none)
    return None


def _adjective_orverb(text: str, i: int, spans: Spans) -> str | None:
    return adjective(text, i, spans) or verb(text, i, spans)  # 很凉 liáng, 凉一凉 liàng


#: Measure words and 的 before an adjective and its noun (那件薄外套, 一层薄冰, 薄薄的): not a name (薄谷开来 Bó).
_BEFORE_ATTRIBUTE = frozenset("件层张片块条床本双把的")


def _adjective_or_colloquial(text: str, i: int, spans: Spans) -> str | None:
    as_adjective = adjective(text, i, spans)
    if as_adjective or text[i - 1 : i] not in _BEFORE_ATTRIBUTE:  # ('' at the start is not in it)
        return as_adjective
    return colloquial(text, i, spans)  # 很薄, 那件薄外套: báo


GRAMMAR_RULES: dict[str, Rule] = {
    **dict.fromkeys(COLLOQUIAL, colloquial), **dict.fromkeys(ADJECTIVE_READINGS, adjective),
    **dict.fromkeys(VERB_READINGS, verb), **dict.fromkeys(set(VERB_READINGS) & set(ADJECTIVE_READINGS),
                                                           _adjective_orverb),
    **dict.fromkeys(set(COLLOQUIAL) & set(ADJECTIVE_READINGS), _adjective_or_colloquial),
    "地": _di, "得": _de, "为": _wei, "场": chang3, "教": _jiao, "还": _huan, "了": liao,
    "种": _zhong, "觉": jue, "宿": jue, "调": _tiao, **dict.fromkeys(FREE_STANDING, free_standing),
    "倒": _dao, "刨": _pao, "只": _zhi, "差": _cha, "长": _zhang, "冲": _chong, "吧": _ba, "涌": _yong,
}
