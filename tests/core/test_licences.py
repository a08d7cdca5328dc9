"""No copyleft in the install: no distribution in this environment (the app's dependencies and the test
tools alike) may be licensed only under the GPL 3 or the AGPL, which would bind a bundle of this MIT app."""
from __future__ import annotations

import re
from email.message import Message
from importlib.metadata import distributions

import pytest

_AGPL = re.compile(r"\bAGPL|AFFERO", re.IGNORECASE)
_GPL = re.compile(r"\bGPL|GENERAL PUBLIC LICEN[CS]E", re.IGNORECASE)
_LESSER = re.compile(r"\bLGPL|LESSER|LIBRARY GENERAL", re.IGNORECASE)
_VERSION_2 = re.compile(r"(?:GPL|v|-|\s)2(?:\.0)?\b", re.IGNORECASE)  # GPL 2 (or later): usable under version 2


def strong_copyleft(term: str) -> bool:
    """Whether one licence (an SPDX id, a classifier's name or free text) is the AGPL or the GPL 3."""
    if _LESSER.search(term):
        return False
    if _AGPL.search(term):
        return True
    return bool(_GPL.search(term)) and not _VERSION_2.search(term)


def licence_choices(meta: Message) -> list[str]:
    """The licences a distribution may be used under: the alternatives of its licence expression (or its
    License field) and its licence classifiers. One of them is enough."""
    expression = meta.get("License-Expression") or ""
    free_text = meta.get("License") or ""
    if not expression and free_text and "\n" not in free_text.strip() and len(free_text) < 200:
        expression = free_text
    choices = [c.strip() for c in re.split(r"\s+OR\s+", expression.strip("() ")) if c.strip()]
    choices += [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return choices


def bound_by_copyleft(meta: Message) -> bool:
    choices = licence_choices(meta)
    return bool(choices) and all(strong_copyleft(c) for c in choices)


def _meta(**fields: str | list[str]) -> Message:
    meta = Message()
    for key, value in fields.items():
        for v in value if isinstance(value, list) else [value]:
            meta[key.replace("_", "-")] = v
    return meta


@pytest.mark.parametrize(("meta", "bound"), [
    (_meta(License="GNU Affero General Public License",
           Classifier="License :: OSI Approved :: GNU Affero General Public License v3 or later (AGPLv3+)"), True),
    (_meta(License_Expression="GPL-3.0-or-later",
           Classifier="License :: OSI Approved :: GNU General Public License v3 (GPLv3)"), True),
    (_meta(License="GPLv3"), True),
    (_meta(License_Expression="MIT AND AGPL-3.0-only"), True),
    (_meta(License="LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only"), False),  # PySide6: used under the LGPL
    (_meta(License_Expression="LGPL-3.0-only"), False),
    (_meta(License_Expression="GPL-2.0-only"), False),
    (_meta(License="GPLv2-or-later with a special exception which allows to use PyInstaller to build and distribute"),
     False),
    (_meta(License_Expression="MIT"), False),
    (_meta(Classifier=["License :: OSI Approved :: MIT License",
                       "License :: OSI Approved :: GNU General Public License v3 (GPLv3)"]), False),  # dual
    (_meta(License_Expression="BSD-3-Clause AND 0BSD AND MIT AND Zlib AND CC0-1.0"), False),
    (_meta(), False),
])
def test_what_counts_as_strong_copyleft(meta: Message, bound: bool) -> None:
    assert bound_by_copyleft(meta) is bound


def test_no_installed_distribution_is_gpl3_or_agpl_only() -> None:
    names = [d.metadata["Name"] for d in distributions()]
    assert "PySide6" in names and "lxml" in names, "the environment's distributions are visible"
    bound = sorted({f"{d.metadata['Name']} ({'; '.join(licence_choices(d.metadata))})"
                    for d in distributions() if bound_by_copyleft(d.metadata)})
    assert not bound, f"GPL-3.0/AGPL distributions installed (uninstall them; the project does not use them): {bound}"
