"""Agreement: sentence units, coding rules, alpha against the krippendorff package's stored values, heat, disputes, report filters."""
from __future__ import annotations

import math

import numpy as np
import pytest
from krippendorff_values import reference_alpha

from reader.core import agreement as ag
from reader.core.annotations import Annotations
from reader.core.class_report import build_report, note_words, render
from reader.core.errors import ReaderError
from reader.core.library import Library
from reader.core.text import Paragraph

A, D, Q = "Stance/Agree", "Stance/Disagree", "Stance/Question"


def par(index: int, start: int, text: str) -> Paragraph:
    return Paragraph(index, "paragraph", start, start + len(text), text)


def test_units_are_sentences_with_their_closing_quotes_and_paragraph_ends() -> None:
    p0 = par(0, 0, "他說:“好!”然後走了。 還有嗎?Yes; no")
    p1 = par(1, len(p0.text) + 1, "沒有句號的段落")
    units = ag.unitise([p0, p1])
    text = p0.text + "\n" + p1.text
    assert [text[u.start : u.end] for u in units] == ["他說:“好!”", "然後走了。", "還有嗎?", "Yes;", "no", "沒有句號的段落"]
    assert [u.paragraph for u in units] == [0, 0, 0, 0, 0, 1] and [u.index for u in units] == list(range(6))


def test_a_student_code_is_the_stance_of_the_annotation_covering_most_of_the_sentence() -> None:
    units = ag.unitise([par(0, 0, "一二三四五六七八九十。甲乙丙。")])  # units 0–11 and 11–15
    marks = [
        ag.Mark("ann", "u1", 0, 3, A), ag.Mark("ann", "u2", 2, 9, D),  # D covers more of unit 0
        ag.Mark("bo", "u3", 9, 13, Q),  # crosses into unit 1: codes both (most of neither matters)
        ag.Mark("bo", "u4", 12, 13, None),  # no stance tag: not a code
    ]
    coding = ag.code_units(units, marks, ["ann", "bo", "cy"])
    assert [m and m.stance for m in coding["ann"]] == [D, None]
    assert [m and m.stance for m in coding["bo"]] == [Q, Q]
    assert coding["cy"] == [None, None]


def _random_coding(seed: int, students: int, units: int) -> list[list[float]]:
    rng = np.random.default_rng(seed)
    data = rng.integers(0, 3, size=(students, units)).astype(float)
    data[rng.random((students, units)) < 0.3] = np.nan
    return data.tolist()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_alpha_is_krippendorffs_nominal_alpha(seed: int) -> None:
    data = _random_coding(seed, 5, 40)
    expected = reference_alpha(data)
    assert ag.alpha(data) == pytest.approx(expected, abs=1e-12)


def test_alpha_is_none_when_undefined_and_one_when_perfect() -> None:
    assert ag.alpha([[0.0, 0.0], [0.0, 0.0]]) is None  # a single value: no expected disagreement
    assert ag.alpha([[0.0, math.nan], [math.nan, 1.0]]) is None  # nothing pairable
    assert ag.alpha([[0.0, 1.0, 2.0], [0.0, 1.0, 2.0]]) == pytest.approx(1.0)


def test_alpha_by_tag_is_binary_alpha_over_units_coded_twice() -> None:
    data = [[0, 1, 0, 2, math.nan], [0, 1, 1, 2, 0], [0, 0, 1, math.nan, math.nan]]
    got = ag.alpha_by_tag([[float(x) for x in row] for row in data], ["a", "b", "c"])
    cols = [0, 1, 2, 3]  # unit 4 was coded once
    for i, tag in enumerate(["a", "b", "c"]):
        binary = np.array([[np.nan if math.isnan(row[k]) else float(row[k] == i) for k in cols] for row in data])
        assert got[tag] == pytest.approx(reference_alpha(binary.tolist()))


def test_pairwise_heat_and_disputes() -> None:
    units = ag.unitise([par(0, 0, "一二三。四五六。七八九。")])
    marks = [ag.Mark("a", "1", 0, 4, A, note="yes"), ag.Mark("b", "2", 1, 3, D, note="no"),
             ag.Mark("c", "3", 2, 4, A), ag.Mark("a", "4", 4, 8, Q), ag.Mark("b", "5", 5, 6, Q),
             ag.Mark("c", "6", 8, 11, D)]
    students = ["a", "b", "c"]
    coding = ag.code_units(units, marks, students)
    pairs = {(p.a, p.b): (p.units, p.agree) for p in ag.pairwise(coding, students)}
    assert pairs == {("a", "b"): (2, 1), ("a", "c"): (1, 1), ("b", "c"): (1, 0)}
    assert ag.heat(12, marks) == [1, 2, 3, 2, 1, 2, 1, 1, 1, 1, 1, 0]
    (d,) = ag.disputed(units, coding, students)
    assert d.unit.index == 0 and d.counts == {A: 2, D: 1} and d.disagreement == pytest.approx(2 / 3)
    assert [(m.student, m.note) for m in d.entries] == [("a", "yes"), ("b", "no"), ("c", "")]
    assert d.overlap == (2, 3)


def test_note_words_count_latin_words_and_chinese_characters() -> None:
    assert note_words("I don't agree: 這是宣傳 (propaganda) 2026") == 4 + 4 + 1


def _annotate(lib: Library, student: str, quote: str, tag: str, note: str = "") -> int:
    text = lib.revision_text(lib.article(1).revision_id)
    s = text.index(quote)
    return Annotations(lib).create(1, s, s + len(quote), tags=[tag], author=student, note=note).annotation.id


def _stamp(lib: Library, ann_id: int, created: str, changed: str | None = None) -> None:
    """Move an annotation's creation (and its first tags) to `created`, a later tag change to `changed`."""
    uid = Annotations(lib).get(ann_id).uuid
    with lib.transaction():
        lib.conn.execute("UPDATE annotations SET created = ?, updated = ? WHERE id = ?", (created, created, ann_id))
        rows = lib.conn.execute("SELECT id FROM tag_history WHERE annotation_uuid = ? ORDER BY id", (uid,)).fetchall()
        first = rows[0][0]
        lib.conn.execute("UPDATE tag_history SET at = ? WHERE annotation_uuid = ? AND id = ?", (created, uid, first))
        if changed:
            lib.conn.execute("UPDATE tag_history SET at = ? WHERE annotation_uuid = ? AND id > ?", (changed, uid, first))


def test_report_at_a_date_uses_the_tags_annotations_had_then(library: Library) -> None:
    s1 = "這場風暴,何以掀起?"
    a = _annotate(library, "Ann", s1, "Agree", "first read")
    b = _annotate(library, "Bo", s1, "Disagree", "no")
    Annotations(library).set_tags(a, ["Disagree"])  # Ann changes her mind after a second reading
    late = _annotate(library, "Bo", "又將把世界帶向何方?", "Question")
    _stamp(library, a, "2026-03-01T10:00:00+00:00", "2026-03-08T10:00:00+00:00")
    _stamp(library, b, "2026-03-01T11:00:00+00:00")
    _stamp(library, late, "2026-03-09T10:00:00+00:00")
    before = build_report(library, 1, at="2026-03-02")
    assert [d.counts for d in before.disputed] == [{A: 1, D: 1}]
    assert {s.name: s.annotations for s in before.students} == {"Ann": 1, "Bo": 1}  # Bo's later one not yet made
    after = build_report(library, 1)
    assert after.disputed == [] and {s.name: s.annotations for s in after.students} == {"Ann": 1, "Bo": 2}
    with pytest.raises(ReaderError, match="not a date"):
        build_report(library, 1, at="last week")


def test_report_filters_by_student_and_tag(library: Library) -> None:
    _annotate(library, "Ann", "這場風暴,何以掀起?", "Agree")
    _annotate(library, "Bo", "這場風暴,何以掀起?", "Disagree")
    _annotate(library, "Cy", "這場風暴,何以掀起?", "Claim")  # no stance tag: not a code
    report = build_report(library, 1, students=["Ann", "Cy"])
    assert report.names == ["Ann", "Cy"] and report.disputed == [] and max(report.heat) == 2
    tagged = build_report(library, 1, tag="Claim")
    assert max(tagged.heat) == 1 and [p["counts"] for p in tagged.paragraphs if p["counts"]] == [{"Rhetoric/Claim": 1}]
    assert tagged.disputed == []  # the dispute involves no Claim annotation
    assert build_report(library, 1).disputed[0].counts == {A: 1, D: 1}
    with pytest.raises(ReaderError, match="no work by Dee"):
        build_report(library, 1, students=["Dee"])
    for fmt in ("md", "html", "csv", "json"):
        assert "這場風暴" in render(build_report(library, 1), fmt)
