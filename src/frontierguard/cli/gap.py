"""CLI commands: gap (US-China frontier lag, report, scenarios)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from frontierguard.cli.common import JsonOption, domain_errors, info, print_json
from frontierguard.gap.api import lag_json, scenarios_json, write_lag_csv
from frontierguard.gap.methods import Sides
from frontierguard.gap.registry import Options
from frontierguard.gap.report import ReportInputs, build_report

sub = typer.Typer(
    help="US-China frontier gap: lag in months, report, scenarios.\n\n"
    "Example: `frontierguard gap lag --data eci.csv --json`",
    no_args_is_help=True,
)

RuleOption = Annotated[str, typer.Option(
    "--country-rule", help="How multinational models count: any, sole or first.")]
OpenOption = Annotated[bool, typer.Option("--open-only", help="Open-weight models only.")]


@sub.command("lag")
@domain_errors
def lag(
    data: Annotated[Path, typer.Option("--data", help="CSV: Epoch ECI, benchmarks, "
                                       "compute, Arena or the plain format.")],
    metric: Annotated[str | None, typer.Option("--metric", help="Metric to compare.")] = None,
    start: Annotated[str | None, typer.Option("--start", help="First day (YYYY-MM-DD).")] = None,
    end: Annotated[str | None, typer.Option("--end", help="Last day (YYYY-MM-DD).")] = None,
    country_rule: RuleOption = "any",
    open_only: OpenOption = False,
    json_out: JsonOption = False,
    out: Annotated[Path | None, typer.Option("--out", help="Write time_lag.csv here.")] = None,
) -> None:
    """Time lag in months (Epoch AI's method): daily series, mean, min, max, latest.

    Example: `frontierguard gap lag --data eci.csv --start 2023-06-01 --end 2025-09-30 --json`
    """
    opts = Options(Sides(country_rule=country_rule), open_only, metric, start, end)
    result = lag_json(data, metric, opts)
    if out is not None:
        info(f"wrote {write_lag_csv(result, out)}")
    if json_out:
        print_json({"summary": result["summary"], "series": result["series"]})
        return
    s = result["summary"]
    if s["mean_months"] is None:
        typer.echo("no day with a defined lag")
        return
    typer.echo(f"time lag ({result['metric']}, {s['days']} days): mean {s['mean_months']:.1f}"
               f", min {s['min_months']:.1f}, max {s['max_months']:.1f}, latest "
               f"{'n/a' if s['latest_months'] is None else format(s['latest_months'], '.1f')}"
               f" months; {s['days_unmatched']} days undefined")


@sub.command("report")
@domain_errors
def report(
    out: Annotated[Path, typer.Option("--out", help="Folder for gap_report.html.")],
    data_dir: Annotated[Path | None, typer.Option(
        "--data-dir", help="Folder with the standard file names (see docs/gap.md).")] = None,
    eci: Annotated[Path | None, typer.Option("--eci", help="Epoch ECI CSV.")] = None,
    compute: Annotated[Path | None, typer.Option("--compute", help="Epoch ML systems CSV.")
                       ] = None,
    arena: Annotated[Path | None, typer.Option("--arena", help="LMArena snapshots CSV.")
                     ] = None,
    start: Annotated[str | None, typer.Option(
        "--start", help="First day of the series (default: setting gap_report_start).")] = None,
    country_rule: RuleOption = "any",
    open_only: OpenOption = False,
) -> None:
    """Standalone HTML report: frontier curves, every method with bands, scenarios.

    Example: `frontierguard gap report --data-dir ../shared/data/gap --out out/gap`
    """
    inputs = ReportInputs.from_dir(data_dir) if data_dir else ReportInputs()
    inputs.eci = eci or inputs.eci
    inputs.compute = compute or inputs.compute
    inputs.arena = arena or inputs.arena
    path = build_report(inputs, out, Options(Sides(country_rule=country_rule), open_only,
                                             None, start))
    typer.echo(str(path))


@sub.command("scenarios")
@domain_errors
def scenarios(
    file: Annotated[Path | None, typer.Option("--file", help="Scenario YAML (default v1).")
                    ] = None,
    json_out: JsonOption = False,
) -> None:
    """Projected lag to 2028 under each scenario, as percentile ranges.

    Example: `frontierguard gap scenarios --json`
    """
    result = scenarios_json(file)
    if json_out:
        print_json(result)
        return
    for name, b in result["bands"].items():
        typer.echo(f"{name}: lag in {b['year'][-1]:.0f} {b['p10'][-1]}-{b['p90'][-1]} months "
                   f"(10th-90th percentile), median {b['p50'][-1]}")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.add_typer(sub, name="gap")
