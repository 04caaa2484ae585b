"""The audit log only grows; edits and deletions are detected."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import inspect
import json
from collections.abc import Callable
from dataclasses import astuple
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from frontierguard.cli import app
from frontierguard.controls.screening import anchor, audit
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
    assert not [n for n in dir(anchor) if "delete" in n or "update" in n]


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


@pytest.fixture
def stored(tmp_path: Path) -> Path:
    """A file store with five audit rows appended one at a time."""
    db = tmp_path / "s.duckdb"
    con = connect(db)
    for name in ("A", "B", "C", "D", "E"):
        audit.append(con, [_entry(name)])
    con.close()
    return db


def _verify_cli(db: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["audit", "verify", "--db", str(db)])
    return result.exit_code, " ".join(result.output.split())


def test_audit_verify_passes_an_intact_log(stored: Path) -> None:
    assert _verify_cli(stored) == (0, "5 audit rows verified (keyed chain and anchor)")
    assert stored.with_name("s.duckdb.audit-head.json").exists()


def test_truncation_is_caught(stored: Path) -> None:
    """Deleting the newest rows used to pass the check."""
    with connect(stored) as con:
        con.execute("DELETE FROM screening_audit WHERE audit_id >= 4")
    code, out = _verify_cli(stored)
    assert code == 2 and "row 4" in out and "truncated" in out and "records 5 rows" in out


def test_deleted_middle_row_is_caught(stored: Path) -> None:
    with connect(stored) as con:
        con.execute("DELETE FROM screening_audit WHERE audit_id = 3")
    code, out = _verify_cli(stored)
    assert code == 2 and "row 3" in out and "missing" in out


def _rechain(con: duckdb.DuckDBPyConnection, digest: Callable[[str, int, audit.AuditEntry], str]
             ) -> None:
    """What an attacker with write access to the store does: edit, then recompute the chain."""
    con.execute("UPDATE screening_audit SET matched = true, query_name = 'Clean' WHERE audit_id = 2")
    prev = audit.GENESIS
    for row in audit.rows(con):
        entry = audit.AuditEntry(*row[1:-2])  # type: ignore[arg-type]
        new = digest(prev, int(str(row[0])), entry)
        con.execute("UPDATE screening_audit SET prev_hash = ?, row_hash = ? WHERE audit_id = ?",
                    [prev, new, row[0]])
        prev = new


def _plain_sha256(prev: str, audit_id: int, entry: audit.AuditEntry) -> str:
    body = json.dumps([prev, audit_id, *astuple(entry)], default=str, ensure_ascii=False)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _guessed_key(prev: str, audit_id: int, entry: audit.AuditEntry) -> str:
    body = json.dumps([prev, audit_id, *astuple(entry)], default=str, ensure_ascii=False)
    return hmac.new(b"0" * 64, body.encode("utf-8"), hashlib.sha256).hexdigest()


@pytest.mark.parametrize("digest", [_plain_sha256, _guessed_key])
def test_rechained_edit_is_caught(stored: Path, digest: Any) -> None:
    """Editing a row and recomputing the chain with an unkeyed digest used to pass."""
    with connect(stored) as con:
        _rechain(con, digest)
    code, out = _verify_cli(stored)
    assert code == 2 and "row 1" in out and "hash chain broken" in out


def test_deleted_or_forged_anchor_is_caught(stored: Path) -> None:
    head = stored.with_name("s.duckdb.audit-head.json")
    data = json.loads(head.read_text())
    head.write_text(json.dumps({**data, "count": 3}))
    assert "anchor was altered" in _verify_cli(stored)[1]
    head.unlink()
    code, out = _verify_cli(stored)
    assert code == 2 and "anchor" in out and "missing" in out


def test_key_file_setting_is_used(stored: Path, tmp_path: Path, monkeypatch: Any) -> None:
    key = tmp_path / "elsewhere.key"
    key.write_text("k" * 64)
    monkeypatch.setenv("FRONTIERGUARD_AUDIT_KEY_FILE", str(key))
    assert _verify_cli(stored)[0] == 2  # the rows were chained under the default key
    db = tmp_path / "t.duckdb"
    with connect(db) as con:
        audit.append(con, [_entry("X")])
    assert not db.with_name("t.duckdb.audit-key").exists()
    assert _verify_cli(db)[0] == 0
