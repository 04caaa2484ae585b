"""``logic_v3``: the third published party-screening algorithm (the default).

Its own narrowed token matching (:mod:`.align`), its bounding index (:mod:`.index`),
rarity weights from the indexed names, and its features (:mod:`.features`). Published:
never edit in place; add a new version beside it.
"""

from __future__ import annotations

from frontierguard.controls.screening.compare.qualifiers import NEEDS
from frontierguard.controls.screening.compare.territories import territory_words
from frontierguard.controls.screening.logic_v3.features import LOGIC_V3, V3Pair
from frontierguard.controls.screening.logic_v3.index import BoundIndex
from frontierguard.controls.screening.spec import ScreeningAlgorithm

ALGORITHM: ScreeningAlgorithm[V3Pair] = ScreeningAlgorithm(
    scorer=LOGIC_V3, pair=V3Pair, index=BoundIndex.build, qualifiers=NEEDS, rarity=True,
    warm=(territory_words,))

__all__ = ["ALGORITHM", "LOGIC_V3"]
