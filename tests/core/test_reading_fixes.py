"""Reading fixes: a reader's reading of one character wins over the model, in every script, undoably."""
from __future__ import annotations

import json

import pytest

from reader.cli import main
from reader.core.annotations import AnnotationError, Annotations
from reader.core.library import Library
from reader.core.pipeline import display
from reader.core.reading_fixes import apply_fixes, fixes_for, normalize_reading, remove_fix, set_fix
from reader.core.text import Token


def _offset(lib: Library, quote: str, article: int = 1) -> int:
    return lib.revision_text(lib.article(article).revision_id).index(quote)


def _reading_at(lib: Library, article: int, offset: int, script: str = "original") -> tuple[str, str | None]:
    """(displayed character, reading) at a canonical offset, through the display pipeline with fixes."""
    info = lib.article(article)
    pars = lib.paragraphs(info.revision_id)
    tokens = apply_fixes(lib.tokens(info.revision_id, pars), fixes_for(lib, article))
    par = next(p for p in pars if p.start <= offset < p.end)
    shown = display(par.text, tokens[par.index], script, par.start)
    i = shown.map.to_display(offset - par.start)
    for t in shown.tokens:
        if t.start <= i < t.end:
            return shown.text[i], t.readings[i - t.start]
    raise AssertionError("offset not displayed")


def test_apply_fixes_replaces_only_the_fixed_character_and_leaves_the_input_alone() -> None:
    tokens = {0: [Token(0, 2, "银行", ["yin2", "xing2"]), Token(2, 3, ",", [None])], 1: [Token(4, 5, "行", ["xing2"])]}
    out = apply_fixes(tokens, {1: "hang2", 2: "ju4"})
    assert out[0][0].readings == ["yin2", "hang2"]
    assert out[0][1].readings == [None], "punctuation keeps having no reading"
    assert out[1] is tokens[1], "untouched paragraphs are returned as they are"
    assert tokens[0][0].readings == ["yin2", "xing2"], "the given tokens are not changed"
    assert apply_fixes(tokens, []) is tokens


def test_a_fix_shows_in_every_script_replaces_an_earlier_one_and_undoes(library: Library) -> None:
    off = _offset(library, "行動")
    assert _reading_at(library, 1, off)[1] == "xing2"
    first = set_fix(library, 1, off, "hang2")
    for script in ("original", "simplified", "traditional", "taiwan"):
        assert _reading_at(library, 1, off, script) == ("行", "hang2")
    second = set_fix(library, 1, off, "Heng2")
    assert fixes_for(library, 1) == {off: "heng2"}
    assert len(Annotations(library).list_for_article(1, kind="reading")) == 1, "one fix per character"
    second.undo()
    assert fixes_for(library, 1) == {off: "hang2"}
    second.redo()
    assert fixes_for(library, 1) == {off: "heng2"}
    removed = remove_fix(library, 1, off)
    assert fixes_for(library, 1) == {}
    assert _reading_at(library, 1, off)[1] == "xing2", "the automatic reading is back"
    removed.undo()
    assert fixes_for(library, 1) == {off: "heng2"}
    assert first.annotation.kind == "reading" and first.annotation.end == off + 1


def test_bad_fixes_are_refused_with_a_message_and_nothing_written(library: Library) -> None:
    off = _offset(library, "行動")
    set_fix(library, 1, off, "hang2")
    with pytest.raises(AnnotationError, match="tone"):
        set_fix(library, 1, off, "hang9")
    with pytest.raises(AnnotationError, match="not a Chinese character"):
        set_fix(library, 1, _offset(library, ","), "hang2")
    assert fixes_for(library, 1) == {off: "hang2"}
    assert set_fix(library, 1, off, "hang2").noop
    assert remove_fix(library, 1, off + 1).noop
    assert normalize_reading("Lü4") == "lv4" and normalize_reading("le") == "le5"


def test_show_prints_the_fixed_reading(seeded_db, capsys) -> None:  # noqa: ANN001
    with Library.open(seeded_db) as lib:
        off = _offset(lib, "行動")
        set_fix(lib, 1, off, "hang2")
    assert main(["--db", str(seeded_db), "show", "1", "--json", "--pinyin", "numbers"]) == 0
    data = json.loads(capsys.readouterr().out)
    found = [r for p in data["paragraphs"] for t in p["tokens"] if t["start"] <= off < t["end"]
             for r in [t["readings"][off - t["start"]]]]
    assert found == ["hang2"]
    assert main(["--db", str(seeded_db), "show", "1", "--pinyin", "marks"]) == 0
    assert "行動[háng dòng]" in capsys.readouterr().out


def test_reading_fixes_appear_in_the_markdown_export(library) -> None:  # noqa: ANN001
    from reader.core.annotations import Annotations
    from reader.core.export.markdown import render_markdown
    from reader.core.reading_fixes import set_fix

    text = library.revision_text(library.article(2).revision_id)
    at = text.index("行动")  # 行 read xíng by the model; a reader insists on háng here (for the test)
    set_fix(library, 2, at, "hang2", author="teacher")
    Annotations(library).create(2, at - 2, at + 2, note="see the reading")
    md = render_markdown(library, 2, pinyin="marks")
    assert "## Reading corrections" in md
    line = next(x for x in md.splitlines() if x.startswith("- **行** read *háng* (hang2)"))
    assert "teacher" in line and "paragraph 0" in line
    quote = next(x for x in md.splitlines() if x.startswith("> "))
    assert "háng" in quote  # the highlight's quote readings use the corrected reading
