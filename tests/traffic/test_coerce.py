"""The event rules (traffic/coerce.py) on DuckDB: each hostile case's verdict, the located
error, and the dedupe key. tests/traffic/test_engines_agree.py runs the same cases on Spark."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from frontierguard.core.errors import InputError
from frontierguard.core.store import connect
from frontierguard.traffic.coerce import EVENT_KEY, coerce
from frontierguard.traffic.ingest import load_events
from frontierguard.traffic.schema import BY_NAME
from support.hostile_events import HOSTILE, T0


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_rows(tmp_path: Path, case: str) -> None:
    table, expected = HOSTILE[case]
    path = tmp_path / "rows.parquet"
    pq.write_table(table, path)
    con = connect(":memory:")
    if expected[0] == "error":
        with pytest.raises(InputError) as err:
            load_events(con, [path])
        assert (err.value.file, err.value.row, err.value.field) == (str(path), *expected[1:])
        return
    load_events(con, [path])
    got = sorted(r[0] for r in con.execute(f"SELECT {expected[1]} FROM events").fetchall())
    assert got == expected[2]


def test_key_ignores_extras_and_keeps_stored_keys(tmp_path: Path) -> None:
    """Rows without extras keep the key they were stored under before extras left it."""
    con = connect(":memory:")
    con.execute("SET TimeZone = 'UTC'")
    con.register("e", pa.table({"account_id": ["a"], "ts": [T0], "model": ["m"],
                                "prompt": ["p"], "ip": [None], "api_key_id": [None],
                                "output_tokens": pa.array([5], pa.int32()),
                                "request_id": pa.array([None], pa.string())}))
    old = ("md5(concat_ws('|', account_id, CAST(epoch_ms(ts) AS VARCHAR), model, "
           "coalesce(prompt, ''), coalesce(ip, ''), coalesce(api_key_id, ''), "
           "coalesce(CAST(output_tokens AS VARCHAR), ''), coalesce(NULL, '')))")
    assert con.sql(f"SELECT {EVENT_KEY} = {old} FROM e").fetchall() == [(True,)]


@pytest.mark.parametrize(("column", "raw", "values", "bad"), [
    ("turns", pa.string(), ["3", " 3.0 ", "+4", "2.5", "1e2", "2147483648"],
     [False, False, False, True, True, True]),
    ("turns", pa.float64(), [3.0, 3.5, float("nan"), 2147483648.0],
     [False, True, True, True]),
    ("temperature", pa.float64(), [0.7, 1e39, float("inf"), float("nan")],
     [False, True, True, True]),
    ("thinking", pa.string(), ["TRUE", " 0 ", "yes"], [False, False, True]),
    ("ts", pa.string(), ["2026-03-02T10:00:00Z", "2026-03-02 10:00:00.5+01:00", "2026-03-02",
                         "2026-03-02T24:00:00Z", "2026-02-30", "yesterday"],
     [False, False, False, True, True, True]),
    ("account_id", pa.float64(), [1.5], [True]),
    ("asn_type", pa.string(), ["Mobile\n", "hosting!", "  "], [False, True, False]),
])
def test_rules(column: str, raw: pa.DataType, values: list[Any], bad: list[bool]) -> None:
    value, is_bad = coerce(BY_NAME[column], raw)
    con = connect(":memory:")
    con.register("raw", pa.table({column: pa.array(values, raw),
                                  "i": pa.array(range(len(values)))}))
    got = [r[0] for r in con.execute(f"SELECT {is_bad} FROM raw ORDER BY i").fetchall()]
    assert got == bad
    assert con.sql(f"SELECT count(*) FROM raw WHERE NOT {is_bad} AND {value} IS NULL "
                   f"AND trim(CAST({column} AS VARCHAR)) <> ''").fetchall() == [(0,)]
