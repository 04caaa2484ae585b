"""The registry of published screening algorithms, and the index bound each one admits.

``BOUNDS`` names the algorithms whose name score the bounding index
(:mod:`.index_v2`) holds an upper bound for; they screen with that index and rarity
weights. The others screen with the ranking index of :mod:`.index`.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from frontierguard.controls.screening.logic_v1 import LOGIC_V1
from frontierguard.controls.screening.logic_v2 import LOGIC_V2, upper_bound
from frontierguard.controls.screening.logic_v3 import LOGIC_V3
from frontierguard.controls.screening.model import Pair
from frontierguard.core.registry import Registry
from frontierguard.core.scoring import Algorithm

Bound = Callable[[npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.float64]],
                 npt.NDArray[np.float64]]

ALGORITHMS: Registry[Algorithm[Pair]] = Registry("screening algorithm", [LOGIC_V1, LOGIC_V2, LOGIC_V3])
# logic_v3 admits a subset of v2's token pairs and only adds costs, so v2's bound holds for it.
BOUNDS: dict[str, Bound] = {LOGIC_V2.name: upper_bound, LOGIC_V3.name: upper_bound}
