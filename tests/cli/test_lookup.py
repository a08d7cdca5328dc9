"""Tests for the `lookup` command (cli layer): JSON and human output, and unknown words."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import reader.cli
from reader.cli import main


@pytest.fixture(autouse=True)
def dictionary_cache(shared_cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The dictionary index lives in the suite's temporary cache folder, built once per session."""
    monkeypatch.setenv("READER_CACHE_DIR", str(shared_cache_dir))
    return shared_cache_dir


def test_lookup_json_lists_senses(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "退出", "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert entries[0]["simplified"] == "退出"
    assert entries[0]["reading"] == "tui4 chu1"
    assert any("to withdraw" in sense for sense in entries[0]["senses"])
    assert set(entries[0]) == {"simplified", "traditional", "reading", "senses", "hsk"}


def test_lookup_json_lists_every_reading(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "行", "--json"]) == 0
    readings = [entry["reading"] for entry in json.loads(capsys.readouterr().out)]
    assert "hang2" in readings and "xing2" in readings


def test_lookup_human_output_from_traditional(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "聯合國"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("聯合國 联合国 [lián hé guó] HSK ")
    assert out.rstrip().endswith(": United Nations")


def test_lookup_human_output_shows_hsk_and_tone_marks(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "你好"]) == 0
    assert capsys.readouterr().out.startswith("你好 [nǐ hǎo] HSK 1: hello")


def test_unknown_word_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "不存在的詞語呀"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == "error: no entry for '不存在的詞語呀'"


def test_unknown_word_json_is_empty_array(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "不存在的詞語呀", "--json"]) == 1
    assert json.loads(capsys.readouterr().out) == []


def test_lookup_is_a_registered_command() -> None:
    assert "reader.cli.dictionary_cmd" in reader.cli.COMMAND_MODULES
    assert "lookup" in reader.cli.build_parser().format_help()
