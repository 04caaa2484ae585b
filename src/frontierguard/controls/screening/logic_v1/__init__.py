"""``logic_v1``: the first published party-screening algorithm.

Its own token similarity and alignment (:mod:`.align`), its ranking index (:mod:`.index`:
the best names by shared-key weight) and its features (:mod:`.features`); qualifiers from
:mod:`..compare.qualifiers`. Published: never edit in place; add a new version beside it.
"""

from __future__ import annotations

from frontierguard.controls.screening.compare.qualifiers import NEEDS
from frontierguard.controls.screening.logic_v1.features import LOGIC_V1, V1Pair
from frontierguard.controls.screening.logic_v1.index import NameIndex
from frontierguard.controls.screening.spec import ScreeningAlgorithm

ALGORITHM: ScreeningAlgorithm[V1Pair] = ScreeningAlgorithm(
    scorer=LOGIC_V1, pair=V1Pair, index=NameIndex.build, qualifiers=NEEDS)

__all__ = ["ALGORITHM", "LOGIC_V1"]
