"""The class report's chart: numbered axis, totals, legend, labels that never collide, escaped names."""
from __future__ import annotations

import re

from reader.core.class_report import stacked_bars_svg


def test_the_chart_numbers_its_axis_and_totals_each_bar() -> None:
    rows = [("0", {}), ("1", {"Stance/Agree": 3, "Stance/Disagree": 4}), ("2", {"Stance/Agree": 2})]
    svg = stacked_bars_svg(rows, {"Stance/Agree": "#55aa55", "Stance/Disagree": "#e06666"},
                           {"Stance/Agree": "Agree", "Stance/Disagree": "Disagree"}, "Tags", "Paragraph")
    ticks = [int(t) for t in re.findall(r'text-anchor="end">(\d+)</text>', svg)]
    assert ticks[0] == 0 and ticks[-1] >= 7 and ticks == sorted(ticks), "a numbered axis from 0 past the tallest bar"
    assert '">7</text>' in svg and '">2</text>' in svg, "each bar's total above it"
    assert svg.count('fill="#e06666"') == 1 and svg.count('fill="#55aa55"') == 2
    assert ">Paragraph</text>" in svg and "Agree</span>" in svg and "Disagree</span>" in svg
    assert stacked_bars_svg([("0", {})], {}, {}, "Tags", "Paragraph") == "<p><em>No tags.</em></p>"


def test_many_paragraphs_get_labels_that_do_not_collide_and_names_are_escaped() -> None:
    rows = [(str(i), {"Mine/<b>x</b>": 1}) for i in range(120)]
    svg = stacked_bars_svg(rows, {}, {}, "Tags", "Paragraph")
    labels = re.findall(r'y="\d+" text-anchor="middle">(\d+)</text>', svg)
    assert 10 < len(labels) < 120, "every few bars labelled, not all 120"
    assert "<b>" not in svg and "&lt;b&gt;" in svg
