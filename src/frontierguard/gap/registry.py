"""The explicit registry of gap methods, their options, and bootstrap uncertainty.

Each :class:`Method` turns a dataset into a daily series on a common grid, plus a
sentence on what it measures and why it can disagree with the others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from frontierguard.core.errors import InputError
from frontierguard.core.registry import Registry
from frontierguard.core.settings import Setting, register, resolve
from frontierguard.gap import methods as m
from frontierguard.gap.model import Dataset

BOOTSTRAP_N = Setting("gap_bootstrap_n", int, 200,
                      "Bootstrap resamples (over models) for uncertainty bands.", "gap")
BOOTSTRAP_SEED = Setting("gap_bootstrap_seed", int, 20250101,
                         "Random seed of the bootstrap, so bands are reproducible.", "gap")
BAND = Setting("gap_band_percent", float, 90.0,
               "Width of the uncertainty band in percent (90 = 5th to 95th percentile).", "gap")
register([BOOTSTRAP_N, BOOTSTRAP_SEED, BAND])
GAP_SETTINGS = [m.DAYS_PER_MONTH, m.COMPUTE_FIT_SINCE, BOOTSTRAP_N, BOOTSTRAP_SEED, BAND]


@dataclass(frozen=True)
class Options:
    """Sensitivity switches: sides and country rule, open-weight only, metric, window."""

    sides: m.Sides = field(default_factory=m.Sides)
    open_only: bool = False
    metric: str | None = None
    start: str | None = None
    end: str | None = None
    overrides: dict[str, object] = field(default_factory=dict)

    def settings(self) -> dict[str, object]:
        return resolve(GAP_SETTINGS, dict(self.overrides))


SeriesFn = Callable[[m.Table, np.ndarray, Options], np.ndarray]


@dataclass(frozen=True)
class Method:
    """A gap method: name, unit, daily-series function, default metric, and caveat."""

    name: str
    title: str
    unit: str
    series: SeriesFn
    default_metric: str | None
    measures: str
    caveat: str


def _time_lag(t: m.Table, grid: np.ndarray, o: Options) -> np.ndarray:
    return m.time_lag_t(t, grid, float(o.settings()["gap_days_per_month"]))  # type: ignore[arg-type]


def _score_gap(t: m.Table, grid: np.ndarray, o: Options) -> np.ndarray:
    lead, fol = m.score_gap_t(t, grid)
    return np.asarray(100.0 * (lead - fol) / np.abs(fol), float)


def _compute_lag(t: m.Table, grid: np.ndarray, o: Options) -> np.ndarray:
    return m.compute_lag_t(t, grid, str(o.settings()["gap_compute_fit_since"]))


def _arena_gap(t: m.Table, grid: np.ndarray, o: Options) -> np.ndarray:
    """Each day carries the gap of the latest snapshot on or before it."""
    dates, lead, fol = m.arena_gap_t(t)
    idx = np.searchsorted(dates, grid, side="right") - 1
    out = np.full(len(grid), np.nan)
    ok = idx >= 0
    out[ok] = (100.0 * (lead - fol) / np.abs(fol))[idx[ok]]
    return out


METHODS: Registry[Method] = Registry("gap method", [
    Method("time_lag", "Time lag (Epoch AI method)", "months", _time_lag, "eci",
           "how long before each day a US model first matched China's best score so far",
           "jumps when either side releases a new best model; blind to how far ahead the "
           "leader is beyond the follower's best"),
    Method("compute_lag", "Compute lag (fitted growth)", "months", _compute_lag,
           "training_compute",
           "months for China's fitted top training compute to reach the US fitted level",
           "measures inputs, not capability: algorithmic efficiency and distillation let "
           "capability catch up faster than compute"),
    Method("score_gap", "Score gap (AI Index style)", "percent", _score_gap, "eci",
           "best US minus best Chinese score, relative to the Chinese score",
           "a percentage of a bounded or relative scale shrinks near the top even at a "
           "constant time lag; not comparable across metrics"),
    Method("arena_gap", "Arena gap per snapshot", "percent", _arena_gap, "arena",
           "top US minus top Chinese Arena score per leaderboard snapshot",
           "Elo scores are relative to the pool of models, dated by snapshot not release; "
           "style and preference, not capability"),
])


@dataclass
class MethodResult:
    """One method's daily series with bootstrap band and summary."""

    method: Method
    dates: np.ndarray
    values: np.ndarray
    low: np.ndarray
    high: np.ndarray
    summary: dict[str, float | int | None]
    metric: str


def _window(df: pd.DataFrame, o: Options) -> np.ndarray:
    dated = pd.concat([df["release"], df["as_of"]]).dropna()
    if dated.empty:
        raise InputError("no dated observations for this metric")
    return m.day_grid(o.start or dated.min(), o.end or dated.max())


def bootstrap(method: Method, df: pd.DataFrame, grid: np.ndarray, o: Options
              ) -> tuple[np.ndarray, np.ndarray]:
    """Percentile band from resampling models with replacement within each country set.

    Resampling is over models (all of a model's observations move together), so the
    band shows how much the answer depends on which models happen to be in the table.
    """
    s = o.settings()
    n, width = int(s["gap_bootstrap_n"]), float(s["gap_band_percent"])  # type: ignore[call-overload, arg-type]
    rng = np.random.default_rng(int(s["gap_bootstrap_seed"]))  # type: ignore[call-overload]
    table = m.Table.of(df, o.sides)
    keep = table.lead | table.follower  # other countries' models never enter a method
    table = table.take(np.flatnonzero(keep))
    stratum = table.lead.astype(int) + 2 * table.follower.astype(int)
    codes, uniq = pd.factorize(df["model"][keep])
    order = np.argsort(codes, kind="stable")
    starts = np.searchsorted(codes[order], np.arange(len(uniq)))
    counts = np.bincount(codes, minlength=len(uniq))
    model_stratum = np.zeros(len(uniq), int)
    model_stratum[codes] = stratum
    groups = [g for g in (np.flatnonzero(model_stratum == k) for k in (1, 2, 3)) if len(g)]
    reps = np.full((n, len(grid)), np.nan)
    for i in range(n):
        pick = np.concatenate([rng.choice(g, len(g)) for g in groups])
        rows = order[np.repeat(starts[pick], counts[pick])
                     + _ranges(counts[pick])]
        try:
            reps[i] = method.series(table.take(rows), grid, o)
        except InputError:
            continue
    q = (100 - width) / 200
    return nan_quantile(reps, q), nan_quantile(reps, 1 - q)


def nan_quantile(reps: np.ndarray, q: float) -> np.ndarray:
    """Column quantiles (linear interpolation) ignoring NaN; NaN where a column is all NaN.

    Vectorised: sorting puts NaN last, so each column's quantile index depends only on
    its count of valid values.
    """
    srt = np.sort(reps, axis=0)
    valid = (~np.isnan(reps)).sum(axis=0)
    pos = q * np.maximum(valid - 1, 0)
    lo = np.floor(pos).astype(int)
    hi = np.minimum(lo + 1, np.maximum(valid - 1, 0))
    cols = np.arange(reps.shape[1])
    frac = pos - lo
    out = srt[lo, cols] * (1 - frac) + srt[hi, cols] * frac
    out[valid == 0] = np.nan
    return np.asarray(out, float)


def _ranges(counts: np.ndarray) -> np.ndarray:
    """``[0..c0-1, 0..c1-1, ...]`` for the given counts, vectorised."""
    total = int(counts.sum())
    ends = np.cumsum(counts)
    return np.asarray(np.arange(total) - np.repeat(ends - counts, counts), int)


def run_method(name: str, data: Dataset, o: Options, with_band: bool = True) -> MethodResult:
    """Run one registered method on ``data`` with the sensitivity switches in ``o``."""
    method = METHODS.get(name)
    metric = o.metric or method.default_metric
    df = data.select(metric, open_only=o.open_only)
    grid = _window(df, o)
    values = method.series(m.Table.of(df, o.sides), grid, o)
    low, high = bootstrap(method, df, grid, o) if with_band else (values, values)
    return MethodResult(method, grid, values, low, high, m.summarise(values),
                        metric or "")
