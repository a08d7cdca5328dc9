"""Tests for the CC-CEDICT dictionary index and HSK levels (core layer)."""
from __future__ import annotations

import gzip
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core import dictionary as dictionary_module
from reader.core.dictionary import Dictionary, DictionaryUnavailable, ensure_index, normalise_reading

SMALL_CEDICT = """\
# CC-CEDICT
# Community maintained free Chinese-English dictionary.
#! date=2000-01-01T00:00:00Z
#! entries=6
行 行 [hang2] /row; line/profession/
行 行 [xing2] /to walk; to go/OK!/
還 还 [Huan2] /surname Huan/
還 还 [hai2] /still/yet/
這是壞行 this line is not an entry
綠 绿 [lu:4] /green/
錄 录 [lu4] /to record/
"""


@pytest.fixture(scope="session")
def dictionary(shared_cache_dir: Path) -> Iterator[Dictionary]:
    """The shipped dictionary, indexed once per session in the suite's temporary cache folder."""
    with Dictionary(ensure_index(cache=shared_cache_dir)) as opened:
        yield opened


@pytest.fixture
def small_data(tmp_path: Path) -> Path:
    path = tmp_path / "small_cedict.u8.gz"
    path.write_bytes(gzip.compress(SMALL_CEDICT.encode("utf-8")))
    return path


# ------------------------------------------------------------------------------------ the shipped data


def test_lookup_gives_senses_and_tone3_reading(dictionary: Dictionary) -> None:
    entries = dictionary.lookup("退出")
    assert entries
    assert entries[0].reading == "tui4 chu1"
    assert any("to withdraw" in sense for sense in entries[0].senses)


def test_polyphone_lists_every_reading_usual_one_first(dictionary: Dictionary) -> None:
    readings = [entry.reading for entry in dictionary.lookup("行")]
    assert {"hang2", "xing2"} <= set(readings)
    assert readings[0] == "xing2"  # CC-CEDICT lists háng first; the usual reading leads
    assert {"chang2", "zhang3"} <= {entry.reading for entry in dictionary.lookup("长")}


def test_traditional_input_finds_the_same_entry(dictionary: Dictionary) -> None:
    [entry] = dictionary.lookup("聯合國")
    assert (entry.simplified, entry.traditional) == ("联合国", "聯合國")
    assert entry.reading == "lian2 he2 guo2"  # CC-CEDICT writes Lian2: lowercased, flagged as a name
    assert entry.proper_noun
    assert "United Nations" in entry.senses
    assert dictionary.lookup("联合国") == [entry]


def test_surname_and_variant_entries_come_after_common_ones(dictionary: Dictionary) -> None:
    entries = dictionary.lookup("还")
    assert entries[0].reading == "hai2"
    assert entries[-1].senses == ["surname Huan"]
    senses = [entry.senses for entry in dictionary.lookup("干")]
    variants = [i for i, s in enumerate(senses) if all("variant of" in sense for sense in s)]
    others = [i for i, s in enumerate(senses) if not all("variant of" in sense for sense in s)]
    assert variants and max(others) < min(variants)


def test_absent_words_give_nothing(dictionary: Dictionary) -> None:
    assert dictionary.lookup("不存在的詞語呀") == []
    assert dictionary.lookup("") == []
    assert dictionary.hsk_level("不存在的詞語呀") is None


def test_longest_match_takes_the_longest_headword(dictionary: Dictionary) -> None:
    text = "联合国安理会开会。"
    length, entries = dictionary.longest_match(text, 0)
    assert length == 3
    assert entries and all(entry.simplified == "联合国" for entry in entries)
    length, entries = dictionary.longest_match(text, 3)
    assert (length, entries[0].simplified) == (3, "安理会")
    assert dictionary.longest_match(text, 1, max_len=1)[0] == 1  # 合 alone is a word too
    assert dictionary.longest_match(text, len(text) - 1) == (0, [])  # 。 is no headword
    assert dictionary.longest_match(text, len(text)) == (0, [])


def test_longest_match_in_traditional_text(dictionary: Dictionary) -> None:
    length, entries = dictionary.longest_match("我們在聯合國", 3)
    assert length == 3 and entries[0].traditional == "聯合國"


def test_readings_of_a_character(dictionary: Dictionary) -> None:
    assert dictionary.readings_of("行")[:1] == ["xing2"]
    assert {"xing2", "hang2"} <= set(dictionary.readings_of("行"))
    assert dictionary.readings_of("女")[0] == "nv3"  # ü is written v
    assert dictionary.readings_of("了")[0] == "le5"  # neutral tone is 5
    assert dictionary.readings_of("行行") == []


def test_hsk_levels(dictionary: Dictionary) -> None:
    assert dictionary.hsk_level("你好") == 1
    assert dictionary.lookup("你好")[0].hsk == 1
    assert dictionary.hsk_level("銀行") == dictionary.hsk_level("银行") == 3  # traditional via simplified
    assert dictionary.hsk_level("一丝不苟") == 7  # the 7-9 band
    assert dictionary.lookup("聯合國")[0].hsk == dictionary.hsk_level("联合国") is not None
    huan = dictionary.lookup("还")
    assert huan[0].hsk == 1 and huan[-1].senses == ["surname Huan"] and huan[-1].hsk is None


def test_index_records_its_source(dictionary: Dictionary) -> None:
    assert dictionary.meta["cedict_date"].startswith("20")
    assert int(dictionary.meta["entries"]) > 100_000
    assert dictionary.meta["skipped_lines"] == "0"


# ------------------------------------------------------------------------- parsing and index building


def test_normalise_reading() -> None:
    assert normalise_reading("lu:4 se4") == ("lv4 se4", False)
    assert normalise_reading("Lu:3 Xun4") == ("lv3 xun4", True)
    assert normalise_reading("lu:e4") == ("lve4", False)
    assert normalise_reading("san1 D da3 yin4") == ("san1 D da3 yin4", False)


def test_small_file_builds_and_skips_malformed_lines(small_data: Path, tmp_path: Path) -> None:
    with Dictionary(ensure_index(small_data, cache=tmp_path / "cache")) as small:
        assert small.meta["skipped_lines"] == "1"
        assert [e.reading for e in small.lookup("行")] == ["xing2", "hang2"]
        assert [e.senses for e in small.lookup("還")] == [["still", "yet"], ["surname Huan"]]
        assert small.lookup("绿")[0].reading == "lv4"
        assert small.lookup("這是壞行") == []


def test_missing_index_is_rebuilt(small_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dictionary_module, "DATA_PATH", small_data)
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    first = Dictionary.open_default()
    path = first.path
    first.close()
    assert path.parent == tmp_path / "cache" and path.exists()
    path.unlink()
    with Dictionary.open_default() as again:
        assert again.path == path and path.exists()
        assert again.lookup("行")[0].senses == ["to walk; to go", "OK!"]


def test_damaged_index_is_rebuilt(small_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dictionary_module, "DATA_PATH", small_data)
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    path = ensure_index()
    path.write_bytes(b"not a database at all" * 100)
    with Dictionary.open_default() as repaired:
        assert repaired.lookup("还")[0].reading == "hai2"


def test_new_data_file_gets_a_new_index(small_data: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    old = ensure_index(small_data, cache=cache)
    small_data.write_bytes(gzip.compress((SMALL_CEDICT + "新 新 [xin1] /new/\n").encode("utf-8")))
    new = ensure_index(small_data, cache=cache)
    assert new != old
    with Dictionary(new) as updated:
        assert updated.lookup("新")[0].senses == ["new"]


def test_failed_build_leaves_no_index(small_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    cache = tmp_path / "cache"
    monkeypatch.setattr(dictionary_module, "_prefer_usual_readings", crash)
    with pytest.raises(DictionaryUnavailable, match="disk I/O error"):
        ensure_index(small_data, cache=cache)
    assert os.listdir(cache) == []


def test_concurrent_builders_produce_one_whole_index(small_data: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    results: list[Path] = []
    errors: list[BaseException] = []

    def build() -> None:
        try:
            results.append(ensure_index(small_data, cache=cache))
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=build) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(set(results)) == 1
    assert [p.name for p in cache.iterdir()] == [results[0].name]
    with Dictionary(results[0]) as built:
        assert len(built.lookup("行")) == 2


def test_missing_data_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryUnavailable, match="not found"):
        ensure_index(tmp_path / "absent.u8.gz", cache=tmp_path)
