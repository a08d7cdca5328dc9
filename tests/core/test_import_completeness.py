"""Imports never keep part of a file in silence: huge inline images and huge paragraphs come in whole."""
from __future__ import annotations

import base64
import random
from pathlib import Path

import pytest
from test_epub_import import _rewrite, write_book

from reader.core.errors import ImportFailed
from reader.core.importers import parse_path
from reader.core.importers.html import parse_html

PARAGRAPHS = [f"<p>第{i}段。這是一段用來測試的中文文字。</p>" for i in range(202)]
# 12 MiB of base64 that does not compress (so the EPUB reader's zip bomb check lets it through)
BIG_IMAGE = ('<p><img alt="圖" src="data:image/png;base64,'
             + base64.b64encode(random.Random(0).randbytes(9 * 1024 * 1024)).decode() + '"/></p>')
BIG_PARAGRAPH = "<p>" + "長" * (4 * 1024 * 1024) + "</p>"  # 12 MiB of UTF-8 in one text node


def page(middle: str) -> bytes:
    return ("<html><body>" + PARAGRAPHS[0] + middle + "".join(PARAGRAPHS[1:]) + "</body></html>").encode()


def test_positive_control_the_page_without_the_big_part_has_every_paragraph() -> None:
    parsed = parse_html(page(""))
    assert len(parsed.paragraphs) == 202 and parsed.paragraphs[-1].text.startswith("第201段")


@pytest.mark.parametrize("xml_first", [False, True])
def test_html_after_a_huge_inline_image_is_imported(xml_first: bool) -> None:
    parsed = parse_html(page(BIG_IMAGE), xml_first=xml_first)
    assert len(parsed.paragraphs) == 202 and parsed.images == 1
    assert parsed.paragraphs[-1].text.startswith("第201段")


def test_html_after_a_huge_paragraph_is_imported() -> None:
    parsed = parse_html(page(BIG_PARAGRAPH))
    assert len(parsed.paragraphs) == 203
    assert len(parsed.paragraphs[1].text) == 4 * 1024 * 1024
    assert parsed.paragraphs[-1].text.startswith("第201段")


def test_markup_the_parser_gives_up_on_is_refused_not_cut() -> None:
    # Nesting deeper than the parser follows: it would stop there and drop the rest of the page.
    deep = "<div>" * 3000 + "<p>深處。</p>" + "</div>" * 3000
    with pytest.raises(ImportFailed, match=r"^page\.html: cannot read the HTML \(reading stopped at line 1"):
        parse_html(page(deep))


def test_epub_chapter_after_a_huge_inline_image_is_imported(tmp_path: Path) -> None:
    book = write_book(tmp_path / "book.epub", [("第一章", "<p>佔位。</p>"), ("第二章", "<p>最後一章的文字。</p>")])
    chapter = ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head>'
               "<title>第一章</title></head><body>" + PARAGRAPHS[0] + BIG_IMAGE + "".join(PARAGRAPHS[1:])
               + "</body></html>")
    parsed = parse_path(_rewrite(book, {"EPUB/text/ch1.xhtml": chapter.encode()}))
    assert "第201段" in parsed.text and parsed.text.rstrip().endswith("最後一章的文字。")


@pytest.mark.parametrize("middle", ["![圖](data:image/png;base64," + "QUJD" * (3 * 1024 * 1024) + ")",
                                    "長" * (4 * 1024 * 1024)])
def test_markdown_after_a_huge_image_or_paragraph_is_imported(middle: str, tmp_path: Path) -> None:
    lines = [f"第{i}段。這是一段用來測試的中文文字。" for i in range(202)]
    path = tmp_path / "page.md"
    path.write_text("\n\n".join([lines[0], middle, *lines[1:]]), encoding="utf-8")
    parsed = parse_path(path)
    assert parsed.paragraphs[-1].text.startswith("第201段")
    assert len(parsed.paragraphs) == (202 if middle.startswith("!") else 203)


def test_file_over_the_limit_is_refused_whole(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as fh:
        fh.write(page(""))
        fh.truncate(65 * 1024 * 1024)  # sparse: no need to write it
    with pytest.raises(ImportFailed, match="too large"):
        parse_path(path)


def test_text_after_the_end_of_the_page_is_kept() -> None:
    # Browsers keep reading after </body> and </html>; the parser used to drop what followed, silently.
    for markup in ("<html><body><p>第一段。</p></body></html><p>第二段。</p>",
                   "<html><body><p>第一段。</p></body><div>第二段。</div></html>"):
        assert [p.text for p in parse_html(markup.encode()).paragraphs] == ["第一段。", "第二段。"]


@pytest.mark.parametrize(("markup", "what"), [
    ("<p>第一段。</p><!-- 注 <p>第二段。</p>", "a comment"),
    ("<p>第一段。</p>\n<script>var a = 1;<p>第二段。</p>", "a <script> element"),
    ("<title>標題<p>第一段。</p><p>第二段。</p>", "a <title> element"),
])
def test_an_element_that_swallows_the_rest_of_the_page_is_refused(markup: str, what: str) -> None:
    with pytest.raises(ImportFailed, match=f"{what} opened at line .* is never closed"):
        parse_html(markup.encode())


def test_closed_comments_scripts_and_styles_are_fine() -> None:
    markup = ("<head><title>標題</title><script><!--\nvar s = '<script src=x><\\/script>'; // <!-- old\n//--></script>"
              "<style><!-- p {} --></style></head><body><p>第一段。</p><!-- 注 --><p>第二段。</p></body>")
    assert [p.text for p in parse_html(markup.encode()).paragraphs] == ["第一段。", "第二段。"]
