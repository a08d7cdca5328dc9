"""CLI: annotate, annotations, unannotate, revise, export, tags, tag — JSON shapes, errors, the Markdown export."""
from __future__ import annotations

import json
import os
from pathlib import Path

import markdown
import pytest
from testdata import DATA

from reader.cli import main
from reader.core.library import Library

REFERENCE = DATA / "export_seed1.md"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def offsets(db: Path, quote: str, article: int = 1) -> tuple[int, int]:
    with Library.open(db) as lib:
        text = lib.revision_text(lib.article(article).revision_id)
    start = text.index(quote)
    return start, start + len(quote)


def annotate(db: Path, capsys: pytest.CaptureFixture[str], quote: str, *extra: str) -> int:
    s, e = offsets(db, quote)
    code, out, err = run(["--db", str(db), "annotate", "1", "--start", str(s), "--end", str(e), *extra, "--json"], capsys)
    assert code == 0, err
    return int(json.loads(out)["id"])


def annotate_seed(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The annotated seed the reference export was made from: five highlights by two readers, one orphaned."""
    annotate(db, capsys, "我不在乎聯合國,聯合國的意見無關緊要", "--tag", "Claim", "--tag", "Stance/Disagree",
             "--author", "Lin", "--note",
             "**Dismissive** on purpose: compare the [UN Charter](https://www.un.org/en/about-us/un-charter).\n\n"
             "- said in public\n- said at the Security Council")
    annotate(db, capsys, "簽署總統備忘錄,宣布美國一次性啟動退出66個國際組織的程序,其中31個為聯合國下屬機構",
             "--tag", "Evidence", "--tag", "待核實", "--author", "Mei",
             "--note", "Check the count: <b>66</b> or 65? Source: `memo <2026-01-07>`")
    annotate(db, capsys, "蓄謀已久、旨在重塑全球秩序的霸權總攻", "--tag", "情緒化措辭", "--author", "Lin",
             "--note", "# Word choice\n\n總攻 is a military word.")
    annotate(db, capsys, "節奏快得令人窒息。\n2026年1月3日,美軍采取單邊行動", "--tag", "Question", "--author", "Mei")
    annotate(db, capsys, "又將把世界帶向何方?", "--tag", "Neutral", "--author", "Lin", "--note", "A question left open.")
    with Library.open(db) as lib:
        text = lib.revision_text(lib.article(1).revision_id)
    edited = tmp_path / "edited.txt"
    edited.write_text(text.replace("又將把世界帶向何方?", "").replace("2026年1月,世界", "2026年1月,整個世界"),
                      encoding="utf-8")
    code, out, err = run(["--db", str(db), "revise", "1", str(edited), "--json"], capsys)
    assert code == 0, err
    assert json.loads(out) | {"revision_id": 0} == {
        "article_id": 1, "revision_id": 0, "reanchored": 4, "shifted": 4, "fuzzy": 0, "moved": 0, "moved_ids": [],
        "orphaned": 1, "orphaned_ids": [5],
    }


def test_annotate_across_paragraphs_prints_one_line(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Library.open(seeded_db) as lib:
        text = lib.revision_text(lib.article(1).revision_id)
    start = text.index("\n") - 2  # the end of the first paragraph and the start of the second
    code, out, err = run(["--db", str(seeded_db), "annotate", "1", "--start", str(start), "--end", str(start + 6)], capsys)
    assert code == 0, err
    assert out.count("\n") == 1 and out.split("\t")[0].isdigit(), out
    code, out, _ = run(["--db", str(seeded_db), "annotations", "1", "--json"], capsys)
    assert "\n" in json.loads(out)[0]["quote"]  # the quote itself keeps its paragraph break


def test_annotate_then_list_as_json(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ann_id = annotate(seeded_db, capsys, "外交“閃電戰”", "--tag", "Opinion", "--note", "metaphor",
                      "--color", "#AA5500", "--author", "Lin")
    code, out, _ = run(["--db", str(seeded_db), "annotations", "1", "--json"], capsys)
    assert code == 0
    (item,) = json.loads(out)
    assert {"id", "start", "end", "quote", "tags", "note", "color", "author", "status", "created",
            "updated"} <= set(item)
    assert item["id"] == ann_id and item["quote"] == "外交“閃電戰”" and item["tags"] == ["Rhetoric/Opinion"]
    assert (item["note"], item["color"], item["author"], item["status"]) == ("metaphor", "#aa5500", "Lin", "anchored")
    assert (item["start"], item["end"]) == offsets(seeded_db, "外交“閃電戰”")
    code, out, _ = run(["--db", str(seeded_db), "annotations", "1"], capsys)
    assert "閃電戰" in out and "Opinion" in out
    code, out, _ = run(["--db", str(seeded_db), "unannotate", str(ann_id)], capsys)
    assert code == 0
    assert json.loads(run(["--db", str(seeded_db), "annotations", "1", "--json"], capsys)[1]) == []


@pytest.mark.parametrize("argv,message", [
    (["annotate", "9", "--start", "0", "--end", "2"], "no article with id 9"),
    (["annotate", "1", "--start", "5", "--end", "5"], "not a passage"),
    (["annotate", "1", "--start", "0", "--end", "99999"], "not a passage"),
    (["annotate", "1", "--start", "0", "--end", "2", "--tag", "Nonsense"], "unknown tag 'Nonsense'"),
    (["annotate", "1", "--start", "0", "--end", "2", "--color", "red"], "bad colour 'red'"),
    (["annotations", "7"], "no article with id 7"),
    (["unannotate", "42"], "no annotation with id 42"),
    (["export", "7", "-o", "-"], "no article with id 7"),
    (["tag", "delete", "Nonsense"], "unknown tag"),
])
def test_user_errors_are_one_line_with_exit_code_1(
    seeded_db: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str,
) -> None:
    code, out, err = run(["--db", str(seeded_db), *argv], capsys)
    assert code == 1 and out == ""
    assert err.startswith("error: ") and message in err and err.count("\n") == 1


def test_revise_with_the_same_text_is_an_error(seeded_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Library.open(seeded_db) as lib:
        text = lib.revision_text(lib.article(2).revision_id)
    same = tmp_path / "same.txt"
    same.write_text(text, encoding="utf-8")
    code, _, err = run(["--db", str(seeded_db), "revise", "2", str(same)], capsys)
    assert code == 1 and "identical" in err


def test_tags_listing_and_tag_commands(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(seeded_db)]
    data = json.loads(run([*db, "tags", "--json"], capsys)[1])
    assert [s["name"] for s in data] == ["Stance", "Rhetoric"]
    assert [t["shortcut"] for s in data for t in s["tags"]] == list("123456789")
    assert run([*db, "tag", "add", "Stance", "Partly agree", "--zh", "部分赞同", "--color", "#88cc88"], capsys)[0] == 0
    assert run([*db, "tag", "rename", "部分贊同", "Partly", "--zh", "部分"], capsys)[0] == 0
    annotate(seeded_db, capsys, "外交“閃電戰”", "--tag", "Stance/Partly")
    code, _, err = run([*db, "tag", "delete", "Partly"], capsys)
    assert code == 1 and "1 annotation uses the tag Stance/Partly" in err
    assert run([*db, "tag", "delete", "Partly", "--force"], capsys)[0] == 0
    data = json.loads(run([*db, "tags", "--json"], capsys)[1])
    assert "Partly" not in {t["name"] for s in data for t in s["tags"]}


def test_markdown_export_of_the_annotated_seed_matches_the_reference(
    seeded_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    annotate_seed(seeded_db, tmp_path, capsys)
    target = tmp_path / "notes.md"
    code, _, err = run(["--db", str(seeded_db), "export", "1", "--format", "md", "-o", str(target)], capsys)
    assert code == 0, err
    produced = target.read_text(encoding="utf-8")
    if os.environ.get("READER_REGENERATE_EXPORTS"):
        REFERENCE.write_text(produced, encoding="utf-8")
    assert produced == REFERENCE.read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".notes.md.*"))  # the temporary file was renamed, not left behind
    code, out, _ = run(["--db", str(seeded_db), "export", "1", "--format", "md", "-o", "-"], capsys)
    assert out == produced


def test_markdown_export_renders_with_quotes_tags_and_escaped_html(
    seeded_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    annotate_seed(seeded_db, tmp_path, capsys)
    code, out, _ = run(["--db", str(seeded_db), "export", "1", "-o", "-", "--script", "simplified",
                        "--pinyin", "marks"], capsys)
    assert code == 0
    html = markdown.markdown(out)
    assert html.count("<blockquote>") == 5 and html.count("<h3>") == 5
    assert "<h1>48小时退出66个国际组织" in html  # the title in the chosen script
    assert "联合国 (lián hé guó)" in html  # readings after each word
    assert "<b>" not in html and "&lt;b&gt;66&lt;/b&gt;" in html  # raw HTML in a note is shown, not obeyed
    assert "<code>memo &lt;2026-01-07&gt;</code>" in html  # code spans are kept as written
    assert '<a href="https://www.un.org/en/about-us/un-charter">UN Charter</a>' in html
    assert "<h4>Word choice</h4>" in html  # a note's heading sits below the highlight's heading
    assert "<h2>Orphaned highlights</h2>" in html and html.index("又将把世界带向何方") > html.index("Orphaned")
    assert "情绪化措辞" in html and "情緒化措辭" not in html
