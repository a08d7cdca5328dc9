"""Build a library fixture exactly as a given schema version made it: tests/data/library-v<N>.sqlite3.

    python tests/data/make_fixture.py            # schema 1 → tests/data/library-v1.sqlite3
    python tests/data/make_fixture.py --schema 2 # at the release that introduces schema 2

Only the migrations up to N are applied, then the library is filled the way a semester of use fills
it: the two seed articles with their translations and cached tokens, a second revision of an article
with an orphaned annotation, tagsets and tags (including a user's own colours and a tagset of their own),
annotations with notes and tags, tag history, vocabulary, a reader, reading positions and settings.
Rows that later code might write differently are inserted with plain SQL, so the file shows what
version N stored. A fixture is made once, when its schema version is released, and committed; the
script refuses to overwrite one (`--force` to do so deliberately, e.g. before the release).
"""
from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from reader.core import schema  # noqa: E402
from reader.core.anchoring import make_quote  # noqa: E402
from reader.core.importers.plaintext import parse_text  # noqa: E402
from reader.core.library import Library, import_seeds  # noqa: E402

STAMP = "2026-02-03T10:00:00.000+00:00"
READER = "Lin Mei"


def apply_migrations(lib: Library, upto: int) -> None:
    """What `Library.migrate` does, stopping at schema version `upto`."""
    for mig in schema.MIGRATIONS:
        if mig.version > upto:
            break
        with lib.transaction():
            schema.ensure_log(lib.conn)
            mig.apply(lib.db)
            lib.conn.execute("INSERT INTO migrations (version, name, applied) VALUES (?, ?, ?)",
                             (mig.version, mig.name, STAMP))


def fill(lib: Library) -> None:
    c = lib.conn
    results = import_seeds(lib)
    c.execute("INSERT INTO settings (key, value) VALUES ('seeds_imported', 'true')")
    for result in results:
        lib.tokens(result.revision_id)
    trad, simp = results[0], results[1]

    # a second revision of the simplified article: its first paragraph edited
    old_text = lib.revision_text(simp.revision_id)
    first, rest = old_text.split("\n", 1)
    new_rev = lib.add_revision(simp.article_id, parse_text("【修订】" + first[:20] + "\n" + rest), "revised.txt")

    with lib.transaction():
        c.execute("INSERT INTO readers (name, hsk_level, created) VALUES (?, 4, ?)", (READER, STAMP))
        c.executemany("INSERT INTO settings (key, value) VALUES (?, ?)", [
            ("reader_name", json.dumps(READER)), ("display.script", json.dumps("simplified")),
            ("display.pinyin", json.dumps({"style": "marks", "tone_colours": True})),
        ])
        tagsets = {}
        for pos, (name, name_zh, desc) in enumerate([
            ("Stance", "立场", "Where I stand"), ("Class notes", "课堂笔记", "For the seminar on 14 March"),
        ]):
            cur = c.execute("INSERT INTO tagsets (name, name_zh, description, position) VALUES (?, ?, ?, ?)",
                            (name, name_zh, desc, pos))
            tagsets[name] = cur.lastrowid
        tags = {}
        for pos, (tagset, name, name_zh, color, shortcut) in enumerate([
            ("Stance", "Agree", "赞同", "#2e7d32", "1"),  # the reader's own colour, not the later default
            ("Stance", "Disagree", "反对", "#c62828", "2"),
            ("Class notes", "Vocabulary", "生词", "#1565c0", None),
            ("Class notes", "Discuss in class", "课上讨论", "#6a1b9a", None),
        ]):
            cur = c.execute(
                "INSERT INTO tags (tagset_id, name, name_zh, color, shortcut, position) VALUES (?, ?, ?, ?, ?, ?)",
                (tagsets[tagset], name, name_zh, color, shortcut, pos),
            )
            tags[name] = cur.lastrowid

        trad_text = lib.revision_text(trad.revision_id)
        spans = [
            (trad.article_id, trad.revision_id, trad_text, 40, 52, "anchored", "The opening claim.\n\n**Check** the date.",
             ["Agree"]),
            (trad.article_id, trad.revision_id, trad_text, 300, 318, "anchored", "", ["Disagree", "Discuss in class"]),
            (trad.article_id, trad.revision_id, trad_text, 1200, 1204, "anchored", "生词：退群", ["Vocabulary"]),
            (simp.article_id, simp.revision_id, old_text, 3, 9, "orphaned", "This passage was edited away.", ["Agree"]),
        ]
        for n, (article_id, revision_id, text, start, end, status, note, names) in enumerate(spans, 1):
            q = make_quote(text, start, end)
            cur = c.execute(
                'INSERT INTO annotations (uuid, article_id, revision_id, kind, start, "end", exact, prefix, suffix,'
                " normalized, color, note, reading, author, status, created, updated)"
                " VALUES (?, ?, ?, 'highlight', ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)",
                (f"00000000-0000-4000-8000-{n:012d}", article_id, revision_id, start, end, q.exact, q.prefix,
                 q.suffix, q.normalized, None, note, READER, status, STAMP, STAMP),
            )
            for name in names:
                c.execute("INSERT INTO annotation_tags (annotation_id, tag_id, created) VALUES (?, ?, ?)",
                          (cur.lastrowid, tags[name], STAMP))
                c.execute("INSERT INTO tag_history (annotation_uuid, tag_name, action, author, at) VALUES (?, ?, 'add', ?, ?)",
                          (f"00000000-0000-4000-8000-{n:012d}", name, READER, STAMP))
        c.execute("INSERT INTO tag_history (annotation_uuid, tag_name, action, author, at) VALUES (?, 'Agree', 'remove', ?, ?)",
                  ("00000000-0000-4000-8000-000000000002", READER, STAMP))
        # a reading fix on one character
        q = make_quote(trad_text, 60, 61)
        c.execute(
            'INSERT INTO annotations (uuid, article_id, revision_id, kind, start, "end", exact, prefix, suffix,'
            " normalized, color, note, reading, author, status, created, updated)"
            " VALUES (?, ?, ?, 'reading', 60, 61, ?, ?, ?, ?, NULL, '', 'zhong4', ?, 'anchored', ?, ?)",
            ("00000000-0000-4000-8000-000000000099", trad.article_id, trad.revision_id, q.exact, q.prefix, q.suffix,
             q.normalized, READER, STAMP, STAMP),
        )
        c.executemany(
            'INSERT INTO vocabulary (reader, simplified, traditional, reading, senses, hsk, sentence, article_id, start,'
            ' "end", known, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
            [
                (READER, "退群", "退群", "tui4 qun2", json.dumps(["to leave a group"]), None, trad_text[1190:1230],
                 trad.article_id, 1202, 1204, 0, STAMP, STAMP),
                (READER, "组织", "組織", "zu3 zhi1", json.dumps(["organisation", "to organise"]), 2, "", None, None,
                 None, 1, STAMP, STAMP),
                (READER, "应对", "應對", "ying4 dui4", json.dumps(["to respond to"]), 5, "", simp.article_id, None,
                 None, 0, STAMP, STAMP),
            ],
        )
        c.executemany('INSERT INTO reading_positions (reader, article_id, "offset", updated) VALUES (?, ?, ?, ?)',
                      [(READER, trad.article_id, 812, STAMP), (READER, simp.article_id, 0, STAMP)])
    assert new_rev > simp.revision_id


def make(target: Path, version: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / target.name
        lib = Library.open(work, migrate=False)
        try:
            apply_migrations(lib, version)
            fill(lib)
            assert lib.schema_version == version
        finally:
            lib.close()
        conn = sqlite3.connect(work)
        conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        conn.execute("VACUUM")
        conn.close()
        shutil.move(work, target)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schema", type=int, default=1, help="schema version to build (default: 1)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing fixture")
    args = parser.parse_args()
    if not 1 <= args.schema <= schema.LATEST:
        parser.error(f"this code knows schema versions 1 to {schema.LATEST}")
    target = HERE / f"library-v{args.schema}.sqlite3"
    if target.exists() and not args.force:
        print(f"{target} exists; a released fixture is never rebuilt (use --force to replace it)", file=sys.stderr)
        return 1
    make(target, args.schema)
    print(f"{target} ({target.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
