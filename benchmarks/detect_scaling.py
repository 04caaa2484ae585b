"""DuckDB-engine detection throughput as traffic grows: is the cost linear?

Usage: python benchmarks/detect_scaling.py [--accounts 7600] [--days 7] [--factor 10]
       [--data DIR]
Simulates the default scenario at ``accounts`` and at ``factor * accounts`` (same days,
seed 1; ~1M and ~10M events with the defaults; kept in DIR, default
$TMPDIR/frontierguard-bench or FRONTIERGUARD_BENCH_DIR), runs ``frontierguard detect`` on each
in a fresh process and prints events/s, peak memory and the throughput ratio large/small.
Target (issue 4): ratio >= 0.8, i.e. no super-linear step anywhere, linkage included.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import tempfile
import time
from pathlib import Path

import pyarrow.parquet as pq

from _util import FG


def simulate(data: Path, accounts: int, days: int) -> Path:
    out = data / f"sim-{accounts}x{days}"
    if not (out / "events.parquet").exists():
        subprocess.run([FG, "--quiet", "simulate", "--out", str(out), "--accounts", str(accounts),
                        "--days", str(days), "--seed", "1"], check=True)
    return out


def detect(sim: Path) -> dict[str, float]:
    events = pq.ParquetFile(sim / "events.parquet").metadata.num_rows
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        proc = subprocess.Popen([FG, "--quiet", "detect", str(sim / "events.parquet"),
                                 "--releases", str(sim / "releases.csv"), "--out", tmp])
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"detect failed on {sim}")
    return {"events": events, "seconds": round(seconds, 1),
            "events_per_s": round(events / seconds), "peak_rss_mib": round(usage.ru_maxrss / 1024)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--accounts", type=int, default=7600)
    ap.add_argument("--days", type=int, default=7)
    ap.add_argument("--factor", type=int, default=10)
    ap.add_argument("--data", type=Path, default=Path(os.environ.get(
        "FRONTIERGUARD_BENCH_DIR", Path(tempfile.gettempdir()) / "frontierguard-bench")))
    args = ap.parse_args()
    rows = {}
    for accounts in (args.accounts, args.accounts * args.factor):
        r = detect(simulate(args.data, accounts, args.days))
        rows[accounts] = r
        print(f"{r['events']:>11,} events: {r['seconds']:>7.1f} s, {r['events_per_s']:>8,} "
              f"events/s, peak {r['peak_rss_mib']:,} MiB", flush=True)
    small, large = rows[args.accounts], rows[args.accounts * args.factor]
    ratio = large["events_per_s"] / small["events_per_s"]
    print(f"throughput ratio x{args.factor}: {ratio:.2f} (target >= 0.8)")
    print(json.dumps({"runs": list(rows.values()), "ratio": round(ratio, 3),
                      "load_avg": os.getloadavg()[0],
                      "self_peak_rss_mib": round(resource.getrusage(
                          resource.RUSAGE_SELF).ru_maxrss / 1024)}))


if __name__ == "__main__":
    main()
