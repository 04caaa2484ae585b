"""Ingest a 1M-row Parquet file into a fresh store; print seconds, rows/s and peak memory.

Usage: python benchmarks/ingest_memory.py [EVENTS.parquet]
Without a file, one is synthesised (1M rows with ~300-character prompts).
Target (issue 2): ingest of the simulator's default file stays under 2 GB of memory.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from _util import FG, run_measured, write_parquet


def synthesise(path: Path, rows: int = 1_000_000) -> None:
    write_parquet(path, _tables(rows))


def _tables(rows: int) -> Iterator[pa.Table]:
    rng = np.random.default_rng(0)
    words = np.array(["solve", "the", "following", "problem", "explain", "each", "step", "write",
                      "a", "python", "function", "that", "returns", "list", "of", "primes",
                      "below", "integer", "carefully"])
    for start in range(0, rows, 100_000):
        n = min(100_000, rows - start)
        idx = rng.integers(0, len(words), size=(n, 45))
        prompts = [" ".join(r) for r in words[idx]]
        table = pa.table({
            "ts": 1772323200000 + np.sort(rng.integers(0, 14 * 86_400_000, n)),
            "account_id": [f"acct-{i}" for i in rng.integers(0, 5000, n)],
            "model": ["m-large"] * n, "request_id": [f"r{start + i}" for i in range(n)],
            "ip": [f"198.51.{a}.{b}" for a, b in rng.integers(0, 255, (n, 2))],
            "prompt": prompts, "output_tokens": rng.integers(10, 4000, n).astype("int32"),
        })
        yield table


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        if len(sys.argv) > 1:
            events = Path(sys.argv[1])
        else:
            events = Path(tmp) / "events.parquet"
            synthesise(events)
        rows = pq.ParquetFile(events).metadata.num_rows
        wall, peak = run_measured([FG, "-q", "ingest", str(events), "--db", f"{tmp}/s.duckdb"])
        print(f"ingest: {rows} rows in {wall:.1f} s ({rows / wall:,.0f} rows/s), "
              f"peak RSS {peak:,.0f} MiB (target < 2048 MiB)")


if __name__ == "__main__":
    main()
