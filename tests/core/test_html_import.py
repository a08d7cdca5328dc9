"""HTML import: declared charsets, page chrome and scripts dropped, blocks to paragraphs, titles."""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.errors import ImportFailed
from reader.core.importers import parse_path
from reader.core.library import Library

PAGE = """<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>美国退群风暴_新闻中心</title>
<script>var tracking = "统计代码不该出现";</script>
<style>body { font-family: 宋体; }</style>
</head><body>
<header><a href="/">网站首页</a> | 新闻 | 体育</header>
<nav><ul><li><a href="/news">新闻导航</a></li></ul></nav>
<article>
<h1>美国大规模退群</h1>
<p class="author">作者|时事观察员</p>
<p>　　近日，美国总统签署备忘录，
宣布退出六十六个国际组织。</p>
<p>这一举动&ldquo;前所未有&rdquo;，引发各方关注。<img src="photo.jpg"></p>
<h2>一、主要特点</h2>
<ul><li>规模大</li><li>速度快</li></ul>
<p>第一行<br>第二行</p>
</article>
<footer>版权所有 &copy; 某某网站 京ICP备12345678号</footer>
</body></html>
"""


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_gb2312_page_with_meta_charset(tmp_path: Path) -> None:
    parsed = parse_path(write(tmp_path, "page.html", PAGE, "gb2312"))
    assert parsed.encoding == "gb2312"
    assert [(p.kind, p.text) for p in parsed.paragraphs] == [
        ("heading", "美国大规模退群"),
        ("byline", "作者|时事观察员"),
        ("paragraph", "近日，美国总统签署备忘录，宣布退出六十六个国际组织。"),
        ("paragraph", "这一举动“前所未有”，引发各方关注。"),
        ("heading", "一、主要特点"),
        ("list_item", "• 规模大"),
        ("list_item", "• 速度快"),
        ("paragraph", "第一行"),
        ("paragraph", "第二行"),
    ]
    assert parsed.title == "美国退群风暴_新闻中心"
    assert parsed.bylines == ["时事观察员"]
    assert parsed.images == 1
    for dropped in ("统计代码", "宋体", "网站首页", "新闻导航", "版权所有", "ICP"):
        assert dropped not in parsed.text


def test_characters_beyond_gb2312_in_a_page_labelled_gb2312(tmp_path: Path) -> None:
    # Pages labelled gb2312 are often really GBK/GB18030: 镕 and 喆 are not in GB2312.
    page = '<html><head><meta charset="gb2312"></head><body><p>朱镕基和陶喆。</p></body></html>'
    parsed = parse_path(write(tmp_path, "page.htm", page, "gb18030"))
    assert parsed.text == "朱镕基和陶喆。"


def test_wrong_charset_label_falls_back_to_detection(tmp_path: Path) -> None:
    page = '<html><head><meta charset="utf-8"></head><body><p>這是一篇用大五碼存的文章。</p></body></html>'
    parsed = parse_path(write(tmp_path, "page.html", page, "big5"))
    assert parsed.text == "這是一篇用大五碼存的文章。"
    assert parsed.detected_script == "traditional"


def test_title_falls_back_to_first_h1(tmp_path: Path) -> None:
    page = "<html><body><h1>第一个标题</h1><p>正文内容。</p><h1>第二个标题</h1></body></html>"
    assert parse_path(write(tmp_path, "page.html", page)).title == "第一个标题"


def test_numbered_lists_ruby_tables_and_preformatted_text(tmp_path: Path) -> None:
    page = """<html><body>
<ol start="5"><li>第五条</li><li value="9">第九条<ol><li>细则甲</li></ol></li></ol>
<p><ruby>北<rp>(</rp><rt>běi</rt><rp>)</rp>京<rp>(</rp><rt>jīng</rt><rp>)</rp></ruby>欢迎你</p>
<table><tr><th>词语</th><th>拼音</th></tr><tr><td>你好</td><td>nǐ hǎo</td></tr></table>
<ul><li><p>段落式列表项</p><p>同一项的第二段</p></li></ul>
<pre>床前明月光
疑是地上霜</pre>
</body></html>"""
    parsed = parse_path(write(tmp_path, "page.html", page))
    assert [(p.kind, p.text, p.marker, p.level) for p in parsed.paragraphs] == [
        ("list_item", "5. 第五条", "5.", 1),
        ("list_item", "9. 第九条", "9.", 1),
        ("list_item", "1. 细则甲", "1.", 2),
        ("paragraph", "北京欢迎你", "", 0),
        ("paragraph", "词语 拼音", "", 0),
        ("paragraph", "你好 nǐ hǎo", "", 0),
        ("list_item", "• 段落式列表项", "•", 1),
        ("list_item", "同一项的第二段", "", 1),
        ("paragraph", "床前明月光", "", 0),
        ("paragraph", "疑是地上霜", "", 0),
    ]


def test_xhtml_file_is_parsed_without_external_entities(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("机密", encoding="utf-8")
    page = (
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>标题</title></head>'
        "<body><div/><p>段落&x;文字&#12290;</p></body></html>"
    )
    parsed = parse_path(write(tmp_path, "page.xhtml", page))
    assert parsed.text == "段落文字。"
    assert parsed.title == "标题"


def test_page_imports_into_library(tmp_path: Path, empty_library: Library) -> None:
    lib = empty_library
    result = lib.import_file(write(tmp_path, "page.html", PAGE, "gb2312"))
    info = lib.article(result.article_id)
    assert info.title == "美国退群风暴_新闻中心" and info.author == "时事观察员"
    assert lib.revision_meta(result.revision_id)["images"] == 1


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ("<html><head><title>空</title></head><body>  </body></html>", "no text"),
        ("<html><body><p>Only English on this page.</p></body></html>", "no Chinese text"),
        ("", "empty"),
    ],
)
def test_unusable_pages_are_refused(tmp_path: Path, empty_library: Library, content: str, match: str) -> None:
    path = write(tmp_path, "page.html", content)
    with pytest.raises(ImportFailed, match=match) as caught:
        parse_path(path)
    assert "\n" not in str(caught.value)
    lib = empty_library
    with pytest.raises(ImportFailed):
        lib.import_file(path)
    assert lib.list_articles() == []


def test_binary_file_named_html_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(ImportFailed, match="not a text file"):
        parse_path(path)
