"""Annotations: create/list/delete/restore, undo and redo, notes, tags and their history, search, revisions."""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.annotations import AnnotationError, Annotations
from reader.core.errors import NotFound, ReaderError
from reader.core.importers import parse_path
from reader.core.library import Library
from reader.core.tags import TagError


def find(lib: Library, article_id: int, quote: str, nth: int = 0) -> tuple[int, int]:
    text = lib.revision_text(lib.article(article_id).revision_id)
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(quote, pos + 1)
    return pos, pos + len(quote)


def row(lib: Library, ann_id: int) -> tuple | None:
    return lib.conn.execute("SELECT * FROM annotations WHERE id = ?", (ann_id,)).fetchone()


def links(lib: Library, ann_id: int) -> list[tuple]:
    return lib.conn.execute(
        "SELECT tag_id, created FROM annotation_tags WHERE annotation_id = ? ORDER BY tag_id", (ann_id,)
    ).fetchall()


def test_create_stores_the_quote_with_context_and_lists_in_text_order(library: Library) -> None:
    anns = Annotations(library)
    s2, e2 = find(library, 1, "聯合國的意見無關緊要")
    s1, e1 = find(library, 1, "外交“閃電戰”")
    second = anns.create(1, s2, e2, tags=["Claim"], note="He says it **openly**.").annotation
    first = anns.create(1, s1, e1, author="Lin").annotation
    assert second.exact == "聯合國的意見無關緊要" and second.normalized == "联合国的意见无关紧要"
    text = library.revision_text(library.article(1).revision_id)
    assert text[:s2].endswith(second.prefix) and len(second.prefix) == 32
    assert text[e2:].startswith(second.suffix)
    assert second.author == library.reader_name and first.author == "Lin"
    assert [a.id for a in anns.list_for_article(1)] == [first.id, second.id]
    assert [a.id for a in anns.list_for_article(1, author="Lin")] == [first.id]
    assert [a.id for a in anns.list_for_article(1, tag="論點")] == [second.id]
    assert anns.authors(1) == sorted({"Lin", library.reader_name})
    assert library.article(1).annotations == 2


@pytest.mark.parametrize("start,end", [(5, 5), (10, 3), (-1, 4), (0, 10**6)])
def test_offsets_outside_the_text_are_refused_and_nothing_is_written(library: Library, start: int, end: int) -> None:
    with pytest.raises(AnnotationError, match="not a passage"):
        Annotations(library).create(1, start, end)
    assert library.conn.execute("SELECT COUNT(*) FROM annotations").fetchone()[0] == 0


def test_unknown_tag_bad_colour_and_missing_article_write_nothing(library: Library) -> None:
    anns = Annotations(library)
    with pytest.raises(TagError, match="unknown tag"):
        anns.create(1, 0, 4, tags=["Agree", "Nonsense"])
    with pytest.raises(ReaderError, match="#RRGGBB"):
        anns.create(1, 0, 4, color="blue")
    with pytest.raises(NotFound):
        anns.create(99, 0, 4)
    assert library.conn.execute("SELECT COUNT(*) FROM annotations").fetchone()[0] == 0


def test_delete_and_restore_bring_back_the_same_row_tags_and_times(library: Library) -> None:
    anns = Annotations(library)
    a = anns.create(1, 100, 120, tags=["Agree", "Evidence"], note="note", color="#AABBCC").annotation
    before_row, before_links = row(library, a.id), links(library, a.id)
    edit = anns.delete(a.id)
    assert row(library, a.id) is None and links(library, a.id) == []
    anns.restore(edit.before)
    assert row(library, a.id) == before_row and links(library, a.id) == before_links
    assert anns.search("note")[0].uuid == a.uuid  # the full-text index follows


def test_create_undo_redo_round_trip(library: Library) -> None:
    anns = Annotations(library)
    edit = anns.create(2, 10, 20, tags=["Question"])
    snapshot = row(library, edit.annotation.id)
    changed = edit.undo()
    assert edit.annotation.id in changed.annotations and 2 in changed.articles
    assert row(library, edit.annotation.id) is None
    edit.redo()
    assert row(library, edit.annotation.id) == snapshot
    assert [t.name for t in anns.get(edit.annotation.id).tags] == ["Question"]
    delete = anns.delete(edit.annotation.id)
    delete.undo()
    assert row(library, edit.annotation.id) == snapshot
    delete.redo()
    assert row(library, edit.annotation.id) is None


def test_note_updates_are_idempotent_and_undoable(library: Library) -> None:
    anns = Annotations(library)
    a = anns.create(1, 200, 210).annotation
    first = anns.update_note(a.id, "draft")
    stamp = anns.get(a.id).updated
    again = anns.update_note(a.id, "draft")
    assert again.noop and anns.get(a.id).updated == stamp
    second = anns.update_note(a.id, "final *text*")
    assert anns.get(a.id).note == "final *text*"
    second.undo()
    assert anns.get(a.id).note == "draft"
    first.undo()
    assert anns.get(a.id).note == ""
    first.redo()
    second.redo()
    assert anns.get(a.id).note == "final *text*"
    assert [x.id for x in anns.search("final")] == [a.id]


def test_colour_is_validated_and_undoable(library: Library) -> None:
    anns = Annotations(library)
    a = anns.create(1, 200, 210).annotation
    edit = anns.set_color(a.id, "#FF8800")
    assert anns.get(a.id).color == "#ff8800"
    edit.undo()
    assert anns.get(a.id).color is None
    with pytest.raises(ReaderError):
        anns.set_color(a.id, "#ff88")


def test_tag_changes_are_recorded_in_history_and_undoable(library: Library) -> None:
    anns = Annotations(library)
    library.set_reader_name("Mei")
    a = anns.create(1, 300, 320, tags=["Stance/Agree"]).annotation
    add = anns.add_tag(a.id, "Loaded language")
    remove = anns.remove_tag(a.id, "赞同")
    assert [t.name for t in anns.get(a.id).tags] == ["Loaded language"]
    remove.undo()
    assert {t.name for t in anns.get(a.id).tags} == {"Agree", "Loaded language"}
    add.undo()
    assert [t.name for t in anns.get(a.id).tags] == ["Agree"]
    hist = anns.history(a.id)
    assert [(h.tag_name, h.action) for h in hist] == [
        ("Stance/Agree", "add"), ("Rhetoric/Loaded language", "add"), ("Stance/Agree", "remove"),
        ("Stance/Agree", "add"), ("Rhetoric/Loaded language", "remove"),
    ]
    assert {h.author for h in hist} == {"Mei"} and all(h.at for h in hist)
    assert anns.set_tags(a.id, ["Agree"]).noop


def test_search_finds_quotes_and_notes_in_either_script(library: Library) -> None:
    anns = Annotations(library)
    s, e = find(library, 1, "聯合國安理會")
    trad = anns.create(1, s, e).annotation
    s, e = find(library, 2, "联合国")
    simp = anns.create(2, s, e, note="多边主义的核心").annotation
    other = anns.create(2, 0, 2, note="about Trump").annotation
    assert {a.id for a in anns.search("联合国")} == {trad.id, simp.id}  # ≥ 3 characters: full-text index
    assert {a.id for a in anns.search("聯合國")} == {trad.id, simp.id}
    assert {a.id for a in anns.search("安理")} == {trad.id}  # 2 characters: LIKE
    assert {a.id for a in anns.search("多邊")} == {simp.id}  # note, traditional query
    assert {a.id for a in anns.search("trump")} == {other.id}
    assert anns.search("联合国", article_id=2)[0].id == simp.id
    assert anns.search("   ") == [] and anns.search("不存在的词") == []


def write_revision(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "edited.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_revision_reanchors_moved_and_edited_highlights_and_orphans_deleted_ones(
    library: Library, tmp_path: Path,
) -> None:
    anns = Annotations(library)
    old = library.revision_text(library.article(1).revision_id)
    quotes = {
        "after": "美國在兩天內完成了對戰后多邊主義體系的公然決裂",  # text before it changes
        "inside": "這不是一次孤立的任性,而是一場蓄謀已久",  # characters inserted and removed inside
        "gone": "又將把世界帶向何方?",  # deleted
        "same": "作者",  # before every edit
    }
    ids = {}
    for key, q in quotes.items():
        s, e = find(library, 1, q)
        ids[key] = anns.create(1, s, e, note=f"note {key}", tags=["Opinion"]).annotation.id
    new = (old.replace("世界目睹了一場前所未有的", "整個世界目睹了一場")
              .replace("這不是一次孤立的任性,而是", "這絕不是一次孤立任性,而是")
              .replace("又將把世界帶向何方?", ""))
    report = anns.revise(1, write_revision(tmp_path, new))
    info = library.article(1)
    assert report.revision_id == info.revision_id
    assert set(report.reanchored) == {ids["after"], ids["inside"], ids["same"]}
    assert report.orphaned == (ids["gone"],)
    assert set(report.shifted) == {ids["after"], ids["inside"]} and report.fuzzy == (ids["inside"],)
    assert report.moved == (ids["inside"],)  # the edited passage was found approximately: to be checked
    text = library.revision_text(info.revision_id)
    after = anns.get(ids["after"])
    assert text[after.start : after.end] == quotes["after"] and after.revision_id == info.revision_id
    assert after.status == "anchored" and anns.get(ids["same"]).status == "anchored"
    inside = anns.get(ids["inside"])
    assert inside.exact == "這絕不是一次孤立任性,而是一場蓄謀已久" == text[inside.start : inside.end]
    assert inside.status == "moved"
    gone = anns.get(ids["gone"])
    assert gone.status == "orphaned" and gone.exact == quotes["gone"] and gone.note == "note gone"
    assert [t.name for t in gone.tags] == ["Opinion"]
    listed = anns.list_for_article(1)
    assert len(listed) == 4 and listed[-1].id == ids["gone"]  # never dropped; orphans last


def test_orphan_is_found_again_when_a_later_revision_brings_the_passage_back(
    library: Library, tmp_path: Path,
) -> None:
    anns = Annotations(library)
    old = library.revision_text(library.article(1).revision_id)
    s, e = find(library, 1, "又將把世界帶向何方?")
    a = anns.create(1, s, e).annotation
    anns.revise(1, parse_path(write_revision(tmp_path, old.replace("又將把世界帶向何方?", ""))))
    assert anns.get(a.id).orphaned
    report = anns.revise(1, parse_path(write_revision(tmp_path, old + "\n附記。")))
    assert report.reanchored == (a.id,) and (anns.get(a.id).start, anns.get(a.id).end) == (s, e)


def test_identical_revision_is_refused(library: Library, tmp_path: Path) -> None:
    old = library.revision_text(library.article(2).revision_id)
    before = library.article(2).revision_id
    with pytest.raises(ReaderError, match="identical"):
        Annotations(library).revise(2, write_revision(tmp_path, old))
    assert library.article(2).revision_id == before


def test_a_revision_can_be_undone_and_redone(library: Library, tmp_path: Path) -> None:
    anns = Annotations(library)
    old_rev = library.article(1).revision_id
    old = library.revision_text(old_rev)
    s, e = find(library, 1, "又將把世界帶向何方?")
    gone = anns.create(1, s, e).annotation
    s, e = find(library, 1, "批量退出")
    kept = anns.create(1, s, e).annotation
    report = anns.revise(1, write_revision(tmp_path, "前言。\n" + old.replace("又將把世界帶向何方?", "")))
    assert anns.get(gone.id).orphaned and anns.get(kept.id).start == kept.start + 4
    report.edit.undo()
    assert library.article(1).revision_id == old_rev
    assert anns.get(gone.id) == gone and anns.get(kept.id) == kept
    report.edit.redo()
    assert library.article(1).revision_id == report.revision_id
    assert anns.get(gone.id).orphaned and anns.get(kept.id).start == kept.start + 4
