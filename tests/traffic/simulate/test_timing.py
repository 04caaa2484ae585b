"""Timestamp generators: human rhythm, cron regularity, coordinated bursts, release runs."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from frontierguard.traffic.simulate import timing
from frontierguard.traffic.simulate.scenario import Timing

START = dt.date(2026, 3, 2)  # a Monday
START_MS = timing.epoch_ms(START)


def _t(kind: str, **kw: object) -> Timing:
    base: dict[str, object] = dict(
        kind=kind,
        requests_per_day=20.0,
        spread=0.0,
        per_session=5.0,
        gap_seconds=30.0,
        gap_sigma=0.5,
        profile="human",
        weekend=1.0,
        period_minutes=(60,),
        burst_every_hours=4.0,
        participation=1.0,
        timezone=None,
        lifetime_days=None,
    )
    base.update(kw)
    return Timing(**base)  # type: ignore[arg-type]


def _hours(ts: np.ndarray) -> np.ndarray:
    return ((ts - START_MS) // timing.HOUR_MS) % 24


def test_sessions_follow_the_local_hour_profile() -> None:
    rng = np.random.default_rng(0)
    profile = np.array([0.0] * 8 + [1.0] * 16)  # nobody active 00-08 local
    act = np.ones(200)
    _acct, ts, pos = timing.sessions(
        rng, _t("sessions", gap_seconds=5), act, START, 7, np.full(200, 2.0), profile
    )
    local = (_hours(ts) + 2) % 24
    assert np.mean(local < 8) < 0.02
    assert abs(len(ts) / (200 * 7) - 20) < 2
    assert pos.min() == 0 and pos.max() > 3


def test_weekend_factor() -> None:
    rng = np.random.default_rng(1)
    _, ts, _ = timing.sessions(
        rng, _t("sessions", weekend=0.0), np.ones(100), START, 7, np.zeros(100), np.ones(24)
    )
    day = (ts - START_MS) // timing.DAY_MS
    assert set(np.unique(day)) <= {0, 1, 2, 3, 4, 5, 6}
    weekend_starts = np.sum((day == 5) | (day == 6))
    assert weekend_starts < 0.02 * len(ts)  # only sessions spilling past midnight on Friday


def test_cron_is_regular() -> None:
    rng = np.random.default_rng(2)
    acct, ts, _ = timing.cron(rng, _t("cron", requests_per_day=24.0, gap_sigma=0.01), np.ones(3), START, 2)
    for a in range(3):
        run_starts = np.sort(ts[acct == a])
        assert len(run_starts) == 47 or len(run_starts) == 48
        gaps = np.diff(run_starts)
        assert np.std(gaps) / np.mean(gaps) < 0.01


def test_bursts_are_shared_by_the_group() -> None:
    rng = np.random.default_rng(3)
    acct, ts, _ = timing.bursts(rng, _t("bursts", gap_seconds=2), np.ones(30), START, 2)
    minute = (ts - START_MS) // 60_000
    busy = np.unique(minute)
    assert len(busy) < 0.1 * 2 * 24 * 60  # traffic only in short waves
    per_wave = [len(np.unique(acct[(minute >= m) & (minute < m + 15)])) for m in busy[:1]]
    assert per_wave[0] >= 20  # most accounts join the same wave


def test_flat_covers_the_whole_day() -> None:
    rng = np.random.default_rng(4)
    t = _t("flat", requests_per_day=100.0)
    _, ts, _ = timing.generate(rng, t, np.ones(50), START, 3, np.zeros(50), np.ones(24))
    counts = np.bincount(_hours(ts), minlength=24)
    assert counts.min() > 0.7 * counts.mean()


def test_release_burst_starts_after_the_release() -> None:
    rng = np.random.default_rng(5)
    released = START_MS + 3 * timing.DAY_MS
    _acct, ts, _ = timing.release_burst(rng, np.ones(4), 500, released, 12)
    assert ts.min() >= released and ts.max() < released + timing.DAY_MS
    assert 1500 < len(ts) < 2500


@pytest.mark.parametrize("kind", ["sessions", "flat", "cron", "bursts"])
def test_all_timestamps_stay_in_the_window(kind: str) -> None:
    rng = np.random.default_rng(6)
    _, ts, _ = timing.generate(rng, _t(kind), np.ones(20), START, 2, np.full(20, -8.0), np.ones(24))
    assert len(ts) > 0
    assert ts.min() >= START_MS and ts.max() < START_MS + 2 * timing.DAY_MS


def test_activity_has_mean_one() -> None:
    act = timing.activity(np.random.default_rng(7), 200_000, 1.0)
    assert abs(act.mean() - 1) < 0.03 and act.min() > 0
