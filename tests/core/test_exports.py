"""Exports: HTML, CSV and W3C JSON against reference files; HTML safety; the W3C round trip and re-import."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest
from testdata import DATA

from reader.core.annotation_import import import_annotations, import_w3c_file
from reader.core.annotations import Annotations
from reader.core.errors import ImportFailed
from reader.core.export import export_all, render_articles
from reader.core.export.w3c import CONTEXT, NS, parse_document
from reader.core.library import Library
from reader.core.untrusted import InvalidData, load_json

REFERENCES = {"html": DATA / "export_seed1.html", "csv": DATA / "export_seed1.csv", "json": DATA / "export_seed1.json"}


def make_fixture(lib: Library) -> dict[str, int]:
    """Four highlights on the Traditional seed by two readers, with fixed uuids and times; one orphaned."""
    anns = Annotations(lib)
    text = lib.revision_text(lib.article(1).revision_id)

    def mark(quote: str, **kw: object) -> int:
        start = text.index(quote)
        return anns.create(1, start, start + len(quote), **kw).annotation.id  # type: ignore[arg-type]

    ids = {
        "un": mark("我不在乎聯合國,聯合國的意見無關緊要", tags=["Claim", "Stance/Disagree"], author="Lin",
                   note="**Dismissive** on purpose: [UN Charter](https://www.un.org/en/about-us/un-charter).\n\n"
                        "- said in public\n- <script>alert(1)</script> [bad](javascript:alert(1))"),
        "memo": mark("簽署總統備忘錄", tags=["Evidence", "待核實"], author="Mei", note="Check: <b>66</b> or 65?"),
        "blitz": mark("外交“閃電戰”", tags=["Question"], author="Lin", color="#aa5500"),
        "end": mark("又將把世界帶向何方?", tags=["Neutral"], author="Mei", note="Left open."),
    }
    anns.set_tags(ids["blitz"], ["Question", "Opinion"])
    for n, (_, ann_id) in enumerate(sorted(ids.items())):
        uid = f"00000000-0000-4000-8000-{n:012d}"
        old = anns.get(ann_id).uuid
        stamp = f"2026-02-0{n + 1}T09:00:00.000+00:00"
        with lib.transaction():
            lib.conn.execute("UPDATE annotations SET uuid = ?, created = ?, updated = ? WHERE id = ?",
                             (uid, stamp, stamp, ann_id))
            lib.conn.execute("UPDATE tag_history SET annotation_uuid = ?, at = ?, author = 'Lin' WHERE annotation_uuid = ?",
                             (uid, stamp, old))
            lib.conn.execute("UPDATE annotation_tags SET created = ? WHERE annotation_id = ?", (stamp, ann_id))
    edited = text.replace("又將把世界帶向何方?", "")
    from reader.core.importers.plaintext import parse_text

    anns.revise(1, parse_text(edited))
    return ids


@pytest.mark.parametrize("fmt", ["html", "csv", "json"])
def test_export_of_the_annotated_seed_matches_the_reference(library: Library, tmp_path: Path, fmt: str) -> None:
    make_fixture(library)
    target = tmp_path / f"notes.{fmt}"
    text = render_articles(library, [1], fmt)
    from reader.core.export import write_atomic

    write_atomic(target, text)
    produced = target.read_bytes()
    if os.environ.get("READER_REGENERATE_EXPORTS"):
        REFERENCES[fmt].write_bytes(produced)
    assert produced == REFERENCES[fmt].read_bytes()


def test_html_is_self_contained_and_user_text_is_inert(library: Library) -> None:
    make_fixture(library)
    page = render_articles(library, [1], "html")
    assert "<script" not in page and "javascript:" not in page  # neither the note's script nor its link
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;66&lt;/b&gt;" in page
    assert '<a href="https://www.un.org/en/about-us/un-charter" rel="noreferrer noopener">UN Charter</a>' in page
    assert "&lt;/script&gt; bad</li>" in page  # the javascript: link kept only its text
    for resource in ("src=", "<link", "@import", "url("):
        assert resource not in page
    assert "default-src 'none'" in page
    assert page.count('<section class="highlight"') == 4 and "<h2>Orphaned highlights</h2>" in page
    assert 'class="chip" style="--c:#e06666"' in page and "Disagree 反對" in page  # chip in the tag colour


def test_html_quotes_carry_ruby_readings(library: Library) -> None:
    make_fixture(library)
    page = render_articles(library, [1], "html", script="simplified", pinyin="marks")
    assert "<rt>lián</rt>" in page and "<ruby>" in page
    # one <ruby> per word, each character with its own reading, so syllables never run together
    assert "<ruby><rb>联</rb><rp>(</rp><rt>lián</rt><rp>)</rp><rb>合</rb><rp>(</rp><rt>hé</rt><rp>)</rp>" in page
    assert "</rt></ruby><ruby><rb>" in page or "</rt><rp>)</rp></ruby>" in page, "words are separate rubies"
    assert "rt:first-of-type{padding-left:.3em}" in page, "words stand further apart than their syllables"
    assert "rb{padding:0 .16em}" in page, "every base character gets the same room, so a wide reading spreads less"
    assert "text-align:justify" in page and "line-break:strict" in page
    assert '<html lang="zh-Hans">' in page


def test_csv_has_a_bom_one_row_per_annotation_and_defused_formulas(library: Library) -> None:
    make_fixture(library)
    Annotations(library).create(2, 0, 4, note="=HYPERLINK(\"http://x\")", author="Eve")
    text = render_articles(library, [1, 2], "csv")
    assert text.startswith("\ufeffid,uuid,article,paragraph,start,end,quote,quote_simplified,tags,note,color,")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 5
    un = next(r for r in rows if r["quote"].startswith("我不在乎"))
    assert un["quote_simplified"] == "我不在乎联合国,联合国的意见无关紧要"
    assert un["tags"] == "Stance/Disagree; Rhetoric/Claim" and un["color"] == "#e06666" and un["author"] == "Lin"
    assert next(r for r in rows if r["author"] == "Eve")["note"].startswith("'=HYPERLINK")
    assert [r["status"] for r in rows].count("orphaned") == 1


def test_w3c_json_has_the_web_annotation_shape(library: Library) -> None:
    make_fixture(library)
    doc = json.loads(render_articles(library, [1], "json"))
    assert doc["@context"] == CONTEXT and doc["type"] == "AnnotationCollection" and doc["total"] == 4
    items = doc["first"]["items"]
    un = next(i for i in items if i["id"] == "urn:uuid:00000000-0000-4000-8000-000000000003")
    assert un["type"] == "Annotation" and un["motivation"] == "commenting"
    assert un["creator"] == {"type": "Person", "name": "Lin"}
    assert un["created"] == "2026-02-04T09:00:00.000+00:00"
    note, *tags = un["body"]
    assert note["format"] == "text/markdown" and note["purpose"] == "commenting"
    assert [(t["purpose"], t["value"], t[NS + "tagset"]) for t in tags] == [
        ("tagging", "Disagree", "Stance"), ("tagging", "Claim", "Rhetoric")]
    assert tags[0][NS + "nameZh"] == "反对" and tags[0][NS + "color"] == "#e06666"
    position, quote = un["target"]["selector"]
    with Library.open(library.path) as lib:
        text = lib.revision_text(lib.article(1).revision_id)
    assert text[position["start"] : position["end"]] == quote["exact"] == "我不在乎聯合國,聯合國的意見無關緊要"
    assert un["target"]["source"].startswith("urn:sha256:")
    orphan = next(i for i in items if i.get(NS + "status") == "orphaned")
    assert orphan["target"][NS + "article"] != orphan["target"]["source"]


def _fresh_copy(seeded_template: Path, tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    shutil.copyfile(seeded_template, path)
    return path


def test_w3c_round_trip_into_a_fresh_library_is_identical(
    library: Library, seeded_template: Path, tmp_path: Path,
) -> None:
    make_fixture(library)
    first = render_articles(library, [1], "json")
    (tmp_path / "a.json").write_text(first, encoding="utf-8")
    with Library.open(_fresh_copy(seeded_template, tmp_path, "fresh.sqlite3")) as fresh:
        from reader.core.importers.plaintext import parse_text

        text = fresh.revision_text(fresh.article(1).revision_id)
        Annotations(fresh).revise(1, parse_text(text.replace("又將把世界帶向何方?", "")))  # the same article state
        report = import_w3c_file(fresh, tmp_path / "a.json")
        assert (report.created, report.updated, report.orphaned) == (4, 0, 1)
        assert render_articles(fresh, [1], "json") == first
        again = import_w3c_file(fresh, tmp_path / "a.json")  # the same uuids again: updated, not duplicated
        assert (again.created, again.updated) == (0, 4)
        assert len(Annotations(fresh).list_for_article(1)) == 4
        assert render_articles(fresh, [1], "json") == first


def test_import_finds_the_article_by_quote_when_the_revision_differs(library: Library) -> None:
    make_fixture(library)
    doc = json.loads(render_articles(library, [1], "json"))
    for item in doc["first"]["items"]:
        item["target"]["source"] = "urn:sha256:" + "0" * 64  # a revision this library never had
        item["target"].pop(NS + "article", None)
        item.pop(NS + "status", None)
        item["target"]["selector"][0] = {"type": "TextPositionSelector", "start": 0, "end": len(
            item["target"]["selector"][1]["exact"])}
        item["id"] = item["id"].replace("urn:uuid:00000000", "urn:uuid:ffffffff")
    report = import_annotations(library, parse_document(doc, "doc"))
    assert report.articles == [1] and report.created == 4
    placed = {a.exact for a in Annotations(library).list_for_article(1) if not a.orphaned}
    assert "外交“閃電戰”" in placed and "我不在乎聯合國,聯合國的意見無關緊要" in placed


def test_import_of_annotations_on_an_unknown_text_writes_nothing(library: Library) -> None:
    doc = {"@context": CONTEXT, "type": "Annotation", "id": "urn:uuid:11111111-1111-4111-8111-111111111111",
           "target": {"source": "urn:sha256:" + "1" * 64,
                      "selector": {"type": "TextQuoteSelector", "exact": "這段文字不在任何文章裡"}}}
    with pytest.raises(ImportFailed, match="no article in this library"):
        import_annotations(library, parse_document(doc, "doc"))
    assert library.conn.execute("SELECT COUNT(*) FROM annotations").fetchone()[0] == 0


@pytest.mark.parametrize("doc,message", [
    ({"type": "Thing"}, "expected an AnnotationCollection"),
    ([{"type": "Annotation", "id": "not-a-uuid", "target": {}}], "is not a UUID"),
    ([{"id": "urn:uuid:11111111-1111-4111-8111-111111111111", "target": {"source": "x"}}], "needs a TextQuoteSelector"),
    ([{"id": "urn:uuid:11111111-1111-4111-8111-111111111111", "target": {"selector": {
        "type": "TextPositionSelector", "start": 5, "end": 2}}}], "end must be after start"),
    ([{"id": "urn:uuid:11111111-1111-4111-8111-111111111111", "body": {"purpose": "tagging", "value": 7},
       "target": {"selector": {"type": "TextQuoteSelector", "exact": "a"}}}], "must be text"),
    ([{"id": "urn:uuid:11111111-1111-4111-8111-111111111111", "created": "yesterday",
       "target": {"selector": {"type": "TextQuoteSelector", "exact": "a"}}}], "not an ISO 8601 time"),
])
def test_bad_w3c_documents_are_refused_with_a_clear_message(doc: object, message: str) -> None:
    with pytest.raises(InvalidData, match=message):
        parse_document(doc, "doc")


def test_deeply_nested_json_is_refused_before_parsing() -> None:
    with pytest.raises(InvalidData, match="nested deeper"):
        load_json("[" * 100_000 + "]" * 100_000, "deep.json")


def test_export_all_writes_one_file_per_article_or_one_combined_file(library: Library, tmp_path: Path) -> None:
    make_fixture(library)
    files = export_all(library, "html", tmp_path / "pages")
    assert [f.name for f in files] == [f.name for f in sorted((tmp_path / "pages").iterdir())]
    assert len(files) == 2 and files[0].name.startswith("001-") and files[0].suffix == ".html"
    (combined,) = export_all(library, "json", tmp_path / "all.json")
    sources = {a["source"] for a in json.loads(combined.read_text(encoding="utf-8"))[NS + "articles"]}
    assert len(sources) == 2


def test_writing_through_a_link_or_into_a_pipe_keeps_them(tmp_path: Path) -> None:
    import stat

    from reader.core.export import write_atomic

    (tmp_path / "synced").mkdir()
    target = tmp_path / "synced" / "notes.md"
    target.write_text("old")
    link = tmp_path / "notes.md"
    link.symlink_to(target)
    write_atomic(link, "# new")
    assert link.is_symlink() and target.read_text() == "# new"  # the link stays; its file is replaced

    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader is there: opening to write does not wait
    try:
        write_atomic(fifo, "# to the pipe")
        assert os.read(reader, 1000) == b"# to the pipe"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # never replaced by a plain file
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []
