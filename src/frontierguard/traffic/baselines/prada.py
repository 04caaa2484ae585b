"""Baseline: PRADA (Juuti et al., "PRADA: Protecting against DNN Model Stealing Attacks",
IEEE EuroS&P 2019), applied per account to hashed text vectors.

For each query of an account (in time order) PRADA takes the minimum distance to the
account's earlier queries; benign query streams give a roughly normal set of minimum
distances, synthetic extraction streams do not. The Shapiro-Wilk statistic W of that set is
tested against a threshold delta: flag when W < delta.

Deviations from the paper, stated: queries are hashed bag-of-words vectors (L2-normalised,
Euclidean distance) rather than images; the growing set is every earlier query of the account
(the paper adds a query only when it is farther than a running threshold); there are no
per-class sets (no model output is available); an account with more than
``baseline_prada_max_queries`` requests is tested on that many requests taken evenly across
its history; a distance set with zero range (all queries equidistant) counts as W = 0,
since a point mass is not normal.
"""

from __future__ import annotations

import warnings

import numpy as np
from scipy import stats

from frontierguard.core import settings
from frontierguard.traffic.baselines.common import BaselineScores, Requests

DELTA = settings.Setting(
    "baseline_prada_delta", float, 0.90,
    "PRADA baseline: flag an account when the Shapiro-Wilk W of its minimum-distance set "
    "is below this.", "traffic",
)
MIN_QUERIES = settings.Setting(
    "baseline_prada_min_queries", int, 20,
    "PRADA baseline: accounts with fewer requests are not tested (score 0).", "traffic",
)
MAX_QUERIES = settings.Setting(
    "baseline_prada_max_queries", int, 400,
    "PRADA baseline: at most this many requests per account, taken evenly over its history.",
    "traffic",
)
settings.register([DELTA, MIN_QUERIES, MAX_QUERIES])


def min_distances(x: np.ndarray) -> np.ndarray:
    """For rows 1..n-1 of ``x`` (L2-normalised), the distance to the nearest earlier row."""
    gram = x @ x.T
    dist = np.sqrt(np.maximum(0.0, 2.0 - 2.0 * gram))
    dist[np.triu_indices(len(x))] = np.inf
    return np.asarray(dist[1:].min(axis=1))


def shapiro_w(d: np.ndarray) -> float:
    """Shapiro-Wilk W; a set with zero range is not normal (W = 0)."""
    if np.ptp(d) == 0:
        return 0.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(stats.shapiro(d).statistic)


def score_prada(req: Requests, delta: float | None = None, min_queries: int | None = None,
                max_queries: int | None = None) -> BaselineScores:
    """Per account: W of the minimum-distance set; score = 1 - W, flagged when W < delta."""
    assert req.vectors is not None
    delta = DELTA.default if delta is None else delta
    lo = MIN_QUERIES.default if min_queries is None else min_queries
    hi = MAX_QUERIES.default if max_queries is None else max_queries
    n_acc = len(req.accounts)
    w = np.full(n_acc, np.nan)
    for i in np.flatnonzero(req.counts >= max(lo, 4)):
        start, stop = int(req.starts[i]), int(req.starts[i + 1])
        rows = np.unique(np.linspace(start, stop - 1, min(hi, stop - start)).astype(np.int64))
        block = req.vectors[rows].toarray()
        w[i] = shapiro_w(min_distances(block))
    tested = np.isfinite(w)
    score = np.where(tested, 1.0 - np.nan_to_num(w, nan=1.0), 0.0)
    flagged = tested & (np.nan_to_num(w, nan=1.0) < delta)
    reasons = [f"Shapiro-Wilk W={v:.3f} of minimum query distances" if np.isfinite(v)
               else "too few requests to test" for v in w]
    return BaselineScores(req.accounts, score, flagged, reasons)
