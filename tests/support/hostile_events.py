"""Hostile event rows: each case a small table and the verdict both engines must give, and
the verdict each engine's reader gives on a file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow as pa

from frontierguard.core.errors import InputError
from frontierguard.core.store import connect
from frontierguard.traffic.coerce import EVENT_COLUMNS
from frontierguard.traffic.ingest import load_events as duck_load

T0 = dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)


def _rows(n: int, **cols: list[Any]) -> pa.Table:
    base: dict[str, Any] = {"ts": [T0 + dt.timedelta(minutes=i) for i in range(n)],
                            "account_id": [f"a{i}" for i in range(n)], "model": ["m-1"] * n}
    base.update(cols)
    return pa.table(base)


# (rows, expected verdict): ("ok", column, stored values) or ("error", row, field)
HOSTILE: dict[str, tuple[pa.Table, tuple[Any, ...]]] = {
    "asn_type padded and capitalised": (_rows(2, asn_type=["hosting", " Hosting"]),
                                        ("ok", "asn_type", ["hosting", "hosting"])),
    "asn_type unknown word": (_rows(2, asn_type=["hosting", "cloud"]), ("error", 2, "asn_type")),
    "asn_type tab-padded": (_rows(1, asn_type=["\tResidential\n"]),
                            ("ok", "asn_type", ["residential"])),
    "country not two letters": (_rows(2, country=["us", "zz9"]), ("error", 2, "country")),
    "country padded lower-case": (_rows(1, country=[" de "]), ("ok", "country", ["DE"])),
    "country non-ASCII": (_rows(1, country=["ß"]), ("error", 1, "country")),
    "account_id empty": (_rows(2, account_id=["a", ""]), ("error", 2, "account_id")),
    "account_id blank": (_rows(2, account_id=["a", " \t "]), ("error", 2, "account_id")),
    "account_id padded": (_rows(1, account_id=["  a7 "]), ("ok", "account_id", ["a7"])),
    "model null": (_rows(2, model=["m", None]), ("error", 2, "model")),
    "turns fractional": (_rows(2, turns=[1.0, 2.5]), ("error", 2, "turns")),
    "turns text whole numbers": (_rows(2, turns=["3.0", " +4 "]), ("ok", "turns", [3, 4])),
    "turns overflow": (_rows(1, turns=pa.array([2**31], pa.int64())), ("error", 1, "turns")),
    "ts before 1970": (_rows(2, ts=[T0, dt.datetime(1969, 12, 31, tzinfo=dt.UTC)]),
                       ("error", 2, "ts")),
    "ts text with offset": (_rows(1, ts=["2026-03-02T12:00:00+02:00"]),
                            ("ok", "ts", [T0])),
    "ts text hour 24": (_rows(1, ts=["2026-03-02T24:00:00Z"]), ("error", 1, "ts")),
    "earliest bad row wins": (_rows(3, country=["us", "usa", "us"], asn_type=[None, None, "x"]),
                              ("error", 2, "country")),
    "extras are not part of the key": (
        _rows(2, account_id=["a", "a"], ts=[T0, T0], note=["first", "second"]),
        ("ok", "account_id", ["a"])),
    "first of a duplicate request_id is kept": (
        _rows(2, request_id=["r", "r"], prompt=["one", "two"]), ("ok", "prompt", ["one"])),
}


def exported(events: pa.Table) -> pa.Table:
    """Valid rows written the way real exports write them: padded and mixed-case text,
    no request_id (the content key decides), an extra column, exact re-sends."""
    rows = events.slice(0, 40).to_pylist()
    for i, r in enumerate(rows):
        r["account_id"] = f" {r['account_id']}\t"
        r["asn_type"] = f" {str(r['asn_type'] or 'unknown').title()}"
        r["country"] = f"{str(r['country'] or 'us').lower()} "
        r["request_id"] = None
        r["note"] = f"export {i % 3}"
    return pa.Table.from_pylist(rows + rows[:10],
                                schema=events.schema.append(pa.field("note", pa.string())))


COMPARED = [c for c in EVENT_COLUMNS if c != "extra"]  # Spark does not carry extras


def verdict_duckdb(path: Path) -> tuple[Any, ...]:
    """("ok", the stored events) or ("error", file, row, field, message) from DuckDB ingest."""
    con = connect(":memory:")
    try:
        duck_load(con, [path])
        return ("ok", con.sql(f"SELECT {', '.join(COMPARED)} FROM events ORDER BY event_key"
                              ).to_arrow_table().to_pylist())
    except InputError as err:
        return ("error", str(err.file), err.row, err.field, err.message)
    finally:
        con.close()


def verdict_spark(engine: Any, path: Path) -> tuple[Any, ...]:
    """The same verdict from the Spark engine's reader."""
    from frontierguard.traffic.spark.ingest import load_events

    try:
        load_events(engine, [path])
        return ("ok", engine.to_arrow(f"SELECT {', '.join(COMPARED)} FROM events "
                                      "ORDER BY event_key").to_pylist())
    except InputError as err:
        return ("error", str(err.file), err.row, err.field, err.message)
