"""Re-anchoring never moves a note onto other text; an uncertain place is `moved` until the reader confirms it."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.anchoring import Reanchorer, make_quote
from reader.core.annotation_import import import_annotations
from reader.core.annotations import Annotations
from reader.core.export import render_articles
from reader.core.export.markdown import MOVED_NOTICE
from reader.core.export.w3c import parse_document
from reader.core.library import Library
from reader.core.untrusted import load_json
from reader_bench import anchors as anchor_benchmark

REPORTED = "會銘記,2026年1月,"  # near the end of seed 1; "2026年1月," also opens its first paragraph


def revise(lib: Library, article_id: int, text: str, tmp_path: Path) -> None:
    path = tmp_path / "edited.txt"
    path.write_text(text, encoding="utf-8")
    Annotations(lib).revise(article_id, path)


def test_deleted_passage_is_not_anchored_on_a_similar_passage_far_away(library: Library, tmp_path: Path) -> None:
    text = library.revision_text(library.article(1).revision_id)
    s = text.index(REPORTED)
    anns = Annotations(library)
    gone = anns.create(1, s, s + len(REPORTED), note="history will remember").annotation.id
    kept = anns.create(1, 0, 9).annotation.id  # "2026年1月," in the first paragraph (positive control)
    revise(library, 1, text.replace("歷史將會銘記,2026年1月,", ""), tmp_path)
    assert anns.get(gone).status == "orphaned" and anns.get(gone).note == "history will remember"
    assert anns.get(kept).status == "anchored" and (anns.get(kept).start, anns.get(kept).end) == (0, 9)


def test_reanchorer_refuses_a_far_fuzzy_match_and_flags_a_near_one() -> None:
    text = "2026年1月,世界目睹了一場外交風暴。" + "中間的段落。" * 60 + "歷史將會銘記,2026年1月,一個大國選擇了孤立。"
    s = text.index(REPORTED)
    q = make_quote(text, s, s + len(REPORTED))
    assert Reanchorer(text, text.replace("歷史將會銘記,2026年1月,", "")).reanchor(q) is None
    edited = text.replace("會銘記,2026年1月,", "會永遠銘記,2026年1月,")  # an edit inside the passage
    found = Reanchorer(text, edited).reanchor(q)
    assert found is not None and edited[found.start : found.end] == "會永遠銘記,2026年1月,"
    assert found.method == "fuzzy" and found.status == "moved"
    shifted = Reanchorer(text, "前言。" + text).reanchor(q)  # positive control: an exact match at the mapped place
    assert shifted is not None and shifted.status == "anchored" and shifted.start == s + 3


def test_one_of_two_copies_deleted() -> None:
    sentence = "美國在兩天內完成了對戰后多邊主義體系的公然決裂。"
    text = "第一段開頭," + sentence + "第一段結尾。\n" + "中間。" * 50 + "\n第三段開頭," + sentence + "第三段結尾。"
    first = text.index(sentence)
    second = text.index(sentence, first + 1)
    new = text[:first] + text[first + len(sentence):]  # the first copy is deleted
    r = Reanchorer(text, new)
    on_deleted = r.reanchor(make_quote(text, first, first + len(sentence)))
    on_kept = r.reanchor(make_quote(text, second, second + len(sentence)))
    assert on_deleted is None or on_deleted.status == "moved"
    assert on_kept is not None and on_kept.status == "anchored"
    assert new[on_kept.start : on_kept.end] == sentence and on_kept.start == second - len(sentence)


def test_benchmark_deleted_passages_are_never_anchored_and_edited_ones_land_exactly() -> None:
    res = anchor_benchmark.run(range(3))
    # positive control: the benchmark really deletes and edits many highlighted passages
    assert res.deleted.total >= 50 and res.edited.total >= 300 and res.duplicate_deleted.total == 120
    assert res.deleted.statuses["anchored"] == 0 and res.duplicate_deleted.statuses["anchored"] == 0
    for tally in (res.deleted, res.edited, res.untouched, res.duplicate_deleted, res.duplicate_kept):
        assert tally.wrong == []  # nothing anchored (unflagged) on other text
    assert res.edited.exact / res.edited.total >= 0.95
    assert res.untouched.exact == res.untouched.total and res.duplicate_kept.exact == res.duplicate_kept.total


@pytest.fixture
def moved(library: Library, tmp_path: Path) -> int:
    """An annotation on seed 1 whose passage was edited inside: re-anchored approximately, status moved."""
    text = library.revision_text(library.article(1).revision_id)
    quote = "這不是一次孤立的任性,而是一場蓄謀已久"
    s = text.index(quote)
    ann_id = Annotations(library).create(1, s, s + len(quote), note="[see](javascript:x)",
                                         tags=["Opinion"]).annotation.id
    revise(library, 1, text.replace("這不是一次孤立的任性", "這絕不是一次孤立任性"), tmp_path)
    return ann_id


def test_moved_until_confirmed_and_confirm_is_undoable(library: Library, moved: int, tmp_path: Path) -> None:
    anns = Annotations(library)
    assert anns.get(moved).status == "moved" and anns.get(moved).exact == "這絕不是一次孤立任性,而是一場蓄謀已久"
    # a later revision that does not touch the passage leaves it to be checked
    text = library.revision_text(library.article(1).revision_id)
    revise(library, 1, text + "\n附記。", tmp_path)
    assert anns.get(moved).status == "moved"
    edit = anns.confirm(moved)
    assert anns.get(moved).status == "anchored"
    edit.undo()
    assert anns.get(moved).status == "moved"
    edit.redo()
    assert anns.get(moved).status == "anchored"
    assert anns.confirm(moved).noop  # nothing more to confirm


def test_moved_status_in_the_command_line_and_every_export(
    library: Library, moved: int, seeded_db: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    library.close()
    assert main(["--db", str(seeded_db), "annotations", "1", "--json"]) == 0
    listed = {a["id"]: a for a in json.loads(capsys.readouterr().out)}
    assert listed[moved]["status"] == "moved"
    assert main(["--db", str(seeded_db), "annotations", "1"]) == 0
    assert "[moved — please check]" in capsys.readouterr().out
    assert main(["--db", str(seeded_db), "check"]) == 0  # a moved annotation is a sound one
    capsys.readouterr()
    with Library.open(seeded_db) as lib:
        assert MOVED_NOTICE in render_articles(lib, [1], "md")
        assert MOVED_NOTICE in render_articles(lib, [1], "html")
        rows = list(csv.DictReader(io.StringIO(render_articles(lib, [1], "csv").lstrip("\ufeff"))))
        assert [r["status"] for r in rows if r["id"] == str(moved)] == ["moved"]
        doc = render_articles(lib, [1], "json")
        items = parse_document(load_json(doc, "x.json"), "x.json")
        assert [it.moved for it in items if it.note == "[see](javascript:x)"] == [True]
        Annotations(lib).delete(moved)
        import_annotations(lib, items)  # the status comes back with the annotation
        back = [a for a in Annotations(lib).list_for_article(1) if a.note == "[see](javascript:x)"]
        assert [a.status for a in back] == ["moved"]
    assert main(["--db", str(seeded_db), "confirm", str(back[0].id)]) == 0
    assert "confirmed" in capsys.readouterr().out
    with Library.open(seeded_db) as lib:
        assert Annotations(lib).get(back[0].id).status == "anchored"
        assert MOVED_NOTICE not in render_articles(lib, [1], "md")  # positive control
