"""--version: both commands print the one version and start nothing else (no window, no library)."""
from __future__ import annotations

import subprocess
import sys

import pytest
from testdata import PROJECT_ROOT

import reader
from reader.cli import main


def test_cli_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"bilingual-reader {reader.__version__}"


def test_gui_command_version_opens_no_window(tmp_path) -> None:  # noqa: ANN001
    data = tmp_path / "data"
    data.mkdir()
    out = subprocess.run(
        [sys.executable, "-c", "import sys; from reader.gui.app import main; sys.argv[0] = 'bilingual-reader'; main()",
         "--version"],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
        env={"PYTHONPATH": str(PROJECT_ROOT), "READER_DATA_DIR": str(data), "PATH": "/usr/bin:/bin"},
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"bilingual-reader {reader.__version__}"
    assert not list(data.iterdir()), "no library was created"
