"""Ingest: coercion, validation errors naming file/row/field, dedupe and rollback."""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontierguard.core.errors import InputError
from frontierguard.core.store import connect
from frontierguard.traffic.coerce import coerce
from frontierguard.traffic.ingest import load_events
from frontierguard.traffic.schema import BY_NAME

Writer = Callable[[str, list[dict[str, Any]]], Path]

GOOD = [
    {"ts": "2026-03-01T10:00:00Z", "account_id": "a1", "model": "m-1", "request_id": "r1",
     "prompt": "hello", "thinking": True, "tools": 2, "asn": 64500, "asn_type": "hosting",
     "country": "sg", "team": "blue"},
    {"ts": 1772359200000, "account_id": "a2", "model": "m-1", "request_id": "r2",
     "temperature": 0.7, "refused": False},
]


def _rows(con: Any, sql: str) -> list[tuple[Any, ...]]:
    return list(con.execute(sql).fetchall())


def test_jsonl_coerces_types_and_keeps_unknown_columns(write_jsonl: Writer) -> None:
    con = connect(":memory:")
    report = load_events(con, [write_jsonl("e.jsonl", GOOD)])
    assert (report.rows_read, report.inserted, report.duplicates) == (2, 2, 0)
    rows = _rows(con, "SELECT account_id, epoch_ms(ts), thinking, tools, asn, country, extra, "
                      "temperature FROM events ORDER BY account_id")
    assert rows[0][:7] == ("a1", 1772359200000, True, 2, 64500, "SG", '{"team": "blue"}')
    assert rows[1][1] == 1772359200000
    assert rows[1][7] == pytest.approx(0.7)


def test_blank_optional_strings_are_stored_as_null_not_rejected(write_jsonl: Writer) -> None:
    con = connect(":memory:")
    row = {"ts": "2026-03-01T10:00:00Z", "account_id": " a3 ", "model": "m-1",
           "prompt": "   ", "ip": "", "user_agent": 17}
    report = load_events(con, [write_jsonl("e.jsonl", [row])])
    assert (report.inserted, report.skipped) == (1, 0)
    assert _rows(con, "SELECT account_id, prompt, ip, user_agent FROM events") == [
        ("a3", None, None, "17")]


def test_reingesting_the_same_file_adds_nothing(write_jsonl: Writer) -> None:
    con = connect(":memory:")
    path = write_jsonl("e.jsonl", GOOD)
    load_events(con, [path])
    again = load_events(con, [path])
    assert (again.inserted, again.duplicates) == (0, 2)
    assert _rows(con, "SELECT count(*) FROM events") == [(2,)]


def test_rows_without_request_id_dedupe_on_content(write_jsonl: Writer) -> None:
    con = connect(":memory:")
    rec = {"ts": "2026-03-01T10:00:00Z", "account_id": "a", "model": "m", "prompt": "p"}
    other = {**rec, "prompt": "q"}
    report = load_events(con, [write_jsonl("e.jsonl", [rec, rec, other])])
    assert (report.inserted, report.duplicates) == (2, 1)


@pytest.mark.parametrize(
    ("record", "field", "message"),
    [
        ({"ts": "yesterday", "account_id": "a", "model": "m"}, "ts", "timestamp"),
        ({"ts": "2026-01-01T00:00:00Z", "model": "m"}, "account_id", "missing"),
        ({"ts": "2026-01-01T00:00:00Z", "account_id": "  ", "model": "m"}, "account_id", "missing"),
        ({"ts": "2026-01-01T00:00:00Z", "account_id": "a", "model": "m", "tools": "many"},
         "tools", "int32"),
        ({"ts": "2026-01-01T00:00:00Z", "account_id": "a", "model": "m", "asn_type": "cloud"},
         "asn_type", "expected one of"),
        ({"ts": "2026-01-01T00:00:00Z", "account_id": "a", "model": "m", "country": "USA"},
         "country", "alpha-2"),
        ({"ts": "2026-01-01T00:00:00Z", "account_id": "a", "model": "m",
          "account_created": "soon"}, "account_created", "timestamp"),
    ],
)
def test_bad_rows_name_file_line_and_field(
    write_jsonl: Writer, record: dict[str, Any], field: str, message: str
) -> None:
    path = write_jsonl("bad.jsonl", [GOOD[0], record])
    con = connect(":memory:")
    with pytest.raises(InputError) as err:
        load_events(con, [path])
    text = str(err.value)
    assert text.startswith(f"{path}, line 2, field '{field}'")
    assert message in text


def test_missing_required_column_is_named(tmp_path: Path) -> None:
    path = tmp_path / "e.parquet"
    pq.write_table(pa.table({"ts": [1], "model": ["m"]}), path)
    with pytest.raises(InputError, match="missing required column\\(s\\): account_id"):
        load_events(connect(":memory:"), [path])


def test_empty_and_malformed_files(tmp_path: Path) -> None:
    empty = tmp_path / "e.jsonl"
    empty.write_text("")
    with pytest.raises(InputError, match="file is empty"):
        load_events(connect(":memory:"), [empty])
    broken = tmp_path / "b.jsonl"
    broken.write_text(json.dumps(GOOD[0]) + "\n{not json\n")
    with pytest.raises(InputError, match=r"b.jsonl, line 2: invalid JSON"):
        load_events(connect(":memory:"), [broken])


def test_skip_counts_and_reports_bad_rows(write_jsonl: Writer) -> None:
    bad = {"ts": "never", "account_id": "a", "model": "m"}
    con = connect(":memory:")
    report = load_events(con, [write_jsonl("e.jsonl", [GOOD[0], bad, GOOD[1]])], "skip")
    assert (report.inserted, report.skipped) == (2, 1)
    assert report.errors[0].row == 2 and report.errors[0].field == "ts"


def test_failed_ingest_leaves_the_store_as_it_was(tmp_path: Path, write_jsonl: Writer) -> None:
    db = tmp_path / "store.duckdb"
    con = connect(db)
    load_events(con, [write_jsonl("first.jsonl", GOOD)])
    good_new = {**GOOD[0], "request_id": "r9"}
    bad = {"ts": "never", "account_id": "a", "model": "m"}
    with pytest.raises(InputError):
        load_events(con, [write_jsonl("ok.jsonl", [good_new]), write_jsonl("bad.jsonl", [bad])])
    con.close()
    con = connect(db)
    assert _rows(con, "SELECT request_id FROM events ORDER BY 1") == [("r1",), ("r2",)]


def test_parquet_csv_and_gzip_readers_agree(tmp_path: Path) -> None:
    records = [
        {"ts": "2026-03-01T10:00:00+00:00", "account_id": f"a{i}", "model": "m",
         "request_id": f"r{i}", "turns": i, "prompt": f"say {i}, \"quoted\""}
        for i in range(5)
    ]
    pq_path = tmp_path / "e.parquet"
    pq.write_table(pa.Table.from_pylist(records), pq_path)
    csv_path = tmp_path / "e.csv"
    with csv_path.open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(records[0]))
        w.writeheader()
        w.writerows(records)
    gz_path = tmp_path / "e.jsonl.gz"
    with gzip.open(gz_path, "wt") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in records)
    results = []
    for path in (pq_path, csv_path, gz_path):
        con = connect(":memory:")
        load_events(con, [path])
        results.append(_rows(con, "SELECT * EXCLUDE (extra) FROM events ORDER BY request_id"))
    assert results[0] == results[1] == results[2]
    assert len(results[0]) == 5


def test_csv_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("ts,account_id,model,max_tokens\n2026-01-01T00:00:00Z,a,m,100\n"
                    "2026-01-01T00:00:00Z,b,m,lots\n")
    with pytest.raises(InputError, match=r"e.csv, line 3, field 'max_tokens'"):
        load_events(connect(":memory:"), [path])


def test_parquet_with_typed_timestamps(tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    table = pa.table({
        "ts": pa.array([1772359200000, 1772359260000], pa.timestamp("ms", tz="UTC")),
        "account_id": ["a", "b"], "model": ["m", "m"], "asn": pa.array([1, 2], pa.int32()),
    })
    pq.write_table(table, path)
    con = connect(":memory:")
    load_events(con, [path])
    assert _rows(con, "SELECT epoch_ms(ts), asn FROM events ORDER BY 1") == [
        (1772359200000, 1), (1772359260000, 2)
    ]


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=4_102_444_800_000))
def test_epoch_ms_and_rfc3339_give_the_same_instant(ms: int) -> None:
    iso = datetime.fromtimestamp(ms / 1000, tz=UTC).isoformat()
    value, _ = coerce(BY_NAME["ts"], pa.string())
    con = connect(":memory:")
    con.register("raw", pa.table({"ts": [str(ms), iso]}))
    got = [r[0] for r in con.execute(f"SELECT epoch_ms({value}) FROM raw").fetchall()]
    assert got == [ms, ms]


@pytest.mark.parametrize("ts", [-999999999999999, "-290000-01-01T00:00:00Z", 4_200_000_000_000,
                                "1969-12-31T23:59:59Z", 1e30])
def test_out_of_range_timestamps_are_located_errors(write_jsonl: Writer, ts: Any) -> None:
    """A year-29720-BC ``ts`` used to be stored and then overflow every later detection run."""
    path = write_jsonl("far.jsonl", [GOOD[0], {"ts": ts, "account_id": "a", "model": "m"}])
    with pytest.raises(InputError) as err:
        load_events(connect(":memory:"), [path])
    assert str(err.value).startswith(f"{path}, line 2, field 'ts'")
    assert "out-of-range" in str(err.value) and "1970-01-01" in str(err.value)
    report = load_events(connect(":memory:"), [path], "skip")
    assert (report.inserted, report.skipped) == (1, 1)


def test_out_of_range_numeric_parquet_timestamps_are_located_errors(tmp_path: Path) -> None:
    path = tmp_path / "far.parquet"
    pq.write_table(pa.table({"ts": [1772359200000.0, 1e30, float("nan")], "account_id": ["a"] * 3,
                             "model": ["m"] * 3}), path)
    with pytest.raises(InputError, match=r"far.parquet, row 2, field 'ts'"):
        load_events(connect(":memory:"), [path])
