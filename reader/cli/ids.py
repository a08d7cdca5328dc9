"""Argument type for record ids (cli layer): a whole number from 1 to SQLite's largest integer, or a usage error."""
from __future__ import annotations

import argparse

MAX_ID = 2**63 - 1  # SQLite's INTEGER is a signed 64-bit number; a larger one cannot even be looked up


def record_id(value: str) -> int:
    """Parse an article or annotation id; anything else is one line from argparse (exit 2)."""
    text = value.strip()
    digits = text.removeprefix("+")
    if digits.isascii() and digits.isdigit() and len(digits) > len(str(MAX_ID)):
        number = MAX_ID + 1  # too long to convert (Python refuses numbers of thousands of digits)
    else:
        try:
            number = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not an id: {value[:40]!r} (ids are whole numbers)") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"not an id: {number} (ids start at 1)")
    if number > MAX_ID:
        shown = digits if len(digits) <= 24 else digits[:20] + "…"
        raise argparse.ArgumentTypeError(f"id out of range: {shown} (ids go up to {MAX_ID})")
    return number
