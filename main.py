"""Bilingual Reader entry point: no arguments (or only `--db PATH`) open the reader window; commands run the command line.

From a checkout the command line also has `bench` (reader_bench, which the installed package does not ship).
"""
from __future__ import annotations

import sys
from importlib.util import find_spec

BENCH_COMMANDS = ("reader_bench.cli",)


def main() -> int:
    if len(sys.argv) > 1:
        from reader.cli import main as cli_main

        # only when asked for: the benchmarks load the GUI modules, which would slow every other command
        wanted = "bench" in sys.argv[1:] and find_spec("reader_bench") is not None
        extra = BENCH_COMMANDS if wanted else ()
        return cli_main(sys.argv[1:], extra_commands=extra)
    from reader.gui.app import run_gui

    return run_gui([])


if __name__ == "__main__":
    sys.exit(main())
