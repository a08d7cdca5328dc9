"""Work-arounds for Qt for Python bugs (gui layer).

PySide6 6.12 on Python 3.11 drops a reference to `None` on every call of some void methods
(QPainter.setPen, fillRect, drawGlyphRun …). Before Python 3.12 `None` is not immortal, so after enough
painting its count reaches zero and the interpreter aborts ("none_dealloc: deallocating None").
`keep_none_alive()` tops the count up; it is cheap and called from the paint paths and at start-up.
On Python 3.12+ `None` is immortal and nothing is done.
"""
from __future__ import annotations

import sys

_FLOOR = 1 << 32
_TOP_UP = 1 << 40


def keep_none_alive() -> None:
    if sys.version_info >= (3, 12):
        return
    if sys.getrefcount(None) < _FLOOR:
        import ctypes

        ctypes.c_ssize_t.from_address(id(None)).value += _TOP_UP
