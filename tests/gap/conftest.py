"""Small hand-made gap tables shared by the gap tests."""

from __future__ import annotations

import pandas as pd
import pytest

from frontierguard.gap.model import Dataset, make_frame


def table(rows: list[tuple[str, str, str, float]], metric: str = "eci") -> Dataset:
    """Rows of (model, countries, release date, score)."""
    return Dataset(make_frame({
        "model": [r[0] for r in rows], "countries": [r[1] for r in rows],
        "release": pd.to_datetime([r[2] for r in rows]), "value": [r[3] for r in rows],
        "metric": [metric] * len(rows), "access": ["open"] * len(rows),
    }))


@pytest.fixture
def make_table() -> object:
    return table


@pytest.fixture
def lag_table() -> Dataset:
    """US: A (10, Jan 1), B (20, Mar 1), C (30, Jun 1); UK/US M (12, Dec 1 2023).
    China: X (10, Feb 1, ties A), Y (20, May 1), Z (35, Jul 1, never matched)."""
    return table([
        ("A", "US", "2024-01-01", 10.0), ("B", "US", "2024-03-01", 20.0),
        ("C", "US", "2024-06-01", 30.0), ("M", "GB/US", "2023-12-01", 12.0),
        ("X", "CN", "2024-02-01", 10.0), ("Y", "CN", "2024-05-01", 20.0),
        ("Z", "CN", "2024-07-01", 35.0),
    ])
