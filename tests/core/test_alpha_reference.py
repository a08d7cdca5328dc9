"""Our nominal Krippendorff's alpha agrees with the `krippendorff` package on random reliability data (its values
stored in tests/data, see tests/krippendorff_values.py)."""
from __future__ import annotations

import math
import random

import pytest
from krippendorff_values import reference_alpha as reference

from reader.core.agreement import alpha


@pytest.mark.parametrize("seed", range(60))
def test_alpha_matches_reference(seed: int) -> None:
    rng = random.Random(seed)
    coders, units, values = rng.randint(2, 8), rng.randint(1, 40), rng.randint(2, 5)
    missing = rng.choice([0.0, 0.2, 0.5])
    data = [[math.nan if rng.random() < missing else float(rng.randrange(values)) for _ in range(units)]
            for _ in range(coders)]
    ours, theirs = alpha(data), reference(data)
    if theirs is None:
        assert ours is None
        return
    assert ours is not None
    assert abs(ours - theirs) < 1e-9


def test_perfect_and_chance_agreement() -> None:
    assert alpha([[0, 1, 2, 1], [0, 1, 2, 1], [0, 1, 2, 1]]) == pytest.approx(1.0)
    assert alpha([[0, 0, 0], [0, 0, 0]]) is None  # one value only: undefined
    assert alpha([[0, 1], [1, 0]]) is not None and alpha([[0, 1], [1, 0]]) < 0
