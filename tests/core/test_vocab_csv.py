"""CSV export of the vocabulary list: UTF-8 with BOM, header row, Chinese intact, every field."""
from __future__ import annotations

import csv
from pathlib import Path

from reader.core import vocabulary as vocab
from reader.core.export import vocab_csv
from reader.core.library import Library


def test_csv_opens_with_the_csv_module_and_keeps_the_chinese(library: Library, tmp_path: Path) -> None:
    body = library.revision_text(library.article(1).revision_id)
    start = body.index("聯合國安理會")
    un = vocab.add(library, "联合国", article_id=1, start=start, end=start + 3).entry
    known = vocab.add(library, "行", "hang2").entry
    vocab.mark_known(library, known.id)
    out = tmp_path / "words.csv"
    assert vocab_csv.export_csv(library, out) == 2

    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(vocab_csv.HEADER)
    first, second = rows
    assert first["simplified"] == "联合国" and first["traditional"] == "聯合國"
    assert first["pinyin"] == "lián hé guó" and first["reading"] == "lian2 he2 guo2"
    assert first["english"] == "United Nations" and first["hsk"] == "6" and first["known"] == "no"
    assert first["sentence"] == un.sentence and "“我不在乎聯合國,聯合國的意見無關緊要”" in first["sentence"]
    assert first["source"] == library.article(1).title
    assert (first["article_id"], first["start"], first["end"]) == ("1", str(start), str(start + 3))
    assert second["pinyin"] == "háng" and second["known"] == "yes" and second["source"] == ""
    assert "," in second["english"]  # commas inside a field survive quoting


def test_csv_of_unknown_words_only(library: Library, tmp_path: Path) -> None:
    vocab.add(library, "世界")
    vocab.mark_known(library, vocab.add(library, "年").entry.id)
    folder = tmp_path / "export"
    folder.mkdir()
    out = folder / "unknown.csv"
    assert vocab_csv.export_csv(library, out, known=False) == 1
    with out.open(encoding="utf-8-sig", newline="") as fh:
        assert [r["simplified"] for r in csv.DictReader(fh)] == ["世界"]
    assert [p.name for p in folder.iterdir()] == ["unknown.csv"]  # no temporary file left behind


def test_csv_carries_status_and_own_gloss_and_reads_back(library: Library, tmp_path: Path) -> None:
    from reader.core.glossary import set_gloss
    from reader.core.word_status import set_word_status

    set_gloss(library, "看見", translation="to see, \"catch sight of\"", note="Markdown *kept*\nsecond line", parent="看")
    set_word_status(library, "看见", "learning4")
    vocab.add(library, "世界")
    out = tmp_path / "words.csv"
    assert vocab_csv.export_csv(library, out) == 2
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(vocab_csv.HEADER)[-4:] == ["status", "translation", "note", "parent"]
    see, world = rows
    assert (see["simplified"], see["status"], see["parent"]) == ("看见", "learning4", "看")
    assert see["translation"] == 'to see, "catch sight of"' and see["note"] == "Markdown *kept*\nsecond line"
    assert (world["status"], world["translation"], world["note"], world["parent"]) == ("new", "", "", "")
