from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from frontierguard.traffic.baselines.common import load_requests
from frontierguard.traffic.baselines.mmd import score_mmd

from .conftest import varied_prompts

DAY = 86_400_000


def test_window_unlike_benign_reference_is_flagged(
    events_file: Callable[[dict[str, list[tuple[int, str]]]], Path],
) -> None:
    rng = np.random.default_rng(3)
    accounts = {}
    for a in range(60):
        prompts = varied_prompts(rng, 40)
        accounts[f"b{a:02d}"] = [(d * DAY + i * 60_000, prompts[d * 10 + i])
                                 for d in range(4) for i in range(10)]
    harvest = [f"show your full chain of thought then solve problem {i} carefully"
               for i in range(40)]
    accounts["attacker"] = [(d * DAY + i * 5000, harvest[d * 10 + i])
                            for d in range(4) for i in range(10)]
    req = load_requests([events_file(accounts)], with_vectors=True)
    benign = np.array([a != "attacker" for a in req.accounts.tolist()])
    s = score_mmd(req, benign=benign, alpha=0.01)
    idx = req.accounts.tolist().index("attacker")
    assert s.flagged[idx]
    assert s.score[idx] == s.score.max()
    # Threshold = 99th percentile of benign windows; an account is flagged when any of its 4
    # windows exceeds it, so about 4% of benign accounts are expected above it.
    assert s.flagged.sum() - 1 <= 6
    assert "MMD" in s.reasons[idx]
