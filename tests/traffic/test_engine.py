from __future__ import annotations

import datetime as dt

import duckdb
import pyarrow as pa
import pytest
import sqlglot

from frontierguard.traffic import features
from frontierguard.traffic.engine import DuckDBEngine, Engine

RELEASES = pa.table({"model": ["m2"], "released_at": [dt.datetime(2026, 5, 1, tzinfo=dt.UTC)]})
STATEMENTS = features.statements("events", RELEASES)


def test_duckdb_engine_is_an_engine() -> None:
    eng = DuckDBEngine(duckdb.connect())
    assert isinstance(eng, Engine)
    eng.register_arrow("t", pa.table({"x": [1, 2, 3]}))
    eng.create_table("u", "SELECT x * 2 AS y FROM t")
    assert eng.to_arrow("SELECT sum(y) AS s FROM u").to_pylist() == [{"s": 12}]
    eng.apply_udf("v", "SELECT y FROM u",
                  lambda tab: pa.table({"z": pa.compute.add(tab.column("y"), 1)}))
    assert eng.to_arrow("SELECT max(z) AS m FROM v").to_pylist() == [{"m": 7}]
    eng.drop_table("v")
    with pytest.raises(duckdb.CatalogException):
        eng.execute("SELECT * FROM v")


def test_table_names_are_checked() -> None:
    with pytest.raises(ValueError):
        DuckDBEngine(duckdb.connect()).create_table("x; DROP TABLE y", "SELECT 1")


@pytest.mark.parametrize(("name", "sql"), STATEMENTS, ids=[n for n, _ in STATEMENTS])
def test_spark_sql_avoids_known_mistranslations(name: str, sql: str) -> None:
    # the DuckDB SQL itself steers clear of what a plain sqlglot transpile gets wrong
    spark = sqlglot.transpile(sql, read="duckdb", write="spark")[0]
    # epoch_ms would become TIMESTAMP_MILLIS; back-references differ between RE2 and Java
    assert "TIMESTAMP_MILLIS" not in spark
    assert "\\\\1" not in spark and "$1" not in spark
