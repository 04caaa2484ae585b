"""``frontierguard fit``: learn policy weights from a customer's own labelled incidents.

Inputs are a detection run directory and labels (``account_id, campaign``). Per-account
feature scores come from ``account_scores.csv`` in the run directory when detect wrote one
(``account_id`` plus one numeric column per policy feature); otherwise each distinct kind of
reason in ``accounts.csv`` (the reason text with its numbers removed) becomes a 0/1 feature.
An L2-regularised logistic regression (iteratively reweighted least squares, numpy) is fitted
on standardised features. The result is written as a NEW policy file: a copy of the base
policy with a new version, the fitted weights where the base policy names the same features,
and a ``fitted`` block recording coefficients, scaling and provenance. Existing files are
never overwritten, so published policies are never edited in place.

Not part of the default detection path: the shipped policy is not trained on labels.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow.csv as pacsv
import yaml

from frontierguard.core import csvsafe, settings
from frontierguard.core.datafiles import LineDict, load_yaml, package_data
from frontierguard.core.errors import ConfigError, InputError
from frontierguard.traffic.evaluate import load_labels, read_accounts
from frontierguard.traffic.policy import DEFAULT_POLICY

L2 = settings.Setting(
    "fit_l2", float, 1.0, "fit: L2 penalty of the logistic regression (standardised features).",
    "traffic",
)
settings.register([L2])

_NUMBER = re.compile(r"[-+]?\d[\d.,:/%eE+-]*")


@dataclass
class FitSummary:
    """What a fit learned and wrote."""

    name: str
    out: str
    accounts: int
    positives: int
    features_source: str
    weights: dict[str, float]
    intercept: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def logistic_irls(x: np.ndarray, y: np.ndarray, l2: float, iters: int = 50) -> tuple[np.ndarray,
                                                                                    float]:
    """L2-regularised logistic regression by Newton steps; returns (coef, intercept)."""
    n, d = x.shape
    design = np.hstack([x, np.ones((n, 1))])
    beta = np.zeros(d + 1)
    penalty = np.full(d + 1, l2)
    penalty[-1] = 0.0  # no penalty on the intercept
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(design @ beta, -30, 30)))
        w = np.maximum(p * (1 - p), 1e-9)
        grad = design.T @ (p - y) + penalty * beta
        hess = (design * w[:, None]).T @ design + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta[:-1], float(beta[-1])


def reason_kinds(reasons: list[str]) -> tuple[list[str], np.ndarray]:
    """0/1 matrix of reason kinds (reason text with numbers removed), one row per account."""
    per_row = [{_NUMBER.sub("#", r).strip().lower() for r in text.split(";") if r.strip()}
               for text in reasons]
    kinds = sorted(set().union(*per_row)) if per_row else []
    index = {k: i for i, k in enumerate(kinds)}
    mat = np.zeros((len(reasons), len(kinds)))
    rows = [i for i, s in enumerate(per_row) for _ in s]
    cols = [index[k] for s in per_row for k in s]
    mat[rows, cols] = 1.0
    return kinds, mat


def _features(directory: Path) -> tuple[np.ndarray, list[str], np.ndarray, str]:
    """(account ids, feature names, matrix, source description) of a run directory."""
    scores = directory / "account_scores.csv"
    if scores.exists():
        table = pacsv.read_csv(scores)
        if "account_id" not in table.column_names:
            raise InputError("missing column: account_id", scores, 1)
        names = [c for c in table.column_names if c != "account_id"]
        try:
            mat = np.column_stack([table[c].to_numpy().astype(np.float64) for c in names])
        except (ValueError, TypeError) as exc:
            raise InputError(f"feature columns must be numeric: {exc}", scores) from None
        ids = np.asarray([csvsafe.restore(str(i)) for i in table["account_id"].to_pylist()],
                         dtype=object)
        return ids, names, np.nan_to_num(mat), "account_scores.csv"
    ids, _, _ = read_accounts(directory / "accounts.csv")
    table = pacsv.read_csv(directory / "accounts.csv",
                           convert_options=pacsv.ConvertOptions(strings_can_be_null=False))
    reasons = [str(r) for r in table["reasons"].to_pylist()] if "reasons" in \
        table.column_names else [""] * len(ids)
    names, mat = reason_kinds(reasons)
    return ids, names, mat, "reason kinds in accounts.csv"


def _base_policy(base: Path | None) -> tuple[dict[str, Any], Path | None]:
    path = base
    if path is None:
        shipped = package_data("frontierguard.traffic", f"policies/{DEFAULT_POLICY}.yaml")
        path = shipped if shipped.exists() else None
    if path is None:
        return {"name": "policy", "version": 1, "weights": {}}, None
    data = load_yaml(path)
    if not isinstance(data, LineDict):
        raise ConfigError(f"{path}: a policy must be a YAML mapping")
    return _plain(data), path


def _plain(value: Any) -> Any:
    """Plain dicts and lists (YAML-dumpable) from line-aware ones."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _next_version(policy: dict[str, Any]) -> int:
    """One more than the base's ``version``, or than the ``_vN`` of its name (shipped policies
    carry their version in the name only), else 2."""
    given = str(policy.get("version", ""))
    if given.isdigit():
        return int(given) + 1
    named = re.search(r"_v(\d+)$", str(policy.get("name", "")))
    return int(named.group(1)) + 1 if named else 2


def fit_policy(detections: Path, labels: Path, out: Path, base: Path | None = None,
               effective: date | None = None) -> FitSummary:
    """Fit weights on labelled accounts of a run and write them as a new policy version."""
    if out.exists():
        raise ConfigError(f"{out} exists; fit writes a new policy version and never overwrites")
    ids, names, mat, source = _features(detections)
    lab = load_labels(labels)
    pos_in_run = {a: i for i, a in enumerate(ids.tolist())}
    rows = np.array([pos_in_run.get(a, -1) for a in lab.account_id.tolist()])
    keep = rows >= 0
    if not keep.any() or not names:
        raise InputError("no labelled account has features in this run", labels)
    x = mat[rows[keep]]
    y = (lab.campaign[keep] != "").astype(np.float64)
    if y.min() == y.max():
        raise InputError("labels need both attacking and benign accounts", labels)
    mean, sd = x.mean(axis=0), x.std(axis=0)
    sd[sd == 0] = 1.0
    coef, intercept = logistic_irls((x - mean) / sd, y, float(L2.default))
    policy, base_path = _base_policy(base)
    weights = _merge_weights(policy, names, coef / sd)
    version = _next_version(policy)
    stem = re.sub(r"_v\d+$", "", str(policy.get("name", "policy")))
    policy.update({
        "name": f"{stem}_v{version}", "version": version,
        "source": f"fitted by frontierguard fit on {len(y)} labelled accounts ({labels.name}), "
                  f"starting from {base_path.name if base_path else 'no base policy'}",
        "effective": (effective or date.today()).isoformat(),
        "fitted": {"method": "L2 logistic regression (IRLS) on standardised features",
                   "features_source": source, "l2": float(L2.default),
                   "coefficients": {n: round(float(c), 6) for n, c in zip(names, coef / sd,
                                                                          strict=True)},
                   "intercept": round(float(intercept - (coef / sd) @ mean), 6),
                   "positives": int(y.sum()), "accounts": len(y)},
    })
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(yaml.safe_dump(policy, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return FitSummary(str(policy["name"]), str(out), len(y), int(y.sum()), source, weights,
                      float(policy["fitted"]["intercept"]))


def _rescale(current: dict[str, float], learned: dict[str, float]) -> dict[str, float]:
    """Learned weights for the shared features, scaled to keep their total base weight."""
    shared = [k for k in current if k in learned]
    total_base = sum(current[k] for k in shared)
    total_new = sum(learned[k] for k in shared) or 1.0
    return {k: round(learned[k] * total_base / total_new, 6) for k in shared}


def _merge_weights(policy: dict[str, Any], names: list[str], coef: np.ndarray) -> dict[str, float]:
    """Put fitted weights (non-negative, same total) where the base policy names the feature.

    Two layouts are understood: a ``weights`` mapping of name to weight, and lists of
    ``{feature, weight, ...}`` entries (as in the ``harvest`` section of policy_v1).
    """
    learned = dict(zip(names, np.maximum(coef, 0.0).tolist(), strict=True))
    out: dict[str, float] = {}
    base = policy.get("weights")
    if isinstance(base, dict) and set(base) & set(learned):
        new = _rescale({k: float(v) for k, v in base.items()}, learned)
        policy["weights"] = {**base, **new}
        out.update(new)
    for key, value in policy.items():
        if isinstance(value, list) and value and all(
                isinstance(e, dict) and "feature" in e and "weight" in e for e in value):
            new = _rescale({str(e["feature"]): float(e["weight"]) for e in value}, learned)
            policy[key] = [{**e, "weight": new.get(str(e["feature"]), e["weight"])} for e in value]
            out.update(new)
    return out or {k: round(v, 6) for k, v in learned.items()}
