"""Turning bytes into text (core layer, importers): BOMs, UTF-8, UTF-16 without BOM, GB18030, Big5.

Legacy Chinese encodings all decode almost any byte string, so the candidates are scored by how many of
the decoded ideographs are common characters (GB2312 level 1 and their traditional forms).
"""
from __future__ import annotations

import codecs
from functools import lru_cache

from reader.core.errors import ImportFailed

MAX_BYTES = 64 * 1024 * 1024  # a 64 MiB text is ~20M characters: far beyond any book
# UTF-8 with stray bytes: at least this many well-formed characters per unreadable byte. Text in GB18030 or
# Big5 read as UTF-8 has the opposite proportion (only ~1 pair in 12 happens to be well-formed UTF-8).
STRAY_RATIO = 20


@lru_cache(maxsize=1)
def gb2312_level1() -> str:
    """The ~3,755 most common simplified characters: GB2312 level 1, in its order."""
    chars = []
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    """The most common simplified characters (GB2312 level 1) and their traditional forms."""
    simplified = gb2312_level1()
    from reader.core.pipeline.script import convert_text

    return frozenset(simplified) | frozenset(convert_text(simplified, "traditional"))


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000"


def _score(text: str) -> float:
    """Share of ideographs that are common characters, discounted by replacement/control characters."""
    common = _common_chars()
    sample = text[:200_000]
    han = [c for c in sample if _is_cjk(c)]
    bad = sum(1 for c in sample if c == "\ufffd" or (ord(c) < 32 and c not in "\n\r\t") or "\x80" <= c <= "\x9f")
    if not han:
        return -bad / max(len(sample), 1)
    return sum(1 for c in han if c in common) / len(han) - 5 * bad / max(len(sample), 1)


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise UTF-16 without a BOM by its zero bytes falling on one side (ASCII) or by valid CJK."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_zero = data[0::2].count(0)
    odd_zero = data[1::2].count(0)
    half = len(data) // 2
    candidates = []
    if odd_zero > half * 0.2 and even_zero < half * 0.05:
        candidates.append("utf-16-le")
    elif even_zero > half * 0.2 and odd_zero < half * 0.05:
        candidates.append("utf-16-be")
    else:
        candidates += ["utf-16-le", "utf-16-be"]
    best: tuple[float, str] | None = None
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _score(text)
        if score > 0.6 and (best is None or score > best[0]):
            best = (score, text)
    return best[1] if best else None


def _without_stray_nuls(data: bytes) -> bytes | None:
    """Text padded with NUL bytes (a file cut short by a crash, a fixed-size buffer) without them.

    Only when the NULs sit at the start or end, or are rare (≤ 1% of the bytes): binary files have more.
    """
    core = data.strip(b"\x00")
    if b"\x00" in core and core.count(0) * 100 > len(data):
        return None
    return data.replace(b"\x00", b"")


def _utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8, also when the file was cut off inside a character or has a few stray bytes of another encoding.

    Stray bytes become U+FFFD (shown as �) when well-formed characters outnumber them `STRAY_RATIO` to
    one, so a text in GB18030 or Big5 (where most multi-byte sequences are invalid UTF-8) is not taken
    for UTF-8.
    """
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.end >= len(data) and exc.reason == "unexpected end of data":
            try:
                return data[: exc.start].decode("utf-8"), "utf-8 (last character cut off)"
            except UnicodeDecodeError:
                pass
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd")
    bad = replaced - data.count(b"\xef\xbf\xbd")
    valid = len(text) - len(text.encode("ascii", "ignore")) - replaced  # well-formed non-ASCII characters
    if 0 < bad and valid >= STRAY_RATIO * bad and any(_is_cjk(c) for c in text[:200_000]):
        return text, f"utf-8 ({bad} unreadable byte{'s' if bad != 1 else ''} replaced)"
    return None


def decode_bytes(data: bytes, name: str = "file") -> tuple[str, str]:
    """Decode a text file's bytes. Returns (text, encoding name). Raises ImportFailed for non-text."""
    if len(data) > MAX_BYTES:
        raise ImportFailed(f"{name}: file is too large to import ({len(data) // (1024 * 1024)} MiB; limit 64 MiB)")
    if not data.strip(b" \t\r\n\x00"):
        raise ImportFailed(f"{name}: file is empty")
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), enc.replace("-le", "").replace("-be", "") + " (BOM)"
            except UnicodeDecodeError as exc:
                raise ImportFailed(f"{name}: starts with a {enc} byte-order mark but is not valid {enc}") from exc
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None:
            return text, "utf-16"
        stripped = _without_stray_nuls(data)
        utf8 = _utf8(stripped) if stripped is not None else None
        if utf8 is None:
            raise ImportFailed(f"{name}: not a text file (it contains binary data)")
        return utf8[0], utf8[1] + ", NUL bytes removed"
    utf8 = _utf8(data)
    if utf8 is not None:
        return utf8
    best: tuple[float, str, str] | None = None
    for enc in ("gb18030", "big5hkscs"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _score(text)
        if best is None or score > best[0]:
            best = (score, text, enc)
    if best is not None and best[0] > 0.5:
        return best[1], "big5" if best[2] == "big5hkscs" else best[2]
    raise ImportFailed(
        f"{name}: cannot tell the text encoding (tried UTF-8, UTF-16, GB18030 and Big5); save it as UTF-8 and try again"
    )
