"""Anki export: a valid .apkg with the right fields, stable ids and GUIDs, written atomically."""
from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from reader.core import vocabulary as vocab
from reader.core.errors import ReaderError
from reader.core.export import anki
from reader.core.library import Library


def read_apkg(path: Path, tmp_path: Path) -> tuple[list[dict[str, object]], dict, int]:
    """(notes as {field: value, 'guid', 'tags'}, the note type (with its '_decks'), number of cards)."""
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
        assert "collection.anki2" in zf.namelist()
        target = tmp_path / f"{path.stem}-collection.anki2"
        target.write_bytes(zf.read("collection.anki2"))
        assert json.loads(zf.read("media")) == {}
    with sqlite3.connect(target) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        models = json.loads(db.execute("SELECT models FROM col").fetchone()[0])
        model = next(iter(models.values()))
        model["_decks"] = {int(k): v["name"] for k, v in json.loads(db.execute("SELECT decks FROM col").fetchone()[0]).items()}
        names = [f["name"] for f in model["flds"]]
        notes = []
        for guid, mid, flds, tags in db.execute("SELECT guid, mid, flds, tags FROM notes ORDER BY id"):
            assert mid == int(model["id"])
            notes.append({**dict(zip(names, flds.split("\x1f"), strict=True)), "guid": guid, "tags": tags.split()})
        (cards,) = db.execute("SELECT COUNT(*) FROM cards").fetchone()
    return notes, model, cards


@pytest.fixture
def words(library: Library) -> Library:
    body = library.revision_text(library.article(1).revision_id)
    start = body.index("聯合國安理會")
    vocab.add(library, "联合国", article_id=1, start=start, end=start + 3)
    vocab.add(library, "世界")
    known = vocab.add(library, "霸权").entry
    vocab.mark_known(library, known.id)
    return library


def test_apkg_holds_one_note_per_word_with_the_right_fields(words: Library, tmp_path: Path) -> None:
    out = tmp_path / "vocab.apkg"
    assert anki.export_anki(words, out) == 3
    notes, model, cards = read_apkg(out, tmp_path)
    assert [f["name"] for f in model["flds"]] == list(anki.FIELDS)
    assert [t["name"] for t in model["tmpls"]] == ["Chinese → English", "English → Chinese"]
    assert cards == 6
    un = notes[0]
    assert (un["Simplified"], un["Traditional"], un["Reading"], un["English"]) == (
        "联合国", "聯合國", "lián hé guó", "United Nations")
    assert un["Example"].startswith("1月5日,在<b>聯合國</b>安理會一場")
    assert un["Example"].count("<b>") == 1 and un["Example"].endswith("無關緊要”。")
    assert un["Source"] == words.article(1).title
    assert un["tags"] == ["bilingual-reader", "HSK6"]
    world = notes[1]
    assert (world["Reading"], world["Example"], world["Source"]) == ("shì jiè", "", "")


def test_known_and_unknown_filters(words: Library, tmp_path: Path) -> None:
    assert anki.export_anki(words, tmp_path / "unknown.apkg", known=False) == 2
    notes, _, _ = read_apkg(tmp_path / "unknown.apkg", tmp_path)
    assert [n["Simplified"] for n in notes] == ["联合国", "世界"]
    assert anki.export_anki(words, tmp_path / "known.apkg", known=True) == 1


def test_reexport_keeps_model_deck_and_note_guids(words: Library, tmp_path: Path) -> None:
    anki.export_anki(words, tmp_path / "a.apkg", timestamp=1_700_000_000)
    vocab.add(words, "目睹")
    anki.export_anki(words, tmp_path / "b.apkg", timestamp=1_800_000_000)
    first, model_a, _ = read_apkg(tmp_path / "a.apkg", tmp_path)
    second, model_b, _ = read_apkg(tmp_path / "b.apkg", tmp_path)
    assert int(model_a["id"]) == int(model_b["id"]) == anki.MODEL_ID
    assert model_a["_decks"][anki.DECK_ID] == model_b["_decks"][anki.DECK_ID] == anki.DEFAULT_DECK
    assert [n["guid"] for n in second[:3]] == [n["guid"] for n in first]
    assert second[0]["guid"] == anki.note_guid("联合国", "lian2 he2 guo2")
    assert len({n["guid"] for n in second}) == 4
    assert anki.MODEL_ID == anki.stable_id("bilingual-reader/anki-model/vocabulary/v1")
    assert 1 << 30 <= anki.DECK_ID < 1 << 31 and anki.DECK_ID != anki.MODEL_ID


def test_example_is_escaped_and_only_the_word_is_bold(library: Library, tmp_path: Path) -> None:
    entry = vocab.add(library, "世界", sentence="<i>世界</i> & 你").entry
    fields = anki.note_fields(vocab.get(library, entry.id))
    assert fields[4] == "&lt;i&gt;<b>世界</b>&lt;/i&gt; &amp; 你"
    assert "'" in anki.note_fields(vocab.add(library, "行", "hang2").entry)[3]  # one's siblings, not &#x27;


def test_tone_colours_wrap_each_syllable(library: Library) -> None:
    assert anki.reading_html("lian2 he2 guo2", tone_colors=True) == (
        '<span class="tone2">lián</span> <span class="tone2">hé</span> <span class="tone2">guó</span>')
    assert anki.reading_html("le5 lv4") == "le lǜ"
    assert anki.reading_html("U pan2", tone_colors=True) == 'U <span class="tone2">pán</span>'


def test_writing_replaces_the_file_and_leaves_no_temporary_files(words: Library, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    out = folder / "deck.apkg"
    out.write_bytes(b"old")
    anki.export_anki(words, out)
    assert zipfile.is_zipfile(out)
    assert [p.name for p in folder.iterdir()] == ["deck.apkg"]


def test_writing_into_a_missing_folder_is_a_clear_error(words: Library, tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="does not exist"):
        anki.export_anki(words, tmp_path / "nowhere" / "deck.apkg")


def test_an_apkg_written_through_a_link_or_into_a_pipe_keeps_them(words: Library, tmp_path: Path) -> None:
    import os
    import stat

    (tmp_path / "synced").mkdir()
    link = tmp_path / "words.apkg"
    link.symlink_to(tmp_path / "synced" / "words.apkg")
    assert anki.export_anki(words, link) == 3
    assert link.is_symlink() and zipfile.is_zipfile(tmp_path / "synced" / "words.apkg")

    fifo = tmp_path / "pipe.apkg"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        assert anki.export_anki(words, fifo) == 3
        assert os.read(reader, 4) == b"PK\x03\x04"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_status_and_own_gloss_are_fields_and_read_back(words: Library, tmp_path: Path) -> None:
    from reader.core.glossary import set_gloss
    from reader.core.word_status import set_word_status

    anki.export_anki(words, tmp_path / "before.apkg", timestamp=1_700_000_000)
    set_gloss(words, "聯合國", translation="the UN <club>", note="line 1\n*line* 2", parent="国")
    set_word_status(words, "联合国", "3")
    anki.export_anki(words, tmp_path / "after.apkg", timestamp=1_800_000_000)
    before, model_before, _ = read_apkg(tmp_path / "before.apkg", tmp_path)
    notes, model, cards = read_apkg(tmp_path / "after.apkg", tmp_path)
    names = [f["name"] for f in model["flds"]]
    assert names[:6] == ["Simplified", "Traditional", "Reading", "English", "Example", "Source"], "old fields first"
    assert names[6:] == ["Translation", "Note", "Parent", "Status"]
    assert int(model["id"]) == int(model_before["id"]) == anki.MODEL_ID and model["name"] == model_before["name"]
    assert [n["guid"] for n in notes] == [n["guid"] for n in before], "the same notes: updated, not duplicated"
    un = notes[0]
    assert (un["Translation"], un["Note"], un["Parent"], un["Status"]) == (
        "the UN &lt;club&gt;", "line 1<br>*line* 2", "国", "learning 3")
    assert (notes[1]["Translation"], notes[1]["Status"]) == ("", "new")
    assert notes[2]["Status"] == "known" and cards == 6
    back = next(t["afmt"] for t in model["tmpls"] if t["name"] == "Chinese → English")
    assert back.index("{{Translation}}") < back.index("{{English}}"), "your translation first on the back"
