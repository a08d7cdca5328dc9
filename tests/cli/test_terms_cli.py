"""CLI: terms add/split/list/delete/export/import — output, JSON, exit codes, and `show` following them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _words_of(db: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    code, out, _ = run(["--db", str(db), "show", "1", "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    return [t["text"] for p in data["paragraphs"] for t in p["tokens"]]


def test_add_split_list_delete_and_show_follows(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(seeded_db)]
    before = _words_of(seeded_db, capsys)
    assert "比奧" in before and "魯比奧" not in before and "聯合國安理會" in before  # positive control
    code, out, _ = run([*db, "terms", "add", "魯比奧", "--reading", "lǔ bǐ ào"], capsys)
    assert code == 0 and out == "鲁比奥 read lu3 bi3 ao4: now one term in every article\n"
    code, out, _ = run([*db, "terms", "split", "聯合國安理會", "聯合國", "安理會"], capsys)
    assert code == 0 and out == "联合国安理会 → 联合国 | 安理会: now split in every article\n"
    after = _words_of(seeded_db, capsys)
    assert "魯比奧" in after and "聯合國安理會" not in after and "安理會" in after
    code, out, _ = run([*db, "terms", "list"], capsys)
    assert out == "term   鲁比奥  [lu3 bi3 ao4]\nsplit  联合国安理会 → 联合国 | 安理会\n"
    code, out, _ = run([*db, "terms", "list", "--json"], capsys)
    assert json.loads(out)["terms"] == [{"text": "鲁比奥", "reading": "lu3 bi3 ao4"}]
    code, out, _ = run([*db, "terms", "split", "联合国安理会", "联合国|安理会"], capsys)
    assert code == 0 and "already split so" in out
    code, out, _ = run([*db, "terms", "delete", "魯比奧"], capsys)
    assert code == 0 and out == "deleted the term 鲁比奥\n"
    assert "魯比奧" not in _words_of(seeded_db, capsys)


def test_bad_input_is_one_line_and_exit_1(seeded_db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = ["--db", str(seeded_db)]
    for argv, message in [
        (["terms", "add", "王"], "at least two"),
        (["terms", "add", "王小明", "--reading", "wang2"], "3 Chinese characters"),
        (["terms", "split", "研究生", "研究", "所"], "do not spell"),
        (["terms", "delete", "研究生"], "neither a term nor a split"),
        (["terms", "import", str(tmp_path / "missing.json")], "does not exist"),
    ]:
        code, out, err = run([*db, *argv], capsys)
        assert code == 1 and out == "" and err.count("\n") == 1 and message in err, (argv, err)
    code, out, _ = run([*db, "terms", "list"], capsys)
    assert out.startswith("No terms or splits")


def test_export_and_import_into_another_library(seeded_db: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    run(["--db", str(seeded_db), "terms", "add", "魯比奧"], capsys)
    run(["--db", str(seeded_db), "terms", "split", "研究生", "研究", "生"], capsys)
    path = tmp_path / "terms.json"
    code, _, err = run(["--db", str(seeded_db), "terms", "export", str(path)], capsys)
    assert code == 0 and err == f"1 term and 1 split written to {path}\n"
    other = ["--db", str(tmp_path / "other.sqlite3")]
    code, out, _ = run([*other, "terms", "import", str(path)], capsys)
    assert code == 0 and out == "terms.json: 2 added, 0 changed, 0 already so\n"
    code, out, _ = run([*other, "terms", "list"], capsys)
    assert out == "term   鲁比奥\nsplit  研究生 → 研究 | 生\n"
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "bilingual-reader-terms", "version": 1, "terms": [{"text": "新词"}, {"text": 1}]}',
                   encoding="utf-8")
    code, out, err = run([*other, "terms", "import", str(bad)], capsys)
    assert code == 1 and "term 2" in err and err.count("\n") == 1
    code, out, _ = run([*other, "terms", "list", "--json"], capsys)
    assert [t["text"] for t in json.loads(out)["terms"]] == ["鲁比奥"], "nothing of the bad file was written"
