"""The screening engine: index a set of list entries once, then screen parties against them."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from frontierguard.controls.screening.algorithms import ALGORITHMS
from frontierguard.controls.screening.index import NameIndex
from frontierguard.controls.screening.model import ListEntry, Pair, Party
from frontierguard.controls.screening.normalize import normalize_name
from frontierguard.core.errors import ConfigError
from frontierguard.core.scoring import Algorithm, Explanation


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
    """Entries indexed for screening with one algorithm, threshold and reporting cutoff."""

    entries: list[ListEntry]
    index: NameIndex
    algorithm: Algorithm[Pair]
    threshold: float
    cutoff: float
    candidates: int
    build_seconds: float = 0.0

    @classmethod
    def build(
        cls, entries: list[ListEntry], *, algorithm: str = "logic_v1", threshold: float = 0.7,
        cutoff: float = 0.5, candidates: int = 25,
    ) -> Screener:
        """Normalise every primary name and alias and index them."""
        if not 0.0 < threshold <= 1.0 or not 0.0 <= cutoff <= threshold:
            raise ConfigError(f"need 0 <= cutoff ({cutoff}) <= threshold ({threshold}) <= 1")
        if candidates < 1:
            raise ConfigError(f"candidates must be at least 1, got {candidates}")
        start = time.perf_counter()
        names, owner = [], []
        for i, entry in enumerate(entries):
            for text in dict.fromkeys([entry.name, *entry.aliases]):
                norm = normalize_name(text)
                if norm.tokens:
                    names.append(norm)
                    owner.append(i)
        index = NameIndex.build(names, owner)
        return cls(entries, index, ALGORITHMS.get(algorithm), threshold, cutoff, candidates,
                   time.perf_counter() - start)

    def screen(self, party: Party) -> ScreenResult:
        """Score the party's name against its index candidates; best name per entry."""
        query = normalize_name(party.name)
        if not query.tokens:
            return ScreenResult(party)
        best: dict[int, Hit] = {}
        for n in self.index.candidates(query, self.candidates).tolist():
            owner = int(self.index.owner[n])
            entry = self.entries[owner]
            candidate = self.index.names[n]
            explained = self.algorithm.explain(Pair(query, candidate, party, entry))
            if explained.score < self.cutoff:
                continue
            if owner in best and best[owner].score >= explained.score:
                continue
            reasons = self._reasons(explained)
            if candidate.original != entry.name:
                reasons.append(f"via alias {candidate.original!r}")
            best[owner] = Hit(entry, candidate.original, explained.score,
                              explained.score >= self.threshold, tuple(reasons))
        return ScreenResult(party, sorted(best.values(), key=lambda h: -h.score))

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
        query = normalize_name(party.name)
        hits: dict[int, Hit] = {}
        for n, candidate in enumerate(self.index.names):
            owner = int(self.index.owner[n])
            pair = Pair(query, candidate, party, self.entries[owner])
            score = self.algorithm.explain(pair).score
            if score >= self.cutoff and (owner not in hits or hits[owner].score < score):
                hits[owner] = Hit(self.entries[owner], candidate.original, score,
                                  score >= self.threshold, ())
        return ScreenResult(party, sorted(hits.values(), key=lambda h: -h.score))
