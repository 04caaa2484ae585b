from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from frontierguard.gap import methods as m
from frontierguard.gap.model import Dataset, make_frame


def _lag(data: Dataset, day: str, rule: str) -> float:
    grid = m.day_grid(day, day)
    return float(m.time_lag(data.frame, grid, m.Sides(country_rule=rule), 1.0)[0])


@pytest.mark.parametrize(("day", "rule", "days"), [
    ("2024-02-01", "sole", 31.0),   # China best 10 ties A (Jan 1): a tie counts as reached
    ("2024-02-01", "any", 62.0),    # UK/US M (12, Dec 1) counts as US under 'any'
    ("2024-02-01", "first", 0.0 + 31.0),  # M's first country is GB, so A again
    ("2024-03-15", "sole", 74.0),   # still China best 10, reached Jan 1
    ("2024-05-01", "sole", 61.0),   # China best 20, reached by B on Mar 1
    ("2024-06-30", "any", 121.0),   # 20 reached Mar 1 (M is 12, below)
])
def test_time_lag_hand_computed(lag_table: Dataset, day: str, rule: str, days: float) -> None:
    assert _lag(lag_table, day, rule) == pytest.approx(days)


@pytest.mark.parametrize("day", ["2024-07-01", "2024-08-15"])
def test_china_model_never_matched_gives_undefined_lag(lag_table: Dataset, day: str) -> None:
    assert np.isnan(_lag(lag_table, day, "any"))


def test_no_chinese_model_yet_is_undefined(lag_table: Dataset) -> None:
    assert np.isnan(_lag(lag_table, "2024-01-15", "any"))


def test_months_use_julian_month(lag_table: Dataset) -> None:
    grid = m.day_grid("2024-05-01", "2024-05-01")
    months = m.time_lag(lag_table.frame, grid, m.Sides(country_rule="sole"), 365.25 / 12)
    assert months[0] == pytest.approx(61 / 30.4375)


def test_summary_counts_undefined_days(lag_table: Dataset) -> None:
    grid = m.day_grid("2024-06-29", "2024-07-01")
    s = m.summarise(m.time_lag(lag_table.frame, grid, m.Sides(), 1.0))
    assert s == {"mean_months": 120.5, "min_months": 120.0, "max_months": 121.0,
                 "latest_months": None, "days": 3, "days_unmatched": 1}


def test_summary_of_all_undefined() -> None:
    s = m.summarise(np.array([np.nan, np.nan]))
    assert s["mean_months"] is None and s["days_unmatched"] == 2


def test_score_gap_absolute_and_relative(lag_table: Dataset) -> None:
    grid = m.day_grid("2024-05-01", "2024-06-01")
    out = m.score_gap(lag_table.frame, grid, m.Sides(country_rule="sole"))
    first, last = out.iloc[0], out.iloc[-1]
    assert (first["lead_best"], first["follower_best"], first["gap"]) == (20.0, 20.0, 0.0)
    assert (last["gap"], last["gap_pct"]) == (10.0, pytest.approx(50.0))


def test_score_gap_negative_when_china_ahead(lag_table: Dataset) -> None:
    out = m.score_gap(lag_table.frame, m.day_grid("2024-07-01", "2024-07-01"), m.Sides())
    assert out["gap"].iloc[0] == -5.0


def _arena(rows: list[tuple[str, str, str, float]]) -> pd.DataFrame:
    return make_frame({
        "model": [r[0] for r in rows], "countries": [r[1] for r in rows],
        "as_of": pd.to_datetime([r[2] for r in rows]), "value": [r[3] for r in rows],
        "metric": ["arena"] * len(rows),
    })


def test_arena_gap_per_snapshot() -> None:
    df = _arena([
        ("g", "GB/US", "2025-02-01", 1384.0), ("o", "US", "2025-02-01", 1370.0),
        ("r1", "CN", "2025-02-01", 1361.0), ("q", "CN", "2025-02-01", 1330.0),
        ("o", "US", "2025-03-01", 1400.0), ("r1", "CN", "2025-03-01", 1400.0),
        ("m", "FR", "2025-03-01", 1500.0),
    ])
    out = m.arena_gap(df, m.Sides())
    assert out["lead_model"].tolist() == ["g", "o"]
    assert out["gap"].tolist() == [23.0, 0.0]
    assert out["gap_pct"].iloc[0] == pytest.approx(100 * 23 / 1361)
    sole = m.arena_gap(df, m.Sides(country_rule="sole"))
    assert sole["lead_model"].tolist() == ["o", "o"]


def test_arena_gap_skips_snapshot_without_both_sides() -> None:
    df = _arena([("o", "US", "2025-02-01", 1.0), ("r", "CN", "2025-03-01", 1.0)])
    assert m.arena_gap(df, m.Sides()).empty


def _compute(rows: list[tuple[str, str, float]]) -> pd.DataFrame:
    return make_frame({
        "model": [f"m{i}" for i in range(len(rows))], "countries": [r[0] for r in rows],
        "release": pd.to_datetime([r[1] for r in rows]), "compute_flop": [r[2] for r in rows],
        "value": [r[2] for r in rows], "metric": ["training_compute"] * len(rows),
    })


def test_compute_lag_hand_computed() -> None:
    # US: 1e22 at 2020-01-01, 1e24 at 2022-01-01 (10x/year); CN one year behind at 10x/year
    # both sides: two record runs 730 days apart, China exactly 365 days behind
    df = _compute([("US", "2021-01-01", 1e22), ("US", "2023-01-01", 1e24),
                   ("CN", "2022-01-01", 1e22), ("CN", "2024-01-01", 1e24),
                   ("CN", "2023-01-01", 1e21)])  # not a record run: ignored by the fit
    lag = m.compute_lag(df, m.day_grid("2022-01-01", "2022-01-01"), m.Sides(), "2018-01-01")
    assert lag[0] == pytest.approx(12.0 * 365 / 365.25)
    fit = m.fit_compute(df[df["countries"] == "US"], "2018-01-01")
    assert fit.n == 2 and fit.growth_per_year == pytest.approx(10 ** (2 / (730 / 365.25)))


def test_compute_lag_needs_two_record_runs() -> None:
    from frontierguard.core.errors import InputError

    df = _compute([("US", "2020-01-01", 1e22), ("CN", "2021-01-01", 1e22)])
    with pytest.raises(InputError, match="two record runs"):
        m.compute_lag(df, m.day_grid("2022-01-01", "2022-01-02"), m.Sides(), "2018-01-01")


def test_multinational_country_rules(make_table: Any) -> None:
    data = make_table([("g", "GB/US", "2024-01-01", 1.0), ("u", "US", "2024-01-01", 1.0),
                  ("c", "CN/US", "2024-01-01", 1.0)])
    from frontierguard.gap.model import side

    assert side(data.frame, "US", "any")["model"].tolist() == ["g", "u", "c"]
    assert side(data.frame, "US", "sole")["model"].tolist() == ["u"]
    assert side(data.frame, "CN", "first")["model"].tolist() == ["c"]
