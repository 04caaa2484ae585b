"""Readers for API traffic logs: JSONL (.gz), Parquet, CSV and OTLP JSON GenAI spans.

Each reader streams *raw* record batches: the columns as found in the file plus
``_row`` (the 1-based line, row or span number used in error messages). Types are
coerced and validated afterwards, in the engine (:mod:`frontierguard.traffic.ingest`).
Unknown columns are gathered into ``extra`` (a JSON object as text).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from frontierguard.core.errors import InputError
from frontierguard.traffic.otlp import iter_otlp_records
from frontierguard.traffic.schema import BY_NAME
from frontierguard.traffic.textio import OnBad, check_file, head, jsonl_records, text_lines

__all__ = ["FORMATS", "detect_format", "jsonl_records", "read_raw"]

# A prompt can be long, but not unbounded: a CSV field beyond this is a located error.
CSV_FIELD_LIMIT = 16 * 1024 * 1024
csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
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
        start = head(path).lstrip()
        return "otlp" if start.startswith("{") and '"resourceSpans"' in start[:200] else "jsonl"
    raise InputError("unknown file type (expected .parquet, .jsonl, .json, .csv, .gz)", path)


def read_raw(path: str | Path, fmt: str | None = None, on_bad: OnBad = None) -> Iterator[pa.Table]:
    """Stream raw batches of ``path`` (at most ``BATCH_ROWS`` rows each). A line that cannot be
    read or parsed goes to ``on_bad`` (skip and count) when given, else raises."""
    p = Path(path)
    check_file(p)
    fmt = fmt or detect_format(p)
    if fmt == "parquet":
        yield from _read_parquet(p)
    elif fmt == "jsonl":
        yield from _batches(jsonl_records(p, on_bad))
    elif fmt == "csv":
        yield from _batches(_csv_records(p, on_bad))
    elif fmt == "otlp":
        text = "".join(line for _, line in text_lines(p))
        yield from _batches(iter_otlp_records(text, p))
    else:
        raise InputError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})", p)


def _read_parquet(p: Path) -> Iterator[pa.Table]:
    try:
        pf = pq.ParquetFile(p)
    except (pa.ArrowInvalid, OSError) as exc:
        raise InputError(f"not a readable Parquet file ({exc})", p) from None
    start = 1
    batches = pf.iter_batches(batch_size=BATCH_ROWS)
    while True:
        try:
            batch = next(batches, None)
        except (pa.ArrowException, OSError) as exc:
            raise InputError(f"corrupt Parquet data ({exc})", p, start) from None
        if batch is None:
            return
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


def _csv_records(p: Path, on_bad: OnBad = None) -> Iterator[tuple[int, dict[str, Any]]]:
    bad_lines: list[int] = []
    reader = csv.DictReader((line for _, line in text_lines(p, bad_lines=bad_lines)))
    try:
        if not reader.fieldnames:
            raise InputError("file is empty", p)
        if bad_lines:
            raise InputError("the header is not UTF-8", p, 1, None, "line")
        for rec in reader:
            try:
                yield reader.line_num, _csv_record(p, reader.line_num, rec, bad_lines)
            except InputError as err:
                if on_bad is None:
                    raise
                on_bad(err)
    except csv.Error as exc:
        raise InputError(f"unreadable CSV ({exc})", p, reader.line_num + 1, None, "line") from None


def _csv_record(p: Path, line: int, rec: dict[str | Any, Any], bad_lines: list[int]) -> dict[str, Any]:
    if None in rec:
        raise InputError("more fields than the header", p, line, None, "line")
    if bad_lines:
        bad_lines.clear()
        for key, value in rec.items():
            if value and not _is_utf8(value):
                raise InputError("invalid UTF-8", p, line, key, "line")
    return {k: (v if v != "" else None) for k, v in rec.items()}


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


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
