"""Helpers shared by the benchmark scripts: timing a command and its peak memory, writing
synthetic event files."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FRONTIERGUARD_SHARED_DATA", ROOT.parent / "shared" / "data"))
FG = str(Path(sys.executable).with_name("frontierguard"))


def run_measured(args: list[str]) -> tuple[float, float]:
    """Run a command; return (wall seconds, peak RSS of the child in MiB)."""
    start = time.perf_counter()
    subprocess.run(args, check=True)
    wall = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, peak_kib / 1024


def write_parquet(path: Path, tables: Iterable[pa.Table]) -> None:
    """Write ``tables`` (one schema) to ``path`` as one Parquet file, one at a time."""
    writer = None
    for table in tables:
        if writer is None:
            writer = pq.ParquetWriter(path, table.schema)
        writer.write_table(table)
    if writer is None:
        raise ValueError(f"{path}: nothing to write")
    writer.close()


def wait_up(base: str, proc: subprocess.Popen[bytes], deadline_s: float = 120.0) -> None:
    """Wait until a started ``serve`` answers ``/health`` (or exits, or the deadline passes)."""
    import httpx

    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise SystemExit("serve exited")
        try:
            if httpx.get(f"{base}/health").status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit(f"serve did not start in {deadline_s:.0f} s")
