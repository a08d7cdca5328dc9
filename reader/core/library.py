"""The library (core layer): the one object that owns the SQLite file — open, migrate, and operations.

Every operation that changes data runs in one transaction (`with lib.transaction():`) and returns what
it changed, so a GUI can refresh only that. WAL mode with `synchronous=FULL`, foreign keys on, a busy
timeout for a second process (the CLI while the app is open).
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core import collector, identity, libfile, maintenance, schema
from reader.core.changes import Changed
from reader.core.errors import (
    DiskFull,
    ImportFailed,
    LibraryDamaged,
    LibraryError,
    LibraryReadOnly,
    NotALibrary,
    NotFound,
)
from reader.core.paths import SEEDS_DIR, default_db_path
from reader.core.text import ArticleInfo, Paragraph, ParsedText, Token

if TYPE_CHECKING:
    from sqlite_utils import Database

    from reader.core.pipeline.segment import UserWords

SQLITE_MAGIC = libfile.SQLITE_MAGIC
BUSY_TIMEOUT_MS = 5000
SYNCHRONOUS = "FULL"  # with WAL: a commit reported done survives power loss (NORMAL may lose the last ones)
TOKENS_BATCH_CHARS = 20_000  # characters read per batch by `tokens` (a write transaction each)
TERMS_SCHEMA = 8  # the migration that made the terms and word_splits tables
BULK_INDEX_PARAGRAPHS = 200  # from this many paragraphs on, an import indexes them in one statement
_PARAGRAPH_INDEX_INSERT = 'INSERT INTO "paragraphs_fts" (rowid, "text") VALUES (new.rowid, new."text");'


def now() -> str:
    """UTC time stamp with milliseconds, sortable as text."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ImportResult:
    article_id: int
    revision_id: int
    created: bool  # False: the same text was already in the library
    title: str
    changed: Changed = field(default_factory=Changed)


class Library:
    """An open library file. Create with `Library.open(path)`; close with `close()` or a `with` block."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path
        self._db: Database | None = None
        self._depth = 0
        self._lock = threading.RLock()
        self.read_only: str | None = None  # why the library cannot be written (None: it can)
        self.notices: list[str] = []  # what opening it set right or found, for the user (reader.core.opening)

    @property
    def db(self) -> Database:
        """sqlite-utils view of the connection (imported on first use: it costs ~0.3 s at start-up)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn)
        return self._db

    # ---- opening -------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path | None = None, *, migrate: bool = True) -> Library:
        """Open (creating if needed) a library file and bring its schema up to date.

        `":memory:"` opens a private in-memory library (tests). A library that cannot be written (read-only
        file, folder or disk) is opened read-only (`read_only` says why). Raises a LibraryError subclass
        with a clear message for what is not a library (NotALibrary), a damaged file (LibraryDamaged), a
        full disk that rules out reading too (DiskFull), or a file written by a newer version. On a full
        disk, a library whose log is empty and that no other program has open is opened read-only instead. `reader.core.opening.open_library` is the entry
        for using a library (checks, start-up backup, seeds); this is the bare connection.
        """
        try:
            return cls._open(path, migrate=migrate)
        except DiskFull:
            file = None if str(path) == ":memory:" else Path(path) if path else default_db_path()
            if file is None or not file.exists() or not libfile.full_disk_readable(file):
                raise
            return cls._open(file, migrate=migrate, read_only=libfile.DISK_FULL_READ_ONLY)

    @classmethod
    def _open(cls, path: str | Path | None = None, *, migrate: bool = True,
              read_only: str | None = None) -> Library:
        """`open`, with `read_only` set by the caller (a full disk) or found from the file."""
        memory = str(path) == ":memory:"
        file: Path | None = None if memory else Path(path) if path else default_db_path()
        if file is not None:
            libfile.check_file(file, default_db_path())
            read_only = read_only or libfile.read_only_reason(file)
            try:
                file.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LibraryError(f"cannot create the folder for the library {file}: {exc.strerror}") from exc
        try:
            conn = sqlite3.connect(
                ":memory:" if file is None else libfile.connect_target(file, read_only), isolation_level=None,
                check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000, uri=read_only is not None,
            )
        except sqlite3.Error as exc:
            raise libfile.explain(exc, file) or LibraryError(f"cannot open the library {file}: {exc}") from exc
        lib = cls(conn, file)
        lib.read_only = read_only
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if file is not None and read_only is None:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
            conn.execute("PRAGMA foreign_keys = ON")
            version = schema.applied_version(conn)
            if version == 0 and conn.execute(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            ).fetchone()[0]:
                raise NotALibrary(
                    f"{file} is an SQLite database of another program, not a Bilingual Reader library; "
                    "choose another file"
                )
            if version > schema.LATEST:
                raise LibraryError(
                    f"{file} was written by a newer version of Bilingual Reader (schema {version}, this "
                    f"version knows up to {schema.LATEST}); update the app to open it"
                )
            if migrate and schema.pending(conn):
                if read_only is not None:
                    raise LibraryReadOnly(
                        f"{file} cannot be opened: {read_only}, and it was written by an older version that "
                        f"this one must upgrade first (schema {version} to {schema.LATEST}); make it writable"
                    )
                lib.migrate()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise libfile.explain(exc, file) or LibraryDamaged(f"{file} is damaged ({exc})") from exc
        except BaseException:
            conn.close()
            raise
        return lib

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.Error:
            pass

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- transactions and migrations ----------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Library]:
        """One atomic unit of work: committed when the block ends, rolled back on any exception."""
        if self.read_only is not None:
            raise LibraryReadOnly(f"{self.path} is open read-only ({self.read_only}); nothing was changed")
        with self._lock:
            outer = self._depth == 0
            if outer:
                self.conn.execute("BEGIN IMMEDIATE")
            self._depth += 1
            try:
                yield self
            except BaseException:
                self._depth -= 1
                if outer and self.conn.in_transaction:  # SQLite may already have rolled back (disk full, I/O)
                    self.conn.execute("ROLLBACK")
                raise
            self._depth -= 1
            if outer:
                self.conn.execute("COMMIT")

    def migrate(self) -> list[int]:
        """Apply pending migrations, each in its own transaction, after backing up an existing library."""
        todo = schema.pending(self.conn)
        if not todo:
            return []
        if self.path is not None and schema.applied_version(self.conn) > 0:
            self.backup(reason=f"before-migration-{todo[0].version}")
        done = []
        for mig in todo:
            with self.transaction():
                schema.ensure_log(self.conn)
                mig.apply(self.db)
                self.conn.execute(
                    "INSERT INTO migrations (version, name, applied) VALUES (?, ?, ?)", (mig.version, mig.name, now())
                )
            done.append(mig.version)
        return done

    @property
    def schema_version(self) -> int:
        return schema.applied_version(self.conn)

    def backup(self, reason: str = "manual") -> Path | None:
        """Copy the library with SQLite's backup API into `backups/` beside it. Returns the new file.

        The copy is verified and older backups pruned (reader.core.maintenance).
        """
        return maintenance.backup(self, reason)

    # ---- settings and readers ------------------------------------------------------------------
    def get_setting(self, key: str, default: object = None) -> object:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def set_setting(self, key: str, value: object) -> Changed:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, ensure_ascii=False)),
            )
        return Changed(settings=frozenset({key}))

    @property
    def reader_name(self) -> str:
        """The label of new annotations: the reader's name once given (reader.core.identity)."""
        return identity.display_name(self)

    def set_reader_name(self, name: str) -> Changed:
        return identity.set_name(self, name)

    # ---- importing -----------------------------------------------------------------------------
    def find_by_content(self, text: str) -> tuple[int, int] | None:
        row = self.conn.execute(
            "SELECT article_id, id FROM revisions WHERE content_hash = ? ORDER BY id LIMIT 1", (content_hash(text),)
        ).fetchone()
        return (int(row[0]), int(row[1])) if row else None

    def import_parsed(
        self, parsed: ParsedText, *, title: str | None = None, title_en: str | None = None,
        author: str | None = None, source: str | None = None, date: str | None = None,
        script: str | None = None, seed: str | None = None, source_file: str | None = None,
    ) -> ImportResult:
        """Add a parsed text as a new article (one transaction). Same content twice → the existing article."""
        existing = self.find_by_content(parsed.text)
        if existing:
            art = self.article(existing[0])
            return ImportResult(existing[0], existing[1], False, art.title)
        title = (title or parsed.title or _title_from(parsed)).strip()
        script = script or (parsed.detected_script if parsed.detected_script != "unknown" else "simplified")
        author = author or (parsed.bylines[0] if parsed.bylines else None)
        meta = {"footers": parsed.footers, "bylines": parsed.bylines, "images": parsed.images,
                "detected_script": parsed.detected_script}
        stamp = now()
        with self.transaction():
            cur = self.conn.execute(
                "INSERT INTO articles (title, title_en, author, source, date, script, detected_script, seed, created, updated)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (title, title_en, author, source, date, script, parsed.detected_script, seed, stamp, stamp),
            )
            article_id = int(cur.lastrowid or 0)
            revision_id = self._insert_revision(article_id, 1, parsed, source_file, meta, stamp)
        return ImportResult(article_id, revision_id, True, title, Changed(articles=frozenset({article_id})))

    def _insert_revision(
        self, article_id: int, number: int, parsed: ParsedText, source_file: str | None, meta: dict, stamp: str
    ) -> int:
        cur = self.conn.execute(
            "INSERT INTO revisions (article_id, number, text, content_hash, source_file, encoding, meta, created)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (article_id, number, parsed.text, content_hash(parsed.text), source_file, parsed.encoding,
             json.dumps(meta, ensure_ascii=False), stamp),
        )
        revision_id = int(cur.lastrowid or 0)
        self._insert_paragraphs(revision_id, parsed)
        self.conn.execute("UPDATE articles SET current_revision_id = ?, updated = ? WHERE id = ?", (revision_id, stamp, article_id))
        return revision_id

    def _insert_paragraphs(self, revision_id: int, parsed: ParsedText) -> None:
        """Insert a revision's paragraphs (inside the caller's transaction), indexing them for full-text search.

        A long text skips the per-row index trigger and is indexed in one statement afterwards, which is
        about twice as fast for a book; the trigger is put back in the same transaction.
        """
        rows = [(revision_id, p.index, p.kind, p.level, p.marker, p.start, p.end, p.text) for p in parsed.paragraphs]
        insert = 'INSERT INTO paragraphs (revision_id, idx, kind, level, marker, start, "end", text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
        trigger = self.conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'paragraphs_ai'"
        ).fetchone() if len(rows) >= BULK_INDEX_PARAGRAPHS else None
        if trigger is None or _PARAGRAPH_INDEX_INSERT not in str(trigger[0]):
            self.conn.executemany(insert, rows)
            return
        self.conn.execute('DROP TRIGGER "paragraphs_ai"')
        self.conn.executemany(insert, rows)
        self.conn.execute(
            'INSERT INTO "paragraphs_fts" (rowid, "text") SELECT rowid, "text" FROM paragraphs WHERE revision_id = ?',
            (revision_id,),
        )
        self.conn.execute(str(trigger[0]))

    def add_revision(self, article_id: int, parsed: ParsedText, source_file: str | None = None) -> int:
        """Store an edited text as the article's new current revision (annotations are re-anchored by the caller)."""
        self.article(article_id)
        meta = {"footers": parsed.footers, "bylines": parsed.bylines, "images": parsed.images,
                "detected_script": parsed.detected_script}
        with self.transaction():
            (number,) = self.conn.execute(
                "SELECT COALESCE(MAX(number), 0) + 1 FROM revisions WHERE article_id = ?", (article_id,)
            ).fetchone()
            return self._insert_revision(article_id, int(number), parsed, source_file, meta, now())

    def import_file(
        self, path: str | Path, *, title: str | None = None,
        progress: Callable[[int, int], None] | None = None, **kwargs: str | None,
    ) -> ImportResult:
        """Import a text, Markdown, HTML or EPUB file. Raises ImportFailed (and writes nothing) for unusable input."""
        from reader.core.importers import parse_path

        path = Path(path)
        parsed = parse_path(path, progress=progress) if progress else parse_path(path)
        return self.import_parsed(parsed, title=title, source_file=path.name, **kwargs)

    def ensure_seeds(self, force: bool = False) -> list[ImportResult]:
        """On first start with an empty library, import the articles the app ships with (once)."""
        if not force:
            if self.get_setting("seeds_imported"):
                return []
            (count,) = self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()
            if count:
                return []
        results = import_seeds(self)
        self.set_setting("seeds_imported", True)
        return results

    # ---- reading -------------------------------------------------------------------------------
    def list_articles(self) -> list[ArticleInfo]:
        rows = self.conn.execute(
            """SELECT a.id, a.title, a.title_en, a.script, length(replace(replace(replace(replace(r.text, ' ', ''), char(10), ''), char(9), ''), char(12288), '')), a.current_revision_id, a.author, a.source, a.date,
                      a.detected_script,
                      (SELECT COUNT(*) FROM paragraphs p WHERE p.revision_id = a.current_revision_id),
                      (SELECT COUNT(*) FROM annotations n WHERE n.article_id = a.id AND n.kind = 'highlight')
               FROM articles a JOIN revisions r ON r.id = a.current_revision_id ORDER BY a.id"""
        ).fetchall()
        return [_info(row) for row in rows]

    def article(self, article_id: int) -> ArticleInfo:
        row = self.conn.execute(
            """SELECT a.id, a.title, a.title_en, a.script, length(replace(replace(replace(replace(r.text, ' ', ''), char(10), ''), char(9), ''), char(12288), '')), a.current_revision_id, a.author, a.source, a.date,
                      a.detected_script,
                      (SELECT COUNT(*) FROM paragraphs p WHERE p.revision_id = a.current_revision_id),
                      (SELECT COUNT(*) FROM annotations n WHERE n.article_id = a.id AND n.kind = 'highlight')
               FROM articles a JOIN revisions r ON r.id = a.current_revision_id WHERE a.id = ?""",
            (article_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"there is no article with id {article_id}")
        return _info(row)

    def revision_text(self, revision_id: int) -> str:
        row = self.conn.execute("SELECT text FROM revisions WHERE id = ?", (revision_id,)).fetchone()
        if row is None:
            raise NotFound(f"there is no revision {revision_id}")
        return str(row[0])

    def revision_meta(self, revision_id: int) -> dict:
        row = self.conn.execute("SELECT meta FROM revisions WHERE id = ?", (revision_id,)).fetchone()
        return json.loads(row[0]) if row else {}

    def paragraphs(self, revision_id: int) -> list[Paragraph]:
        rows = self.conn.execute(
            'SELECT idx, kind, start, "end", text, level, marker FROM paragraphs WHERE revision_id = ? ORDER BY idx',
            (revision_id,),
        ).fetchall()
        return [Paragraph(*row) for row in rows]

    def delete_article(self, article_id: int) -> Changed:
        self.article(article_id)
        with self.transaction():
            self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        return Changed(articles=frozenset({article_id}))

    # ---- tokens (pipeline results, cached) -----------------------------------------------------
    def cached_tokens(self, revision_id: int, paragraphs: Iterable[Paragraph]) -> dict[int, list[Token]]:
        """Tokens of the given paragraphs that are already cached for the current pipeline version."""
        from reader.core.pipeline import PIPELINE_VERSION

        wanted = {p.index: p for p in paragraphs}
        if not wanted:
            return {}
        rows = self.conn.execute(  # only the range asked for: a book's worker asks ~50 paragraphs at a time
            "SELECT paragraph_idx, lengths, readings FROM tokens_cache WHERE revision_id = ? AND pipeline_version = ?"
            " AND paragraph_idx BETWEEN ? AND ?",
            (revision_id, PIPELINE_VERSION, min(wanted), max(wanted)),
        ).fetchall()
        out: dict[int, list[Token]] = {}
        for idx, lengths, readings in rows:
            par = wanted.get(idx)
            if par is not None:
                out[idx] = _decode_tokens(par, lengths, readings)
        return out

    def cached_paragraphs(self, revision_id: int) -> set[int]:
        """Indexes of the revision's paragraphs whose tokens are cached (nothing decoded: cheap for a book)."""
        from reader.core.pipeline import PIPELINE_VERSION

        rows = self.conn.execute(
            "SELECT paragraph_idx FROM tokens_cache WHERE revision_id = ? AND pipeline_version = ?",
            (revision_id, PIPELINE_VERSION),
        ).fetchall()
        return {int(r[0]) for r in rows}

    def tokens(
        self, revision_id: int, paragraphs: list[Paragraph] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> dict[int, list[Token]]:
        """Tokens (words with readings, canonical offsets) per paragraph index; computed once, then cached.

        Missing paragraphs are read in batches of about TOKENS_BATCH_CHARS characters (one model run and one
        transaction a batch); `progress(done, total)` is called after each batch. The library's terms and
        splits (reader.core.terms) shape the words.
        """
        pars = paragraphs if paragraphs is not None else self.paragraphs(revision_id)
        out = self.cached_tokens(revision_id, pars)
        missing = [p for p in pars if p.index not in out]
        with collector.paused() if len(missing) > 50 else nullcontext():
            self._compute_tokens(revision_id, missing, out, progress)
        return out

    def user_words(self) -> tuple[UserWords | None, int]:
        """The library's terms and splits for the segmenter (None: there are none), and their stamp."""
        from reader.core.pipeline.segment import UserWords  # the pipeline loads with the first reading

        if schema.applied_version(self.conn) < TERMS_SCHEMA:
            return None, 0
        stamp = self.terms_stamp()
        terms = {str(t): tuple(str(r).split()) if r else None
                 for t, r in self.conn.execute("SELECT text, reading FROM terms")}
        splits = {str(w): tuple(len(part) for part in str(p).split())
                  for w, p in self.conn.execute("SELECT word, parts FROM word_splits")}
        return (UserWords(terms, splits) if terms or splits else None), stamp

    def terms_stamp(self) -> int:
        """How many times the terms and splits changed (by any process): a cheap check for a change."""
        row = self.conn.execute("SELECT value FROM settings WHERE key = 'terms_stamp'").fetchone()
        return int(json.loads(row[0])) if row else 0

    def _compute_tokens(
        self, revision_id: int, missing: list[Paragraph], out: dict[int, list[Token]],
        progress: Callable[[int, int], None] | None,
    ) -> None:
        from reader.core.pipeline import PIPELINE_VERSION, analyse_many

        done = 0
        while done < len(missing):
            end, chars = done, 0
            while end < len(missing) and (end == done or chars + len(missing[end].text) <= TOKENS_BATCH_CHARS):
                chars += len(missing[end].text)
                end += 1
            batch = missing[done:end]
            user, stamp = self.user_words()
            computed = analyse_many([p.text for p in batch], [p.start for p in batch], user)
            rows = [(revision_id, PIPELINE_VERSION, par.index, *_encode_tokens(toks))
                    for par, toks in zip(batch, computed, strict=True)]
            if self.read_only is None:  # a read-only library cannot cache them: computed for reading only
                with self.transaction():
                    if self.terms_stamp() != stamp:  # terms changed meanwhile (another process): read again
                        continue
                    self.conn.executemany(
                        "INSERT OR REPLACE INTO tokens_cache (revision_id, pipeline_version, paragraph_idx, lengths,"
                        " readings) VALUES (?, ?, ?, ?, ?)", rows,
                    )
            for par, toks in zip(batch, computed, strict=True):
                out[par.index] = toks
            done = end
            if progress:
                progress(done, len(missing))

    # ---- translations --------------------------------------------------------------------------
    def translations(self, revision_id: int, language: str = "en") -> dict[int, str]:
        rows = self.conn.execute(
            "SELECT paragraph_idx, text FROM translations WHERE revision_id = ? AND language = ?", (revision_id, language)
        ).fetchall()
        return {int(i): str(t) for i, t in rows}

    def translator(self, revision_id: int, language: str = "en") -> str | None:
        row = self.conn.execute(
            "SELECT translator FROM translations WHERE revision_id = ? AND language = ? LIMIT 1", (revision_id, language)
        ).fetchone()
        return str(row[0]) if row else None

    def set_translation(self, article_id: int, lines: list[str], translator: str, language: str = "en") -> Changed:
        """Attach a paragraph-aligned translation (one entry per paragraph) to the current revision."""
        info = self.article(article_id)
        count = len(self.paragraphs(info.revision_id))
        if len(lines) != count:
            raise ImportFailed(
                f"the translation has {len(lines)} paragraphs but the article has {count}; "
                "put one paragraph per line, in the same order"
            )
        with self.transaction():
            self.conn.execute("DELETE FROM translations WHERE revision_id = ? AND language = ?", (info.revision_id, language))
            self.conn.executemany(
                "INSERT INTO translations (revision_id, paragraph_idx, language, text, translator) VALUES (?, ?, ?, ?, ?)",
                [(info.revision_id, i, language, line, translator) for i, line in enumerate(lines)],
            )
        return Changed(articles=frozenset({article_id}))


def _info(row: tuple) -> ArticleInfo:
    (aid, title, title_en, script, chars, rev, author, source, date, detected, npar, nann) = row
    return ArticleInfo(
        id=int(aid), title=title, title_en=title_en, script=script, chars=int(chars), paragraphs=int(npar),
        annotations=int(nann), revision_id=int(rev), author=author, source=source, date=date, detected_script=detected,
    )


def _title_from(parsed: ParsedText) -> str:
    for par in parsed.paragraphs:
        if par.kind == "heading":
            return par.text[:60]
    for par in parsed.paragraphs:
        if par.kind in ("paragraph", "list_item"):
            cut = len(par.text)
            for mark in "。！？!?，,；;：:":
                pos = par.text.find(mark)
                if 0 < pos < cut:
                    cut = pos
            return par.text[: min(cut, 30)]
    return "Untitled"


def _encode_tokens(tokens: list[Token]) -> tuple[str, str]:
    lengths = ",".join(str(t.end - t.start) for t in tokens)
    readings = " ".join(r or "-" for t in tokens for r in t.readings)
    return lengths, readings


def _decode_tokens(par: Paragraph, lengths: str, readings: str) -> list[Token]:
    sizes = [int(x) for x in lengths.split(",")] if lengths else []
    flat = readings.split(" ") if readings else []
    tokens: list[Token] = []
    pos = 0
    for size in sizes:
        chunk = flat[pos : pos + size]
        start = par.start + pos
        tokens.append(Token(start, start + size, par.text[pos : pos + size], [None if r == "-" else r for r in chunk]))
        pos += size
    return tokens


def seed_manifest() -> list[dict]:
    manifest = SEEDS_DIR / "seeds.json"
    return list(json.loads(manifest.read_text(encoding="utf-8"))["articles"])


TRANSLATOR_PROJECT = "Bilingual Reader project translation (not the authors')"


def import_seeds(lib: Library) -> list[ImportResult]:
    """Import the shipped articles with their metadata and English translations."""
    from reader.core.importers import parse_path

    results = []
    for entry in seed_manifest():
        path = SEEDS_DIR / entry["file"]
        parsed = parse_path(path)
        result = lib.import_parsed(
            parsed, title=entry["title"], title_en=entry.get("title_en"), author=entry.get("author"),
            source=entry.get("source"), date=entry.get("date"), script=entry.get("script"),
            seed=Path(entry["file"]).stem, source_file=entry["file"],
        )
        tr_name = entry.get("translation")
        if result.created and tr_name and (SEEDS_DIR / tr_name).exists():
            lines = [ln.strip() for ln in (SEEDS_DIR / tr_name).read_text(encoding="utf-8").splitlines() if ln.strip()]
            lib.set_translation(result.article_id, lines, TRANSLATOR_PROJECT)
        results.append(result)
    return results
