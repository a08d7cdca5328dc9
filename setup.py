"""Build configuration beyond pyproject.toml: the repository's top-level `resources/` and `seeds/` are mapped
into the package at build time (installed as `reader/resources/` and `reader/seeds/`), so an installed app
finds its dictionary, font, translations and seed articles through importlib.resources. Only what the app
reads at run time ships; build scripts and translation sources stay in the repository."""
from __future__ import annotations

from setuptools import find_packages, setup

SHIPPED = {
    "reader.resources": "resources",
    "reader.resources.dictionary": "resources/dictionary",
    "reader.resources.fonts": "resources/fonts",
    "reader.resources.translations": "resources/translations",
    "reader.seeds": "seeds",
}
PACKAGE_DATA = {
    "reader.resources.dictionary": ["*.u8.gz", "README.md"],
    "reader.resources.fonts": ["*.otf", "OFL.txt", "README.md"],
    "reader.resources.translations": ["*.qm"],
    "reader.seeds": ["*.txt", "seeds.json", "TRANSLATIONS.md"],
}

setup(
    packages=[*find_packages(include=["reader", "reader.*"]), *SHIPPED],
    package_dir=SHIPPED,
    package_data=PACKAGE_DATA,
    include_package_data=False,
)
