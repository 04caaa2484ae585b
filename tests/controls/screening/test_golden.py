"""Every published screening algorithm still gives its pinned scores and hit lists.

The corpus (``tests/controls/golden/screening_cases.py``) is screened afresh with each
algorithm and compared row by row with ``screening_scores.csv``: each pinned pair's best
score, whether the screen reports it and with which score, and no reported hit that is not
pinned. A published algorithm's change shows here; an intended one is re-pinned with
``tests/controls/golden/regenerate_screening.py`` and stated.
"""

from __future__ import annotations

import pytest

from controls.golden import screening_cases
from frontierguard.controls.screening.algorithms import ALGORITHMS

PINNED = screening_cases.read()


def test_every_published_algorithm_is_pinned() -> None:
    assert sorted({row["algorithm"] for row in PINNED}) == sorted(ALGORITHMS.names())


@pytest.mark.parametrize("algorithm", ALGORITHMS.names())
def test_scores_and_hits_replay_exactly(algorithm: str) -> None:
    expected = [row for row in PINNED if row["algorithm"] == algorithm]
    found = screening_cases.rows(algorithm, screening_cases.pinned_entries(PINNED, algorithm))
    differing = [(e, f) for e, f in zip(expected, found, strict=False) if e != f]
    assert differing == [] and len(found) == len(expected)
