"""The data shipped with the app (core layer): CC-CEDICT, the font subset, interface translations and the
seed articles, found through importlib.resources.

An installed app (wheel, pipx, the desktop bundle) carries them inside the package, as `reader/resources/`
and `reader/seeds/` (setup.py maps the repository's top-level folders there at build time). A source
checkout keeps them only at the top level, beside the `reader` package; that is the one other place looked.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

FOLDERS = ("resources", "seeds")


class MissingData(RuntimeError):
    """The app's own data files are not where an installed app or a source checkout keeps them."""


def _installed(folder: str) -> Path:
    root = resources.files("reader") / folder
    if not isinstance(root, Path):  # a zipped package: the data would have to be unpacked first
        raise MissingData(f"the app's {folder} cannot be read from {root} (the package is not a folder)")
    return root


def folder(name: str) -> Path:
    """The folder of shipped data `name` ("resources" or "seeds"): inside the installed package, else the
    source checkout's top-level folder. Raises MissingData if neither holds it."""
    if name not in FOLDERS:
        raise ValueError(f"no shipped folder {name!r}")
    installed = _installed(name)
    if installed.is_dir():
        return installed
    checkout = installed.parent.parent / name
    if (checkout.parent / "pyproject.toml").is_file() and checkout.is_dir():
        return checkout
    raise MissingData(f"the app's {name} folder is missing (looked in {installed} and {checkout}); reinstall the app")


def resources_dir() -> Path:
    """Dictionary, fonts and .qm translations."""
    return folder("resources")


def seeds_dir() -> Path:
    """The seed articles, their metadata (seeds.json) and English translations."""
    return folder("seeds")
