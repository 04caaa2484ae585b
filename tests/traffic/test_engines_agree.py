"""Both engines on the same simulated traffic: identical feature tables and flags."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pytest

from frontierguard.traffic import features
from frontierguard.traffic.detect import run_detection
from frontierguard.traffic.engine import DuckDBEngine
from frontierguard.traffic.ingest import load_events as duck_load
from frontierguard.traffic.simulate import simulate
from frontierguard.traffic.spark_engine import spark_available
from frontierguard.traffic.tables import read_releases

NO_SPARK = spark_available()
pytestmark = [pytest.mark.spark, pytest.mark.xdist_group("spark"),
              pytest.mark.skipif(NO_SPARK is not None, reason=f"Spark tests skipped: {NO_SPARK}")]

KEYS = {"req_signals": "account_id, ts, model, prompt, ip",
        "account_features": "account_id", "account_day_features": "account_id, day"}


@pytest.fixture(scope="module")
def sim(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sim")
    simulate(out, accounts=80, days=2, seed=11)
    return out


@pytest.fixture(scope="module")
def duck(sim: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    duck_load(con, [sim / "events.parquet"])
    features.build(DuckDBEngine(con), releases=read_releases(sim / "releases.csv"))
    yield con
    con.close()


@pytest.fixture(scope="module")
def spark_engine(sim: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    from frontierguard.traffic.spark.ingest import load_events
    from frontierguard.traffic.spark_engine import SparkEngine, session

    engine = SparkEngine(session("local[2]", {"spark_shuffle_partitions": 2}),
                         str(tmp_path_factory.mktemp("spark-work")))
    load_events(engine, [sim / "events.parquet"])
    features.build(engine, releases=read_releases(sim / "releases.csv"))
    return engine


def _close(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a))
    return bool(a == b)


@pytest.mark.parametrize("table", list(KEYS))
def test_feature_tables_identical(duck: duckdb.DuckDBPyConnection, spark_engine: Any,
                                  table: str) -> None:
    query = f"SELECT * FROM {table} ORDER BY {KEYS[table]}"
    d: pa.Table = duck.sql(query).to_arrow_table()
    s: pa.Table = spark_engine.to_arrow(query)
    assert d.num_rows > 0 and d.num_rows == s.num_rows
    assert d.column_names == s.column_names
    for name in d.column_names:
        diffs = [(i, x, y) for i, (x, y) in enumerate(zip(
            d.column(name).to_pylist(), s.column(name).to_pylist(), strict=True))
            if not _close(x, y)]
        assert not diffs, f"{table}.{name}: {len(diffs)} rows differ, e.g. {diffs[:2]}"


def _accounts(path: Path) -> dict[str, dict[str, str]]:
    with (path / "accounts.csv").open(encoding="utf-8") as fh:
        return {r["account_id"]: r for r in csv.DictReader(fh)}


def test_detect_flags_identical(sim: Path, spark_engine: Any, tmp_path: Path) -> None:
    from frontierguard.traffic.spark.detect import detect_from_features

    releases = read_releases(sim / "releases.csv")
    run_detection([sim / "events.parquet"], releases=releases, out_dir=tmp_path / "duck")
    detect_from_features(spark_engine, tmp_path / "spark", releases)
    d, s = _accounts(tmp_path / "duck"), _accounts(tmp_path / "spark")
    assert d.keys() == s.keys() and len(d) > 0
    assert {a for a, r in d.items() if r["flagged"] == "true"} == \
        {a for a, r in s.items() if r["flagged"] == "true"}
    assert all(abs(float(d[a]["score"]) - float(s[a]["score"])) <= 1e-6 for a in d)
    assert {a: r["cluster_id"] for a, r in d.items()} == {a: r["cluster_id"] for a, r in s.items()}
