from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from frontierguard.core.errors import ConfigError, InputError
from frontierguard.traffic.fit import fit_policy, logistic_irls, reason_kinds


def test_reason_kinds_strip_numbers() -> None:
    kinds, mat = reason_kinds(["cot share 0.82; shared card 3 accounts", "cot share 0.10", ""])
    assert kinds == ["cot share #", "shared card # accounts"]
    assert mat.tolist() == [[1, 1], [1, 0], [0, 0]]


def test_logistic_recovers_the_direction_of_a_known_model() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(4000, 2))
    p = 1 / (1 + np.exp(-(2.0 * x[:, 0] - 1.0 * x[:, 1] + 0.5)))
    y = (rng.random(4000) < p).astype(float)
    coef, intercept = logistic_irls(x, y, l2=0.0)
    assert coef == pytest.approx([2.0, -1.0], abs=0.2)
    assert intercept == pytest.approx(0.5, abs=0.15)


def _run(tmp: Path) -> tuple[Path, Path]:
    d = tmp / "run"
    d.mkdir()
    rows = ["account_id,score,flagged,cluster_id,reasons"]
    labels = ["account_id,campaign"]
    for i in range(40):
        attack = i < 15
        reasons = "shared card 4 accounts;cot share 0.9" if attack else \
            ("cot share 0.3" if i % 3 else "")
        rows.append(f"a{i},0.5,false,,{reasons}")
        labels.append(f"a{i},{'c1' if attack else ''}")
    (d / "accounts.csv").write_text("\n".join(rows) + "\n")
    (tmp / "labels.csv").write_text("\n".join(labels) + "\n")
    return d, tmp / "labels.csv"


def test_fit_writes_a_new_version_from_a_base_policy(tmp_path: Path) -> None:
    d, labels = _run(tmp_path)
    base = tmp_path / "policy_v1.yaml"
    base.write_text("name: policy_v1\nversion: 1\nsource: test\n"
                    "weights:\n  'shared card # accounts': 0.5\n  other: 0.5\n")
    out = tmp_path / "policy_v2.yaml"
    summary = fit_policy(d, labels, out, base)
    data = yaml.safe_load(out.read_text())
    assert (data["name"], data["version"]) == ("policy_v2", 2)
    assert data["weights"]["other"] == 0.5  # features the fit did not see keep their weight
    assert data["weights"]["shared card # accounts"] == pytest.approx(0.5)
    coefs = data["fitted"]["coefficients"]
    assert coefs["shared card # accounts"] > coefs["cot share #"]
    assert summary.accounts == 40 and summary.positives == 15
    assert base.read_text().startswith("name: policy_v1")  # base untouched


def test_fit_never_overwrites(tmp_path: Path) -> None:
    d, labels = _run(tmp_path)
    out = tmp_path / "p.yaml"
    out.write_text("x: 1\n")
    with pytest.raises(ConfigError, match="never overwrites"):
        fit_policy(d, labels, out, None)


def test_fit_needs_both_classes(tmp_path: Path) -> None:
    d, _ = _run(tmp_path)
    only = tmp_path / "only.csv"
    only.write_text("account_id,campaign\na1,c1\na2,c1\n")
    with pytest.raises(InputError, match="both"):
        fit_policy(d, only, tmp_path / "p.yaml", None)


def test_fit_updates_feature_lists_like_the_harvest_section(tmp_path: Path) -> None:
    d, labels = _run(tmp_path)
    base = tmp_path / "policy_v1.yaml"
    base.write_text("name: policy_v1\nsource: test\neffective: 2026-01-01\nharvest:\n"
                    "  - {feature: 'shared card # accounts', weight: 0.3, lo: 0.1, hi: 0.5}\n"
                    "  - {feature: 'cot share #', weight: 0.3, lo: 0.1, hi: 0.5}\n"
                    "  - {feature: volume, weight: 0.1, lo: 5, hi: 50}\n")
    fit_policy(d, labels, tmp_path / "policy_v2.yaml", base)
    data = yaml.safe_load((tmp_path / "policy_v2.yaml").read_text())
    weights = {e["feature"]: e["weight"] for e in data["harvest"]}
    assert weights["volume"] == 0.1
    assert weights["shared card # accounts"] + weights["cot share #"] == pytest.approx(0.6)
    assert weights["shared card # accounts"] > weights["cot share #"]
    assert data["harvest"][0]["lo"] == 0.1
    assert data["name"] == "policy_v2"


def test_fit_from_the_shipped_default_names_the_next_version(tmp_path: Path) -> None:
    d, labels = _run(tmp_path)
    fit_policy(d, labels, tmp_path / "fitted.yaml", None)
    data = yaml.safe_load((tmp_path / "fitted.yaml").read_text())
    assert (data["name"], data["version"]) == ("policy_v9", 9)  # the default is policy_v8
    assert "policy_v8.yaml" in data["source"]
