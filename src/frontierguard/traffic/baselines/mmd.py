"""Baseline: a benign-calibrated MMD two-sample test per account window.

Each account's traffic is cut into UTC-day windows. A window's query vectors (hashed bag of
words) are compared with a benign reference sample by the maximum mean discrepancy (Gretton
et al., "A Kernel Two-Sample Test", JMLR 2012) under a Gaussian kernel, approximated with
random Fourier features (Rahimi and Recht, NIPS 2007) so the cost is linear in requests.
The window statistic is ``n * MMD^2_u`` (unbiased within the window; its null distribution
does not shrink with the window size ``n``). The threshold is the (1 - alpha) quantile of
the statistic over benign calibration windows, disjoint from the reference accounts. An
account's score is ``s / (s + threshold)`` for its most extreme window ``s`` (0.5 at the
threshold), a monotone map that keeps the ranking.

Reference and calibration are benign accounts when benign labels are supplied (the usual
deployment: a set of known-good customers); otherwise all accounts, on the assumption that
most traffic is benign.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from frontierguard.core import settings
from frontierguard.traffic.baselines.common import BaselineScores, Requests, ecdf_score

ALPHA = settings.Setting(
    "baseline_mmd_alpha", float, 1e-3,
    "MMD baseline: flag windows above the (1 - alpha) quantile of benign calibration windows.",
    "traffic",
)
FEATURES = settings.Setting(
    "baseline_mmd_features", int, 256, "MMD baseline: random Fourier features.", "traffic",
)
REFERENCE = settings.Setting(
    "baseline_mmd_reference", int, 5000,
    "MMD baseline: requests drawn for the benign reference sample.", "traffic",
)
settings.register([ALPHA, FEATURES, REFERENCE])

_CHUNK = 50_000


def _bandwidth(x: sparse.csr_matrix, rng: np.random.Generator) -> float:
    """Median heuristic over random pairs of reference rows."""
    a = rng.integers(0, x.shape[0], 2000)
    b = rng.integers(0, x.shape[0], 2000)
    diff = x[a] - x[b]
    d = np.sqrt(np.asarray(diff.multiply(diff).sum(axis=1)).ravel())
    med = float(np.median(d[d > 0])) if (d > 0).any() else 1.0
    return med


def _rff(x: sparse.csr_matrix, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    out: np.ndarray = np.sqrt(2.0 / w.shape[1]) * np.cos(np.asarray(x @ w) + b)
    return out


def _window_ids(req: Requests) -> tuple[np.ndarray, np.ndarray]:
    """Window index per request and account index per window (account, UTC day)."""
    account_idx = np.repeat(np.arange(len(req.accounts)), req.counts)
    day = req.ts_ms // 86_400_000
    new = np.ones(len(day), dtype=bool)
    new[1:] = (day[1:] != day[:-1]) | (account_idx[1:] != account_idx[:-1])
    window = np.cumsum(new) - 1
    return window, account_idx[new]


def window_statistics(req: Requests, ref_mask: np.ndarray, seed: int = 0) -> tuple[np.ndarray,
                                                                                  np.ndarray]:
    """``n * MMD^2_u`` per window against the reference accounts' requests; window accounts."""
    assert req.vectors is not None
    rng = np.random.default_rng(seed)
    window, win_account = _window_ids(req)
    ref_rows = np.flatnonzero(np.repeat(ref_mask, req.counts))
    ref_rows = rng.choice(ref_rows, min(REFERENCE.default, len(ref_rows)), replace=False)
    x_ref = req.vectors[ref_rows]
    sigma = _bandwidth(x_ref, rng)
    w = rng.normal(0.0, 1.0 / sigma, (req.vectors.shape[1], FEATURES.default)).astype(np.float32)
    b = rng.uniform(0, 2 * np.pi, FEATURES.default).astype(np.float32)
    phi_ref = _rff(x_ref, w, b)
    m = len(phi_ref)
    mu_ref = phi_ref.mean(axis=0)
    ref_term = (float(phi_ref.sum(0) @ phi_ref.sum(0)) - float((phi_ref ** 2).sum())) / (m * (m - 1))
    n_win = int(window[-1]) + 1
    sums = np.zeros((n_win, w.shape[1]))
    sq = np.zeros(n_win)
    for lo in range(0, len(window), _CHUNK):
        phi = _rff(req.vectors[lo:lo + _CHUNK], w, b)
        idx = window[lo:lo + _CHUNK]
        np.add.at(sq, idx, (phi ** 2).sum(axis=1))
        sums += sparse.csr_matrix((np.ones(len(idx)), (idx, np.arange(len(idx)))),
                                  shape=(n_win, len(idx))) @ phi
    n = np.bincount(window, minlength=n_win).astype(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        within = ((sums ** 2).sum(axis=1) - sq) / (n * (n - 1))
        cross = (sums @ mu_ref) / n
        stat = n * (within - 2 * cross + ref_term)
    return np.where(n >= 2, stat, np.nan), win_account


def _squash(stat: np.ndarray, threshold: float) -> np.ndarray:
    """Monotone map of the statistic to [0, 1): 0.5 at the threshold, no saturation."""
    s = np.where(np.isfinite(stat), np.maximum(stat, 0.0), 0.0)
    return s / (s + threshold)


def score_mmd(req: Requests, benign: np.ndarray | None = None, alpha: float | None = None,
              seed: int = 0) -> BaselineScores:
    """Per account: most extreme window against benign calibration windows."""
    alpha = ALPHA.default if alpha is None else alpha
    rng = np.random.default_rng(seed + 1)
    pool = benign if benign is not None and benign.any() else np.ones(len(req.accounts), bool)
    ref_mask = pool & (rng.random(len(req.accounts)) < 0.5)
    calib_mask = pool & ~ref_mask
    stat, win_account = window_statistics(req, ref_mask, seed)
    calib = stat[calib_mask[win_account] & np.isfinite(stat)]
    threshold = float(np.quantile(calib, 1 - alpha)) if len(calib) else np.inf
    best = np.full(len(req.accounts), -np.inf)
    np.maximum.at(best, win_account, np.where(np.isfinite(stat), stat, -np.inf))
    score = _squash(best, threshold) if np.isfinite(threshold) and threshold > 0 \
        else ecdf_score(np.where(np.isfinite(best), best, np.nan), calib)
    flagged = best > threshold
    reasons = [f"most extreme day window n*MMD^2={v:.2f} (threshold {threshold:.2f})"
               if np.isfinite(v) else "no day window with 2+ requests" for v in best]
    return BaselineScores(req.accounts, score, flagged, reasons)
