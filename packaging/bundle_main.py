"""Desktop bundle entry point (packaging): no arguments opens the reader window, arguments run the command
line, as main.py does. The bundle's executable is also its own Python for the one child process the app
starts: the speech check, `-m reader.gui.speech --probe`."""
from __future__ import annotations

import runpy
import sys


def main() -> int:
    if sys.argv[1:3] == ["-m", "reader.gui.speech"]:
        sys.argv = [sys.argv[0], *sys.argv[3:]]
        runpy.run_module("reader.gui.speech", run_name="__main__")
        return 0
    if len(sys.argv) > 1:
        from reader.cli import main as cli_main

        return cli_main(sys.argv[1:])
    from reader.gui.app import run_gui

    return run_gui([])


if __name__ == "__main__":
    sys.exit(main())
