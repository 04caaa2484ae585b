"""Time `frontierguard simulate` at its default size; print seconds, events/s and peak memory.

Usage: python benchmarks/simulate_speed.py [--accounts N] [--days D] [--corpus]
With --corpus, prompts are drawn from ../shared/data/prompts/tasks (or $FRONTIERGUARD_SHARED_DATA).
Target (issue 2): the default size (about 5k accounts, 1M events, 14 days) in under 2 minutes.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import pyarrow.parquet as pq

from _util import FG, SHARED, run_measured


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--accounts", type=int, default=None)
    ap.add_argument("--days", type=int, default=None)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "sim"
        cmd = [FG, "--quiet", "simulate", "--out", str(out), "--seed", str(args.seed)]
        if args.accounts:
            cmd += ["--accounts", str(args.accounts)]
        if args.days:
            cmd += ["--days", str(args.days)]
        if args.corpus:
            cmd += ["--prompt-corpus", str(SHARED / "prompts" / "tasks")]
        wall, peak = run_measured(cmd)
        meta = pq.ParquetFile(out / "events.parquet").metadata
        events = meta.num_rows
        size_mb = (out / "events.parquet").stat().st_size / 2**20
        print(f"events          {events}")
        print(f"row groups      {meta.num_row_groups}")
        print(f"seconds         {wall:.1f}")
        print(f"events/s        {events / wall:,.0f}")
        print(f"peak RSS MiB    {peak:.0f}")
        print(f"parquet MiB     {size_mb:.1f}")
        print(f"target <120 s   {'met' if wall < 120 else 'missed'}")


if __name__ == "__main__":
    main()
