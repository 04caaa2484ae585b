"""The gap report: frontier curves by country, every method's series with bands, the
scenario fan chart, and a table of where the methods disagree and why."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from markupsafe import Markup

from frontierguard.core.errors import InputError
from frontierguard.core.report import figure_svg, new_figure, render, write_report
from frontierguard.core.settings import Setting, register, resolve
from frontierguard.gap.loaders import load_arena, load_arena_wide, load_compute, load_eci
from frontierguard.gap.model import Dataset, side
from frontierguard.gap.registry import METHODS, MethodResult, Options, run_method
from frontierguard.gap.scenarios import load_scenarios, run_scenarios

FILES = {
    "eci": "epoch_capabilities_index.csv",
    "compute": "epoch_all_ml_systems_2025-01-07.csv",
    "arena": "lmarena_text_snapshots.csv",
    "arena_wide": "lmarena_history_wide.csv",
    "arena_tables": "arena_leaderboard_tables.csv",
}
COLOURS = {"US": "#1f5fae", "CN": "#c0392b"}
REPORT_START = Setting(
    "gap_report_start", str, "2023-06-01",
    "First day of the report's method series when no start is given (Epoch's window).", "gap",
)
register([REPORT_START])


@dataclass
class ReportInputs:
    """Data files for the report; any may be None, but at least one must be given."""

    eci: Path | None = None
    compute: Path | None = None
    arena: Path | None = None
    arena_wide: Path | None = None
    arena_tables: Path | None = None

    @classmethod
    def from_dir(cls, folder: Path) -> ReportInputs:
        if not folder.is_dir():
            raise InputError("not a directory", folder)
        found = {k: folder / v for k, v in FILES.items() if (folder / v).is_file()}
        return cls(**found)


def load_inputs(inp: ReportInputs) -> Dataset:
    """Load every given file into one dataset (metrics: eci, training_compute, arena)."""
    parts: list[Dataset] = []
    if inp.eci:
        parts.append(load_eci(inp.eci))
    if inp.compute:
        parts.append(load_compute(inp.compute))
    if inp.arena:
        parts.append(load_arena(inp.arena))
    elif inp.arena_wide and inp.arena_tables:
        parts.append(load_arena_wide(inp.arena_wide, inp.arena_tables))
    if not parts:
        raise InputError("no gap data given: pass --data-dir DIR or the data file options "
                         f"(expected file names: {', '.join(FILES.values())})")
    return Dataset(pd.concat([p.frame for p in parts], ignore_index=True),
                   [s for p in parts for s in p.sources],
                   [u for p in parts for u in p.unmapped_organisations])


def frontier_chart(data: Dataset, metric: str) -> Markup:
    """Running best score by country over release dates, with each model as a dot."""
    fig, ax = new_figure(7.0, 2.8)
    df = data.select(metric)
    for code, colour in COLOURS.items():
        s = side(df, code, "any").dropna(subset=["release"]).sort_values("release")
        ax.scatter(s["release"], s["value"], s=6, color=colour, alpha=0.35)
        ax.step(s["release"], np.maximum.accumulate(s["value"].to_numpy()), where="post",
                color=colour, label=f"{code} frontier")
    ax.set_ylabel(metric)
    ax.legend(frameon=False)
    _date_axis(ax)
    return figure_svg(fig)


def _date_axis(ax: Any) -> None:
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(maxticks=8)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]


def methods_chart(results: list[MethodResult]) -> Markup:
    """Months-based methods on top, percent-based below, shared time axis, with bands."""
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(2, 1, figsize=(7.0, 4.6), sharex=True)
    for ax, unit in zip(axes, ("months", "percent"), strict=True):
        for r in (r for r in results if r.method.unit == unit):
            x = r.dates.astype("datetime64[ns]")
            line, = ax.plot(x, r.values, label=r.method.title, lw=1.2)
            ax.fill_between(x, r.low, r.high, color=line.get_color(), alpha=0.18, lw=0)
        ax.set_ylabel(unit)
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(frameon=False, fontsize=8)
    _date_axis(axes[-1])
    return figure_svg(fig)


def fan_chart(bands: dict[str, dict[str, list[float]]]) -> Markup:
    fig, ax = new_figure(7.0, 2.8)
    for name, b in bands.items():
        line, = ax.plot(b["year"], b["p50"], label=f"{name} (median)")
        c = line.get_color()
        ax.fill_between(b["year"], b["p10"], b["p90"], color=c, alpha=0.15, lw=0)
        ax.fill_between(b["year"], b["p25"], b["p75"], color=c, alpha=0.25, lw=0)
    ax.set_ylabel("lag (months)")
    ax.legend(frameon=False)
    return figure_svg(fig)


def _trend(r: MethodResult) -> tuple[float, float] | None:
    ok = r.values[~np.isnan(r.values)]
    return (float(ok[0]), float(ok[-1])) if len(ok) else None


def _verdict(r: MethodResult, ref: MethodResult | None) -> str:
    """Where this method stands against the time lag: level (same unit) and direction."""
    mine = _trend(r)
    if mine is None:
        return "no defined value in the window"
    words = f"{mine[0]:.1f} to {mine[1]:.1f} {r.method.unit} over the window"
    theirs = _trend(ref) if ref is not None and ref is not r else None
    if theirs is None:
        return words
    same_dir = (mine[1] - mine[0]) * (theirs[1] - theirs[0]) >= 0
    words += ("; same direction as the time lag" if same_dir
              else "; opposite direction to the time lag (disagree on the trend)")
    a, b = r.summary["mean_months"], ref.summary["mean_months"] if ref else None
    if r.method.unit == "months" and a is not None and b is not None:
        far = max(a, b) > 1.5 * max(min(a, b), 0.1)
        words += f"; mean {a:.1f} vs {b:.1f} months: {'disagree on the level' if far else 'agree'}"
    return words


def disagreement(results: list[MethodResult]) -> list[dict[str, Any]]:
    """One row per method: mean and latest values, band, what it measures, why it
    differs, and how its level and direction compare with the time lag."""
    ref = next((r for r in results if r.method.name == "time_lag"), None)
    return [
        {"method": r.method.title, "metric": r.metric, "unit": r.method.unit,
         "mean": r.summary["mean_months"], "latest": r.summary["latest_months"],
         "low": _last(r.low), "high": _last(r.high), "measures": r.method.measures,
         "caveat": r.method.caveat, "verdict": _verdict(r, ref)}
        for r in results
    ]


def _last(a: np.ndarray) -> float | None:
    ok = a[~np.isnan(a)]
    return float(ok[-1]) if len(ok) else None


def build_report(inp: ReportInputs, out: Path, options: Options | None = None) -> Path:
    """Load the data, run every method that has its metric, and write ``gap_report.html``."""
    data = load_inputs(inp)
    o = options or Options()
    if o.start is None:
        start = str(resolve([REPORT_START], None)["gap_report_start"])
        o = Options(o.sides, o.open_only, o.metric, start, o.end, o.overrides)
    present = set(data.metrics())
    results = [run_method(m.name, data, o) for m in METHODS if m.default_metric in present]
    model = load_scenarios()
    bands = run_scenarios(model)
    html = render(
        "frontierguard.gap", "gap_report.html.j2", title="US-China frontier gap",
        subtitle="; ".join(data.sources), results=results, table=disagreement(results),
        frontier=frontier_chart(data, "eci") if "eci" in present else None,
        methods=methods_chart(results) if results else None, fan=fan_chart(bands),
        scenario_model=model, bands=bands, unmapped=data.unmapped_organisations,
        rule=o.sides.country_rule, open_only=o.open_only,
    )
    return write_report(out / "gap_report.html", html)
