"""The embedded default store: one DuckDB file.

Every command that uses the store takes ``--db FILE``; the default is
``$FRONTIERGUARD_DB`` or else ``./frontierguard.duckdb``. When a query needs more memory
than its limit, DuckDB spills to disk: under the ``store_spill_dir`` setting
(``$FRONTIERGUARD_STORE_SPILL_DIR``) or else a per-process folder in the system temp
directory, never the user's current directory.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from frontierguard.core import settings
from frontierguard.core.errors import StoreBusyError

DEFAULT_DB = "frontierguard.duckdb"

SETTINGS = [
    settings.Setting(
        "store_spill_dir", str, "",
        "Folder where DuckDB spills intermediate results that exceed its memory limit. "
        "Empty: a per-process folder under the system temp directory.", area="core"),
]
settings.register(SETTINGS)


def spill_dir() -> Path:
    """Where this process's DuckDB connections spill (created on demand by DuckDB)."""
    configured = settings.resolve(SETTINGS, None)["store_spill_dir"]
    if configured:
        return Path(configured)
    return Path(tempfile.gettempdir()) / f"frontierguard-spill-{os.getpid()}"


def default_db_path() -> Path:
    """The store used when no ``--db`` is given."""
    return Path(os.environ.get("FRONTIERGUARD_DB") or DEFAULT_DB)


def connect(
    path: str | Path | None = None, *, read_only: bool = False
) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the DuckDB store. ``":memory:"`` gives a scratch store."""
    target = str(path) if path is not None else str(default_db_path())
    if target != ":memory:":
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(target, read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" not in str(exc).lower():
            raise
        raise StoreBusyError(_busy_message(target, str(exc))) from None
    con.execute("SET TimeZone = 'UTC'")
    con.execute("SET temp_directory = ?", [str(spill_dir())])
    # DuckDB's own bar would print on any stream, terminal or not: progress goes through
    # core.progress instead
    con.execute("SET enable_progress_bar = false")
    return con


def _busy_message(target: str, detail: str) -> str:
    holder = re.search(r"held in (.+?) \(PID (\d+)\)", detail)
    who = f"process {holder.group(2)} ({holder.group(1)})" if holder else "another process"
    return (f"the store {target} is in use by {who}, most likely `frontierguard serve`. DuckDB "
            "lets one process open a store at a time: stop that process and retry, use the "
            "running service (its API and pages), or pass --db with another store.")


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """All-or-nothing: commit on success, roll back on any exception."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def table_exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    rows = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchall()
    return bool(rows[0][0])
