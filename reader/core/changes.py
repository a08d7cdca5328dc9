"""What an operation changed (core layer): the small record every write returns so views refresh only that."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Changed:
    """What an operation changed, for views to refresh selectively."""

    articles: frozenset[int] = frozenset()
    annotations: frozenset[int] = frozenset()
    tags: frozenset[int] = frozenset()
    vocabulary: frozenset[int] = frozenset()
    settings: frozenset[str] = frozenset()
    glossary: frozenset[str] = frozenset()  # words (simplified form) whose own translation, note or parent changed
