"""A writer for the crash-safety and concurrency tests: annotates an article over and over in one process.

    python tests/core/crash_writer.py LIBRARY TAG [--count N] [--mode cli|library|import] [--seed S]

Each write is one annotation whose note is `TAG-<n>`. After each write has been committed the writer
prints `committed TAG-<n>` and flushes, so a test that kills it knows which writes it must find. Mode
`cli` goes through the command line (`annotate`, exactly what a user runs); mode `library` calls
`Annotations.create` on one open library, and also adds a tag and edits the note in their own
transactions, so a kill can land in any of them. Mode `import` imports articles of 50–1,500 paragraphs
titled `TAG-<n> (<count> paragraphs)`: long transactions, so kills land inside them.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reader.cli import main as cli_main  # noqa: E402
from reader.core.annotations import Annotations  # noqa: E402
from reader.core.importers.plaintext import parse_text  # noqa: E402
from reader.core.library import Library  # noqa: E402

ARTICLE = 1


def run(path: Path, tag: str, count: int, mode: str, seed: int) -> int:
    rnd = random.Random(seed)
    with Library.open(path) as lib:
        length = len(lib.revision_text(lib.article(ARTICLE).revision_id))
    starts = (rnd.randrange(0, length - 13) for _ in range(count))
    spans = ((s, s + rnd.randint(1, 12)) for s in starts)
    if mode == "cli":
        for n, (start, end) in enumerate(spans):
            with contextlib.redirect_stdout(io.StringIO()):
                code = cli_main(["--db", str(path), "annotate", str(ARTICLE), "--start", str(start), "--end", str(end),
                                 "--tag", "Agree", "--note", f"{tag}-{n}", "--author", tag])
            if code != 0:
                return code
            print(f"committed {tag}-{n}", flush=True)
        return 0
    if mode == "import":
        with Library.open(path) as lib:
            for n in range(count):
                size = rnd.randint(50, 1500)
                text = "\n".join(f"{tag}第{n}篇第{i}段：我们在课堂上学习汉语。" for i in range(size))
                lib.import_parsed(parse_text(text), title=f"{tag}-{n} ({size} paragraphs)")
                print(f"committed {tag}-{n}", flush=True)
        return 0
    with Library.open(path) as lib:
        anns = Annotations(lib)
        for n, (start, end) in enumerate(spans):
            edit = anns.create(ARTICLE, start, end, note=f"{tag}-{n}", author=tag)
            print(f"committed {tag}-{n}", flush=True)
            anns.add_tag(edit.annotation.id, "Question")
            anns.update_note(edit.annotation.id, f"{tag}-{n} (revised)")
            print(f"committed {tag}-{n} (revised)", flush=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("tag")
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--mode", choices=("cli", "library", "import"), default="cli")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    return run(args.library, args.tag, args.count, args.mode, args.seed)


if __name__ == "__main__":
    sys.exit(main())
