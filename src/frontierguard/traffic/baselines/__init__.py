"""Baseline detectors run in the same harness as frontierguard (``frontierguard baselines``).

Each baseline reads event files and writes an ``accounts.csv`` in the detection contract,
so ``frontierguard eval`` scores it exactly as it scores ``frontierguard detect``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from frontierguard.core.registry import Registry
from frontierguard.traffic.baselines.common import (
    BaselineScores,
    Requests,
    load_requests,
    write_accounts,
)
from frontierguard.traffic.baselines.mmd import score_mmd
from frontierguard.traffic.baselines.prada import score_prada
from frontierguard.traffic.baselines.volume import score_volume
from frontierguard.traffic.evaluate import load_labels


@dataclass(frozen=True)
class Baseline:
    """A named baseline: whether it needs text vectors, and its scorer."""

    name: str
    description: str
    needs_text: bool
    scorer: Callable[[Requests, np.ndarray | None], BaselineScores]


BASELINES: Registry[Baseline] = Registry("baseline", [
    Baseline("volume", "per-account volume threshold (requests per active day)", False,
             lambda req, benign: score_volume(req)),
    Baseline("prada", "PRADA: Shapiro-Wilk normality of per-account minimum query distances "
             "(Juuti et al. 2019)", True, lambda req, benign: score_prada(req)),
    Baseline("mmd", "benign-calibrated MMD test per account-day window (Gretton et al. 2012)",
             True, score_mmd),
])


def run_baseline(name: str, events: Sequence[Path], out_dir: Path,
                 benign_labels: Path | None = None) -> Path:
    """Run one baseline on event files and write ``out_dir/accounts.csv``.

    ``benign_labels`` (a labels file) only tells calibrating baselines (mmd) which accounts
    are known-good; the others ignore it.
    """
    baseline = BASELINES.get(name)
    req = load_requests(events, with_vectors=baseline.needs_text)
    benign = None
    if benign_labels is not None:
        labels = load_labels(benign_labels)
        known_benign = labels.account_id[labels.campaign == ""].astype(str)
        benign = np.isin(req.accounts.astype(str), known_benign)
    return write_accounts(baseline.scorer(req, benign), out_dir)
