"""The registry of published screening algorithms, by the names users pass
(``screening_algorithm``, ``--set screening_algorithm=...``).

Each algorithm is a sibling package (:mod:`.logic_v1`, :mod:`.logic_v2`, :mod:`.logic_v3`)
declaring its scorer, index, qualifiers and weighting (:class:`.spec.ScreeningAlgorithm`);
none imports another. A new version is a new package added here; published ones are
never edited in place (the golden score corpus in the tests pins them).
"""

from __future__ import annotations

from typing import Any

from frontierguard.controls.screening import logic_v1, logic_v2, logic_v3
from frontierguard.controls.screening.spec import ScreeningAlgorithm
from frontierguard.core.registry import Registry

ALGORITHMS: Registry[ScreeningAlgorithm[Any]] = Registry(
    "screening algorithm", [logic_v1.ALGORITHM, logic_v2.ALGORITHM, logic_v3.ALGORITHM])
