"""Reference values of Krippendorff's nominal alpha, to check the project's own implementation against.

They were computed once with the `krippendorff` package (0.9.0, `krippendorff.alpha(reliability_data=matrix,
level_of_measurement="nominal")`; GPL-3.0, so it is not installed with the tests) for exactly the matrices the
tests build, and stored in tests/data/krippendorff_alpha.json: a list of {"data": matrix (null for a missing
code), "alpha": value (null where the package found alpha undefined)}.
"""
from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import lru_cache

from testdata import DATA

REFERENCE_FILE = DATA / "krippendorff_alpha.json"


def _key(matrix: Sequence[Sequence[float]]) -> str:
    return json.dumps([[None if math.isnan(float(x)) else float(x) for x in row] for row in matrix])


@lru_cache(maxsize=1)
def _table() -> dict[str, float | None]:
    entries = json.loads(REFERENCE_FILE.read_text(encoding="utf-8"))
    return {json.dumps(e["data"]): e["alpha"] for e in entries}


def reference_alpha(matrix: Sequence[Sequence[float]]) -> float | None:
    """The package's alpha for this coders × units matrix (NaN: not coded); None where it is undefined."""
    key = _key(matrix)
    table = _table()
    assert key in table, "no reference value stored for this matrix; the test data changed"
    return table[key]
