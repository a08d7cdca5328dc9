"""The layers hold: no import circles, nothing imports back up, reader/core never reaches Qt, the GUI or the CLI.

The import graph is read from the source (every import statement, including those inside functions and under
TYPE_CHECKING), so an import moved into a function cannot hide a circle. A second test imports every core
module in a fresh interpreter that refuses PySide6.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("reader", "reader_bench")

# Circles that are known and being taken apart; each entry may only shrink. An entry no longer found fails
# the test too, so the list is emptied as the circles go.
KNOWN_CIRCLES: list[frozenset[str]] = []

# Layer of each top-level part, lowest first: a module may import its own layer and those below it.
LAYERS = {"reader": 0, "reader.core": 1, "reader.gui": 2, "reader.cli": 3, "reader_bench": 4}


def module_files() -> dict[str, Path]:
    mods = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            mods[name.removesuffix(".__init__")] = path
    return mods


MODULES = module_files()


def targets(module: str, node: ast.Import | ast.ImportFrom) -> list[str]:
    """The project modules an import statement loads (a `from package import module` names the module)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    if node.level:
        parts = module.split(".")
        package = parts if MODULES[module].name == "__init__.py" else parts[:-1]
        base = ".".join(package[: len(package) - node.level + 1] + ([node.module] if node.module else []))
    else:
        base = node.module or ""
    return [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]


def imports() -> dict[str, set[str]]:
    """Module → every name it imports anywhere in its file (project modules and third-party ones)."""
    out: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names.update(t for t in targets(module, node) if t != module)
        out[module] = names
    return out


IMPORTS = imports()


def graph() -> dict[str, set[str]]:
    return {m: {t for t in names if t in MODULES} for m, names in IMPORTS.items()}


def circles(edges: dict[str, set[str]]) -> list[frozenset[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(frozenset(component))
    return found


def layer(module: str) -> int:
    return max((rank for prefix, rank in LAYERS.items() if module == prefix or module.startswith(prefix + ".")),
               key=lambda rank: rank)


def test_the_graph_is_read() -> None:
    """Positive control: the graph sees the imports it is meant to judge, and the finder finds a planted circle."""
    edges = graph()
    assert "reader.core.library" in edges["reader.core.opening"]
    assert "reader.core.export.files" in edges["reader.core.export"]
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [frozenset({"a", "b", "c"})]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_no_new_import_circles() -> None:
    found = circles(graph())
    new = [sorted(c) for c in found if not any(c <= known for known in KNOWN_CIRCLES)]
    assert not new, f"import circles: {new}"


def test_known_circles_are_still_there() -> None:
    """A circle taken apart leaves KNOWN_CIRCLES (shrink the entry, or remove it)."""
    found = circles(graph())
    stale = [sorted(known) for known in KNOWN_CIRCLES if not any(c == known for c in found)]
    assert not stale, f"KNOWN_CIRCLES lists circles that are gone or smaller now: {stale}"


def test_core_has_no_circles() -> None:
    core = {m: {t for t in e if t.startswith("reader.core")} for m, e in graph().items() if m.startswith("reader.core")}
    allowed = [k for k in KNOWN_CIRCLES if all(m.startswith("reader.core.pipeline.") for m in k)]
    assert all(any(c <= k for k in allowed) for c in circles(core)), circles(core)


def test_nothing_imports_up_a_layer() -> None:
    upward = sorted(f"{m} → {t}" for m, names in graph().items() for t in names if layer(t) > layer(m))
    assert not upward, upward


def test_no_module_imports_its_own_package() -> None:
    """A module never imports the package that holds it (the package imports its modules, not the reverse);
    the root `reader` holds only names (version, app id) and imports nothing."""
    back = sorted(f"{m} → {t}" for m, names in graph().items() for t in names
                  if t != "reader" and m.startswith(t + "."))
    assert not back, back
    assert not graph()["reader"]


@pytest.mark.parametrize("banned", ["PySide6", "shiboken6", "reader.gui", "reader.cli", "reader_bench"])
def test_core_never_imports_the_upper_layers(banned: str) -> None:
    bad = sorted(m for m, names in IMPORTS.items() if m.startswith("reader.core")
                 and any(n == banned or n.startswith(banned + ".") for n in names))
    assert not bad, f"{banned} imported by {bad}"


BLOCKER = """
import importlib, importlib.abc, sys
class Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError(f"{name} is refused: reader.core must not need Qt")
        return None
sys.meta_path.insert(0, Refuse())
failed = []
for name in sys.argv[1:]:
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed.append(f"{name}: {type(exc).__name__}: {exc}")
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print("\\n".join(failed + qt))
sys.exit(1 if failed or qt else 0)
"""


def test_every_core_module_imports_without_qt() -> None:
    core = sorted(m for m in MODULES if m.startswith("reader.core"))
    assert len(core) > 40
    run = subprocess.run([sys.executable, "-c", BLOCKER, *core], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_qt_blocker_refuses_qt() -> None:
    """Positive control: the same interpreter set-up fails a module that needs Qt."""
    run = subprocess.run([sys.executable, "-c", BLOCKER, "reader.gui.signals"], capture_output=True, text=True,
                         cwd=ROOT)
    assert run.returncode == 1 and "PySide6" in run.stdout


def test_every_module_is_listed_in_the_architecture_page() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert "`reader/core/library.py`" in page  # control: the listing form
    missing = sorted(str(path.relative_to(ROOT)) for path in MODULES.values()
                     if f"`{path.relative_to(ROOT).as_posix()}`" not in page)
    assert not missing, f"docs/architecture.md does not list {missing}"
