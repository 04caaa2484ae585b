"""Helpers shared by the benchmark scripts: timing a command and its peak memory."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

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
