"""Partner campaigns and indicators in the DuckDB store (``share import``).

Two tables: ``partner_campaigns`` (one row per partner campaign: source, reported date,
modified time, revoked) and ``partner_indicators`` (kind and keyed hash of each shared
value, with its campaign, source and date). A newer version of a campaign replaces the
stored one with its indicators; a revoked version drops its indicators; an older version
than the stored one changes nothing. All the bundles of one import are stored in one
transaction: any bad bundle leaves the store as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from frontierguard.core.store import connect, table_exists, transaction
from frontierguard.traffic.sharing.bundles import Parsed, PartnerCampaign, parse, read_file
from frontierguard.traffic.sharing.keys import GroupKey

DDL = (
    "CREATE TABLE IF NOT EXISTS partner_campaigns (campaign_ref VARCHAR, source VARCHAR, "
    "name VARCHAR, reported DATE, modified VARCHAR, first_seen VARCHAR, last_seen VARCHAR, "
    "revoked BOOLEAN, bundle VARCHAR)",
    "CREATE TABLE IF NOT EXISTS partner_indicators (indicator_ref VARCHAR, campaign_ref VARCHAR, "
    "kind VARCHAR, keyed_hash VARCHAR, value VARCHAR, accounts INTEGER)",
)


@dataclass
class ImportResult:
    """What an import changed."""

    bundles: int = 0
    campaigns: int = 0
    indicators: int = 0
    revoked: int = 0
    older_ignored: int = 0
    foreign_indicators: int = 0

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def ensure(con: duckdb.DuckDBPyConnection) -> None:
    """Create the partner tables if the store lacks them."""
    for sql in DDL:
        con.execute(sql)


def _stored_modified(con: duckdb.DuckDBPyConnection, ref: str) -> str | None:
    rows = con.execute("SELECT modified FROM partner_campaigns WHERE campaign_ref = ?",
                       [ref]).fetchall()
    return str(rows[0][0]) if rows else None


def _when(stamp: str) -> datetime:
    """A STIX timestamp as a time (precisions differ between producers: compare times)."""
    return datetime.fromisoformat(stamp)


def _put_campaign(con: duckdb.DuckDBPyConnection, c: PartnerCampaign, bundle: str) -> None:
    con.execute("DELETE FROM partner_indicators WHERE campaign_ref = ?", [c.ref])
    con.execute("DELETE FROM partner_campaigns WHERE campaign_ref = ?", [c.ref])
    con.execute("INSERT INTO partner_campaigns VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [c.ref, c.source, c.name, c.reported, c.modified, c.first_seen, c.last_seen,
                 c.revoked, bundle])


def _store_one(con: duckdb.DuckDBPyConnection, p: Parsed, result: ImportResult) -> None:
    fresh = set()
    for c in p.campaigns:
        stored = _stored_modified(con, c.ref)
        if stored is not None and _when(stored) > _when(c.modified):
            result.older_ignored += 1
            continue
        _put_campaign(con, c, p.source)
        result.revoked += c.revoked
        result.campaigns += not c.revoked
        if not c.revoked:
            fresh.add(c.ref)
    rows = [i for i in p.indicators if i.campaign_ref in fresh]
    if rows:
        con.executemany("INSERT INTO partner_indicators VALUES (?, ?, ?, ?, ?, ?)",
                        [[i.ref, i.campaign_ref, i.kind, i.keyed_hash, i.value, i.accounts]
                         for i in rows])
    for ref in p.revoked_indicators:
        con.execute("DELETE FROM partner_indicators WHERE indicator_ref = ?", [ref])
    result.indicators += len(rows)
    result.foreign_indicators += p.foreign


def store(con: duckdb.DuckDBPyConnection, parsed: Sequence[Parsed]) -> ImportResult:
    """Store parsed bundles in one transaction."""
    result = ImportResult(bundles=len(parsed))
    with transaction(con):
        ensure(con)
        for p in parsed:
            _store_one(con, p, result)
    return result


def import_files(paths: Sequence[str | Path], key: GroupKey, db: str | Path) -> ImportResult:
    """Read, check and store bundle files; every file is checked before anything is stored."""
    parsed = [parse(read_file(p), key, str(p)) for p in paths]
    con = connect(db)
    try:
        return store(con, parsed)
    finally:
        con.close()


def active(con: duckdb.DuckDBPyConnection) -> pa.Table | None:
    """Indicators of unrevoked partner campaigns (kind, keyed_hash, campaign_ref, source,
    reported, name); ``None`` when the store holds none."""
    if not table_exists(con, "partner_indicators"):
        return None
    table = con.sql(
        "SELECT i.kind, i.keyed_hash, i.campaign_ref, c.source, CAST(c.reported AS VARCHAR) "
        "AS reported, c.name FROM partner_indicators i JOIN partner_campaigns c "
        "USING (campaign_ref) WHERE NOT c.revoked ORDER BY ALL").to_arrow_table()
    return table if table.num_rows else None


def read_active(db: str | Path) -> pa.Table | None:
    """:func:`active` from a store file opened read-only (a missing file holds none)."""
    if not Path(db).exists():
        return None
    con = connect(db, read_only=True)
    try:
        return active(con)
    finally:
        con.close()
