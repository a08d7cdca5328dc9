"""Merging hand-ins: students kept apart by library id, the teacher's layer untouched, name clashes, older
hand-ins, hand-ins of the previous version, revised articles, and opening a hand-out in linear time."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from testdata import separate_library

from reader.core import identity
from reader.core.annotations import Annotations, revise
from reader.core.classroom import handins, make_handin, make_handout, merge_handin, merge_handins, open_handout
from reader.core.errors import ReaderError
from reader.core.library import Library

QUOTE = "外交“閃電戰”"


def span(lib: Library, quote: str, article: int = 1) -> tuple[int, int]:
    text = lib.revision_text(lib.article(article).revision_id)
    start = text.index(quote)
    return start, start + len(quote)


def layer(lib: Library, author: str) -> list[str]:
    return sorted(a.exact for a in Annotations(lib).list_for_article(1) if a.author == author)


@pytest.fixture
def handout(library: Library, tmp_path: Path) -> Path:
    library.set_reader_name("Teacher")
    return make_handout(library, [1], tmp_path / "week1.readerclass", tagset="Stance")


@pytest.fixture
def student(seeded_template: Path, tmp_path: Path, handout: Path):  # noqa: ANN201
    """Makes a student's own library (its own id), opens the hand-out there and marks one quote."""
    made: list[Library] = []

    def make(file: str, name: str | None, quote: str = QUOTE, created: str = "2026-03-02T10:00:00+00:00",
             same_library_as: Path | None = None) -> Path:
        db = tmp_path / f"{file}.sqlite3"
        if not db.exists():
            db.write_bytes((same_library_as or seeded_template).read_bytes())
            if same_library_as is None:
                separate_library(db)
        lib = Library.open(db)
        made.append(lib)
        open_handout(lib, handout)
        Annotations(lib).create(1, *span(lib, quote), tags=["Agree"], note=f"{file}'s note")
        path, _ = make_handin(lib, [1], tmp_path / f"{file}-{created[:10]}.readerclass", author=name, created=created)
        return path

    yield make
    for lib in made:
        lib.close()


def test_two_students_with_one_name_are_both_kept(library: Library, student) -> None:  # noqa: ANN001
    a = student("lab-pc-1", "Li Wei", "外交“閃電戰”")
    b = student("lab-pc-2", "Li Wei", "前所未有")
    first, second = merge_handins(library, [a, b])
    assert (first.error, second.error) == (None, None)
    assert (first.student, second.student) == ("Li Wei", "Li Wei (2)")
    assert first.warnings == [] and any("name clash" in w and "Li Wei (2)" in w for w in second.warnings)
    assert layer(library, "Li Wei") == ["外交“閃電戰”"] and layer(library, "Li Wei (2)") == ["前所未有"]
    assert sorted(h["student"] for h in handins(library, 1)) == ["Li Wei", "Li Wei (2)"]
    assert {h["name"] for h in handins(library, 1)} == {"Li Wei"}
    again = merge_handin(library, a)  # the same student again: still their own layer, nothing else touched
    assert again.student == "Li Wei" and layer(library, "Li Wei (2)") == ["前所未有"]


def test_a_handin_from_the_teachers_own_library_is_refused(library: Library, handout: Path, tmp_path: Path) -> None:
    Annotations(library).create(1, *span(library, "前所未有"), tags=["Agree"])
    path, _ = make_handin(library, [1], tmp_path / "mine.readerclass")
    with pytest.raises(ReaderError, match="made from this library"):
        merge_handin(library, path)
    assert layer(library, "Teacher") == ["前所未有"]
    assert handins(library, 1) == []


def test_a_student_claiming_the_teachers_name_does_not_touch_the_teachers_highlights(
    library: Library, student,  # noqa: ANN001
) -> None:
    Annotations(library).create(1, *span(library, "前所未有"), tags=["Agree"])
    result = merge_handin(library, student("mallory", "Teacher"))
    assert result.student == "Teacher (2)" and any("name clash" in w for w in result.warnings)
    assert layer(library, "Teacher") == ["前所未有"]
    assert layer(library, "Teacher (2)") == [QUOTE]


def test_a_student_claiming_another_students_name_does_not_replace_them(library: Library, student) -> None:  # noqa: ANN001
    merge_handin(library, student("wang", "Wang Fang", "前所未有"))
    impostor = merge_handin(library, student("other", "Wang Fang", QUOTE))
    assert impostor.student == "Wang Fang (2)" and impostor.replaced == 0
    assert layer(library, "Wang Fang") == ["前所未有"]


def test_an_older_handin_merged_after_a_newer_one_is_ignored(library: Library, student) -> None:  # noqa: ANN001
    old = student("wang", "Wang Fang", "前所未有", created="2026-03-02T10:00:00+00:00")
    new = student("wang", "Wang Fang", QUOTE, created="2026-03-03T10:00:00+00:00")
    assert merge_handin(library, new).skipped is None
    late = merge_handin(library, old)
    assert late.skipped and "older than the hand-in already merged" in late.skipped and late.error is None
    assert sorted(layer(library, "Wang Fang")) == sorted(["前所未有", QUOTE])  # the newer layer, both marks
    assert handins(library, 1)[0]["handed_in"] == "2026-03-03T10:00:00+00:00"


def test_a_handin_of_the_previous_version_merges_by_name_with_a_note(
    library: Library, student, tmp_path: Path,  # noqa: ANN001
) -> None:
    path = student("old-app", "Zhou")
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    manifest = json.loads(members["manifest.json"])
    del manifest["library"]
    for entry in manifest["articles"]:
        entry.pop("handout", None)
    members["manifest.json"] = json.dumps(manifest).encode()
    legacy = tmp_path / "legacy.readerclass"
    with zipfile.ZipFile(legacy, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    result = merge_handin(library, legacy)
    assert result.error is None and result.student == "Zhou" and result.library is None
    assert any("earlier version" in w for w in result.warnings)
    assert layer(library, "Zhou") == [QUOTE]
    # the same student, now with the new version: matched to the earlier layer by name, and replaces it
    updated = merge_handin(library, student("old-app", "Zhou", "前所未有", created="2026-03-04T10:00:00+00:00"))
    assert updated.student == "Zhou" and any("matched to this one by name" in w for w in updated.warnings)
    assert sorted(layer(library, "Zhou")) == sorted([QUOTE, "前所未有"])
    assert len(handins(library, 1)) == 1


def test_a_handin_on_a_revised_article_is_reanchored_onto_the_teachers_revision(
    library: Library, handout: Path, seeded_template: Path, tmp_path: Path,
) -> None:
    db = tmp_path / "wang.sqlite3"
    db.write_bytes(seeded_template.read_bytes())
    separate_library(db)
    with Library.open(db) as lib:
        open_handout(lib, handout)
        anns = Annotations(lib)
        anns.create(1, *span(lib, QUOTE), tags=["Agree"], note="kept")
        anns.create(1, *span(lib, "前所未有"), tags=["Question"], note="edited away")
        text = lib.revision_text(lib.article(1).revision_id)
        edited = tmp_path / "edited.txt"  # the student fixes a typo, and more
        edited.write_text("訂正：" + text.replace("前所未有", "空前"), encoding="utf-8")
        revise(lib, 1, edited)
        path, _ = make_handin(lib, [1], tmp_path / "wang.readerclass", author="Wang")
    result = merge_handin(library, path)
    assert result.error is None and result.annotations == 2 and result.orphaned == 1
    assert any("revised" in w for w in result.warnings)
    placed = {a.note: a for a in Annotations(library).list_for_article(1) if a.author == "Wang"}
    teacher_text = library.revision_text(library.article(1).revision_id)
    kept = placed["kept"]
    assert not kept.orphaned and teacher_text[kept.start:kept.end] == QUOTE
    assert kept.revision_id == library.article(1).revision_id  # on the teacher's revision
    assert placed["edited away"].orphaned  # kept, never dropped


def test_opening_a_handout_reads_the_paragraphs_once_whatever_the_translation_length(
    library: Library, handout: Path, seeded_template: Path, tmp_path: Path,
) -> None:
    db = tmp_path / "s.sqlite3"
    db.write_bytes(seeded_template.read_bytes())
    paragraph_queries: list[str] = []
    with Library.open(db) as lib:
        with lib.transaction():  # an empty library of the same article: the translation is inserted
            lib.conn.execute("DELETE FROM articles")
        lib.conn.set_trace_callback(lambda sql: paragraph_queries.append(sql) if "FROM paragraphs" in sql else None)
        result = open_handout(lib, handout)
        lib.conn.set_trace_callback(None)
        lines = lib.translations(lib.article(result.articles[0].id).revision_id)
    assert len(lines) > 5  # positive control: the translation came with it, line by line
    assert len(paragraph_queries) <= 3, paragraph_queries  # not once per translated line


def test_the_library_id_is_stable_and_each_library_has_its_own(library: Library, tmp_path: Path) -> None:
    lid = identity.library_id(library)
    assert len(lid) == 32 and identity.library_id(library) == lid
    with Library.open(tmp_path / "other.sqlite3") as other:
        assert identity.library_id(other) != lid
