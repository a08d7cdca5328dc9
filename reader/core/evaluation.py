"""Pinyin accuracy evaluation (core layer): score the reading pipeline on a CPP-format polyphone split.

A split is a folder with one `*.sent` file (one sentence a line, the polyphonic character under test
between two U+2581 marks) and one `*.lb` file (the gold reading of that character on the same line, tone
number 1–5, ü written `u:` as in CC-CEDICT). Each sentence is segmented and read exactly as the app does
(`segment` then `word_readings`), one sentence a call, and the reading given to the marked character is
compared with the label. The same run measures pypinyin alone (`pypinyin_word_readings`) as a baseline.

The hard slice is the sentences whose character has two or more distinct readings among all the labels of
that character in the split.
"""
from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from reader.core.errors import ReaderError
from reader.core.untrusted import read_regular_file

MARK = "\u2581"

Segmenter = Callable[[str], list[str]]
Reader = Callable[[list[str]], list[list[str | None]]]


MAX_SPLIT_BYTES = 256 * 1024 * 1024  # a split's .sent or .lb file (the full CPP test split is ~10 MB)


class EvaluationError(ReaderError):
    """The evaluation data cannot be read (missing folder or files, malformed lines)."""


@dataclass(frozen=True, slots=True)
class Item:
    """One test sentence: the text without marks, the index of the character under test, its label."""

    text: str
    index: int
    label: str
    line: int

    @property
    def char(self) -> str:
        return self.text[self.index]


@dataclass(slots=True)
class Score:
    """Accuracy of one reading function on a split, with its speed."""

    name: str
    total: int
    correct: int
    hard_total: int
    hard_correct: int
    load_seconds: float
    sentences_per_second: float  # per second of this process's CPU time: what one dedicated core does
    wall_sentences_per_second: float  # per second of wall-clock time (lower on a busy machine)
    mistakes: list[dict[str, object]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def hard_accuracy(self) -> float:
        return self.hard_correct / self.hard_total if self.hard_total else 0.0

    def as_dict(self, with_mistakes: bool = False) -> dict[str, object]:
        data = asdict(self)
        if not with_mistakes:
            data.pop("mistakes")
        data["accuracy"] = self.accuracy
        data["hard_accuracy"] = self.hard_accuracy
        return data


@dataclass(slots=True)
class Report:
    folder: str
    sentences: int
    hard_sentences: int
    scores: list[Score]

    def as_dict(self, with_mistakes: bool = False) -> dict[str, object]:
        return {
            "folder": self.folder,
            "sentences": self.sentences,
            "hard_sentences": self.hard_sentences,
            "scores": [s.as_dict(with_mistakes) for s in self.scores],
        }


def normalise_reading(reading: str) -> str:
    """One spelling for comparison: lowercase, ü as `v` (`lu:4`, `lü4` and `lv4` are the same)."""
    return reading.strip().lower().replace("u:", "v").replace("ü", "v")


def _one_file(folder: Path, suffix: str) -> Path:
    found = sorted(folder.glob(f"*{suffix}"))
    if not found:
        raise EvaluationError(f"no *{suffix} file in {folder}")
    if len(found) > 1:
        names = ", ".join(p.name for p in found)
        raise EvaluationError(f"more than one *{suffix} file in {folder}: {names}")
    return found[0]


def read_split(folder: str | Path) -> list[Item]:
    """Read a CPP-format split folder into items; a clear EvaluationError for anything malformed."""
    root = Path(folder)
    if not root.is_dir():
        raise EvaluationError(f"not a folder: {root}")
    sent_path, label_path = _one_file(root, ".sent"), _one_file(root, ".lb")
    try:
        sentences = read_regular_file(sent_path, MAX_SPLIT_BYTES, error=EvaluationError).decode("utf-8").splitlines()
        labels = read_regular_file(label_path, MAX_SPLIT_BYTES, error=EvaluationError).decode("utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise EvaluationError(f"cannot read the split in {root}: {exc}") from exc
    while sentences and not sentences[-1].strip():
        sentences.pop()
    while labels and not labels[-1].strip():
        labels.pop()
    if len(sentences) != len(labels):
        raise EvaluationError(
            f"{sent_path.name} has {len(sentences)} lines but {label_path.name} has {len(labels)}"
        )
    items: list[Item] = []
    for number, (sentence, label) in enumerate(zip(sentences, labels, strict=True), start=1):
        first = sentence.find(MARK)
        if first < 0 or sentence[first + 2 : first + 3] != MARK or sentence.count(MARK) != 2:
            raise EvaluationError(
                f"{sent_path.name} line {number}: expected one character between two {MARK} marks"
            )
        text = sentence[:first] + sentence[first + 1] + sentence[first + 3 :]
        if not label.strip():
            raise EvaluationError(f"{label_path.name} line {number}: empty label")
        items.append(Item(text, first, normalise_reading(label), number))
    if not items:
        raise EvaluationError(f"the split in {root} is empty")
    return items


def hard_characters(items: Sequence[Item]) -> set[str]:
    """Characters with two or more distinct gold readings among the items."""
    readings: dict[str, set[str]] = defaultdict(set)
    for item in items:
        readings[item.char].add(item.label)
    return {char for char, seen in readings.items() if len(seen) > 1}


def _reading_at(words: list[str], readings: list[list[str | None]], index: int) -> str | None:
    pos = 0
    for word, word_readings in zip(words, readings, strict=True):
        if index < pos + len(word):
            reading = word_readings[index - pos]
            return normalise_reading(reading) if reading else None
        pos += len(word)
    return None


def score(name: str, items: Sequence[Item], segmenter: Segmenter, reader: Reader,
          hard: set[str] | None = None, keep_mistakes: bool = False) -> Score:
    """Run `reader(segmenter(text))` on every item, one sentence a call, and score the marked character.

    The first call is timed on its own (wall clock: it loads models and dictionaries); sentences per second
    is measured over the remaining calls (steady state), segmentation included, both per second of process
    CPU time (the speed of one dedicated core, unaffected by other programs) and per second of wall time.
    """
    hard = hard_characters(items) if hard is None else hard
    result = Score(name, 0, 0, 0, 0, 0.0, 0.0, 0.0)
    cpu = wall = 0.0
    for n, item in enumerate(items):
        start, start_cpu = time.perf_counter(), time.process_time()
        words = segmenter(item.text)
        readings = reader(words)
        took, took_cpu = time.perf_counter() - start, time.process_time() - start_cpu
        if n == 0:
            result.load_seconds = took
        else:
            wall += took
            cpu += took_cpu
        predicted = _reading_at(words, readings, item.index)
        ok = predicted == item.label
        result.total += 1
        result.correct += ok
        if item.char in hard:
            result.hard_total += 1
            result.hard_correct += ok
        if keep_mistakes and not ok:
            result.mistakes.append(
                {"line": item.line, "char": item.char, "label": item.label, "predicted": predicted,
                 "text": item.text}
            )
    timed = len(items) - 1
    result.sentences_per_second = timed / cpu if timed > 0 and cpu > 0 else 0.0
    result.wall_sentences_per_second = timed / wall if timed > 0 and wall > 0 else 0.0
    return result


def evaluate(folder: str | Path, limit: int | None = None, keep_mistakes: bool = False) -> Report:
    """Score the app's readings (`word_readings`) and pypinyin alone on a CPP-format split."""
    from reader.core.pipeline.readings import pypinyin_word_readings, word_readings
    from reader.core.pipeline.segment import segment, warm_up

    items = read_split(folder)
    hard = hard_characters(items)  # the slice is defined on the whole split, whatever the limit
    if limit is not None:
        items = items[: max(limit, 0)]
    if not items:
        raise EvaluationError("nothing to evaluate: the limit leaves no sentence")
    warm_up()  # the segmenter's own load is not charged to either reading function
    scores = [
        score("ours", items, segment, word_readings, hard, keep_mistakes),
        score("pypinyin", items, segment, pypinyin_word_readings, hard, keep_mistakes),
    ]
    hard_count = sum(1 for item in items if item.char in hard)
    return Report(str(folder), len(items), hard_count, scores)
