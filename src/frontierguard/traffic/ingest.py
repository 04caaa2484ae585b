"""Ingest API traffic into the DuckDB store: coerce, validate, dedupe, all or nothing.

Raw batches from :mod:`frontierguard.traffic.readers` are coerced to the event
model by SQL in the engine (one pass per batch), staged, then inserted once with
an anti-join on ``event_key`` (``request_id``, or a content hash when absent), so
re-ingesting a file adds nothing. Everything happens in one transaction: a failed
ingest leaves the store as it was.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import duckdb
import pyarrow as pa

from frontierguard.core import settings
from frontierguard.core.errors import ConfigError, InputError
from frontierguard.core.store import transaction
from frontierguard.traffic.readers import detect_format, read_raw
from frontierguard.traffic.schema import ASN_TYPES, COLUMNS, Column

OnError = Literal["fail", "skip"]

SETTINGS = [
    settings.Setting(
        "ingest_memory_limit", str, "256MB",
        "DuckDB memory limit while ingesting; staging spills to disk beyond it.", "traffic",
    ),
]
settings.register(SETTINGS)

# Timestamps outside this range are input errors: a year-29720-BC ``ts`` would overflow
# every later detection run over the store.
TS_MIN, TS_MAX = "1970-01-01", "2100-01-01"
TS_RANGE = f"between {TS_MIN} and {TS_MAX}"
_MS_BOUND = 10**15

_DUCK_TYPES = {
    pa.string(): "VARCHAR", pa.int64(): "BIGINT", pa.int32(): "INTEGER",
    pa.float32(): "FLOAT", pa.bool_(): "BOOLEAN",
}

EVENTS_DDL = (
    "CREATE TABLE IF NOT EXISTS events ("
    + ", ".join(
        f"{c.name} {'TIMESTAMPTZ' if pa.types.is_timestamp(c.type) else _DUCK_TYPES[c.type]}"
        + (" NOT NULL" if c.required else "")
        for c in COLUMNS
    )
    + ", extra VARCHAR, event_key VARCHAR NOT NULL)"
)


@dataclass
class RowError:
    """One rejected row: where and why."""

    file: str
    row: int
    field: str
    message: str
    row_kind: str = "row"

    def __str__(self) -> str:
        return str(InputError(self.message, self.file, self.row, self.field, self.row_kind))


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


def _coerce(col: Column, raw_type: pa.DataType | None) -> tuple[str, str]:
    """SQL for the coerced value of ``col`` and for 'this row's value is bad'."""
    x = f'"{col.name}"'
    if raw_type is None:
        kind = "TIMESTAMPTZ" if pa.types.is_timestamp(col.type) else _DUCK_TYPES[col.type]
        value = f"CAST(NULL AS {kind})"
    elif pa.types.is_timestamp(col.type):
        if pa.types.is_integer(raw_type) or pa.types.is_floating(raw_type):
            ms = f"TRY_CAST({x} AS BIGINT)"  # bounded first: epoch_ms overflows far out
            value = (f"CASE WHEN {ms} BETWEEN -{_MS_BOUND} AND {_MS_BOUND} "
                     f"THEN CAST(epoch_ms({ms}) AS TIMESTAMPTZ) END")
        elif pa.types.is_string(raw_type) or pa.types.is_large_string(raw_type):
            value = (f"CASE WHEN regexp_full_match(trim({x}), '-?[0-9]{{1,15}}') "
                     f"THEN CAST(epoch_ms(CAST(trim({x}) AS BIGINT)) AS TIMESTAMPTZ) "
                     f"ELSE TRY_CAST(trim({x}) AS TIMESTAMPTZ) END")
        else:
            value = f"TRY_CAST({x} AS TIMESTAMPTZ)"
    elif col.type == pa.string():
        value = f"NULLIF(trim(CAST({x} AS VARCHAR)), '')"
        if col.name == "asn_type":
            value = f"lower({value})"
        elif col.name == "country":
            value = f"upper({value})"
    else:
        value = f"TRY_CAST({x} AS {_DUCK_TYPES[col.type]})"
    # a string value is NULL exactly when the raw value is NULL or blank: never bad
    plain = raw_type is None or col.type == pa.string()
    bad = "FALSE" if plain else f"({x} IS NOT NULL AND {value} IS NULL)"
    if pa.types.is_timestamp(col.type) and raw_type is not None:
        bad = (f"({bad} OR {value} < TIMESTAMPTZ '{TS_MIN}' "
               f"OR {value} >= TIMESTAMPTZ '{TS_MAX}')")
    if col.name == "asn_type" and raw_type is not None:
        allowed = ", ".join(f"'{t}'" for t in ASN_TYPES)
        bad = f"({bad} OR {value} NOT IN ({allowed}))"
    if col.name == "country" and raw_type is not None:
        bad = f"({bad} OR NOT regexp_full_match({value}, '[A-Z]{{2}}'))"
    if col.required:
        bad = f"({bad} OR {value} IS NULL)"
    return value, f"coalesce({bad}, FALSE)"


def _problem(col: Column) -> str:
    if col.required and pa.types.is_timestamp(col.type):
        return ("missing, unparsable or out-of-range timestamp (expected RFC 3339 or epoch "
                f"milliseconds, {TS_RANGE})")
    if col.required:
        return "missing or empty required value"
    if col.name == "asn_type":
        return f"expected one of {', '.join(ASN_TYPES)}"
    if col.name == "country":
        return "expected an ISO 3166 alpha-2 code"
    if pa.types.is_timestamp(col.type):
        return f"unparsable or out-of-range timestamp (expected RFC 3339 or epoch milliseconds, {TS_RANGE})"
    return f"expected {col.type}"


_KEY = (
    "coalesce(request_id, md5(concat_ws('|', account_id, CAST(epoch_ms(ts) AS VARCHAR), model, "
    "coalesce(prompt, ''), coalesce(ip, ''), coalesce(api_key_id, ''), "
    "coalesce(CAST(output_tokens AS VARCHAR), ''), coalesce(extra, ''))))"
)


class _Stager:
    """Coerces raw batches into the ``_stage`` temp table, collecting bad rows."""

    def __init__(self, con: duckdb.DuckDBPyConnection, on_error: OnError, report: IngestReport):
        self.con, self.on_error, self.report = con, on_error, report
        con.execute("CREATE OR REPLACE TEMP TABLE _stage AS SELECT * FROM events LIMIT 0")

    def add(self, path: Path, batch: pa.Table, row_kind: str) -> None:
        if batch.num_rows == 0:
            return
        names = set(batch.column_names)
        missing = [c.name for c in COLUMNS if c.required and c.name not in names]
        if missing:
            raise InputError("missing required column(s): " + ", ".join(missing), path)
        types = {f.name: f.type for f in batch.schema}
        exprs = {c.name: _coerce(c, types.get(c.name)) for c in COLUMNS}
        self.con.register("_raw_batch", batch)
        try:
            self._coerce_batch(path, exprs, row_kind, names)
        except duckdb.Error as exc:  # a value DuckDB cannot convert at all: still a located error
            raise InputError(f"unreadable values ({type(exc).__name__})", path) from None
        finally:
            with contextlib.suppress(duckdb.Error):  # fails too once the transaction aborted
                self.con.unregister("_raw_batch")
        self.report.rows_read += batch.num_rows

    def _coerce_batch(self, path: Path, exprs: dict[str, tuple[str, str]], row_kind: str,
                      names: set[str]) -> None:
        self._check(path, exprs, row_kind)
        extra = '"extra"' if "extra" in names else "CAST(NULL AS VARCHAR)"
        select = ", ".join(f"{v} AS {k}" for k, (v, _) in exprs.items())
        any_bad = " OR ".join(b for _, b in exprs.values())
        self.con.execute(
            f"INSERT INTO _stage SELECT *, {_KEY} FROM (SELECT {select}, {extra} AS extra "
            f"FROM _raw_batch WHERE NOT ({any_bad}))"
        )

    def _check(self, path: Path, exprs: dict[str, tuple[str, str]], row_kind: str) -> None:
        firsts = ", ".join(f"min(_row) FILTER (WHERE {b})" for _, b in exprs.values())
        any_bad = " OR ".join(b for _, b in exprs.values())
        row = self.con.execute(
            f"SELECT count(*), {firsts} FROM _raw_batch WHERE {any_bad}"
        ).fetchall()[0]
        if not row[0]:
            return
        found = [
            RowError(str(path), int(first), col.name, _problem(col), row_kind)
            for col, first in zip(COLUMNS, row[1:], strict=True) if first is not None
        ]
        found.sort(key=lambda e: e.row)
        if self.on_error == "fail":
            e = found[0]
            raise InputError(e.message, e.file, e.row, e.field, e.row_kind)
        self.report.skipped += int(row[0])
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
) -> IngestReport:
    """Load event files into ``events`` of ``con`` in one transaction, deduplicated."""
    if on_error not in ("fail", "skip"):
        raise ConfigError(f"on_error must be 'fail' or 'skip', not {on_error!r}")
    if not paths:
        raise InputError("no input files given")
    report = IngestReport(files=[str(p) for p in paths])
    con.execute(EVENTS_DDL)
    con.execute(f"SET memory_limit = '{settings.resolve(SETTINGS, None)['ingest_memory_limit']}'")
    with transaction(con):
        stager = _Stager(con, on_error, report)
        for path in map(Path, paths):
            fmt = detect_format(path) if path.exists() else None
            kind = {"parquet": "row", "otlp": "span"}.get(fmt or "", "line")
            skip = stager.skip_line if on_error == "skip" else None
            for batch in read_raw(path, fmt, skip):
                stager.add(path, batch, kind)
                if progress:
                    progress(batch.num_rows)
        before = _count(con)
        con.execute(
            "INSERT INTO events SELECT * FROM _stage s "
            "WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_key = s.event_key) "
            "QUALIFY row_number() OVER (PARTITION BY s.event_key) = 1"
        )
        report.inserted = _count(con) - before
        report.duplicates = report.rows_read - report.skipped - report.inserted
        con.execute("DROP TABLE _stage")
    return report


def _count(con: duckdb.DuckDBPyConnection) -> int:
    return int(con.execute("SELECT count(*) FROM events").fetchall()[0][0])
