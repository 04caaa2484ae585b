"""Vectorised request-time generators: human days, cron, flat 24/7, scheduler bursts.

Every function returns ``(account_index, ts_ms)`` arrays for ``n`` accounts.
"""

from __future__ import annotations

import numpy as np

DAY = 86_400_000
HOUR = 3_600_000

# Local hour-of-day weights of a human's working and evening use (sum normalised below).
_HUMAN_HOURS = np.array([0.3, 0.15, 0.1, 0.08, 0.08, 0.15, 0.4, 0.9, 1.6, 2.2, 2.5, 2.4,
                         1.9, 2.2, 2.5, 2.4, 2.1, 1.7, 1.4, 1.5, 1.7, 1.6, 1.1, 0.6])
HUMAN_HOURS = _HUMAN_HOURS / _HUMAN_HOURS.sum()


def human(rng: np.random.Generator, n: int, t0: int, days: int, *, p_active: np.ndarray,
          sessions: float, per_session: float, gap_s: float,
          tz_hours: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sessions at human local hours on active days; lognormal gaps inside a session."""
    active = rng.random((n, days)) < p_active[:, None]
    acc_d, day_d = np.nonzero(active)
    n_sess = rng.poisson(sessions, len(acc_d)) + 1
    acc_s = np.repeat(acc_d, n_sess)
    day_s = np.repeat(day_d, n_sess)
    hour = rng.choice(24, len(acc_s), p=HUMAN_HOURS)
    start = (t0 + day_s * DAY + hour * HOUR - (tz_hours[acc_s] * HOUR).astype(np.int64)
             + rng.integers(0, HOUR, len(acc_s)))
    n_req = rng.geometric(1.0 / per_session, len(acc_s))
    acc = np.repeat(acc_s, n_req)
    sess = np.repeat(np.arange(len(acc_s)), n_req)
    gaps = (rng.lognormal(np.log(gap_s), 0.8, len(acc)) * 1000).astype(np.int64)
    first = np.ones(len(acc), bool)
    first[1:] = sess[1:] != sess[:-1]
    gaps[first] = 0
    cum = np.cumsum(gaps)
    offset = cum - np.maximum.accumulate(np.where(first, cum, 0))
    return acc, np.repeat(start, n_req) + offset


def flat(rng: np.random.Generator, n: int, t0: int, days: int,
         per_day: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A Poisson process at a constant rate around the clock."""
    counts = rng.poisson(per_day * days)
    acc = np.repeat(np.arange(n), counts)
    return acc, t0 + rng.integers(0, days * DAY, len(acc))


def cron(rng: np.random.Generator, n: int, t0: int, days: int, *, runs_per_day: int,
         batch: int, spacing_s: float, jitter_s: float) -> tuple[np.ndarray, np.ndarray]:
    """Jobs at the same minutes every day, each sending a batch at a fixed spacing."""
    first_run = rng.integers(0, DAY // runs_per_day, n)
    run = np.arange(days * runs_per_day)
    acc = np.repeat(np.arange(n), len(run) * batch)
    run_t = np.tile(np.repeat(run * (DAY // runs_per_day), batch), n)
    k = np.tile(np.arange(batch), n * len(run))
    jitter = rng.normal(0, jitter_s * 1000, len(acc)).astype(np.int64)
    return acc, t0 + first_run[acc] + run_t + (k * spacing_s * 1000).astype(np.int64) + jitter


def bursts(rng: np.random.Generator, n: int, t0: int, days: int, *, per_day: float,
           size: int, spacing_s: float) -> tuple[np.ndarray, np.ndarray]:
    """Scheduler-driven bursts: ``size`` requests ``spacing_s`` apart, bursts at random times."""
    n_b = rng.poisson(per_day * days, n)
    acc_b = np.repeat(np.arange(n), n_b)
    start = t0 + rng.integers(0, days * DAY, len(acc_b))
    acc = np.repeat(acc_b, size)
    k = np.tile(np.arange(size), len(acc_b))
    jitter = rng.integers(0, 500, len(acc))
    return acc, np.repeat(start, size) + (k * spacing_s * 1000).astype(np.int64) + jitter
