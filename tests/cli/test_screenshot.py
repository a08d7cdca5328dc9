"""The screenshot command renders the real window to a PNG that shows text (not a blank image)."""
from __future__ import annotations

import os

os.environ["READER_FONT"] = "bundled"


def colours(path) -> int:  # noqa: ANN001
    from PySide6.QtGui import QImage

    img = QImage(str(path))
    assert not img.isNull()
    seen = {img.pixel(x, y) for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)}
    return len(seen)


def test_screenshot_writes_a_png_with_text(seeded_db, tmp_path, qapp, capsys) -> None:  # noqa: ANN001
    from reader.cli import main

    out = tmp_path / "shot.png"
    code = main(["--db", str(seeded_db), "screenshot", "1", "-o", str(out), "--size", "900x600", "--tones", "pleco",
                 "--select", "10:20"])
    assert code == 0 and out.exists()
    assert colours(out) > 40
    dark = tmp_path / "dark.png"
    assert main(["--db", str(seeded_db), "screenshot", "2", "-o", str(dark), "--theme", "dark", "--pinyin", "zhuyin",
                 "--size", "800x600"]) == 0
    assert colours(dark) > 40


def test_screenshot_rejects_bad_arguments(seeded_db, tmp_path, capsys) -> None:  # noqa: ANN001
    from reader.cli import main

    assert main(["--db", str(seeded_db), "screenshot", "-o", str(tmp_path / "x.png"), "--size", "huge"]) == 1
    assert "--size" in capsys.readouterr().err
    assert main(["--db", str(seeded_db), "screenshot", "99", "-o", str(tmp_path / "x.png")]) == 1
    assert "99" in capsys.readouterr().err


def test_screenshot_of_a_selected_annotation_shows_its_rendered_note(seeded_db, tmp_path, qapp, capsys) -> None:  # noqa: ANN001
    """`--annotation ID` selects it: its note appears in the side panel (editor and preview)."""
    from PySide6.QtGui import QImage

    from reader.cli import main

    assert main(["--db", str(seeded_db), "annotate", "1", "--start", "26", "--end", "38", "--tag", "Claim",
                 "--note", "**A war metaphor**"]) == 0
    plain, chosen = tmp_path / "plain.png", tmp_path / "chosen.png"
    assert main(["--db", str(seeded_db), "screenshot", "1", "-o", str(plain)]) == 0
    assert main(["--db", str(seeded_db), "screenshot", "1", "-o", str(chosen), "--annotation", "1"]) == 0
    a, b = QImage(str(plain)), QImage(str(chosen))
    right = range(int(a.width() * 0.75), a.width(), 3)  # the side panel: the note editor and its preview
    lower = range(int(a.height() * 0.5), a.height(), 3)
    changed = sum(a.pixel(x, y) != b.pixel(x, y) for x in right for y in lower)
    assert changed > 500, "the note and its preview appear in the side panel"
    capsys.readouterr()
    assert main(["--db", str(seeded_db), "screenshot", "1", "-o", str(tmp_path / "x.png"), "--annotation", "7"]) == 1
    assert "no annotation 7" in capsys.readouterr().err
