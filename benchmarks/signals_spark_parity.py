"""Same features on DuckDB and Spark: runs ``features.build`` on both engines and compares.

Builds synthetic events (default 3,000 requests, the generator of ``signals_features.py``),
runs the feature pipeline with the DuckDB engine and with the Spark engine (local mode),
and prints, per output table, the row counts and every column whose values differ.
Needs pyspark and a Java runtime. Usage::

    .venv/bin/python benchmarks/signals_spark_parity.py [--rows N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
from typing import Any

import duckdb
import pyarrow as pa

from frontierguard.traffic import features
from frontierguard.traffic.engine import DuckDBEngine
from signals_features import synthetic_events

TABLES = (("req_signals", "account_id, ts, prompt"), ("templates", "template_id"),
          ("account_features", "account_id"), ("account_day_features", "account_id, day"))


def _same(a: Any, b: Any) -> bool:
    if a == b:
        return True
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    if isinstance(a, dt.datetime) and isinstance(b, dt.datetime):
        return a.timestamp() == b.timestamp()
    if isinstance(a, dt.date) and isinstance(b, dt.date):
        return a.isoformat()[:10] == b.isoformat()[:10]
    return False


def main() -> None:
    from frontierguard.traffic.spark.engine import SparkEngine, session, spark_available

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=3000)
    args = ap.parse_args()
    if (why := spark_available()) is not None:
        raise SystemExit(f"Spark unavailable: {why}")
    events = synthetic_events(args.rows, accounts=200)
    releases = pa.table({"model": ["model-b"],
                         "released_at": [dt.datetime(2026, 3, 5, tzinfo=dt.UTC)]})
    con = duckdb.connect()
    con.register("_ev", events)
    con.execute("CREATE TABLE events AS SELECT * FROM _ev")
    features.build(DuckDBEngine(con), releases=releases)
    spark = SparkEngine(session("local[2]"))
    try:
        spark.register_arrow("events", events)
        features.build(spark, releases=releases)
        differing = 0
        for table, key in TABLES:
            a = con.sql(f"SELECT * FROM {table} ORDER BY {key}").to_arrow_table()
            b = spark.to_arrow(f"SELECT * FROM {table} ORDER BY {key}")
            bad = [c for c in a.column_names if c not in b.column_names or not all(
                _same(x, y) for x, y in zip(a[c].to_pylist(), b[c].to_pylist(), strict=True))]
            differing += len(bad)
            print(f"{table:22s} rows duckdb {a.num_rows:6d} spark {b.num_rows:6d}  "
                  f"columns differing: {', '.join(bad) or 'none'}")
        print(f"{differing} differing columns in {len(TABLES)} tables")
    finally:
        spark.close()


if __name__ == "__main__":
    main()
