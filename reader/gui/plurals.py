"""English plurals in the interface (gui layer): "1 match" but "2 matches", in any interface language.

Both forms go through tr() where the text is written; Chinese translates them alike. `%n` in the chosen
form becomes the number.
"""
from __future__ import annotations


def plural(n: int, one: str, other: str) -> str:
    """`one` when n is 1, else `other`, with %n replaced by n."""
    return (one if n == 1 else other).replace("%n", str(n))
