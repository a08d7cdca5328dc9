"""Traditional text for the readings (core layer, pipeline): its simplified form for the model and the
dictionaries, the author's own characters as evidence, and the particle 著 read as 着."""
from __future__ import annotations

from collections.abc import Callable, Collection

from reader.core.pipeline.script import convert_text


def scripts(words: list[str], known: dict[str, int],
            particles: Callable[[str], str]) -> tuple[list[str], str, frozenset[int]]:
    """The words in simplified characters (what the model and dictionaries know) and a traditional text.

    A character the model has never seen (`known` is its vocabulary) that OpenCC simplifies to one it has
    seen is read through that simplified form, and serves as its own traditional form; every other
    character gets OpenCC's phrase-aware traditional conversion. A conversion that changes the length is
    not used (no alignment). `particles` rewrites the particle forms (著 → 着). The third value is the set of
    positions where the author wrote another character than the simplified one.
    """
    text = "".join(words)
    converted = convert_text(text, "simplified")
    if converted == text or len(converted) != len(text):
        simplified = text
    else:
        simplified = "".join(
            s if t not in known and s in known else t for s, t in zip(converted, text, strict=True)
        )
    simplified = particles(simplified)
    traditional = convert_text(simplified, "traditional")
    if len(traditional) != len(text):
        traditional = simplified
    authored: frozenset[int] = frozenset()
    if simplified != text:
        traditional = "".join(
            t if t != s else c for t, s, c in zip(text, simplified, traditional, strict=True)
        )
        authored = frozenset(i for i, (t, s) in enumerate(zip(text, simplified, strict=True)) if t != s)
        out: list[str] = []
        pos = 0
        for word in words:
            out.append(simplified[pos : pos + len(word)])
            pos += len(word)
        words = out
    return words, traditional, authored


def authored(text: str, traditional: str, original: str | None) -> tuple[str, frozenset[int]]:
    """Where the author's own text (`original`, before the app simplified it) has another character than
    the simplified `text`: that character is the traditional form, and the author wrote it."""
    if original is None or len(original) != len(text) or original == text:
        return traditional, frozenset()
    at = frozenset(i for i, (o, t) in enumerate(zip(original, text, strict=True)) if o != t)
    return "".join(original[i] if i in at else c for i, c in enumerate(traditional)), at


def particle_forms(text: str, zhu_words: Collection[str]) -> str:
    """`text` with each particle 著 written 着, as Simplified writes it (看著 → 看着, 意味著 → 意味着).

    Simplified keeps 著 only for zhù (著名, 显著, 名著): a 著 that no such CC-CEDICT word (`zhu_words`)
    covers is the particle of a Traditional text.
    """
    chars = list(text)
    for i, char in enumerate(text):
        if char != "著":
            continue
        covered = any(
            text[start : start + length] in zhu_words
            for length in range(2, 5)
            for start in range(max(0, i - length + 1), i + 1)
            if start + length <= len(text)
        )
        if not covered:
            chars[i] = "着"
    return "".join(chars)
