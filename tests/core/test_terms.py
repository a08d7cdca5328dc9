"""Terms and splits: segmentation honours them in both scripts, readings follow, only the paragraphs that
contain the changed string are recomputed, undo, another process, and the JSON file that carries them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core import schema, terms
from reader.core.annotations import Annotations
from reader.core.errors import ImportFailed, ReaderError
from reader.core.importers.plaintext import parse_text
from reader.core.library import Library
from reader.core.pipeline import UserWords, analyse_many, segment_for_reading

# 陈小华 is a name the segmenter runs into the next word (陈小华去); 研究生 is a word it joins.
SIMP = "陈小华去了东京。\n\n他是研究生。\n\n今天天气很好。"
TRAD = "陳小華去了東京。\n\n他是研究生。\n\n今天天氣很好。"


def _article(lib: Library, text: str) -> tuple[int, int]:
    result = lib.import_parsed(parse_text(text), title="t")
    return result.article_id, result.revision_id


def _words(lib: Library, revision_id: int) -> list[list[str]]:
    toks = lib.tokens(revision_id)
    return [[t.text for t in toks[i]] for i in sorted(toks)]


def test_segmentation_without_and_with_user_words() -> None:
    assert segment_for_reading("陈小华去了东京。")[0][0] == "陈小华去", "positive control: the segmenter joins the name"
    user = UserWords(terms={"陈小华": None}, splits={"研究生": (2, 1)})
    assert segment_for_reading("陈小华去了东京。", user)[0][:2] == ["陈小华", "去"]
    assert segment_for_reading("他是研究生。")[0] == ["他", "是", "研究生", "。"]
    assert segment_for_reading("他是研究生。", user)[0] == ["他", "是", "研究", "生", "。"]
    # A split only forces its cut: the rest is segmented as usual (研究|生命, not 研究|生|命).
    assert segment_for_reading("研究生命", user)[0] == ["研究", "生命"]
    # Traditional text: matched in its simplified form, words carried back to the author's characters.
    assert segment_for_reading("陳小華去了", user)[0][:2] == ["陳小華", "去"]
    # A term wins over a split's cut inside it.
    both = UserWords(terms={"研究生院": None}, splits={"研究生": (2, 1)})
    assert segment_for_reading("研究生院", both)[0] == ["研究生院"]
    # Without user words the pipeline is unchanged.
    assert analyse_many(["陈小华去了东京。"], None, UserWords()) == analyse_many(["陈小华去了东京。"])


def test_a_terms_own_reading_wins_in_both_scripts() -> None:
    user = UserWords(terms={"单于": ("chan2", "yu2"), "曾国藩": ("zeng1", "guo2", "fan1")})
    simp, trad = analyse_many(["单于来了", "單于來了"], None, user)
    assert simp[0].text == "单于" and simp[0].readings == ["chan2", "yu2"]
    assert trad[0].text == "單于" and trad[0].readings == ["chan2", "yu2"]
    odd = UserWords(terms={"单于": ("shan4", "yu2")})
    assert analyse_many(["单于来了"], None, odd)[0][0].readings == ["shan4", "yu2"]


def test_adding_a_term_applies_to_every_article_in_both_scripts(empty_library: Library) -> None:
    lib = empty_library
    _, simp = _article(lib, SIMP)
    _, trad = _article(lib, TRAD)
    assert _words(lib, simp)[0][0] == "陈小华去" and _words(lib, trad)[0][0] == "陳小華去"
    edit = terms.add_term(lib, "陳小華", "chén xiǎo huá")  # made in the Traditional text
    assert terms.list_terms(lib) == [terms.Term("陈小华", "chen2 xiao3 hua2")]
    assert _words(lib, simp)[0][:2] == ["陈小华", "去"]
    assert _words(lib, trad)[0][:2] == ["陳小華", "去"]
    assert lib.tokens(trad)[0][0].readings == ["chen2", "xiao3", "hua2"]
    assert not edit.noop and edit.label == "make 陈小华 one term"


def test_a_split_cuts_the_word_and_readings_follow(empty_library: Library) -> None:
    lib = empty_library
    _, rev = _article(lib, SIMP)
    assert ["研究生"] == [w for w in _words(lib, rev)[1] if w.startswith("研")]
    terms.add_split(lib, "研究生", ["研究", "生"])
    toks = lib.tokens(rev)[1]
    assert [t.text for t in toks] == ["他", "是", "研究", "生", "。"]
    assert [t.readings for t in toks[2:4]] == [["yan2", "jiu1"], ["sheng1"]]


def test_only_paragraphs_containing_the_string_lose_their_cached_readings(empty_library: Library) -> None:
    lib = empty_library
    aid, rev = _article(lib, SIMP)
    _, trad = _article(lib, TRAD)
    lib.tokens(rev), lib.tokens(trad)
    assert lib.cached_paragraphs(rev) == {0, 1, 2} and lib.cached_paragraphs(trad) == {0, 1, 2}
    edit = terms.add_term(lib, "陈小华")
    assert lib.cached_paragraphs(rev) == {1, 2}, "only the paragraph with the name is read again"
    assert lib.cached_paragraphs(trad) == {1, 2}, "its Traditional form too"
    assert aid in edit.changed.articles
    lib.tokens(rev)
    terms.add_split(lib, "研究生", ["研究", "生"])
    assert lib.cached_paragraphs(rev) == {0, 2}
    lib.tokens(rev)
    terms.add_term(lib, "不在文中")  # a term no article contains: nothing is read again
    assert lib.cached_paragraphs(rev) == {0, 1, 2}


def test_undo_and_redo(empty_library: Library) -> None:
    lib = empty_library
    _, rev = _article(lib, SIMP)
    lib.tokens(rev)
    edit = terms.add_term(lib, "陈小华")
    assert _words(lib, rev)[0][0] == "陈小华"
    edit.undo()
    assert terms.list_terms(lib) == [] and _words(lib, rev)[0][0] == "陈小华去"
    edit.redo()
    assert terms.list_terms(lib) == [terms.Term("陈小华", None)] and _words(lib, rev)[0][0] == "陈小华"
    # Splitting a term replaces it; undo brings the term back.
    split = terms.add_split(lib, "陈小华", ["陈", "小华"])
    assert terms.list_terms(lib) == [] and terms.list_splits(lib) == [terms.Split("陈小华", ("陈", "小华"))]
    split.undo()
    assert terms.list_terms(lib) == [terms.Term("陈小华", None)] and terms.list_splits(lib) == []
    gone = terms.delete(lib, "陳小華")
    assert terms.list_terms(lib) == [] and _words(lib, rev)[0][0] == "陈小华去"
    gone.undo()
    assert _words(lib, rev)[0][0] == "陈小华"
    assert terms.add_term(lib, "陈小华").noop, "the same term again changes nothing"


def test_annotations_are_unaffected(empty_library: Library) -> None:
    lib = empty_library
    aid, rev = _article(lib, SIMP)
    ann = Annotations(lib).create(aid, 1, 5).annotation  # 小华去了
    terms.add_term(lib, "陈小华")
    again = Annotations(lib).get(ann.id)
    assert (again.start, again.end, again.exact) == (1, 5, "小华去了")


def test_bad_input_gets_one_clear_line_and_writes_nothing(empty_library: Library) -> None:
    lib = empty_library
    for text, reading, message in [("王", None, "at least two"), ("王 小明", None, "spaces"),
                                   ("王小明", "wang2", "3 Chinese characters"), ("王小明", "wang2 ?? ming2", "bad reading")]:
        with pytest.raises(ReaderError, match=message):
            terms.add_term(lib, text, reading)
    with pytest.raises(ReaderError, match="do not spell"):
        terms.add_split(lib, "研究生", ["研究", "所"])
    with pytest.raises(ReaderError, match="neither"):
        terms.delete(lib, "研究生")
    assert terms.list_terms(lib) == [] and terms.list_splits(lib) == []


def test_another_process_sees_a_term_and_stale_readings_are_not_cached(empty_db: Path) -> None:
    with Library.open(empty_db) as reader, Library.open(empty_db) as other:
        _, rev = _article(reader, SIMP)
        reader.tokens(rev)
        terms.add_term(other, "陈小华")
        assert reader.cached_paragraphs(rev) == {1, 2}
        assert [t.text for t in reader.tokens(rev)[0]][:2] == ["陈小华", "去"]
        # A batch computed while another process changes the terms is computed again, not cached stale.
        real = reader.user_words
        calls = []

        def racing() -> tuple:
            found = real()
            if not calls:
                terms.delete(other, "陈小华")
            calls.append(found)
            return found

        reader.user_words = racing  # type: ignore[method-assign]
        lib_pars = reader.paragraphs(rev)
        reader.conn.execute("DELETE FROM tokens_cache")
        got = reader.tokens(rev, lib_pars)
        assert len(calls) == 2 and got[0][0].text == "陈小华去"
        del reader.user_words
        assert [t.text for t in reader.cached_tokens(rev, lib_pars)[0]][0] == "陈小华去"


def test_export_and_import_round_trip(empty_library: Library, tmp_path: Path) -> None:
    lib = empty_library
    terms.add_term(lib, "陈小华", "chen2 xiao3 hua2")
    terms.add_split(lib, "研究生", ["研究", "生"])
    path = tmp_path / "terms.json"
    assert terms.write_export(lib, path) == (1, 1)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["terms"] == [{"text": "陈小华", "reading": "chen2 xiao3 hua2"}]
    with Library.open(tmp_path / "other.sqlite3") as other:
        result = terms.import_file(other, path)
        assert (result.added, result.changed, result.unchanged) == (2, 0, 0)
        assert terms.export_json(other) == terms.export_json(lib)
        again = terms.import_file(other, path)
        assert (again.added, again.changed, again.unchanged) == (0, 0, 2) and again.edit.noop
        result.edit.undo()
        assert terms.list_terms(other) == [] and terms.list_splits(other) == []


@pytest.mark.parametrize("doc, message", [
    ({"format": "other", "version": 1}, "not a terms file"),
    ({"format": terms.FORMAT, "version": 99}, "newer version"),
    ({"format": terms.FORMAT, "version": 1, "terms": [{"text": "陈小华"}, {"text": "王"}]}, "term 2.*two"),
    ({"format": terms.FORMAT, "version": 1, "splits": [{"word": "研究生", "parts": ["研究", "所"]}]}, "split 1"),
    ({"format": terms.FORMAT, "version": 1, "terms": [{"text": 5}]}, "must be text"),
])
def test_a_bad_terms_file_is_refused_whole(empty_library: Library, tmp_path: Path, doc: dict, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ImportFailed, match=message):
        terms.import_file(empty_library, path)
    assert terms.list_terms(empty_library) == [], "nothing half-written"
    (tmp_path / "dir.json").mkdir()
    with pytest.raises(ImportFailed):
        terms.import_file(empty_library, tmp_path / "dir.json")


def test_migration_makes_the_tables(empty_library: Library) -> None:
    names = {r[0] for r in empty_library.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"terms", "word_splits"} <= names
    assert any(m.version == 8 for m in schema.MIGRATIONS) and empty_library.schema_version >= 8


def test_readings_as_people_type_them() -> None:
    for typed in ("wang2 xiao3 ming2", "Wáng Xiǎo Míng", "wang2xiao3ming2", "wáng'xiǎo'míng"):
        assert terms.parse_reading(typed, "王小明") == "wang2 xiao3 ming2", typed
    assert terms.parse_reading("xiè xie", "谢谢") == "xie4 xie5", "no tone: the neutral tone"
    assert terms.parse_reading("lü4 se4", "绿色") == "lv4 se4"
    assert terms.parse_reading(" ", "王小明") is None
    with pytest.raises(ReaderError, match="1 syllables"):
        terms.parse_reading("wángxiǎomíng", "王小明")
