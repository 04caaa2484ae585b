"""Classification throughput: a synthetic CSV of many items through read + classify.

Usage: .venv/bin/python benchmarks/chips_classify_speed.py [--rows 1000000]
Prints rows per second for CSV reading/validation, the vectorised TPP/PD/paragraph pass, and
building the per-item results, with the process's peak memory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from frontierguard.controls.catalog import read_table
from frontierguard.controls.chips import classify_table, compute, paragraph_masks
from frontierguard.controls.rules import rule_set_for


def synthetic_csv(path: Path, rows: int, seed: int = 7) -> None:
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame({
        "name": [f"chip-{i}" for i in range(rows)],
        "datacenter": np.where(rng.random(rows) < 0.8, "true", "false"),
        "die_area_mm2": rng.uniform(100, 900, rows).round(1),
        "dies": rng.integers(1, 3, rows),
        "tops_int8": rng.uniform(50, 2500, rows).round(1),
        "tflops_fp16": np.where(rng.random(rows) < 0.5, rng.uniform(20, 1200, rows).round(1), np.nan),
    })
    frame.to_csv(path, index=False)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    rules = rule_set_for(dt.date(2026, 3, 1))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "items.csv"
        synthetic_csv(path, args.rows)
        t0 = time.perf_counter()
        table = read_table(path)
        t1 = time.perf_counter()
        c = compute(table)
        masks = paragraph_masks(rules.classification, c, table)
        t2 = time.perf_counter()
        results = classify_table(table, rules)
        t3 = time.perf_counter()
    n = args.rows
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"rows: {n:,}  (3A090.a {int(masks['a'].sum()):,}, 3A090.b {int(masks['b'].sum()):,})")
    print(f"read + validate CSV: {t1 - t0:.2f} s  ({n / (t1 - t0):,.0f} rows/s)")
    print(f"vectorised TPP/PD/paragraphs: {t2 - t1:.3f} s  ({n / (t2 - t1):,.0f} rows/s)")
    print(f"full classify with per-item results: {t3 - t2:.2f} s  ({n / (t3 - t2):,.0f} rows/s), "
          f"{len(results):,} results")
    print(f"peak RSS: {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
