"""Token rarity in the loaded lists: common words weigh less (``logic_v2``, ``logic_v3``).

A token found in at most ``RARE_NAMES`` listed names keeps its full weight; a more
common one is scaled by ``log(N / df) / log(N / RARE_NAMES)`` (N listed names, df the
names holding the token), never below the ``screening_rarity_floor`` setting. Queries are
weighed with the same table, so a query token the lists do not hold keeps full weight.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace

from frontierguard.controls.screening.normalize import NormName

RARE_NAMES = 10


@dataclass(frozen=True)
class Rarity:
    """Per-token weight factors below 1 (tokens not listed here keep their weight)."""

    factors: dict[str, float]

    @classmethod
    def from_names(cls, names: list[NormName], floor: float) -> Rarity:
        """Count each token once per name and turn counts into factors."""
        df = Counter(t for name in names for t in set(name.tokens))
        total = len(names)
        if total <= RARE_NAMES:
            return cls({})
        scale = math.log(total / RARE_NAMES)
        return cls({t: max(floor, math.log(total / n) / scale) for t, n in df.items() if n > RARE_NAMES})

    def reweigh(self, name: NormName) -> NormName:
        """The name with each token's weight multiplied by its factor."""
        if not any(t in self.factors for t in name.tokens):
            return name
        weights = tuple(w * self.factors.get(t, 1.0) for t, w in zip(name.tokens, name.weights, strict=True))
        return replace(name, weights=weights)
