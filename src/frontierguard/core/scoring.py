"""Explainable scorers: a named algorithm is a list of weighted features.

Each feature is a small function returning :class:`FtResult` (a score in [0, 1]
and a detail in words); its docstring is the explanation a user reads.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

Q = TypeVar("Q")


@dataclass(frozen=True)
class FtResult:
    """The outcome of one feature: a score and why."""

    score: float
    detail: str | None = None


@dataclass(frozen=True)
class Feature(Generic[Q]):
    """A weighted, documented scoring feature."""

    name: str
    func: Callable[[Q], FtResult]
    weight: float
    qualifier: bool = False

    @property
    def description(self) -> str:
        return inspect.cleandoc(self.func.__doc__ or "").strip()


@dataclass
class Explanation:
    """A combined score and the per-feature results that produced it."""

    score: float
    features: dict[str, FtResult] = field(default_factory=dict)

    def reasons(self, limit: int = 5) -> list[str]:
        """Details of the features that contributed, strongest first."""
        ranked = sorted(self.features.items(), key=lambda kv: -kv[1].score)
        return [r.detail or name for name, r in ranked[:limit] if r.score > 0]


COMBINE: dict[str, Callable[[Sequence[float]], float]] = {"sum": sum, "max": max, "min": min}


@dataclass(frozen=True)
class Algorithm(Generic[Q]):
    """A named, versioned scorer. Published algorithms are never edited in place."""

    name: str
    description: str
    features: Sequence[Feature[Q]]
    combine: str = "sum"  # "sum": weighted sum; "max": the strongest; "min": the weakest

    def explain(self, query: Q) -> Explanation:
        """Weighted feature scores combined by ``combine`` (``sum``, ``max`` or ``min`` of
        weight x score), clipped to [0, 1]."""
        return self._explanation({f.name: f.func(query) for f in self.features})

    def ceilings(self, gains: Sequence[float]) -> list[float]:
        """Per feature, the most the features after it can still add, given ``gains[i]``, the
        most feature ``i`` can add (its weight where it can fire, else 0: feature scores lie
        in [0, 1]). Computed once per query, for :meth:`explain_reaching`."""
        return [sum(gains[i + 1:]) for i in range(len(self.features))]

    def explain_reaching(self, query: Q, floor: float,
                         ceilings: Sequence[float]) -> Explanation | None:
        """:meth:`explain`, or None as soon as the features still to come (``ceilings``, see
        :meth:`ceilings`) cannot lift the running total to ``floor``; a finished score is
        :meth:`explain`'s own. A ``floor`` of 0 or less is always reached (scores are clipped
        at 0), so nothing stops."""
        if self.combine != "sum":
            return self.explain(query)
        results: dict[str, FtResult] = {}
        total = 0.0
        for feature, ceiling in zip(self.features, ceilings, strict=True):
            results[feature.name] = feature.func(query)
            total += feature.weight * results[feature.name].score
            if floor > 0 and total + ceiling < floor - 1e-9:
                return None
        return self._explanation(results)

    def _explanation(self, results: dict[str, FtResult]) -> Explanation:
        parts = [f.weight * results[f.name].score for f in self.features]
        total = COMBINE[self.combine](parts) if parts else 0.0
        return Explanation(min(1.0, max(0.0, total)), results)

    def describe(self) -> list[dict[str, Any]]:
        return [
            {"name": f.name, "weight": f.weight, "description": f.description}
            for f in self.features
        ]
