"""Hostile and odd input: importers never crash, never hang, and never write half an article.

Every failure must be an `ImportFailed` with a message, and the library must hold exactly the rows it held
before. Includes a hypothesis fuzz test over `decode_bytes`, `parse_path` and `Library.import_file`
(600 examples, a few seconds; READER_SLOW=1 runs 20,000).
"""
from __future__ import annotations

import os
import random
import sqlite3
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.errors import ImportFailed
from reader.core.importers import parse_path
from reader.core.importers.decode import MAX_BYTES, decode_bytes
from reader.core.library import Library
from reader.core.text import ParsedText
from reader_bench.limits import HUGE_LINES

SLOW = os.environ.get("READER_SLOW") == "1"
FUZZ_EXAMPLES = 20_000 if SLOW else 600
TABLES = ("articles", "revisions", "paragraphs", "paragraphs_fts_docsize", "translations", "tokens_cache")
ZH = "中华人民共和国成立于一九四九年。我们在课堂上学习汉语，阅读关于国际组织的文章，并讨论它们的意义。"
ZH_TRAD = "中華人民共和國成立於一九四九年。我們在課堂上學習漢語，閱讀關於國際組織的文章，並討論它們的意義。"


def rows(lib: Library) -> dict[str, int]:
    return {t: lib.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


def check_parsed(parsed: ParsedText) -> None:
    """What every successful import guarantees: offsets index the canonical text; no control characters."""
    assert parsed.paragraphs, "an imported text has at least one paragraph"
    assert parsed.text == "\n".join(p.text for p in parsed.paragraphs)
    for i, p in enumerate(parsed.paragraphs):
        assert p.index == i and p.text and "\n" not in p.text
        assert parsed.text[p.start : p.end] == p.text
    assert not any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in parsed.text)
    assert not any("\ud800" <= c <= "\udfff" for c in parsed.text)  # storable as UTF-8
    assert any("\u3400" <= c <= "\u9fff" or c >= "\U00020000" for c in parsed.text)


def import_or_fail(lib: Library, path: Path) -> ParsedText | None:
    """Import `path`; on ImportFailed assert that nothing was written. Returns what was stored, if anything."""
    before = rows(lib)
    try:
        result = lib.import_file(path)
    except ImportFailed as exc:
        assert str(exc).strip() and "\n" not in str(exc)
        assert rows(lib) == before, "a failed import wrote rows"
        return None
    after = rows(lib)
    if not result.created:
        assert after == before
        return None
    pars = lib.paragraphs(result.revision_id)
    assert after["articles"] == before["articles"] + 1 and after["revisions"] == before["revisions"] + 1
    assert after["paragraphs"] == before["paragraphs"] + len(pars)
    return ParsedText(lib.revision_text(result.revision_id), pars)


@pytest.fixture
def lib(empty_library: Library) -> Library:
    return empty_library


def _write(tmp_path: Path, data: bytes, name: str = "in.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ---- files that are not text ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"\x00" * 5000, "empty"),
        (b" \r\n\t" * 100, "empty"),
        (b"\xef\xbb\xbf", "no text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        ("Café déjà vu, naïve façade".encode("latin-1"), "encoding"),
        (b"Just English, in UTF-8.", "no Chinese"),
        (b"\xff\xfe\x00\xd8\x00", "byte-order mark"),
        ("特别声明：以上内容(包括在内的视频、图片或音频)为自媒体平台用户上传并发布".encode(), "no text"),
    ],
    ids=["empty", "nul-only", "whitespace", "bom-only", "png", "latin-1", "english", "bad-bom", "footer-only"],
)
def test_not_a_chinese_text_is_refused_and_nothing_written(lib: Library, tmp_path: Path, data: bytes, words: str) -> None:
    with pytest.raises(ImportFailed, match=words):
        import_or_fail_strict(lib, _write(tmp_path, data))


def import_or_fail_strict(lib: Library, path: Path) -> None:
    before = rows(lib)
    try:
        lib.import_file(path)
    finally:
        assert rows(lib) == before


def test_random_bytes_are_refused_or_decoded_never_crash(lib: Library, tmp_path: Path) -> None:
    rnd = random.Random(20260122)
    for n in range(60):
        data = rnd.randbytes(rnd.choice([1, 7, 100, 4096, 65536]))
        if n % 3 == 0:
            data = data.replace(b"\x00", b"")  # no NULs: forces the legacy-encoding guessers to look
        parsed = import_or_fail(lib, _write(tmp_path, data, f"r{n}.txt"))
        if parsed is not None:
            check_parsed(parsed)


def test_file_too_large_is_refused_before_reading_it_all(lib: Library, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(ImportFailed, match="too large"):
        import_or_fail_strict(lib, path)


# ---- encodings ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "encoding"),
    [(ZH, "gb18030"), (ZH_TRAD, "big5"), (ZH, "utf-16-le"), (ZH_TRAD, "utf-16-be"), ("第一章 起點\n" + ZH_TRAD, "big5")],
)
def test_legacy_and_bomless_encodings_read_correctly(lib: Library, tmp_path: Path, text: str, encoding: str) -> None:
    parsed = import_or_fail(lib, _write(tmp_path, text.encode(encoding)))
    assert parsed is not None and parsed.text == text


def test_utf8_with_stray_latin1_byte_keeps_the_chinese(lib: Library, tmp_path: Path) -> None:
    data = ZH.encode() * 2
    mixed = data[:60] + "é".encode("latin-1") + data[60:]
    parsed = import_or_fail(lib, _write(tmp_path, mixed))
    assert parsed is not None and parsed.text == ZH[:20] + "\ufffd" + ZH[20:] + ZH
    (enc,) = lib.conn.execute("SELECT encoding FROM revisions ORDER BY id DESC LIMIT 1").fetchone()
    assert enc == "utf-8 (1 unreadable byte replaced)"


def test_utf8_cut_off_inside_a_character(lib: Library, tmp_path: Path) -> None:
    parsed = import_or_fail(lib, _write(tmp_path, ZH.encode()[:-2]))
    assert parsed is not None and parsed.text == ZH[:-1]


def test_text_padded_with_nul_bytes_after_a_crash(lib: Library, tmp_path: Path) -> None:
    parsed = import_or_fail(lib, _write(tmp_path, ZH.encode() + b"\x00" * 8192))
    assert parsed is not None and parsed.text == ZH


def test_gb18030_text_with_utf8_pieces_is_not_misread_as_utf8(tmp_path: Path) -> None:
    data = ZH.encode("gb18030") + ZH[:10].encode() + ZH.encode("gb18030")
    try:
        text, encoding = decode_bytes(data)
    except ImportFailed:
        return
    assert encoding == "gb18030" and ZH in text


def test_control_characters_and_invisible_marks_are_removed(lib: Library, tmp_path: Path) -> None:
    dirty = "中文\x01\x02\x1b测试\x7f\x0c，\u200b这是\u2028一个\x08句子。\r\n第二\x0b段。"
    parsed = import_or_fail(lib, _write(tmp_path, dirty.encode()))
    assert parsed is not None
    check_parsed(parsed)
    assert parsed.text == "中文测试，这是一个句子。\n第二段。"


# ---- size and shape ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("line", "suffix"), [case[1:] for case in HUGE_LINES], ids=[case[0] for case in HUGE_LINES])
def test_huge_single_line_imports_as_one_paragraph(lib: Library, tmp_path: Path, line: str, suffix: str) -> None:
    """Each shape imports whole, as one paragraph; how long it takes is `huge_line_import_s` in
    `main.py bench` (reader_bench.limits), with the 20 s limit these shapes once broke."""
    parsed = import_or_fail(lib, _write(tmp_path, line.encode(), "long" + suffix))
    assert parsed is not None and len(parsed.paragraphs) == 1


def test_a_footer_line_does_not_swallow_unpunctuated_lines(lib: Library, tmp_path: Path) -> None:
    verse = [f"第{i}行没有标点的诗句" for i in range(30)]
    parsed = import_or_fail(lib, _write(tmp_path, "\n".join(["京公网安备 11010102003980号", *verse]).encode()))
    assert parsed is not None and parsed.text == "".join(verse)  # once: "there is no text in it"


def test_extremely_long_article_is_stored_whole(lib: Library, tmp_path: Path) -> None:
    paragraphs = [f"第{i}段：{ZH}" for i in range(10_000)]  # 600,000 characters, 10,000 paragraphs
    parsed = import_or_fail(lib, _write(tmp_path, "\n\n".join(paragraphs).encode()))
    assert parsed is not None and [p.text for p in parsed.paragraphs] == paragraphs


def test_a_failure_midway_through_an_import_leaves_no_trace(lib: Library, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    def broken(*args: object, **kwargs: object) -> int:
        raise sqlite3.OperationalError("disk I/O error")

    path = _write(tmp_path, ZH.encode())
    before = rows(lib)
    monkeypatch.setattr(Library, "_insert_revision", broken)  # the article row is written, then this fails
    with pytest.raises(sqlite3.OperationalError):
        lib.import_file(path)
    assert rows(lib) == before
    monkeypatch.undo()
    assert import_or_fail(lib, path) is not None  # and the same file imports fine afterwards


def test_folder_and_vanished_file(lib: Library, tmp_path: Path) -> None:
    (tmp_path / "dir.txt").mkdir()
    for path in (tmp_path / "dir.txt", tmp_path / "gone.txt"):
        with pytest.raises(ImportFailed):
            import_or_fail_strict(lib, path)


# ---- fuzzing -------------------------------------------------------------------------------------------
_ALPHABET = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # CJK
    st.sampled_from(list("。，、；：？！“”「」《》（）…—\n\r\t 　#*_[]()!`>-+|0123456789abcXYZ作者第章一二")),
    st.characters(max_codepoint=0x1F, exclude_characters="\n"),  # control characters
    st.characters(),  # anything, including astral planes
)
_ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "big5", "utf-16-le", "utf-16-be", "utf-16", "latin-1", "utf-32")


@st.composite
def hostile_bytes(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(("text", "text", "text", "raw", "mixed")))
    if kind == "raw":
        return draw(st.binary(max_size=3000))
    text = draw(st.text(alphabet=_ALPHABET, max_size=400))
    data = text.encode(draw(st.sampled_from(_ENCODINGS)), errors="ignore")
    if kind == "mixed":
        other = draw(st.text(alphabet=_ALPHABET, max_size=200)).encode(draw(st.sampled_from(_ENCODINGS)), errors="ignore")
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + other + data[cut:]
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] if draw(st.booleans()) else data[:cut] + draw(st.binary(max_size=8)) + data[cut:]
    if draw(st.integers(0, 9)) == 0:
        data += b"\x00" * draw(st.integers(1, 600))
    return data


_FUZZ_LIB = Library.open(":memory:")


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=hostile_bytes(), suffix=st.sampled_from((".txt", ".md", ".html")))
def test_fuzz_import_never_crashes_or_half_writes(data: bytes, suffix: str) -> None:
    try:
        text, encoding = decode_bytes(data)
    except ImportFailed as exc:
        assert str(exc).strip()
    else:
        assert isinstance(text, str) and encoding
        text.encode("utf-8")  # no lone surrogates
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            parsed = parse_path(path)
        except ImportFailed:
            parsed = None
        else:
            check_parsed(parsed)
        stored = import_or_fail(_FUZZ_LIB, path)
        if stored is not None:
            assert parsed is not None and stored.text == parsed.text
        elif parsed is not None:
            assert _FUZZ_LIB.find_by_content(parsed.text) is not None  # the same text came up before


@pytest.fixture(scope="module", autouse=True)
def _fuzz_library_stays_sound():  # noqa: ANN202
    """After all the fuzzing, the shared library is still sound and every revision has its paragraphs."""
    yield
    conn = _FUZZ_LIB.conn
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("SELECT COUNT(*) FROM revisions r WHERE NOT EXISTS"
                        " (SELECT 1 FROM paragraphs p WHERE p.revision_id = r.id)").fetchone()[0] == 0
