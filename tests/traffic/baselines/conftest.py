from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

T0 = 1_772_409_600_000  # 2026-03-02 00:00 UTC

WORDS = [
    "plan", "trip", "budget", "recipe", "garden", "email", "letter", "poem", "story", "history",
    "physics", "music", "movie", "travel", "health", "sleep", "coffee", "train", "river",
    "mountain", "book", "language", "guitar",
]


@pytest.fixture
def events_file(tmp_path: Path) -> Callable[[dict[str, list[tuple[int, str]]]], Path]:
    """Write {account: [(ts_ms offset, prompt), ...]} as a Parquet event file."""

    def write(accounts: dict[str, list[tuple[int, str]]]) -> Path:
        ids, ts, prompts = [], [], []
        for acc, rows in accounts.items():
            for t, p in rows:
                ids.append(acc)
                ts.append(T0 + t)
                prompts.append(p)
        path = tmp_path / "events.parquet"
        pq.write_table(pa.table({"ts": pa.array(ts, pa.timestamp("ms", tz="UTC")),
                                 "account_id": ids, "model": ["m"] * len(ids),
                                 "prompt": prompts}), path)
        return path

    return write


def varied_prompts(rng: np.random.Generator, n: int) -> list[str]:
    """Human-like prompts: random topic words of random length."""
    return [" ".join(rng.choice(WORDS, rng.integers(4, 12))) for _ in range(n)]
