"""Evaluation command (cli layer): `eval-pinyin DIR` scores the readings on a CPP-format polyphone split."""
from __future__ import annotations

import argparse

from reader.cli.common import print_json
from reader.core.errors import ReaderError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "eval-pinyin",
        help="measure reading accuracy on a CPP-format polyphone split (ours vs pypinyin alone)",
        description=(
            "Read DIR/*.sent (the character under test between two U+2581 marks) and DIR/*.lb (its reading, "
            "tone numbers), read each sentence as the app does, and print accuracy overall and on the hard "
            "slice (characters with two or more readings among the split's labels), sentences per second "
            "(steady state) and the load time of the first call."
        ),
    )
    p.add_argument("folder", metavar="DIR", help="folder holding one *.sent and one *.lb file")
    p.add_argument("--limit", type=int, metavar="N", help="evaluate only the first N sentences")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--mistakes", action="store_true", help="also list the sentences our readings get wrong")
    p.set_defaults(func=cmd_eval_pinyin)


def cmd_eval_pinyin(args: argparse.Namespace) -> int:
    from reader.core.evaluation import evaluate

    if args.limit is not None and args.limit < 1:
        raise ReaderError("--limit must be a positive number of sentences")
    report = evaluate(args.folder, limit=args.limit, keep_mistakes=args.mistakes)
    if args.json:
        print_json(report.as_dict(with_mistakes=args.mistakes))
        return 0
    print(f"{report.folder}: {report.sentences} sentences, {report.hard_sentences} in the hard slice")
    print(f"{'':<10}{'overall':>18}{'hard slice':>18}{'sentences/s':>13}{'(wall)':>8}{'load (s)':>10}")
    for s in report.scores:
        overall = f"{100 * s.accuracy:.2f}% {s.correct}/{s.total}"
        hard = f"{100 * s.hard_accuracy:.2f}% {s.hard_correct}/{s.hard_total}"
        print(
            f"{s.name:<10}{overall:>18}{hard:>18}"
            f"{s.sentences_per_second:>13.0f}{s.wall_sentences_per_second:>8.0f}{s.load_seconds:>10.2f}"
        )
    print("sentences/s: steady state per second of CPU time (one core); (wall): per second of wall time")
    if args.mistakes:
        ours = report.scores[0]
        print(f"\n{len(ours.mistakes)} mistakes ({ours.name}):")
        for m in ours.mistakes:
            print(f"  line {m['line']}: {m['char']} {m['label']} → {m['predicted']}  {m['text']}")
    return 0
