"""reader/core type-checks clean with mypy (settings in pyproject.toml's [tool.mypy])."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def mypy(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mypy", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=600)


def test_core_has_no_type_errors() -> None:
    run = mypy()
    assert run.returncode == 0 and "Success" in run.stdout, run.stdout[-3000:] + run.stderr[-1000:]


def test_mypy_reports_a_type_error(tmp_path: Path) -> None:
    """Positive control: the same run fails on a file with a type error."""
    bad = tmp_path / "bad.py"
    bad.write_text("def f(x: int) -> str:\n    return x\n", encoding="utf-8")
    run = mypy("--no-incremental", str(bad))
    assert run.returncode == 1 and "Incompatible return value" in run.stdout
