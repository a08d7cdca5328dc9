"""Tones as dictionaries and textbooks write them (core layer, pipeline): erhua, neutral tones, 一/不 changes.

`dictionary_tones` runs after the polyphone decision on a segmented paragraph (Simplified characters):

- **Erhua**: 儿 that ends a word, right after another syllable, is the suffix r (一会儿 yīhuìr, 哪儿 nǎr): its
  reading is the toneless `r`, drawn joined to the syllable before it. Where CC-CEDICT reads the word with
  ér (女儿, 婴儿, 幼儿园) and where 儿 starts a word (儿子, 儿童) or stands alone, it keeps ér.
- **Neutral tones**: a syllable CC-CEDICT writes with tone 5 in the word (朋友 peng2 you5, 衣服 yi1 fu5)
  gets tone 5 when the reading chosen for it is the same syllable (so 大夫 dàifu but 大夫 dàfū stays).

`spoken_tones` writes the tone changes of 一 and 不 (yí gè, bú shì, yì tiān), for the Spoken tones option;
third-tone sandhi is not written, as in textbooks.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache

#: The erhua suffix's reading: no tone of its own.
ERHUA = "r"


def _entries(word: str, cedict: dict[str, str]) -> list[list[str]]:
    """CC-CEDICT's readings of `word`, one syllable list per entry (entries of another length dropped)."""
    raw = cedict.get(word)
    if not raw:
        return []
    return _split(word, raw)


@lru_cache(maxsize=65536)
def _split(word: str, raw: str) -> list[list[str]]:
    out = []
    for entry in raw.split("|"):
        syllables = entry.lower().replace("u:", "v").split()
        if len(syllables) == len(word):
            out.append(syllables)
    return out


def _erhua(stem: str, cedict: dict[str, str], core: Collection[str]) -> bool:
    """Whether 儿 after `stem` is the erhua suffix: as CC-CEDICT reads the longest word stem + 儿 ends with
    (一会儿 r5, 买|点儿 r5, 女儿 er2), else when the end of the stem is a core-vocabulary word (面条儿,
    聊天儿; a name such as 婉儿 keeps ér)."""
    for k in range(len(stem)):
        entries = _entries(stem[k:] + "儿", cedict)
        if entries:
            return all(e[-1] in ("r5", "er5", "r") for e in entries)
    return any(stem[k:] in core for k in range(len(stem)))


def dictionary_tones(words: list[str], flat: list[str | None], cedict: dict[str, str],
                     core: Collection[str] = frozenset(), neutral: bool = True,
                     neutral_words: Collection[str] | None = None) -> None:
    """Write erhua and (if `neutral`) the dictionaries' neutral tones into `flat`, in place.

    `words` is the segmented paragraph in Simplified characters, `flat` one reading per character, `core`
    the core vocabulary (HSK words), `neutral_words` the CC-CEDICT words with a neutral syllable (all of
    `cedict` if not given).
    """
    with_neutral = cedict if neutral_words is None else neutral_words
    pos = 0
    for n, word in enumerate(words):
        if "儿" in word:
            for k, char in enumerate(word):
                i = pos + k
                if char != "儿" or flat[i] is None:
                    continue
                if k == len(word) - 1 and k > 0:  # 哪儿, 一会儿, 女儿
                    if _erhua(word[:k], cedict, core):
                        flat[i] = ERHUA
                elif k == 0 and len(word) == 1 and n and flat[i - 1] is not None:
                    # 儿 split off by the segmenter right after a word (玩|儿, 饺子馅|儿)
                    if _erhua(words[n - 1], cedict, core):
                        flat[i] = ERHUA
        if neutral and len(word) > 1:
            if word in with_neutral:
                _neutral(word, flat, pos, cedict)
            elif word not in cedict and len(word) <= 8:
                for start, end in _dictionary_parts(word, with_neutral):
                    _neutral(word[start:end], flat, pos + start, cedict)
        pos += len(word)


def _dictionary_parts(word: str, cedict: Collection[str]) -> list[tuple[int, int]]:
    """A word CC-CEDICT does not list, cut into the longest words it does list (王先生 → 先生, 商量一下 →
    商量, 一下), left to right."""
    parts: list[tuple[int, int]] = []
    start = 0
    while start < len(word) - 1:
        for end in range(min(len(word), start + 8), start + 1, -1):
            if word[start:end] in cedict:
                parts.append((start, end))
                start = end
                break
        else:
            start += 1
    return parts


def _neutral(word: str, flat: list[str | None], pos: int, cedict: dict[str, str]) -> None:
    """Neutral tones of one word CC-CEDICT lists, from its usual entry among those that read the word's
    syllables as chosen (大夫 dàifu, not dàfū's entry)."""
    for entry in _entries(word, cedict):
        if all(flat[pos + j] is None or (flat[pos + j] or "")[:-1] == s[:-1] or s[:-1] == "r"
               for j, s in enumerate(entry)):
            for j, s in enumerate(entry):
                reading = flat[pos + j]
                if s[-1:] == "5" and reading and reading != ERHUA and reading[:-1] == s[:-1]:
                    flat[pos + j] = s
            return


def spoken_tones(chars: str, readings: list[str | None]) -> list[str | None]:
    """一 and 不 with the tone changes of speech: before a 4th tone 一/不 → 2nd (yí gè, bú shì); 一 before
    tones 1–3 → 4th (yì tiān); 一 keeps yī counted or at the end (第一, 十一, 一。), 不 keeps bù elsewhere.

    `chars` and `readings` are parallel (one reading per character, None for no reading).
    """
    out = list(readings)
    for i, char in enumerate(chars):
        if char not in "一不" or readings[i] not in ("yi1", "bu4"):
            continue
        following = next((r for r in readings[i + 1 : i + 2] if r), None)
        if following is None or following == ERHUA:
            continue
        tone = following[-1]
        if char == "不":
            if tone == "4":
                out[i] = "bu2"
            continue
        before = chars[i - 1] if i else ""
        if (before and before in "第十初") or before.isdigit() or chars[i + 1 : i + 2] in tuple("〇一二三四五六七八九十百千万亿"):
            continue  # an ordinal or a number: yī
        if tone == "4" or (tone == "5" and following.startswith("ge")):
            out[i] = "yi2"
        elif tone in "123":
            out[i] = "yi4"
    return out


#: Neutral tones shown "as dictionaries write them" (the stored readings) or "only where required".
NEUTRAL_MODES = ("dictionary", "required")


def check_neutral_mode(mode: str) -> str:
    """`mode` if it is one of `NEUTRAL_MODES`, else a ValueError naming them."""
    if mode not in NEUTRAL_MODES:
        raise ValueError(f"unknown neutral-tone choice {mode!r}; choose one of {', '.join(NEUTRAL_MODES)}")
    return mode


def required_neutral_only(words: Sequence[str], readings: list[str | None],
                          optional: Mapping[str, tuple[tuple[int, str], ...]]) -> list[str | None]:
    """`readings` (one per character of the joined `words`) with the full tone back on every syllable
    whose neutral tone is optional (休息 xiūxī, 衣服 yīfú, 认识 rènshí), for the "only where required"
    choice; required ones stay (朋友 péngyou, 东西 dōngxi 'thing', 先生 xiānsheng).

    `optional` maps a word to (position, full tone) of such syllables (`lexicon.optional_neutral`). A
    word it lacks is read through the longest listed words inside it (洗衣服 → 衣服). Only a syllable
    that is that neutral syllable now changes: a reading chosen otherwise is left alone.
    """
    out = list(readings)
    pos = 0
    for word in words:
        if len(word) > 1:
            if word in optional:
                _full_tones(optional[word], out, pos)
            else:
                start = 0
                while start < len(word) - 1:
                    for end in range(min(len(word), start + 8), start + 1, -1):
                        if word[start:end] in optional:
                            _full_tones(optional[word[start:end]], out, pos + start)
                            start = end
                            break
                    else:
                        start += 1
        pos += len(word)
    return out


def _full_tones(entry: tuple[tuple[int, str], ...], out: list[str | None], pos: int) -> None:
    for j, full in entry:
        if pos + j < len(out) and out[pos + j] == full[:-1] + "5":
            out[pos + j] = full
