"""Known share per article (core layer): how many of an article's words the reader knows, before opening it.

Counted from the token cache: each revision's words (dictionary words with Han characters, by simplified
form) and how often each occurs are written once to `revision_words` when all its paragraphs are cached,
and counted again only when its cached tokens change (`revision_word_counts.cache_key`). The share is then
one query against the word statuses: known and ignored words count as known, by distinct words and by
running words. An article whose tokens are not all cached yet has no share (rather than a wrong one).
`ShareCache` keeps the last answer until a status, an article or the token cache changes.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reader.core.dictionary import Dictionary
from reader.core.identity import owner_key
from reader.core.library import Library, now
from reader.core.pipeline import PIPELINE_VERSION
from reader.core.reading_stats import word_key
from reader.core.scaffolding import shared_dictionary


@dataclass(frozen=True)
class Share:
    """Known words of one article: distinct and running, known and ignored counted as known."""

    article_id: int
    known_distinct: int
    distinct: int
    known_running: int
    running: int

    @property
    def percent(self) -> int:
        """Share of running words known, in whole percent (rounded down, so 100 means every word)."""
        return 100 * self.known_running // self.running if self.running else 100

    @property
    def percent_distinct(self) -> int:
        return 100 * self.known_distinct // self.distinct if self.distinct else 100

    def as_json(self) -> dict[str, object]:
        return {"article_id": self.article_id, "known_percent": self.percent,
                "known_distinct_percent": self.percent_distinct, "known_words": self.known_running,
                "words": self.running, "known_distinct": self.known_distinct, "distinct": self.distinct}


def _cache_keys(lib: Library) -> dict[int, tuple[int, str]]:
    """revision id → (paragraphs, key of its cached tokens) for the current revision of every article
    whose tokens are all cached for the current pipeline; the key changes whenever a paragraph is re-cached."""
    rows = lib.conn.execute(
        """SELECT a.current_revision_id,
                  (SELECT COUNT(*) FROM paragraphs p WHERE p.revision_id = a.current_revision_id),
                  COUNT(t.rowid), MAX(t.rowid)
           FROM articles a LEFT JOIN tokens_cache t
             ON t.revision_id = a.current_revision_id AND t.pipeline_version = ?
           GROUP BY a.id""", (PIPELINE_VERSION,)).fetchall()
    return {int(rev): (int(pars), f"{PIPELINE_VERSION}:{cached}:{top}") for rev, pars, cached, top in rows
            if rev is not None and cached and int(cached) >= int(pars)}


def word_counts(lib: Library, revision_id: int, dictionary: Dictionary | None = None) -> Counter[str]:
    """How often each word occurs in a revision, from its cached tokens (reads only)."""
    dic = dictionary or shared_dictionary()
    counts: Counter[str] = Counter()
    for toks in lib.cached_tokens(revision_id, lib.paragraphs(revision_id)).values():
        for tok in toks:
            word = word_key(tok.text, dic)
            if word is not None:
                counts[word] += 1
    return counts


def store_counts(lib: Library, revision_id: int, key: str, counts: Counter[str]) -> None:
    """Keep a revision's word counts with the key of the tokens they came from (one transaction)."""
    if lib.read_only is not None:
        return
    with lib.transaction():
        if lib.conn.execute("SELECT 1 FROM revisions WHERE id = ?", (revision_id,)).fetchone() is None:
            return  # deleted meanwhile
        lib.conn.execute("DELETE FROM revision_words WHERE revision_id = ?", (revision_id,))
        lib.conn.executemany("INSERT INTO revision_words (revision_id, word, count) VALUES (?, ?, ?)",
                             [(revision_id, w, n) for w, n in counts.items()])
        lib.conn.execute(
            "INSERT OR REPLACE INTO revision_word_counts (revision_id, cache_key, words, distinct_words, counted)"
            " VALUES (?, ?, ?, ?, ?)", (revision_id, key, sum(counts.values()), len(counts), now()))


def count_words(lib: Library, revision_id: int, key: str, dictionary: Dictionary | None = None) -> None:
    """Count a revision's words from its cached tokens and store them with `key`."""
    store_counts(lib, revision_id, key, word_counts(lib, revision_id, dictionary))


def stale_revisions(lib: Library) -> dict[int, str]:
    """Revisions (current ones, fully cached) whose word counts are missing or out of date → their key."""
    counted = dict(lib.conn.execute("SELECT revision_id, cache_key FROM revision_word_counts").fetchall())
    return {rev: key for rev, (_, key) in _cache_keys(lib).items() if counted.get(rev) != key}


def article_shares(lib: Library, dictionary: Dictionary | None = None, *, count: bool = True) -> dict[int, Share]:
    """Known share of every article whose words are counted; `count` first counts those not counted yet."""
    if count:
        for rev, key in stale_revisions(lib).items():
            count_words(lib, rev, key, dictionary)
    fresh = _cache_keys(lib)
    rows = lib.conn.execute(
        """SELECT a.id, a.current_revision_id, c.cache_key, COUNT(w.word), COUNT(k.word), COALESCE(SUM(w.count), 0),
                  COALESCE(SUM(CASE WHEN k.word IS NULL THEN 0 ELSE w.count END), 0)
           FROM articles a JOIN revision_word_counts c ON c.revision_id = a.current_revision_id
           LEFT JOIN revision_words w ON w.revision_id = c.revision_id
           LEFT JOIN (SELECT DISTINCT simplified AS word FROM vocabulary
                      WHERE reader = ? AND status IN ('known', 'ignored')) k ON k.word = w.word
           GROUP BY a.id""", (owner_key(lib),)).fetchall()
    out: dict[int, Share] = {}
    for aid, rev, key, distinct, known_distinct, running, known_running in rows:
        if fresh.get(int(rev), (0, None))[1] != key:
            continue  # re-cached since it was counted (or not counted yet): no share rather than a wrong one
        out[int(aid)] = Share(int(aid), int(known_distinct), int(distinct), int(known_running), int(running))
    return out


def stamp(lib: Library) -> tuple[int, ...]:
    """A value that changes when a status, an article or the token cache changes (microseconds to read)."""
    row = lib.conn.execute(
        """SELECT (SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = 'word_events'),
                  (SELECT COUNT(*) FROM articles), (SELECT COALESCE(MAX(id), 0) FROM articles),
                  (SELECT COALESCE(MAX(current_revision_id), 0) FROM articles),
                  (SELECT COALESCE(MAX(rowid), 0) FROM tokens_cache), (SELECT COUNT(*) FROM tokens_cache),
                  (SELECT COUNT(*) FROM vocabulary)""").fetchone()
    return tuple(int(v) for v in row)


class ShareCache:
    """The last `article_shares` answer, recomputed only when `stamp` changed."""

    def __init__(self) -> None:
        self._stamp: tuple[int, ...] | None = None
        self._shares: dict[int, Share] = {}

    def shares(self, lib: Library, dictionary: Dictionary | None = None, *, count: bool = True) -> dict[int, Share]:
        """`article_shares`, from memory while nothing changed; `count`: count new articles' words first."""
        current = stamp(lib)
        if current != self._stamp:
            self._shares = article_shares(lib, dictionary, count=count)
            self._stamp = stamp(lib)  # counting may have written: the stamp after it
        return self._shares

    @property
    def stamp(self) -> tuple[int, ...] | None:
        """The stamp of the last answer (None before the first)."""
        return self._stamp

    def invalidate(self) -> None:
        self._stamp = None
