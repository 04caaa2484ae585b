"""``detect --engine spark`` on a real standalone cluster on this machine, against DuckDB.

Usage: python benchmarks/spark_cluster.py [--source sim|heldout] [--accounts 1500]
       [--days 3] [--workers 2] [--worker-memory 1g] [--data DIR]

Starts a Spark master and ``--workers`` workers (one core each) on loopback as separate
JVMs (``tests/support/spark_cluster.py``, the cluster the tests use), generates the events
once into DIR (default $TMPDIR/frontierguard-bench, or FRONTIERGUARD_BENCH_DIR) with
``frontierguard simulate`` (seed 1) or ``benchmarks/heldout/generate.py`` (seed 7), then runs
``frontierguard detect`` on them with the DuckDB engine and with ``--engine spark
--spark-master spark://127.0.0.1:PORT``. Prints, per engine: wall time of the whole command
(the Spark one includes its session start-up), events/s, and the driver's peak RSS -- the
``detect`` process plus its own children (for Spark the driver JVM; executors are children
of the workers and not counted), sampled from /proc every 0.2 s; then whether both engines
flag the same accounts with identical scores, communities and campaigns.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _util import ROOT

sys.path.insert(0, str(ROOT / "tests"))

from support.detect_outputs import differences, flagged
from support.spark_cluster import driver_env, standalone

CLI = [sys.executable, "-c", "from frontierguard.cli import main; main()"]
SAMPLE_S = 0.2


def generate(data: Path, source: str, accounts: int, days: int) -> Path:
    """The events (kept for reruns): DIR/<source>-<accounts>x<days>/events.parquet."""
    out = data / f"{source}-{accounts}x{days}"
    if (out / "events.parquet").exists():
        return out
    if source == "heldout":
        cmd = [sys.executable, str(ROOT / "benchmarks" / "heldout" / "generate.py"), "--out",
               str(out), "--accounts", str(accounts), "--days", str(days), "--seed", "7"]
    else:
        cmd = [*CLI, "--quiet", "simulate", "--out", str(out), "--accounts", str(accounts),
               "--days", str(days), "--seed", "1"]
    subprocess.run(cmd, check=True)
    return out


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        tree.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    return tree


def tree_rss_kib(pid: int) -> int:
    """RSS of ``pid`` and all its descendants, in KiB."""
    tree, todo, total = _children(), [pid], 0
    while todo:
        p = todo.pop()
        total += _rss_kib(p)
        todo.extend(tree.get(p, []))
    return total


def run_sampled(cmd: list[str], env: dict[str, str]) -> tuple[float, float, dict[str, object]]:
    """Run ``cmd``; (wall seconds, peak RSS of its process tree in MiB, its --json output)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, tree_rss_kib(proc.pid))
            time.sleep(SAMPLE_S)
        wall = time.perf_counter() - start
        if proc.returncode:
            raise SystemExit(f"{cmd[3:5]} failed with exit code {proc.returncode}")
        out.seek(0)
        return wall, peak / 1024, json.loads(out.read())


def detect(sim: Path, out: Path, env: dict[str, str], extra: list[str]) -> dict[str, object]:
    wall, peak, summary = run_sampled(
        [*CLI, "--quiet", "detect", str(sim / "events.parquet"), "--releases",
         str(sim / "releases.csv"), "--out", str(out), "--json", *extra], env)
    events = int(str(summary["events"]))
    return {"events": events, "wall_s": round(wall, 1), "events_per_s": round(events / wall),
            "driver_peak_rss_mib": round(peak), "flagged": summary["flagged"],
            "campaigns": summary["campaigns"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", choices=("sim", "heldout"), default="sim")
    ap.add_argument("--accounts", type=int, default=1500)
    ap.add_argument("--days", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--worker-memory", default="1g")
    ap.add_argument("--data", type=Path, default=Path(os.environ.get(
        "FRONTIERGUARD_BENCH_DIR", Path(tempfile.gettempdir()) / "frontierguard-bench")))
    args = ap.parse_args()
    sim = generate(args.data, args.source, args.accounts, args.days)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        env = driver_env(root / "driver")
        results = {"duckdb": detect(sim, root / "duckdb", env, [])}
        print(f"duckdb: {results['duckdb']}", flush=True)
        with standalone(root / "cluster", args.workers, memory=args.worker_memory) as cluster:
            results["spark"] = detect(sim, root / "spark", env, [
                "--engine", "spark", "--spark-master", cluster.master_url])
        print(f"spark on {cluster.master_url} ({args.workers} workers x 1 core): "
              f"{results['spark']}", flush=True)
        diffs = differences(root / "duckdb", root / "spark")
        same_flags = flagged(root / "duckdb") == flagged(root / "spark")
    print(f"flags identical: {same_flags}; outputs identical: {not diffs} {diffs}")
    print(json.dumps({"file": str(sim / "events.parquet"), "cores": os.cpu_count(),
                      "load_avg": os.getloadavg()[0], "workers": args.workers,
                      "flags_identical": same_flags, "differences": diffs, **results}))


if __name__ == "__main__":
    main()
