from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from frontierguard.core.errors import InputError
from frontierguard.gap.registry import Options, run_method
from frontierguard.gap.report import ReportInputs, disagreement, load_inputs


def test_no_data_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="no gap data given"):
        load_inputs(ReportInputs())


def test_from_dir_requires_a_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a directory"):
        ReportInputs.from_dir(tmp_path / "missing")
    assert ReportInputs.from_dir(tmp_path) == ReportInputs()


def test_disagreement_table_explains_direction(make_table: Any) -> None:
    # China closes in: lag 31 days then (after Y) the US needs B; score gap shrinks.
    data = make_table([("A", "US", "2024-01-01", 10.0), ("B", "US", "2024-01-15", 20.0),
                       ("X", "CN", "2024-02-01", 10.0), ("Y", "CN", "2024-03-01", 19.0)])
    o = Options(start="2024-02-01", end="2024-03-01", overrides={"gap_bootstrap_n": 20})
    rows = disagreement([run_method(n, data, o) for n in ("time_lag", "score_gap")])
    lag, gap = rows
    assert lag["method"].startswith("Time lag") and lag["unit"] == "months"
    assert "opposite direction" in gap["verdict"]  # lag grows 1.0 -> 1.5, gap falls 100% -> 5%
    assert gap["caveat"] and gap["measures"]
