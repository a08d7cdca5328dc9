"""CLI: every command that takes an id refuses one out of SQLite's range in one line (no OverflowError)."""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.cli.ids import MAX_ID

HUGE = "1234567890123456789012345678901234567890"  # 40 digits: beyond SQLite's 64-bit integers

# Each command that takes an id, with ID where it goes.
COMMANDS = {
    "show": ["show", "ID"],
    "annotate": ["annotate", "ID", "--start", "0", "--end", "1"],
    "annotations": ["annotations", "ID"],
    "unannotate": ["unannotate", "ID"],
    "confirm": ["confirm", "ID"],
    "revise": ["revise", "ID", "FILE"],
    "export": ["export", "ID", "--format", "md", "-o", "-"],
    "translate": ["translate", "ID", "FILE"],
    "vocab add --article": ["vocab", "add", "中国", "--article", "ID"],
    "class handout": ["class", "handout", "ID", "-o", "OUT"],
    "class handin": ["class", "handin", "ID", "-o", "OUT"],
    "class report": ["class", "report", "ID"],
    "screenshot": ["screenshot", "ID", "-o", "OUT"],
    "screenshot --annotation": ["screenshot", "1", "--annotation", "ID", "-o", "OUT"],
}


def argv_for(name: str, value: str, db: Path, tmp_path: Path) -> list[str]:
    text = tmp_path / "text.txt"
    text.write_text("第一段。\n", encoding="utf-8")
    swap = {"ID": value, "FILE": str(text), "OUT": str(tmp_path / "out.bin")}
    return ["--db", str(db), *[swap.get(a, a) for a in COMMANDS[name]]]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_too_large_id_is_a_one_line_usage_error(name: str, seeded_db: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv_for(name, HUGE, seeded_db, tmp_path))
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    last = err.strip().splitlines()[-1]
    assert "id out of range: 12345678901234567890…" in last, err
    assert "OverflowError" not in err and "Traceback" not in err
    assert not (tmp_path / "out.bin").exists()


@pytest.mark.parametrize("value", ["0", "-3", "abc", "9" * 5000])
def test_other_bad_ids_are_usage_errors(value: str, seeded_db: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv_for("show", value, seeded_db, tmp_path))
    assert exit_info.value.code == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert "not an id" in last or "id out of range" in last
    assert len(last) < 200


@pytest.mark.parametrize("name", ["show", "annotations", "unannotate", "confirm", "export", "class report", "translate"])
def test_largest_id_is_looked_up_and_not_found(name: str, seeded_db: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code = main(argv_for(name, str(MAX_ID), seeded_db, tmp_path))
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("error: ") and "no " in err and str(MAX_ID) in err and err.count("\n") == 1, err


def test_positive_control_a_real_id_works(seeded_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv_for("annotations", "+2", seeded_db, tmp_path)) == 0
    assert main(argv_for("show", " 2 ", seeded_db, tmp_path)) == 0
    assert "联合国" in capsys.readouterr().out
