"""Ingest API traffic into the DuckDB store: coerce, validate, dedupe, all or nothing.

Raw batches from :mod:`frontierguard.traffic.readers` are coerced to the event
model by the SQL of :mod:`frontierguard.traffic.coerce` (one pass per batch; the Spark
engine runs the same SQL), staged, then inserted once, the first occurrence of each
``event_key`` (``request_id``, or a content hash when absent), with an anti-join on it, so
re-ingesting a file adds nothing. Everything happens in one transaction: a failed
ingest leaves the store as it was.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import duckdb
import pyarrow as pa

from frontierguard.core import settings
from frontierguard.core.errors import ConfigError, InputError
from frontierguard.core.store import transaction
from frontierguard.traffic.coerce import (
    TS_MAX,
    TS_MIN,
    TS_RANGE,
    Coercion,
    RowError,
    coerce,
    dedupe_sql,
    errors,
    missing_required,
    sql_type,
)
from frontierguard.traffic.readers import detect_format, read_raw
from frontierguard.traffic.schema import COLUMNS

__all__ = ["EVENTS_DDL", "TS_MAX", "TS_MIN", "TS_RANGE", "IngestReport", "OnError", "RowError",
           "coerce", "load_events"]

OnError = Literal["fail", "skip"]

SETTINGS = [
    settings.Setting(
        "ingest_memory_limit", str, "256MB",
        "DuckDB memory limit while ingesting; staging spills to disk beyond it.", "traffic",
    ),
]
settings.register(SETTINGS)

EVENTS_DDL = (
    "CREATE TABLE IF NOT EXISTS events ("
    + ", ".join(f"{c.name} {sql_type(c)}" + (" NOT NULL" if c.required else "") for c in COLUMNS)
    + ", extra VARCHAR, event_key VARCHAR NOT NULL)"
)


@dataclass
class IngestReport:
    """What an ingest read, inserted, skipped as duplicates and rejected."""

    files: list[str] = field(default_factory=list)
    rows_read: int = 0
    inserted: int = 0
    duplicates: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "files": self.files, "rows_read": self.rows_read, "inserted": self.inserted,
            "duplicates": self.duplicates, "skipped": self.skipped,
            "errors": [str(e) for e in self.errors],
        }


class _Stager:
    """Coerces raw batches into the ``_stage`` temp table, collecting bad rows."""

    def __init__(self, con: duckdb.DuckDBPyConnection, on_error: OnError, report: IngestReport):
        self.con, self.on_error, self.report = con, on_error, report
        con.execute("CREATE OR REPLACE TEMP TABLE _stage AS SELECT *, CAST(NULL AS INTEGER) "
                    "AS _src, CAST(NULL AS BIGINT) AS _row FROM events LIMIT 0")

    def add(self, src: int, path: Path, batch: pa.Table, row_kind: str) -> None:
        if batch.num_rows == 0:
            return
        names = set(batch.column_names)
        missing = missing_required(names)
        if missing:
            raise InputError("missing required column(s): " + ", ".join(missing), path)
        coercion = Coercion(f"(SELECT *, {src} AS _src FROM _raw_batch) AS raw",
                            {f.name: f.type for f in batch.schema},
                            '"extra"' if "extra" in names else "CAST(NULL AS VARCHAR)")
        self.con.register("_raw_batch", batch)
        try:
            self._check(path, coercion, row_kind)
            self.con.execute(f"INSERT INTO _stage BY NAME {coercion.rows_sql()}")
        except duckdb.Error as exc:  # a value DuckDB cannot convert at all: still a located error
            raise InputError(f"unreadable values ({type(exc).__name__})", path) from None
        finally:
            with contextlib.suppress(duckdb.Error):  # fails too once the transaction aborted
                self.con.unregister("_raw_batch")
        self.report.rows_read += batch.num_rows

    def _check(self, path: Path, coercion: Coercion, row_kind: str) -> None:
        cur = self.con.execute(coercion.check_sql())
        names = [d[0] for d in cur.description or ()]
        counts = dict(zip(names, cur.fetchall()[0], strict=True))
        if not counts["bad"]:
            return
        found = errors(counts, str(path), row_kind)
        if self.on_error == "fail":
            raise found[0].error()
        self.report.skipped += int(counts["bad"])
        self.report.errors.extend(found[: max(0, 20 - len(self.report.errors))])

    def skip_line(self, err: InputError) -> None:
        """A line that could not be read or parsed at all (``--on-error skip``): count it."""
        self.report.rows_read += 1
        self.report.skipped += 1
        if len(self.report.errors) < 20:
            self.report.errors.append(RowError(str(err.file), err.row or 0, err.field or "",
                                               err.message, err.row_kind))


def load_events(
    con: duckdb.DuckDBPyConnection,
    paths: Sequence[str | Path],
    on_error: OnError = "fail",
    progress: Callable[[int], None] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> IngestReport:
    """Load event files into ``events`` of ``con`` in one transaction, deduplicated."""
    if on_error not in ("fail", "skip"):
        raise ConfigError(f"on_error must be 'fail' or 'skip', not {on_error!r}")
    if not paths:
        raise InputError("no input files given")
    report = IngestReport(files=[str(p) for p in paths])
    con.execute(EVENTS_DDL)
    con.execute("SET TimeZone = 'UTC'")  # a timestamp without an offset is UTC
    limit = settings.resolve(SETTINGS, dict(overrides or {}))["ingest_memory_limit"]
    con.execute(f"SET memory_limit = '{limit}'")
    with transaction(con):
        stager = _Stager(con, on_error, report)
        for src, path in enumerate(map(Path, paths)):
            fmt = detect_format(path) if path.exists() else None
            kind = {"parquet": "row", "otlp": "span"}.get(fmt or "", "line")
            skip = stager.skip_line if on_error == "skip" else None
            for batch in read_raw(path, fmt, skip):
                stager.add(src, path, batch, kind)
                if progress:
                    progress(batch.num_rows)
        before = _count(con)
        con.execute(
            f"INSERT INTO events SELECT * FROM ({dedupe_sql('_stage')}) s "
            "WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_key = s.event_key)"
        )
        report.inserted = _count(con) - before
        report.duplicates = report.rows_read - report.skipped - report.inserted
        con.execute("DROP TABLE _stage")
    return report


def _count(con: duckdb.DuckDBPyConnection) -> int:
    return int(con.execute("SELECT count(*) FROM events").fetchall()[0][0])
