from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from frontierguard.traffic.baselines.common import load_requests
from frontierguard.traffic.baselines.prada import min_distances, score_prada, shapiro_w

from .conftest import varied_prompts


def test_min_distances_hand_computed() -> None:
    x = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0], [0.6, 0.8]])
    # row1: to row0 = sqrt2; row2: to row0 = 0; row3: min(to r0 = sqrt(.8), to r1 = sqrt(.4))
    assert min_distances(x) == pytest.approx([np.sqrt(2), 0.0, np.sqrt(0.4)])


def test_zero_range_is_not_normal() -> None:
    assert shapiro_w(np.zeros(30)) == 0.0


def test_normal_sample_passes_and_bimodal_fails() -> None:
    rng = np.random.default_rng(1)
    assert shapiro_w(rng.normal(0.8, 0.05, 200)) > 0.95
    assert shapiro_w(np.r_[rng.normal(0.1, 0.01, 100), rng.normal(0.9, 0.01, 100)]) < 0.8


def test_systematic_sweep_is_flagged_and_human_is_not(
    events_file: Callable[[dict[str, list[tuple[int, str]]]], Path],
) -> None:
    rng = np.random.default_rng(0)
    human = [(i * 60_000, p) for i, p in enumerate(varied_prompts(rng, 150))]
    # A sweep: one template with one varying number, interleaved with rare far-away probes.
    sweep = [(i * 1000, f"compute the value of item {i} in the series" if i % 10
              else f"unrelated probe {' '.join(rng.choice(['x', 'y', 'z', 'w'], 6))} {i}")
             for i in range(150)]
    few = [(i, "hello") for i in range(5)]
    req = load_requests([events_file({"human": human, "sweep": sweep, "few": few})],
                        with_vectors=True)
    s = score_prada(req, delta=0.9, min_queries=20)
    got = dict(zip(req.accounts.tolist(), zip(s.flagged.tolist(), s.score.tolist(),
                                              strict=True), strict=True))
    assert got["few"] == (False, 0.0)
    assert got["sweep"][0] is True
    assert got["human"][0] is False
    assert got["sweep"][1] > got["human"][1]
