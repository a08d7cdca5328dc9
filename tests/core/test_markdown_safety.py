"""Markdown export: a note's images and unsafe links are removed as in the HTML export (one shared rule)."""
from __future__ import annotations

import pytest

from reader.core.annotations import Annotations
from reader.core.export import render_articles
from reader.core.export.html import note_html
from reader.core.export.markdown import safe_href, safe_note
from reader.core.library import Library

HOSTILE = (
    "See ![tracker](http://evil.example/pixel.png?u=1) and [the charter](https://www.un.org/charter).\n"
    "[click me](javascript:alert(1)) [entity](&#106;avascript:alert(2)) [spaced](java\tscript:x)\n"
    "[angle](<javascript:alert(3)>) [data](data:text/html;base64,PHNjcmlwdD4=) [file](file:///etc/passwd)\n"
    "[two\nlines](javascript:alert(4))\n"
    "[ref]: javascript:alert(5)\n"
    "use [ref] or ![ref img][ref] and [![inner](http://i.example/x.png)](https://ok.example/)\n"
    "`![code](http://shown-literally)` and [mail](mailto:lin@example.org) [top](#notes)"
)


def test_markdown_export_drops_images_and_unsafe_links_from_notes(library: Library) -> None:
    text = library.revision_text(library.article(1).revision_id)
    start = text.index("聯合國")
    Annotations(library).create(1, start, start + 3, note=HOSTILE, author="Lin")
    md = render_articles(library, [1], "md")
    for bad in ("](http://evil", "javascript:alert(1)", "](&#106;", "](java", "](<javascript", "](data:", "](file:",
                "javascript:alert(4)", "![ref img]", "](http://i.example"):
        assert bad not in md, bad
    # What a reader wrote stays readable: the texts of removed links and the alt texts of images.
    assert "click me" in md and "two\nlines" in md and "\\[tracker\\]" in md and "\\[inner\\]" in md
    # Positive control: harmless links are kept as links, and code is shown as written.
    assert "[the charter](https://www.un.org/charter)" in md and "[mail](mailto:lin@example.org)" in md
    assert "[top](#notes)" in md and "`![code](http://shown-literally)`" in md
    assert "](https://ok.example/)" in md


def test_markdown_and_html_exports_keep_and_drop_the_same_links() -> None:
    page = note_html(HOSTILE)
    links = safe_note(HOSTILE)
    for target in ("https://www.un.org/charter", "mailto:lin@example.org", "#notes", "https://ok.example/"):
        assert f'href="{target}"' in page and f"]({target})" in links
    for gone in ("javascript", "&#106;", "data:", "file:"):
        assert f'href="{gone}' not in page and f"]({gone}" not in links
    assert "evil.example" not in page and "i.example" not in page
    assert "[ref]: javascript:alert(5)" in page  # the unsafe link definition is shown as the text it is
    assert "<img" not in page and "[tracker]" in page


@pytest.mark.parametrize(("href", "kept"), [
    ("https://a.example", True), ("HTTP://A.EXAMPLE", True), ("mailto:a@b.example", True), ("#x", True),
    ("javascript:alert(1)", False), (" JaVa\nScRiPt:alert(1)", False), ("&#106;avascript:x", False),
    ("data:image/png;base64,AAAA", False), ("vbscript:x", False), ("//evil.example/x", False), ("", False),
])
def test_safe_href(href: str, kept: bool) -> None:
    assert (safe_href(href) is not None) == kept
