"""What a published screening algorithm declares: its scorer, the pair its features read,
its index, the qualifiers that can raise a score, and whether it weighs tokens by rarity.

Each ``logic_vN`` package builds one :class:`ScreeningAlgorithm`; :mod:`.algorithms`
registers them by the names users pass (``screening_algorithm``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from frontierguard.controls.screening.model import ListEntry, Pair, Party
from frontierguard.controls.screening.normalize import NormName
from frontierguard.core.scoring import Algorithm

P = TypeVar("P", bound=Pair)


class CandidateIndex(Protocol):
    """Listed names indexed for one algorithm."""

    def candidate_ids(self, query: NormName, limit: int, cutoff: float, bonus: float) -> list[int]:
        """Listed name numbers worth scoring for ``query``, most promising first, at most
        ``limit``; an index that bounds the score drops names whose bound plus ``bonus``
        (what the qualifiers can still add) stays below ``cutoff``."""
        ...


@dataclass(frozen=True)
class ScreeningAlgorithm(Generic[P]):
    """A published algorithm: scorer, pair type, index, qualifiers and weighting."""

    scorer: Algorithm[P]
    pair: Callable[[NormName, NormName, Party, ListEntry], P]
    index: Callable[[list[NormName], list[int]], CandidateIndex]
    # score-raising qualifier feature -> the Party field it needs to fire
    qualifiers: Mapping[str, str] = field(default_factory=dict)
    rarity: bool = False  # token weights reflect rarity in the indexed names
    warm: tuple[Callable[[], Any], ...] = ()  # tables loaded at build, not in the first query

    @property
    def name(self) -> str:
        return self.scorer.name
