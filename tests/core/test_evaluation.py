"""The pinyin accuracy harness on a tiny CPP-format split: exact figures, clear errors, the CLI command."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main as cli_main
from reader.core.evaluation import EvaluationError, evaluate, normalise_reading, read_split

MARK = "\u2581"

# 长 twice with two different readings (the hard slice), 率 once with a CC-CEDICT ü spelling.
SENTENCES = [f"这条路很{MARK}长{MARK}。", f"他{MARK}长{MARK}大了。", f"工作效{MARK}率{MARK}很高。"]
LABELS = ["chang2", "zhang3", "lu:4"]


def write_split(folder: Path, sentences: list[str], labels: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tiny.sent").write_text("\n".join(sentences) + "\n", encoding="utf-8")
    (folder / "tiny.lb").write_text("\n".join(labels) + "\n", encoding="utf-8")
    return folder


@pytest.fixture()
def split(tmp_path: Path) -> Path:
    return write_split(tmp_path / "cpp", SENTENCES, LABELS)


def test_reads_the_cpp_format(split: Path) -> None:
    items = read_split(split)
    assert [(i.text, i.index, i.label) for i in items] == [
        ("这条路很长。", 4, "chang2"), ("他长大了。", 1, "zhang3"), ("工作效率很高。", 3, "lv4"),
    ]
    assert normalise_reading("lu:4") == normalise_reading("lü4") == "lv4"


def test_reports_exact_accuracy_for_ours_and_pypinyin(split: Path) -> None:
    report = evaluate(split)
    assert (report.sentences, report.hard_sentences) == (3, 2)
    ours, baseline, model = report.scores
    assert model.name == "g2pM" and model.total == 3
    assert (ours.name, ours.correct, ours.total, ours.hard_correct, ours.hard_total) == ("ours", 3, 3, 2, 2)
    # pypinyin alone reads the one-character word 长 in 很长 as zhang3.
    assert (baseline.name, baseline.correct, baseline.hard_correct) == ("pypinyin", 2, 1)
    assert baseline.accuracy == pytest.approx(2 / 3) and baseline.hard_accuracy == pytest.approx(1 / 2)
    assert ours.load_seconds >= 0 and ours.sentences_per_second > 0


def test_limit_keeps_the_hard_slice_of_the_whole_split(split: Path) -> None:
    report = evaluate(split, limit=1)
    assert report.sentences == 1 and report.hard_sentences == 1
    assert report.scores[1].correct == 0


@pytest.mark.parametrize(
    ("sentences", "labels", "message"),
    [
        (["这条路很长。"], ["chang2"], "line 1: expected one character between two"),
        ([f"很{MARK}长{MARK}", f"很{MARK}长{MARK}"], ["chang2"], "has 2 lines but tiny.lb has 1"),
        ([f"很{MARK}长{MARK}", f"很{MARK}长{MARK}"], [" ", "chang2"], "tiny.lb line 1: empty label"),
    ],
)
def test_malformed_split_gives_a_clear_error(tmp_path: Path, sentences: list[str], labels: list[str],
                                             message: str) -> None:
    folder = write_split(tmp_path / "bad", sentences, labels)
    with pytest.raises(EvaluationError, match=message):
        read_split(folder)


def test_cli_prints_json(split: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["eval-pinyin", str(split), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    ours, baseline, model = data["scores"]
    assert model["name"] == "g2pM"
    assert ours["accuracy"] == 1.0 and baseline["correct"] == 2
    assert data["hard_sentences"] == 2


def test_cli_table_and_mistakes(split: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["eval-pinyin", str(split), "--mistakes"]) == 0
    out = capsys.readouterr().out
    assert "100.00% 3/3" in out and "66.67% 2/3" in out and "0 mistakes (ours)" in out


def test_cli_missing_folder_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["eval-pinyin", str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: not a folder:") and err.count("\n") == 1
