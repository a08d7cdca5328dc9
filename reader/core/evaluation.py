"""Pinyin accuracy evaluation (core layer): score the reading pipeline on polyphone sets, three methods each.

Three kinds of set are read:

- a **CPP-format split** (a folder with one `*.sent` file, one sentence a line, the character under test
  between two U+2581 marks, and one `*.lb` file, its gold reading on the same line, tone number 1–5, ü
  written `u:` as in CC-CEDICT);
- a **marked set** (`.tsv`: id, register, script, sentence, note), every character under test written
  `[character:reading]` in the sentence, several per sentence (the learner-register set in tests/data);
- a **gold file for a text** (`.tsv`: file, line, offset, character, reading, note), a reading for every
  ambiguous character of a text in `seeds/` (line = paragraph number, offset = index in the paragraph).

Each sentence is segmented and read exactly as the app reads a paragraph (`segment_for_reading`, then the
decision rule), one sentence a call, and each marked character's reading is compared with its gold. The
same run measures pypinyin alone (its phrase data on the same words) and the context model alone (g2pM's
BiLSTM, its best reading among the character's own). The hard slice is the items whose character has two
or more distinct gold readings in the set.
"""
from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from reader.core import paths
from reader.core.errors import ReaderError
from reader.core.untrusted import read_regular_file

MARK = "\u2581"
#: The sets kept in the repository (a source checkout's tests/data; an installed app does not carry them), by name.
_TEST_DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
BUILTIN_SETS = {
    "learner": _TEST_DATA / "learner-set.tsv",
    "seeds": _TEST_DATA / "seeds-gold.tsv",
    "second": _TEST_DATA / "second-author-set.tsv",
}
_MARKED = re.compile(r"\[([^\[\]:]):([a-zü:]+[1-5]|r)\]")
_READING = re.compile(r"(?:[a-zv]+[1-5]|r)")

#: text → (words in the text's characters, one reading per character per word)
Method = Callable[[str], tuple[list[str], list[list[str | None]]]]


MAX_SPLIT_BYTES = 256 * 1024 * 1024  # a split's .sent or .lb file (the full CPP test split is ~10 MB)


class EvaluationError(ReaderError):
    """The evaluation data cannot be read (missing folder or files, malformed lines)."""


@dataclass(frozen=True, slots=True)
class Item:
    """One character under test: its sentence (without marks), its index there, its gold reading."""

    text: str
    index: int
    label: str
    line: int
    groups: tuple[str, ...] = ()  # slices it is counted in (register, script, erhua, neutral tone …)

    @property
    def char(self) -> str:
        return self.text[self.index]


@dataclass(slots=True)
class Score:
    """Accuracy of one reading method on a set, with its speed."""

    name: str
    total: int
    correct: int
    hard_total: int
    hard_correct: int
    load_seconds: float
    sentences_per_second: float  # per second of this process's CPU time: what one dedicated core does
    wall_sentences_per_second: float  # per second of wall-clock time (lower on a busy machine)
    groups: dict[str, list[int]] = field(default_factory=dict)  # slice → [correct, total]
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
    hard_sentences: int  # items in the hard slice (one item a sentence in a CPP split)
    scores: list[Score]
    items: int = 0

    def as_dict(self, with_mistakes: bool = False) -> dict[str, object]:
        return {
            "folder": self.folder,
            "sentences": self.sentences,
            "items": self.items,
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


def _read_text(path: Path) -> str:
    """A set's file as text: a regular file of at most MAX_SPLIT_BYTES, UTF-8."""
    try:
        return read_regular_file(path, MAX_SPLIT_BYTES, error=EvaluationError).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EvaluationError(f"cannot read {path}: {exc}") from exc


def read_split(folder: str | Path) -> list[Item]:
    """Read a CPP-format split folder into items; a clear EvaluationError for anything malformed."""
    root = Path(folder)
    if not root.is_dir():
        raise EvaluationError(f"not a folder: {root}")
    sent_path, label_path = _one_file(root, ".sent"), _one_file(root, ".lb")
    sentences = _read_text(sent_path).splitlines()
    labels = _read_text(label_path).splitlines()
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


def _rows(path: Path, columns: int) -> list[tuple[int, list[str]]]:
    """(line number, cells) of a TSV file, without `#` comment lines and the header line."""
    rows: list[tuple[int, list[str]]] = []
    header = True
    for number, line in enumerate(_read_text(path).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        cells = line.split("\t")
        if len(cells) < columns - 1:
            raise EvaluationError(f"{path.name} line {number}: expected {columns} tab-separated columns")
        rows.append((number, cells + [""] * (columns - len(cells))))
    if not rows:
        raise EvaluationError(f"{path.name} has no items")
    return rows


def parse_marked(sentence: str) -> tuple[str, list[tuple[int, str]]]:
    """`我[还:huan2]书` → ('我还书', [(1, 'huan2')]): the plain sentence and its marked (index, reading)."""
    out: list[str] = []
    marks: list[tuple[int, str]] = []
    pos = 0
    for match in _MARKED.finditer(sentence):
        out.append(sentence[pos : match.start()])
        index = sum(len(part) for part in out)
        out.append(match.group(1))
        marks.append((index, normalise_reading(match.group(2))))
        pos = match.end()
    out.append(sentence[pos:])
    return "".join(out), marks


def _slices(label: str, *names: str) -> tuple[str, ...]:
    kind = ("erhua",) if label == "r" else ("neutral tone",) if label.endswith("5") else ()
    return (*names, *kind)


def read_marked_set(path: str | Path) -> list[Item]:
    """Read a marked set (id, register, script, sentence with [character:reading] marks, note)."""
    source = Path(path)
    items: list[Item] = []
    for number, cells in _rows(source, 5):
        register, script, sentence = cells[1].strip(), cells[2].strip(), cells[3].strip()
        text, marks = parse_marked(sentence)
        if not marks or "[" in text or "]" in text:
            raise EvaluationError(f"{source.name} line {number}: expected [character:reading] marks")
        items.extend(Item(text, i, label, number, _slices(label, register, script)) for i, label in marks)
    return items


def read_text_gold(path: str | Path, texts_dir: str | Path | None = None) -> list[Item]:
    """Read a gold file for texts (file, line, offset, character, reading, note); texts from `texts_dir`."""
    source = Path(path)
    folder = Path(texts_dir) if texts_dir is not None else paths.SEEDS_DIR
    lines_of: dict[str, list[str]] = {}
    items: list[Item] = []
    for number, cells in _rows(source, 6):
        name, line, offset, char, label = (c.strip() for c in cells[:5])
        if name not in lines_of:
            lines_of[name] = _read_text(folder / Path(name).name).splitlines()
        try:
            text = lines_of[name][int(line) - 1]
            at = int(offset)
        except (ValueError, IndexError):
            raise EvaluationError(f"{source.name} line {number}: no line {line} in {name}") from None
        label = normalise_reading(label)
        if text[at : at + 1] != char or not _READING.fullmatch(label):
            raise EvaluationError(f"{source.name} line {number}: {char!r} {label!r} does not match {name}")
        items.append(Item(text, at, label, number, _slices(label, name)))
    return items


def read_set(spec: str | Path) -> list[Item]:
    """Items of a set given by name (`learner`, `seeds`), CPP folder, marked set or gold file."""
    path = BUILTIN_SETS.get(str(spec), Path(spec))
    if path.is_dir() or not path.exists():
        return read_split(path)
    head = _read_text(path).lstrip().split("\n")
    header = next((h for h in head if h.strip() and not h.startswith("#")), "")
    if header.startswith("id\tregister"):
        return read_marked_set(path)
    if header.startswith("file\tline\toffset"):
        return read_text_gold(path)
    raise EvaluationError(f"{path.name}: not a CPP folder, a marked set or a gold file")


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


def _sentences(items: Sequence[Item]) -> list[list[Item]]:
    """Items grouped by sentence (consecutive items of one text)."""
    grouped: list[list[Item]] = []
    for item in items:
        if grouped and grouped[-1][0].text == item.text:
            grouped[-1].append(item)
        else:
            grouped.append([item])
    return grouped


def score(name: str, items: Sequence[Item], method: Method, hard: set[str] | None = None,
          keep_mistakes: bool = False) -> Score:
    """Run `method(text)` on every sentence, one sentence a call, and score each marked character.

    The first call is timed on its own (wall clock: it loads models and dictionaries); sentences per second
    is measured over the remaining calls (steady state), segmentation included, both per second of process
    CPU time (the speed of one dedicated core, unaffected by other programs) and per second of wall time.
    """
    hard = hard_characters(items) if hard is None else hard
    result = Score(name, 0, 0, 0, 0, 0.0, 0.0, 0.0)
    cpu = wall = 0.0
    sentences = _sentences(items)
    for n, group in enumerate(sentences):
        start, start_cpu = time.perf_counter(), time.process_time()
        words, readings = method(group[0].text)
        took, took_cpu = time.perf_counter() - start, time.process_time() - start_cpu
        if n == 0:
            result.load_seconds = took
        else:
            wall += took
            cpu += took_cpu
        for item in group:
            predicted = _reading_at(words, readings, item.index)
            ok = predicted == item.label
            result.total += 1
            result.correct += ok
            if item.char in hard:
                result.hard_total += 1
                result.hard_correct += ok
            for slice_ in item.groups:
                counts = result.groups.setdefault(slice_, [0, 0])
                counts[0] += ok
                counts[1] += 1
            if keep_mistakes and not ok:
                result.mistakes.append(
                    {"line": item.line, "char": item.char, "index": item.index, "label": item.label,
                     "predicted": predicted, "text": item.text}
                )
    timed = len(sentences) - 1
    result.sentences_per_second = timed / cpu if timed > 0 and cpu > 0 else 0.0
    result.wall_sentences_per_second = timed / wall if timed > 0 and wall > 0 else 0.0
    return result


def methods(citation: bool = False) -> list[tuple[str, Method]]:
    """The three methods measured: the app's readings, pypinyin alone, the context model alone.

    `citation` keeps full tones where the dictionaries write a neutral one (for labels in citation tones).
    """
    from reader.core.pipeline import segment_for_reading
    from reader.core.pipeline.polyphone import predict_many
    from reader.core.pipeline.readings import pypinyin_word_readings

    def ours(text: str) -> tuple[list[str], list[list[str | None]]]:
        shown, read = segment_for_reading(text)
        return shown, predict_many([read], citation=citation, originals=[text])[0]

    def pypinyin_alone(text: str) -> tuple[list[str], list[list[str | None]]]:
        shown, read = segment_for_reading(text)
        return shown, pypinyin_word_readings(read)

    def model_alone(text: str) -> tuple[list[str], list[list[str | None]]]:
        shown, read = segment_for_reading(text)
        return shown, predict_many([read], model_only=True)[0]

    return [("ours", ours), ("pypinyin", pypinyin_alone), ("g2pM", model_alone)]


def evaluate(folder: str | Path, limit: int | None = None, keep_mistakes: bool = False) -> Report:
    """Score the app's readings, pypinyin alone and the model alone on one set (see `read_set`)."""
    from reader.core.pipeline.segment import warm_up

    items = read_set(folder)
    # CPP labels give citation tones (知识 shi2, 衣服 fu2): that split is read with citation tones.
    citation = Path(BUILTIN_SETS.get(str(folder), folder)).is_dir()
    hard = hard_characters(items)  # the slice is defined on the whole set, whatever the limit
    if limit is not None:
        items = _limited(items, limit)
    if not items:
        raise EvaluationError("nothing to evaluate: the limit leaves no sentence")
    warm_up()  # the segmenter's own load is not charged to any reading method
    scores = [score(name, items, method, hard, keep_mistakes) for name, method in methods(citation)]
    hard_count = sum(1 for item in items if item.char in hard)
    return Report(str(folder), len(_sentences(items)), hard_count, scores, len(items))


def _limited(items: list[Item], limit: int) -> list[Item]:
    """The items of the first `limit` sentences."""
    return [item for group in _sentences(items)[: max(limit, 0)] for item in group]
