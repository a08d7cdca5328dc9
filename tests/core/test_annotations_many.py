"""Listing many annotations: every field as a plain per-row read gives it, tags in tag order, one query."""
from __future__ import annotations

import dataclasses
import random

import pytest

from reader.core.annotations import COLUMNS, Annotation, Annotations
from reader.core.library import Library
from reader.core.tags import Tags


def reorder_tags(lib: Library) -> None:
    """A tag order unlike the id order: a new tagset first, Question before Agree."""
    tags = Tags(lib)
    tags.add("Extra", "Later", name_zh="後來", color="#123456")
    tags.reorder("Stance", ["Question", "Neutral", "Agree"])
    lib.conn.execute("UPDATE tagsets SET position = -1 WHERE name = 'Extra'")


def annotate_many(lib: Library, count: int, seed: int = 5) -> list[int]:
    """`count` annotations on article 1 with 0–3 tags, notes, colours, authors, readings and a few orphans."""
    rng = random.Random(seed)
    anns = Annotations(lib)
    tag_ids = [t.id for t in Tags(lib).all()]
    text = lib.revision_text(lib.article(1).revision_id)
    ids = []
    for n in range(count):
        start = rng.randrange(0, len(text) - 40)
        kind = "reading" if n % 17 == 0 else "highlight"
        end = start + 1 if kind == "reading" else start + rng.randint(1, 30)
        edit = anns.create(
            1, start, end, tags=rng.sample(tag_ids, rng.choice((0, 1, 1, 2, 3))) if kind == "highlight" else (),
            note=rng.choice(("", "", "see **this**", "两行\n笔记")), color=rng.choice((None, None, "#aabbcc")),
            author=rng.choice(("Lin", "Wang", "Zhou")), kind=kind, reading="xing2" if kind == "reading" else None,
        )
        ids.append(edit.annotation.id)
    orphans = ids[::23]
    lib.conn.executemany("UPDATE annotations SET status = 'orphaned' WHERE id = ?", [(i,) for i in orphans])
    return ids


def plain_read(lib: Library, article_id: int) -> list[Annotation]:
    """The article's annotations read one row and one tag list at a time, built with the constructor."""
    order = [t.id for t in Tags(lib).all()]
    by_id = {t.id: t for t in Tags(lib).all()}
    cols = ", ".join(f'"{c}"' for c in COLUMNS)
    out = []
    for row in lib.conn.execute(f"SELECT {cols} FROM annotations WHERE article_id = ?", (article_id,)).fetchall():
        tag_ids = [r[0] for r in lib.conn.execute(
            "SELECT tag_id FROM annotation_tags WHERE annotation_id = ?", (row[0],))]
        tags = tuple(by_id[i] for i in sorted(tag_ids, key=order.index))
        out.append(Annotation(*row, tags=tags))
    return sorted(out, key=lambda a: (a.status == "orphaned", a.start, a.end, a.id))


@pytest.fixture
def many(library: Library) -> Library:
    reorder_tags(library)
    annotate_many(library, 400)
    return library


def test_listing_gives_every_field_as_a_plain_read_does(many: Library) -> None:
    listed = Annotations(many).list_for_article(1)
    expected = plain_read(many, 1)
    assert len(listed) == 400
    assert listed == expected
    for got, want in zip(listed, expected, strict=True):
        assert type(got) is Annotation
        assert dataclasses.astuple(got) == dataclasses.astuple(want)
        assert [type(getattr(got, f.name)) for f in dataclasses.fields(Annotation)] == \
            [type(getattr(want, f.name)) for f in dataclasses.fields(Annotation)]
        assert hash(got) == hash(want) and repr(got) == repr(want)
    assert any(len(a.tags) >= 2 for a in listed) and any(not a.tags for a in listed)
    assert listed[-1].orphaned and not listed[0].orphaned


def test_tags_follow_the_tag_order_not_their_ids(many: Library) -> None:
    order = [t.id for t in Tags(many).all()]
    assert order != sorted(order)
    for ann in Annotations(many).list_for_article(1):
        positions = [order.index(t.id) for t in ann.tags]
        assert positions == sorted(positions)


def test_filters_get_and_search_agree_with_the_plain_read(many: Library) -> None:
    anns = Annotations(many)
    expected = plain_read(many, 1)
    tag = Tags(many).resolve("Later")
    assert anns.list_for_article(1, author="Wang") == [a for a in expected if a.author == "Wang"]
    assert anns.list_for_article(1, kind="reading") == [a for a in expected if a.kind == "reading"]
    assert anns.list_for_article(1, tag=tag.id) == [a for a in expected if tag in a.tags]
    by_id = {a.id: a for a in expected}
    for ann in expected[::37]:
        assert anns.get(ann.id) == by_id[ann.id]
    found = anns.search("this")
    assert found and all(a == by_id[a.id] for a in found)


def test_listed_annotations_stay_frozen(many: Library) -> None:
    ann = Annotations(many).list_for_article(1)[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        ann.note = "changed"  # type: ignore[misc]
    assert dataclasses.replace(ann, note="changed").note == "changed"


def test_listing_reads_tags_in_the_same_query_whatever_the_count(library: Library) -> None:
    anns = Annotations(library)
    statements: list[str] = []
    library.conn.set_trace_callback(statements.append)
    try:
        annotate_many(library, 5)
        statements.clear()
        assert len(anns.list_for_article(1)) == 5
        few = len(statements)
        annotate_many(library, 600, seed=6)
        statements.clear()
        assert len(anns.list_for_article(1)) == 605
        assert len(statements) == few, statements
    finally:
        library.conn.set_trace_callback(None)
