"""Entry points the CLI and API call: one function per command."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from frontierguard.core.report import write_report
from frontierguard.gap.loaders import load
from frontierguard.gap.registry import Options, run_method
from frontierguard.gap.scenarios import load_scenarios, run_scenarios


def lag_json(data_file: Path, metric: str | None = None, options: Options | None = None,
             fmt: str | None = None) -> dict[str, Any]:
    """Time lag on ``data_file``: ``{"summary": {...}, "series": [{"date", "lag_months"}]}``.

    Days where the lag is undefined (no follower model yet, or never matched) are
    ``null`` in the series and counted in ``summary.days_unmatched``.
    """
    data = load(data_file, fmt)
    o = options or Options()
    if metric is not None:
        o = Options(o.sides, o.open_only, metric, o.start, o.end, o.overrides)
    res = run_method("time_lag", data, o, with_band=False)
    series = [
        {"date": str(d), "lag_months": None if np.isnan(v) else round(float(v), 4)}
        for d, v in zip(res.dates.astype(str), res.values, strict=True)
    ]
    return {"summary": res.summary, "metric": res.metric,
            "country_rule": o.sides.country_rule, "series": series}


def write_lag_csv(result: dict[str, Any], out: Path) -> Path:
    """Write the daily series as ``time_lag.csv`` in ``out``."""
    lines = ["date,lag_months"] + [
        f"{r['date']},{'' if r['lag_months'] is None else r['lag_months']}"
        for r in result["series"]
    ]
    return write_report(out / "time_lag.csv", "\n".join(lines) + "\n")


def scenarios_json(path: Path | None = None) -> dict[str, Any]:
    """Scenario bands plus every parameter with its source."""
    model = load_scenarios(path)
    return {
        "source": model.source,
        "parameters": {p.name: {"low": p.low, "high": p.high, "source": p.source}
                       for p in model.params.values()},
        "scenarios": {s.name: {"title": s.title, "control_strength": s.control_strength,
                               "leakage": s.leakage, "source": s.source}
                      for s in model.scenarios},
        "bands": run_scenarios(model),
    }
