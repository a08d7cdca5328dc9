"""EPUB import: chapters in reading order with headings, markup/scripts/ruby annotations dropped, damaged
or hostile books refused with one line and nothing written."""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from reader.core.errors import ImportFailed
from reader.core.importers import epub as epub_importer
from reader.core.importers import parse_path
from reader.core.library import Library
from reader_bench.epub_writer import Chapter, Image, write_epub

CHAPTERS = [
    ("第一章 出发", """<h1>第一章 出发</h1>
<p>　　清晨，他背起行囊走出了村子。<img src="images/map.png" alt="地图"/></p>
<p>路边的<ruby>銀杏<rt>yín xìng</rt></ruby>樹已经黄了，
风一吹就落下一地叶子。</p>
<script type="text/javascript">document.write("脚本里的字不该出现");</script>
<style>p { text-indent: 2em; }</style>"""),
    ("第二章 山路", """<div class="chapter"><h2>第二章 山路</h2>
<div>山路弯弯曲曲，<b>一眼</b>望不到头。</div>
<ol><li>第一天走了三十里。</li><li>第二天下起了雨。</li></ol>
<blockquote><p>“行百里者半九十。”</p></blockquote></div>"""),
    ("第三章 到达", """<p>傍晚时分，终于看见了城墙。</p><p>他长长地舒了一口气。</p>"""),
]


def write_book(path: Path, chapters: list[tuple[str, str]] = CHAPTERS, *, spine_order: list[int] | None = None) -> Path:
    """A valid EPUB 3 book (nav first in the spine, NCX, the chapters under EPUB/text/, one image)."""
    return write_epub(
        path, [Chapter(title, body, f"text/ch{n}.xhtml") for n, (title, body) in enumerate(chapters, start=1)],
        title="远行记", authors=["李四"], identifier="test-book-1", spine_order=spine_order, nav_in_spine=True,
        images=[Image("text/images/map.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)],
    )


def test_chapters_become_headings_and_paragraphs(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    parsed = parse_path(write_book(tmp_path / "book.epub"), progress=lambda done, total: calls.append((done, total)))
    kinds_texts = [(p.kind, p.text) for p in parsed.paragraphs]
    assert kinds_texts == [
        ("heading", "第一章 出发"),
        ("paragraph", "清晨，他背起行囊走出了村子。"),
        ("paragraph", "路边的銀杏樹已经黄了，风一吹就落下一地叶子。"),
        ("heading", "第二章 山路"),
        ("paragraph", "山路弯弯曲曲，一眼望不到头。"),
        ("list_item", "1. 第一天走了三十里。"),
        ("list_item", "2. 第二天下起了雨。"),
        ("paragraph", "“行百里者半九十。”"),
        ("heading", "第三章 到达"),  # no heading tag in the chapter: the table-of-contents title
        ("paragraph", "傍晚时分，终于看见了城墙。"),
        ("paragraph", "他长长地舒了一口气。"),
    ]
    assert [p.level for p in parsed.paragraphs if p.kind == "heading"] == [1, 2, 1]
    assert parsed.title == "远行记" and parsed.bylines == ["李四"]
    assert parsed.images == 1
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert "脚本" not in parsed.text and "text-indent" not in parsed.text and "yín" not in parsed.text
    assert "<" not in parsed.text and ">" not in parsed.text
    assert parsed.text == "\n".join(p.text for p in parsed.paragraphs)
    for par in parsed.paragraphs:
        assert parsed.text[par.start : par.end] == par.text


def test_spine_order_is_reading_order(tmp_path: Path) -> None:
    parsed = parse_path(write_book(tmp_path / "book.epub", spine_order=[2, 0, 1]))
    headings = [p.text for p in parsed.paragraphs if p.kind == "heading"]
    assert headings == ["第三章 到达", "第一章 出发", "第二章 山路"]


def test_book_imports_into_library_with_metadata(tmp_path: Path, empty_library: Library) -> None:
    lib = empty_library
    result = lib.import_file(write_book(tmp_path / "book.epub"))
    info = lib.article(result.article_id)
    assert info.title == "远行记" and info.author == "李四"
    assert [p.kind for p in lib.paragraphs(result.revision_id)][:2] == ["heading", "paragraph"]


def test_forgiving_with_sloppy_xhtml_and_html_entities(tmp_path: Path) -> None:
    path = write_book(tmp_path / "book.epub", [("序", "<p>占位。</p>")])
    sloppy = "<html><body><p>第一段&nbsp;文字<p>第二段没有结束标签<br>换行之后&mdash;继续</body>"
    parsed = parse_path(_rewrite(path, {"EPUB/text/ch1.xhtml": sloppy.encode("utf-8")}))
    assert [p.text for p in parsed.paragraphs] == ["序", "第一段 文字", "第二段没有结束标签", "换行之后—继续"]


def test_external_entities_are_never_loaded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容不该出现", encoding="utf-8")
    path = write_book(tmp_path / "book.epub", [("第一章", "<p>正文。</p>")])
    hostile = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<!DOCTYPE html [<!ENTITY leak SYSTEM "file://{secret}"><!ENTITY a "哈哈哈哈哈哈哈哈">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><h1>第一章</h1><p>正文&leak;。&c;</p></body></html>'
    )
    rewritten = _rewrite(path, {"EPUB/text/ch1.xhtml": hostile.encode("utf-8")})
    parsed = parse_path(rewritten)
    assert "机密" not in parsed.text and "哈" not in parsed.text
    assert [p.text for p in parsed.paragraphs] == ["第一章", "正文。"]


# ---- damaged and hostile files -----------------------------------------------------------------
def _rewrite(path: Path, replace: dict[str, bytes | None], add: dict[str, bytes] | None = None) -> Path:
    """A copy of an EPUB with some members replaced (None: removed) or added."""
    out = path.with_name("changed.epub")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in replace:
                if replace[info.filename] is not None:
                    dst.writestr(info.filename, replace[info.filename] or b"")
            else:
                dst.writestr(info, src.read(info.filename))
        for name, data in (add or {}).items():
            dst.writestr(name, data)
    return out


def _assert_refused(path: Path, tmp_path: Path, match: str) -> None:
    with pytest.raises(ImportFailed, match=match) as caught:
        parse_path(path)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(path.name)
    with Library.open(tmp_path / "lib.sqlite3") as lib:
        with pytest.raises(ImportFailed):
            lib.import_file(path)
        assert lib.list_articles() == []


def test_random_bytes_are_not_a_book(tmp_path: Path) -> None:
    path = tmp_path / "noise.epub"
    path.write_bytes(os.urandom(4096))
    _assert_refused(path, tmp_path, "not an EPUB")


def test_truncated_book(tmp_path: Path) -> None:
    data = write_book(tmp_path / "book.epub").read_bytes()
    path = tmp_path / "cut.epub"
    path.write_bytes(data[: len(data) // 2])
    _assert_refused(path, tmp_path, "not an EPUB")


def test_zip_claiming_a_later_zip_version(tmp_path: Path) -> None:
    """Once: a central directory entry needing "zip version 6.4" raised NotImplementedError past the checks."""
    data = bytearray(write_book(tmp_path / "book.epub").read_bytes())
    entry = data.index(b"PK\x01\x02")  # the first central directory entry; its extract version is at +6
    data[entry + 6 : entry + 8] = (64).to_bytes(2, "little")
    path = tmp_path / "later.epub"
    path.write_bytes(bytes(data))
    _assert_refused(path, tmp_path, "not an EPUB book")


def test_zip_without_container(tmp_path: Path) -> None:
    path = _rewrite(write_book(tmp_path / "book.epub"), {"META-INF/container.xml": None})
    _assert_refused(path, tmp_path, "container.xml is missing")


def test_missing_chapter_file(tmp_path: Path) -> None:
    path = _rewrite(write_book(tmp_path / "book.epub"), {"EPUB/text/ch2.xhtml": None})
    _assert_refused(path, tmp_path, "missing")


def test_chapter_that_is_not_text(tmp_path: Path) -> None:
    path = _rewrite(write_book(tmp_path / "book.epub"), {"EPUB/text/ch2.xhtml": b"\x00\xff\xfe\x07" * 500})
    _assert_refused(path, tmp_path, "chapter text/ch2.xhtml")


def test_corrupt_compressed_chapter(tmp_path: Path) -> None:
    path = write_book(tmp_path / "book.epub", [("第一章", "<p>" + "山高水长，路远天长。" * 300 + "</p>")])
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("EPUB/text/ch1.xhtml")
    middle = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    data[middle : middle + 8] = bytes(b ^ 0x5A for b in data[middle : middle + 8])
    path.write_bytes(bytes(data))
    _assert_refused(path, tmp_path, "corrupt")


def test_corrupt_compressed_encryption_file(tmp_path: Path) -> None:
    """Once: corrupt deflate data in META-INF/encryption.xml raised zlib.error, not a one-line refusal."""
    padding = b"<!-- " + "山高水长，路远天长。".encode() * 300 + b" -->"
    encryption = b'<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container">' + padding + b"</encryption>"
    path = _rewrite(write_book(tmp_path / "book.epub"), {}, {"META-INF/encryption.xml": encryption})
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("META-INF/encryption.xml")
    middle = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    data[middle : middle + 8] = bytes(b ^ 0x5A for b in data[middle : middle + 8])
    path.write_bytes(bytes(data))
    parsed = parse_path(path)  # no chapter is encrypted: an unreadable encryption list does not stop the book
    assert [p.text for p in parsed.paragraphs][:2] == ["第一章 出发", "清晨，他背起行囊走出了村子。"]


def test_package_document_damaged(tmp_path: Path) -> None:
    path = _rewrite(write_book(tmp_path / "book.epub"), {"EPUB/content.opf": b"<package><manifest>"})
    _assert_refused(path, tmp_path, "damaged")


def test_zip_bomb_member_is_refused(tmp_path: Path) -> None:
    path = _rewrite(write_book(tmp_path / "book.epub"), {}, {"EPUB/padding.xhtml": b"\x00" * (8 * 1024 * 1024)})
    assert path.stat().st_size < 100_000
    _assert_refused(path, tmp_path, "zip bomb")


def test_total_unpacked_size_is_limited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(epub_importer, "MAX_TOTAL_UNCOMPRESSED", 2000)
    _assert_refused(write_book(tmp_path / "book.epub"), tmp_path, "unpacks to more than")


def test_parent_directory_path_is_refused(tmp_path: Path) -> None:
    path = _rewrite(write_book(tmp_path / "book.epub"), {}, {"../evil.xhtml": b"<p>x</p>"})
    _assert_refused(path, tmp_path, "unsafe path")
    assert not (tmp_path.parent / "evil.xhtml").exists()


def test_drm_protected_book_is_refused(tmp_path: Path) -> None:
    encryption = (
        b'<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
        b'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
        b'<enc:CipherData><enc:CipherReference URI="EPUB/text/ch1.xhtml"/></enc:CipherData>'
        b"</enc:EncryptedData></encryption>"
    )
    path = _rewrite(write_book(tmp_path / "book.epub"), {}, {"META-INF/encryption.xml": encryption})
    _assert_refused(path, tmp_path, "DRM")


def test_book_without_chinese_text(tmp_path: Path) -> None:
    path = write_book(tmp_path / "english.epub", [("One", "<h1>One</h1><p>Only English here.</p>")])
    _assert_refused(path, tmp_path, "no Chinese text")


def test_check_archive_accepts_a_real_book(tmp_path: Path) -> None:
    data = write_book(tmp_path / "book.epub").read_bytes()
    with epub_importer.check_archive(data, "book.epub") as zf:
        assert "META-INF/container.xml" in zf.namelist()


def _epub2_book(tmp_path: Path, first_label: str = "序言") -> Path:
    """An EPUB 2 layout: OPF under OEBPS/, no nav document, chapter titles from the NCX, a percent-encoded href."""
    opf = """<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>旧书</dc:title><dc:creator>王五</dc:creator>
    <dc:creator>赵六</dc:creator></metadata>
  <manifest>
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
    <item id="c1" href="Text/%E5%BA%8F.xhtml" media-type="application/xhtml+xml"/>
    <item id="c2" href="Text/two.xhtml" media-type="application/xhtml+xml"/>
    <item id="gone" href="Text/not-in-spine.xhtml" media-type="application/xhtml+xml"/>
  </manifest>
  <spine toc="ncx"><itemref idref="c1"/><itemref idref="unknown"/><itemref idref="c2"/></spine>
</package>"""
    ncx = """<?xml version="1.0" encoding="utf-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
  <navPoint id="a"><navLabel><text>FIRST</text></navLabel><content src="Text/%E5%BA%8F.xhtml"/>
    <navPoint id="b"><navLabel><text>第二部分</text></navLabel><content src="Text/two.xhtml#part"/></navPoint>
  </navPoint></navMap></ncx>"""
    page = '<html xmlns="http://www.w3.org/1999/xhtml"><body>{}</body></html>'
    container = (b'<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
                 b'<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
                 b"</rootfiles></container>")
    path = tmp_path / "old.epub"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/epub+zip")
        zf.writestr("META-INF/container.xml", container)
        zf.writestr("OEBPS/content.opf", opf)
        zf.writestr("OEBPS/toc.ncx", ncx.replace("FIRST", first_label))
        zf.writestr("OEBPS/Text/序.xhtml", page.format("<p>这是序言的正文。</p>"))
        zf.writestr("OEBPS/Text/two.xhtml", page.format("<p>第二部分的正文。</p>"))
    return path


def test_epub2_book_with_ncx_only_and_package_in_its_own_folder(tmp_path: Path) -> None:
    parsed = parse_path(_epub2_book(tmp_path))
    assert [(p.kind, p.text) for p in parsed.paragraphs] == [
        ("heading", "序言"), ("paragraph", "这是序言的正文。"), ("heading", "第二部分"), ("paragraph", "第二部分的正文。"),
    ]
    assert parsed.title == "旧书" and parsed.bylines == ["王五", "赵六"]


def test_a_table_of_contents_label_with_a_character_xml_forbids_is_dropped_not_a_crash(tmp_path: Path) -> None:
    parsed = parse_path(_epub2_book(tmp_path, first_label="序&#xD800;言"))  # a lone surrogate: no XML character
    assert [p.text for p in parsed.paragraphs if p.kind == "paragraph"] == ["这是序言的正文。", "第二部分的正文。"]
    assert ("heading", "第二部分") in [(p.kind, p.text) for p in parsed.paragraphs]  # the other labels are kept


def test_a_chapter_listed_outside_the_book_is_refused(tmp_path: Path) -> None:
    book = write_book(tmp_path / "book.epub")
    with zipfile.ZipFile(book) as zf:
        opf = zf.read("EPUB/content.opf").replace(b'href="text/ch2.xhtml"', b'href="../../../etc/passwd"')
    _assert_refused(_rewrite(book, {"EPUB/content.opf": opf}), tmp_path, "lies outside the book")
