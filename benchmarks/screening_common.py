"""Shared by the screening benchmarks: where the public screening data lives."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(
    os.environ.get("FRONTIERGUARD_SCREENING_DATA")
    or ROOT.parent / "shared" / "data" / "screening"
)


def data_file(name: str) -> Path:
    """A file of the public screening data, with a clear message if it is missing."""
    path = DATA / name
    if not path.exists():
        raise SystemExit(f"missing {path}; set FRONTIERGUARD_SCREENING_DATA to the data folder")
    return path
