"""A small, transparent projection of the frontier lag to 2028 under two scenarios.

Each year the lead compounds compute at ``G_us`` and the follower at ``G_cn``, where
export controls cut the follower's growth (in log terms) by
``control_strength * (1 - leakage) * log(penalty)``. The compute gap opened in a year,
measured in months of US progress, is ``12 * (log G_us - log G_cn) / log G_us``;
distillation then recovers ``catch_up`` months a year, and the lag never goes below the
floor. Parameters are ranges in ``data/scenarios_v1.yaml`` with sources; the output is
percentile bands over uniform draws. Tighter controls (higher strength, lower leakage)
never shrink the lag, all else equal: every step is monotone in them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from frontierguard.core.datafiles import LineDict, field, load_yaml, package_data
from frontierguard.core.errors import DataFileError

PARAMS = ("baseline_lag_months", "us_compute_growth_per_year",
          "china_unconstrained_growth_per_year", "controls_growth_penalty_per_year",
          "distillation_catch_up_months_per_year", "floor_months")


@dataclass(frozen=True)
class Param:
    name: str
    low: float
    high: float
    source: str


@dataclass(frozen=True)
class Scenario:
    name: str
    title: str
    description: str
    control_strength: tuple[float, float]
    leakage: tuple[float, float]
    source: str


@dataclass(frozen=True)
class ScenarioModel:
    start_year: float
    end_year: float
    draws: int
    seed: int
    params: dict[str, Param]
    scenarios: list[Scenario]
    source: str


def _range(doc: LineDict, key: str, lo: float = 0.0, hi: float = float("inf")
           ) -> tuple[float, float]:
    r = field(doc, key, list)
    if len(r) != 2 or not all(isinstance(x, int | float) for x in r):
        raise DataFileError("expected [low, high]", doc.file, doc.at(key), key)
    a, b = float(r[0]), float(r[1])
    if not lo <= a <= b <= hi:
        raise DataFileError(f"need {lo} <= low <= high <= {hi}", doc.file, doc.at(key), key)
    return a, b


def load_scenarios(path: str | Path | None = None) -> ScenarioModel:
    """Load and validate the scenario YAML (default: the shipped ``scenarios_v1.yaml``)."""
    doc = load_yaml(path or package_data("frontierguard.gap", "data/scenarios_v1.yaml"))
    if not isinstance(doc, LineDict):
        raise DataFileError("expected a mapping", str(path), 1)
    params = {}
    for name in PARAMS:
        entry = field(doc, name, LineDict)
        low, high = _range(entry, "range")
        params[name] = Param(name, low, high, field(entry, "source", str))
    if params["us_compute_growth_per_year"].low <= 1:
        raise DataFileError("US growth must exceed 1x/year", doc.file, doc.at("us_compute_growth_per_year"),
                            "us_compute_growth_per_year")
    scenarios = [
        Scenario(field(s, "name", str), field(s, "title", str), field(s, "description", str),
                 _range(s, "control_strength", 0, 1), _range(s, "leakage", 0, 1),
                 field(s, "source", str))
        for s in field(doc, "scenarios", list)
    ]
    return ScenarioModel(float(field(doc, "start_year", float)),
                         float(field(doc, "end_year", float)), field(doc, "draws", int),
                         field(doc, "seed", int), params, scenarios, field(doc, "source", str))


def project(
    years: np.ndarray, baseline: np.ndarray, g_us: np.ndarray, g_cn: np.ndarray,
    penalty: np.ndarray, strength: np.ndarray, leakage: np.ndarray, catch_up: np.ndarray,
    floor: np.ndarray,
) -> np.ndarray:
    """Lag in months at each of ``years`` (offsets from the start) for each draw.

    All arguments but ``years`` are arrays of one value per draw; returns (draws, years).
    """
    log_us = np.log(g_us)
    log_cn = np.log(g_cn) - strength * (1.0 - leakage) * np.log(penalty)
    drift = 12.0 * (log_us - log_cn) / log_us - catch_up  # months gained per year
    out = np.empty((len(baseline), len(years)))
    lag = baseline.astype(float)
    prev = 0.0
    for j, t in enumerate(years):
        lag = np.maximum(floor, lag + drift * (t - prev))
        out[:, j] = lag
        prev = t
    return out


def draw(model: ScenarioModel, scenario: Scenario, rng: np.random.Generator
         ) -> dict[str, np.ndarray]:
    n = model.draws
    p = {name: rng.uniform(par.low, par.high, n) for name, par in model.params.items()}
    p["strength"] = rng.uniform(*scenario.control_strength, n)
    p["leakage"] = rng.uniform(*scenario.leakage, n)
    return p


def run_scenarios(model: ScenarioModel | None = None, steps_per_year: int = 4
                  ) -> dict[str, dict[str, list[float]]]:
    """Percentile bands (10/25/50/75/90) of the lag per scenario at quarterly steps.

    Common random numbers: every scenario uses the same draws of the shared parameters,
    so differences between scenarios come from the controls alone.
    """
    model = model or load_scenarios()
    span = model.end_year - model.start_year
    offsets = np.linspace(0.0, span, round(span * steps_per_year) + 1)
    out: dict[str, dict[str, list[float]]] = {}
    for sc in model.scenarios:
        p = draw(model, sc, np.random.default_rng(model.seed))
        lags = project(
            offsets, p["baseline_lag_months"], p["us_compute_growth_per_year"],
            p["china_unconstrained_growth_per_year"], p["controls_growth_penalty_per_year"],
            p["strength"], p["leakage"], p["distillation_catch_up_months_per_year"],
            p["floor_months"],
        )
        q = np.percentile(lags, [10, 25, 50, 75, 90], axis=0)
        out[sc.name] = {"year": (model.start_year + offsets).round(2).tolist(),
                        **{f"p{k}": q[i].round(1).tolist()
                           for i, k in enumerate((10, 25, 50, 75, 90))}}
    return out
