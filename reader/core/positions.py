"""Reading positions (core layer): where the reader last was in each article, and the last article read."""
from __future__ import annotations

from reader.core.identity import owner_key
from reader.core.library import Library, now


def get_position(lib: Library, article_id: int, reader: str | None = None) -> int | None:
    """The canonical offset the reader was last at in an article, or None if never opened."""
    row = lib.conn.execute(
        'SELECT "offset" FROM reading_positions WHERE reader = ? AND article_id = ?',
        (reader or owner_key(lib), article_id),
    ).fetchone()
    return int(row[0]) if row else None


def set_position(lib: Library, article_id: int, offset: int, reader: str | None = None) -> None:
    """Remember a reading position (and that this article was the last one read)."""
    with lib.transaction():
        lib.conn.execute(
            'INSERT INTO reading_positions (reader, article_id, "offset", updated) VALUES (?, ?, ?, ?)'
            ' ON CONFLICT(reader, article_id) DO UPDATE SET "offset" = excluded."offset", updated = excluded.updated',
            (reader or owner_key(lib), article_id, max(0, int(offset)), now()),
        )


def last_article(lib: Library, reader: str | None = None) -> int | None:
    """The article the reader had open most recently (None when nothing was read yet or it was deleted)."""
    row = lib.conn.execute(
        "SELECT p.article_id FROM reading_positions p JOIN articles a ON a.id = p.article_id"
        " WHERE p.reader = ? ORDER BY p.updated DESC LIMIT 1",
        (reader or owner_key(lib),),
    ).fetchone()
    return int(row[0]) if row else None
