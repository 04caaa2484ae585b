"""``logic_v2``: the second published party-screening algorithm.

Its own trigram-gated token matching (:mod:`.align`), a bounding index (:mod:`.index`:
only names whose score bound can reach the reporting cutoff are scored), rarity weights
from the indexed names, and its features (:mod:`.features`). Published: never edit in
place; add a new version beside it.
"""

from __future__ import annotations

from frontierguard.controls.screening.compare.qualifiers import NEEDS
from frontierguard.controls.screening.compare.territories import territory_words
from frontierguard.controls.screening.logic_v2.features import LOGIC_V2, V2Pair
from frontierguard.controls.screening.logic_v2.index import BoundIndex
from frontierguard.controls.screening.spec import ScreeningAlgorithm

ALGORITHM: ScreeningAlgorithm[V2Pair] = ScreeningAlgorithm(
    scorer=LOGIC_V2, pair=V2Pair, index=BoundIndex.build, qualifiers=NEEDS, rarity=True,
    warm=(territory_words,))

__all__ = ["ALGORITHM", "LOGIC_V2"]
