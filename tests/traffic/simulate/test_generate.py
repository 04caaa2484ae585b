"""Per-request draws: personal mixes, habits, and template restriction."""

from __future__ import annotations

import numpy as np
import pytest

from frontierguard.traffic.simulate.generate import account_rates, habit, personal_choice, restricted

NAMES = ("a", "b", "c", "d")
MIX = {"a": 0.4, "b": 0.3, "c": 0.2, "d": 0.1}


def _per_account_shares(concentration: float) -> np.ndarray:
    rng = np.random.default_rng(0)
    n, per = 300, 400
    acct = np.repeat(np.arange(n), per)
    picked = personal_choice(rng, MIX, NAMES, acct, n, concentration)
    counts = np.zeros((n, len(NAMES)))
    np.add.at(counts, (acct, picked), 1)
    return counts / per


def test_low_concentration_gives_each_account_favourites() -> None:
    shares = _per_account_shares(0.5)
    assert shares.max(axis=1).mean() > 0.7


def test_high_concentration_gives_every_account_the_group_mix() -> None:
    shares = _per_account_shares(5000)
    assert np.abs(shares.mean(axis=0) - np.array(list(MIX.values()))).max() < 0.01
    assert shares.max(axis=1).mean() < 0.45


def test_zero_weights_are_never_drawn() -> None:
    rng = np.random.default_rng(1)
    picked = personal_choice(rng, {"a": 1.0, "c": 0.0}, NAMES, np.zeros(1000, dtype=np.int64), 1, 0.3)
    assert set(np.unique(picked)) == {0}


@pytest.mark.parametrize(("p", "concentration"), [(0.2, 2.0), (0.2, 200.0), (0.7, 10.0)])
def test_rates_keep_the_mean(p: float, concentration: float) -> None:
    rates = account_rates(np.random.default_rng(2), p, concentration, 50_000)
    assert abs(rates.mean() - p) < 0.01
    assert rates.std() == pytest.approx(np.sqrt(p * (1 - p) / (concentration + 1)), rel=0.05)


@pytest.mark.parametrize("p", [0.0, 1.0])
def test_rates_at_the_bounds(p: float) -> None:
    assert set(account_rates(np.random.default_rng(3), p, 5.0, 10)) == {p}


def test_habits_repeat_a_usual_value() -> None:
    rng = np.random.default_rng(4)
    acct = np.repeat(np.arange(200), 100)
    values = habit(rng, {1024: 0.5, 4096: 0.5}, acct, 200)
    top = [np.bincount(values[acct == a] // 1024).max() / 100 for a in range(200)]
    assert np.mean(top) > 0.8


@pytest.mark.parametrize(
    ("mode", "per_account_max", "overall_max"),
    [
        ("campaign", 3, 3),
        ("account", 3, 50),
        ("all", 50, 50),
    ],
)
def test_restricted(mode: str, per_account_max: int, overall_max: int) -> None:
    rng = np.random.default_rng(5)
    options = np.arange(50)
    acct = np.repeat(np.arange(40), 200)
    picked = restricted(rng, options, mode, 3, acct, 40)
    per = max(len(np.unique(picked[acct == a])) for a in range(40))
    assert per <= per_account_max and len(np.unique(picked)) <= overall_max
    if mode == "all":
        assert per > 40
