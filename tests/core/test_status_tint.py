"""Word status tint: which words are tinted and how strongly, from the statuses in the library (both scripts)."""
from __future__ import annotations

from reader.core.library import Library
from reader.core.pipeline import display
from reader.core.scaffolding import shared_dictionary
from reader.core.status_tint import StatusTints, word_statuses
from reader.core.text import Token
from reader.core.word_status import set_word_status

WORDS = {"美国", "美國", "国际", "國際", "组织", "組織", "显著", "特点", "特點", "总统", "總統"}


def _tints(statuses: dict[str, str]) -> StatusTints:
    return StatusTints(statuses, lambda word: word in WORDS)


def _tokens(*words: str) -> list[Token]:
    out, at = [], 0
    for w in words:
        out.append(Token(at, at + len(w), w, [None] * len(w)))
        at += len(w)
    return out


def test_statuses_cover_both_scripts_and_new_words_have_none(library: Library) -> None:
    assert word_statuses(library) == {}
    set_word_status(library, "美國", "known")  # typed in traditional
    set_word_status(library, "特点", "learning2")
    set_word_status(library, "总统", "new")  # not in the list: nothing stored
    statuses = word_statuses(library)
    assert statuses == {"美国": "known", "美國": "known", "特点": "learning2", "特點": "learning2"}


def test_new_learning_known_and_ignored_levels() -> None:
    tints = _tints({"美国": "known", "国际": "learning1", "组织": "learning5", "总统": "ignored"})
    spans = tints.spans(_tokens("美国", "国际", "组织", "总统", "特点", "66", "，", "abc"))
    assert spans == [(2, 4, 1), (4, 6, 5), (8, 10, 0)], "known and ignored untinted; new strongest (0)"
    assert tints.level("美国") is None and tints.level("特点") == 0 and tints.level("66") is None


def test_a_compound_the_dictionary_lacks_is_tinted_by_its_words() -> None:
    tints = _tints({"特点": "learning3"})
    assert tints.spans(_tokens("三个", "显著特点")) == [(2, 4, 0), (4, 6, 3)], "三个 is no word here"
    known = _tints({"显著特点": "known"})
    assert known.spans(_tokens("显著特点")) == [], "a compound marked known as a whole hides its parts"


def test_a_displayed_word_is_judged_in_either_script() -> None:
    tints = _tints({"美国": "learning4"})
    par = "美国组织"
    disp = display(par, _tokens("美国", "组织"), "traditional")
    assert [t.text for t in disp.tokens] == ["美國", "組織"]
    assert tints.spans(disp.tokens) == [(0, 2, 4), (2, 4, 0)]
    other = tints.with_statuses({"美國": "known"})
    assert other.spans(disp.tokens) == [(2, 4, 0)]


def test_the_dictionary_decides_what_is_a_word_in_either_script() -> None:
    d = shared_dictionary()
    assert d.has("总统") and d.has("總統") and d.has("显著")
    assert not d.has("显著特点") and not d.has("") and not d.has("abc")
    tints = StatusTints.for_dictionary({"特点": "learning1"}, d)
    assert tints.spans(_tokens("总统", "显著特点", "2025")) == [(0, 2, 0), (2, 4, 0), (4, 6, 1)]
