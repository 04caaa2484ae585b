"""A small SQL engine abstraction so one detection pipeline runs on DuckDB or Spark.

Every statement frontierguard's detection runs on an engine is written once in DuckDB
dialect and restricted to constructs that transpile faithfully to Spark SQL (see
:func:`frontierguard.traffic.spark.transpile.to_spark_sql`): the ingest coercion, checks and
dedupe key (:mod:`frontierguard.traffic.coerce`) and the signal and feature SQL. An engine
loads and validates event files (:meth:`Engine.load_events`), runs those statements,
exchanges small tables with Python as Arrow, applies Python-only steps (such as SimHash) to
the result of a query with :meth:`Engine.apply_udf` -- always on a small distinct set, never
per request row -- and lands the aggregated tables in a local DuckDB connection
(:meth:`Engine.land`) where linkage, scoring and the outputs run.

Engines: :class:`DuckDBEngine` here, ``SparkEngine`` in
:mod:`frontierguard.traffic.spark.engine`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import duckdb
import pyarrow as pa

from frontierguard.core.settings import Setting
from frontierguard.core.store import table_exists
from frontierguard.traffic import ingest

ArrowFunc = Callable[[pa.Table], pa.Table]


@runtime_checkable
class Engine(Protocol):
    """What the feature pipeline needs from a SQL engine."""

    name: str
    dialect: str
    settings: Sequence[Setting]  # the engine's own tunables, accepted by detect --set
    reads_store: bool  # can detect without event files (from events already in the engine)
    local: duckdb.DuckDBPyConnection  # where the single-machine steps after the features run

    def load_events(self, paths: Sequence[str | Path],
                    overrides: Mapping[str, Any] | None = None,
                    progress: Callable[[int], None] | None = None) -> None:
        """Read, coerce, check and deduplicate event files into table ``events``;
        ``progress`` hears the rows read, where the engine counts them."""
        ...

    def has_table(self, name: str) -> bool:
        """Whether table ``name`` exists."""
        ...

    def land(self, tables: Mapping[str, str]) -> None:
        """Make each ``name: query`` of ``tables`` a table of :attr:`local`."""
        ...

    def close(self) -> None:
        """Release what the engine opened."""
        ...

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
    settings: Sequence[Setting] = ingest.SETTINGS
    reads_store = True

    def __init__(self, con: duckdb.DuckDBPyConnection, owns: bool = False) -> None:
        self.con = self.local = con
        self._owns = owns
        con.execute("SET TimeZone = 'UTC'")

    def load_events(self, paths: Sequence[str | Path],
                    overrides: Mapping[str, Any] | None = None,
                    progress: Callable[[int], None] | None = None) -> None:
        ingest.load_events(self.con, paths, "fail", progress, overrides)

    def has_table(self, name: str) -> bool:
        return table_exists(self.con, _ident(name))

    def land(self, tables: Mapping[str, str]) -> None:
        """Nothing to do: the tables are already in :attr:`local`."""

    def close(self) -> None:
        if self._owns:
            self.con.close()

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
