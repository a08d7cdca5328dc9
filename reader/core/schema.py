"""Schema migrations (core layer): registered in code, applied in order, each in its own transaction.

A migration is a function decorated with `@migration(version, name)`. Applied versions are logged in the
`migrations` table. A library whose newest applied version is above `LATEST` was written by a newer
release: it is refused rather than risk damaging it. Never edit a released migration; add a new one.
"""
from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported lazily: sqlite-utils is needed only when a migration runs
    from sqlite_utils import Database


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Database], None]


MIGRATIONS: list[Migration] = []


def migration(version: int, name: str) -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
    def register(fn: Callable[[Database], None]) -> Callable[[Database], None]:
        if any(m.version == version for m in MIGRATIONS):
            raise RuntimeError(f"migration {version} registered twice")
        MIGRATIONS.append(Migration(version, name, fn))
        MIGRATIONS.sort(key=lambda m: m.version)
        return fn

    return register


@migration(1, "initial schema")
def _initial(db: Database) -> None:
    db.execute("""
        CREATE TABLE readers (
            name TEXT PRIMARY KEY,
            hsk_level INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            title_en TEXT,
            author TEXT,
            source TEXT,
            date TEXT,
            script TEXT NOT NULL,
            detected_script TEXT,
            language TEXT NOT NULL DEFAULT 'zh',
            seed TEXT UNIQUE,
            current_revision_id INTEGER REFERENCES revisions(id) DEFERRABLE INITIALLY DEFERRED,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE revisions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            source_file TEXT,
            encoding TEXT,
            meta TEXT NOT NULL DEFAULT '{}',
            created TEXT NOT NULL,
            UNIQUE (article_id, number)
        )""")
    db.execute("CREATE INDEX idx_revisions_hash ON revisions(content_hash)")
    db.execute("""
        CREATE TABLE paragraphs (
            revision_id INTEGER NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            kind TEXT NOT NULL,
            level INTEGER NOT NULL DEFAULT 0,
            marker TEXT NOT NULL DEFAULT '',
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (revision_id, idx)
        )""")
    db.execute("""
        CREATE TABLE tokens_cache (
            revision_id INTEGER NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
            pipeline_version TEXT NOT NULL,
            paragraph_idx INTEGER NOT NULL,
            lengths TEXT NOT NULL,
            readings TEXT NOT NULL,
            PRIMARY KEY (revision_id, pipeline_version, paragraph_idx)
        )""")
    db.execute("""
        CREATE TABLE translations (
            revision_id INTEGER NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
            paragraph_idx INTEGER NOT NULL,
            language TEXT NOT NULL DEFAULT 'en',
            text TEXT NOT NULL,
            translator TEXT NOT NULL,
            PRIMARY KEY (revision_id, paragraph_idx, language)
        )""")
    db.execute("""
        CREATE TABLE tagsets (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            name_zh TEXT,
            description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0
        )""")
    db.execute("""
        CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            tagset_id INTEGER NOT NULL REFERENCES tagsets(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            name_zh TEXT,
            color TEXT NOT NULL,
            shortcut TEXT,
            position INTEGER NOT NULL DEFAULT 0,
            UNIQUE (tagset_id, name)
        )""")
    db.execute("""
        CREATE TABLE annotations (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            revision_id INTEGER NOT NULL REFERENCES revisions(id),
            kind TEXT NOT NULL DEFAULT 'highlight',
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            normalized TEXT NOT NULL DEFAULT '',
            color TEXT,
            note TEXT NOT NULL DEFAULT '',
            reading TEXT,
            author TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'anchored',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX idx_annotations_article ON annotations(article_id, start)")
    db.execute("CREATE INDEX idx_annotations_author ON annotations(author)")
    db.execute("""
        CREATE TABLE annotation_tags (
            annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            created TEXT NOT NULL,
            PRIMARY KEY (annotation_id, tag_id)
        )""")
    db.execute("CREATE INDEX idx_annotation_tags_tag ON annotation_tags(tag_id)")
    db.execute("""
        CREATE TABLE tag_history (
            id INTEGER PRIMARY KEY,
            annotation_uuid TEXT NOT NULL,
            tag_name TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('add', 'remove')),
            author TEXT NOT NULL,
            at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX idx_tag_history_annotation ON tag_history(annotation_uuid)")
    db.execute("""
        CREATE TABLE vocabulary (
            id INTEGER PRIMARY KEY,
            reader TEXT NOT NULL,
            simplified TEXT NOT NULL,
            traditional TEXT NOT NULL,
            reading TEXT NOT NULL,
            senses TEXT NOT NULL DEFAULT '[]',
            hsk INTEGER,
            sentence TEXT NOT NULL DEFAULT '',
            article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
            start INTEGER,
            "end" INTEGER,
            known INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            UNIQUE (reader, simplified, reading)
        )""")
    db.execute("""
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE reading_positions (
            reader TEXT NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            "offset" INTEGER NOT NULL,
            updated TEXT NOT NULL,
            PRIMARY KEY (reader, article_id)
        )""")
    db.table("paragraphs").enable_fts(["text"], create_triggers=True, tokenize="trigram")
    db.table("annotations").enable_fts(["exact", "note"], create_triggers=True, tokenize="trigram")


# Default tagsets, frozen as migration 2 installed them: (tagset, name_zh, description, tags), a tag being
# (name, name_zh, colour, shortcut). Colours are mid-tones that stay readable as a translucent fill under
# black text on a light page and under white text on a dark page; shortcuts 1–9.
DEFAULT_TAGSETS_V2: tuple[tuple[str, str, str, tuple[tuple[str, str, str, str], ...]], ...] = (
    ("Stance", "立场", "Where the reader stands on a passage", (
        ("Agree", "赞同", "#5cb85c", "1"),
        ("Disagree", "反对", "#e06666", "2"),
        ("Question", "存疑", "#f0ad4e", "3"),
        ("Neutral", "中立", "#9e9e9e", "4"),
    )),
    ("Rhetoric", "修辞", "What a passage does in the argument", (
        ("Claim", "论点", "#5b9bd5", "5"),
        ("Evidence", "论据", "#3fb6a8", "6"),
        ("Opinion", "观点", "#a77bca", "7"),
        ("Loaded language", "情绪化措辞", "#e879b9", "8"),
        ("Fact to check", "待核实", "#c9b458", "9"),
    )),
)


def install_default_tagsets(conn: sqlite3.Connection) -> None:
    """Create the default tagsets and tags that are missing (by name); existing ones are left as they are."""
    for pos, (tagset, tagset_zh, description, tags) in enumerate(DEFAULT_TAGSETS_V2):
        conn.execute(
            "INSERT OR IGNORE INTO tagsets (name, name_zh, description, position) VALUES (?, ?, ?, ?)",
            (tagset, tagset_zh, description, pos),
        )
        (tagset_id,) = conn.execute("SELECT id FROM tagsets WHERE name = ?", (tagset,)).fetchone()
        for tpos, (name, name_zh, color, shortcut) in enumerate(tags):
            conn.execute(
                "INSERT OR IGNORE INTO tags (tagset_id, name, name_zh, color, shortcut, position) VALUES (?, ?, ?, ?, ?, ?)",
                (tagset_id, name, name_zh, color, shortcut, tpos),
            )


@migration(2, "default tagsets: Stance and Rhetoric")
def _default_tagsets(db: Database) -> None:
    install_default_tagsets(db.conn)


@migration(3, "class hand-ins: whose work on which article was merged, and when")
def _class_handins(db: Database) -> None:
    # One row per (article, student) layer merged from a class hand-in (reader.core.classroom): a student
    # who marked nothing still counts as having handed in. Re-merging a hand-in replaces the row.
    db.execute("""
        CREATE TABLE class_handins (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            student TEXT NOT NULL,
            handed_in TEXT NOT NULL,
            merged TEXT NOT NULL,
            annotations INTEGER NOT NULL,
            package_sha256 TEXT NOT NULL,
            PRIMARY KEY (article_id, student)
        )""")


@migration(4, "indexes for annotations in text order and by kind")
def _annotation_order_indexes(db: Database) -> None:
    # `Annotations.list_for_article` reads an article's annotations in text order, orphaned ones last: this
    # index gives them in that order, so ten thousand are not sorted again at each opening. The second does
    # the same for one kind (an article's reading fixes among thousands of highlights) and counts highlights
    # for the library list without reading the rows. See tests/core/test_query_plans.py.
    db.execute('CREATE INDEX idx_annotations_article_order ON annotations(article_id, status = \'orphaned\', start, "end", id)')
    db.execute('CREATE INDEX idx_annotations_article_kind ON annotations(article_id, kind, status = \'orphaned\', start, "end", id)')



@migration(5, "library identity; class students by library id; own vocabulary, level and positions by library")
def _library_identity(db: Database) -> None:
    # A stable random id, made once (reader.core.identity). Hand-ins carry it so a teacher keeps students
    # apart by library, not by name; the user's own rows are keyed by it, so a name is only a label.
    conn = db.conn
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    conn.execute("""
        CREATE TABLE library_identity (
            id TEXT PRIMARY KEY,
            created TEXT NOT NULL,
            one INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (one = 1)
        )""")
    lid = uuid.uuid4().hex
    conn.execute("INSERT INTO library_identity (id, created) VALUES (?, ?)", (lid, stamp))
    # Students whose hand-ins were merged: `key` is 'lib:<library id>:<name>', or 'name:<name>' for a hand-in
    # made before library ids (kept apart by name, as they were). `label` is the unique author of their layer.
    conn.execute("""
        CREATE TABLE class_students (
            key TEXT PRIMARY KEY,
            library_id TEXT,
            name TEXT NOT NULL,
            label TEXT NOT NULL UNIQUE,
            first_merged TEXT NOT NULL
        )""")
    conn.execute("INSERT INTO class_students (key, library_id, name, label, first_merged)"
                 " SELECT 'name:' || student, NULL, student, student, MIN(merged) FROM class_handins GROUP BY student")
    conn.execute("ALTER TABLE class_handins ADD COLUMN student_key TEXT")
    conn.execute("UPDATE class_handins SET student_key = 'name:' || student")
    # Articles that came from a hand-out, with the content hash they were handed out with: a hand-in names
    # it, so the teacher finds the article even after the student revised the text.
    conn.execute("""
        CREATE TABLE class_handouts (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            content_hash TEXT NOT NULL,
            teacher TEXT,
            received TEXT NOT NULL
        )""")
    conn.execute(
        "INSERT OR IGNORE INTO class_handouts (article_id, content_hash, teacher, received)"
        " SELECT a.id, r.content_hash, json_extract(s.value, '$.teacher'), COALESCE(json_extract(s.value, '$.received'), ?)"
        " FROM settings s JOIN articles a ON a.id = CAST(substr(s.key, 20) AS INTEGER)"
        " JOIN revisions r ON r.id = (SELECT MIN(id) FROM revisions WHERE article_id = a.id)"
        " WHERE s.key LIKE 'class_instructions:%'", (stamp,))
    # The user's own rows were kept per reader name: a rename hid them. They all belong to this library;
    # where two names held the same word (or article), the most recently changed row is kept
    # (a word known under any name stays known, and keeps a sentence if any row had one).
    conn.execute("""
        UPDATE vocabulary AS v SET known = g.known, sentence = CASE WHEN v.sentence = '' THEN g.sentence
            ELSE v.sentence END FROM (SELECT simplified, reading, MAX(known) AS known, MAX(sentence) AS sentence
            FROM vocabulary GROUP BY simplified, reading HAVING COUNT(*) > 1) AS g
        WHERE v.simplified = g.simplified AND v.reading = g.reading""")
    conn.execute("""
        DELETE FROM vocabulary WHERE id IN (SELECT id FROM (SELECT id, ROW_NUMBER() OVER (
            PARTITION BY simplified, reading ORDER BY updated DESC, id DESC) AS n FROM vocabulary) WHERE n > 1)""")
    conn.execute("UPDATE vocabulary SET reader = ?", (lid,))
    conn.execute("""
        DELETE FROM reading_positions WHERE rowid IN (SELECT rowid FROM (SELECT rowid, ROW_NUMBER() OVER (
            PARTITION BY article_id ORDER BY updated DESC) AS n FROM reading_positions) WHERE n > 1)""")
    conn.execute("UPDATE reading_positions SET reader = ?", (lid,))
    name = conn.execute("SELECT json_extract(value, '$') FROM settings WHERE key = 'reader_name'").fetchone()
    keep = conn.execute("SELECT name FROM readers ORDER BY name = ? DESC, created DESC LIMIT 1",
                        (name[0] if name else None,)).fetchone()
    if keep is not None:
        conn.execute("DELETE FROM readers WHERE name != ?", (keep[0],))
        conn.execute("UPDATE readers SET name = ?", (lid,))


@migration(6, "word status: new, learning 1-5, known or ignored per vocabulary row")
def _word_status(db: Database) -> None:
    # `status` is what the reader set (reader.core.word_status); `known` stays, equal to status = 'known',
    # for older code and for tools that write it (sqlite-utils, Datasette): the triggers keep each in step
    # with the other whichever one a writer changes (on insert, known = 1 wins).
    conn = db.conn
    conn.execute("ALTER TABLE vocabulary ADD COLUMN status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ("
                 "'new', 'learning1', 'learning2', 'learning3', 'learning4', 'learning5', 'known', 'ignored'))")
    conn.execute("UPDATE vocabulary SET status = 'known' WHERE known != 0")
    conn.execute("UPDATE vocabulary SET known = 1 WHERE known NOT IN (0, 1)")
    conn.execute("""
        CREATE TRIGGER vocabulary_known_sets_status AFTER UPDATE OF known ON vocabulary
        WHEN (NEW.known != 0) != (NEW.status = 'known') BEGIN
            UPDATE vocabulary SET status = CASE WHEN NEW.known != 0 THEN 'known' ELSE 'new' END WHERE id = NEW.id;
        END""")
    conn.execute("""
        CREATE TRIGGER vocabulary_status_sets_known AFTER UPDATE OF status ON vocabulary
        WHEN (NEW.known != 0) != (NEW.status = 'known') BEGIN
            UPDATE vocabulary SET known = (NEW.status = 'known') WHERE id = NEW.id;
        END""")
    conn.execute("""
        CREATE TRIGGER vocabulary_insert_status AFTER INSERT ON vocabulary
        WHEN (NEW.known != 0) != (NEW.status = 'known') BEGIN
            UPDATE vocabulary SET status = CASE WHEN NEW.known != 0 THEN 'known' ELSE NEW.status END,
                known = (NEW.known != 0 OR NEW.status = 'known') WHERE id = NEW.id;
        END""")

@migration(7, "personal glossary: your own translation, note and parent word per word")
def _glossary(db: Database) -> None:
    # One row per word (its simplified form, so both scripts share it), apart from the vocabulary rows: a
    # word deleted from the list, or added again with another reading, keeps what the reader wrote.
    # `parent` is another word's simplified form (看见 → 看), '' for none; reader.core.glossary writes it.
    db.conn.execute("""
        CREATE TABLE glossary (
            reader TEXT NOT NULL,
            simplified TEXT NOT NULL,
            translation TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            parent TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            PRIMARY KEY (reader, simplified),
            CHECK (parent != simplified)
        )""")
    db.conn.execute("CREATE INDEX idx_glossary_parent ON glossary(reader, parent) WHERE parent != ''")

@migration(8, "terms and word splits: the reader's own segmentation, applied to every article")
def _terms(db: Database) -> None:
    # Both in the simplified form the segmenter reads (reader.core.terms): they apply to either script.
    # `terms_stamp` in settings counts their changes, so a reading computed while one changed is not cached.
    conn = db.conn
    conn.execute("""
        CREATE TABLE terms (
            text TEXT PRIMARY KEY CHECK (length(text) >= 2),
            reading TEXT,
            created TEXT NOT NULL
        )""")
    conn.execute("""
        CREATE TABLE word_splits (
            word TEXT PRIMARY KEY CHECK (length(word) >= 2),
            parts TEXT NOT NULL CHECK (replace(parts, ' ', '') = word AND instr(parts, ' ') > 0),
            created TEXT NOT NULL
        )""")


@migration(9, "reading statistics: status changes, pages marked done, words first read, words per revision")
def _reading_stats(db: Database) -> None:
    # word_events is written by triggers, so every writer of a status (the app, the CLI, sqlite-utils)
    # leaves its change in the same transaction; AUTOINCREMENT keeps ids (a change stamp) from coming back.
    conn = db.conn
    conn.execute("""
        CREATE TABLE word_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            vocabulary_id INTEGER NOT NULL,
            reader TEXT NOT NULL,
            word TEXT NOT NULL,
            old_status TEXT,
            new_status TEXT,
            at TEXT NOT NULL,
            day TEXT NOT NULL
        )""")
    conn.execute("CREATE INDEX idx_word_events_day ON word_events(day)")
    stamp = "strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), date('now', 'localtime')"
    conn.execute(f"""
        CREATE TRIGGER word_events_insert AFTER INSERT ON vocabulary WHEN NEW.status != 'new' BEGIN
            INSERT INTO word_events (vocabulary_id, reader, word, old_status, new_status, at, day)
            VALUES (NEW.id, NEW.reader, NEW.simplified, NULL, NEW.status, {stamp});
        END""")
    conn.execute(f"""
        CREATE TRIGGER word_events_update AFTER UPDATE OF status ON vocabulary
        WHEN OLD.status != NEW.status BEGIN
            INSERT INTO word_events (vocabulary_id, reader, word, old_status, new_status, at, day)
            VALUES (NEW.id, NEW.reader, NEW.simplified, OLD.status, NEW.status, {stamp});
        END""")
    conn.execute(f"""
        CREATE TRIGGER word_events_delete AFTER DELETE ON vocabulary WHEN OLD.status != 'new' BEGIN
            INSERT INTO word_events (vocabulary_id, reader, word, old_status, new_status, at, day)
            VALUES (OLD.id, OLD.reader, OLD.simplified, OLD.status, NULL, {stamp});
        END""")
    conn.execute("""
        CREATE TABLE pages_read (
            id INTEGER PRIMARY KEY,
            article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
            title TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            words INTEGER NOT NULL,
            new_words INTEGER NOT NULL,
            marked_known INTEGER NOT NULL,
            at TEXT NOT NULL,
            day TEXT NOT NULL
        )""")
    conn.execute("CREATE INDEX idx_pages_read_day ON pages_read(day)")
    conn.execute("""
        CREATE TABLE words_seen (
            word TEXT PRIMARY KEY,
            page_id INTEGER NOT NULL REFERENCES pages_read(id) ON DELETE CASCADE,
            day TEXT NOT NULL
        )""")
    conn.execute("CREATE INDEX idx_words_seen_page ON words_seen(page_id)")
    conn.execute("CREATE INDEX idx_words_seen_day ON words_seen(day)")
    conn.execute("""
        CREATE TABLE revision_words (
            revision_id INTEGER NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
            word TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (revision_id, word)
        ) WITHOUT ROWID""")
    conn.execute("CREATE INDEX idx_revision_words_word ON revision_words(word)")
    conn.execute("""
        CREATE TABLE revision_word_counts (
            revision_id INTEGER PRIMARY KEY REFERENCES revisions(id) ON DELETE CASCADE,
            cache_key TEXT NOT NULL,
            words INTEGER NOT NULL,
            distinct_words INTEGER NOT NULL,
            counted TEXT NOT NULL
        )""")


LATEST = max(m.version for m in MIGRATIONS)


def ensure_log(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)"
    )


def applied_version(conn: sqlite3.Connection) -> int:
    row = conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name='migrations'"
    ).fetchone()
    if row is None:
        return 0
    (version,) = conn.execute("SELECT COALESCE(MAX(version), 0) FROM migrations").fetchone()
    return int(version)


def pending(conn: sqlite3.Connection) -> list[Migration]:
    current = applied_version(conn)
    return [m for m in MIGRATIONS if m.version > current]
