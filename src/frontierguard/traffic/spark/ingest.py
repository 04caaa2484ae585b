"""Event Parquet files (paths, directories, globs; local or Hadoop URIs) as Spark's ``events``.

The Spark counterpart of :mod:`frontierguard.traffic.ingest` for data too big to copy into
the store: files are read where they lie and run through the same SQL
(:mod:`frontierguard.traffic.coerce`, transpiled to Spark SQL): the same coercion, the same
checks -- a bad row fails naming its file, row and field, exactly as ingest does -- and the
same dedupe key (``request_id``, else a content hash; the first occurrence in file and row
order is kept). Columns outside the event model are not carried (``extra`` is NULL).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlparse

import pyarrow as pa

from frontierguard.core.errors import InputError
from frontierguard.traffic.coerce import Coercion, dedupe_sql, errors, missing_required
from frontierguard.traffic.schema import BY_NAME

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

    from frontierguard.traffic.spark.engine import SparkEngine

RAW = "_raw_events"


def _uri(path: str | Path) -> str:
    text = str(path)
    return text if "://" in text else str(Path(text).expanduser().absolute())


def _local(uri: str) -> str:
    """A ``file:`` URI as the local path it names; other URIs as they are."""
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else uri


# Spark column types as the Arrow types the coercion SQL is chosen by.
_ARROW = {"string": pa.string(), "long": pa.int64(), "integer": pa.int32(),
          "short": pa.int16(), "byte": pa.int8(), "double": pa.float64(),
          "float": pa.float32(), "boolean": pa.bool_(), "timestamp": pa.timestamp("us", "UTC"),
          "timestamp_ntz": pa.timestamp("us"), "date": pa.date32(), "void": pa.null()}


def _arrow_type(spark_type: Any) -> pa.DataType:
    """Nested and other types map to binary: coerced with a plain TRY_CAST."""
    return _ARROW.get(spark_type.typeName(), pa.binary())


def _raw(engine: SparkEngine, uris: list[str]) -> DataFrame:
    """The known columns of the files, with ``_src`` (the file) and ``_row`` (1-based)."""
    from pyspark.errors import AnalysisException
    from pyspark.sql import functions as F

    try:
        raw = engine.spark.read.parquet(*uris)
    except AnalysisException as exc:
        raise InputError(f"cannot read Parquet: {str(exc).splitlines()[0]}", uris[0]) from None
    missing = missing_required(set(raw.columns))
    if missing:
        raise InputError("missing required column(s): " + ", ".join(missing), uris[0])
    known = [F.col(f"`{c}`") for c in raw.columns if c in BY_NAME]
    return raw.select(*known, F.col("_metadata.file_path").alias("_src"),
                      (F.col("_metadata.row_index") + 1).alias("_row"))


def _check(engine: SparkEngine, coercion: Coercion) -> None:
    """Fail with the first bad row of the first file (by name) that has one."""
    counts = engine.to_arrow(coercion.check_sql()).to_pylist()[0]
    if not counts["bad"]:
        return
    from pyspark.sql import functions as F

    src = engine.to_arrow(coercion.first_bad_source_sql()).to_pylist()[0]["src"]
    engine.register_frame("_raw_bad_file", engine.frame(RAW).filter(F.col("_src") == src))
    first = Coercion("_raw_bad_file", coercion.types).check_sql()
    raise errors(engine.to_arrow(first).to_pylist()[0], _local(src), "row")[0].error()


def load_events(engine: SparkEngine, paths: Sequence[str | Path]) -> int:
    """Read, check and deduplicate the files into the engine's ``events`` table; its rows."""
    from pyspark.errors import AnalysisException

    if not paths:
        raise InputError("no input files given")
    uris = [_uri(p) for p in paths]
    raw = _raw(engine, uris)
    engine.register_frame(RAW, raw)
    coercion = Coercion(RAW, {f.name: _arrow_type(f.dataType) for f in raw.schema.fields})
    try:
        _check(engine, coercion)
        engine.create_table("events", dedupe_sql(f"({coercion.rows_sql()}) AS keyed"))
    except AnalysisException as exc:
        raise InputError(f"unreadable values ({str(exc).splitlines()[0]})", uris[0]) from None
    finally:
        engine.drop_table(RAW)
    return int(engine.frame("events").count())

