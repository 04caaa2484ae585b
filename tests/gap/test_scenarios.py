from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontierguard.core.datafiles import package_data
from frontierguard.core.errors import DataFileError
from frontierguard.gap.scenarios import load_scenarios, project, run_scenarios

unit = st.floats(0.0, 1.0)
YEARS = np.linspace(0.0, 2.25, 10)


def _lag(strength: float, leakage: float, base: float, g_us: float, g_cn: float,
         penalty: float, catch_up: float) -> np.ndarray:
    a = lambda x: np.array([x])  # noqa: E731
    return project(YEARS, a(base), a(g_us), a(g_cn), a(penalty), a(strength), a(leakage),
                   a(catch_up), a(0.0))[0]


@given(s1=unit, s2=unit, l1=unit, l2=unit, base=st.floats(0, 30), g_us=st.floats(1.1, 10),
       g_cn=st.floats(1.1, 10), penalty=st.floats(1.0, 5.0), catch_up=st.floats(0, 6))
def test_tighter_controls_never_shrink_the_lag(
    s1: float, s2: float, l1: float, l2: float, base: float, g_us: float, g_cn: float,
    penalty: float, catch_up: float,
) -> None:
    loose = _lag(min(s1, s2), max(l1, l2), base, g_us, g_cn, penalty, catch_up)
    tight = _lag(max(s1, s2), min(l1, l2), base, g_us, g_cn, penalty, catch_up)
    assert np.all(tight >= loose - 1e-9)


def test_hand_computed_projection() -> None:
    # equal growth, no controls, 2 months/year catch-up from 6 months: 6, 4, 2, 0, 0
    lag = project(np.array([0.0, 1.0, 2.0, 3.0, 4.0]), np.array([6.0]), np.array([4.0]),
                  np.array([4.0]), np.array([2.0]), np.array([0.0]), np.array([0.0]),
                  np.array([2.0]), np.array([0.0]))[0]
    assert lag.tolist() == pytest.approx([6.0, 4.0, 2.0, 0.0, 0.0])
    # full controls halving China's growth factor: 4x -> 2x gives 12*(ln4-ln2)/ln4 = 6/yr
    lag = project(np.array([1.0]), np.array([0.0]), np.array([4.0]), np.array([4.0]),
                  np.array([2.0]), np.array([1.0]), np.array([0.0]), np.array([0.0]),
                  np.array([0.0]))[0]
    assert lag[0] == pytest.approx(6.0)


def test_shipped_scenarios_are_ranges_and_ordered() -> None:
    bands = run_scenarios()
    hold, erode = bands["controls_hold"], bands["controls_erode"]
    assert hold["year"][0] == 2025.75 and hold["year"][-1] == 2028.0
    for b in (hold, erode):
        assert all(lo <= mid <= hi for lo, mid, hi in zip(b["p10"], b["p50"], b["p90"],
                                                          strict=True))
    assert all(h >= e for h, e in zip(hold["p50"], erode["p50"], strict=True))
    model = load_scenarios()
    assert all(p.source for p in model.params.values())


def test_scenario_file_errors_name_line(tmp_path: Path) -> None:
    text = package_data("frontierguard.gap", "data/scenarios_v1.yaml").read_text()
    line = text.splitlines().index("  range: [4.0, 5.0]") + 1
    bad = tmp_path / "s.yaml"
    bad.write_text(text.replace("range: [4.0, 5.0]", "range: [5.0, 4.0]"))
    with pytest.raises(DataFileError) as info:
        load_scenarios(bad)
    assert info.value.field == "range" and info.value.row == line
