"""The event rules as SQL: how raw columns become the event model, which rows are bad, and
which rows are the same event.

Written once, in DuckDB dialect, and run by both engines: :mod:`frontierguard.traffic.ingest`
runs it on DuckDB over each raw batch, :mod:`frontierguard.traffic.spark.ingest` transpiles
it to Spark SQL (like the feature SQL) over the raw Parquet files. So a row gets the same
verdict, the same located error and the same dedupe key on both.

The rules (see docs/events.md):

* text is trimmed of surrounding spaces; blank text is missing; ``asn_type`` is lower-cased
  and must be one of :data:`~frontierguard.traffic.schema.ASN_TYPES`; ``country`` must be two
  ASCII letters (any case) and is stored upper-cased;
* timestamps are typed timestamps, integer epoch milliseconds (as numbers or text) or RFC 3339
  text, within ``[TS_MIN, TS_MAX)``; text without an offset is UTC;
* integers must be whole numbers that fit the column (``2.5`` turns is an error, not 2 or 3);
  booleans accept ``true/false/1/0`` in any case;
* required fields must be present and not blank.

A source the statements read has the raw columns plus ``_src`` (the file, as a sort key) and
``_row`` (its 1-based line, row or span number).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pyarrow as pa

from frontierguard.core.errors import InputError
from frontierguard.traffic.schema import ASN_TYPES, COLUMNS, Column

TS_MIN, TS_MAX = "1970-01-01", "2100-01-01"
TS_RANGE = f"between {TS_MIN} and {TS_MAX}"
_MS_BOUND = 10**15
# RFC 3339 date-time (space or T; optional fraction and offset), or a bare date
_HMS = "([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
_RFC3339 = (rf"^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}([Tt ]{_HMS}(\.[0-9]{{1,6}})?"
            r"([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])?)?$")
# the surrounding whitespace trimmed from text: space, tab, LF, VT, FF, CR
_SPACE = "(" + " || ".join(f"chr({c})" for c in (32, 9, 10, 11, 12, 13)) + ")"
_INTEGER_TEXT = r"^[+-]?[0-9]{1,19}(\.0*)?$"  # 3, +3, 3.0 (JSON writers' whole floats)
_FLOAT_TEXT = r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]{1,3})?$"
_FLOAT32_MAX = "3.4028234663852886e38"

SQL_TYPES = {
    pa.string(): "VARCHAR", pa.int64(): "BIGINT", pa.int32(): "INTEGER",
    pa.float32(): "FLOAT", pa.bool_(): "BOOLEAN",
}
EVENT_COLUMNS = (*(c.name for c in COLUMNS), "extra", "event_key")
_INT_RANGE = {pa.int64(): (-(2**63), 2**63 - 1), pa.int32(): (-(2**31), 2**31 - 1)}

# The content key of an event without request_id. The trailing '' keeps keys stored before
# extras left the key unchanged for rows that had none.
EVENT_KEY = (
    "coalesce(request_id, md5(concat_ws('|', account_id, CAST(epoch_ms(ts) AS VARCHAR), model, "
    "coalesce(prompt, ''), coalesce(ip, ''), coalesce(api_key_id, ''), "
    "coalesce(CAST(output_tokens AS VARCHAR), ''), '')))"
)


def sql_type(col: Column) -> str:
    """The DuckDB type of an event column."""
    return "TIMESTAMPTZ" if pa.types.is_timestamp(col.type) else SQL_TYPES[col.type]


def _is_text(t: pa.DataType) -> bool:
    return bool(pa.types.is_string(t) or pa.types.is_large_string(t))


def _is_number(t: pa.DataType) -> bool:
    return bool(pa.types.is_integer(t) or pa.types.is_floating(t))


def _whole(x: str, lo: int, hi: int) -> str:
    """``x`` (a number) is a whole number within ``[lo, hi]`` (bounds compared as doubles,
    so no engine rounds a double past them)."""
    return f"({x} % 1 = 0 AND {x} >= {float(lo)!r} AND {x} < {float(hi + 1)!r})"


def trim(x: str) -> str:
    """SQL for text ``x`` without surrounding whitespace."""
    return f"trim({x}, {_SPACE})"


def _millis(ms: str) -> str:
    return f"CAST(epoch_ms(CAST({ms} AS BIGINT)) AS TIMESTAMPTZ)"


def _timestamp(x: str, raw: pa.DataType) -> str:
    if _is_number(raw):
        return f"CASE WHEN {_whole(x, -_MS_BOUND, _MS_BOUND)} THEN {_millis(x)} END"
    if _is_text(raw):
        t = trim(x)
        return (f"CASE WHEN regexp_matches({t}, '^-?[0-9]{{1,15}}$') THEN {_millis(t)} "
                f"WHEN regexp_matches({t}, '{_RFC3339}') THEN TRY_CAST({t} AS TIMESTAMPTZ) END")
    return f"TRY_CAST({x} AS TIMESTAMPTZ)"


def _trimmed(x: str) -> str:
    return f"NULLIF({trim(f'CAST({x} AS VARCHAR)')}, '')"


def _as_text(raw: pa.DataType) -> bool:
    """Raw values both engines turn into the same text (not floats, times or bytes)."""
    return _is_text(raw) or pa.types.is_integer(raw) or pa.types.is_boolean(raw)


def _text(col: Column, x: str, raw: pa.DataType) -> str:
    if not _as_text(raw):
        return "CAST(NULL AS VARCHAR)"
    value = _trimmed(x)
    if col.name == "asn_type":
        return f"lower({value})"
    if col.name == "country":
        return f"upper({value})"
    return value


def _integer(col: Column, x: str, raw: pa.DataType) -> str:
    lo, hi = _INT_RANGE[col.type]
    kind = SQL_TYPES[col.type]
    if pa.types.is_integer(raw):
        return f"CASE WHEN {x} >= {lo} AND {x} <= {hi} THEN TRY_CAST({x} AS {kind}) END"
    if pa.types.is_floating(raw):
        return f"CASE WHEN {_whole(x, lo, hi)} THEN TRY_CAST({x} AS {kind}) END"
    if _is_text(raw):
        t = trim(x)
        digits = f"split_part({t}, '.', 1)"
        return (f"CASE WHEN regexp_matches({t}, '{_INTEGER_TEXT}') "
                f"THEN TRY_CAST({digits} AS {kind}) END")
    if pa.types.is_boolean(raw):
        return f"CAST({x} AS {kind})"
    return f"TRY_CAST({x} AS {kind})"


def _float(x: str, raw: pa.DataType) -> str:
    if _is_text(raw):
        t = trim(x)
        num = f"CAST({t} AS DOUBLE)"
        return (f"CASE WHEN regexp_matches({t}, '{_FLOAT_TEXT}') AND abs({num}) <= "
                f"{_FLOAT32_MAX} THEN CAST({num} AS FLOAT) END")
    if _is_number(raw):  # finite and within float range (NaN compares above every number)
        return f"CASE WHEN abs({x}) <= {_FLOAT32_MAX} THEN CAST({x} AS FLOAT) END"
    return f"TRY_CAST({x} AS FLOAT)"


def _boolean(x: str, raw: pa.DataType) -> str:
    if pa.types.is_boolean(raw):
        return x
    if _is_text(raw):
        t = f"lower({trim(x)})"
        return f"CASE WHEN {t} IN ('true', '1') THEN TRUE WHEN {t} IN ('false', '0') THEN FALSE END"
    if _is_number(raw):
        return f"CASE WHEN {x} = 1 THEN TRUE WHEN {x} = 0 THEN FALSE END"
    return f"TRY_CAST({x} AS BOOLEAN)"


def _value(col: Column, x: str, raw: pa.DataType) -> str:
    if pa.types.is_timestamp(col.type):
        return _timestamp(x, raw)
    if col.type == pa.string():
        return _text(col, x, raw)
    if col.type in _INT_RANGE:
        return _integer(col, x, raw)
    return _float(x, raw) if col.type == pa.float32() else _boolean(x, raw)


def coerce(col: Column, raw: pa.DataType | None) -> tuple[str, str]:
    """SQL for the coerced value of ``col`` from a raw column of type ``raw`` (None: absent)
    and for 'this row's value is bad'."""
    if raw is None or pa.types.is_null(raw):
        value = f"CAST(NULL AS {sql_type(col)})"
        return value, "TRUE" if col.required else "FALSE"
    x = f'"{col.name}"'
    value = _value(col, x, raw)
    # a text value is NULL exactly when the raw value is NULL or blank: never bad
    plain = col.type == pa.string() and _as_text(raw)
    bad = "FALSE" if plain else f"({x} IS NOT NULL AND {value} IS NULL)"
    if pa.types.is_timestamp(col.type):
        bad = (f"({bad} OR {value} < TIMESTAMPTZ '{TS_MIN}' "
               f"OR {value} >= TIMESTAMPTZ '{TS_MAX}')")
    if col.name == "asn_type":
        bad = f"({bad} OR {value} NOT IN ({', '.join(repr(t) for t in ASN_TYPES)}))"
    if col.name == "country":  # checked before upper(): no non-ASCII letter becomes A-Z
        bad = f"({bad} OR NOT regexp_matches({_trimmed(x)}, '^[A-Za-z]{{2}}$'))"
    if col.required:
        bad = f"({bad} OR {value} IS NULL)"
    return value, f"coalesce({bad}, FALSE)"


def problem(col: Column) -> str:
    """What is wrong with a bad value of ``col``, as the error message says it."""
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
        return ("unparsable or out-of-range timestamp (expected RFC 3339 or epoch milliseconds, "
                f"{TS_RANGE})")
    if pa.types.is_integer(col.type):
        return f"expected a whole number that fits {col.type}"
    return f"expected {col.type}"


@dataclass(frozen=True)
class RowError:
    """One rejected row: where and why."""

    file: str
    row: int
    field: str
    message: str
    row_kind: str = "row"

    def __str__(self) -> str:
        return str(self.error())

    def error(self) -> InputError:
        """This row's error as the exception a failing ingest raises."""
        return InputError(self.message, self.file, self.row, self.field, self.row_kind)


def missing_required(names: set[str]) -> list[str]:
    """The required event columns a source lacks."""
    return [c.name for c in COLUMNS if c.required and c.name not in names]


@dataclass(frozen=True)
class Coercion:
    """The statements for one raw source whose columns have the given types."""

    source: str
    types: Mapping[str, pa.DataType]
    extra: str = "CAST(NULL AS VARCHAR)"

    def _exprs(self) -> list[tuple[str, str]]:
        return [coerce(c, self.types.get(c.name)) for c in COLUMNS]

    def _any_bad(self) -> str:
        return " OR ".join(b for _, b in self._exprs())

    def check_sql(self) -> str:
        """One row: the number of bad rows, then each column's first bad ``_row`` (or NULL)."""
        firsts = ", ".join(f"min(_row) FILTER (WHERE {b}) AS {c.name}"
                           for c, (_, b) in zip(COLUMNS, self._exprs(), strict=True))
        return f"SELECT count(*) AS bad, {firsts} FROM {self.source} WHERE {self._any_bad()}"

    def first_bad_source_sql(self) -> str:
        """The first ``_src`` holding a bad row (NULL when none)."""
        return f"SELECT min(_src) AS src FROM {self.source} WHERE {self._any_bad()}"

    def rows_sql(self) -> str:
        """The good rows coerced to the event model, with ``extra``, ``event_key``, ``_src``
        and ``_row``."""
        select = ", ".join(f"{v} AS {c.name}" for c, (v, _) in zip(COLUMNS, self._exprs(),
                                                                     strict=True))
        return (f"SELECT *, {EVENT_KEY} AS event_key FROM (SELECT {select}, {self.extra} AS extra, "
                f"_src, _row FROM {self.source} WHERE NOT ({self._any_bad()}))")


def errors(counts: Mapping[str, object], file: str, row_kind: str) -> list[RowError]:
    """Each column's first bad row (from :meth:`Coercion.check_sql`), earliest row first."""
    found = [RowError(file, int(str(counts[c.name])), c.name, problem(c), row_kind)
             for c in COLUMNS if counts.get(c.name) is not None]
    return sorted(found, key=lambda e: e.row)


def dedupe_sql(source: str) -> str:
    """The events of ``source`` (rows with ``event_key``, ``_src`` and ``_row``), keeping the
    first occurrence, in file and row order, of each ``event_key``."""
    return (f"SELECT {', '.join(EVENT_COLUMNS)} FROM (SELECT *, row_number() OVER "
            f"(PARTITION BY event_key ORDER BY _src, _row) AS _n FROM {source}) WHERE _n = 1")
