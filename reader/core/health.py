"""The library health check (core layer): examine a library file without changing it; report in plain words.

`check(path) -> CheckReport` looks at: the file itself (an SQLite database, not cut off), SQLite's
`integrity_check`, `foreign_key_check`, the schema version, whether every annotation lies inside the text
of its revision (and still quotes it), and whether each full-text search index matches its table (FTS5's
own `integrity-check`, plus a rebuild of the index in memory compared entry by entry). Nothing is written
to the library: it is opened read-only.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from reader.core import libfile, maintenance, schema
from reader.core.library import Library
from reader.core.paths import default_db_path

SAMPLE = 5  # problem examples listed per check


@dataclass(frozen=True)
class Finding:
    """The outcome of one check: `name` (file, integrity, references, schema, annotations, search index)."""

    name: str
    ok: bool
    message: str
    details: tuple[str, ...] = ()

    def as_json(self) -> dict:
        return {"name": self.name, "ok": self.ok, "message": self.message, "details": list(self.details)}


@dataclass
class CheckReport:
    """Everything `check` found. `ok` is True when the library is healthy."""

    path: Path
    findings: list[Finding] = field(default_factory=list)
    schema_version: int | None = None
    backups: list[maintenance.BackupInfo] = field(default_factory=list)
    newest_good_backup: maintenance.BackupInfo | None = None
    not_a_library: str | None = None  # what the path is instead ("a folder" …): nothing to repair
    unreadable: str | None = None  # the file could not be read (disk, permission): not damage

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.findings)

    @property
    def damaged(self) -> bool:
        """The file itself is damaged (only a restore or a new library helps)."""
        if self.not_a_library or self.unreadable:
            return False
        return any(not f.ok and f.name in ("file", "integrity") for f in self.findings)

    @property
    def index_only(self) -> bool:
        """The only problem is a search index out of step with its table: `--repair search-index` fixes it."""
        bad = [f for f in self.findings if not f.ok]
        return bool(bad) and all(f.name == "search index" for f in bad)

    @property
    def log_only(self) -> bool:
        """The only problem is a `-wal` that does not belong to the library: opening it sets the log aside."""
        bad = [f for f in self.findings if not f.ok]
        return bool(bad) and all(f.name == "log" for f in bad)

    def advice(self, command: str = maintenance.COMMAND) -> str | None:
        """What to run, in one sentence (None when healthy)."""
        if self.ok:
            return None
        if self.not_a_library:
            return (f"Nothing to repair: this is {self.not_a_library}, not a library. Give the path of the "
                    f"library file ('{maintenance.COMMAND} --db PATH').")
        if self.unreadable:
            return f"The library is not damaged as far as can be seen: {self.unreadable}."
        if any(not f.ok and f.name == "schema" and "newer" in f.message for f in self.findings):
            return "Update Bilingual Reader to open this library; do not repair it."
        if self.log_only:
            return (f"Open the library (e.g. '{command} list') to set the stray -wal file aside; nothing else "
                    "is wrong.")
        if self.index_only:
            return f"Run '{command} check --repair search-index' to rebuild the search index (no data is lost)."
        new = f"'{command} check --repair new' to start a new library (the damaged file is kept aside)"
        if self.newest_good_backup is None:
            return f"There is no good backup; run {new}."
        return (f"Run '{command} check --repair restore' to restore the newest good backup "
                f"(from {self.newest_good_backup.local_time}), or {new}.")

    def text(self, command: str = maintenance.COMMAND) -> str:
        lines = [f"Library: {self.path}"]
        for f in self.findings:
            lines.append(f"  {'ok     ' if f.ok else 'PROBLEM'}  {f.name}: {f.message}")
            lines.extend(f"             {d}" for d in f.details)
        if self.backups:
            b = self.backups[0]
            good = self.newest_good_backup
            good_text = f"; newest good one from {good.local_time}" if good else "; none of them passes the check"
            lines.append(f"  backups: {len(self.backups)}, newest from {b.local_time} ({b.reason}){good_text}")
        else:
            lines.append("  backups: none yet")
        lines.append("The library is healthy." if self.ok else f"The library has problems. {self.advice(command)}")
        return "\n".join(lines)

    def as_json(self) -> dict:
        good = self.newest_good_backup
        return {
            "path": str(self.path), "ok": self.ok, "damaged": self.damaged, "schema_version": self.schema_version,
            "not_a_library": self.not_a_library, "unreadable": self.unreadable,
            "checks": [f.as_json() for f in self.findings], "advice": self.advice(),
            "backups": [b.as_json() for b in self.backups],
            "newest_good_backup": good.as_json() if good else None,
        }


def check(lib_path: str | Path, *, backups: bool = True) -> CheckReport:
    """Examine the library at `lib_path` read-only and report what is wrong, in plain words."""
    path = Path(lib_path)
    report = CheckReport(path)
    if backups:
        report.backups = maintenance.list_backups(path)
        report.newest_good_backup = maintenance.newest_good_backup(path)
    kind = libfile.kind_of(path)
    if kind is not None:
        report.not_a_library = kind
        report.findings.append(Finding("file", False, f"this is {kind}, not a library file"))
        return report
    if not path.exists():
        report.findings.append(Finding("file", False, "there is no library file here (the app creates it on first start)"))
        return report
    size = path.stat().st_size
    wal = Path(f"{path}-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    if size == 0:
        if report.backups or wal_size or (not backups and maintenance.list_backups(path)):
            report.findings.append(Finding("file", False, "the file is empty (0 bytes) where a library was "
                                           "(it has backups or a -wal beside it): the file is damaged"))
        else:
            report.findings.append(Finding("file", True, "empty: a new library will be started here"))
        return report
    head = libfile.read_head(path)  # None while this process has the library open: SQLite checks below
    damage = libfile.header_damage(head, size, wal_size > 0) if head is not None else None
    if damage and not libfile.looks_like_library(path, head, default_db_path()):
        report.not_a_library = libfile.what_is(path, head)
        report.findings.append(Finding("file", False, f"this is {report.not_a_library}, not a library"))
        return report
    if damage:
        report.findings.append(Finding("file", False, f"the file is damaged: {damage}"))
        return report
    report.findings.append(Finding("file", True, f"an SQLite database of {_size(size)}"))
    stray = libfile.stray_wal(path)
    if stray:
        report.findings.append(Finding("log", False, f"the -wal file beside the library does not belong to it "
                                       f"({stray}); opening the library sets it aside (kept, not applied)"))
    read_only = libfile.read_only_reason(path)
    immutable = stray is not None or (read_only is not None and not wal.exists())
    try:
        conn = sqlite3.connect(maintenance.ro_uri(path, immutable=immutable), uri=True, timeout=5)
    except sqlite3.Error as exc:
        report.unreadable = str(libfile.explain(exc, path) or f"it cannot be opened ({exc})")
        report.findings.append(Finding("file", False, report.unreadable))
        return report
    try:
        try:
            problems = maintenance.integrity_problems(conn, limit=50)
        except sqlite3.Error as exc:  # not damage: the file could not be read
            report.unreadable = str(libfile.explain(exc, path) or exc)
            report.findings.append(Finding("integrity", False, f"could not be checked: {report.unreadable}"))
            return report
        if problems:
            report.findings.append(Finding("integrity", False, "the file is damaged (SQLite's integrity check "
                                           f"found {_count(len(problems), 'problem')})", tuple(problems[:SAMPLE])))
            return report
        report.findings.append(Finding("integrity", True, "no damage found"))
        for step in (_references, _schema, _annotations, _search_indexes):
            try:
                finding = step(conn, report)
            except sqlite3.DatabaseError as exc:
                finding = Finding(_STEP_NAMES[step], False, f"could not be checked: {exc}")
            if finding is not None:
                report.findings.append(finding)
    finally:
        conn.close()
    return report


def _references(conn: sqlite3.Connection, report: CheckReport) -> Finding:
    rows = conn.execute("PRAGMA foreign_key_check").fetchall()
    if not rows:
        return Finding("references", True, "every row points to rows that exist")
    counts: dict[tuple[str, str], int] = {}
    for table, _rowid, parent, _fk in rows:
        counts[(table, parent)] = counts.get((table, parent), 0) + 1
    details = tuple(f"{_count(n, 'row')} in {t} point to {p} rows that no longer exist" for (t, p), n in counts.items())
    return Finding("references", False, f"{_count(len(rows), 'row')} refer to rows that no longer exist",
                   details[:SAMPLE])


def _schema(conn: sqlite3.Connection, report: CheckReport) -> Finding:
    has_tables = conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
    version = schema.applied_version(conn)
    report.schema_version = version
    if version == 0:
        if has_tables:
            return Finding("schema", False, "this SQLite file is not a Bilingual Reader library")
        return Finding("schema", True, "empty database: a new library will be set up here")
    if version > schema.LATEST:
        return Finding("schema", False, f"version {version}, written by a newer Bilingual Reader (this one knows "
                                        f"up to {schema.LATEST}); update the app")
    if version < schema.LATEST:
        return Finding("schema", True, f"version {version}; it will be upgraded to {schema.LATEST} (after a backup) "
                                       "the next time the app opens it")
    return Finding("schema", True, f"version {version} (current)")


def _annotations(conn: sqlite3.Connection, report: CheckReport) -> Finding | None:
    if not _table_exists(conn, "annotations") or not _table_exists(conn, "revisions"):
        return None
    # Each revision's text is read once (a JOIN would re-read a book-length text for every annotation).
    rows = conn.execute('SELECT id, revision_id, start, "end", exact, status FROM annotations ORDER BY revision_id, id')
    outside: list[tuple[int, int, int, int]] = []
    misquoted: list[tuple[int, str, str]] = []
    total = 0
    current: tuple[int, str | None] = (-1, None)
    for ann_id, revision_id, start, end, exact, status in rows:
        total += 1
        if current[0] != revision_id:
            row = conn.execute("SELECT text FROM revisions WHERE id = ?", (revision_id,)).fetchone()
            current = (revision_id, row[0] if row else None)
        text = current[1]
        if text is None:
            continue  # a missing revision is reported by the references check
        if not 0 <= start <= end <= len(text):
            outside.append((ann_id, start, end, len(text)))
        elif status != "orphaned" and text[start:end] != exact:
            misquoted.append((ann_id, exact, text[start:end]))
    if not outside and not misquoted:
        return Finding("annotations", True, f"all {_count(total, 'annotation')} lie inside their revision's text")
    details = [f"annotation {i}: {s}–{e} is outside its text of {n} characters" for i, s, e, n in outside[:SAMPLE]]
    details += [f"annotation {i}: quotes “{_short(q)}” but the text there is “{_short(t)}”"
                for i, q, t in misquoted[:SAMPLE]]
    parts = []
    if outside:
        parts.append(f"{_count(len(outside), 'annotation')} point outside their revision's text")
    if misquoted:
        parts.append(f"{_count(len(misquoted), 'annotation')} no longer match the text they quote")
    return Finding("annotations", False, "; ".join(parts), tuple(details))


_FTS_SQL = re.compile(r"USING\s+FTS5\s*\((?P<args>.*)\)\s*$", re.IGNORECASE | re.DOTALL)


def fts_tables(conn: sqlite3.Connection) -> list[tuple[str, str | None, str | None, list[str]]]:
    """The FTS5 tables: (name, content table or None, tokenize option or None, indexed columns)."""
    out = []
    for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%fts5%'"):
        m = _FTS_SQL.search(sql or "")
        if not m:
            continue
        content = tokenize = None
        columns = []
        for arg in _split_args(m.group("args")):
            key, eq, value = arg.partition("=")
            key = key.strip().strip("\"'`[]").lower()
            if eq and key == "content":
                content = value.strip().strip("\"'`[]") or None
            elif eq and key == "tokenize":
                tokenize = value.strip()
            elif not eq:
                columns.append(arg.strip().strip("\"'`[]").split()[0])
        out.append((name, content, tokenize, columns))
    return out


def _search_indexes(conn: sqlite3.Connection, report: CheckReport) -> Finding | None:
    tables = fts_tables(conn)
    if not tables:
        return None
    bad: list[str] = []
    # FTS5's integrity-check is written as an INSERT, so it needs a writable connection; it changes nothing
    # and runs inside a transaction that is rolled back.
    if libfile.read_only_reason(report.path) is None:
        bad += _fts_integrity(report.path, [t[0] for t in tables])
    for name, content, tokenize, columns in tables:
        if content and not any(b.startswith(f"{name}:") for b in bad):
            differing = _index_differences(conn, name, content, tokenize, columns)
            named = [d for d in differing if d >= 0]
            if named:
                bad.append(f"{name}: {_count(len(named), 'row')} of {content} indexed differently from their "
                           f"text (row ids {', '.join(map(str, named[:SAMPLE]))})")
            elif differing:
                bad.append(f"{name}: the index of {content} does not match its text")
    if bad:
        return Finding("search index", False, "a search index does not match its table (search may miss or "
                                              "invent results)", tuple(bad[:SAMPLE]))
    return Finding("search index", True, f"consistent ({', '.join(t[0] for t in tables)})")


def _fts_integrity(path: Path, names: list[str]) -> list[str]:
    """FTS5's own integrity-check of each index. It is written as an INSERT, so it needs a writable
    connection; it changes nothing and runs in a transaction that is rolled back. Only SQLite reporting
    damage counts: a busy, locked or unwritable library skips it (the comparison still runs, read-only)."""
    bad: list[str] = []
    try:
        writer = sqlite3.connect(str(path), timeout=5, isolation_level=None)
    except sqlite3.Error:
        return bad
    try:
        writer.execute("BEGIN")  # rolled back below
        for name in names:
            try:
                writer.execute(f'INSERT INTO "{name}"("{name}") VALUES (\'integrity-check\')')
            except sqlite3.DatabaseError as exc:
                code = getattr(exc, "sqlite_errorcode", None)
                if not isinstance(exc, sqlite3.OperationalError) or (code or 0) & 0xFF == libfile.SQLITE_CORRUPT:
                    bad.append(f"{name}: {exc}")
        writer.execute("ROLLBACK")
    except sqlite3.OperationalError:
        pass  # busy or unwritable: skipped
    finally:
        writer.close()
    return bad


def _index_differences(
    conn: sqlite3.Connection, name: str, content: str, tokenize: str | None, columns: list[str]
) -> list[int]:
    """Row ids whose index entries differ from a fresh index of the content table, built in memory.

    Compared: each row's token counts (the `docsize` tables), then each term's totals (fts5vocab 'row');
    only for terms whose totals differ are the rows looked up. A 1.2M-character book takes about 2 s.
    """
    cols = ", ".join(f'"{c}"' for c in columns)
    options = f", tokenize={tokenize}" if tokenize else ""
    _drop_temp(conn)
    conn.execute(f"CREATE VIRTUAL TABLE temp.health_fts USING fts5({cols}{options})")
    try:
        conn.execute(f'INSERT INTO temp.health_fts(rowid, {cols}) SELECT rowid, {cols} FROM main."{content}"')
        differing = {int(r[0]) for r in conn.execute(
            f"""SELECT h.id FROM main."{name}_docsize" h LEFT JOIN temp.health_fts_docsize w ON w.id = h.id
                WHERE w.sz IS NOT h.sz
                UNION
                SELECT w.id FROM temp.health_fts_docsize w LEFT JOIN main."{name}_docsize" h ON h.id = w.id
                WHERE h.sz IS NULL"""
        )}
        conn.execute(f"CREATE VIRTUAL TABLE temp.health_have USING fts5vocab(main, \"{name}\", row)")
        conn.execute("CREATE VIRTUAL TABLE temp.health_want USING fts5vocab(temp, health_fts, row)")
        terms = [r[0] for r in conn.execute(
            """SELECT term FROM (SELECT term, doc, cnt FROM temp.health_have EXCEPT SELECT term, doc, cnt FROM temp.health_want)
               UNION
               SELECT term FROM (SELECT term, doc, cnt FROM temp.health_want EXCEPT SELECT term, doc, cnt FROM temp.health_have)
               LIMIT 1000"""
        )]
        if terms:
            conn.execute(f"CREATE VIRTUAL TABLE temp.health_have_i USING fts5vocab(main, \"{name}\", instance)")
            conn.execute("CREATE VIRTUAL TABLE temp.health_want_i USING fts5vocab(temp, health_fts, instance)")
            for term in terms[:200]:
                have = set(conn.execute('SELECT doc, col, "offset" FROM temp.health_have_i WHERE term = ?', (term,)))
                want = set(conn.execute('SELECT doc, col, "offset" FROM temp.health_want_i WHERE term = ?', (term,)))
                differing |= {int(r[0]) for r in have ^ want}
            if not differing:
                differing.add(-1)  # totals differ but no row could be named: still a mismatch
        return sorted(differing)
    finally:
        _drop_temp(conn)


def _drop_temp(conn: sqlite3.Connection) -> None:
    for table in ("health_have_i", "health_want_i", "health_have", "health_want", "health_fts"):
        conn.execute(f"DROP TABLE IF EXISTS temp.{table}")


def rebuild_search_indexes(lib_path: str | Path) -> list[str]:
    """Rebuild every full-text index from its table (the repair for an index out of step). Returns their names."""
    with Library.open(lib_path) as lib:
        names = [t[0] for t in fts_tables(lib.conn) if t[1]]
        with lib.transaction():
            for name in names:
                lib.conn.execute(f'INSERT INTO "{name}"("{name}") VALUES (\'rebuild\')')
    return names


_STEP_NAMES = {_references: "references", _schema: "schema", _annotations: "annotations",
               _search_indexes: "search index"}


def _split_args(text: str) -> list[str]:
    """Split FTS5 arguments on commas outside quotes."""
    out, buf, quote = [], "", ""
    for ch in text:
        if quote:
            buf += ch
            if ch == quote:
                quote = ""
        elif ch in "'\"`":
            quote = ch
            buf += ch
        elif ch == ",":
            out.append(buf.strip())
            buf = ""
        else:
            buf += ch
    if buf.strip():
        out.append(buf.strip())
    return out


def _table_exists(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _short(text: str, n: int = 20) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= n else text[: n - 1] + "…"


def _size(n: int) -> str:
    if n < 1024:
        return f"{n:,} bytes"
    size = n / 1024
    for unit in ("KB", "MB"):
        if size < 1024:
            return f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"
