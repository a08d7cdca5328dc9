"""Pinyin scaffolding: readings only above words beyond the reader's HSK level, never above known words."""
from __future__ import annotations

import pytest

from reader.core import scaffolding, vocabulary
from reader.core.dictionary import Dictionary
from reader.core.errors import ReaderError
from reader.core.library import Changed, Library
from reader.core.pipeline import display
from reader.core.text import Token


@pytest.fixture
def dictionary(isolated_environment: object) -> Dictionary:
    """The process's shared dictionary, its index in the suite's temporary cache folder."""
    return scaffolding.shared_dictionary()


def test_levels_of_the_words_used_below(dictionary: Dictionary) -> None:
    assert dictionary.hsk_level("年") == 1
    assert dictionary.hsk_level("联合国") == 6
    assert dictionary.hsk_level("霸权") is None


def test_a_level_1_word_is_bare_at_level_3(dictionary: Dictionary) -> None:
    assert not scaffolding.show_reading("年", 3, set(), dictionary)


def test_a_level_6_word_keeps_its_reading_at_level_3(dictionary: Dictionary) -> None:
    assert scaffolding.show_reading("联合国", 3, set(), dictionary)
    assert scaffolding.show_reading("聯合國", 3, set(), dictionary)
    assert not scaffolding.show_reading("联合国", 6, set(), dictionary)


def test_a_word_not_in_hsk_keeps_its_reading(dictionary: Dictionary) -> None:
    assert scaffolding.show_reading("霸权", 7, set(), dictionary)
    assert scaffolding.show_reading("霸權", 9, set(), dictionary)


def test_a_known_word_never_has_a_reading(dictionary: Dictionary) -> None:
    known = {"霸权", "霸權"}
    assert not scaffolding.show_reading("霸权", 3, known, dictionary)
    assert not scaffolding.show_reading("霸權", 0, known, dictionary)


def test_level_0_shows_every_han_word_and_never_punctuation(dictionary: Dictionary) -> None:
    assert scaffolding.show_reading("年", 0, set(), dictionary)
    assert not scaffolding.show_reading("，", 0, set(), dictionary)
    assert not scaffolding.show_reading("2026", 0, set(), dictionary)


def test_levels_8_and_9_are_the_7_to_9_band(dictionary: Dictionary) -> None:
    assert dictionary.hsk_level("目睹") == 7
    assert scaffolding.show_reading("目睹", 6, set(), dictionary)
    assert not scaffolding.show_reading("目睹", 9, set(), dictionary)


def _tok(text: str, start: int = 0) -> Token:
    return Token(start, start + len(text), text, [None] * len(text))


def test_visible_tokens_for_a_sentence(dictionary: Dictionary) -> None:
    words = ["世界", "目睹", "了", "一場", "，", "霸權", "聯合國", "2026", "年"]
    tokens, pos = [], 0
    for w in words:
        tokens.append(_tok(w, pos))
        pos += len(w)
    shown = scaffolding.visible_tokens(tokens, 3, {"聯合國", "联合国"}, dictionary)
    assert dict(zip(words, shown, strict=True)) == {
        "世界": False, "目睹": True, "了": False, "一場": True, "，": False, "霸權": True, "聯合國": False,
        "2026": False, "年": False,
    }
    assert scaffolding.visible_tokens(tokens, 0, set(), dictionary) == [
        True, True, True, True, False, True, True, False, True]
    assert scaffolding.visible_tokens([], 3, set(), dictionary) == []


def test_displayed_tokens_count_their_canonical_word(library: Library, dictionary: Dictionary) -> None:
    info = library.article(1)
    par = library.paragraphs(info.revision_id)[1]
    tokens = library.tokens(info.revision_id, [par])[par.index]
    shown = display(par.text, tokens, "simplified", par.start)
    at_level = scaffolding.visible_tokens(shown.tokens, 3, set(), dictionary)
    by_text = {t.text: v for t, v in zip(shown.tokens, at_level, strict=True)}
    assert by_text["联合国"] is True and by_text["世界"] is False
    # Known in the article's (traditional) script, displayed in simplified: still no reading.
    known_trad = scaffolding.visible_tokens(shown.tokens, 3, {"聯合國"}, dictionary)
    assert not any(v for t, v in zip(shown.tokens, known_trad, strict=True) if t.text == "联合国")


class CountingDictionary:
    """A stand-in dictionary that counts lookups."""

    def __init__(self, levels: dict[str, int]) -> None:
        self.levels = levels
        self.calls = 0

    def hsk_level(self, word: str) -> int | None:
        self.calls += 1
        return self.levels.get(word)


def test_repeated_paragraph_repaints_do_not_query_the_dictionary_again() -> None:
    counting = CountingDictionary({"世界": 3, "年": 1})
    levels = scaffolding.HskLevels(counting)  # type: ignore[arg-type]
    tokens = [_tok(w) for w in ["世界", "年", "年", "霸權", "世界"]]
    first = scaffolding.visible_tokens(tokens, 2, set(), levels)
    assert first == [True, False, False, True, True] and counting.calls == 3
    for level in (1, 3, 5):
        scaffolding.visible_tokens(tokens, level, set(), levels)
    assert counting.calls == 3


def test_set_and_get_a_readers_level(library: Library) -> None:
    assert scaffolding.get_level(library) == 0
    assert scaffolding.set_level(library, None, 3) == Changed(settings=frozenset({scaffolding.LEVEL_SETTING}))
    assert scaffolding.get_level(library) == 3
    assert scaffolding.set_level(library, None, 3) == Changed()
    scaffolding.set_level(library, "ben", 9)
    assert scaffolding.get_level(library, "ben") == 7
    assert scaffolding.get_level(library) == 3
    for bad in (-1, 10, True):
        with pytest.raises(ReaderError, match="from 0"):
            scaffolding.set_level(library, None, bad)  # type: ignore[arg-type]
    assert scaffolding.get_level(library) == 3


def test_marking_a_word_known_removes_its_reading(library: Library, dictionary: Dictionary) -> None:
    entry = vocabulary.add(library, "霸權").entry
    assert scaffolding.show_reading("霸权", 3, vocabulary.known_words(library), dictionary)
    vocabulary.mark_known(library, entry.id)
    known = vocabulary.known_words(library)
    assert not scaffolding.show_reading("霸权", 3, known, dictionary)
    assert not scaffolding.show_reading("霸權", 3, known, dictionary)


def test_compose_treats_an_unlisted_word_as_its_hardest_listed_part(dictionary: Dictionary) -> None:
    # 一場 and 2026年 are not HSK words, but 一 (1), 場 (4) and 年 (1) are: with `compose` they read like them.
    assert dictionary.hsk_level("一場") is None and dictionary.hsk_level("霸") is None
    for word in ("一場", "2026年"):
        assert scaffolding.show_reading(word, 4, set(), dictionary)
        assert not scaffolding.show_reading(word, 4, set(), dictionary, compose=True)
    assert scaffolding.show_reading("一場", 3, set(), dictionary, compose=True)  # 場 is HSK 4
    # 霸權 has a part no list has: it keeps its reading either way.
    assert scaffolding.show_reading("霸權", 7, set(), dictionary, compose=True)
    tokens = [_tok("一場"), _tok("聯合國")]
    assert scaffolding.visible_tokens(tokens, 4, set(), dictionary, compose=True) == [False, True]


def test_known_words_count_inside_the_segmenters_longer_words(dictionary: Dictionary) -> None:
    """联合国安理会 is one word to the segmenter: a reader at level 6 who knows 安理会 needs no reading on it."""
    words = ["联合国安理会", "聯合國安理會", "安理会", "霸权主义"]
    tokens, pos = [], 0
    for w in words:
        tokens.append(_tok(w, pos))
        pos += len(w)
    known = {"安理会", "安理會"}
    assert scaffolding.visible_tokens(tokens, 6, set(), dictionary, compose=True) == [True, True, True, True]
    assert scaffolding.visible_tokens(tokens, 6, known, dictionary, compose=True) == [False, False, False, True], \
        "联合国 is level 6 and 安理会 is known; 霸权 is neither"
    assert scaffolding.visible_tokens(tokens, 5, known, dictionary, compose=True) == [True, True, False, True], \
        "at level 5, 联合国 (level 6) still needs its reading, so the whole word keeps it"
    every = {"联合国", "聯合國", *known}
    assert scaffolding.visible_tokens(tokens, 0, every, dictionary, compose=True) == [False, False, False, True], \
        "showing every reading, a word made only of known words still has none"


def test_marking_one_word_known_leaves_every_other_reading_as_it_was(library: Library, dictionary: Dictionary) -> None:
    """Knowing 輕蔑 hides its reading only: 外交, 行動, 時事 and 熱點 keep theirs at every level, in both scripts."""
    known = {"轻蔑", "輕蔑"}
    info = library.article(1)
    pars = library.paragraphs(info.revision_id)
    tokens = library.tokens(info.revision_id, pars)
    levels = scaffolding.hsk_levels(dictionary)
    for script in ("traditional", "simplified"):
        for level in range(7):
            changed: set[str] = set()
            for par in pars:
                shown = display(par.text, tokens[par.index], script, par.start)
                before = scaffolding.visible_tokens(shown.tokens, level, set(), levels, compose=True)
                after = scaffolding.visible_tokens(shown.tokens, level, known, levels, compose=True)
                changed |= {t.text for t, b, a in zip(shown.tokens, before, after, strict=True) if b != a}
            assert changed == {"輕蔑" if script == "traditional" else "轻蔑"}, (script, level, changed)


def test_a_listed_word_is_never_excused_by_its_characters(dictionary: Dictionary) -> None:
    # 外交 (HSK 6) is made of 外 (1) and 交 (4); a reader at level 4 who knows some other word still needs it.
    tokens = [_tok("外交"), _tok("行动", 2), _tok("轻蔑", 4)]
    assert scaffolding.visible_tokens(tokens, 4, {"轻蔑"}, dictionary, compose=True) == [True, True, False]
    assert scaffolding.visible_tokens(tokens, 4, set(), dictionary, compose=True) == [True, True, True]
    # Knowing both of its characters does not hide a listed word either: it is a word of its own.
    assert scaffolding.visible_tokens(tokens, 0, {"外", "交"}, dictionary, compose=True) == [True, True, True]
