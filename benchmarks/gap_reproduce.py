"""Reproduce published gap figures from public data and time the gap report.

Prints: the time lag on Epoch's capabilities index (target: mean 6.3, min 1.1, max 13.8
months over 2023-06-01..2025-09-30), its sensitivity to the country rule and open-weight
filter, the Arena gap in Jan 2024 and Feb 2025 (AI Index: 9.26% and 1.70%), the compute
lag, the scenario ranges, and the report build time (target < 10 s).

Data: ../shared/data/gap (override with FRONTIERGUARD_GAP_DATA).
Usage: .venv/bin/python benchmarks/gap_reproduce.py
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from frontierguard.gap import loaders, methods
from frontierguard.gap.registry import Options, run_method
from frontierguard.gap.report import ReportInputs, build_report
from frontierguard.gap.scenarios import run_scenarios

DATA = Path(os.environ.get("FRONTIERGUARD_GAP_DATA", "../shared/data/gap"))
TARGET = {"mean_months": 6.3, "min_months": 1.1, "max_months": 13.8}


def time_lag() -> None:
    eci = loaders.load(DATA / "epoch_capabilities_index.csv")
    base = Options(start="2023-06-01", end="2025-09-30")
    res = run_method("time_lag", eci, base)
    s = res.summary
    print("== time lag, Epoch Capabilities Index, 2023-06-01..2025-09-30 (daily)")
    for k, want in TARGET.items():
        got = float(s[k] or 0)  # type: ignore[arg-type]
        print(f"  {k:12s} {got:6.2f}  target {want:4.1f}  "
              f"{'MET' if abs(got - want) <= 0.1 else 'MISSED'} (|diff| {abs(got - want):.2f})")
    print(f"  latest       {s['latest_months']:6.2f}  days {s['days']}, undefined "
          f"{s['days_unmatched']}; 90% bootstrap band on last day "
          f"{res.low[-1]:.1f}..{res.high[-1]:.1f}")
    print("  sensitivity (mean / min / max / latest months):")
    for rule in ("any", "sole", "first"):
        for open_only in (False, True):
            o = Options(methods.Sides(country_rule=rule), open_only, None, base.start, base.end)
            r = run_method("time_lag", eci, o, with_band=False).summary
            cells = " / ".join("n/a" if r[k] is None else f"{r[k]:.1f}" for k in
                               ("mean_months", "min_months", "max_months", "latest_months"))
            print(f"    rule={rule:5s} open_only={open_only!s:5s} {cells}"
                  f"  (undefined days {r['days_unmatched']})")


def arena() -> None:
    wide = loaders.load_arena_wide(DATA / "lmarena_history_wide.csv",
                                   DATA / "arena_leaderboard_tables.csv")
    gaps = methods.arena_gap(wide.frame, methods.Sides())
    print("== Arena gap (overall Elo history; top US vs top Chinese model per snapshot)")
    for month, target in (("2024-01", 9.26), ("2025-02", 1.70)):
        rows = gaps[gaps["date"].dt.strftime("%Y-%m") == month]
        for r in rows.itertuples():
            print(f"  {r.date.date()} {r.lead_model} {r.lead_best:.0f} vs {r.follower_model} "
                  f"{r.follower_best:.0f}: {r.gap_pct:.2f}%")
        same = rows[(rows["lead_model"] == "gemini-2.0-flash-thinking-exp-01-21")
                    & (rows["follower_model"] == "deepseek-r1")]
        pick = same if len(same) else rows
        print(f"  {month} mean {pick['gap_pct'].mean():.2f}% over {len(pick)} snapshots"
              f"{' with the AI Index top models' if len(same) else ''}; "
              f"AI Index {target:.2f}%")
    long = loaders.load(DATA / "lmarena_text_snapshots.csv")
    g2 = methods.arena_gap(long.frame, methods.Sides())
    last = g2.iloc[-1]
    print(f"  LMArena text snapshots: {len(g2)} snapshots; latest {last['date'].date()} "
          f"{last['lead_model']} vs {last['follower_model']}: {last['gap_pct']:.2f}%")


def compute() -> None:
    data = loaders.load(DATA / "epoch_all_ml_systems_2025-01-07.csv")
    since = str(methods.COMPUTE_FIT_SINCE.default)
    for code in ("US", "CN"):
        fit = methods.fit_compute(methods.side(data.frame, code, "any"), since)
        print(f"== compute fit {code}: {fit.growth_per_year:.2f}x/year over {fit.n} record runs")
    res = run_method("compute_lag", data, Options(start="2023-06-01", end="2025-01-07"))
    s = res.summary
    print(f"  compute lag mean {s['mean_months']:.1f} months (latest {s['latest_months']:.1f},"
          f" 90% band {res.low[-1]:.1f}..{res.high[-1]:.1f})")


def scenarios() -> None:
    for name, b in run_scenarios().items():
        print(f"== scenario {name}: 2028 lag p10 {b['p10'][-1]} / p50 {b['p50'][-1]} / "
              f"p90 {b['p90'][-1]} months")


def report() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        t0, c0 = time.perf_counter(), time.process_time()
        path = build_report(ReportInputs.from_dir(DATA), Path(tmp))
        lib, lib_cpu = time.perf_counter() - t0, time.process_time() - c0
        size = path.stat().st_size
        child0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run([str(Path(sys.executable).parent / "frontierguard"), "-q", "gap", "report",
                        "--data-dir", str(DATA), "--out", tmp], check=True,
                       stdout=subprocess.DEVNULL)
        cli = time.perf_counter() - t0
        child1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cli_cpu = (child1.ru_utime + child1.ru_stime) - (child0.ru_utime + child0.ru_stime)
    print(f"== report: library {lib:.1f} s wall ({lib_cpu:.1f} s CPU), CLI end to end "
          f"{cli:.1f} s wall ({cli_cpu:.1f} s CPU) (target < 10 s: "
          f"{'MET' if max(lib, cli) < 10 else 'MISSED'}), {size / 1e6:.1f} MB")


if __name__ == "__main__":
    time_lag()
    arena()
    compute()
    scenarios()
    report()
