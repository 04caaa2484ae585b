"""The append-only audit log of screenings.

This module offers :func:`append`, :func:`rows`, :func:`export` and :func:`verify` and
nothing that updates or deletes. Each row carries an HMAC-SHA-256, under a key kept outside
the store (:mod:`.anchor`), of the previous row's hash and its own content, so any later
edit or deletion breaks the chain, and an edited row cannot be re-chained without the key.
Every append also records the row count and head hash in a signed sidecar, so deleting the
newest rows is caught too. :func:`verify` names the first bad row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import io
import json
import threading
from dataclasses import astuple, dataclass, fields
from pathlib import Path

import duckdb

from frontierguard.controls.screening import anchor
from frontierguard.core import csvsafe
from frontierguard.core.errors import InputError
from frontierguard.core.store import table_exists, transaction

SCHEMA = """
CREATE TABLE IF NOT EXISTS screening_audit (
    audit_id BIGINT PRIMARY KEY, screened_at TIMESTAMP NOT NULL, actor VARCHAR NOT NULL,
    action VARCHAR NOT NULL, query_id VARCHAR NOT NULL, query_name VARCHAR NOT NULL,
    query_country VARCHAR NOT NULL, list_versions VARCHAR NOT NULL, algorithm VARCHAR NOT NULL,
    threshold DOUBLE NOT NULL, matched BOOLEAN NOT NULL, top_match VARCHAR NOT NULL,
    top_score DOUBLE NOT NULL, result VARCHAR NOT NULL, prev_hash VARCHAR NOT NULL,
    row_hash VARCHAR NOT NULL)
"""
GENESIS = "0" * 64
# Appends read the last row and write the next: one at a time in this process (DuckDB lets
# only one process write a store, so this serialises every writer of the chain).
_APPEND_LOCK = threading.Lock()


@dataclass(frozen=True)
class AuditEntry:
    """What is recorded about one screened party (who, what, when, against which lists)."""

    screened_at: dt.datetime
    actor: str
    action: str
    query_id: str
    query_name: str
    query_country: str
    list_versions: str
    algorithm: str
    threshold: float
    matched: bool
    top_match: str
    top_score: float
    result: str


COLUMNS = ["audit_id", *(f.name for f in fields(AuditEntry)), "prev_hash", "row_hash"]


def _digest(secret: bytes, prev: str, audit_id: int, entry: AuditEntry) -> str:
    body = json.dumps([prev, audit_id, *astuple(entry)], default=str, ensure_ascii=False)
    return hmac.new(secret, body.encode("utf-8"), hashlib.sha256).hexdigest()


def append(con: duckdb.DuckDBPyConnection, entries: list[AuditEntry]) -> list[int]:
    """Add rows at the end of the log (one transaction, one appender at a time); returns their ids."""
    if not entries:
        return []
    with _APPEND_LOCK:
        if not table_exists(con, "screening_audit"):  # created once, not on every call
            con.execute(SCHEMA)
        secret = anchor.key(con)
        ids, head = _append_locked(con, secret, entries)
        anchor.write(con, secret, anchor.Head(ids[-1], head))
        return ids


def _append_locked(con: duckdb.DuckDBPyConnection, secret: bytes,
                   entries: list[AuditEntry]) -> tuple[list[int], str]:
    with transaction(con):
        last = con.execute(
            "SELECT audit_id, row_hash FROM screening_audit ORDER BY audit_id DESC LIMIT 1"
        ).fetchone()
        next_id, prev = (int(last[0]) + 1, str(last[1])) if last else (1, GENESIS)
        batch = []
        for entry in entries:
            row_hash = _digest(secret, prev, next_id, entry)
            batch.append([next_id, *astuple(entry), prev, row_hash])
            prev, next_id = row_hash, next_id + 1
        con.executemany(f"INSERT INTO screening_audit VALUES ({', '.join('?' * len(COLUMNS))})",
                        batch)
    return [int(r[0]) for r in batch], prev


def rows(con: duckdb.DuckDBPyConnection) -> list[tuple[object, ...]]:
    """Every audit row in order, columns as :data:`COLUMNS`."""
    if not table_exists(con, "screening_audit"):
        return []
    return con.execute(f"SELECT {', '.join(COLUMNS)} FROM screening_audit ORDER BY audit_id").fetchall()


def verify(con: duckdb.DuckDBPyConnection) -> int:
    """Recompute the keyed chain and compare it with the anchor; returns the row count or
    raises naming the first bad row (or the truncation)."""
    secret = anchor.key(con)
    prev, expected_id, hashes = GENESIS, 1, [GENESIS]
    for row in rows(con):
        audit_id = int(str(row[0]))
        entry = AuditEntry(*row[1:-2])  # type: ignore[arg-type]
        if audit_id != expected_id:
            raise InputError(f"audit row {expected_id} is missing", "screening_audit", expected_id)
        if row[-2] != prev or row[-1] != _digest(secret, prev, audit_id, entry):
            raise InputError("audit row was altered (hash chain broken)", "screening_audit", audit_id)
        prev, expected_id = str(row[-1]), expected_id + 1
        hashes.append(prev)
    _check_anchor(con, secret, hashes)
    return expected_id - 1


def _check_anchor(con: duckdb.DuckDBPyConnection, secret: bytes, hashes: list[str]) -> None:
    count = len(hashes) - 1
    head = anchor.read(con, secret)
    if head is None:
        if count and anchor.anchor_path(con) is not None:
            raise InputError(f"the audit anchor {anchor.anchor_path(con)} is missing, so "
                             "truncation cannot be ruled out", "screening_audit")
        return
    if count < head.count:
        raise InputError(f"audit log truncated: the anchor records {head.count} rows, the log "
                         f"has {count}", "screening_audit", count + 1)
    if hashes[head.count] != head.head:
        raise InputError("audit row does not match the anchor's head hash", "screening_audit",
                         head.count)


def export(con: duckdb.DuckDBPyConnection, out: Path | None = None) -> str:
    """Write the log as CSV to ``out`` (returns the path) or return the CSV text."""
    buffer = io.StringIO()
    writer = csvsafe.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows(con):
        writer.writerow(["true" if v is True else "false" if v is False else v for v in row])
    if out is None:
        return buffer.getvalue()
    out.write_text(buffer.getvalue(), encoding="utf-8")
    return str(out)
