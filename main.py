"""Bilingual Reader entry point: no arguments (or only `--db PATH`) open the reader window; commands run the command line."""
from __future__ import annotations

import sys


def main() -> int:
    if len(sys.argv) > 1:
        from reader.cli import main as cli_main

        return cli_main(sys.argv[1:])
    from reader.gui.app import run_gui

    return run_gui([])


if __name__ == "__main__":
    sys.exit(main())
