"""CLI: vocab add/list/known/unknown/delete/export, translate, level — output, JSON and exit codes."""
from __future__ import annotations

import csv
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.library import Library


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def offset_of(db: Path, article_id: int, text: str) -> int:
    with Library.open(db) as lib:
        return lib.revision_text(lib.article(article_id).revision_id).index(text)


def test_add_from_an_article_with_json(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    offset = offset_of(seeded_db, 1, "聯合國安理會") + 1
    code, out, _ = run(["--db", str(seeded_db), "vocab", "add", "联合国", "--article", "1", "--offset", str(offset),
                        "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert (data["simplified"], data["traditional"], data["reading"], data["hsk"]) == ("联合国", "聯合國", "lian2 he2 guo2", 6)
    assert data["senses"] == ["United Nations"] and data["added"] is True
    assert data["sentence"].startswith("1月5日,在聯合國安理會") and data["end"] - data["start"] == 3
    code, out, _ = run(["--db", str(seeded_db), "vocab", "add", "聯合國", "--json"], capsys)
    assert code == 0 and json.loads(out)["added"] is False and json.loads(out)["id"] == data["id"]


def test_add_list_known_delete_round_trip(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(seeded_db)]
    code, out, _ = run([*db, "vocab", "add", "世界"], capsys)
    assert code == 0 and out.startswith("世界 [shì jiè] HSK 3: world") and "(added)" in out
    assert run([*db, "vocab", "add", "行", "--reading", "háng"], capsys)[0] == 0
    assert run([*db, "vocab", "known", "世界"], capsys)[0] == 0

    code, out, _ = run([*db, "vocab", "list"], capsys)
    assert code == 0 and out.splitlines()[0].startswith("✓ 世界") and out.splitlines()[1].startswith("  行 [háng]")
    known = json.loads(run([*db, "vocab", "list", "--known", "--json"], capsys)[1])
    unknown = json.loads(run([*db, "vocab", "list", "--unknown", "--json"], capsys)[1])
    assert [w["simplified"] for w in known] == ["世界"] and [w["reading"] for w in unknown] == ["hang2"]

    assert run([*db, "vocab", "unknown", "世界"], capsys)[0] == 0
    assert json.loads(run([*db, "vocab", "list", "--known", "--json"], capsys)[1]) == []
    code, out, _ = run([*db, "vocab", "delete", "世界"], capsys)
    assert code == 0 and out.startswith("deleted: 世界")
    assert [w["simplified"] for w in json.loads(run([*db, "vocab", "list", "--json"], capsys)[1])] == ["行"]


def test_known_adds_a_word_that_is_not_listed_yet(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--db", str(seeded_db), "vocab", "known", "聯合國"], capsys)[0] == 0
    data = json.loads(run(["--db", str(seeded_db), "vocab", "list", "--json"], capsys)[1])
    assert [(w["simplified"], w["known"]) for w in data] == [("联合国", True)]


def test_ambiguous_and_missing_words_are_one_line_errors(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(seeded_db)]
    run([*db, "vocab", "add", "行"], capsys)
    run([*db, "vocab", "add", "行", "--reading", "hang2"], capsys)
    code, _, err = run([*db, "vocab", "delete", "行"], capsys)
    assert code == 1 and err == "error: 行 is in your list with several readings (xíng, háng); choose one with --reading\n"
    assert run([*db, "vocab", "delete", "行", "--reading", "xing2"], capsys)[0] == 0
    code, _, err = run([*db, "vocab", "delete", "世界"], capsys)
    assert code == 1 and err == "error: 世界 is not in your list\n"
    code, _, err = run([*db, "vocab", "add", "hello"], capsys)
    assert code == 1 and err == "error: 'hello' is not a Chinese word\n"
    code, _, err = run([*db, "vocab", "add", "联合国", "--article", "1", "--offset", "0"], capsys)
    assert code == 1 and err == "error: 联合国 is not at offset 0 in article 1\n"
    code, _, err = run([*db, "vocab", "add", "联合国", "--article", "99"], capsys)
    assert code == 1 and err == "error: there is no article with id 99\n"
    code, _, err = run([*db, "vocab", "add", "联合国", "--offset", "3"], capsys)
    assert code == 1 and "--offset needs --article" in err


def test_export_anki_and_csv(seeded_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(seeded_db)]
    offset = offset_of(seeded_db, 2, "联合国")
    run([*db, "vocab", "add", "联合国", "--article", "2", "--offset", str(offset)], capsys)
    run([*db, "vocab", "known", "世界"], capsys)

    apkg = tmp_path / "words.apkg"
    code, _, err = run([*db, "vocab", "export", "--format", "anki", "-o", str(apkg), "--unknown"], capsys)
    assert code == 0 and err == f"1 word written to {apkg}\n"
    with zipfile.ZipFile(apkg) as zf:
        (tmp_path / "c.anki2").write_bytes(zf.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "c.anki2") as con:
        (flds,) = con.execute("SELECT flds FROM notes").fetchone()
    assert flds.split("\x1f")[:4] == ["联合国", "聯合國", "lián hé guó", "United Nations"]
    assert "<b>联合国</b>" in flds.split("\x1f")[4]

    out = tmp_path / "words.csv"
    assert run([*db, "vocab", "export", "--format", "csv", "-o", str(out)], capsys)[0] == 0
    with out.open(encoding="utf-8-sig", newline="") as fh:
        assert [(r["simplified"], r["known"]) for r in csv.DictReader(fh)] == [("联合国", "no"), ("世界", "yes")]


def test_export_of_an_empty_list_writes_nothing(seeded_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "empty.csv"
    code, _, err = run(["--db", str(seeded_db), "vocab", "export", "--format", "csv", "-o", str(out)], capsys)
    assert code == 1 and err == "error: there are no words in your list to export\n" and not out.exists()
    code, _, err = run(["--db", str(seeded_db), "vocab", "export", "--format", "anki", "-o",
                        str(tmp_path / "no" / "x.apkg")], capsys)
    assert code == 1 and err.startswith("error: ")


def test_translate_wrong_count_is_a_clear_error_and_right_count_attaches(
    seeded_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    db = ["--db", str(seeded_db)]
    short = tmp_path / "short.txt"
    short.write_text("One.\nTwo.\n", encoding="utf-8")
    code, out, err = run([*db, "translate", "2", str(short)], capsys)
    assert code == 1 and out == ""
    assert err == ("error: short.txt: the translation has 2 paragraphs but the article has 13; "
                   "put one paragraph per line, in the same order\n")
    full = tmp_path / "full.txt"
    full.write_text("\n".join(f"My paragraph {i}." for i in range(13)), encoding="utf-16")
    code, out, _ = run([*db, "translate", "2", str(full)], capsys)
    assert code == 0 and "13 paragraphs" in out
    shown = json.loads(run([*db, "show", "2", "--translation", "--json"], capsys)[1])
    assert shown["paragraphs"][12]["translation"] == "My paragraph 12."


def test_level_show_set_and_refuse(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(seeded_db)]
    assert json.loads(run([*db, "level", "--json"], capsys)[1])["level"] == 0
    code, out, _ = run([*db, "level", "4"], capsys)
    assert code == 0 and "level 4" in out and "HSK 4" in out
    assert json.loads(run([*db, "level", "--json"], capsys)[1])["level"] == 4
    code, _, err = run([*db, "level", "12"], capsys)
    assert code == 1 and err.startswith("error: the HSK level must be a whole number from 0")
    assert json.loads(run([*db, "level", "--json"], capsys)[1])["level"] == 4


def test_vocab_without_an_action_prints_its_help(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--db", str(seeded_db), "vocab"], capsys)
    assert code == 2 and "add" in out and "export" in out


def test_add_with_an_article_and_no_offset_takes_the_first_occurrence(
    seeded_db: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    first = offset_of(seeded_db, 1, "聯合國")
    code, out, _ = run(["--db", str(seeded_db), "vocab", "add", "联合国", "--article", "1", "--json"], capsys)
    assert code == 0 and json.loads(out)["start"] == first
    code, _, err = run(["--db", str(seeded_db), "vocab", "add", "熊猫", "--article", "1"], capsys)
    assert code == 1 and err == "error: 熊猫 is not in article 1\n"


def test_a_rename_keeps_the_list(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Library.open(seeded_db) as lib:
        lib.set_reader_name("Lin")
    for word in ("联合国", "世界"):
        assert run(["--db", str(seeded_db), "vocab", "add", word], capsys)[0] == 0
    with Library.open(seeded_db) as lib:  # Preferences → Reader name
        lib.set_reader_name("Lin Mei")
    code, out, _ = run(["--db", str(seeded_db), "vocab", "list", "--json"], capsys)
    assert code == 0 and sorted(e["simplified"] for e in json.loads(out)) == ["世界", "联合国"]
    code, out, _ = run(["--db", str(seeded_db), "vocab", "list"], capsys)
    assert "联合国" in out and "世界" in out


def test_vocab_status_sets_the_words_status_in_either_script(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(seeded_db)]
    code, out, _ = run([*db, "vocab", "status", "聯合國", "3"], capsys)
    assert code == 0 and out == "learning 3: 联合国 聯合國 [lián hé guó] HSK 6: United Nations\n"
    code, out, _ = run([*db, "vocab", "status", "安理会", "ignored"], capsys)
    assert code == 0 and out.startswith("ignored: 安理会")
    code, out, _ = run([*db, "vocab", "list"], capsys)
    assert out.splitlines()[0].startswith("3 联合国") and out.splitlines()[1].startswith("× 安理会")
    code, out, _ = run([*db, "vocab", "list", "--json"], capsys)
    assert [(w["simplified"], w["status"], w["known"]) for w in json.loads(out)] == [
        ("联合国", "learning3", False), ("安理会", "ignored", False)]
    code, out, _ = run([*db, "vocab", "status", "联合国", "known", "--json"], capsys)
    assert code == 0 and [(w["status"], w["known"]) for w in json.loads(out)] == [("known", True)]
    code, out, _ = run([*db, "vocab", "list", "--known"], capsys)
    assert out.startswith("✓ 联合国")
    code, out, _ = run([*db, "vocab", "status", "美国", "new"], capsys)
    assert code == 0 and out == "美国 is not in your list: it is new (nothing changed)\n"


def test_vocab_status_from_an_article_keeps_the_sentence(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--db", str(seeded_db), "vocab", "status", "世界银行", "1", "--article", "2", "--json"], capsys)
    (word,) = json.loads(out)
    assert code == 0 and word["status"] == "learning1" and "世界银行" in word["sentence"] and word["article_id"] == 2


def test_vocab_status_refuses_a_bad_level_and_writes_nothing(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["--db", str(seeded_db), "vocab", "status", "联合国", "6"], capsys)
    assert code == 1 and err == "error: unknown status '6': give new, 1 to 5 (learning), known or ignored\n"
    code, _, err = run(["--db", str(seeded_db), "vocab", "status", "外星人", "2", "--article", "2"], capsys)
    assert code == 1 and err.startswith("error: 外星人 is not in article 2")
    with Library.open(seeded_db) as lib:
        assert lib.conn.execute("SELECT COUNT(*) FROM vocabulary").fetchone() == (0,)


def test_gloss_either_script_shows_in_list_json_and_refuses_bad_input(
    seeded_db: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    db = ["--db", str(seeded_db)]
    code, out, _ = run([*db, "vocab", "gloss", "看見", "--translation", "to spot", "--parent", "看",
                        "--note", "*Markdown* kept"], capsys)
    assert code == 0 and "translation: to spot" in out and "parent: 看" in out and "*Markdown* kept" in out
    code, out, _ = run([*db, "vocab", "gloss", "看见", "--json"], capsys)
    assert json.loads(out) == {"word": "看见", "simplified": "看见", "translation": "to spot",
                               "note": "*Markdown* kept", "parent": "看", "children": []}
    code, out, _ = run([*db, "vocab", "list", "--json"], capsys)
    (entry,) = json.loads(out)
    assert (entry["simplified"], entry["translation"], entry["note"], entry["parent"], entry["status"]) == (
        "看见", "to spot", "*Markdown* kept", "看", "new")
    code, out, _ = run([*db, "vocab", "gloss", "看", "--json"], capsys)
    assert json.loads(out)["children"] == ["看见"]
    code, out, _ = run([*db, "vocab", "gloss", "看见", "--note", ""], capsys)  # '' clears one field
    assert code == 0 and "note" not in out and "to spot" in out

    code, out, err = run([*db, "vocab", "gloss", "看", "--parent", "看见"], capsys)
    assert code == 1 and err.count("\n") == 1 and "already a parent" in err
    code, out, err = run([*db, "vocab", "gloss", "hello", "--translation", "hi"], capsys)
    assert code == 1 and "not a Chinese word" in err
    with sqlite3.connect(seeded_db) as conn:
        assert conn.execute("SELECT simplified, translation, note, parent FROM glossary").fetchall() == [
            ("看见", "to spot", "", "看")], "refused changes wrote nothing"
