"""Readers for API traffic logs: JSONL (.gz), Parquet, CSV and OTLP JSON GenAI spans.

Each reader streams *raw* record batches: the columns as found in the file plus
``_row`` (the 1-based line, row or span number used in error messages). Types are
coerced and validated afterwards, in the engine (:mod:`frontierguard.traffic.ingest`).
Unknown columns are gathered into ``extra`` (a JSON object as text).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from frontierguard.core.errors import InputError
from frontierguard.traffic.otlp import iter_otlp_records
from frontierguard.traffic.schema import BY_NAME

BATCH_ROWS = 50_000
TEXT_BATCH_ROWS = 20_000
FORMATS = ("parquet", "jsonl", "csv", "otlp")


def detect_format(path: Path) -> str:
    """Guess the format from the name, and for ``.json`` from the first record."""
    name = path.name.lower().removesuffix(".gz")
    if name.endswith((".parquet", ".pq")):
        return "parquet"
    if name.endswith(".csv"):
        return "csv"
    if name.endswith((".jsonl", ".ndjson", ".json")):
        with _open_text(path) as fh:
            head = fh.read(4096).lstrip()
        return "otlp" if head.startswith("{") and '"resourceSpans"' in head[:200] else "jsonl"
    raise InputError("unknown file type (expected .parquet, .jsonl, .json, .csv, .gz)", path)


def _open_text(path: Path) -> IO[str]:
    if path.name.lower().endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
    return path.open(encoding="utf-8", newline="")


def read_raw(path: str | Path, fmt: str | None = None) -> Iterator[pa.Table]:
    """Stream raw batches of ``path`` (at most ``BATCH_ROWS`` rows each)."""
    p = Path(path)
    if not p.exists():
        raise InputError("file not found", p)
    if p.stat().st_size == 0:
        raise InputError("file is empty", p)
    fmt = fmt or detect_format(p)
    if fmt == "parquet":
        yield from _read_parquet(p)
    elif fmt == "jsonl":
        yield from _batches(jsonl_records(p))
    elif fmt == "csv":
        yield from _batches(_csv_records(p))
    elif fmt == "otlp":
        with _open_text(p) as fh:
            yield from _batches(iter_otlp_records(fh, p))
    else:
        raise InputError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})", p)


def _read_parquet(p: Path) -> Iterator[pa.Table]:
    try:
        pf = pq.ParquetFile(p)
    except (pa.ArrowInvalid, OSError) as exc:
        raise InputError(f"not a readable Parquet file ({exc})", p) from None
    start = 1
    for batch in pf.iter_batches(batch_size=BATCH_ROWS):
        table = pa.Table.from_batches([batch])
        known = [c for c in table.column_names if c in BY_NAME]
        extra = [c for c in table.column_names if c not in BY_NAME]
        out = table.select(known)
        if extra:
            out = out.append_column("extra", _extra_json(table.select(extra).to_pylist()))
        rows = pa.array(range(start, start + table.num_rows), pa.int64())
        yield out.append_column("_row", rows)
        start += table.num_rows


def _extra_json(records: list[dict[str, Any]]) -> pa.Array:
    return pa.array(
        [json.dumps(r, default=str, ensure_ascii=False) for r in records], pa.string()
    )


def jsonl_records(p: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line, object)`` per non-blank line of a JSONL file (``.gz`` too); a line that is not a
    JSON object is an InputError naming the file and the line."""
    with _open_text(p) as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"invalid JSON ({exc.msg})", p, lineno, None, "line") from None
            if not isinstance(rec, dict):
                raise InputError("expected a JSON object", p, lineno, None, "line")
            yield lineno, rec


def _csv_records(p: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with _open_text(p) as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames:
            raise InputError("file is empty", p)
        for rec in reader:
            if None in rec:
                raise InputError("more fields than the header", p, reader.line_num, None, "line")
            yield reader.line_num, {k: (v if v != "" else None) for k, v in rec.items()}


def _text(value: Any) -> str | None:
    """Canonical text of a JSON/CSV scalar, so a column has one Arrow type."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _batches(records: Iterable[tuple[int, dict[str, Any]]]) -> Iterator[pa.Table]:
    """Group records into string-typed column batches, unknown keys into ``extra``."""
    rows: list[int] = []
    cols: dict[str, list[str | None]] = {}
    extras: list[str | None] = []
    for lineno, rec in records:
        n = len(rows)
        rows.append(lineno)
        other: dict[str, Any] = {}
        for key, value in rec.items():
            if key in BY_NAME:
                cols.setdefault(key, [None] * n).append(_text(value))
            else:
                other[key] = value
        for values in cols.values():
            if len(values) == n:
                values.append(None)
        extras.append(json.dumps(other, ensure_ascii=False) if other else None)
        if len(rows) >= TEXT_BATCH_ROWS:
            yield _to_table(rows, cols, extras)
            rows, cols, extras = [], {}, []
    if rows:
        yield _to_table(rows, cols, extras)


def _to_table(rows: list[int], cols: dict[str, list[str | None]], extras: list[str | None]) -> pa.Table:
    data: dict[str, pa.Array] = {k: pa.array(v, pa.string()) for k, v in cols.items()}
    if any(e is not None for e in extras):
        data["extra"] = pa.array(extras, pa.string())
    data["_row"] = pa.array(rows, pa.int64())
    return pa.table(data)
