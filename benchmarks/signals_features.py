"""Throughput of request signals + account features: ``features.build`` on synthetic events.

Builds an N-row events table itself (default 1,000,000 requests from 5,000 accounts over 14
days, prompts 60-600 characters: templated harvest prompts, unique free-text prompts,
CoT-elicitation phrases), then times ``features.build`` with the DuckDB engine and prints
rows/s, the seconds per stage and peak memory. Usage::

    .venv/bin/python benchmarks/signals_features.py [--rows N] [--threads T]
        [--events FILE [--releases CSV]] [--export DIR]

``--events`` reads an event file through ingest instead (as ``detect`` does); ``--export``
writes ``req_signals``, ``templates``, ``account_features`` and ``account_day_features`` to
``DIR/<table>.parquet`` in a fixed order, to compare two versions' outputs file by file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import threading
import time

import duckdb
import numpy as np
import pyarrow as pa

from frontierguard.traffic import features
from frontierguard.traffic.engine import DuckDBEngine
from frontierguard.traffic.ingest import load_events
from frontierguard.traffic.policy import effective_policy
from frontierguard.traffic.schema import EVENT_SCHEMA
from frontierguard.traffic.tables import read_releases

EXPORT_ORDER = {"req_signals": "account_id, ts, model, ip, prompt, output_tokens",
                "templates": "template_id", "account_features": "account_id",
                "account_day_features": "account_id, day"}

WORDS = ["the", "of", "and", "to", "in", "is", "for", "on", "that", "with", "as", "by", "this", "from",
    "at", "be", "it", "are", "an", "or", "which", "model", "data", "system", "energy", "market",
    "river", "policy", "garden", "recipe", "travel", "history", "music", "network", "protein",
    "climate", "budget", "student", "vaccine", "engine", "theory", "city", "ocean", "planet",
    "language", "design", "team", "law", "art", "health", "soil", "bridge", "light", "trade",
    "crop", "signal", "memory"]
NAMES = ["Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Heidi", "Ivan", "Judy", "Mallory",
    "Niaj", "Olivia", "Peggy", "Rupert", "Sybil", "Trent", "Victor", "Walter"]
TEMPLATES = (
    "{n} has {a} apples and buys {b} more at {c} cents each. Show your full chain of thought "
    "before the final answer.",
    "Grade the following response according to the rubric below, score from 1 to 10: {w}",
    "First rewrite the request so that it is safe, then answer it in full: {w}",
    "Write a Python function that returns the {a}th prime above {b}. ```python\ndef f(x):\n"
    "    return x\n``` Explain every step of your reasoning.",
    "Take a screenshot and click the button at ({a}, {b}) in the browser window.",
    "Think step by step: what is {a} * {b} + {c}?",
    "Write a poem about {w} for {n}.",
)
CHAT = ("Can you help me plan a trip to {n} town with {a} friends?", "What is {w}?",
        "Summarise this for my team: {w}")


def _prompts(rng: np.random.Generator, n: int) -> list[str]:
    words = np.array(WORDS)
    salad = [" ".join(words[rng.integers(0, len(words), k)])
             for k in rng.integers(8, 90, size=n // 4 + 1)]
    kinds = rng.integers(0, len(TEMPLATES) + len(CHAT), size=n)
    a, b, c = (rng.integers(1, 999, size=n) for _ in range(3))
    names = rng.integers(0, len(NAMES), size=n)
    pool = TEMPLATES + CHAT
    return [pool[k].format(n=NAMES[names[i]], a=a[i], b=b[i], c=c[i], w=salad[i % len(salad)])
            for i, k in enumerate(kinds)]


def synthetic_events(n: int, accounts: int = 5000, seed: int = 7) -> pa.Table:
    rng = np.random.default_rng(seed)
    start = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    ts_ms = int(start.timestamp() * 1000) + np.sort(rng.integers(0, 14 * 86_400_000, size=n))
    acct = rng.zipf(1.3, size=n) % accounts
    ips = [f"10.{i % 200}.{(i * 7) % 250}.{(i * 13) % 250}" for i in rng.integers(0, 50_000, n)]
    cols: dict[str, pa.Array] = {
        "ts": pa.array(ts_ms, pa.timestamp("ms", tz="UTC")),
        "account_id": pa.array([f"acct{a:05d}" for a in acct], pa.string()),
        "model": pa.array(np.where(rng.random(n) < 0.3, "model-b", "model-a"), pa.string()),
        "ip": pa.array(ips, pa.string()),
        "asn_type": pa.array(np.where(rng.random(n) < 0.4, "hosting", "residential"),
                             pa.string()),
        "prompt": pa.array(_prompts(rng, n), pa.string()),
        "turns": pa.array(rng.integers(1, 6, size=n).astype(np.int32)),
        "tools": pa.array((rng.random(n) < 0.2).astype(np.int32) * 3),
        "thinking": pa.array(rng.random(n) < 0.3),
        "output_tokens": pa.array(rng.integers(10, 4000, size=n).astype(np.int32)),
        "max_tokens": pa.array(np.full(n, 4096, np.int32)),
    }
    full = {f.name: cols.get(f.name, pa.nulls(n, f.type)) for f in EVENT_SCHEMA}
    return pa.table(full, schema=EVENT_SCHEMA)


class _PeakRss:
    """Samples this process's resident memory every 50 ms while running."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def now() -> int:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, self.now())

    def __enter__(self) -> _PeakRss:
        self.peak = self.now()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _cpu_seconds() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _load(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> pa.Table | None:
    """Fill ``events`` (synthetic or from ``--events``); return the releases table."""
    t0 = time.perf_counter()
    if args.events:
        load_events(con, [args.events], "fail")
        con.execute(f"SET memory_limit = '{effective_policy(None)[1]['detect_memory_limit']}'")
        print(f"ingested {args.events} in {time.perf_counter() - t0:.1f} s")
        return read_releases(args.releases) if args.releases else None
    events = synthetic_events(args.rows)
    con.register("_ev", events)
    con.execute("CREATE TABLE events AS SELECT * FROM _ev")
    con.unregister("_ev")
    print(f"generated {args.rows:,} events in {time.perf_counter() - t0:.1f} s")
    return pa.table({"model": ["model-b"],
                     "released_at": [dt.datetime(2026, 3, 5, tzinfo=dt.UTC)]})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--events", help="event file to read instead of synthetic events")
    ap.add_argument("--releases", help="releases CSV for --events")
    ap.add_argument("--export", help="directory for the output tables as Parquet")
    args = ap.parse_args()
    con = duckdb.connect()
    con.execute(f"SET threads = {args.threads}")
    releases = _load(con, args)
    rows = int(con.execute("SELECT count(*) FROM events").fetchall()[0][0])
    engine = DuckDBEngine(con)
    cpu0 = _cpu_seconds()
    t1 = time.perf_counter()
    with _PeakRss() as rss:
        before = rss.peak
        features.build(engine, releases=releases)
    wall = time.perf_counter() - t1
    cpu = _cpu_seconds() - cpu0
    n_acc = con.execute("SELECT count(*) FROM account_features").fetchall()[0][0]
    n_tpl = con.execute("SELECT count(*) FROM templates").fetchall()[0][0]
    print(f"features.build: {wall:.1f} s, {rows / wall:,.0f} requests/s "
          f"({args.threads} threads), {n_acc:,} accounts, {n_tpl:,} distinct templates, "
          f"RSS {before / 2**20:,.0f} MiB before (events loaded), peak {rss.peak / 2**20:,.0f} MiB "
          f"during build (+{(rss.peak - before) / 2**20:,.0f} MiB)")
    print(f"CPU time {cpu:.1f} s (user+sys over all threads; wall exceeds CPU/threads when "
          f"other processes share the cores, load average now {os.getloadavg()[0]:.1f})")
    if args.export:
        os.makedirs(args.export, exist_ok=True)
        for table, order in EXPORT_ORDER.items():
            path = os.path.join(args.export, f"{table}.parquet")
            con.execute(f"COPY (SELECT * FROM {table} ORDER BY {order}) TO '{path}'")
        print(f"exported {', '.join(EXPORT_ORDER)} to {args.export}")


if __name__ == "__main__":
    main()
