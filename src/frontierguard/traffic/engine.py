"""A small SQL engine abstraction so the same signal and feature SQL runs on DuckDB or Spark.

Every statement frontierguard's feature pipeline runs is written once in DuckDB dialect and
restricted to constructs that transpile faithfully to Spark SQL (see
:func:`frontierguard.traffic.spark.transpile.to_spark_sql`). An engine runs those
statements, exchanges small tables with Python as Arrow, and applies Python-only steps
(such as SimHash) to the result of a query with :meth:`Engine.apply_udf` -- always on a
small distinct set, never per request row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

import duckdb
import pyarrow as pa

ArrowFunc = Callable[[pa.Table], pa.Table]


@runtime_checkable
class Engine(Protocol):
    """What the feature pipeline needs from a SQL engine."""

    name: str
    dialect: str

    def execute(self, sql: str) -> None:
        """Run one statement (DuckDB dialect) for its effect."""
        ...

    def create_table(self, name: str, sql: str) -> None:
        """Create or replace table ``name`` holding the result of the query ``sql``."""
        ...

    def drop_table(self, name: str) -> None:
        """Drop table ``name`` if it exists."""
        ...

    def to_arrow(self, sql: str) -> pa.Table:
        """The result of a query as an Arrow table."""
        ...

    def register_arrow(self, name: str, table: pa.Table) -> None:
        """Make an Arrow table queryable as table ``name``."""
        ...

    def apply_udf(self, name: str, sql: str, func: ArrowFunc) -> None:
        """Create table ``name`` = ``func(result of sql)``; ``func`` maps Arrow to Arrow."""
        ...


def _ident(name: str) -> str:
    if not name.replace("_", "").isalnum():
        raise ValueError(f"invalid table name {name!r}")
    return name


class DuckDBEngine:
    """The embedded engine: a DuckDB connection (in memory or the store file).

    Sets the connection's time zone to UTC: hour-of-day and day features are UTC.
    """

    name = "duckdb"
    dialect = "duckdb"

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        con.execute("SET TimeZone = 'UTC'")

    def execute(self, sql: str) -> None:
        self.con.execute(sql)

    def create_table(self, name: str, sql: str) -> None:
        self.con.execute(f"CREATE OR REPLACE TABLE {_ident(name)} AS {sql}")

    def drop_table(self, name: str) -> None:
        self.con.execute(f"DROP TABLE IF EXISTS {_ident(name)}")

    def to_arrow(self, sql: str) -> pa.Table:
        return self.con.sql(sql).to_arrow_table()

    def register_arrow(self, name: str, table: pa.Table) -> None:
        view = f"_arrow_{_ident(name)}"
        self.con.register(view, table)
        try:
            self.con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM {view}")
        finally:
            self.con.unregister(view)

    def apply_udf(self, name: str, sql: str, func: ArrowFunc) -> None:
        self.register_arrow(name, func(self.to_arrow(sql)))
