"""Baseline: a per-account volume threshold (requests per active day)."""

from __future__ import annotations

import numpy as np

from frontierguard.core import settings
from frontierguard.traffic.baselines.common import BaselineScores, Requests, ecdf_score

VOLUME_PER_DAY = settings.Setting(
    "baseline_volume_per_day", float, 500.0,
    "Volume baseline: flag an account sending at least this many requests per active day.",
    "traffic",
)
settings.register([VOLUME_PER_DAY])


def score_volume(req: Requests, per_day: float | None = None) -> BaselineScores:
    """Score = rank of the account's requests per active day among all accounts."""
    limit = VOLUME_PER_DAY.default if per_day is None else per_day
    day = req.ts_ms // 86_400_000
    account_idx = np.repeat(np.arange(len(req.accounts)), req.counts)
    new_day = np.ones(len(day), dtype=bool)
    new_day[1:] = (day[1:] != day[:-1]) | (account_idx[1:] != account_idx[:-1])
    active_days = np.bincount(account_idx[new_day], minlength=len(req.accounts))
    per_day_rate = req.counts / np.maximum(active_days, 1)
    flagged = per_day_rate >= limit
    reasons = [f"{r:.0f} requests per active day" for r in per_day_rate]
    return BaselineScores(req.accounts, ecdf_score(per_day_rate, per_day_rate), flagged, reasons)
