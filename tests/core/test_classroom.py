"""Class packages: hand-out, open (no duplicates), hand-in, merge as layers, and hostile packages refused."""
from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest
from testdata import separate_library

from reader.core import class_package, classroom
from reader.core.annotations import Annotations
from reader.core.classroom import PackageError, handins, make_handin, make_handout, merge_handin, open_handout
from reader.core.errors import ReaderError
from reader.core.library import Library
from reader.core.tags import Tags

TABLES = ("articles", "revisions", "paragraphs", "translations", "tagsets", "tags", "annotations", "annotation_tags",
          "tag_history", "class_handins", "settings")


def counts(lib: Library) -> dict[str, int]:
    return {t: lib.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


def offsets(lib: Library, quote: str, article: int = 1) -> tuple[int, int]:
    text = lib.revision_text(lib.article(article).revision_id)
    start = text.index(quote)
    return start, start + len(quote)


@pytest.fixture
def handout(library: Library, tmp_path: Path) -> Path:
    """A hand-out of the Traditional seed with a class tagset, instructions and a teacher's reading fix."""
    tags = Tags(library)
    tags.add("Class stance", "Supports", name_zh="支持", color="#3a8f3a")
    tags.add("Class stance", "Doubts", name_zh="怀疑", color="#c0392b")
    s, _ = offsets(library, "閃電戰")
    Annotations(library).create(1, s, s + 1, kind="reading", reading="shan3", author="Teacher")
    return make_handout(library, [1], tmp_path / "week1.readerclass", tagset="Class stance",
                        instructions="# Week 1\n\nTag each claim.")


def test_a_handout_gives_an_empty_library_the_article_tagset_and_reading_fixes(
    library: Library, handout: Path, tmp_path: Path,
) -> None:
    with Library.open(tmp_path / "student.sqlite3") as student:
        result = open_handout(student, handout)
        (art,) = result.articles
        assert art.created and result.tags_added == ["Class stance/Supports", "Class stance/Doubts"]
        assert student.revision_text(student.article(art.id).revision_id) == library.revision_text(
            library.article(1).revision_id)
        assert [p.kind for p in student.paragraphs(student.article(art.id).revision_id)] == \
            [p.kind for p in library.paragraphs(library.article(1).revision_id)]
        assert student.translations(student.article(art.id).revision_id)[1].startswith("In January 2026")
        assert student.article(art.id).title_en == library.article(1).title_en
        (fix,) = Annotations(student).list_for_article(art.id, kind="reading")
        assert (fix.reading, fix.author, fix.exact) == ("shan3", "Teacher", "閃")
        assert result.instructions.startswith("# Week 1")
        assert classroom.instructions_for(student, art.id)["text"].startswith("# Week 1")
        before = counts(student)
        again = open_handout(student, handout)  # opening it twice adds nothing
        assert not again.articles[0].created and again.articles[0].id == art.id and again.tags_added == []
        assert counts(student) | {"settings": 0} == before | {"settings": 0}


def test_a_handout_finds_the_article_a_library_already_has(library: Library, handout: Path) -> None:
    before = counts(library)
    result = open_handout(library, handout)
    assert result.articles[0].id == 1 and not result.articles[0].created
    assert counts(library)["articles"] == before["articles"]


def _student(seeded_template: Path, tmp_path: Path, name: str, handout: Path) -> Library:
    path = tmp_path / f"{name}.sqlite3"
    path.write_bytes(seeded_template.read_bytes())
    separate_library(path)
    lib = Library.open(path)
    lib.set_reader_name(name)
    open_handout(lib, handout)
    return lib


def test_handins_merge_as_layers_and_an_updated_handin_replaces_the_layer(
    library: Library, handout: Path, seeded_template: Path, tmp_path: Path,
) -> None:
    with _student(seeded_template, tmp_path, "Wang", handout) as wang:
        a = Annotations(wang)
        s, e = offsets(wang, "外交“閃電戰”")
        first = a.create(1, s, e, tags=["Supports"], note="a blitz indeed").annotation
        s, e = offsets(wang, "聯合國的意見無關緊要")
        a.create(1, s, e, tags=["Doubts"])
        make_handin(wang, [1], tmp_path / "wang1.readerclass")
        a.delete(first.id)
        make_handin(wang, [1], tmp_path / "wang2.readerclass", author="Wang")
    result = merge_handin(library, tmp_path / "wang1.readerclass")
    assert (result.student, result.articles, result.annotations, result.replaced) == ("Wang", [1], 2, 0)
    layer = Annotations(library).list_for_article(1, author="Wang")
    assert {x.exact for x in layer} == {"外交“閃電戰”", "聯合國的意見無關緊要"}
    assert {t.qualified for x in layer for t in x.tags} == {"Class stance/Supports", "Class stance/Doubts"}
    result = merge_handin(library, tmp_path / "wang2.readerclass")
    assert (result.annotations, result.replaced) == (1, 2)
    assert [x.exact for x in Annotations(library).list_for_article(1, author="Wang")] == ["聯合國的意見無關緊要"]
    assert [h["annotations"] for h in handins(library, 1)] == [1]
    merge_handin(library, tmp_path / "wang2.readerclass")  # the same hand-in again: still one layer
    assert len(Annotations(library).list_for_article(1, author="Wang")) == 1


def test_a_student_who_removed_everything_empties_the_layer(
    library: Library, handout: Path, seeded_template: Path, tmp_path: Path,
) -> None:
    with _student(seeded_template, tmp_path, "Li", handout) as li:
        ann = Annotations(li).create(1, 10, 20, tags=["Doubts"]).annotation
        make_handin(li, [1], tmp_path / "li1.readerclass")
        Annotations(li).delete(ann.id)
        make_handin(li, [1], tmp_path / "li2.readerclass")
    merge_handin(library, tmp_path / "li1.readerclass")
    merge_handin(library, tmp_path / "li2.readerclass")
    assert Annotations(library).list_for_article(1, author="Li") == []
    assert [(h["student"], h["annotations"]) for h in handins(library, 1)] == [("Li", 0)]  # handed in, nothing marked


def test_a_handin_reusing_another_students_annotation_is_refused(
    library: Library, handout: Path, seeded_template: Path, tmp_path: Path,
) -> None:
    with _student(seeded_template, tmp_path, "Zhao", handout) as zhao:
        Annotations(zhao).create(1, 10, 20, tags=["Doubts"])
        make_handin(zhao, [1], tmp_path / "zhao.readerclass")
        make_handin(zhao, [1], tmp_path / "copy.readerclass", author="Qian")  # a copied library, another name
    merge_handin(library, tmp_path / "zhao.readerclass")
    before = counts(library)
    with pytest.raises(ReaderError, match="already belongs to Zhao's work"):
        merge_handin(library, tmp_path / "copy.readerclass")
    assert counts(library) == before


# ---- hostile packages --------------------------------------------------------------------------------
def _zip(path: Path, members: dict[str, bytes | str], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(zipfile.ZipInfo(name), data.encode() if isinstance(data, str) else data, compress_type=method)
    return path


def _manifest(**changes: object) -> str:
    base = {"format": classroom.FORMAT, "version": 1, "kind": "handin", "created": "2026-03-01T10:00:00+00:00",
            "app_version": "0.1.0", "reader": "Mallory", "articles": [], "annotations": "annotations.json"}
    base.update(changes)
    return json.dumps({k: v for k, v in base.items() if v is not ...})


def _valid_members(library: Library, tmp_path: Path) -> dict[str, bytes]:
    Annotations(library).create(1, 10, 20, tags=["Agree"], author="Mallory")
    make_handin(library, [1], tmp_path / "valid.readerclass", author="Wang")
    with Annotations(library).lib.transaction():
        library.conn.execute("DELETE FROM annotations")
        library.conn.execute("DELETE FROM tag_history")
    with zipfile.ZipFile(tmp_path / "valid.readerclass") as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    manifest = json.loads(members["manifest.json"])  # as if made in a student's library, not this one
    members["manifest.json"] = json.dumps(dict(manifest, library="0" * 31 + "1")).encode()
    return members


def _hostile_cases(valid: dict[str, bytes]) -> list[tuple[str, dict[str, bytes | str], str]]:
    manifest = json.loads(valid["manifest.json"])
    annotations = json.loads(valid["annotations.json"])
    item = annotations["first"]["items"][0]

    def with_item(**changes: object) -> str:
        changed = dict(item, **changes)
        return json.dumps(dict(annotations, first={"type": "AnnotationPage", "items": [changed]}))

    def with_manifest(**changes: object) -> str:
        return _manifest(**{**manifest, **changes})

    target = item["target"]
    bad_position = dict(target, selector=[{"type": "TextPositionSelector", "start": 999_990, "end": 999_997},
                                          {"type": "TextQuoteSelector", "exact": "不存在的一段話"}])
    return [
        ("parent", {**valid, "../escape.json": "{}"}, "points outside the package"),
        ("absolute", {**valid, "/etc/cron.d/x": "x"}, "points outside the package"),
        ("drive", {**valid, "C:evil.json": "x"}, "points outside the package"),
        ("backslash", {**valid, "articles\\..\\x.json": "x"}, "points outside the package"),
        ("bomb", {**valid, "annotations.json": " " * (20 * 1024 * 1024)}, "zip bomb"),
        ("wrong kind", {**valid, "manifest.json": with_manifest(kind="handout")}, "is a hand-out, not a hand-in"),
        ("newer", {**valid, "manifest.json": with_manifest(version=99)}, "newer version"),
        ("other format", {**valid, "manifest.json": with_manifest(format="zip")}, "not a Bilingual Reader class"),
        ("no manifest", {"annotations.json": valid["annotations.json"]}, "no manifest.json"),
        ("missing reader", {**valid, "manifest.json": with_manifest(reader=...)}, "reader is missing"),
        ("articles type", {**valid, "manifest.json": with_manifest(articles="all")}, "articles must be a list"),
        ("control chars", {**valid, "manifest.json": with_manifest(reader="Mal\u202eory")}, "control characters"),
        ("start type", {**valid, "annotations.json": with_item(target=dict(target, selector=[
            {"type": "TextPositionSelector", "start": "10", "end": 20}]))}, "must be a whole number"),
        ("outside text", {**valid, "annotations.json": with_item(target=bad_position)}, "outside the text"),
        ("bad colour", {**valid, "annotations.json": with_item(**{"urn:bilingual-reader:color": "red"})},
         "must be a colour"),
        ("deep", {**valid, "annotations.json": "[" * 5000 + "]" * 5000}, "nested deeper"),
        ("not json", {**valid, "annotations.json": "{'a': 1"}, "not valid JSON"),
        ("not utf-8", {**valid, "annotations.json": b"\xff\xfe\x00{"}, "not UTF-8"),
        ("too many", {**valid, **{f"extra/{n}.txt": "x" for n in range(70)}}, "too many members"),
    ]


def test_hostile_packages_are_refused_and_nothing_is_written(library: Library, tmp_path: Path) -> None:
    valid = _valid_members(library, tmp_path)
    merge_handin(library, _zip(tmp_path / "ok.readerclass", valid))  # the untouched package merges
    before = counts(library)
    for label, members, message in _hostile_cases(valid):
        path = _zip(tmp_path / f"{label}.readerclass", members)
        with pytest.raises(ReaderError, match=message):
            merge_handin(library, path)
        assert counts(library) == before, label


def test_a_huge_member_and_a_non_zip_are_refused(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = counts(library)
    not_zip = tmp_path / "notes.readerclass"
    not_zip.write_text("hello", encoding="utf-8")
    with pytest.raises(PackageError, match="not a zip file"):
        merge_handin(library, not_zip)
    monkeypatch.setattr(class_package, "MAX_MEMBER_BYTES", 4096)
    huge = _zip(tmp_path / "huge.readerclass", {"manifest.json": _manifest(), "annotations.json": os.urandom(8192)},
                method=zipfile.ZIP_STORED)
    with pytest.raises(PackageError, match="annotations.json is too large"):
        merge_handin(library, huge)
    assert counts(library) == before


def test_hostile_handouts_are_refused(library: Library, handout: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(handout) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    article = json.loads(members["articles/001.json"])
    manifest = json.loads(members["manifest.json"])
    cases = [
        ({**members, "articles/001.json": json.dumps(dict(article, text=article["text"] + "!"))}, "content hash"),
        ({**members, "articles/001.json": json.dumps(dict(article, paragraphs=article["paragraphs"][1:]))},
         "index must be 0"),
        ({**members, "articles/001.json": json.dumps(dict(article, paragraphs=[
            dict(p, end=p["end"] + 1) if p["index"] == 3 else p for p in article["paragraphs"]]))}, "cover the text"),
        ({**members, "manifest.json": json.dumps(dict(manifest, articles=[{"member": "../../x.json",
                                                                            "content_hash": "0"}]))}, "outside"),
        ({**members, "tagset.json": json.dumps({"name": "a/b", "tags": []})}, "cannot contain '/'"),
        ({**members, "tagset.json": json.dumps({"name": "S", "tags": [{"name": "x", "color": "#12"}]})}, "colour"),
    ]
    with Library.open(tmp_path / "student.sqlite3") as student:
        before = counts(student)
        for n, (changed, message) in enumerate(cases):
            with pytest.raises(ReaderError, match=message):
                open_handout(student, _zip(tmp_path / f"bad{n}.readerclass", changed))
            assert counts(student) == before
