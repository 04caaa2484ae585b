from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from frontierguard.core.errors import NotFoundError
from frontierguard.gap.model import Dataset
from frontierguard.gap.registry import METHODS, Options, nan_quantile, run_method


def test_registry_is_explicit_and_documented() -> None:
    assert METHODS.names() == ["time_lag", "compute_lag", "score_gap", "arena_gap"]
    assert all(m.measures and m.caveat and m.unit in ("months", "percent") for m in METHODS)
    with pytest.raises(NotFoundError, match="unknown gap method"):
        METHODS.get("vibes")


@given(arrays(np.float64, (7, 3), elements=st.one_of(st.floats(-1e6, 1e6), st.just(np.nan))),
       st.floats(0.0, 1.0))
def test_nan_quantile_matches_numpy(reps: np.ndarray, q: float) -> None:
    got = nan_quantile(reps, q)
    for j in range(reps.shape[1]):
        col = reps[:, j][~np.isnan(reps[:, j])]
        if len(col) == 0:
            assert np.isnan(got[j])
        else:
            assert got[j] == pytest.approx(np.quantile(col, q), rel=1e-9, abs=1e-6)


def test_run_method_with_band(lag_table: Dataset) -> None:
    o = Options(start="2024-05-01", end="2024-05-02",
                overrides={"gap_bootstrap_n": 50, "gap_days_per_month": 1.0})
    res = run_method("time_lag", lag_table, o)
    assert res.values.tolist() == [61.0, 62.0] and res.metric == "eci"
    assert np.all(res.low <= res.high)
    # every resample either keeps B (61 days) or loses it: a finite band around the value
    assert np.all(np.isfinite(res.low))


def test_identical_models_give_a_zero_width_band(make_table: Any) -> None:
    data = make_table([("u1", "US", "2024-01-01", 5.0), ("u2", "US", "2024-01-01", 5.0),
                       ("c1", "CN", "2024-03-01", 5.0), ("c2", "CN", "2024-03-01", 5.0)])
    res = run_method("time_lag", data, Options(start="2024-03-01", end="2024-03-01",
                                               overrides={"gap_bootstrap_n": 30}))
    assert res.low[0] == res.high[0] == res.values[0] == pytest.approx(60 / 30.4375)


def test_open_only_switch(make_table: Any) -> None:
    data = make_table([("u", "US", "2024-01-01", 5.0), ("c", "CN", "2024-03-01", 5.0)])
    data.frame.loc[0, "access"] = "closed"
    res = run_method("time_lag", data, Options(open_only=True, start="2024-03-01",
                                               end="2024-03-01"), with_band=False)
    assert res.summary["days_unmatched"] == 1  # no open US model ever matched
