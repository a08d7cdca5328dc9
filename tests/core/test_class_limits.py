"""The app reads back every package it writes: each limit at the limit (written, read back), over it (refused
when writing, with one clear line) and in a hostile file (refused when reading); bidi controls in a title."""
from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core import untrusted as u
from reader.core.annotations import Annotations
from reader.core.classroom import make_handin, make_handout, merge_handin, open_handout
from reader.core.errors import ReaderError
from reader.core.library import Library
from reader.core.tags import Tags


def set_title(lib: Library, title: str) -> None:
    with lib.transaction():
        lib.conn.execute("UPDATE articles SET title = ? WHERE id = 1", (title,))


def rewrite(path: Path, member: str, change: Callable[[dict], None], out: Path) -> Path:
    """A copy of a package with one JSON member changed (a hostile or foreign file)."""
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    data = json.loads(members[member])
    change(data)
    members[member] = json.dumps(data, ensure_ascii=False).encode()
    with zipfile.ZipFile(out, "w") as zf:
        for name, blob in members.items():
            zf.writestr(name, blob)
    return out


@pytest.fixture
def student(tmp_path: Path):  # noqa: ANN201
    """A student's new, empty library: a hand-out adds its article as written in the package."""
    with Library.open(tmp_path / "student.sqlite3") as lib:
        yield lib


# ---- titles --------------------------------------------------------------------------------------------------
def test_a_title_of_500_characters_is_written_and_read_back(library: Library, student: Library, tmp_path: Path) -> None:
    set_title(library, "題" * u.MAX_TITLE)
    out = make_handout(library, [1], tmp_path / "h.readerclass")
    (art,) = open_handout(student, out).articles
    assert student.article(art.id).title == "題" * u.MAX_TITLE


def test_a_title_over_500_characters_is_refused_when_writing_and_reading(library: Library, student: Library,
                                                                          tmp_path: Path) -> None:
    set_title(library, "題" * (u.MAX_TITLE + 1))
    with pytest.raises(ReaderError, match=r"title of article 1 is too long \(501 characters; at most 500\)"):
        make_handout(library, [1], tmp_path / "h.readerclass")
    assert not (tmp_path / "h.readerclass").exists()
    set_title(library, "題")
    good = make_handout(library, [1], tmp_path / "ok.readerclass")
    hostile = rewrite(good, "articles/001.json", lambda a: a.update(title="題" * 501), tmp_path / "bad.readerclass")
    before = len(student.list_articles())
    with pytest.raises(ReaderError, match="title is too long"):
        open_handout(student, hostile)
    assert len(student.list_articles()) == before


def test_a_tab_in_a_title_is_written_as_a_space_and_a_hostile_one_refused(library: Library, student: Library,
                                                                          tmp_path: Path) -> None:
    set_title(library, "第一課\t退群")
    out = make_handout(library, [1], tmp_path / "h.readerclass")
    (art,) = open_handout(student, out).articles
    assert student.article(art.id).title == "第一課 退群"
    hostile = rewrite(out, "articles/001.json", lambda a: a.update(title="第一課\t退群"), tmp_path / "bad.readerclass")
    with pytest.raises(ReaderError, match="title contains control characters"):
        open_handout(student, hostile)


def test_a_bidi_override_in_a_title_is_kept_and_shown_harmlessly(library: Library, student: Library,
                                                                 tmp_path: Path) -> None:
    set_title(library, "abc\u202edcba")
    out = make_handout(library, [1], tmp_path / "h.readerclass")
    (art,) = open_handout(student, out).articles
    stored = student.article(art.id).title
    assert stored == "abc\u202edcba"  # stored as written
    assert u.shown(stored) == "abc[U+202E]dcba"  # shown: cannot reorder what follows it
    assert u.shown("普通標題") == "普通標題"  # positive control: other text as it is


# ---- tags ----------------------------------------------------------------------------------------------------
def _tagset(lib: Library, count: int, name_len: int = 5, first: int = 0) -> None:
    tags = Tags(lib)
    for n in range(first, first + count):
        tags.add("Big", f"{n:03d}".ljust(name_len, "x"), color="#336699")


def test_a_tagset_of_50_tags_is_written_and_read_back(library: Library, student: Library, tmp_path: Path) -> None:
    _tagset(library, u.MAX_TAGS)
    out = make_handout(library, [1], tmp_path / "h.readerclass", tagset="Big")
    assert len(open_handout(student, out).tags_added) == u.MAX_TAGS


def test_a_tagset_over_50_tags_is_refused_when_writing_and_reading(library: Library, student: Library,
                                                                   tmp_path: Path) -> None:
    _tagset(library, u.MAX_TAGS)
    good = make_handout(library, [1], tmp_path / "ok.readerclass", tagset="Big")
    _tagset(library, 1, first=u.MAX_TAGS)
    with pytest.raises(ReaderError, match="the tagset Big has 51 tags; a hand-out carries at most 50"):
        make_handout(library, [1], tmp_path / "h.readerclass", tagset="Big")
    extra = {"name": "Extra", "name_zh": None, "color": "#336699", "shortcut": None}
    hostile = rewrite(good, "tagset.json", lambda t: t["tags"].append(extra), tmp_path / "bad.readerclass")
    with pytest.raises(ReaderError, match="tags has 51 entries; at most 50"):
        open_handout(student, hostile)
    assert student.conn.execute("SELECT COUNT(*) FROM tagsets WHERE name = 'Big'").fetchone()[0] == 0


def test_a_tag_name_of_100_characters_is_written_and_read_back(library: Library, student: Library,
                                                               tmp_path: Path) -> None:
    _tagset(library, 1, name_len=u.MAX_NAME)
    out = make_handout(library, [1], tmp_path / "h.readerclass", tagset="Big")
    assert open_handout(student, out).tags_added == ["Big/" + "000".ljust(u.MAX_NAME, "x")]


def test_a_tag_name_over_100_characters_is_refused_when_writing_and_reading(library: Library, student: Library,
                                                                            tmp_path: Path) -> None:
    _tagset(library, 1)
    good = make_handout(library, [1], tmp_path / "ok.readerclass", tagset="Big")
    _tagset(library, 1, name_len=u.MAX_NAME + 1, first=1)
    with pytest.raises(ReaderError, match="is 101 characters; a hand-out allows at most 100"):
        make_handout(library, [1], tmp_path / "h.readerclass", tagset="Big")
    hostile = rewrite(good, "tagset.json", lambda t: t["tags"][0].update(name="x" * 101), tmp_path / "bad.readerclass")
    with pytest.raises(ReaderError, match=r"tags\[0\].name is too long \(101 characters; at most 100\)"):
        open_handout(student, hostile)


# ---- hand-ins: notes and names -------------------------------------------------------------------------------
@pytest.fixture
def handout(library: Library, student: Library, tmp_path: Path) -> Path:
    library.set_reader_name("Teacher")
    out = make_handout(library, [1], tmp_path / "week.readerclass")
    open_handout(student, out)
    return out


def _note(lib: Library, note: str, author: str | None = None) -> None:
    Annotations(lib).create(1, 10, 20, tags=["Agree"], note=note, author=author)


def test_a_note_of_100000_characters_is_handed_in_and_merged(library: Library, student: Library, handout: Path,
                                                             tmp_path: Path) -> None:
    _note(student, "字" * u.MAX_NOTE)
    path, _ = make_handin(student, [1], tmp_path / "in.readerclass", author="Wang")
    assert merge_handin(library, path).annotations == 1
    (ann,) = [a for a in Annotations(library).list_for_article(1) if a.author == "Wang"]
    assert len(ann.note) == u.MAX_NOTE


def test_a_note_over_100000_characters_is_refused_when_writing_and_reading(
    library: Library, student: Library, handout: Path, tmp_path: Path,
) -> None:
    _note(student, "字" * (u.MAX_NOTE + 1))
    with pytest.raises(ReaderError, match="is 100,001 characters; a hand-in allows at most 100,000"):
        make_handin(student, [1], tmp_path / "in.readerclass", author="Wang")
    assert not (tmp_path / "in.readerclass").exists()
    with student.transaction():
        student.conn.execute("UPDATE annotations SET note = 'short' WHERE kind = 'highlight'")
    good, _ = make_handin(student, [1], tmp_path / "ok.readerclass", author="Wang")

    def long_note(doc: dict) -> None:
        doc["first"]["items"][0]["body"][0]["value"] = "字" * (u.MAX_NOTE + 1)

    hostile = rewrite(good, "annotations.json", long_note, tmp_path / "bad.readerclass")
    with pytest.raises(ReaderError, match="too long"):
        merge_handin(library, hostile)
    assert [a for a in Annotations(library).list_for_article(1) if a.author == "Wang"] == []


def test_an_author_with_a_tab_is_written_on_one_line_and_a_hostile_one_refused(
    library: Library, student: Library, handout: Path, tmp_path: Path,
) -> None:
    _note(student, "mine", author="Wang\tFang")  # signed before the name was checked
    path, _ = make_handin(student, [1], tmp_path / "in.readerclass", author="Wang\tFang")
    result = merge_handin(library, path)
    assert result.student == "Wang Fang" and result.annotations == 1
    hostile = rewrite(path, "manifest.json", lambda m: m.update(reader="Wang\tFang"), tmp_path / "bad.readerclass")
    with pytest.raises(ReaderError, match="reader contains control characters"):
        merge_handin(library, hostile)


def test_names_are_one_line_and_at_most_100_characters(library: Library) -> None:
    library.set_reader_name("王" * u.MAX_NAME)
    assert library.reader_name == "王" * u.MAX_NAME
    library.set_reader_name("Wang\tFang\n")
    assert library.reader_name == "Wang Fang"
    library.set_reader_name("Wang\u202eFang")
    assert library.reader_name == "WangFang"
    with pytest.raises(ReaderError, match=r"too long \(101 characters; at most 100\)"):
        library.set_reader_name("王" * (u.MAX_NAME + 1))
    with pytest.raises(ReaderError, match="cannot be empty"):
        library.set_reader_name(" \t ")
    assert library.reader_name == "WangFang"
