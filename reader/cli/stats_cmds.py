"""Reading statistics commands (cli layer): `vocab stats` (per day, totals, streak, known share) and `vocab done`."""
from __future__ import annotations

import argparse

from reader.cli.common import open_library, print_json
from reader.cli.ids import record_id
from reader.core import known_share, reading_stats


def register(sub: argparse._SubParsersAction) -> None:
    """Add `stats` and `done` to the `vocab` command (registered before this module)."""
    vocab = sub.choices["vocab"]
    vsub = next(a for a in vocab._actions if isinstance(a, argparse._SubParsersAction))

    q = vsub.add_parser(
        "stats", help="reading statistics: words read, new words and words learned per day, streak, known share",
        description="Per local day: words read (in pages marked done), new words met (read for the first time) "
                    "and words learned (marked known, from anywhere; undone changes do not count); totals, the "
                    "streak of days with reading, and the share of known words in each analysed article.",
    )
    q.add_argument("--days", type=_days, default=30, metavar="N", help="how many days up to today (default 30)")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(func=cmd_stats)

    q = vsub.add_parser(
        "done", help="mark a page done: every new word of an article (or a range of it) becomes known",
        description="Every new word (a dictionary word with no status yet) in the range becomes known, and the "
                    "range counts as read in the statistics. Learning and ignored words keep their status.",
    )
    q.add_argument("id", type=record_id, metavar="ID", help="article id (see `list`)")
    q.add_argument("--start", type=_offset, metavar="S", help="first character (as in `show --json`; default 0)")
    q.add_argument("--end", type=_offset, metavar="E", help="character after the last (default: the article's end)")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(func=cmd_done)


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 3660:
        raise argparse.ArgumentTypeError(f"give a number of days from 1 to 3660, not {text!r}")
    return value


def _offset(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"give a character offset (0 or more), not {text!r}")
    return value


def cmd_stats(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        result = reading_stats.summary(lib, args.days)
        shares = known_share.article_shares(lib)
        articles = {a.id: a.title for a in lib.list_articles()}
    if args.json:
        data = result.as_json()
        data["articles"] = [_article_json(aid, title, shares.get(aid)) for aid, title in articles.items()]
        print_json(data)
        return 0
    print(f"{'day':<10}  {'read':>6}  {'new':>5}  {'learned':>7}")
    for day in result.days:
        if day.words_read or day.new_words or day.learned:
            print(f"{day.day:<10}  {day.words_read:>6}  {day.new_words:>5}  {day.learned:>7}")
    print(f"total       {result.total_words_read:>6}  {result.total_new_words:>5}  {result.total_learned:>7}"
          f"  ({_n(result.total_pages, 'page')} done, {_n(result.known_words, 'word')} known)")
    today = "" if result.read_today or not result.streak else " (read today to keep it)"
    print(f"streak: {_n(result.streak, 'day')}{today}; longest {result.longest_streak}")
    for aid, title in articles.items():
        share = shares.get(aid)
        known = f"{share.percent:>3} % known" if share else "  not analysed"
        print(f"{aid:>4}  {known}  {title}")
    return 0


def _article_json(article_id: int, title: str, share: known_share.Share | None) -> dict[str, object]:
    """An article's known share; an article not analysed yet has nulls (no share rather than a wrong one)."""
    if share is None:
        return {"article_id": article_id, "title": title, "analysed": False, "known_percent": None,
                "known_distinct_percent": None, "known_words": None, "words": None, "known_distinct": None,
                "distinct": None}
    return {**share.as_json(), "title": title, "analysed": True}


def cmd_done(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        done = reading_stats.mark_done(lib, args.id, args.start, args.end)
    if args.json:
        print_json({"article_id": args.id, "marked_known": done.marked, "words_read": done.words,
                    "new_words": done.new_words})
    else:
        print(f"{_n(done.marked, 'word')} marked known; {done.words} read, "
              f"{done.new_words} met for the first time")
    return 0


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
