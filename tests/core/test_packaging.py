"""Packaging: the data the app reads at run time is found through importlib.resources and is carried by the
wheel; there is one version, and CHANGELOG.md has its release."""
from __future__ import annotations

import importlib.util
import json
import re
import tomllib
from pathlib import Path
from types import ModuleType
from xml.etree import ElementTree

import pytest
from testdata import PROJECT_ROOT

import reader
from reader.core import paths, shipped


def _setup_module() -> ModuleType:
    """setup.py loaded as a module (its setup() call runs only as __main__, i.e. in a build)."""
    spec = importlib.util.spec_from_file_location("project_setup", PROJECT_ROOT / "setup.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def runtime_files() -> list[Path]:
    """Every file the app opens at run time: dictionary, font, .qm translations, seeds and their metadata."""
    res, seeds = shipped.resources_dir(), shipped.seeds_dir()
    manifest = json.loads((seeds / "seeds.json").read_text(encoding="utf-8"))
    files = [res / "dictionary" / "cedict_ts.u8.gz", res / "fonts" / "NotoSansCJK-Subset.otf", seeds / "seeds.json"]
    files += sorted((res / "translations").glob("*.qm"))
    for entry in manifest["articles"]:
        files += [seeds / entry["file"], *([seeds / entry["translation"]] if entry.get("translation") else [])]
    return files


def test_shipped_data_is_found_and_complete() -> None:
    files = runtime_files()
    assert len([f for f in files if f.suffix == ".qm"]) == 2
    assert all(f.is_file() and f.stat().st_size > 0 for f in files), [f for f in files if not f.is_file()]
    assert paths.RESOURCES_DIR == shipped.resources_dir() and paths.SEEDS_DIR == shipped.seeds_dir()


def test_the_wheel_carries_every_runtime_file_and_no_build_script() -> None:
    setup = _setup_module()
    carried = set(setup.shipped_files())
    root = shipped.resources_dir().parent
    needed = {f.relative_to(root).as_posix() for f in runtime_files()}
    assert needed <= carried, sorted(needed - carried)
    assert not [f for f in carried if f.endswith((".py", ".ts"))]
    assert "resources/fonts/OFL.txt" in carried and "resources/dictionary/README.md" in carried  # the licences
    packages = setup.data_packages()
    assert packages["reader.resources.fonts"] == "resources/fonts" and packages["reader.seeds"] == "seeds"


def test_an_installed_package_is_preferred_to_the_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As in a wheel: data inside the package wins; without either copy the message says what to do."""
    package = tmp_path / "site" / "reader"
    (package / "seeds").mkdir(parents=True)
    monkeypatch.setattr(shipped.resources, "files", lambda name: package)
    assert shipped.seeds_dir() == package / "seeds"
    with pytest.raises(shipped.MissingData, match="reinstall the app"):
        shipped.resources_dir()


def test_one_version_everywhere() -> None:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "reader.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", reader.__version__)
    changelog = (PROJECT_ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", changelog, re.MULTILINE)
    assert releases and releases[0] == reader.__version__, "CHANGELOG.md's latest release is this version"
    assert "## [Unreleased]" in changelog


def test_desktop_entry_icon_and_metainfo_agree() -> None:
    """The .desktop file, the icon and the AppStream metainfo name one app id; the metainfo's latest release
    is this version (so a release updates it too)."""
    folder = PROJECT_ROOT / "packaging"
    app_id = reader.DESKTOP_ID  # the id the running app gives itself (setDesktopFileName)
    desktop = dict(line.split("=", 1) for line in (folder / f"{app_id}.desktop").read_text(encoding="utf-8").splitlines()
                   if "=" in line)
    assert desktop["Exec"] == "bilingual-reader" and desktop["Icon"] == app_id and desktop["Type"] == "Application"
    icon = shipped.resources_dir() / "icons" / f"{app_id}.svg"  # shipped: also the window icon
    assert icon.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert f"resources/icons/{app_id}.svg" in _setup_module().shipped_files()
    meta = ElementTree.parse(folder / f"{app_id}.metainfo.xml").getroot()
    assert meta.findtext("id") == app_id and meta.findtext("project_license") == "MIT"
    assert meta.find("launchable").text == f"{app_id}.desktop"
    assert meta.find("releases/release").get("version") == reader.__version__
