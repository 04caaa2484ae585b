"""The screening engine: index a set of list entries once, then screen parties against them."""

from __future__ import annotations

import multiprocessing
import os
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from frontierguard.controls.screening.algorithms import ALGORITHMS
from frontierguard.controls.screening.config import ALGORITHM as ALGORITHM_SETTING
from frontierguard.controls.screening.model import ListEntry, Pair, Party
from frontierguard.controls.screening.normalize import NormName, normalize_name
from frontierguard.controls.screening.rarity import Rarity
from frontierguard.controls.screening.spec import CandidateIndex, ScreeningAlgorithm
from frontierguard.core.errors import ConfigError
from frontierguard.core.scoring import Algorithm, Explanation

BATCH_MIN = 2_000  # parties below which a batch is screened in this process

_FORKED: Screener | None = None  # the screener worker processes inherit when they fork


def _screen_chunk(chunk: list[Party]) -> list[ScreenResult]:
    assert _FORKED is not None, "screening worker started without a screener"
    return [_FORKED.screen(p) for p in chunk]


@dataclass(frozen=True)
class Hit:
    """One listed entry that scored at or above the reporting cutoff, and why."""

    entry: ListEntry
    matched_name: str
    score: float
    matched: bool
    reasons: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "entry_id": self.entry.entry_id, "list": self.entry.list_name,
            "match_name": self.entry.name, "matched_name": self.matched_name,
            "kind": self.entry.kind, "score": round(self.score, 4), "matched": self.matched,
            "reasons": list(self.reasons), "programs": self.entry.programs,
        }


@dataclass(frozen=True)
class ScreenResult:
    """A party and its hits (best first)."""

    party: Party
    hits: list[Hit] = field(default_factory=list)

    @property
    def matched(self) -> bool:
        return any(h.matched for h in self.hits)


@dataclass
class Screener:
    """Entries indexed for screening with one algorithm, threshold and reporting cutoff.

    The algorithm (:class:`.spec.ScreeningAlgorithm`) brings its index: a bounding index
    scores only the candidates whose bound can reach the reporting cutoff, a ranking one
    the best ``candidates`` names; an algorithm that weighs rarity reweighs every name by
    its tokens' rarity in the entries.
    """

    entries: list[ListEntry]
    names: list[NormName]
    owner: npt.NDArray[np.int32]
    spec: ScreeningAlgorithm[Any]
    threshold: float
    cutoff: float
    candidates: int
    index: CandidateIndex | None = None
    rarity: Rarity | None = None
    build_seconds: float = 0.0

    @property
    def algorithm(self) -> Algorithm[Any]:
        """The algorithm's scorer (its name, features and weights)."""
        return self.spec.scorer

    @classmethod
    def build(
        cls, entries: list[ListEntry], *, algorithm: str = ALGORITHM_SETTING.default,
        threshold: float = 0.7, cutoff: float = 0.5, candidates: int = 25, rarity_floor: float = 0.3,
    ) -> Screener:
        """Normalise every primary name and alias and index them for ``algorithm`` (by default
        the ``screening.algorithm`` setting's default)."""
        if not 0.0 < threshold <= 1.0 or not 0.0 <= cutoff <= threshold:
            raise ConfigError(f"need 0 <= cutoff ({cutoff}) <= threshold ({threshold}) <= 1")
        if candidates < 1:
            raise ConfigError(f"candidates must be at least 1, got {candidates}")
        if not 0.0 < rarity_floor <= 1.0:
            raise ConfigError(f"rarity floor must be in (0, 1], got {rarity_floor}")
        start = time.perf_counter()
        spec = ALGORITHMS.get(algorithm)
        names, owner = [], []
        for i, entry in enumerate(entries):
            for text in dict.fromkeys([entry.name, *entry.aliases]):
                norm = normalize_name(text)
                if norm.tokens:
                    names.append(norm)
                    owner.append(i)
        out = cls(entries, names, np.asarray(owner, dtype=np.int32), spec, threshold, cutoff,
                  candidates)
        if spec.rarity:
            out.rarity = Rarity.from_names(names, rarity_floor)
            out.names = [out.rarity.reweigh(n) for n in names]
        out.index = spec.index(out.names, owner)
        for warm in spec.warm:
            warm()  # loaded once here rather than inside the first query
        out.build_seconds = time.perf_counter() - start
        return out

    def query(self, party: Party) -> NormName:
        """The party's name normalised (and weighed by rarity when the algorithm uses it)."""
        query = normalize_name(party.name)
        return self.rarity.reweigh(query) if self.rarity is not None else query

    def pair(self, query: NormName, n: int, party: Party) -> Pair:
        """The query against listed name number ``n``, with both sides' qualifiers."""
        pair: Pair = self.spec.pair(query, self.names[n], party, self.entries[int(self.owner[n])])
        return pair

    def candidate_ids(self, query: NormName, party: Party) -> list[int]:
        """Listed names worth scoring for ``query``, most promising first."""
        assert self.index is not None, "screener built without its index"
        return self.index.candidate_ids(query, self.candidates, self.cutoff, self._bonus(party))

    def _gains(self, party: Party) -> list[float]:
        """Per feature, the most it can add for this party: its weight where it is positive
        and the party gives what the feature needs (a country, an address, identifiers)."""
        needs = self.spec.qualifiers
        return [f.weight if f.weight > 0 and (needs.get(f.name) is None or getattr(party, needs[f.name]))
                else 0.0 for f in self.algorithm.features]

    def _bonus(self, party: Party) -> float:
        """The most the algorithm's score-raising qualifiers can add for this party."""
        return sum(gain for f, gain in zip(self.algorithm.features, self._gains(party), strict=True)
                   if f.qualifier)

    def screen(self, party: Party) -> ScreenResult:
        """Score the party's name against its candidates; best name per entry."""
        query = self.query(party)
        if not query.tokens:
            return ScreenResult(party)
        best: dict[int, Hit] = {}
        ceilings = self.algorithm.ceilings(self._gains(party))
        for n in self.candidate_ids(query, party):
            owner = int(self.owner[n])
            entry = self.entries[owner]
            candidate = self.names[n]
            # stop scoring a pair once it cannot reach the reporting cutoff
            explained = self.algorithm.explain_reaching(self.pair(query, n, party), self.cutoff,
                                                        ceilings)
            if explained is None or explained.score < self.cutoff:
                continue
            if owner in best and best[owner].score >= explained.score:
                continue
            reasons = self._reasons(explained)
            if candidate.original != entry.name:
                reasons.append(f"via alias {candidate.original!r}")
            best[owner] = Hit(entry, candidate.original, explained.score,
                              explained.score >= self.threshold, tuple(reasons))
        return ScreenResult(party, sorted(best.values(), key=lambda h: -h.score))

    def screen_many(self, parties: list[Party], workers: int = 1,
                    min_batch: int = BATCH_MIN) -> list[ScreenResult]:
        """Screen a batch of parties, in order.

        With ``workers`` > 1 (0: one per CPU core) and at least ``min_batch`` parties, the
        batch is split over that many forked processes, which inherit the index rather than
        rebuild it; each result is the one :meth:`screen` gives. Otherwise, or where the
        platform cannot fork, it runs here (normalisation caches shared across the batch)."""
        processes = (os.cpu_count() or 1) if workers == 0 else workers
        if (processes <= 1 or len(parties) < max(min_batch, 2)
                or "fork" not in multiprocessing.get_all_start_methods()):
            return [self.screen(p) for p in parties]
        global _FORKED
        size = -(-len(parties) // (processes * 4))
        chunks = [parties[i:i + size] for i in range(0, len(parties), size)]
        _FORKED = self
        try:
            with multiprocessing.get_context("fork").Pool(processes) as pool:
                parts = pool.map(_screen_chunk, chunks)
        finally:
            _FORKED = None
        return [r for part in parts for r in part]

    def _reasons(self, explained: Explanation) -> list[str]:
        """Each contributing feature's detail with the amount it moved the score."""
        out = []
        for feature in self.algorithm.features:
            result = explained.features[feature.name]
            if result.score > 0 and result.detail:
                out.append(f"{feature.name}: {result.detail} ({feature.weight * result.score:+.2f})")
        return out

    def scan(self, party: Party) -> ScreenResult:
        """Score against every listed name (no index): the reference the index is tested against."""
        query = self.query(party)
        hits: dict[int, Hit] = {}
        for n, candidate in enumerate(self.names):
            owner = int(self.owner[n])
            score = self.algorithm.explain(self.pair(query, n, party)).score
            if score >= self.cutoff and (owner not in hits or hits[owner].score < score):
                hits[owner] = Hit(self.entries[owner], candidate.original, score,
                                  score >= self.threshold, ())
        return ScreenResult(party, sorted(hits.values(), key=lambda h: -h.score))
