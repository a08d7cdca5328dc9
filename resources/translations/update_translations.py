"""Interface translations (build tool): refresh the .ts sources from reader/gui and compile the .qm files.

    python resources/translations/update_translations.py            # lupdate + lrelease
    python resources/translations/update_translations.py --check    # list strings still untranslated
    python resources/translations/update_translations.py --fill zh_CN=new.json   # add translations

Steps: `pyside6-lupdate` collects every tr()/translate() string of reader/gui into
bilingual_reader_zh_CN.ts and bilingual_reader_zh_TW.ts (keeping the existing translations); `--fill`
sets translations from a JSON object {English source: translation}; a zh_TW string still missing is made
from the zh_CN one with OpenCC (s2twp: Taiwan standard with Taiwan phrases) and should then be checked by
a reader of 繁體; `pyside6-lrelease` compiles both files to .qm. Exit code 1 when a string is untranslated.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LANGS = ("zh_CN", "zh_TW")
CATALOGUE = "bilingual_reader"


def ts_file(lang: str) -> Path:
    return HERE / f"{CATALOGUE}_{lang}.ts"


def qm_file(lang: str) -> Path:
    return HERE / f"{CATALOGUE}_{lang}.qm"


def tool(name: str) -> str:
    """A PySide6 tool next to the running Python (the virtualenv), else on PATH."""
    local = Path(sys.executable).with_name(name)
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def gui_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "reader" / "gui").rglob("*.py"))


def lupdate() -> None:
    args = [tool("pyside6-lupdate"), *gui_sources(), "-no-obsolete", "-locations", "none", "-ts"]
    subprocess.run(args + [str(ts_file(lang)) for lang in LANGS], cwd=ROOT, check=True, capture_output=True)


def lrelease(lang: str, output: Path | None = None) -> Path:
    output = output or qm_file(lang)
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts_file(lang)), "-qm", str(output)], check=True)
    return output


def messages(lang: str) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every live message in a .ts file."""
    out = []
    for context in ET.parse(ts_file(lang)).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            if node is not None and node.get("type") in ("obsolete", "vanished"):
                continue
            out.append((name, message.findtext("source") or "", node))
    return out


def untranslated(lang: str) -> list[tuple[str, str]]:
    return [(c, s) for c, s, node in messages(lang) if node is None or not _text(node).strip()
            or node.get("type") == "unfinished"]


def _text(node: ET.Element) -> str:
    forms = [f.text or "" for f in node.iter("numerusform")]
    return "".join(forms) if forms else (node.text or "")


def _write(tree: ET.ElementTree, path: Path) -> None:
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def fill(lang: str, mapping: dict[str, str], *, only_missing: bool = True) -> int:
    """Set translations from {source: translation}; returns how many were set."""
    path = ts_file(lang)
    tree = ET.parse(path)
    count = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        node = message.find("translation")
        if node is None or source not in mapping or node.get("type") in ("obsolete", "vanished"):
            continue
        if only_missing and _text(node).strip() and node.get("type") != "unfinished":
            continue
        if message.get("numerus") == "yes":  # Chinese has one plural form
            for child in list(node):
                node.remove(child)
            node.text = None
            ET.SubElement(node, "numerusform").text = mapping[source]
        else:
            node.text = mapping[source]
        node.attrib.pop("type", None)
        count += 1
    _write(tree, path)
    return count


def traditional_from_simplified() -> int:
    """Missing zh_TW strings from the zh_CN ones through OpenCC s2twp."""
    import opencc

    convert = opencc.OpenCC("s2twp").convert
    done = {s: _text(node) for _c, s, node in messages("zh_CN")
            if node is not None and _text(node).strip() and node.get("type") != "unfinished"}
    return fill("zh_TW", {s: convert(t) for s, t in done.items()})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only list untranslated strings")
    parser.add_argument("--fill", action="append", default=[], metavar="LANG=FILE.json",
                        help="set translations from a JSON object {source: translation}")
    args = parser.parse_args(argv)
    if not args.check:
        lupdate()
        for item in args.fill:
            lang, _, file = item.partition("=")
            count = fill(lang, json.loads(Path(file).read_text(encoding="utf-8")), only_missing=False)
            print(f"{lang}: {count} translations set from {file}")
        made = traditional_from_simplified()
        if made:
            print(f"zh_TW: {made} strings converted from zh_CN with OpenCC s2twp; check them")
        lupdate()  # normalise the files' layout
        for lang in LANGS:
            lrelease(lang)
    missing = {lang: untranslated(lang) for lang in LANGS}
    for lang, items in missing.items():
        for context, source in items:
            print(f"{lang}: untranslated in {context}: {source!r}")
    return 1 if any(missing.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
