"""Tags: the default tagsets, readable colours, names in two languages, undoable tag operations."""
from __future__ import annotations

import itertools
import math

import pytest

from reader.core.annotations import Annotations
from reader.core.library import Library
from reader.core.tags import TagError, Tags


def _lin(c: float) -> float:
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb: tuple[float, float, float]) -> float:
    r, g, b = (_lin(x) for x in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def rgb(color: str) -> tuple[float, float, float]:
    return tuple(int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def contrast(a: float, b: float) -> float:
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def blend(color: tuple[float, float, float], page: float, alpha: float) -> tuple[float, float, float]:
    return tuple(alpha * c + (1 - alpha) * page for c in color)  # type: ignore[return-value]


def test_default_tagsets_with_chinese_names_and_shortcuts_1_to_9() -> None:
    with Library.open(":memory:") as lib:
        sets = Tags(lib).tagsets()
    assert [(s.name, [(t.name, t.name_zh, t.shortcut) for t in s.tags]) for s in sets] == [
        ("Stance", [("Agree", "赞同", "1"), ("Disagree", "反对", "2"), ("Question", "存疑", "3"),
                    ("Neutral", "中立", "4")]),
        ("Rhetoric", [("Claim", "论点", "5"), ("Evidence", "论据", "6"), ("Opinion", "观点", "7"),
                      ("Loaded language", "情绪化措辞", "8"), ("Fact to check", "待核实", "9")]),
    ]


def test_default_colours_are_distinct_and_readable_on_light_and_dark_pages(library: Library) -> None:
    colors = [t.color for t in Tags(library).all()]
    assert len(set(colors)) == 9
    for c in colors:
        # a 45 % fill under black text on white, and under white text on a dark (#1f1f1f) page
        assert contrast(luminance(blend(rgb(c), 1.0, 0.45)), 0.0) >= 7, c
        assert contrast(luminance(blend(rgb(c), 0.12, 0.45)), 1.0) >= 4.5, c
    for a, b in itertools.combinations(colors, 2):
        assert math.dist(rgb(a), rgb(b)) > 0.15, (a, b)


def test_ensure_defaults_is_idempotent_and_brings_back_a_deleted_default(library: Library) -> None:
    tags = Tags(library)
    assert tags.ensure_defaults().tags == frozenset()
    tags.delete("Neutral")
    assert len(tags.ensure_defaults().tags) == 1
    assert tags.resolve("Neutral").shortcut == "4" and len(tags.all()) == 9


def test_tags_resolve_by_name_tagset_name_or_chinese_in_either_script(library: Library) -> None:
    tags = Tags(library)
    agree = tags.resolve("Stance/Agree")
    assert tags.resolve("agree") == agree and tags.resolve("赞同") == agree and tags.resolve("贊同") == agree
    assert tags.resolve(agree.id) == agree
    tags.add("Class", "Agree", name_zh="同意")
    with pytest.raises(TagError, match="ambiguous.*Class/Agree"):
        tags.resolve("Agree")
    assert tags.resolve("class/agree").tagset == "Class"
    with pytest.raises(TagError, match="unknown tag"):
        tags.resolve("Stance/Nope")


def test_names_are_unique_within_a_tagset_and_shortcuts_are_free_keys(library: Library) -> None:
    tags = Tags(library)
    with pytest.raises(TagError, match="already has a tag"):
        tags.add("Stance", "agree")
    with pytest.raises(TagError, match="already has a tag"):
        tags.rename("Disagree", "Agree")
    with pytest.raises(TagError, match="shortcut of Stance/Agree"):
        tags.add("Mine", "Irony", shortcut="1")


def test_add_rename_recolour_reorder_are_undoable(library: Library) -> None:
    tags = Tags(library)
    add = tags.add("Rhetoric", "Irony", name_zh="反讽", color="#336699")
    irony = add.tag
    assert tags.get(irony.id).position == 5
    rename = tags.rename("Irony", "Sarcasm", name_zh="讽刺")
    assert tags.resolve("讽刺").name == "Sarcasm"
    rename.undo()
    assert tags.get(irony.id).name == "Irony" and tags.get(irony.id).name_zh == "反讽"
    recolor = tags.recolor("Irony", "#FFFFFF")
    assert tags.get(irony.id).color == "#ffffff"
    recolor.undo()
    assert tags.get(irony.id).color == "#336699"
    order = tags.reorder("Stance", ["Neutral", "Question"])
    assert [t.name for t in tags.tagsets()[0].tags] == ["Neutral", "Question", "Agree", "Disagree"]
    order.undo()
    assert [t.name for t in tags.tagsets()[0].tags] == ["Agree", "Disagree", "Question", "Neutral"]
    add.undo()
    with pytest.raises(TagError):
        tags.resolve("Irony")
    add.redo()
    assert tags.get(irony.id).name == "Irony"
    new_set = tags.add("Class 3B", "Irony")
    assert [s.name for s in tags.tagsets()] == ["Stance", "Rhetoric", "Class 3B"]
    new_set.undo()
    assert [s.name for s in tags.tagsets()] == ["Stance", "Rhetoric"]
    new_set.redo()
    assert tags.resolve("Class 3B/Irony").id == new_set.tag.id


def test_deleting_a_tag_in_use_needs_force_and_undo_restores_its_links(library: Library) -> None:
    tags, anns = Tags(library), Annotations(library)
    a = anns.create(1, 10, 20, tags=["Evidence"]).annotation
    b = anns.create(1, 30, 40, tags=["Evidence", "Agree"]).annotation
    with pytest.raises(TagError, match="2 annotations use the tag Rhetoric/Evidence"):
        tags.delete("Evidence")
    edit = tags.delete("Evidence", force=True)
    assert edit.changed.annotations == {a.id, b.id}
    assert anns.get(a.id).tags == () and [t.name for t in anns.get(b.id).tags] == ["Agree"]
    edit.undo()
    assert [t.name for t in anns.get(b.id).tags] == ["Agree", "Evidence"]
    assert tags.usage(tags.resolve("Evidence").id) == 2
    edit.redo()
    assert [t.name for t in anns.get(b.id).tags] == ["Agree"]
