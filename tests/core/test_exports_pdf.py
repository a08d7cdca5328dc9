"""PDF hand-out: drawn with Qt, rendered back to PNG with poppler's pdftoppm and looked at pixel by pixel."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.annotations import Annotations
from reader.core.library import Library
from reader.core.scaffolding import set_level

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
                                reason="needs poppler-utils (make test installs it)")

RED = (243, 197, 197)  # #e06666 (Disagree) at 38 % over white paper


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def page_png(path: Path, tmp_path: Path, page: int = 1) -> Path:
    prefix = tmp_path / f"page{page}"
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", str(page), "-l", str(page), "-singlefile", str(path),
                    str(prefix)], check=True)
    return prefix.with_suffix(".png")


def colour_pixels(png: Path, rgb: tuple[int, int, int], tolerance: int = 8) -> int:
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    assert not image.isNull()
    hits = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if abs(c.red() - rgb[0]) <= tolerance and abs(c.green() - rgb[1]) <= tolerance \
                    and abs(c.blue() - rgb[2]) <= tolerance:
                hits += 1
    return hits


def annotate(lib: Library, quote: str, **kw: object) -> None:
    text = lib.revision_text(lib.article(2).revision_id)
    start = text.index(quote)
    Annotations(lib).create(2, start, start + len(quote), **kw)  # type: ignore[arg-type]


def test_pdf_handout_has_readings_highlights_and_endnotes(library: Library, tmp_path: Path) -> None:
    from reader.gui.export_pdf import export_pdf

    library.set_reader_name("Lin")
    annotate(library, "签署总统备忘录,指令美国退出66个", tags=["Disagree"], note="**Sixty-six** — check <b>the</b> list.")
    annotate(library, "联合国", tags=["Agree"], note="The UN.", author="Someone else")  # not the reader's
    target = export_pdf(library, 2, tmp_path / "handout.pdf")
    assert target.read_bytes().startswith(b"%PDF")
    text = pdf_text(target)
    assert "Notes" in text and "Sixty-six" in text and "<b>the</b>" in text  # raw HTML shown as text
    assert "The UN." not in text  # only the reader's own highlights and notes
    assert "tuì" in text and "qiān" in text  # readings above the text
    assert colour_pixels(page_png(target, tmp_path), RED) > 40  # the highlight is painted in its tag colour


def test_scaffolding_level_and_known_words_leave_readings_out(library: Library, tmp_path: Path) -> None:
    from reader.core import vocabulary
    from reader.gui.export_pdf import export_pdf

    marks = ("ā", "á", "ǎ", "à", "ī", "í", "ǐ", "ì", "ū", "ú", "ǔ", "ù", "ō", "ó", "ǒ", "ò", "ē", "é", "ě", "è")

    def readings(text: str) -> int:
        return sum(text.count(m) for m in marks)

    everything = pdf_text(export_pdf(library, 2, tmp_path / "all.pdf", level=0))
    vocabulary.add(library, "美国", known=True)
    known = pdf_text(export_pdf(library, 2, tmp_path / "known.pdf", level=0))
    # a known word loses its reading (a longer word containing it, such as 美国人, keeps its own)
    assert len(re.findall("měi ?guó", everything)) > 10 * max(1, len(re.findall("měi ?guó", known)))
    set_level(library, None, 6)
    advanced = pdf_text(export_pdf(library, 2, tmp_path / "hsk6.pdf"))
    plain = pdf_text(export_pdf(library, 2, tmp_path / "none.pdf", pinyin="none"))
    assert 0 < readings(advanced) < 0.6 * readings(known)  # at HSK 6 only words above level 6 keep a reading
    assert readings(plain) == 0 and "readings: HSK" in advanced and "readings: all readings" in everything


def test_pdf_through_the_cli(seeded_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "handout.pdf"
    target.parent.mkdir()
    assert main(["--db", str(seeded_db), "export", "1", "--format", "pdf", "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"%PDF") and not list(target.parent.glob(".*.tmp"))
    assert "時事熱點觀察者" in pdf_text(target)
    assert main(["--db", str(seeded_db), "export", "--all", "--format", "pdf", "-o", str(tmp_path / "all")]) == 0
    assert len(list((tmp_path / "all").glob("*.pdf"))) == 2


def test_every_highlight_is_numbered_with_a_legend_in_the_embedded_bundled_font(library: Library, tmp_path: Path) -> None:
    from reader.gui.export_pdf import export_pdf

    library.set_reader_name("Lin")
    annotate(library, "签署总统备忘录", tags=["Disagree"], note="Why now?")
    annotate(library, "联合国", tags=["Agree"])  # no note: still numbered and listed
    mask = os.umask(0o022)
    os.umask(mask)
    target = export_pdf(library, 2, tmp_path / "handout.pdf")
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask, "the hand-out gets a new file's usual mode, not 0600"
    text = pdf_text(target)
    legend = text[: text.index("近")]
    assert "Disagree" in legend and "Agree" in legend, "a legend of the tag colours above the article"
    notes = text[text.rindex("Notes"):]
    assert "1. " in notes and "2. " in notes and "Why now?" in notes and "联合国" in notes
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(target)], check=True, capture_output=True, text=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows and all(" yes " in row for row in rows), fonts
        assert any("NotoSansCJK" in row for row in rows), "the bundled Noto subset"


def test_a_pdf_written_through_a_link_keeps_the_link(library: Library, tmp_path: Path) -> None:
    from reader.gui.export_pdf import export_pdf

    (tmp_path / "synced").mkdir()
    link = tmp_path / "handout.pdf"
    link.symlink_to(tmp_path / "synced" / "handout.pdf")
    assert export_pdf(library, 2, link) == link
    assert link.is_symlink() and (tmp_path / "synced" / "handout.pdf").read_bytes().startswith(b"%PDF")
