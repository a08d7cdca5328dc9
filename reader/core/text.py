"""Text model (core layer): an article's canonical text, its paragraphs and tokens, all by code-point offsets.

The canonical text of a revision is its paragraphs joined by a single newline. Every stored position
(annotations, reading fixes, translations) is an offset into that text, never into a displayed form.
"""
from __future__ import annotations

from dataclasses import dataclass, field

PARAGRAPH_KINDS = ("paragraph", "heading", "list_item", "byline")
SCRIPTS = ("original", "simplified", "traditional", "taiwan")  # how an article can be shown
CHINESE_SCRIPTS = SCRIPTS[1:]  # the conversions (OpenCC)
TRADITIONAL_SCRIPTS = ("traditional", "taiwan")
DETECTED_SCRIPTS = ("simplified", "traditional", "mixed", "unknown")  # what an imported text was found to be
READING_STYLES = ("marks", "numbers", "zhuyin")  # how readings are written: lián, lian2, ㄌㄧㄢˊ
PINYIN_STYLES = ("none", *READING_STYLES)  # the display and export option: no readings, or one style


@dataclass(slots=True)
class Token:
    """A word: canonical offsets [start, end) into the revision text, and one reading per character."""

    start: int
    end: int
    text: str
    readings: list[str | None]

    @property
    def is_han(self) -> bool:
        return any(r is not None for r in self.readings)


@dataclass(slots=True)
class Paragraph:
    """A block of the article: body paragraph, heading, list item or byline."""

    index: int
    kind: str
    start: int
    end: int
    text: str
    level: int = 0  # heading level 1–6, list nesting depth, 0 otherwise
    marker: str = ""  # list marker as written ("1.", "-"), part of the text


@dataclass(slots=True)
class ParsedText:
    """What an importer produces: the canonical text split into paragraphs, plus source metadata."""

    text: str
    paragraphs: list[Paragraph]
    encoding: str = "utf-8"
    detected_script: str = "unknown"
    footers: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    images: int = 0
    title: str | None = None


@dataclass(slots=True)
class ArticleInfo:
    """One row of the library list."""

    id: int
    title: str
    title_en: str | None
    script: str
    chars: int
    paragraphs: int
    annotations: int
    revision_id: int
    author: str | None = None
    source: str | None = None
    date: str | None = None
    detected_script: str | None = None
    translation_note: str | None = None

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id, "title": self.title, "title_en": self.title_en, "script": self.script,
            "chars": self.chars, "paragraphs": self.paragraphs, "annotations": self.annotations,
        }

