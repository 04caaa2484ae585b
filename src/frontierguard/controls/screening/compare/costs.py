"""The name score's denominator, and the upper bound an index can hold for it (v2, v3).

A token left over on both sides (a different given name) costs twice its weight, one
present on one side only (an extra middle name) half.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

CONFLICT_COST = 2.0
MISSING_COST = 0.5
DISTINCT_COST = 2.0


def name_cost(matched: float, q_left: float, c_left: float) -> float:
    """Denominator of the name score before distinguishing words: the aligned weight plus
    twice the weight left over on both sides (a conflict) and half the one-sided rest."""
    conflict = min(q_left, c_left)
    return matched + CONFLICT_COST * 2 * conflict + MISSING_COST * (max(q_left, c_left) - conflict)


def upper_bound(
    matched: npt.NDArray[np.float64], q_left: npt.NDArray[np.float64],
    c_left: npt.NDArray[np.float64],
) -> npt.NDArray[np.float64]:
    """The highest name score possible given at most ``matched`` weight can align and at least
    ``q_left`` / ``c_left`` must stay unmatched (vectorised over candidates)."""
    conflict = np.minimum(q_left, c_left)
    cost = matched + CONFLICT_COST * 2 * conflict + MISSING_COST * (np.maximum(q_left, c_left) - conflict)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(cost > 0, matched / np.where(cost > 0, cost, 1.0), 0.0)
