"""A class of five for the class view: hand-out, five students' libraries, hand-ins, merged (dev script + test helper).

`build_class(teacher_db, folder)` runs the whole classroom round through core functions only: the teacher
hands out article 1 (the Traditional seed) with the Stance tagset; five students each open the hand-out in
a library of their own, mark passages with stance tags (some with Rhetoric tags and notes, agreeing here and
disagreeing there), hand in; the teacher merges the five hand-ins. The tests import it.

Run as a script to see the result:

    READER_FONT=bundled .venv/bin/python tests/gui/make_class_demo.py -o class-view.png [--db teacher.sqlite3]

builds a teacher library (a temporary one unless --db is given), the class, and a screenshot of the class view.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reader.core.annotations import Annotations  # noqa: E402
from reader.core.classroom import MergeResult, make_handin, make_handout, merge_handins, open_handout  # noqa: E402
from reader.core.library import Library  # noqa: E402

ARTICLE = 1
INSTRUCTIONS = "# Week 1\n\nMark the claims you agree or disagree with, and say why in a note."

# passage (a quote of the Traditional seed) → {student: (tags, note[, the part of it or around it they marked])}
PLAN: list[tuple[str, dict[str, tuple]]] = [
    ("世界目睹了一場前所未有的外交“閃電戰”", {
        "Wang Fang": (("Agree",), "A fair summary of how fast it went."),
        "Li Wei": (("Agree",), ""),
        "Chen Jing": (("Disagree", "Loaded language"), "“閃電戰” is a war metaphor for a diplomatic act.", "外交“閃電戰”"),
        "Zhang Min": (("Question",), "Unprecedented? Compare the 2017 withdrawals.", "前所未有"),
        "Liu Yang": (("Agree",), ""),
    }),
    ("我不在乎聯合國,聯合國的意見無關緊要", {
        "Wang Fang": (("Neutral",), "A quotation: the author takes no side here."),
        "Li Wei": (("Disagree",), ""),
        "Zhang Min": (("Neutral",), "Quoted from the press conference."),
    }),
    ("蓄謀已久、旨在重塑全球秩序的霸權總攻", {
        "Wang Fang": (("Disagree", "Loaded language"), "No evidence that it was planned."),
        "Li Wei": (("Disagree",), "“霸權總攻” is opinion, not fact.", "霸權總攻"),
        "Chen Jing": (("Disagree", "Loaded language"), "用詞太情緒化。"),
        "Zhang Min": (("Question",), "Who says it was planned?", "蓄謀已久"),
        "Liu Yang": (("Agree",), "The list took a year to prepare (paragraph 10)."),
    }),
    ("美軍采取單邊行動,在委內瑞拉扣押了其領導人", {
        "Wang Fang": (("Question", "Fact to check"), "Source?"),
        "Chen Jing": (("Question",), ""),
        "Zhang Min": (("Neutral",), "", "扣押了其領導人"),
        "Liu Yang": (("Question", "Fact to check"), "Needs a source."),
    }),
    ("明顯違背《聯合國憲章》中主權平等和不干涉內政原則", {
        "Li Wei": (("Agree",), "Article 2(4) and 2(7) of the Charter."),
        "Zhang Min": (("Agree",), ""),
        "Liu Yang": (("Disagree",), "Contested in international law.", "違背《聯合國憲章》"),
    }),
    ("冗余、管理不善、浪費,或是對美國主權、自由與繁榮的威脅", {
        "Wang Fang": (("Neutral",), ""),
        "Chen Jing": (("Neutral",), "The White House's own words."),
        "Li Wei": (("Question",), "Are any of these claims checked?"),
    }),
    ("要么按我的方式來,要么就拉倒", {
        "Wang Fang": (("Agree",), ""),
        "Li Wei": (("Agree",), ""),
        "Chen Jing": (("Agree", "Evidence"), "Matches the expert quoted.", "這展現了美國對待多邊主義的固化態度:“要么按我的方式來,要么就拉倒”"),
        "Zhang Min": (("Agree",), ""),
        "Liu Yang": (("Neutral",), ""),
    }),
    ("它于1984年首次退出,2003年重新加入;2017年再次退出,2023年又重返", {
        "Chen Jing": (("Neutral", "Evidence"), "The dates check out."),
        "Zhang Min": (("Neutral",), ""),
        "Wang Fang": (("Agree", "Evidence"), "Evidence for the pattern."),
    }),
    ("嚴重透支了其國際信譽", {
        "Li Wei": (("Disagree",), ""),
        "Liu Yang": (("Question",), "How would one measure this?"),
    }),
    ("面對國際格局“東升西降”", {
        "Wang Fang": (("Question",), "Whose framing is this?"),
        "Zhang Min": (("Disagree", "Loaded language"), "A slogan, not an analysis."),
        "Chen Jing": (("Disagree",), ""),
    }),
    ("這是一場精心計算的政治表演", {
        "Li Wei": (("Agree",), ""),
        "Liu Yang": (("Agree", "Opinion"), "", "精心計算的政治表演"),
        "Zhang Min": (("Disagree",), "Speculation about motives."),
    }),
    ("全球治理體系遭遇“失血性”沖擊", {
        "Wang Fang": (("Agree",), ""),
        "Chen Jing": (("Agree",), "Budget figures would help."),
        "Liu Yang": (("Agree",), ""),
        "Li Wei": (("Question",), ""),
    }),
    ("選擇了孤立而非領導,選擇了掠奪而非貢獻", {
        "Wang Fang": (("Disagree", "Loaded language"), "Rhetoric, not argument."),
        "Li Wei": (("Agree",), "", "一個超級大國選擇了孤立而非領導,選擇了掠奪而非貢獻,選擇了短視的強權而非長期的信任"),
        "Chen Jing": (("Disagree", "Loaded language"), ""),
        "Zhang Min": (("Disagree",), ""),
        "Liu Yang": (("Agree",), "A strong close."),
    }),
]
STUDENTS = ("Chen Jing", "Li Wei", "Liu Yang", "Wang Fang", "Zhang Min")  # sorted, as the report lists them


@dataclass
class ClassDemo:
    teacher_db: Path
    handout: Path
    handins: list[Path]
    results: list[MergeResult] = field(default_factory=list)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def marks_of(student: str) -> list[tuple[str, tuple[str, ...], str]]:
    """(quote marked, tags, note) of one student, in text order."""
    out = []
    for quote, by in PLAN:
        if student in by:
            tags, note, *marked = by[student]
            out.append((marked[0] if marked else quote, tuple(tags), note))
    return out


def build_class(teacher_db: Path, folder: Path, *, article_id: int = ARTICLE, merge: bool = True) -> ClassDemo:
    """Hand out, let five students annotate and hand in, merge (unless merge=False). The teacher library must
    hold the article (e.g. the seeds)."""
    folder.mkdir(parents=True, exist_ok=True)
    handout = folder / "week1.readerclass"
    with Library.open(teacher_db) as lib:
        make_handout(lib, [article_id], handout, instructions=INSTRUCTIONS)
    handins = []
    for student in STUDENTS:
        with Library.open(folder / f"{slug(student)}.sqlite3") as lib:
            opened = open_handout(lib, handout)
            aid = opened.articles[0].id
            text = lib.revision_text(lib.article(aid).revision_id)
            anns = Annotations(lib)
            for quote, tags, note in marks_of(student):
                start = text.index(quote)
                anns.create(aid, start, start + len(quote), tags=list(tags), note=note, author=student)
            path, _ = make_handin(lib, [aid], folder / f"{slug(student)}.readerclass", author=student)
        handins.append(path)
    demo = ClassDemo(teacher_db, handout, handins)
    if merge:
        with Library.open(teacher_db) as lib:
            demo.results = merge_handins(lib, handins)
    return demo


def main(argv: list[str] | None = None) -> int:
    import os

    os.environ.setdefault("READER_FONT", "bundled")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default="class-view.png", help="screenshot to write (PNG)")
    parser.add_argument("--db", help="teacher library to create (default: a temporary one)")
    parser.add_argument("--size", default="1400x900", help="window size WxH")
    parser.add_argument("--theme", default="light", choices=("light", "dark"))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        teacher = Path(args.db) if args.db else Path(tmp) / "teacher.sqlite3"
        with Library.open(teacher) as lib:
            lib.ensure_seeds()
        build_class(teacher, Path(tmp) / "class")
        from reader.gui.screenshot import render_screenshot

        width, height = (int(v) for v in args.size.lower().split("x"))
        render_screenshot(db=str(teacher), article_id=ARTICLE, output=Path(args.output), size=(width, height),
                          theme=args.theme, class_view=True)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
