"""``detect`` with the request signals and account features computed on Spark.

The heavy, per-request part of detection (signals, SimHash, account and account-day
features) runs on Spark with the same SQL as the DuckDB engine. What follows it runs on one
machine, exactly as with ``--engine duckdb``: the account features and the request columns
the linkage and campaign steps read are landed in an in-memory DuckDB, then
:mod:`frontierguard.traffic.linkage` (account graph, Leiden), scoring and the outputs of
:mod:`frontierguard.traffic.detect` produce the same ``accounts.csv``, ``campaigns.json``
and ``report.html``.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

from frontierguard.core import store
from frontierguard.traffic import campaigns as campaigns_mod
from frontierguard.traffic import features, linkage
from frontierguard.traffic.detect import DetectionResult, write_outputs
from frontierguard.traffic.policy import effective_policy
from frontierguard.traffic.scoring import scorers
from frontierguard.traffic.spark.ingest import load_events
from frontierguard.traffic.spark_engine import SparkEngine, session
from frontierguard.traffic.tables import read_releases

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

# Columns of req_signals read after the feature step (linkage indicators, campaign evidence).
LANDED_SIGNALS = (
    "account_id", "ts", "model", "ip", "ip24", "asn", "asn_type", "user_agent",
    "tls_fingerprint", "payment_fingerprint", "org_id", "account_created", "signup_channel", "prompt",
    "capability", "template_id", "template_simhash",
)


def land(engine: SparkEngine, con: duckdb.DuckDBPyConnection) -> None:
    """Copy ``account_features`` and the needed ``req_signals`` columns into DuckDB."""
    cols = ", ".join(LANDED_SIGNALS)
    for name, sql in (("account_features", "SELECT * FROM account_features"),
                      ("req_signals", f"SELECT {cols} FROM req_signals")):
        con.register("_landed", engine.to_arrow(sql))
        try:
            con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM _landed")
        finally:
            con.unregister("_landed")


def run_detection_spark(
    events_paths: Sequence[str | Path],
    releases: str | Path | pa.Table | None = None,
    out_dir: str | Path = "detections",
    overrides: dict[str, Any] | None = None,
    master: str | None = None,
    spark: SparkSession | None = None,
    work_dir: str | None = None,
) -> DetectionResult:
    """Detect distillation campaigns in Parquet event files with Spark doing the features."""
    start = time.perf_counter()
    release_table = releases if releases is None or isinstance(releases, pa.Table) \
        else read_releases(releases)
    engine = SparkEngine(spark or session(master, overrides), work_dir)
    try:
        n_events = load_events(engine, events_paths)
        features.build(engine, events="events", releases=release_table)
        result = detect_from_features(engine, out_dir, release_table, overrides)
    finally:
        engine.close()
    return replace(result, events=n_events, seconds=time.perf_counter() - start)


def detect_from_features(engine: SparkEngine, out_dir: str | Path,
                         releases: pa.Table | None = None,
                         overrides: dict[str, Any] | None = None) -> DetectionResult:
    """The single-machine steps after :func:`features.build` ran on ``engine``: linkage,
    communities, scoring and the output files."""
    start = time.perf_counter()
    policy, values = effective_policy(overrides)
    con = store.connect(":memory:")
    try:
        con.execute("SET TimeZone = 'UTC'")
        con.execute(f"SET memory_limit = '{values['detect_memory_limit']}'")
        land(engine, con)
        links = linkage.build_graph(con, policy)
        linkage.communities(con, policy)
        result = campaigns_mod.assess(con, policy, scorers(policy))
        out = Path(out_dir)
        write_outputs(con, out, result, policy.name, releases)
        n_events = int(con.execute("SELECT count(*) FROM req_signals").fetchall()[0][0])
    finally:
        con.close()
    flagged = sum(1 for a in result.accounts if a["flagged"])
    return DetectionResult(out, policy.name, n_events, len(result.accounts), flagged,
                           len(result.campaigns), links, time.perf_counter() - start)
