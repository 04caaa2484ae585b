"""The audit log only grows; edits and deletions are detected."""

from __future__ import annotations

import datetime as dt
import inspect

import duckdb
import pytest

from frontierguard.controls.screening import audit
from frontierguard.core.errors import InputError
from frontierguard.core.store import connect

AT = dt.datetime(2026, 3, 1, 12, 0)


def _entry(name: str) -> audit.AuditEntry:
    return audit.AuditEntry(AT, "analyst", "check", "", name, "", "UN@2026-02-27#1", "logic_v1",
                            0.7, False, "", 0.0, "[]")


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    con = connect(":memory:")
    audit.append(con, [_entry("Acme"), _entry("Zenith")])
    return con


def test_append_only_grows(con: duckdb.DuckDBPyConnection) -> None:
    assert audit.append(con, [_entry("Third")]) == [3]
    assert [r[5] for r in audit.rows(con)] == ["Acme", "Zenith", "Third"]
    assert audit.verify(con) == 3


def test_api_has_no_update_or_delete() -> None:
    public = [n for n, f in inspect.getmembers(audit, inspect.isfunction)
              if not n.startswith("_") and f.__module__ == audit.__name__]
    assert sorted(public) == ["append", "export", "rows", "verify"]


@pytest.mark.parametrize("tamper", [
    "UPDATE screening_audit SET query_name = 'Other' WHERE audit_id = 1",
    "DELETE FROM screening_audit WHERE audit_id = 1",
    "UPDATE screening_audit SET matched = true WHERE audit_id = 2",
])
def test_tampering_is_detected(con: duckdb.DuckDBPyConnection, tamper: str) -> None:
    con.execute(tamper)
    with pytest.raises(InputError, match="audit row"):
        audit.verify(con)


def test_export_csv(con: duckdb.DuckDBPyConnection) -> None:
    lines = audit.export(con).splitlines()
    assert lines[0].split(",") == audit.COLUMNS
    assert len(lines) == 3 and ",Acme," in lines[1]
