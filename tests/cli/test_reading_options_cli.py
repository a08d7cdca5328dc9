"""CLI reading options: pinyin, show, export and vocab export write spoken tones, Taiwan readings and neutral
tones as asked (--spoken/--citation, --standard, --neutral), by default as the library keeps the reader's choice."""
from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.core import reading_options
from reader.core.library import Library
from reader.core.reading_options import ReadingOptions

LINE = "他不是我的朋友，我们休息一个星期。"


def run(argv: list[str], capsys: pytest.CaptureFixture[str], stdin: str | None = None,
        monkeypatch: pytest.MonkeyPatch | None = None) -> tuple[int, str, str]:
    if stdin is not None and monkeypatch is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode())))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_pinyin_options_and_their_defaults(empty_db: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(empty_db)]
    code, out, _ = run([*db, "pinyin"], capsys, LINE, monkeypatch)
    assert code == 0
    assert "bù shì" in out and "xiū xi" in out and "yī ge" in out and "xīng qī" in out  # citation, Mainland
    _, out, _ = run([*db, "pinyin", "--spoken"], capsys, LINE, monkeypatch)
    assert "bú shì" in out and "yí ge" in out and "xiū xi " in out  # only the one option
    _, out, _ = run([*db, "pinyin", "--neutral", "required", "--standard", "taiwan"], capsys, LINE, monkeypatch)
    assert "bù shì" in out and "xiū xī" in out and "yī gè" in out and "xīng qí" in out and "péng you" in out
    _, out, _ = run([*db, "pinyin", "--spoken", "--style", "numbers", "--json"], capsys, "一天", monkeypatch)
    assert json.loads(out) == ["yi4", "tian1"]

    with Library.open(empty_db) as lib:  # the reader's choices, kept in the library by the reader window
        reading_options.store(lib, ReadingOptions("taiwan", True, "required"))
    _, out, _ = run([*db, "pinyin"], capsys, LINE, monkeypatch)
    assert "bú shì" in out and "xiū xī" in out and "xīng qí" in out
    _, out, _ = run([*db, "pinyin", "--citation", "--neutral", "dictionary", "--standard", "mainland"], capsys,
                    LINE, monkeypatch)
    assert "bù shì" in out and "xiū xi" in out and "xīng qī" in out  # flags win over the library


def test_pinyin_without_a_library_uses_the_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.sqlite3"
    code, out, _ = run(["--db", str(missing), "pinyin"], capsys, LINE, monkeypatch)
    assert code == 0 and "bù shì" in out
    assert not missing.exists()  # reading the defaults creates no library


def _article(db: Path, tmp_path: Path) -> str:
    source = tmp_path / "demo.txt"
    source.write_text(LINE + "\n", encoding="utf-8")
    with Library.open(db) as lib:
        aid = lib.import_file(source).article_id
        from reader.core.annotations import Annotations

        Annotations(lib).create(aid, 0, len(LINE), tags=["Claim"])
    return str(aid)


def test_show_and_export_follow_the_options(empty_db: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    aid = _article(empty_db, tmp_path)
    db = ["--db", str(empty_db)]
    _, out, _ = run([*db, "show", aid, "--pinyin", "marks"], capsys)
    assert "不是[bù shì]" in out and "休息[xiū xi]" in out
    _, out, _ = run([*db, "show", aid, "--pinyin", "marks", "--spoken", "--neutral", "required"], capsys)
    assert "不是[bú shì]" in out and "休息[xiū xī]" in out
    _, out, _ = run([*db, "show", aid, "--json", "--standard", "taiwan", "--pinyin", "numbers"], capsys)
    flat = [r for p in json.loads(out)["paragraphs"] for t in p["tokens"] for r in t["readings"]]
    assert flat[LINE.index("星期") + 1] == "qi2"

    md = tmp_path / "out.md"
    code, _, _ = run([*db, "export", aid, "--format", "md", "--pinyin", "marks", "-o", str(md), "--spoken"], capsys)
    assert code == 0 and "不是 (bú shì)" in md.read_text(encoding="utf-8")
    code, _, _ = run([*db, "export", aid, "--format", "html", "--pinyin", "marks", "-o", str(tmp_path / "o.html")],
                     capsys)
    page = (tmp_path / "o.html").read_text(encoding="utf-8")
    assert code == 0 and "<rt>bù</rt>" in page and "<rt>bú</rt>" not in page


def test_vocab_export_writes_the_chosen_pinyin(empty_db: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from reader.core import vocabulary

    with Library.open(empty_db) as lib:
        vocabulary.add(lib, "一样", "yi1 yang4")
    out = tmp_path / "words.csv"
    for flags, expected in (([], "yī yàng"), (["--spoken"], "yí yàng")):
        code, _, _ = run(["--db", str(empty_db), "vocab", "export", "--format", "csv", "-o", str(out), *flags], capsys)
        row = next(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
        assert code == 0 and row["pinyin"] == expected and row["reading"] == "yi1 yang4"


def test_screenshot_draws_the_chosen_readings(empty_db: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    aid = _article(empty_db, tmp_path)

    def rubies(*flags: str) -> list[str]:
        layout = tmp_path / "layout.json"
        code, _, _ = run(["--db", str(empty_db), "screenshot", aid, "-o", str(tmp_path / "shot.png"),
                          "--size", "800x400", "--layout-json", str(layout), *flags], capsys)
        assert code == 0 and (tmp_path / "shot.png").stat().st_size > 0
        data = json.loads(layout.read_text(encoding="utf-8"))
        return [g["ruby"] for line in data["lines"] for g in line["glyphs"] if g["ruby"]]

    assert "bùshì" in rubies() and "xiūxi" in rubies("--citation")
    chosen = rubies("--spoken", "--neutral", "required", "--script", "taiwan")
    assert "búshì" in chosen and "xiūxī" in chosen and "xīngqí" in chosen and "péngyou" in chosen


def test_pinyin_with_an_unusable_library_says_so_and_uses_the_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    other = tmp_path / "notes.sqlite3"
    other.write_bytes(b"not a database at all, just some words\n" * 20)
    code, out, err = run(["--db", str(other), "pinyin"], capsys, LINE, monkeypatch)
    assert code == 0 and "bù shì" in out
    assert err.count("\n") == 1 and "reading options not read from the library" in err
    assert other.read_bytes() == b"not a database at all, just some words\n" * 20  # left as it was
