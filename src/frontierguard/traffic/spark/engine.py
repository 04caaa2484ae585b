"""The Spark engine: the same ingest, signal and feature SQL as the DuckDB engine, on Spark.

Statements arrive in DuckDB dialect and are transpiled to Spark SQL by
:func:`frontierguard.traffic.spark.transpile.to_spark_sql` (sqlglot plus tested fix-ups).
Tables are Spark temporary views over Parquet files written under a work directory (a local
temporary directory by default, any Hadoop-compatible URI on a cluster), so every stage
is materialised once and its lineage cut. Arrow goes in through ``createDataFrame`` and
comes out through ``DataFrame.toArrow``; Python-only steps run as Arrow batch UDFs
(``mapInArrow``) on the executors, so ``func`` must map rows independently of batching.
Event files are read where they lie (:mod:`frontierguard.traffic.spark.ingest`); the
aggregated tables the single-machine steps read are landed in an in-memory DuckDB.

``pyspark`` is an optional extra (``pip install frontierguard[spark]``) and needs a Java
runtime; importing this module never starts Java, :func:`session` does.
"""

from __future__ import annotations

import itertools
import os
import shutil
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
from sqlglot import exp

from frontierguard.core import settings, store
from frontierguard.core.errors import ConfigError
from frontierguard.core.settings import Setting
from frontierguard.traffic.engine import ArrowFunc
from frontierguard.traffic.spark import ingest
from frontierguard.traffic.spark.transpile import parse, to_spark_sql

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

SETTINGS = [
    settings.Setting("spark_master", str, "local[*]",
                     "Spark master URL for --engine spark (local[*], spark://host:7077, yarn, "
                     "k8s://...).", "traffic"),
    settings.Setting("spark_driver_memory", str, "2g",
                     "Spark driver memory (local mode: all of Spark's memory).", "traffic"),
    settings.Setting("spark_shuffle_partitions", int, 0,
                     "Spark shuffle partitions; 0 = twice the cores of a local master, "
                     "else 200.", "traffic"),
    settings.Setting("spark_work_dir", str, "",
                     "Where the Spark engine writes its stage tables: a directory every "
                     "executor can reach (hdfs://..., s3a://bucket/tmp, a shared mount); each "
                     "run uses its own subdirectory and removes it afterwards. Empty = a "
                     "local temporary directory (local master, or workers on this host).",
                     "traffic"),
]
settings.register(SETTINGS)


def spark_available() -> str | None:
    """None when Spark can run here, else the reason it cannot."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install frontierguard[spark])"
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "no Java runtime: put java on PATH or set JAVA_HOME"
    return None


def _partitions(master: str, configured: int) -> int:
    """Shuffle partitions: as configured, else twice the cores of a local master, else 200."""
    if configured > 0:
        return configured
    if not master.startswith("local"):
        return 200
    cores = master[len("local["):-1].split(",")[0] if "[" in master else "1"
    n = (os.cpu_count() or 2) if cores == "*" else int(cores)
    return max(2, 2 * n)


def session(master: str | None = None, overrides: dict[str, Any] | None = None,
            conf: dict[str, str] | None = None) -> SparkSession:
    """A SparkSession for frontierguard: UI off, UTC, non-ANSI (DuckDB-like) arithmetic."""
    reason = spark_available()
    if reason:
        raise ConfigError(f"cannot use the Spark engine: {reason}")
    from pyspark.sql import SparkSession

    values = settings.resolve(SETTINGS, overrides)
    master = master or str(values["spark_master"])
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (SparkSession.builder.master(master).appName("frontierguard")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.sql.ansi.enabled", "false")
               .config("spark.sql.execution.arrow.pyspark.enabled", "true")
               .config("spark.driver.memory", str(values["spark_driver_memory"]))
               .config("spark.sql.shuffle.partitions",
                       str(_partitions(master, int(values["spark_shuffle_partitions"])))))
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _ident(name: str) -> str:
    if not name.replace("_", "").isalnum():
        raise ConfigError(f"invalid table name {name!r}")
    return name


class SparkEngine:
    """The distributed engine: DuckDB-dialect statements run as Spark SQL."""

    name = "spark"
    dialect = "spark"
    settings: Sequence[Setting] = SETTINGS
    reads_store = False

    def __init__(self, spark: SparkSession, work_dir: str | None = None,
                 owns_dir: bool = False) -> None:
        """Stage tables go under ``work_dir`` (kept unless ``owns_dir``), else under a new
        local temporary directory removed on :meth:`close`."""
        self.spark = spark
        self._own_dir = owns_dir or work_dir is None
        self.work_dir = work_dir or tempfile.mkdtemp(prefix="frontierguard-spark-")
        self._versions = itertools.count()
        self.local = store.connect(":memory:")
        self.local.execute("SET TimeZone = 'UTC'")

    def load_events(self, paths: Sequence[str | Path],
                    overrides: Mapping[str, Any] | None = None,
                    progress: Callable[[int], None] | None = None) -> None:
        ingest.load_events(self, paths)

    def has_table(self, name: str) -> bool:
        return bool(self.spark.catalog.tableExists(_ident(name)))

    def land(self, tables: Mapping[str, str]) -> None:
        for name, sql in tables.items():
            self.local.register("_landed", self.to_arrow(sql))
            try:
                self.local.execute(f"CREATE OR REPLACE TABLE {_ident(name)} AS "
                                   "SELECT * FROM _landed")
            finally:
                self.local.unregister("_landed")

    # -- the Engine protocol -------------------------------------------------------------
    def execute(self, sql: str) -> None:
        tree = parse(sql)
        if isinstance(tree, exp.Create) and isinstance(tree.expression, exp.Query):
            self.create_table(tree.this.name, tree.expression.sql(dialect="duckdb"))
        elif isinstance(tree, exp.Drop):
            for table in tree.find_all(exp.Table):
                self.drop_table(table.name)
        else:
            self.spark.sql(to_spark_sql(sql)).collect()

    def create_table(self, name: str, sql: str) -> None:
        self.materialise(name, self.spark.sql(to_spark_sql(sql)))

    def drop_table(self, name: str) -> None:
        self.spark.catalog.dropTempView(_ident(name))

    def to_arrow(self, sql: str) -> pa.Table:
        return self.spark.sql(to_spark_sql(sql)).toArrow()

    def register_arrow(self, name: str, table: pa.Table) -> None:
        self.materialise(name, self.spark.createDataFrame(table))

    def apply_udf(self, name: str, sql: str, func: ArrowFunc) -> None:
        df = self.spark.sql(to_spark_sql(sql))
        self.materialise(name, map_arrow(df, func))

    # -- Spark specifics ------------------------------------------------------------------
    def frame(self, name: str) -> DataFrame:
        """The Spark DataFrame behind table ``name``."""
        return self.spark.table(_ident(name))

    def register_frame(self, name: str, df: DataFrame) -> None:
        """Make a DataFrame queryable as ``name`` without materialising it."""
        df.createOrReplaceTempView(_ident(name))

    def materialise(self, name: str, df: DataFrame) -> None:
        """Write ``df`` once under the work directory and expose it as table ``name``."""
        path = f"{self.work_dir.rstrip('/')}/{_ident(name)}-{next(self._versions)}"
        df.write.mode("overwrite").parquet(path)
        self.spark.read.parquet(path).createOrReplaceTempView(name)

    def close(self) -> None:
        """Close the local DuckDB and drop the work directory this engine created (the
        session stays up)."""
        self.local.close()
        if self._own_dir:
            remove_dir(self.spark, self.work_dir)


def run_dir(overrides: Mapping[str, Any] | None) -> str | None:
    """This run's own subdirectory of ``spark_work_dir`` (None when the setting is empty)."""
    base = str(settings.resolve(SETTINGS, dict(overrides or {}))["spark_work_dir"]).strip()
    if not base:
        return None
    return f"{base.rstrip('/')}/frontierguard-{uuid.uuid4().hex}"


def remove_dir(spark: SparkSession, path: str) -> None:
    """Delete ``path`` and everything under it, on whichever file system its URI names."""
    if "://" not in path:
        shutil.rmtree(path, ignore_errors=True)
        return
    jvm = spark.sparkContext._jvm
    assert jvm is not None
    target = jvm.org.apache.hadoop.fs.Path(path)
    target.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).delete(target, True)


def map_arrow(df: DataFrame, func: ArrowFunc) -> DataFrame:
    """``func`` over each Arrow batch of ``df`` on the executors (a vectorised UDF).

    The output schema is ``func`` applied to an empty table of the input's schema.
    """
    from pyspark.sql.pandas.types import from_arrow_schema, to_arrow_schema

    in_schema = to_arrow_schema(df.schema)
    out_schema = func(in_schema.empty_table()).schema

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            out = func(pa.Table.from_batches([batch], schema=batch.schema))
            yield from out.cast(out_schema).to_batches()

    return df.mapInArrow(run, from_arrow_schema(out_schema))
