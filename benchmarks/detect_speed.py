"""``frontierguard detect`` end to end on a 1M-event Parquet file: events/s and peak memory.

Usage: python benchmarks/detect_speed.py [EVENTS.parquet] [--releases FILE] [--out DIR]
       [--rows N]
Without a file, one is synthesised: 1M events (or N) with ~250-character prompts from 20k accounts,
a few hundred of them in coordinated groups (shared cards, TLS fingerprints, proxy ranges).
Targets (issue 3): >= 20k events/s on this 2-core machine, < 4 GB peak memory.
Prints the child's CPU time (user+sys) beside the wall time, and the feature stages' wall/CPU
seconds (``FRONTIERGUARD_PROFILE_FEATURES=1`` is set for the detect run).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from _util import FG, run_measured, write_parquet

START_MS = 1772323200000  # 2026-03-01
DAYS = 14
VOCABULARY = (
    "solve the following problem explain each step write a python function that returns "
    "list of primes below integer carefully think about edge cases and show your reasoning "
    "then give the final answer summarise this article translate into french")
WORDS = np.array(VOCABULARY.split())


def _accounts(rng: np.random.Generator, n_accounts: int, groups: int) -> dict[str, np.ndarray]:
    """Per-account attributes; the last ``groups * 40`` accounts form coordinated groups."""
    ids = np.array([f"acct-{i:06d}" for i in range(n_accounts)])
    group = np.full(n_accounts, -1)
    group[n_accounts - groups * 40:] = np.repeat(np.arange(groups), 40)
    own = np.arange(n_accounts)
    shared = group >= 0
    return {
        "account_id": ids, "group": group,
        "payment": np.where(shared, np.char.add("card-g", (group * 3 + own % 3).astype(str)),
                            np.char.add("card-", own.astype(str))),
        "tls": np.where(shared, np.char.add("ja3-g", group.astype(str)),
                        np.array(["ja3-chrome", "ja3-firefox", "ja3-safari", "ja3-python"])[own % 4]),
        "created": START_MS - rng.integers(1, 400, n_accounts) * 86_400_000
        + np.where(shared, 0, rng.integers(0, 86_400_000, n_accounts)),
    }


def synthesise(path: Path, rows: int = 1_000_000, n_accounts: int = 20_000, groups: int = 8) -> None:
    write_parquet(path, _tables(rows, n_accounts, groups))


def _tables(rows: int, n_accounts: int, groups: int) -> Iterator[pa.Table]:
    rng = np.random.default_rng(7)
    acc = _accounts(rng, n_accounts, groups)
    weights = rng.pareto(1.2, n_accounts) + 1
    weights /= weights.sum()
    for start in range(0, rows, 100_000):
        n = min(100_000, rows - start)
        who = rng.choice(n_accounts, size=n, p=weights)
        g = acc["group"][who]
        prompts = [" ".join(r) for r in WORDS[rng.integers(0, len(WORDS), size=(n, 40))]]
        # coordinated groups rotate through one proxy /24 each; others are spread residential
        net = np.where(g >= 0, 100 + g, rng.integers(0, 60_000, n))
        table = pa.table({
            "ts": START_MS + rng.integers(0, DAYS * 86_400_000, n),
            "account_id": acc["account_id"][who],
            "model": np.where(rng.random(n) < 0.7, "m-large", "m-small"),
            "request_id": [f"r{start + i}" for i in range(n)],
            "ip": [f"{20 + a // 250}.{a % 250}.{b % 250}.{b // 250 + 1}"
                   for a, b in zip(net, rng.integers(0, 62_500, n), strict=True)],
            "asn": np.where(g >= 0, 64_000 + g, rng.integers(1000, 60_000, n)),
            "asn_type": np.where(g >= 0, "hosting", "residential"),
            "user_agent": np.where(g >= 0, "python-httpx/0.27", "Mozilla/5.0"),
            "tls_fingerprint": acc["tls"][who], "payment_fingerprint": acc["payment"][who],
            "account_created": acc["created"][who], "signup_channel": np.full(n, "web"),
            "prompt": prompts, "turns": rng.integers(1, 4, n).astype("int32"),
            "tools": np.where(rng.random(n) < 0.1, 3, 0).astype("int32"),
            "max_tokens": np.full(n, 4096, "int32"), "thinking": rng.random(n) < 0.2,
            "output_tokens": rng.integers(10, 4000, n).astype("int32"),
        })
        yield table


def _option(name: str) -> str | None:
    """The value given after ``name`` on the command line, if any."""
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv[:-1] else None


def _option_values() -> set[str]:
    return {v for v in (_option("--releases"), _option("--out"), _option("--rows"))
            if v is not None}


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    args = [a for a in args if a not in _option_values()]
    extra = sys.argv[sys.argv.index("--releases"):][:2] if "--releases" in sys.argv else []
    with tempfile.TemporaryDirectory() as tmp:
        events = Path(args[0]) if args else Path(tmp) / "events.parquet"
        if not args:
            synthesise(events, rows=int(_option("--rows") or 1_000_000))
        rows = pq.ParquetFile(events).metadata.num_rows
        out = Path(_option("--out") or Path(tmp) / "out")
        os.environ["FRONTIERGUARD_PROFILE_FEATURES"] = "1"
        wall, peak = run_measured([FG, "--quiet", "detect", str(events), *extra, "--out", str(out),
                                   "--json"])
        campaigns = json.loads((out / "campaigns.json").read_text())
    print(f"events: {rows}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"wall: {wall:.1f} s, CPU {usage.ru_utime + usage.ru_stime:.1f} s (user+sys), "
          f"load average now {os.getloadavg()[0]:.1f}")
    print(f"throughput: {rows / wall:,.0f} events/s (target >= 20,000)")
    print(f"peak RSS: {peak:,.0f} MiB (target < 4,096)")
    print(f"campaigns reported: {len(campaigns)}")


if __name__ == "__main__":
    main()
