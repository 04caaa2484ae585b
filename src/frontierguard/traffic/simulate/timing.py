"""When simulated requests happen: vectorised timestamp generators.

Each generator returns ``(account, ts_ms, position)`` arrays: the account index within the
group, the request time in epoch milliseconds, and the request's position inside its session
or burst (0 for the first), which later sets the conversation length of session traffic.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from frontierguard.traffic.simulate.scenario import Timing

HOUR_MS = 3_600_000
DAY_MS = 24 * HOUR_MS
Arrays = tuple[np.ndarray, np.ndarray, np.ndarray]


def activity(rng: np.random.Generator, n: int, spread: float) -> np.ndarray:
    """Per-account activity multipliers: lognormal with mean 1 (heavy users and light ones)."""
    return rng.lognormal(-spread * spread / 2, spread, n)


def _expand(
    rng: np.random.Generator,
    owner: np.ndarray,
    start_ms: np.ndarray,
    counts: np.ndarray,
    gap_s: float,
    gap_sigma: float,
) -> Arrays:
    """Expand sessions (owner, start, count) into requests spaced by lognormal gaps."""
    keep = counts > 0
    owner, start_ms, counts = owner[keep], start_ms[keep], counts[keep]
    total = int(counts.sum())
    sess = np.repeat(np.arange(len(counts)), counts)
    first = np.cumsum(counts) - counts
    pos = np.arange(total) - np.repeat(first, counts)
    gaps = rng.lognormal(np.log(gap_s * 1000.0), gap_sigma, total)
    gaps[pos == 0] = 0.0
    csum = np.cumsum(gaps)
    offset = csum - np.repeat(csum[first], counts)
    ts = start_ms[sess] + offset.astype(np.int64)
    return owner[sess], ts, pos.astype(np.int32)


def _wrap(ts: np.ndarray, start_ms: int, days: int) -> np.ndarray:
    """Keep every request inside the window (times past the end wrap to its beginning)."""
    out: np.ndarray = start_ms + np.mod(ts - start_ms, days * DAY_MS)
    return out


def sessions(
    rng: np.random.Generator,
    t: Timing,
    act: np.ndarray,
    start: dt.date,
    days: int,
    utc_offset: np.ndarray,
    profile: np.ndarray,
) -> Arrays:
    """Human-like sessions: local-time hour profile, weekday/weekend rhythm, bursts of turns."""
    n = len(act)
    start_ms = _epoch_ms(start)
    weekday = (start.weekday() + np.arange(days)) % 7
    day_w = np.where(weekday >= 5, t.weekend, 1.0)
    per_day = t.requests_per_day * act / t.per_session
    counts = rng.poisson(per_day * day_w.sum())
    owner = np.repeat(np.arange(n), counts)
    s = len(owner)
    day = rng.choice(days, size=s, p=day_w / day_w.sum())
    hour = rng.choice(24, size=s, p=profile / profile.sum()) + rng.random(s)
    local = day * DAY_MS + (hour * HOUR_MS).astype(np.int64)
    sess_start = start_ms + local - (utc_offset[owner] * HOUR_MS).astype(np.int64)
    size = rng.geometric(1.0 / t.per_session, s)
    acct, ts, pos = _expand(rng, owner, sess_start, size, t.gap_seconds, t.gap_sigma)
    return acct, _wrap(ts, start_ms, days), pos


def cron(rng: np.random.Generator, t: Timing, act: np.ndarray, start: dt.date, days: int) -> Arrays:
    """Scheduled jobs: every period, the same number of requests at a steady pace."""
    n = len(act)
    start_ms = _epoch_ms(start)
    period = np.array(t.period_minutes)[rng.integers(0, len(t.period_minutes), n)] * 60_000
    phase = (rng.random(n) * period).astype(np.int64)
    runs = (days * DAY_MS - phase) // period
    per_run = np.maximum(1, np.round(t.requests_per_day * act * period / DAY_MS)).astype(np.int64)
    run_owner = np.repeat(np.arange(n), runs)
    run_no = np.arange(len(run_owner)) - np.repeat(np.cumsum(runs) - runs, runs)
    jitter = rng.normal(0, 2_000, len(run_owner)).astype(np.int64)
    run_start = start_ms + phase[run_owner] + run_no * period[run_owner] + jitter
    acct, ts, pos = _expand(rng, run_owner, run_start, per_run[run_owner], t.gap_seconds, t.gap_sigma)
    return acct, _wrap(ts, start_ms, days), pos


def bursts(rng: np.random.Generator, t: Timing, act: np.ndarray, start: dt.date, days: int) -> Arrays:
    """Scheduler-driven bursts shared by the whole group: coordinated, high-rate waves."""
    n = len(act)
    start_ms = _epoch_ms(start)
    every = t.burst_every_hours * HOUR_MS
    count = max(1, int(days * DAY_MS // every))
    waves = start_ms + (np.arange(count) * every + rng.uniform(-0.2, 0.2, count) * every).astype(np.int64)
    joins = rng.random((n, count)) < t.participation
    owner, wave = np.nonzero(joins)
    mean = t.requests_per_day * act[owner] * t.burst_every_hours / 24.0 / t.participation
    size = np.maximum(1, rng.poisson(mean))
    begin = waves[wave] + rng.exponential(60_000, len(owner)).astype(np.int64)
    acct, ts, pos = _expand(rng, owner, begin, size, t.gap_seconds, t.gap_sigma)
    return acct, _wrap(ts, start_ms, days), pos


def release_burst(
    rng: np.random.Generator, act: np.ndarray, per_account: int, released_ms: int, hours: float
) -> Arrays:
    """Evaluation runs right after a release: one concurrent-looking run per account."""
    n = len(act)
    size = rng.poisson(per_account * act)
    begin = released_ms + (rng.uniform(0.25, max(0.3, hours / 2), n) * HOUR_MS).astype(np.int64)
    return _expand(rng, np.arange(n), begin, size, 1.5, 0.6)


def generate(
    rng: np.random.Generator,
    t: Timing,
    act: np.ndarray,
    start: dt.date,
    days: int,
    utc_offset: np.ndarray,
    profile: np.ndarray,
) -> Arrays:
    """Dispatch on the timing kind (``flat`` is sessions with a flat 24-hour profile)."""
    if t.kind == "sessions":
        return sessions(rng, t, act, start, days, utc_offset, profile)
    if t.kind == "flat":
        return sessions(rng, t, act, start, days, np.zeros(len(act)), np.ones(24))
    if t.kind == "cron":
        return cron(rng, t, act, start, days)
    return bursts(rng, t, act, start, days)


def _epoch_ms(day: dt.date) -> int:
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp() * 1000)


epoch_ms = _epoch_ms
