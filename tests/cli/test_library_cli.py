"""CLI: list, import, show, pinyin — JSON shapes, exit codes, no tracebacks."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from testdata import PROJECT_ROOT, SEED_SIMP

from reader.cli import main


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_list_json_shows_both_seeds_with_titles(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--db", str(seeded_db), "list", "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert [set(d) for d in data] == [{"id", "title", "title_en", "script", "chars", "paragraphs", "annotations"}] * 2
    assert data[0]["title"].startswith("48小時") and data[0]["title_en"]
    assert data[1]["script"] == "simplified" and data[1]["paragraphs"] == 13


def test_first_use_imports_the_seeds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--db", str(tmp_path / "new.sqlite3"), "list"], capsys)
    assert code == 0
    assert out.count("\n") == 2 and "traditional" in out and "simplified" in out


def test_a_mistyped_db_path_is_said_to_be_a_new_library(seeded_db: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    typo = tmp_path / "libary.sqlite3"
    assert main(["--db", str(typo), "list"]) == 0
    err = capsys.readouterr().err
    assert f"there was no library at {typo}" in err and "new one was started" in err
    assert main(["--db", str(typo), "list"]) == 0  # the second time it is that library: nothing to say
    assert "no library" not in capsys.readouterr().err
    assert main(["--db", str(seeded_db), "list"]) == 0  # an existing library: nothing to say
    assert "no library" not in capsys.readouterr().err


def test_show_converts_traditional_seed_to_simplified(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--db", str(seeded_db), "show", "1", "--script", "simplified"], capsys)
    assert code == 0
    assert "联合国" in out and "聯合國" not in out


def test_show_json_shape_and_offsets(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--db", str(seeded_db), "show", "1", "--script", "simplified", "--pinyin", "marks", "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert {"id", "title", "script", "paragraphs"} <= set(data)
    par = data["paragraphs"][1]
    assert {"index", "kind", "start", "end", "text", "tokens"} <= set(par)
    tok = next(t for t in par["tokens"] if t["text"] == "联合国")
    assert tok["readings"] == ["lián", "hé", "guó"]
    assert tok["end"] - tok["start"] == 3
    for t in par["tokens"]:
        assert len(t["readings"]) == len(t["text"])
    assert data["paragraphs"][2]["kind"] == "heading"


def test_show_with_readings_in_plain_text(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--db", str(seeded_db), "show", "2", "--pinyin", "numbers"], capsys)
    assert code == 0 and "联合国[lian2 he2 guo2]" in out


def test_show_unknown_article_is_a_user_error(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["--db", str(seeded_db), "show", "99"], capsys)
    assert code == 1 and err.strip() == "error: there is no article with id 99"


def test_import_reports_new_and_existing_ids(seeded_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = tmp_path / "new.txt"
    new.write_text("今天我们学习中文。\n明天继续。", encoding="gb18030")
    code, out, _ = run(["--db", str(seeded_db), "import", str(new), str(SEED_SIMP), "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data[0]["id"] == 3 and data[0]["created"] is True
    assert data[1]["id"] == 2 and data[1]["created"] is False


def test_import_bad_file_exit_1_one_line(seeded_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "picture.txt"
    bad.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    code, _, err = run(["--db", str(seeded_db), "import", str(bad)], capsys)
    assert code == 1
    assert err.count("\n") == 1 and "not a text file" in err and "Traceback" not in err


def test_pinyin_json_one_entry_per_character(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("聯合國\n绿了, OK\n".encode())))
    code, out, _ = run(["pinyin", "--style", "numbers", "--json"], capsys)
    assert code == 0
    lines = [json.loads(x) for x in out.splitlines()]
    assert lines[0] == ["lian2", "he2", "guo2"]
    assert lines[1] == ["lv4", "le5", None, None, None, None]


def test_pinyin_zhuyin_plain(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("你好".encode())))
    code, out, _ = run(["pinyin", "--style", "zhuyin"], capsys)
    assert code == 0 and out.strip() == "ㄋㄧˇ ㄏㄠˇ"


def test_usage_error_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["show"])
    assert exc.value.code == 2


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, cmd in sub.choices.items():
        assert cmd.format_help().strip(), name
        assert sub._choices_actions, name


def test_main_py_pinyin_end_to_end() -> None:
    proc = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "pinyin", "--style", "numbers", "--json"],
        input="聯合國\n".encode(), capture_output=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout) == ["lian2", "he2", "guo2"]


def test_damaged_library_is_one_line_error(tmp_path: Path) -> None:
    db = tmp_path / "broken.sqlite3"
    db.write_bytes(b"garbage" * 100)
    proc = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "--db", str(db), "list"], capture_output=True, timeout=120,
    )
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert err.startswith("error:") and "Traceback" not in err and err.count("\n") == 1


def test_show_with_translation_pairs_every_paragraph(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--db", str(seeded_db), "show", "2", "--translation", "--json"], capsys)
    assert code == 0
    pars = json.loads(out)["paragraphs"]
    assert len(pars) == 13
    assert all(p["translation"] for p in pars)
    assert "66" in pars[0]["translation"]
    code, out, _ = run(["--db", str(seeded_db), "show", "1", "--translation"], capsys)
    assert code == 0 and "Bilingual Reader project translation" in out
    assert "(no translation)" not in out


def test_damage_found_mid_command_is_one_line(seeded_db: Path, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from reader.core.library import Library

    def broken(self, *a, **k):  # noqa: ANN001, ANN002, ANN003
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(Library, "list_articles", broken)
    code, _, err = run(["--db", str(seeded_db), "list"], capsys)
    assert code == 1
    assert err.startswith("error: ") and "is damaged" in err and "check --repair" in err and err.count("\n") == 1


def test_output_cut_short_by_a_pipe_is_not_an_error(seeded_db: Path) -> None:
    """`show 1 | head -1`: the reader stops reading early; the command ends quietly with exit 0."""
    proc = subprocess.Popen(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "--db", str(seeded_db), "show", "1", "--pinyin", "marks"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.read(64)
    proc.stdout.close()  # like `head`: stop reading
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0
    assert first and err == "", "no 'Broken pipe' error and no traceback"


def test_a_bug_in_a_command_is_one_line_and_the_details_are_logged(
    seeded_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, isolated_environment: Path,
) -> None:
    from reader.core.library import Library

    def broken(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        raise KeyError("revision")

    monkeypatch.setattr(Library, "list_articles", broken)
    code, out, err = run(["--db", str(seeded_db), "list"], capsys)
    assert code == 1 and out == ""
    assert err.startswith("error: unexpected problem (KeyError: 'revision')") and err.count("\n") == 1
    assert "Traceback" not in err
    log = isolated_environment / "data" / "logs" / "errors.log"
    assert str(log) in err
    assert "Traceback" in log.read_text(encoding="utf-8") and "broken" in log.read_text(encoding="utf-8")
