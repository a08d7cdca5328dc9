"""CLI: vocab done (a page or an article marked done) and vocab stats (per day, totals, streak, known share)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.library import Library


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_done_then_stats_as_json(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(seeded_db)]
    code, out, _ = run([*db, "vocab", "stats", "--json", "--days", "2"], capsys)
    data = json.loads(out)
    assert code == 0 and data["totals"]["words_read"] == 0 and data["streak"]["current"] == 0
    assert [a["article_id"] for a in data["articles"]] == [1, 2] and data["articles"][0]["known_percent"] == 0
    code, out, _ = run([*db, "vocab", "done", "1", "--start", "0", "--end", "100", "--json"], capsys)
    done = json.loads(out)
    assert code == 0 and done["marked_known"] > 20 and done["words_read"] >= done["marked_known"]
    with Library.open(seeded_db) as lib:
        (known,) = lib.conn.execute("SELECT COUNT(*) FROM vocabulary WHERE status = 'known'").fetchone()
    assert known == done["marked_known"]
    code, out, _ = run([*db, "vocab", "stats", "--json", "--days", "2"], capsys)
    data = json.loads(out)
    assert len(data["days"]) == 2 and data["days"][-1]["words_read"] == done["words_read"]
    assert data["days"][-1]["learned"] == done["marked_known"] == data["totals"]["known_words"]
    assert data["streak"] == {"current": 1, "longest": 1, "read_today": True}
    first = data["articles"][0]
    assert first["title"].startswith("48小時") and 0 < first["known_percent"] < 100
    assert data["articles"][1]["known_percent"] > 0, "the simplified article shares the words known"


def test_stats_as_text(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(seeded_db)]
    code, out, _ = run([*db, "vocab", "done", "2", "--start", "0", "--end", "40"], capsys)
    assert code == 0 and "marked known;" in out
    code, out, _ = run([*db, "vocab", "stats"], capsys)
    assert code == 0 and "streak: 1 day;" in out and "(1 page done," in out and "% known" in out


def test_bad_input_is_one_line(seeded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(seeded_db)]
    code, _, err = run([*db, "vocab", "done", "1", "--start", "50", "--end", "10"], capsys)
    assert code == 1 and err.strip() == "error: the range 50–10 is empty: the end must come after the start"
    code, _, err = run([*db, "vocab", "done", "99"], capsys)
    assert code == 1 and "no article with id 99" in err
    with pytest.raises(SystemExit) as exit_info:
        main([*db, "vocab", "stats", "--days", "0"])
    assert exit_info.value.code == 2 and "from 1 to 3660" in capsys.readouterr().err
    with Library.open(seeded_db) as lib:
        assert lib.conn.execute("SELECT COUNT(*) FROM pages_read").fetchone() == (0,)


def test_an_article_not_analysed_has_no_share(seeded_db: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "new.txt"
    text.write_text("我喜欢学习中文。\n", encoding="utf-8")
    assert run(["--db", str(seeded_db), "import", str(text)], capsys)[0] == 0
    code, out, _ = run(["--db", str(seeded_db), "vocab", "stats", "--json"], capsys)
    articles = json.loads(out)["articles"]
    assert code == 0 and [a["analysed"] for a in articles] == [True, True, False]
    assert articles[2]["known_percent"] is None and articles[2]["title"] == "我喜欢学习中文"
    code, out, _ = run(["--db", str(seeded_db), "vocab", "stats"], capsys)
    assert "not analysed  我喜欢学习中文" in out


def test_screenshot_of_the_statistics_window(seeded_db: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from PySide6.QtGui import QImage

    assert run(["--db", str(seeded_db), "vocab", "done", "1", "--start", "0", "--end", "100"], capsys)[0] == 0
    out = tmp_path / "stats.png"
    code, text, _ = run(["--db", str(seeded_db), "screenshot", "-o", str(out), "--statistics"], capsys)
    assert code == 0 and text.strip() == f"wrote {out} (the Statistics window)"
    image = QImage(str(out))
    assert not image.isNull() and image.width() < 1280, "the window, not the main window"
