"""Evaluation command (cli layer): `eval-pinyin [SET ...]` scores the readings on polyphone sets, three methods."""
from __future__ import annotations

import argparse

from reader.cli.common import print_json
from reader.core.errors import ReaderError
from reader.core.evaluation import BUILTIN_SETS, Report, evaluate


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "eval-pinyin",
        help="measure reading accuracy on polyphone sets (ours, pypinyin alone, the model alone)",
        description=(
            "Read each SET as the app reads a paragraph and print, for our readings, pypinyin alone and the "
            "context model (g2pM) alone: accuracy overall and on the hard slice (characters with two or more "
            "readings among the set's labels), accuracy per slice (register, script, erhua, neutral tone), "
            "sentences per second (steady state) and the load time of the first call. A SET is a CPP-format "
            "folder (*.sent with the character between two U+2581 marks, *.lb with its reading), a marked "
            "set (.tsv, [character:reading] in each sentence), a gold file for texts, or a name: "
            f"{', '.join(BUILTIN_SETS)} (the default: all of them)."
        ),
    )
    p.add_argument("sets", metavar="SET", nargs="*", help="folder, .tsv file or set name")
    p.add_argument("--limit", type=int, metavar="N", help="evaluate only the first N sentences of each set")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--mistakes", action="store_true", help="also list the items our readings get wrong")
    p.set_defaults(func=cmd_eval_pinyin)


def cmd_eval_pinyin(args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 1:
        raise ReaderError("--limit must be a positive number of sentences")
    reports = [evaluate(spec, limit=args.limit, keep_mistakes=args.mistakes)
               for spec in (args.sets or list(BUILTIN_SETS))]
    if args.json:
        data = [r.as_dict(with_mistakes=args.mistakes) for r in reports]
        print_json(data[0] if len(data) == 1 else data)
        return 0
    for number, report in enumerate(reports):
        if number:
            print()
        _print_report(report, args.mistakes)
    print("sentences/s: steady state per second of CPU time (one core); (wall): per second of wall time")
    return 0


def _print_report(report: Report, mistakes: bool) -> None:
    items = f", {report.items} items" if report.items != report.sentences else ""
    print(f"{report.folder}: {report.sentences} sentences{items}, {report.hard_sentences} in the hard slice")
    print(f"{'':<10}{'overall':>20}{'hard slice':>20}{'sentences/s':>13}{'(wall)':>8}{'load (s)':>10}")
    for s in report.scores:
        overall = f"{100 * s.accuracy:.2f}% {s.correct}/{s.total}"
        hard = f"{100 * s.hard_accuracy:.2f}% {s.hard_correct}/{s.hard_total}"
        print(
            f"{s.name:<10}{overall:>20}{hard:>20}"
            f"{s.sentences_per_second:>13.0f}{s.wall_sentences_per_second:>8.0f}{s.load_seconds:>10.2f}"
        )
    slices = list(report.scores[0].groups)
    if slices:
        print(f"{'slice':<16}" + "".join(f"{s.name:>20}" for s in report.scores))
        for name in slices:
            cells = []
            for s in report.scores:
                correct, total = s.groups.get(name, [0, 0])
                cells.append(f"{100 * correct / total:.1f}% {correct}/{total}" if total else "")
            print(f"{name[:16]:<16}" + "".join(f"{c:>20}" for c in cells))
    if mistakes:
        ours = report.scores[0]
        print(f"{len(ours.mistakes)} mistakes ({ours.name}):")
        for m in ours.mistakes:
            print(f"  line {m['line']}: {m['char']} {m['label']} → {m['predicted']}  {m['text']}")
