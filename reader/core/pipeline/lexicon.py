"""CC-CEDICT as reading evidence (core layer, pipeline): word readings, neutral tones, Taiwan pronunciations.

`taiwan()` gives the Taiwan standard readings CC-CEDICT notes ("Taiwan pr."); `load` gives the rest.

Parsed once from the shipped CC-CEDICT file and kept as a pickle in the cache folder (keyed by the data, the
polyphone set and `_FORMAT`). What is kept:

- `words`: multi-character headwords (simplified and traditional) that contain an ambiguous character or a
  neutral-tone syllable → the raw pinyin of their entries, joined by "|", the entry with the most senses
  first;
- `char_readings`: for each ambiguous character, the readings CC-CEDICT gives it, ordered by how many
  headwords use each one (the usual reading first);
- `surnames`: an ambiguous character's reading as a surname (曾 zeng1, 任 ren2), from CC-CEDICT's
  "surname" entries;
- `zhu_words`: simplified headwords written with 著 (where 著 is zhù: 著名, 显著); anywhere else a 著 in a
  Traditional text is the particle 着.
"""
from __future__ import annotations

import gzip
import hashlib
import logging
import os
import pickle
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from typing import TypeVar

from reader.core import paths

log = logging.getLogger(__name__)

CEDICT_PATH = paths.RESOURCES_DIR / "dictionary" / "cedict_ts.u8.gz"
_FORMAT = 10  # bump when what `load` keeps changes
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]\n]*)\] /(.*)$", re.MULTILINE)
_TAIWAN = re.compile(r"(?:^|/)Taiwan pr\. \[([^\]]*)\]")  # a sense of its own, not a remark inside one
_SYLLABLE = re.compile(r"[a-z]+[1-5]")


@dataclass
class Lexicon:
    words: dict[str, str] = field(default_factory=dict)
    char_readings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    zhu_words: frozenset[str] = frozenset()
    surnames: dict[str, str] = field(default_factory=dict)
    neutral_words: frozenset[str] = frozenset()  # `words` with a neutral syllable (tone 5) in some entry


T = TypeVar("T")


def syllables(pinyin: str) -> list[str]:
    """CC-CEDICT pinyin → TONE3 syllables as the pipeline writes them (`lu:4` → `lv4`)."""
    return pinyin.lower().replace("u:", "v").split()


def _cached(name: str, kind: type[T], build: Callable[[str], T], empty: T, stale: tuple[str, ...] = ()) -> T:
    """What `build` makes of CC-CEDICT's text, kept in the cache folder as `<name>-<data digest>.pickle`
    (`stale`: name patterns of older caches removed once a new one is written); `empty` if the data is missing."""
    try:
        data = CEDICT_PATH.read_bytes()
    except OSError as exc:  # the app still works, with one evidence source fewer
        log.warning("CC-CEDICT not available for readings: %s", exc)
        return empty
    cached = paths.cache_dir() / f"{name}-{hashlib.sha256(data).hexdigest()[:16]}.pickle"
    try:
        found = pickle.loads(cached.read_bytes())  # noqa: S301 - our own cache file
        if isinstance(found, kind):
            return found
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        pass
    try:
        raw = gzip.decompress(data).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        log.warning("CC-CEDICT data unreadable: %s", exc)
        return empty
    made = build(raw)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cached.parent, suffix=".tmp", delete=False) as handle:
            handle.write(pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(handle.name, cached)
        for pattern in stale:
            for old in cached.parent.glob(pattern):
                if old != cached:
                    old.unlink(missing_ok=True)  # an older data file or format: rebuilt if ever needed
    except OSError:
        pass  # no cache this time; parsing again next time is only slower
    return made


def load(ambiguous: Collection[str]) -> Lexicon:
    """The lexicon for the given ambiguous characters (cached; an empty lexicon if the data is missing)."""
    wanted = frozenset(ambiguous)
    key = hashlib.sha256(f"{_FORMAT}:{''.join(sorted(wanted))}".encode()).hexdigest()[:8]
    return _cached(f"readings-cedict-{key}", Lexicon, lambda raw: _parse(raw, wanted), Lexicon(),
                   stale=("readings-cedict-*.pickle", "polyphone-cedict-*"))


def _parse(raw: str, wanted: frozenset[str]) -> Lexicon:
    listed: dict[str, list[tuple[int, str]]] = defaultdict(list)
    uses: dict[str, Counter[str]] = defaultdict(Counter)
    zhu: set[str] = set()
    surnames: dict[str, str] = {}
    for trad, simp, pinyin, body in _LINE.findall(raw):
        heads = (simp, trad) if trad != simp else (simp,)
        sylls = syllables(pinyin)
        if len(simp) >= 2:
            if not wanted.isdisjoint(simp + trad) or any(s.endswith("5") for s in sylls):
                senses = body.count("/") + body.count(";")
                for head in heads:
                    listed[head].append((-senses, pinyin))
            if "著" in simp:
                zhu.add(simp)
            if len(sylls) == len(simp):
                for char, syl in zip(simp, sylls, strict=True):
                    if char in wanted and _SYLLABLE.fullmatch(syl) and not syl.endswith("5"):
                        uses[char][syl] += 1
        if len(simp) == 1 and pinyin[:1].isupper() and body.startswith("surname ") and len(sylls) == 1:
            for char in {simp, trad}:
                if char in wanted:
                    surnames.setdefault(char, sylls[0])
        elif len(simp) == 1 and simp in wanted and len(sylls) == 1 and _SYLLABLE.fullmatch(sylls[0]):
            for char in {simp, trad}:
                uses[char][sylls[0]] += 0  # listed, even if no word uses it
    # The entry with the most senses first: it is the word's usual reading (土地 tǔdì 'land' before
    # tǔdi 'local god', 告诉 gàosu 'tell' before gàosù 'press charges').
    words = {head: "|".join(p for _, p in sorted(entries, key=lambda e: e[0])) for head, entries in listed.items()}
    char_readings = {
        char: tuple(r for r, _ in counts.most_common()) for char, counts in uses.items()
    }
    neutral = frozenset(head for head, raw in words.items() if re.search(r"[a-z]5\b", raw.lower()))
    return Lexicon(words, char_readings, frozenset(zhu), surnames, neutral)


@lru_cache(maxsize=1)
def taiwan() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Headword (simplified and traditional) → (mainland syllables, Taiwan syllables), for every CC-CEDICT
    entry with a "Taiwan pr." note (垃圾 la1 ji1 → le4 se4, 期 qi1 → qi2). Cached like `load`."""
    return _cached(f"readings-taiwan-{_FORMAT}", dict, _taiwan_notes, {})


def _taiwan_notes(raw: str) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    found: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for trad, simp, pinyin, body in _LINE.findall(raw):
        note = _TAIWAN.search(body)
        if not note:
            continue
        mainland = tuple(syllables(pinyin))
        spoken = tuple(re.findall(r"[a-z]+[1-5]", note.group(1).lower().replace("u:", "v")))
        if len(mainland) == len(spoken) == len(simp) and all(_SYLLABLE.fullmatch(m) for m in mainland):
            for head in {simp, trad}:
                found.setdefault(head, (mainland, spoken))
    return found


_OPTIONAL_FORMAT = 2  # bump when `_optional_neutral` changes
#: Grammatical syllables the dictionaries always write neutral (suffixes, particles, the 不/得 of potential
#: complements): a source that gives them a full tone is not evidence that the neutral tone is optional.
ALWAYS_NEUTRAL = frozenset("子们么的地得了着过吧吗呢啊呀啦嘛哪不")


@lru_cache(maxsize=1)
def optional_neutral() -> dict[str, tuple[tuple[int, str], ...]]:
    """Headword (simplified and traditional) → (position, full tone) of each syllable whose neutral tone
    is optional: CC-CEDICT's usual entry writes it with tone 5 while a second reading of the same word gives
    it a full tone (see `_optional_neutral`). Cached like `load`; keyed by pypinyin's version too."""
    try:  # the installed version, without importing pypinyin (0.3 s) when the cache is there
        version = metadata.version("pypinyin")
    except metadata.PackageNotFoundError:
        version = "unknown"
    name = f"readings-optional-neutral-{_FORMAT}.{_OPTIONAL_FORMAT}-{version}"
    return _cached(name, dict, _optional_neutral, {}, stale=("readings-optional-neutral-*.pickle",))


def _optional_neutral(raw: str) -> dict[str, tuple[tuple[int, str], ...]]:
    """The rule: a neutral syllable of a word's usual entry (the one with the most senses) is optional when
    another reading of the same word gives that syllable a full tone — CC-CEDICT's own "also pr." or
    "Taiwan pr." note, or pypinyin's phrase data (which keeps the neutral tone where it is required: 意思
    yìsi, 便宜 piányi, 孩子 háizi). It stays required when CC-CEDICT lists the full tone as another word
    (东西 dōngxī 'east and west', 地方 dìfāng 'local', 告诉 gàosù 'to press charges'), for the grammatical
    syllables of `ALWAYS_NEUTRAL`, for the second of a doubled syllable (妈妈, 看看), and where no second
    source gives a full tone (朋友, 先生)."""
    from pypinyin.constants import PHRASES_DICT

    entries: dict[str, list[tuple[int, list[str], str, str]]] = defaultdict(list)
    for trad, simp, pinyin, body in _LINE.findall(raw):
        sylls = syllables(pinyin)
        if len(simp) >= 2 and len(sylls) == len(simp):
            entries[simp].append((-(body.count("/") + body.count(";")), sylls, body, trad))
    candidates: dict[str, tuple[tuple[tuple[int, str], ...], str]] = {}
    for simp, listed in entries.items():
        listed.sort(key=lambda e: e[0])
        usual, body, trad = listed[0][1], listed[0][2], listed[0][3]
        others = [e[1] for e in listed[1:]]
        phrase = PHRASES_DICT.get(simp)
        alternatives = [re.findall(r"[a-z]+[1-5]", m.lower().replace("u:", "v"))
                        for m in re.findall(r"(?:also|Taiwan) pr\. \[([^\]]*)\]", body)]
        if phrase and len(phrase) == len(simp):
            alternatives.append([_tone3(p[0]) for p in phrase])
        optional = []
        for j, syl in enumerate(usual):
            base = syl[:-1]
            if not syl.endswith("5") or base == "r" or simp[j] in ALWAYS_NEUTRAL or (j and simp[j] == simp[j - 1]):
                continue
            if any(o[j][:-1] == base and not o[j].endswith("5")
                   and all(o[k][:-1] == usual[k][:-1] for k in range(len(usual))) for o in others):
                continue  # the full tone is another word
            full = next((alt[j] for alt in alternatives
                         if len(alt) == len(usual) and alt[j][:-1] == base and not alt[j].endswith("5")), None)
            if full:
                optional.append((j, full))
        if optional:
            candidates[simp] = (tuple(optional), trad)
    found: dict[str, tuple[tuple[int, str], ...]] = {}
    for simp, (positions, trad) in candidates.items():
        kept = tuple((j, full) for j, full in positions if not _required_inside(simp, j, entries, candidates))
        if kept:
            for head in {simp, trad}:
                found.setdefault(head, kept)
    return found


def _required_inside(word: str, j: int, entries: dict, candidates: dict) -> bool:
    """Whether syllable `j` of `word` is required neutral in a shorter word inside it (女朋友 keeps 朋友's
    péngyou, 不好意思 keeps 意思's yìsi; 大部分 follows 部分, whose neutral tone is optional)."""
    for a in range(j + 1):
        for b in range(max(j + 1, a + 2), len(word) + 1):
            sub = word[a:b]
            if b - a == len(word) or sub not in entries:
                continue
            usual = min(entries[sub], key=lambda e: e[0])[1]
            if usual[j - a].endswith("5") and all(k != j - a for k, _ in candidates.get(sub, ((), ""))[0]):
                return True
    return False


def _tone3(marked: str) -> str:
    """pypinyin's tone-marked syllable (`xiū`, `yi`) in TONE3 as the pipeline writes it (`xiu1`, `yi5`)."""
    from pypinyin.contrib.tone_convert import to_tone3

    return to_tone3(marked, neutral_tone_with_five=True).replace("ü", "v")
