"""Detection throughput of the DuckDB and Spark engines on the same simulated Parquet file.

Usage: python benchmarks/engines_throughput.py [--accounts 7600] [--days 7]
       [--engines duckdb,spark] [--master local[*]] [--data DIR]
The file comes from ``frontierguard simulate`` (default scenario, seed 1; about 1M events
with the defaults) and is kept in DIR (default $TMPDIR/frontierguard-bench, or
FRONTIERGUARD_BENCH_DIR) for
reruns. Prints events/s end to end (read, signals, features, linkage, scoring, outputs) per
engine; for Spark also the session start-up, which is not counted in its events/s.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import tempfile
import time
from pathlib import Path

from _util import FG


def ensure_simulation(data: Path, accounts: int, days: int) -> Path:
    out = data / f"sim-{accounts}x{days}"
    if not (out / "events.parquet").exists():
        subprocess.run([FG, "--quiet", "simulate", "--out", str(out), "--accounts", str(accounts),
                        "--days", str(days), "--seed", "1"], check=True)
    return out


def run_duckdb(sim: Path, out: Path) -> dict[str, float]:
    from frontierguard.traffic.detect import run_detection

    start = time.perf_counter()
    r = run_detection([sim / "events.parquet"], releases=sim / "releases.csv", out_dir=out)
    return {"events": r.events, "seconds": time.perf_counter() - start, "flagged": r.flagged}


def run_spark(sim: Path, out: Path, master: str) -> dict[str, float]:
    from frontierguard.traffic.detect import run_detection
    from frontierguard.traffic.spark.engine import session

    t0 = time.perf_counter()
    spark = session(master)
    startup = time.perf_counter() - t0
    start = time.perf_counter()
    r = run_detection([sim / "events.parquet"], releases=sim / "releases.csv",
                      out_dir=out, engine="spark", spark=spark)
    return {"events": r.events, "seconds": time.perf_counter() - start, "flagged": r.flagged,
            "startup_seconds": startup}


def flagged(out: Path) -> set[str]:
    with (out / "accounts.csv").open(encoding="utf-8") as fh:
        return {r["account_id"] for r in csv.DictReader(fh) if r["flagged"] == "true"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--accounts", type=int, default=7600)
    ap.add_argument("--days", type=int, default=7)
    ap.add_argument("--engines", default="duckdb,spark")
    ap.add_argument("--master", default="local[*]")
    ap.add_argument("--data", type=Path, default=Path(os.environ.get(
        "FRONTIERGUARD_BENCH_DIR", Path(tempfile.gettempdir()) / "frontierguard-bench")))
    args = ap.parse_args()
    sim = ensure_simulation(args.data, args.accounts, args.days)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for engine in args.engines.split(","):
            out = Path(tmp) / engine
            r = run_spark(sim, out, args.master) if engine == "spark" else run_duckdb(sim, out)
            r["events_per_s"] = round(r["events"] / r["seconds"])
            r["seconds"] = round(r["seconds"], 1)
            results[engine] = r
            print(f"{engine:>7}: {r['events']:,} events in {r['seconds']:.1f} s = "
                  f"{r['events_per_s']:,} events/s ({r['flagged']} flagged)", flush=True)
        sets = [flagged(Path(tmp) / e) for e in results]
        same = all(x == sets[0] for x in sets)
        print(f"flagged accounts identical across engines: {same}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"file": str(sim / "events.parquet"), "cores": os.cpu_count(),
                      "load_avg": os.getloadavg()[0], "python_peak_rss_mib": round(peak),
                      "flags_identical": same,
                      **results}))


if __name__ == "__main__":
    main()
