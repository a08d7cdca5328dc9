"""CLI: a class of five students through hand-out → annotate → hand-in → merge → report; export and import."""
from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path

import numpy as np
import pytest
from krippendorff_values import reference_alpha
from testdata import separate_library

from reader.cli import main
from reader.core import identity
from reader.core.library import Library

S1 = "2026年1月,世界目睹了一場前所未有的外交“閃電戰”。"
S2 = "這不是一次孤立的任性,而是一場蓄謀已久、旨在重塑全球秩序的霸權總攻。"
S3 = "這場風暴,何以掀起?"
S4 = "2026年1月3日,美軍采取單邊行動,在委內瑞拉扣押了其領導人。"
S5 = "1月5日,聯合國安理會應要求召開緊急會議商討此事。"
SENTENCES = [S1, S2, S3, S4, S5]
STANCE = ["Agree", "Disagree", "Question", "Neutral"]
# student → (sentence, quote inside it, stance tag, note)
PLAN: dict[str, list[tuple[str, str, str, str]]] = {
    "Ann": [(S1, "外交“閃電戰”", "Agree", "a blitz indeed"), (S2, "霸權總攻", "Disagree", "loaded words"),
            (S4, "美軍采取單邊行動", "Question", ""), (S5, "緊急會議", "Neutral", "")],
    "Bo": [(S1, "世界目睹了", "Agree", ""), (S2, "蓄謀已久", "Disagree", "no evidence given"),
           (S3, "何以掀起", "Question", "")],
    "Cy": [(S1, "閃電戰", "Disagree", "exaggerated"), (S2, "旨在重塑全球秩序", "Agree", "fair reading"),
           (S4, "扣押了其領導人", "Question", "")],
    "Dee": [(S2, "這不是一次孤立的任性", "Disagree", ""), (S3, "風暴", "Question", ""),
            (S4, "單邊行動", "Disagree", "illegal"), (S5, "聯合國安理會", "Neutral", "")],
    "Eli": [(S1, "前所未有", "Agree", ""), (S3, "這場風暴", "Agree", ""), (S4, "2026年1月3日", "Question", ""),
            (S4, "在委內瑞拉扣押了其領導人", "Disagree", "two marks: this longer one decides")],
}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def ok(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code, out, err = run(argv, capsys)
    assert code == 0, err
    return out


def locate(db: Path, sentence: str, quote: str) -> tuple[int, int]:
    with Library.open(db) as lib:
        text = lib.revision_text(lib.article(1).revision_id)
    start = text.index(quote, text.index(sentence))
    return start, start + len(quote)


def expected_alpha(plan: dict[str, list[tuple[str, str, str, str]]]) -> float:
    """Computed here, independently: each student's code per sentence is the tag of their longest mark in it."""
    rows = []
    for student in sorted(plan):
        row = []
        for sentence in SENTENCES:
            marks = [(len(q), tag) for s, q, tag, _ in plan[student] if s == sentence]
            row.append(float(STANCE.index(max(marks)[1])) if marks else np.nan)
        rows.append(row)
    value = reference_alpha(rows)  # the krippendorff package's value, stored
    assert value is not None
    return value


@pytest.fixture
def classroom(seeded_db: Path, seeded_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    """The teacher's hand-out, five students' libraries with their annotations, and their hand-ins."""
    teacher = ["--db", str(seeded_db)]
    instructions = tmp_path / "week1.md"
    instructions.write_text("# Week 1\n\nMark where you stand on each claim.", encoding="utf-8")
    handout = tmp_path / "week1.readerclass"
    ok([*teacher, "class", "handout", "1", "-o", str(handout), "--instructions", str(instructions)], capsys)
    dbs: dict[str, Path] = {}
    ids: dict[str, list[int]] = {}
    for student, marks in PLAN.items():
        db = tmp_path / f"{student}.sqlite3"
        separate_library(shutil.copyfile(seeded_template, db))
        dbs[student] = db
        opened = json.loads(ok(["--db", str(db), "class", "open", str(handout), "--json"], capsys))
        assert [a["id"] for a in opened["articles"]] == [1] and opened["instructions"].startswith("# Week 1")
        ids[student] = []
        for sentence, quote, tag, note in marks:
            s, e = locate(db, sentence, quote)
            out = ok(["--db", str(db), "annotate", "1", "--start", str(s), "--end", str(e), "--tag", tag,
                      "--note", note, "--json"], capsys)
            ids[student].append(json.loads(out)["id"])
        ok(["--db", str(db), "class", "handin", "1", "-o", str(tmp_path / f"{student}.readerclass"),
            "--author", student], capsys)
    return {"teacher": teacher, "dbs": dbs, "ids": ids, "tmp": tmp_path, "handins":
            [str(tmp_path / f"{s}.readerclass") for s in PLAN]}


def test_a_class_of_five_merged_and_reported(classroom: dict, capsys: pytest.CaptureFixture[str]) -> None:
    teacher = classroom["teacher"]
    merged = json.loads(ok([*teacher, "class", "merge", *classroom["handins"], "--json"], capsys))
    assert [(m["student"], m["annotations"], m["replaced"]) for m in merged] == [
        (s, len(PLAN[s]), 0) for s in PLAN]
    report = json.loads(ok([*teacher, "class", "report", "1", "--json"], capsys))
    assert report["alpha"] == pytest.approx(expected_alpha(PLAN), abs=1e-9)
    assert [s["name"] for s in report["students"]] == sorted(PLAN)
    assert {s["name"]: s["annotations"] for s in report["students"]} == {s: len(m) for s, m in PLAN.items()}
    assert set(report["alpha_by_tag"]) == {f"Stance/{t}" for t in STANCE}
    assert len(report["pairwise"]) == 10
    ann_bo = next(p for p in report["pairwise"] if (p["a"], p["b"]) == ("Ann", "Bo"))
    assert (ann_bo["units"], ann_bo["percent"]) == (2, 100.0)  # S1 Agree/Agree, S2 Disagree/Disagree
    assert report["units"]["pairable"] == 5
    with Library.open(classroom["dbs"]["Ann"]) as lib:
        text = lib.revision_text(lib.article(1).revision_id)
    s1 = text.index(S1)
    assert len(report["heat"]) == len(text) and report["heat_max"] == 2
    assert report["heat"][s1 + S1.index("閃電戰")] == 2  # Ann and Cy
    p1 = next(p for p in report["paragraphs"] if p["index"] == 1)
    expected: dict[str, int] = {}
    for sentence, _, tag, _ in (m for marks in PLAN.values() for m in marks):
        if sentence in (S1, S2, S3):  # the sentences of paragraph 1
            expected[f"Stance/{tag}"] = expected.get(f"Stance/{tag}", 0) + 1
    assert p1["counts"] == expected == {"Stance/Agree": 5, "Stance/Disagree": 4, "Stance/Question": 2}
    top = report["disputed"][0]
    assert top["text"] in SENTENCES and len(top["students"]) >= 2 and len(top["counts"]) >= 2
    s1_dispute = next(d for d in report["disputed"] if d["text"] == S1)
    notes = {e["name"]: e["note"] for e in s1_dispute["students"]}
    assert notes["Ann"] == "a blitz indeed" and notes["Cy"] == "exaggerated"  # notes side by side
    md = ok([*teacher, "class", "report", "1"], capsys)
    assert "Krippendorff's alpha (nominal):** " + f"{report['alpha']:.3f}" in md
    ok([*teacher, "class", "report", "1", "-o", str(classroom["tmp"] / "report.html")], capsys)
    page = (classroom["tmp"] / "report.html").read_text(encoding="utf-8")
    assert "<script" not in page and "a blitz indeed" in page and "Heat map" in page
    # headings, not a run-on text; a chart with a numbered axis and each bar's total
    assert "<h2>Most disputed passages</h2>" in page and "<h3>1. Paragraph " in page
    assert "<h2>Tags per paragraph</h2>" in page and '<svg class="chart"' in page
    assert 'text-anchor="end">0</text>' in page and '>Paragraph</text>' in page and '<p class="legend">' in page
    assert "<th>Student</th>" in page
    mask = os.umask(0o022)
    os.umask(mask)
    assert (classroom["tmp"] / "report.html").stat().st_mode & 0o777 == 0o666 & ~mask, "a new file's usual mode"
    ok([*teacher, "class", "report", "1", "-o", str(classroom["tmp"] / "units.csv")], capsys)
    rows = (classroom["tmp"] / "units.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "\ufeffunit,paragraph,start,end,text,Ann,Bo,Cy,Dee,Eli"
    only = json.loads(ok([*teacher, "class", "report", "1", "--json", "--student", "Ann", "--student", "Bo"], capsys))
    assert [s["name"] for s in only["students"]] == ["Ann", "Bo"] and len(only["pairwise"]) == 1


def test_remerging_an_updated_handin_replaces_the_students_layer(
    classroom: dict, capsys: pytest.CaptureFixture[str],
) -> None:
    teacher = classroom["teacher"]
    ok([*teacher, "class", "merge", *classroom["handins"]], capsys)
    bo = classroom["dbs"]["Bo"]
    ok(["--db", str(bo), "unannotate", str(classroom["ids"]["Bo"][2])], capsys)
    s, e = locate(bo, S3, "何以掀起")
    ok(["--db", str(bo), "annotate", "1", "--start", str(s), "--end", str(e), "--tag", "Agree"], capsys)
    ok(["--db", str(bo), "class", "handin", "1", "-o", classroom["handins"][1], "--author", "Bo"], capsys)
    out = ok([*teacher, "class", "merge", classroom["handins"][1]], capsys)
    assert out.strip() == "Bo: 3 annotations on article 1, replacing 3"
    with Library.open(Path(teacher[1])) as lib:
        (count,) = lib.conn.execute("SELECT COUNT(*) FROM annotations WHERE author = 'Bo'").fetchone()
    assert count == 3
    plan = dict(PLAN, Bo=[*PLAN["Bo"][:2], (S3, "何以掀起", "Agree", "")])
    report = json.loads(ok([*teacher, "class", "report", "1", "--json"], capsys))
    assert report["alpha"] == pytest.approx(expected_alpha(plan), abs=1e-9)
    assert report["alpha"] != pytest.approx(expected_alpha(PLAN), abs=1e-6)


def test_a_bad_handin_is_one_line_and_the_others_still_merge(
    classroom: dict, capsys: pytest.CaptureFixture[str],
) -> None:
    evil = classroom["tmp"] / "evil.readerclass"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("../../etc/passwd", "root")
    code, out, err = run([*classroom["teacher"], "class", "merge", str(evil), classroom["handins"][0]], capsys)
    assert code == 1 and out.startswith("Ann: 4 annotations")
    assert err.count("\n") == 1 and "points outside the package" in err


def test_export_then_import_annotations_through_the_cli(
    classroom: dict, seeded_template: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    teacher = classroom["teacher"]
    ok([*teacher, "class", "merge", *classroom["handins"]], capsys)
    exported = classroom["tmp"] / "class.json"
    ok([*teacher, "export", "1", "--format", "json", "-o", str(exported)], capsys)
    fresh = classroom["tmp"] / "fresh.sqlite3"
    shutil.copyfile(seeded_template, fresh)
    report = json.loads(ok(["--db", str(fresh), "import-annotations", str(exported), "--json"], capsys))
    assert report["created"] == sum(len(m) for m in PLAN.values()) and report["articles"] == [1]
    again = ok(["--db", str(fresh), "export", "1", "--format", "json", "-o", "-"], capsys)
    assert again == exported.read_text(encoding="utf-8")
    code, _, err = run(["--db", str(fresh), "import-annotations", str(classroom["handins"][0])], capsys)
    assert code == 1 and "class merge" in err and err.count("\n") == 1


def test_export_formats_and_all(seeded_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(seeded_db)]
    ok([*db, "annotate", "2", "--start", "0", "--end", "4", "--tag", "Agree", "--note", "<i>x</i>"], capsys)
    csv_text = ok([*db, "export", "--all", "--format", "csv", "-o", "-"], capsys)
    assert csv_text.startswith("\ufeffid,uuid,article") and csv_text.count("\r\n") == 2
    ok([*db, "export", "--all", "--format", "md", "-o", str(tmp_path / "notes")], capsys)
    assert len(list((tmp_path / "notes").glob("*.md"))) == 2
    page = ok([*db, "export", "2", "--format", "html", "--pinyin", "marks", "-o", "-"], capsys)
    assert "<rt>" in page and "&lt;i&gt;x&lt;/i&gt;" in page
    for argv, message in [(["export", "-o", "-"], "give an article id or --all"),
                          (["export", "1", "--all", "-o", "-"], "give an article id or --all"),
                          (["export", "1", "--format", "pdf", "-o", "-"], "cannot go to standard output")]:
        code, _, err = run([*db, *argv], capsys)
        assert code == 1 and message in err


def test_a_handin_needs_a_name_and_keeps_it(seeded_db: Path, seeded_template: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    handout = tmp_path / "week1.readerclass"
    ok(["--db", str(seeded_db), "class", "handout", "1", "-o", str(handout)], capsys)
    db = separate_library(shutil.copyfile(seeded_template, tmp_path / "lab.sqlite3"))
    ok(["--db", str(db), "class", "open", str(handout)], capsys)
    s, e = locate(db, S1, "閃電戰")
    ok(["--db", str(db), "annotate", "1", "--start", str(s), "--end", str(e), "--tag", "Agree"], capsys)
    out = tmp_path / "in.readerclass"
    code, _, err = run(["--db", str(db), "class", "handin", "1", "-o", str(out)], capsys)
    assert code != 0 and "needs your name" in err and "--name" in err and len(err.strip().splitlines()) == 1
    assert not out.exists()
    ok(["--db", str(db), "class", "handin", "1", "-o", str(out), "--name", "Li Wei"], capsys)
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    with Library.open(db) as lib:
        assert lib.reader_name == "Li Wei"  # kept: the next hand-in needs no --name
        assert manifest["reader"] == "Li Wei" and manifest["library"] == identity.library_id(lib)
    again = tmp_path / "again.readerclass"
    ok(["--db", str(db), "class", "handin", "1", "-o", str(again)], capsys)
    # a second student in the lab, same name: both kept at the teacher's, with a warning line
    other = separate_library(shutil.copyfile(seeded_template, tmp_path / "lab2.sqlite3"))
    ok(["--db", str(other), "class", "open", str(handout)], capsys)
    ok(["--db", str(other), "class", "handin", "1", "-o", str(tmp_path / "other.readerclass"), "--name", "Li Wei"],
       capsys)
    code, stdout, err = run(["--db", str(seeded_db), "class", "merge", str(out), str(tmp_path / "other.readerclass")],
                            capsys)
    assert code == 0
    assert stdout.splitlines() == ["Li Wei: 1 annotation on article 1", "Li Wei (2): 0 annotations on article 1"]
    assert "warning: Li Wei (2): name clash" in err
    code, stdout, _ = run(["--db", str(seeded_db), "class", "merge", str(again), str(out)], capsys)
    assert code == 0 and stdout.splitlines()[0] == "Li Wei: 1 annotation on article 1, replacing 1" and stdout.splitlines()[1].startswith("Li Wei: not merged: made ")
