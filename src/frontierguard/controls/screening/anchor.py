"""What keeps the screening audit chain honest from outside the store.

* The **key**: rows are chained with HMAC-SHA-256 under a key that is not in the store, so
  someone who can edit the store cannot re-chain an edited row. The key is the file named by
  the ``audit_key_file`` setting (``$FRONTIERGUARD_AUDIT_KEY_FILE``); without it, a file
  ``<store>.audit-key`` created beside the store on first use (mode 0600). Point the setting
  at a place the store's editors cannot read to get the full protection.
* The **anchor**: after every append the row count and the newest row's hash are written to
  a sidecar file (``audit_anchor`` setting, default ``<store>.audit-head.json``), itself
  HMAC-signed, so deleting the newest rows (truncation) is caught.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

import duckdb

from frontierguard.core.errors import ConfigError, InputError
from frontierguard.core.settings import Setting, register, resolve

KEY_FILE = Setting(
    "audit_key_file", str, "",
    "File holding the screening audit log's HMAC key (default: <store>.audit-key, created on "
    "first use). Keep it where whoever can edit the store cannot read it.", "controls")
ANCHOR_FILE = Setting(
    "audit_anchor", str, "",
    "Sidecar file where each audit append records the row count and head hash "
    "(default: <store>.audit-head.json).", "controls")
register([KEY_FILE, ANCHOR_FILE])
_MEMORY_KEY = secrets.token_bytes(32)  # a ':memory:' store lives only as long as this process


@dataclass(frozen=True)
class Head:
    """The anchor's record: how many rows the log had and the newest row's hash."""

    count: int
    head: str


def store_file(con: duckdb.DuckDBPyConnection) -> Path | None:
    """The store's database file (None for an in-memory store)."""
    rows = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = "
                       "current_database()").fetchall()
    return Path(rows[0][0]) if rows and rows[0][0] else None


def _settings() -> dict[str, str]:
    values = resolve([KEY_FILE, ANCHOR_FILE], None)
    return {k: str(v) for k, v in values.items()}


def key(con: duckdb.DuckDBPyConnection) -> bytes:
    """The chain's HMAC key (created beside the store when no key file is configured)."""
    configured = _settings()[KEY_FILE.name]
    store = store_file(con)
    if not configured and store is None:
        return _MEMORY_KEY
    path = Path(configured) if configured else store.with_name(store.name + ".audit-key")  # type: ignore[union-attr]
    if not path.exists():
        if configured:
            raise ConfigError(f"audit key file {path} does not exist")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32) + "\n")
    text = path.read_text().strip()
    if len(text) < 32:
        raise ConfigError(f"audit key file {path} holds fewer than 32 characters")
    return text.encode()


def anchor_path(con: duckdb.DuckDBPyConnection) -> Path | None:
    configured = _settings()[ANCHOR_FILE.name]
    if configured:
        return Path(configured)
    store = store_file(con)
    return store.with_name(store.name + ".audit-head.json") if store else None


def _mac(secret: bytes, head: Head) -> str:
    return hmac.new(secret, f"{head.count}:{head.head}".encode(), hashlib.sha256).hexdigest()


def write(con: duckdb.DuckDBPyConnection, secret: bytes, head: Head) -> None:
    """Record ``head`` in the anchor file (atomically: a reader sees the old or the new one)."""
    path = anchor_path(con)
    if path is None:
        return
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps({"count": head.count, "head": head.head,
                               "mac": _mac(secret, head)}) + "\n")
    os.replace(tmp, path)


def read(con: duckdb.DuckDBPyConnection, secret: bytes) -> Head | None:
    """The anchor's head, or None when there is none yet; a forged or broken anchor raises."""
    path = anchor_path(con)
    if path is None or not path.exists():
        return None
    try:
        data = json.loads(path.read_text())
        head = Head(int(data["count"]), str(data["head"]))
        mac = str(data["mac"])
    except (ValueError, KeyError, TypeError):
        raise InputError("audit anchor is unreadable", path) from None
    if not hmac.compare_digest(mac, _mac(secret, head)):
        raise InputError("audit anchor was altered (its signature does not match)", path)
    return head
