"""Anchoring: quotes with context, normalisation, and re-anchoring onto edited or converted text."""
from __future__ import annotations

import random

from reader.core.anchoring import CONTEXT, OffsetMapper, Reanchorer, make_quote, normalize, normalize_with_map, reanchor
from reader.core.library import Library
from reader.core.pipeline.script import convert_text

TEXT = (
    "2026年1月,世界目睹了一場前所未有的外交“閃電戰”。在聯合國安理會一場緊急會議上,美國國務卿面對全球媒體,"
    "輕蔑地拋出一句:“我不在乎聯合國,聯合國的意見無關緊要”。\n"
    "此言余音未落,48小時內,美國總統便以行動作出最強硬的“注腳”。從口頭蔑視到批量退出,美國在兩天內完成了決裂。"
)


def span(text: str, quote: str, nth: int = 0) -> tuple[int, int]:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(quote, pos + 1)
    return pos, pos + len(quote)


def test_quote_keeps_context_and_a_normalised_form() -> None:
    s, e = span(TEXT, "聯合國的意見無關緊要")
    q = make_quote(TEXT, s, e)
    assert q.exact == "聯合國的意見無關緊要"
    assert len(q.prefix) == CONTEXT and TEXT[:s].endswith(q.prefix)
    assert len(q.suffix) == CONTEXT and TEXT[e:].startswith(q.suffix)
    assert q.normalized == "联合国的意见无关紧要"
    assert make_quote(TEXT, 0, 4).prefix == ""


def test_normalisation_folds_script_width_and_whitespace() -> None:
    assert normalize("  聯合國\n\n  安理會 ") == "联合国 安理会"
    assert normalize("ＵＮ　２０２６") == "UN 2026"
    text = "甲  乙\n丙"
    norm, origin = normalize_with_map(text)
    assert norm == "甲 乙 丙"
    assert [text[o] for o in origin] == ["甲", " ", "乙", "\n", "丙"]


def test_unchanged_text_keeps_every_position() -> None:
    q = make_quote(TEXT, 10, 20)
    assert reanchor(TEXT, TEXT, q) == (10, 20)


def test_insertion_before_moves_the_highlight_with_its_text() -> None:
    s, e = span(TEXT, "批量退出")
    new = TEXT.replace("世界目睹了", "整個世界都目睹了")
    assert reanchor(TEXT, new, make_quote(TEXT, s, e)) == (s + 3, e + 3)


def test_repeated_quote_goes_to_the_occurrence_at_the_old_place() -> None:
    s, e = span(TEXT, "聯合國", nth=2)  # the third of three
    new = "編者按:本文談聯合國。\n" + TEXT.replace("美國國務卿", "國務卿")
    start, end = reanchor(TEXT, new, make_quote(TEXT, s, e))  # type: ignore[misc]
    assert new[start:end] == "聯合國"
    assert new[start - 7 : start] == "不在乎聯合國,"
    assert new[end : end + 4] == "的意見無"


def test_moved_paragraph_is_followed() -> None:
    first, second = TEXT.split("\n")
    swapped = second + "\n" + first
    s, e = span(TEXT, "我不在乎聯合國")
    start, end = reanchor(TEXT, swapped, make_quote(TEXT, s, e))  # type: ignore[misc]
    assert swapped[start:end] == "我不在乎聯合國"


def test_text_converted_to_simplified_keeps_highlights_on_the_same_characters() -> None:
    simp = convert_text(TEXT, "simplified")
    r = Reanchorer(TEXT, simp)
    for quote in ("外交“閃電戰”", "聯合國安理會", "批量退出"):
        s, e = span(TEXT, quote)
        found = r.reanchor(make_quote(TEXT, s, e))
        assert found is not None and (found.start, found.end) == (s, e)
    s, e = span(TEXT, "聯合國安理會")
    assert r.reanchor(make_quote(TEXT, s, e)).method == "normalized"  # type: ignore[union-attr]


def test_edits_inside_the_passage_are_matched_approximately() -> None:
    s, e = span(TEXT, "美國國務卿面對全球媒體,輕蔑地拋出一句")
    new = TEXT.replace("美國國務卿面對全球媒體", "美國國務卿魯比奧面對媒體")
    found = Reanchorer(TEXT, new).reanchor(make_quote(TEXT, s, e))
    assert found is not None and found.method == "fuzzy"
    assert new[found.start : found.end] == "美國國務卿魯比奧面對媒體,輕蔑地拋出一句"


def test_deleted_passage_is_not_anchored_anywhere() -> None:
    s, e = span(TEXT, "從口頭蔑視到批量退出,")
    new = TEXT.replace("從口頭蔑視到批量退出,", "")
    assert reanchor(TEXT, new, make_quote(TEXT, s, e)) is None


def test_a_short_quote_replaced_by_other_words_is_orphaned() -> None:
    s, e = span(TEXT, "決裂")
    new = TEXT.replace("決裂", "切割")
    assert reanchor(TEXT, new, make_quote(TEXT, s, e)) is None


def test_offset_mapper_follows_inserted_and_deleted_characters() -> None:
    old = "abcdef\nghijkl"
    new = "abXcdef\nghkl"
    m = OffsetMapper(old, new)
    assert m.start(3) == 4 and m.end(6) == 7  # "def" after the insertion
    assert m.start(11) == 10  # "kl" after the deletion of "ij"
    assert m.intact(3, 6) and not m.intact(8, 12)


def random_edit(text: str, rng: random.Random, rate: float, spans: list[list[int]]) -> str:
    """Insert, delete or replace single characters (never a newline) and track where every span goes."""
    chars = list(text)
    pool = [c for c in text if c != "\n"]
    for _ in range(int(len(text) * rate)):
        op = rng.choice("idr")
        k = rng.randrange(len(chars))
        if chars[k] == "\n" and op != "i":
            continue
        if op == "i":
            chars.insert(k, rng.choice(pool))
            for sp in spans:
                if k <= sp[0]:
                    sp[0] += 1
                    sp[1] += 1
                elif k < sp[1]:
                    sp[1] += 1
        elif op == "d":
            del chars[k]
            for sp in spans:
                if k < sp[0]:
                    sp[0] -= 1
                    sp[1] -= 1
                elif k < sp[1]:
                    sp[1] -= 1
        else:
            chars[k] = rng.choice(pool)
    return "".join(chars)


def test_random_five_percent_edits_keep_95_percent_of_highlights_exact(library: Library) -> None:
    text = library.revision_text(library.article(1).revision_id)
    exact = total = 0
    for seed in range(3):
        rng = random.Random(seed)
        spans = []
        for _ in range(150):
            length = rng.randint(2, 40)
            start = rng.randrange(len(text) - length)
            spans.append([start, start + length])
        quotes = [make_quote(text, s, e) for s, e in spans]
        new = random_edit(text, rng, 0.05, spans)
        r = Reanchorer(text, new)
        for q, sp in zip(quotes, spans, strict=True):
            found = r.reanchor(q)
            total += 1
            if found is not None and [found.start, found.end] == sp:
                exact += 1
            elif found is not None:  # never somewhere else entirely
                assert found.start < sp[1] + 3 and sp[0] - 3 < found.end, (q.exact, new[found.start : found.end])
    assert exact / total >= 0.95, f"{exact}/{total} re-anchored exactly"
