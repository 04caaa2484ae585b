"""``indicators.csv``: the values each reported campaign rests on, for sharing.

``detect`` writes one row per (campaign, kind, value) with

* ``campaign`` -- the campaign id in ``campaigns.json`` (``C001`` ...);
* ``kind`` -- ``ip`` (exit address), ``ip24`` (its /24, or /48 for IPv6), ``asn`` (a
  hosting autonomous system), ``tls`` (TLS client fingerprint, JA3/JA4), ``user_agent``,
  ``payment`` (payment fingerprint) or ``template`` (prompt-template fingerprint);
* ``value`` -- the raw value as seen in the traffic;
* ``accounts`` -- how many of the campaign's accounts used it;
* ``all_accounts`` -- how many accounts in the whole run used it (campaign or not).

Unlike the top values per kind in ``campaigns.json`` the table is complete, and
``all_accounts`` tells a value the campaign owns (a rented exit node) from one everybody
uses (a popular SDK's user agent). ``frontierguard share export`` reads it; it holds raw
identifiers and stays inside the lab.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from frontierguard.core import csvsafe
from frontierguard.core.store import table_exists

COLUMNS = ("campaign", "kind", "value", "accounts", "all_accounts")

# kind -> SQL expression over req_signals giving the value (NULL: none)
KIND_SQL = {
    "ip": "ip",
    "ip24": "ip24",
    "asn": "CASE WHEN asn_type = 'hosting' THEN CAST(asn AS VARCHAR) END",
    "tls": "tls_fingerprint",
    "user_agent": "user_agent",
    "payment": "payment_fingerprint",
    "template": "template_id",
}


def _values_sql() -> str:
    return " UNION ALL ".join(
        f"SELECT DISTINCT account_id, '{kind}' AS kind, {expr} AS value FROM req_signals "
        f"WHERE {expr} IS NOT NULL AND {expr} <> ''" for kind, expr in KIND_SQL.items())


def rows(con: duckdb.DuckDBPyConnection, campaigns: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """(campaign, kind, value, accounts, all_accounts) for every reported campaign, ordered."""
    members = [(c["id"], a) for c in campaigns for a in c["accounts"]]
    table = pa.table({"campaign": [m[0] for m in members], "account_id": [m[1] for m in members]},
                     schema=pa.schema([("campaign", pa.string()), ("account_id", pa.string())]))
    con.register("_share_members", table)
    try:
        found: list[tuple[Any, ...]] = con.execute(
            f"WITH v AS ({_values_sql()}), "
            "used AS (SELECT m.campaign, v.kind, v.value, count(*) AS accounts FROM v "
            "JOIN _share_members m USING (account_id) GROUP BY ALL), "
            "everyone AS (SELECT kind, value, count(*) AS all_accounts FROM v "
            "WHERE (kind, value) IN (SELECT (kind, value) FROM used) GROUP BY ALL) "
            "SELECT u.campaign, u.kind, u.value, u.accounts, e.all_accounts FROM used u "
            "JOIN everyone e USING (kind, value) "
            "ORDER BY u.campaign, u.kind, u.accounts DESC, u.value").fetchall()
    finally:
        con.unregister("_share_members")
    return found


def write(con: duckdb.DuckDBPyConnection, path: Path, campaigns: list[dict[str, Any]]) -> None:
    """Write ``indicators.csv``; header only when there are no campaigns or no request
    signals to read them from (an assessment made by hand)."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csvsafe.writer(fh)
        w.writerow(COLUMNS)
        for row in rows(con, campaigns) if campaigns and table_exists(con, "req_signals") else []:
            w.writerow(row)
