"""Partner indicators as a ``detect`` signal: accounts linked to partners' campaigns.

Each value this lab's accounts used (exit IP, /24, hosting ASN, TLS fingerprint, user agent,
payment and prompt-template fingerprint) is hashed under the group key and compared with
the keyed hashes partners shared -- on hashes only, so no partner's raw data is needed and
nothing is shown to a partner. An account's link to one partner campaign is
``1 - prod(1 - weight(kind))`` over the kinds it matched (weights in ``data/kinds.yaml``);
the account is linked to its strongest partner campaign, and where the link reaches
``share_link_min`` it is flagged, its score is raised to the link and its first reason reads
"seen in a campaign reported by X on DATE". ``partner_matches.csv`` lists every account that
matched anything. With no partner indicators stored this step does not run at all.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from frontierguard.core import csvsafe
from frontierguard.core.errors import ConfigError
from frontierguard.traffic.indicator_table import KIND_SQL
from frontierguard.traffic.sharing import partners, settings
from frontierguard.traffic.sharing.keys import GroupKey, load_key
from frontierguard.traffic.sharing.reference import KINDS

MAX_REASONS = 5


@dataclass(frozen=True)
class Match:
    """An account's strongest link to a partner campaign."""

    account_id: str
    source: str
    reported: str
    campaign: str
    kinds: tuple[str, ...]
    weight: float
    linked: bool

    @property
    def reason(self) -> str:
        return (f"seen in a campaign reported by {self.source} on {self.reported} "
                f"(matched {', '.join(self.kinds)}; link {self.weight:.2f})")


def local_hashes(con: duckdb.DuckDBPyConnection, key: GroupKey, kinds: set[str]) -> pa.Table:
    """(account_id, kind, keyed_hash) for every value the accounts in ``req_signals`` used."""
    hashes: dict[str, list[str]] = {"kind": [], "value": [], "keyed_hash": []}
    for kind in sorted(kinds & set(KIND_SQL)):
        expr = KIND_SQL[kind]
        for (value,) in con.execute(f"SELECT DISTINCT {expr} FROM req_signals "
                                    f"WHERE {expr} IS NOT NULL AND {expr} <> ''").fetchall():
            hashes["kind"].append(kind)
            hashes["value"].append(value)
            hashes["keyed_hash"].append(key.hash(kind, value))
    return pa.table(hashes, schema=pa.schema([(n, pa.string()) for n in hashes]))


def _matched(con: duckdb.DuckDBPyConnection, key: GroupKey,
             partners: pa.Table) -> list[tuple[Any, ...]]:
    """(account, partner campaign name, source, reported, kind) for every matched kind.

    The local values whose hashes a partner shared are found first (a small table); only
    then are the requests scanned for the accounts that used them."""
    kinds = sorted(set(partners.column("kind").to_pylist()) & set(KIND_SQL))
    con.register("_share_local", local_hashes(con, key, set(kinds)))
    con.register("_share_partner", partners)
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE _share_hit AS SELECT DISTINCT l.kind, l.value, "
                    "p.name, p.source, p.reported FROM _share_local l JOIN _share_partner p "
                    "ON p.kind = l.kind AND p.keyed_hash = l.keyed_hash")
        union = " UNION ALL ".join(
            f"SELECT DISTINCT account_id, '{k}' AS kind, {KIND_SQL[k]} AS value FROM req_signals "
            f"WHERE {KIND_SQL[k]} IN (SELECT value FROM _share_hit WHERE kind = '{k}')"
            for k in kinds)
        rows: list[tuple[Any, ...]] = con.execute(
            f"SELECT DISTINCT u.account_id, h.name, h.source, h.reported, u.kind "
            f"FROM ({union}) u JOIN _share_hit h USING (kind, value) ORDER BY ALL").fetchall()
        con.execute("DROP TABLE _share_hit")
    finally:
        con.unregister("_share_local")
        con.unregister("_share_partner")
    return rows


def matches(con: duckdb.DuckDBPyConnection, key: GroupKey, partners: pa.Table,
            link_min: float) -> list[Match]:
    """Each matching account's strongest partner campaign, by account id."""
    kinds: dict[tuple[str, str, str, str], set[str]] = defaultdict(set)
    for account, ref, source, reported, kind in _matched(con, key, partners):
        kinds[(account, ref, source, reported)].add(kind)
    best: dict[str, Match] = {}
    for (account, ref, source, reported), found in sorted(kinds.items()):
        miss = 1.0
        for k in found:
            miss *= 1.0 - KINDS[k].weight
        m = Match(account, source, reported, ref, tuple(sorted(found)), round(1.0 - miss, 6),
                  1.0 - miss >= link_min)
        if account not in best or m.weight > best[account].weight:
            best[account] = m
    return [best[a] for a in sorted(best)]


def apply(accounts: list[dict[str, Any]], found: list[Match]) -> None:
    """Flag linked accounts, raise their score to the link, put the partner reason first."""
    by_id = {m.account_id: m for m in found if m.linked}
    for a in accounts:
        m = by_id.get(a["account_id"])
        if m is None:
            continue
        a["flagged"] = True
        a["score"] = max(float(a["score"]), m.weight)
        a["reasons"] = [m.reason, *a["reasons"]][:MAX_REASONS]


def write(path: Path, found: list[Match]) -> None:
    """``partner_matches.csv``: account, partner, date, partner campaign, kinds, link."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csvsafe.writer(fh)
        w.writerow(["account_id", "source", "reported", "partner_campaign", "kinds", "weight",
                    "linked"])
        for m in found:
            w.writerow([m.account_id, m.source, m.reported, m.campaign, ",".join(m.kinds),
                        f"{m.weight:.6f}", "true" if m.linked else "false"])


def partner_signal(con: duckdb.DuckDBPyConnection, accounts: list[dict[str, Any]],
                   partners_db: str | Path | None = None,
                   key_file: str | Path | None = None) -> list[Match] | None:
    """Match ``accounts`` against the partner indicators in the detection's store (or in
    ``partners_db``) and apply the links; ``None`` (nothing changed) when none are stored."""
    table = partners.active(con)
    if table is None and partners_db is not None:
        table = partners.read_active(partners_db)
    if table is None:
        return None
    values = settings.values({"share_key_file": str(key_file) if key_file else None})
    if not values["share_key_file"]:
        raise ConfigError(f"{table.num_rows} partner indicators are stored; give --key-file "
                          "(or set FRONTIERGUARD_SHARE_KEY_FILE) to match them")
    found = matches(con, load_key(values["share_key_file"]), table, values["share_link_min"])
    apply(accounts, found)
    return found
