"""Versioned restricted-party lists in the DuckDB store.

Every ``lists update`` adds a version (source, list date, files, counts); entries are kept
per version, so a past screening can be replayed against the lists it used.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from frontierguard.controls.screening.loaders import LoadedList, load_files
from frontierguard.controls.screening.model import ListEntry
from frontierguard.core.errors import InputError, NotFoundError
from frontierguard.core.store import transaction

SCHEMA = """
CREATE SEQUENCE IF NOT EXISTS screening_version_seq START 1;
CREATE TABLE IF NOT EXISTS screening_list_versions (
    version_id INTEGER PRIMARY KEY, source VARCHAR NOT NULL, format VARCHAR NOT NULL,
    list_date DATE NOT NULL, loaded_at TIMESTAMP NOT NULL, files VARCHAR NOT NULL,
    entries INTEGER NOT NULL, names INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS screening_entries (
    version_id INTEGER NOT NULL, entry_id VARCHAR NOT NULL, list_name VARCHAR NOT NULL,
    name VARCHAR NOT NULL, kind VARCHAR NOT NULL, aliases VARCHAR[], countries VARCHAR[],
    addresses VARCHAR[], identifiers VARCHAR[], programs VARCHAR[]);
"""
_LIST_FIELDS = ("aliases", "countries", "addresses", "identifiers", "programs")


@dataclass(frozen=True)
class ListVersion:
    """One loaded version of one list."""

    version_id: int
    source: str
    format: str
    list_date: dt.date
    loaded_at: dt.datetime
    files: str
    entries: int
    names: int

    def label(self) -> str:
        return f"{self.source}@{self.list_date.isoformat()}#{self.version_id}"


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(SCHEMA)


def _arrow(version_id: int, entries: list[ListEntry]) -> pa.Table:
    cols: dict[str, list[Any]] = {"version_id": [version_id] * len(entries)}
    for name in ("entry_id", "list_name", "name", "kind", *_LIST_FIELDS):
        cols[name] = [getattr(e, name) for e in entries]
    return pa.table(cols)


def save(
    con: duckdb.DuckDBPyConnection, loaded: LoadedList, list_date: dt.date,
    loaded_at: dt.datetime,
) -> ListVersion:
    """Store one loaded list as a new version."""
    ensure_schema(con)
    names = sum(1 + len(e.aliases) for e in loaded.entries)
    with transaction(con):
        row = con.execute("SELECT nextval('screening_version_seq')").fetchone()
        version_id = int(row[0]) if row else 1
        files = ", ".join(str(f) for f in loaded.files)
        con.execute(
            "INSERT INTO screening_list_versions VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [version_id, loaded.source, loaded.format, list_date, loaded_at, files,
             len(loaded.entries), names],
        )
        con.register("screening_new_entries", _arrow(version_id, loaded.entries))
        try:
            con.execute("INSERT INTO screening_entries SELECT * FROM screening_new_entries")
        finally:
            con.unregister("screening_new_entries")
    return ListVersion(version_id, loaded.source, loaded.format, list_date, loaded_at, files,
                       len(loaded.entries), names)


def update(
    con: duckdb.DuckDBPyConnection, paths: list[Path], *, list_date: dt.date | None = None,
    source: str | None = None, now: dt.datetime | None = None,
) -> list[ListVersion]:
    """Load list files (format detected) and store each list as a new version.

    The list date is ``list_date`` if given, else the date printed in the file (UN XML),
    else the load date.
    """
    if not paths:
        raise InputError("no list files given")
    stamp = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    return [save(con, loaded, list_date or loaded.list_date or stamp.date(), stamp)
            for loaded in load_files(paths, source)]


def versions(con: duckdb.DuckDBPyConnection) -> list[ListVersion]:
    """Every stored version, oldest first."""
    ensure_schema(con)
    rows = con.execute(
        "SELECT * FROM screening_list_versions ORDER BY list_date, version_id").fetchall()
    return [ListVersion(*r) for r in rows]


def active_versions(con: duckdb.DuckDBPyConnection, as_of: dt.date | None = None) -> list[ListVersion]:
    """For each source, the newest version with a list date on or before ``as_of``."""
    latest: dict[str, ListVersion] = {}
    for v in versions(con):
        if as_of is None or v.list_date <= as_of:
            latest[v.source] = v
    if not latest:
        when = f" dated on or before {as_of}" if as_of else ""
        raise NotFoundError(f"no screening lists loaded{when}; run `frontierguard lists update`")
    return list(latest.values())


def entries(con: duckdb.DuckDBPyConnection, version_ids: list[int]) -> list[ListEntry]:
    """The entries of the given versions."""
    ensure_schema(con)
    rel = con.execute(
        "SELECT entry_id, list_name, name, kind, aliases, countries, addresses, identifiers, programs "
        "FROM screening_entries WHERE list_contains(?, version_id) ORDER BY version_id, rowid",
        [version_ids],
    ).fetchall()
    return [ListEntry(*r[:4], *[list(x or []) for x in r[4:]]) for r in rel]
