"""Typesetting invariants (CLREQ with ruby) on the seeds, read from the layout report of what is drawn.

Each run lays the real window out at a size, script and reading style and checks what a reader sees:
full lines justified, even advances between Han characters, readings that never overlap, single
characters' readings centred and a word's syllables each over its own character.
"""
from __future__ import annotations

import json

import pytest

from reader.core.typeset import Item, Params, set_paragraph, units_of
from reader.gui.layout_report import figures, visible_layout

SIZES = ((1280, 800), (900, 700))
RUNS = [
    *[(script, "marks", None) for script in ("original", "simplified", "traditional", "taiwan")],
    ("original", "numbers", None), ("taiwan", "zhuyin", None), ("simplified", "marks", 3),
]


def check(report: dict) -> dict:
    fig = figures(report)
    assert fig["full_lines"] >= 5, fig
    assert fig["justified_share"] >= 0.95, fig
    assert fig["median_cv"] <= 0.08, fig
    assert fig["overlaps"] == 0, fig
    assert fig["off_centre"] == 0, fig
    if fig["median_gap_in_word"] is not None:
        assert fig["median_gap_in_word"] < fig["median_gap_between_words"], "a word's syllables sit closer"
    return fig


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(("script", "pinyin", "level"), RUNS)
def test_layout_invariants_on_the_seeds(window, qapp, size, script, pinyin, level) -> None:  # noqa: ANN001
    window.resize(*size)
    window.apply_options(window.options.with_(script=script, pinyin=pinyin, translations=False), save=False)
    if level is not None:
        from reader.gui.screenshot import prepare_screenshot

        prepare_screenshot(window, level=level)
    for aid in (1, 2):
        window.open_article(aid, offset=0)
        qapp.processEvents()
        window.view.verticalScrollBar().setValue(window.view.verticalScrollBar().maximum() // 3)
        qapp.processEvents()
        report = visible_layout(window.view, window)
        check(report)
        rubies = [g for line in report["lines"] for g in line["glyphs"] if g["ruby_of"]]
        assert rubies, "readings are drawn"
        if level is not None:
            assert any(g["ruby"] is None and "\u4e00" <= g["char"] <= "\u9fff" and not g["ruby_of"]
                       for line in report["lines"] for g in line["glyphs"]), "scaffolding leaves known words bare"


def test_the_layout_report_gets_worse_when_the_layout_does(window, qapp) -> None:  # noqa: ANN001
    """Positive control: the same report, with one reading moved or one line left ragged, fails."""
    window.resize(1280, 800)
    window.open_article(1, offset=0)
    qapp.processEvents()
    report = visible_layout(window.view, window)
    check(report)
    line = next(ln for ln in report["lines"] if not ln["last_in_paragraph"] and len(ln["glyphs"]) > 6)
    glyph = next(g for g in line["glyphs"] if g["ruby_of"] == 1)
    glyph["ruby_x"] += 3
    assert figures(report)["off_centre"] == 1
    glyph["ruby_x"] -= 3
    for n, g in enumerate(line["glyphs"]):
        g["x"] -= n * 0.8  # a line set solid and ragged on the right
    fig = figures(report)
    assert fig["justified_share"] < 1.0 and fig["median_cv"] > 0.0


def test_screenshot_writes_the_layout_json(seeded_db, tmp_path, qapp) -> None:  # noqa: ANN001
    from reader.gui.screenshot import render_screenshot

    out, data = tmp_path / "page.png", tmp_path / "page.json"
    render_screenshot(db=str(seeded_db), article_id=2, output=out, size=(1280, 800), script="traditional",
                      layout_json=data)
    report = json.loads(data.read_text(encoding="utf-8"))
    assert out.is_file() and report["width"] == 1280 and report["script"] == "traditional"
    line = report["lines"][1]
    assert {"paragraph", "kind", "column_left", "column_right", "last_in_paragraph", "glyphs"} <= set(line)
    assert {"offset", "char", "x", "w", "ruby", "ruby_x", "ruby_w", "ruby_of"} <= set(line["glyphs"][0])
    assert 0 <= line["column_left"] < line["column_right"] <= 1280
    check(report)


# ---- the line setter itself, on made-up widths -------------------------------------------------------
def items_of(text: str, words: list[int], readings: dict[int, float] | None = None) -> list[Item]:
    readings = readings or {}
    return [Item(ch, 10.0 if ch.isascii() else 20.0, words[k], "x" * 3 if k in readings else None,
                 readings.get(k, 0.0), ink="L" if ch in "，。」）" else "R" if ch in "「（" else "C")
            for k, ch in enumerate(text)]


def test_a_wide_reading_uses_its_neighbours_room_before_spacing_is_added() -> None:
    params = Params(gap_in=1.0, gap_out=4.0)
    text = "甲乙丙丁"
    narrow = items_of(text, [0, 1, 2, 3], {0: 2.0, 1: 30.0, 2: 2.0, 3: 10.0})
    line = set_paragraph(narrow, 400, params)[0]
    assert line.need == 0.0, "30 px over 乙 fits between two 2 px readings: no spacing needed"
    wide = items_of(text, [0, 1, 2, 3], {0: 30.0, 1: 30.0, 2: 10.0, 3: 10.0})
    line = set_paragraph(wide, 400, params)[0]
    advances = [b.x - a.x for a, b in zip(line.placed, line.placed[1:], strict=False)]
    assert line.need == pytest.approx(14.0) and max(advances) - min(advances) < 1e-6, \
        "two wide neighbours: the spacing they need is given to every joint of the line"


def test_lines_are_justified_except_the_last_and_break_by_clreq() -> None:
    params = Params(gap_in=1.0, gap_out=4.0)
    text = "一二三四五六「七八」。九十"
    words = list(range(len(text)))
    lines = set_paragraph(items_of(text, words), 135, params)
    for line in lines[:-1]:
        end = line.placed[-1]
        assert line.justified and end.x + end.adv == pytest.approx(135)
    assert not lines[-1].justified
    starts = [text[ln.placed[0].k] for ln in lines]
    ends = [text[ln.placed[-1].k] for ln in lines]
    assert not set(starts) & set("，。」）") and not set(ends[:-1]) & set("「（")


def test_names_numbers_and_latin_words_never_break() -> None:
    text = "美国国务卿马可·鲁比奥表示3.14和COVID很好"
    words = [0, 0, 1, 1, 1, 2, 2, 3, 4, 5, 5, 6, 6, 7, 8, 8, 8, 9, 10, 10, 10, 10, 10, 11, 11]
    units = ["".join(text[k] for k in range(a, b)) for a, b in units_of(items_of(text, words))]
    assert "马可·鲁比奥" in units and "3.14" in units and "COVID" in units
    assert "表示" in units, "the name's run stops at NAME_SIDE characters"


def test_two_punctuation_marks_meeting_lose_a_blank_half() -> None:
    def advances(text: str) -> list[float]:
        line = set_paragraph(items_of(text, list(range(len(text)))), 400, Params(1.0, 4.0))[0]
        return [p.adv for p in line.placed]

    assert advances("好好") == [20.0, 20.0], "control: nothing to compress"
    assert advances("好，「好") == [20.0, 10.0, 20.0, 20.0]
    assert advances("好。」「好") == [20.0, 10.0, 10.0, 20.0, 20.0], "half an em between 」 and 「"
    line = set_paragraph(items_of("好（「好", [0, 1, 2, 3]), 400, Params(1.0, 4.0))[0]
    assert [p.adv for p in line.placed] == [20.0, 20.0, 10.0, 20.0]
    opening = line.placed[2]
    assert opening.glyph_x == pytest.approx(opening.x - 10.0), "「 keeps its ink, drawn over the removed half"


def test_an_erhua_r_joins_the_syllable_before_it_and_gets_no_box_of_its_own(qapp) -> None:  # noqa: ANN001
    from reader.core.text import Token
    from reader.gui.layout import FontSet, reading_items

    fs = FontSet(20)
    text = "等一会儿吧"
    tokens = [Token(0, 1, "等", ["deng3"]), Token(1, 4, "一会儿", ["yi1", "hui4", "r"]), Token(4, 5, "吧", ["ba5"])]
    for style, joined in (("marks", "huìr"), ("numbers", "hui4r"), ("zhuyin", "ㄏㄨㄟˋㄦ")):
        items, _ = reading_items(text, tokens, fs, style)
        assert items[2].reading == joined and items[3].reading is None, style
        line = set_paragraph(items, 400, fs.params(style))[0]
        group = next(p for p in line.placed if p.k == 1)
        assert group.group == 2, "the word's reading spans 一会, the 儿 sits under the r"
    control, _ = reading_items("一会", [Token(0, 2, "一会", ["yi1", "hui4"])], fs, "marks")
    assert control[1].reading == "huì"


def test_a_name_joined_by_a_middle_dot_never_breaks_at_any_width(window) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    doc = window.view.doc
    idx = next(i for i, p in enumerate(doc.paragraphs) if "馬可·魯比奧" in p.text)
    start = doc.paragraphs[idx].text.index("馬可·魯比奧")
    broke_elsewhere = 0
    for width in range(260, 900, 9):
        doc.set_viewport_width(float(width))
        lay = doc.layout(idx)
        lines_of = {c.i: n for n, line in enumerate(lay.lines) for c in line.cells}
        rows = {lines_of[lay.display_index(lay.par.start + start + k)] for k in range(6)}
        assert len(rows) == 1, f"馬可·魯比奧 split at width {width}"
        broke_elsewhere += len(lay.lines) > 1
    assert broke_elsewhere, "control: the paragraph does wrap at these widths"


def test_the_cli_writes_the_layout_json(seeded_db, tmp_path, qapp) -> None:  # noqa: ANN001
    from reader.cli import main

    png, data = tmp_path / "x.png", tmp_path / "x.json"
    assert main(["--db", str(seeded_db), "screenshot", "1", "--size", "900x700", "--pinyin", "zhuyin",
                 "--script", "taiwan", "-o", str(png), "--layout-json", str(data)]) == 0
    report = json.loads(data.read_text(encoding="utf-8"))
    assert report["pinyin"] == "zhuyin" and report["lines"]
    check(report)


def test_a_dot_inside_a_token_still_joins_the_names() -> None:
    text = "国务卿马可·鲁比奥表示"
    words = [0, 0, 0, 1, 1, 1, 2, 3, 3, 4, 4]  # the tokenizer kept the dot with 马可
    units = ["".join(text[k] for k in range(a, b)) for a, b in units_of(items_of(text, words))]
    assert any("马可·鲁" in u for u in units), units


def test_a_dash_and_an_ellipsis_are_set_solid_and_never_broken() -> None:
    text = "好——好……好" + "好" * 12
    lines = set_paragraph(items_of(text, list(range(len(text)))), 205, Params(1.0, 4.0))
    line = lines[0]
    assert line.justified and len(lines) > 1
    x = {text[p.k] + str(p.k): p for p in line.placed}
    assert x["—2"].x == pytest.approx(x["—1"].x + x["—1"].adv), "no space inside ——"
    assert x["…5"].x == pytest.approx(x["…4"].x + x["…4"].adv), "no space inside ……"
    assert x["—1"].x > x["好0"].x + x["好0"].adv, "control: space around it"
    for width in range(45, 200, 5):  # never a line break inside either
        for ln in set_paragraph(items_of(text, list(range(len(text)))), width, Params(1.0, 4.0)):
            k = ln.placed[0].k
            assert not (text[k] in "—…" and text[k - 1] == text[k]), f"broken inside at width {width}"


def test_closing_marks_sit_against_what_they_close_and_opening_ones_against_what_they_open() -> None:
    text = "甲乙，丙「丁戊」己" + "庚" * 12
    line = set_paragraph(items_of(text, list(range(len(text)))), 250, Params(1.0, 4.0))[0]
    assert line.justified and line.spacing > 0
    at = {p.k: p for p in line.placed}
    assert at[2].x == pytest.approx(at[1].x + at[1].adv), "no space before ，"
    assert at[5].x == pytest.approx(at[4].x + at[4].adv), "no space after 「"
    assert at[7].x == pytest.approx(at[6].x + at[6].adv), "no space before 」"
    assert at[1].x == pytest.approx(at[0].x + at[0].adv + line.spacing), "control: space between 甲 and 乙"
