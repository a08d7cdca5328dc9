"""Vocabulary list: adding from the dictionary and from articles, known words, edits, delete and undo."""
from __future__ import annotations

import pytest

from reader.core import vocabulary as vocab
from reader.core.errors import NotFound, ReaderError
from reader.core.identity import owner_key
from reader.core.library import Changed, Library


def _offset(lib: Library, article_id: int, text: str, nth: int = 0) -> int:
    body = lib.revision_text(lib.article(article_id).revision_id)
    pos = -1
    for _ in range(nth + 1):
        pos = body.index(text, pos + 1)
    return pos


def test_add_fills_traditional_senses_and_hsk_from_the_dictionary(library: Library) -> None:
    added = vocab.add(library, "联合国")
    assert added.created
    entry = added.entry
    assert (entry.simplified, entry.traditional, entry.reading) == ("联合国", "聯合國", "lian2 he2 guo2")
    assert entry.senses == ("United Nations",)
    assert entry.hsk == 6 and not entry.known
    assert added.changed == Changed(vocabulary=frozenset({entry.id}))
    assert entry.reader == owner_key(library)  # the library's list, whatever the reader's name


def test_adding_again_in_either_script_keeps_one_row(library: Library) -> None:
    first = vocab.add(library, "联合国").entry
    again = vocab.add(library, "聯合國")
    assert not again.created and again.entry.id == first.id
    assert again.changed == Changed()
    assert [e.simplified for e in vocab.list_words(library)] == ["联合国"]


def test_a_second_reading_is_a_second_word(library: Library) -> None:
    xing = vocab.add(library, "行").entry
    hang = vocab.add(library, "行", "háng").entry
    assert (xing.reading, hang.reading) == ("xing2", "hang2")
    assert any("row" in s for s in hang.senses)
    assert len(vocab.find(library, "行")) == 2
    assert [e.id for e in vocab.find(library, "行", "hang2")] == [hang.id]


def test_add_from_an_article_keeps_the_sentence_offsets_and_reading_there(library: Library) -> None:
    # 行 inside 世界银行 in the simplified seed is read háng, not the dictionary's usual xíng.
    start = _offset(library, 2, "世界银行") + 3
    entry = vocab.add(library, "行", article_id=2, start=start, end=start + 1).entry
    assert entry.reading == "hang2"
    assert entry.sentence.startswith("为此,美国将不遗余力维护其在全球关键经济金融机构如世界银行")
    assert entry.sentence.endswith("。")
    assert (entry.article_id, entry.start, entry.end) == (2, start, start + 1)


def test_add_from_a_traditional_article(library: Library) -> None:
    offset = _offset(library, 1, "聯合國安理會")
    start, end = vocab.locate_word(library, 1, "联合国", offset + 2)
    assert (start, end) == (offset, offset + 3)
    entry = vocab.add(library, "联合国", article_id=1, start=start, end=end).entry
    assert entry.traditional == "聯合國"
    assert entry.sentence.startswith("1月5日,在聯合國安理會")
    assert entry.sentence.endswith("聯合國的意見無關緊要”。")


def test_adding_again_with_context_fills_a_missing_sentence_only(library: Library) -> None:
    bare = vocab.add(library, "联合国").entry
    start = _offset(library, 1, "聯合國安理會")
    filled = vocab.add(library, "联合国", article_id=1, start=start, end=start + 3)
    assert filled.entry.id == bare.id and filled.entry.sentence and filled.changed.vocabulary == {bare.id}
    later = _offset(library, 2, "联合国")
    kept = vocab.add(library, "联合国", article_id=2, start=later, end=later + 3)
    assert kept.entry.sentence == filled.entry.sentence and kept.changed == Changed()


def test_a_word_missing_from_the_dictionary_still_gets_a_reading(library: Library) -> None:
    entry = vocab.add(library, "一場").entry
    assert entry.simplified == "一场" and entry.traditional == "一場"
    assert entry.reading == "yi1 chang3" and entry.senses == ()


def test_add_rejects_what_is_not_a_chinese_word(library: Library) -> None:
    with pytest.raises(ReaderError, match="not a Chinese word"):
        vocab.add(library, "hello")
    with pytest.raises(ReaderError, match="outside article 1"):
        vocab.add(library, "联合国", article_id=1, start=10**7, end=10**7 + 3)
    assert vocab.list_words(library) == []


def test_known_and_unknown_lists_and_known_words_in_both_scripts(library: Library) -> None:
    un = vocab.add(library, "联合国").entry
    world = vocab.add(library, "世界").entry
    assert vocab.mark_known(library, un.id) == Changed(vocabulary=frozenset({un.id}))
    assert vocab.mark_known(library, un.id) == Changed()
    assert [e.id for e in vocab.list_words(library, known=True)] == [un.id]
    assert [e.id for e in vocab.list_words(library, known=False)] == [world.id]
    assert vocab.known_words(library) == {"联合国", "聯合國"}
    vocab.unmark(library, un.id)
    assert vocab.known_words(library) == set()
    assert len(vocab.list_words(library)) == 2


def test_lists_are_per_reader(library: Library) -> None:
    vocab.add(library, "联合国", reader="ana")
    vocab.add(library, "世界", reader="ben", known=True)
    assert [e.simplified for e in vocab.list_words(library, "ana")] == ["联合国"]
    assert vocab.known_words(library, "ben") == {"世界"}
    assert vocab.known_words(library, "ana") == set()


def test_edit_reading_senses_and_sentence(library: Library) -> None:
    entry = vocab.add(library, "联合国").entry
    changed = vocab.edit(library, entry.id, reading="Lián hé guó", senses=["UN", " ", "United Nations"],
                         sentence=" 我不在乎联合国。 ")
    assert changed == Changed(vocabulary=frozenset({entry.id}))
    edited = vocab.get(library, entry.id)
    assert edited.reading == "lian2 he2 guo2"  # same reading typed with marks: unchanged
    assert edited.senses == ("UN", "United Nations") and edited.sentence == "我不在乎联合国。"
    assert vocab.edit(library, entry.id, senses=["UN", "United Nations"]) == Changed()


def test_edit_to_a_reading_already_listed_is_refused(library: Library) -> None:
    xing = vocab.add(library, "行").entry
    vocab.add(library, "行", "hang2")
    with pytest.raises(ReaderError, match="already in the list"):
        vocab.edit(library, xing.id, reading="hang2")
    assert vocab.get(library, xing.id).reading == "xing2"


def test_delete_and_restore(library: Library) -> None:
    start = _offset(library, 1, "聯合國安理會")
    entry = vocab.add(library, "联合国", article_id=1, start=start, end=start + 3).entry
    vocab.mark_known(library, entry.id)
    deleted = vocab.delete(library, entry.id)
    assert deleted.changed == Changed(vocabulary=frozenset({entry.id}))
    assert vocab.list_words(library) == [] and vocab.known_words(library) == set()
    with pytest.raises(NotFound):
        vocab.get(library, entry.id)
    assert deleted.restore() == Changed(vocabulary=frozenset({entry.id}))
    back = vocab.get(library, entry.id)
    assert (back.sentence, back.start, back.known, back.created) == (
        deleted.snapshot.sentence, start, True, entry.created)


def test_restore_after_the_word_was_added_again_is_a_clear_error(library: Library) -> None:
    entry = vocab.add(library, "世界").entry
    deleted = vocab.delete(library, entry.id)
    vocab.add(library, "世界")
    with pytest.raises(ReaderError, match="already in the list again"):
        deleted.restore()


def test_a_deleted_article_leaves_its_words(library: Library) -> None:
    start = _offset(library, 2, "联合国")
    entry = vocab.add(library, "联合国", article_id=2, start=start, end=start + 3).entry
    library.delete_article(2)
    kept = vocab.get(library, entry.id)
    assert kept.article_id is None and kept.sentence == entry.sentence


@pytest.mark.parametrize(("typed", "tone3"), [
    ("lian2 he2 guo2", "lian2 he2 guo2"), ("lian2he2guo2", "lian2 he2 guo2"), ("Lián Hé Guó", "lian2 he2 guo2"),
    ("lü4", "lv4"), ("lǜ", "lv4"), ("lu:4", "lv4"), ("le", "le5"),
])
def test_readings_typed_in_any_common_way(typed: str, tone3: str) -> None:
    assert vocab.normalise_reading(typed) == tone3


def test_reading_that_is_not_pinyin_is_a_clear_error() -> None:
    with pytest.raises(ReaderError, match="as pinyin"):
        vocab.normalise_reading("行!")


# ------------------------------------------------------------------------------------------ sentences


@pytest.mark.parametrize(("text", "sentences"), [
    ("他來了。你呢？好！", ["他來了。", "你呢？", "好！"]),
    ("他說：“你好！”然後走了。", ["他說：“你好！”", "然後走了。"]),
    ("真的嗎？！不會吧", ["真的嗎？！", "不會吧"]),
    ("一;二；三", ["一;", "二；", "三"]),
    ("第一行,沒有句號\n  第二行。 ", ["第一行,沒有句號", "第二行。"]),
    ("2026年1月,世界目睹了一場外交“閃電戰”。1月5日,在聯合國", ["2026年1月,世界目睹了一場外交“閃電戰”。", "1月5日,在聯合國"]),
    ("", []),
])
def test_sentence_spans(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in vocab.sentence_spans(text)] == sentences


def test_sentence_around_an_offset() -> None:
    text = "他來了。你呢？\n好！"
    assert text[slice(*vocab.sentence_bounds(text, 0))] == "他來了。"
    assert text[slice(*vocab.sentence_bounds(text, 3))] == "他來了。"  # on the full stop
    assert text[slice(*vocab.sentence_bounds(text, 4))] == "你呢？"
    assert text[slice(*vocab.sentence_bounds(text, 7))] == "你呢？"  # on the line break
    assert text[slice(*vocab.sentence_bounds(text, len(text)))] == "好！"
    with pytest.raises(ReaderError):
        vocab.sentence_bounds(text, len(text) + 1)


def test_sentence_at_stays_inside_one_paragraph(library: Library) -> None:
    info = library.article(1)
    pars = library.paragraphs(info.revision_id)
    byline, first = pars[0], pars[1]
    assert vocab.sentence_at(library, 1, byline.start + 1) == byline.text
    assert vocab.sentence_at(library, 1, first.start) == "2026年1月,世界目睹了一場前所未有的外交“閃電戰”。"


def test_locate_word_reports_a_word_not_there(library: Library) -> None:
    with pytest.raises(ReaderError, match="not at offset 0"):
        vocab.locate_word(library, 1, "联合国", 0)


def test_marking_a_word_known_in_either_script_and_unmarking_it(library: Library) -> None:
    start = library.revision_text(library.article(1).revision_id).index("輕蔑")
    assert vocab.word_state(library, "轻蔑") == vocab.WordState(False, False)
    changed = vocab.set_word_known(library, "輕蔑", True, article_id=1, start=start, end=start + 2)
    rows = vocab.list_words(library)
    assert [(r.simplified, r.traditional, r.known, r.article_id) for r in rows] == [("轻蔑", "輕蔑", True, 1)]
    assert changed.vocabulary == frozenset({rows[0].id})
    assert "輕蔑" in rows[0].sentence
    for form in ("轻蔑", "輕蔑"):
        assert vocab.word_state(library, form) == vocab.WordState(True, True, "known")
    assert vocab.set_word_known(library, "轻蔑", True) == Changed()  # already known: nothing written
    assert vocab.set_word_known(library, "轻蔑", False).vocabulary == frozenset({rows[0].id})
    assert vocab.word_state(library, "輕蔑") == vocab.WordState(True, False)
    assert vocab.known_words(library) == set()
    assert len(vocab.list_words(library)) == 1, "unmarking keeps the word in the list"
    assert vocab.set_word_known(library, "外交", False) == Changed(), "unmarking a word not in the list adds nothing"
    assert len(vocab.list_words(library)) == 1
