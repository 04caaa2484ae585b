from __future__ import annotations

from pathlib import Path

import pytest

from frontierguard.traffic.simulate import SimulationResult, simulate


@pytest.fixture(scope="package")
def small_sim(tmp_path_factory: pytest.TempPathFactory) -> SimulationResult:
    """One small simulation of the default scenario, shared by the read-only tests."""
    out: Path = tmp_path_factory.mktemp("sim")
    return simulate(out, accounts=700, days=4, seed=11)
