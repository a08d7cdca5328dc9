"""Python's garbage collector (core layer): the one place that pauses it during bulk work and freezes what lives on.

Reading a book makes millions of long-lived objects (its tokens) and start-up ~150,000 (modules, classes,
the window's wrappers); the cyclic collector would walk all of them again each time their number grows by
a quarter, about a tenth of the time. Reference counting still frees everything while the collector is
paused; only cycles wait until it runs again. Pauses nest and overlap across threads (an import in a
worker while the window starts): the collector runs again when the last one ends, and only if it ran
before the first began.
"""
from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_was_enabled = True
_freeze_at_end = False


@contextmanager
def paused(*, freeze: bool = False) -> Iterator[None]:
    """No cyclic collection inside the block. With `freeze`, what was made meanwhile is kept out of later
    collections once the last pause ends (it lives as long as the app: start-up, a book's tokens)."""
    global _holders, _was_enabled, _freeze_at_end
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            _freeze_at_end = False
            gc.disable()
        _holders += 1
        _freeze_at_end = _freeze_at_end or freeze
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                if _freeze_at_end:
                    gc.freeze()
                gc.enable()


def keep_out_of_collections() -> None:
    """Move every object alive now out of later collections (data loaded once for the whole process)."""
    gc.freeze()
