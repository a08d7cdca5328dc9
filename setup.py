"""Build configuration beyond pyproject.toml: the repository's top-level `resources/` and `seeds/` are mapped
into the package at build time (installed as `reader/resources/` and `reader/seeds/`, every subfolder too),
so an installed app finds its dictionary, font, translations and seed articles through importlib.resources.
Everything in them ships except what only the repository needs: scripts and translation sources."""
from __future__ import annotations

import fnmatch
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
DATA_FOLDERS = {"resources": "reader.resources", "seeds": "reader.seeds"}
REPOSITORY_ONLY = ["*.py", "*.pyc", "*.ts"]  # build scripts; Qt Linguist sources (the .qm files are shipped)


def data_packages() -> dict[str, str]:
    """Package name → repository folder, for each data folder and each of its subfolders."""
    mapping: dict[str, str] = {}
    for folder, package in DATA_FOLDERS.items():
        root = HERE / folder
        for sub in sorted([root, *(p for p in root.rglob("*") if p.is_dir() and p.name != "__pycache__")]):
            mapping[".".join([package, *sub.relative_to(root).parts])] = sub.relative_to(HERE).as_posix()
    return mapping


def shipped_files() -> list[str]:
    """The repository files the wheel carries as data (paths relative to the repository)."""
    return sorted(
        p.relative_to(HERE).as_posix()
        for folder in DATA_FOLDERS for p in (HERE / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and not any(fnmatch.fnmatch(p.name, g) for g in REPOSITORY_ONLY)
    )


class BuildPy(build_py):
    """Data folders carry data only: a script in one (fonts/build_subset.py …) is not installed as a module."""

    def find_package_modules(self, package: str, package_dir: str) -> list[tuple[str, str, str]]:
        if package.startswith(tuple(f"{p}." for p in DATA_FOLDERS.values())) or package in DATA_FOLDERS.values():
            return []
        return super().find_package_modules(package, package_dir)


if __name__ == "__main__":
    DATA = data_packages()
    setup(
        packages=[*find_packages(include=["reader", "reader.*"]), *DATA],
        package_dir=DATA,
        package_data={name: ["*"] for name in DATA},
        exclude_package_data={name: REPOSITORY_ONLY for name in DATA},
        include_package_data=False,
        cmdclass={"build_py": BuildPy},
    )
