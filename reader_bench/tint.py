"""Word status colours on the 1M-character book (bench layer): what the tint costs a scroll frame.

Called by `reader_bench.big.run_big` with the book imported and every reading cached. A copy of that
library gets statuses for the book's 300 most frequent words (known, ignored, learning 1–5 in turn), so a
screen shows every tint level beside untinted words. At the places `big_scroll_frame_ms` visits, the view
scrolls on in steps; each step is painted once to lay out what came into view, then timed twice, with the
tint off and on (alternating which goes first). The tint's own work on newly shown paragraphs (their words'
statuses and rectangles) falls in the timed frames with the tint on.

- `big_tint_off_frame_ms`, `big_tint_on_frame_ms`: median frame with the tint off and on.
- `big_tint_cost_ms`: median over the steps of (frame with the tint − frame without); target ≤ 1 ms.
"""
from __future__ import annotations

import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from reader.core.library import Library
from reader.core.scaffolding import has_han
from reader.core.word_status import set_word_status
from reader.gui.app import application

TINT_NAMES = ("big_tint_off_frame_ms", "big_tint_on_frame_ms", "big_tint_cost_ms")
TINT_TARGETS: dict[str, tuple[str, Callable[[dict], bool] | None]] = {
    "big_tint_off_frame_ms": ("—", None),
    "big_tint_on_frame_ms": ("—", None),
    "big_tint_cost_ms": ("≤ 1", lambda r: r["big_tint_cost_ms"] <= 1),
}
STATUS_CYCLE = ("known", "learning1", "known", "learning2", "learning3", "ignored", "learning4", "learning5")
FREQUENT = 300


def give_statuses(lib: Library, tokens: dict) -> int:
    """Statuses for the book's most frequent words (from its tokens), as a reader part-way through it has."""
    counts = Counter(t.text for toks in tokens.values() for t in toks if has_han(t.text))
    words = [w for w, _ in counts.most_common(FREQUENT)]
    for k, word in enumerate(words):
        set_word_status(lib, word, STATUS_CYCLE[k % len(STATUS_CYCLE)])
    return len(words)


def measure_tint(read: Path, places: tuple[float, ...], repeat: int,
                 window_for: Callable[[Library], object], close: Callable[[object, object], None]) -> dict[str, float]:
    """Frames with the tint off and on at `places` of the book in `read` (a library it may change)."""
    app = application([])
    off: list[float] = []
    on: list[float] = []
    cost: list[float] = []
    with Library.open(read) as lib:
        book = max(lib.list_articles(), key=lambda a: a.chars)
        window = window_for(lib)
        view = window.view  # type: ignore[attr-defined]
        window.open_article(book.id, offset=0)  # type: ignore[attr-defined]
        while window._workers:  # type: ignore[attr-defined] - every reading of the book in memory
            app.processEvents()
            time.sleep(0.005)
        give_statuses(lib, view.doc.tokens)
        window.word_status.set_enabled(True, save=False)  # type: ignore[attr-defined]
        tint = view.word_tint
        sb = view.verticalScrollBar()

        def frame(with_tint: bool) -> float:
            view.word_tint = tint if with_tint else None
            t = time.perf_counter()
            view.viewport().repaint()
            return (time.perf_counter() - t) * 1000

        for place in places:
            view.scroll_to_offset(int(book.chars * place))
            view.viewport().repaint()
            for step in range(max(30, repeat * 6)):
                sb.setValue(min(sb.maximum(), sb.value() + 37))
                view.word_tint = None
                view.viewport().repaint()  # lays out what came into view
                if step % 2:
                    a = frame(False)
                    b = frame(True)
                else:
                    b = frame(True)
                    a = frame(False)
                off.append(a)
                on.append(b)
                cost.append(b - a)
                app.processEvents()
        tinted = tint.painted_words()
        close(window, app)
    if not tinted:
        raise RuntimeError("the tint painted no word: the measurement would say nothing")
    return {"big_tint_off_frame_ms": statistics.median(off), "big_tint_on_frame_ms": statistics.median(on),
            "big_tint_cost_ms": statistics.median(cost)}
