"""Event Parquet files (paths, directories, globs; local or Hadoop URIs) as Spark's ``events``.

The Spark counterpart of :mod:`frontierguard.traffic.ingest` for data too big to copy into
the store: files are read where they lie, columns coerced to the event model
(:data:`frontierguard.traffic.schema.COLUMNS`), rows checked with one aggregate pass (a
null required field or an unknown ``asn_type`` fails naming the file and field), and
duplicates removed on the same key as ingest (``request_id``, else a content hash).
Columns outside the event model are not carried.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from frontierguard.core.errors import InputError
from frontierguard.traffic.ingest import TS_MAX, TS_MIN, TS_RANGE
from frontierguard.traffic.schema import ASN_TYPES, COLUMNS, Column

if TYPE_CHECKING:
    from pyspark.sql import Column as SparkColumn
    from pyspark.sql import DataFrame

    from frontierguard.traffic.spark_engine import SparkEngine

_SPARK_TYPES = {pa.string(): "string", pa.int64(): "bigint", pa.int32(): "int",
                pa.float32(): "float", pa.bool_(): "boolean"}
_KEY_PARTS = ("account_id", "model", "prompt", "ip", "api_key_id", "output_tokens")


def _uri(path: str | Path) -> str:
    text = str(path)
    return text if "://" in text else str(Path(text).expanduser().absolute())


def _coerce(df: DataFrame, col: Column) -> SparkColumn:
    from pyspark.sql import functions as F

    if col.name not in df.columns:
        target = "timestamp" if pa.types.is_timestamp(col.type) else _SPARK_TYPES[col.type]
        return F.lit(None).cast(target).alias(col.name)
    c = F.col(col.name)
    if not pa.types.is_timestamp(col.type):
        return c.cast(_SPARK_TYPES[col.type]).alias(col.name)
    kind = df.schema[col.name].dataType.typeName()
    if kind in ("long", "integer", "short", "byte"):
        return F.timestamp_millis(c).alias(col.name)
    if kind == "string":
        return F.to_timestamp(c).alias(col.name)
    return c.cast("timestamp").alias(col.name)


def _check(df: DataFrame, source: str) -> None:
    """One aggregate pass: required fields present and valid, asn_type in the vocabulary,
    timestamps in the range ingest accepts."""
    from pyspark.sql import functions as F

    problems: dict[str, tuple[SparkColumn, str]] = {
        c.name: (F.col(c.name).isNull(), "required field is empty or unparsable")
        for c in COLUMNS if c.required}
    problems["asn_type"] = (F.col("asn_type").isNotNull() & ~F.col("asn_type").isin(*ASN_TYPES),
                            f"expected one of {', '.join(ASN_TYPES)}")
    lo, hi = F.lit(TS_MIN).cast("timestamp"), F.lit(TS_MAX).cast("timestamp")
    for name in ("ts", "account_created"):
        problems[f"{name} range"] = (F.col(name).isNotNull() & ((F.col(name) < lo)
                                                                 | (F.col(name) > hi)),
                                     f"out-of-range timestamp (expected {TS_RANGE})")
    counts = df.select(*[F.count_if(bad).alias(name) for name, (bad, _) in problems.items()]
                       ).first()
    assert counts is not None
    for name, (bad, message) in problems.items():
        if counts[name]:
            first = df.where(bad).select(F.input_file_name().alias("f")).first()
            where = first["f"] if first is not None and first["f"] else source
            raise InputError(f"{message} ({counts[name]} rows)", where, None,
                             name.removesuffix(" range"))


def read_events(engine: SparkEngine, paths: Sequence[str | Path]) -> DataFrame:
    """The event files as a DataFrame with exactly the event model's columns and types."""
    from pyspark.errors import AnalysisException
    from pyspark.sql import functions as F

    if not paths:
        raise InputError("no input files given")
    uris = [_uri(p) for p in paths]
    try:
        raw = engine.spark.read.parquet(*uris)
    except AnalysisException as exc:
        raise InputError(f"cannot read Parquet: {str(exc).splitlines()[0]}", uris[0]) from None
    missing = [c.name for c in COLUMNS if c.required and c.name not in raw.columns]
    if missing:
        raise InputError("missing required column(s): " + ", ".join(missing), uris[0])
    df = raw.select(*[_coerce(raw, c) for c in COLUMNS])
    _check(df, ", ".join(uris))
    content = F.md5(F.concat_ws("|", *[F.coalesce(F.col(c).cast("string"), F.lit(""))
                                       for c in _KEY_PARTS], F.col("ts").cast("string")))
    keyed = df.withColumn("_key", F.coalesce(F.col("request_id"), content))
    return keyed.dropDuplicates(["_key"]).drop("_key")


def load_events(engine: SparkEngine, paths: Sequence[str | Path]) -> int:
    """Read, check and deduplicate the files into the engine's ``events`` table; its rows."""
    engine.materialise("events", read_events(engine, paths))
    return int(engine.frame("events").count())
