"""The account graph: rarity-weighted links from shared indicators, and Leiden communities.

Each account emits *indicators* -- (kind, value) pairs such as a payment fingerprint, an
IP on a given day, a TLS+user-agent combination, a prompt template, a SimHash band of a
template, a MinHash band of its active 10-minute windows (lockstep), or its creation
burst. Accounts sharing a value are linked with weight ``weight(kind) * rarity(k)``,
``rarity(k) = ln(P/k) / ln(P)`` for ``k`` sharing accounts and population
``P = max(accounts, reference_population)``. Values shared by more than ``max_accounts``
accounts are public (a popular browser, a big NAT) and link nobody; values shared by fewer
than ``min_accounts`` (default 2; 5 for creation bursts) link nobody either.

Cost stays linear: candidate pairs come from each group of ``k`` sharing accounts arranged
in a ring (ordered by a hash of the account id) where every member pairs with
``neighbours`` others at offsets 1, then spread evenly round the ring (all pairs when
``k <= 2*neighbours+1``), so a big group becomes a sparse, well-connected graph rather than
``k^2`` pairs. Each candidate pair is then weighted by *everything* the two accounts share:
per kind the strongest shared value counts (or, for a kind with ``support`` s, the shared
values add up to at most the kind's weight, one counting ``1/s``), and kinds add up. Pairs below
``min_edge_weight`` are dropped. All of it is equi-joins in SQL, never an all-pairs join:
the joins run on integer account and kind ids, and the pair join in the order written
(:func:`_pairs`).
Weights are added in a fixed order (``list_sum`` over an ordered list, not ``sum``): a parallel
``sum`` adds in whatever order its threads finish, the last bit of a weight then varies from
run to run, and Leiden, which follows the weights exactly, can return another partition.

Each account contributes at most ``values_per_kind`` shared values per kind -- the ones it
uses most (ties: the rarest) -- so an account spread over hundreds of popular templates or
IPs costs no more than one with a few, and its characteristic values are what link it. With
``values_per_day`` set (policy_v3), kinds keyed by day (IP and /24 on a day) are capped per
day instead: an account behind the same exit node all fortnight keeps that node on every day
it was active, so two accounts sharing it meet on the days they share, not only on the three
days each happened to use it most; the cost stays linear in account-days.

Kinds marked ``hard`` in the policy (payment, network, client build, creation burst) make up
a link's ``hard`` part; a kind keyed by day counts there only when the pair shared it on at
least ``hard_days`` days (one shared address on one day is what carrier-grade NAT gives
strangers; the same exit node day after day is not). With ``communities.consolidate_link``
set (policy_v4), accounts joined by links whose hard part reaches it are kept in one
community after Leiden (:func:`_consolidate`).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import igraph as ig
import leidenalg
import pyarrow as pa

from frontierguard.traffic.policy import Policy
from frontierguard.traffic.signals.template import BANDS

DAY_KEYED = frozenset({"ip", "ip24"})  # kinds whose values hold a day: one value per day used


def _indicator_sql(policy: Policy) -> str:
    """One SELECT per indicator kind producing (account_id, kind, value)."""
    p = policy.linkage
    create_min = int(p.get("creation_bucket_minutes", 10))
    day = "CAST(CAST(ts AS DATE) AS VARCHAR)"
    parts = {
        "payment": "SELECT account_id, payment_fingerprint FROM req_signals "
                   "WHERE payment_fingerprint IS NOT NULL",
        "tls_ua": "SELECT account_id, tls_fingerprint || '|' || user_agent FROM req_signals "
                  "WHERE tls_fingerprint IS NOT NULL AND user_agent IS NOT NULL",
        "tls": "SELECT account_id, tls_fingerprint FROM req_signals "
               "WHERE tls_fingerprint IS NOT NULL",
        "ip": f"SELECT account_id, ip || '@' || {day}, {day} FROM req_signals WHERE ip IS NOT NULL",
        "ip24": f"SELECT account_id, ip24 || '@' || {day}, {day} FROM req_signals "
                "WHERE ip24 IS NOT NULL",
        "hosting_asn": "SELECT account_id, CAST(asn AS VARCHAR) FROM req_signals "
                       "WHERE asn_type = 'hosting' AND asn IS NOT NULL",
        "template": "SELECT account_id, template_id FROM req_signals WHERE template_id IS NOT NULL",
        "simhash": " UNION ALL ".join(
            f"SELECT account_id, '{i}:' || CAST((template_simhash >> {shift}) & {mask} AS VARCHAR) "
            f"FROM req_signals WHERE template_simhash IS NOT NULL"
            for i, (shift, mask) in enumerate(BANDS)),
        "creation": "SELECT account_id, coalesce(signup_channel, '?') || '@' || CAST("
                    f"time_bucket(INTERVAL {create_min} MINUTE, account_created) AS VARCHAR) "
                    "FROM req_signals WHERE account_created IS NOT NULL",
        "lockstep": "SELECT account_id, value FROM _lockstep",
    }
    kinds = [i.kind for i in policy.indicators]
    def one(k: str) -> str:
        day, cols = ("any_value(d)", "account_id, v, d") if k in DAY_KEYED else (
            "CAST(NULL AS VARCHAR)", "account_id, v")
        return (f"SELECT account_id, '{k}' AS kind, v AS value, {day} AS day, count(*) AS uses "
                f"FROM ({parts[k]}) t({cols}) GROUP BY account_id, v")

    return " UNION ALL ".join(one(k) for k in kinds)


def _lockstep(con: duckdb.DuckDBPyConnection, policy: Policy) -> None:
    """MinHash-LSH bands of each account's set of active time buckets (CopyCatch-style).

    Accounts active in more than ``lockstep_max_density`` of the buckets of their active
    span (default 1: none excluded) are left out: two sleepless clients share most windows
    by chance, so their overlap says nothing about coordination."""
    p = policy.linkage
    minutes, min_buckets = int(p["lockstep_bucket_minutes"]), int(p["lockstep_min_buckets"])
    density = float(p.get("lockstep_max_density", 1.0))
    bands, rows = int(p["lockstep_bands"]), int(p["lockstep_rows"])
    mins = ", ".join(f"min(hash(bucket, {i})) AS h{i}" for i in range(bands * rows))
    band_sql = " UNION ALL ".join(
        f"SELECT account_id, '{b}:' || CAST(hash({', '.join(f'h{b * rows + r}' for r in range(rows))})"
        f" AS VARCHAR) AS value FROM _mh" for b in range(bands))
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE _buckets AS SELECT DISTINCT account_id, "
        f"CAST(epoch(ts) // {minutes * 60} AS BIGINT) AS bucket FROM req_signals")
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE _mh AS SELECT account_id, {mins} FROM _buckets "
        f"GROUP BY account_id HAVING count(*) >= {min_buckets} "
        f"AND count(*) <= {density} * (max(bucket) - min(bucket) + 1)")
    con.execute(f"CREATE OR REPLACE TEMP TABLE _lockstep AS {band_sql}")
    con.execute("DROP TABLE _buckets; DROP TABLE _mh")


def _kinds_table(policy: Policy) -> pa.Table:
    return pa.table({
        "kind": [i.kind for i in policy.indicators],
        "kweight": [i.weight for i in policy.indicators],
        "max_accounts": [i.max_accounts for i in policy.indicators],
        "min_accounts": [max(2, i.min_accounts) for i in policy.indicators],
        "support": [i.support for i in policy.indicators],
        "hard": [i.hard for i in policy.indicators],
        "grp": [i.group or i.kind for i in policy.indicators],
    })


def _numbered(con: duckdb.DuckDBPyConnection) -> None:
    """``_ids`` (account_id, aid) and ``_kid`` (kind, kid): integer keys for the pair joins,
    which hash and compare far faster on integers than on account-id strings."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _ids AS SELECT account_id, "
        "CAST(row_number() OVER (ORDER BY account_id) AS INTEGER) AS aid "
        "FROM (SELECT DISTINCT account_id FROM indicators)")
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _kid AS SELECT *, "
        "CAST(row_number() OVER (ORDER BY kind) AS INTEGER) AS kid FROM _kinds")


def _candidates(con: duckdb.DuckDBPyConnection, reach: int) -> None:
    """``_cand`` (ai, bi): the ring pairs of every shared value, as integer ids (ai < bi).

    Each member's ring partners' positions are computed first and then looked up by
    equality, so the join is linear in the indicators (joining on the value alone and
    filtering positions afterwards would pair every two members of a big group)."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _cand AS WITH src AS (SELECT i.aid, g.kind, g.vid, "
        f"(g.r + CASE WHEN g.kk - 1 <= {2 * reach} THEN t.j "
        f"ELSE 1 + ((t.j - 1) * (g.kk - 1)) // {2 * reach} END) % g.kk AS target "
        f"FROM indicators g JOIN _ids i USING (account_id) CROSS JOIN range(1, {reach + 1}) t(j) "
        "WHERE t.j < g.kk), dst AS (SELECT i.aid, g.kind, g.vid, g.r FROM indicators g "
        "JOIN _ids i USING (account_id)) "
        "SELECT DISTINCT least(src.aid, dst.aid) AS ai, greatest(src.aid, dst.aid) AS bi "
        "FROM src JOIN dst ON dst.kind = src.kind AND dst.vid = src.vid AND dst.r = src.target")


def _pairs(con: duckdb.DuckDBPyConnection, hard_days: int) -> None:
    """``_pairs`` (a, b, kind, hard, w, grp): per candidate pair and kind, what the two share.

    The join runs in the order written -- each candidate pair, the first account's values,
    then a lookup of the second account's same value -- so its cost is the candidates times
    the values per account. (Left to reorder, DuckDB joins the values on themselves first,
    which is quadratic in the size of a popular value's group and runs out of memory.)"""
    previous = con.execute("SELECT current_setting('disabled_optimizers')").fetchall()[0][0]
    con.execute("SET disabled_optimizers = 'join_order'")
    try:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _agg AS SELECT c.ai, c.bi, s1.kid, "
            "count(DISTINCT s1.day) AS days, bool_or(s1.day IS NULL) AS undated, "
            "list_sum(list(s1.w ORDER BY s1.vid)) AS total, max(s1.w) AS strongest "
            "FROM _cand c JOIN _shared s1 ON s1.aid = c.ai JOIN _shared s2 "
            "ON s2.aid = c.bi AND s2.kid = s1.kid AND s2.vid = s1.vid "
            "GROUP BY c.ai, c.bi, s1.kid")
    finally:
        con.execute(f"SET disabled_optimizers = '{previous}'")
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _pairs AS SELECT i1.account_id AS a, i2.account_id AS b, "
        f"kw.kind, kw.hard AND (p.days >= {hard_days} OR p.undated) AS hard, "
        "CASE WHEN kw.support > 0 THEN least(kw.kweight, p.total / kw.support) "
        "ELSE p.strongest END AS w, kw.grp "
        "FROM _agg p JOIN _ids i1 ON i1.aid = p.ai JOIN _ids i2 ON i2.aid = p.bi "
        "JOIN _kid kw ON kw.kid = p.kid")
    con.execute("DROP TABLE _agg")


def build_graph(con: duckdb.DuckDBPyConnection, policy: Policy) -> int:
    """Create tables ``indicators`` (account, kind, value, k) and ``links`` (a, b, weight,
    kinds, hard: the part of the weight from hard kinds, top: the strongest kind's part and
    top_group its family,
    groups: how many independent evidence groups give at least ``evidence_floor``) from
    ``req_signals``; returns the number of links."""
    p = policy.linkage
    n_accounts = int(con.execute(
        "SELECT count(DISTINCT account_id) FROM req_signals").fetchall()[0][0])
    pop = max(float(n_accounts), float(p["reference_population"]), 3.0)
    reach, per_kind = int(p["neighbours"]), int(p["values_per_kind"])
    per_day = int(p.get("values_per_day", 0))
    hard_days = int(p.get("hard_days", 1))
    floor = float(p.get("evidence_floor", 0.1))
    cap_group = "h.day" if per_day > 0 else "NULL"
    cap = f"CASE WHEN h.day IS NULL THEN {per_kind} ELSE {per_day} END" if per_day > 0 else per_kind
    if "lockstep" in {i.kind for i in policy.indicators}:
        _lockstep(con, policy)
    con.register("_kinds", _kinds_table(policy))
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE _ind AS {_indicator_sql(policy)}")
        con.execute(
            "CREATE OR REPLACE TEMP TABLE indicators AS "
            "WITH h AS (SELECT account_id, kind, value, day, uses, hash(value) AS vid FROM _ind), "
            "shared AS (SELECT kind, vid, count(*) AS k FROM h GROUP BY kind, vid "
            "HAVING count(*) >= 2), "
            "kept AS (SELECT h.*, s.k, kw.kweight FROM h JOIN shared s USING (kind, vid) "
            "JOIN _kinds kw USING (kind) WHERE s.k >= kw.min_accounts AND s.k <= kw.max_accounts "
            f"QUALIFY row_number() OVER (PARTITION BY h.account_id, h.kind, {cap_group} "
            f"ORDER BY h.uses DESC, s.k, h.vid) <= {cap}) "
            "SELECT *, count(*) OVER g AS kk, "
            "row_number() OVER (g ORDER BY hash(account_id), account_id) - 1 AS r "
            "FROM kept WINDOW g AS (PARTITION BY kind, vid)")
        con.execute("DROP TABLE _ind")
        _numbered(con)
        _candidates(con, reach)
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _shared AS SELECT i.aid, kw.kid, vid, day, "
            f"indicators.kweight * ln({pop} / k) / ln({pop}) AS w FROM indicators "
            "JOIN _ids i USING (account_id) JOIN _kid kw USING (kind)")
        _pairs(con, hard_days)
        con.execute("DROP TABLE _cand; DROP TABLE _shared; DROP TABLE _ids; DROP TABLE _kid")
    finally:
        con.unregister("_kinds")
    con.execute(
        "CREATE OR REPLACE TABLE links AS SELECT a, b, list_sum(list(w ORDER BY kind)) AS weight, "
        "string_agg(kind, ',' ORDER BY w DESC, kind) AS kinds, "
        "coalesce(list_sum(list(w ORDER BY kind) FILTER (WHERE hard)), 0) AS hard, "
        f"max(w) AS top, list(grp ORDER BY w DESC, grp)[1] AS top_group, "
        f"count(DISTINCT grp) FILTER (WHERE w >= {floor}) AS groups "
        f"FROM _pairs GROUP BY a, b HAVING weight >= {float(p['min_edge_weight'])} ORDER BY a, b")
    con.execute("DROP TABLE _pairs")
    if "lockstep" in {i.kind for i in policy.indicators}:
        con.execute("DROP TABLE _lockstep")
    return int(con.execute("SELECT count(*) FROM links").fetchall()[0][0])


@dataclass(frozen=True)
class Communities:
    """Leiden communities of the account graph (accounts without links are absent)."""

    table: pa.Table  # account_id, community, strength (weight of links inside the community),
    # max_link (its strongest link inside), kinds
    count: int


def communities(con: duckdb.DuckDBPyConnection, policy: Policy) -> Communities:
    """Leiden with the constant Potts model (seeded) on ``links``; creates ``community``.

    CPM keeps a group together when its mean pair weight (unlinked pairs count 0) exceeds
    the resolution, whatever the size of the rest of the graph (no resolution limit).
    With ``consolidate_link`` set (policy_v4), communities are then consolidated on hard
    infrastructure (:func:`_consolidate`).
    """
    edges = con.sql("SELECT a, b, weight, hard FROM links ORDER BY a, b").to_arrow_table()
    names = sorted(set(edges.column("a").to_pylist()) | set(edges.column("b").to_pylist()))
    index = {n: i for i, n in enumerate(names)}
    g = ig.Graph(n=len(names), edges=[(index[a], index[b]) for a, b in zip(
        edges.column("a").to_pylist(), edges.column("b").to_pylist(), strict=True)])
    weights = edges.column("weight").to_pylist()
    membership: list[int] = []
    if names:
        part = leidenalg.find_partition(
            g, leidenalg.CPMVertexPartition, weights=weights,
            resolution_parameter=float(policy.communities["resolution"]),
            seed=int(policy.communities["seed"]), n_iterations=-1)
        membership = list(part.membership)
    table = pa.table({"account_id": pa.array(names, pa.string()),
                      "community": pa.array(membership, pa.int64())})
    hard_min = float(policy.communities.get("consolidate_link", 0.0))
    if hard_min > 0 and names:
        strong = [i for i, h in enumerate(edges.column("hard").to_pylist()) if h >= hard_min]
        table = _consolidate(con, g.subgraph_edges(strong, delete_vertices=False), table)
        membership = table.column("community").to_pylist()
    con.register("_membership", table)
    try:
        con.execute(
            "CREATE OR REPLACE TABLE community AS "
            "WITH ends AS (SELECT a AS account_id, b AS other, weight, kinds FROM links "
            "UNION ALL SELECT b, a, weight, kinds FROM links), "
            "inside AS (SELECT e.account_id, e.other, e.weight, e.kinds FROM ends e "
            "JOIN _membership m1 ON m1.account_id = e.account_id "
            "JOIN _membership m2 ON m2.account_id = e.other WHERE m1.community = m2.community), "
            "s AS (SELECT account_id, list_sum(list(weight ORDER BY other)) AS strength, "
            "max(weight) AS max_link "
            "FROM inside GROUP BY account_id), "
            "k AS (SELECT account_id, string_agg(DISTINCT kind, ',' ORDER BY kind) AS kinds "
            "FROM (SELECT account_id, unnest(string_split(kinds, ',')) AS kind FROM inside) "
            "GROUP BY account_id) "
            "SELECT m.account_id, m.community, coalesce(s.strength, 0) AS strength, "
            "coalesce(s.max_link, 0) AS max_link, k.kinds "
            "FROM _membership m LEFT JOIN s USING (account_id) LEFT JOIN k USING (account_id) "
            "ORDER BY m.account_id")
    finally:
        con.unregister("_membership")
    return Communities(con.sql("SELECT * FROM community").to_arrow_table(),
                       len(set(membership)))


def _consolidate(con: duckdb.DuckDBPyConnection, hard: ig.Graph, table: pa.Table) -> pa.Table:
    """Keep accounts that share hard infrastructure in one community.

    CPM splits a large, sparse group -- 150 accounts, each sharing a card with five others
    and an exit node with three -- wherever the links across a cut fall below the
    resolution times the pairs it separates, and a piece split off may then settle with
    honest accounts it shares a popular prompt with. An investigator pivots on the card and
    the exit node instead: accounts joined, directly or through each other, by links whose
    hard part reaches ``consolidate_link`` (a rarely shared payment instrument, the same
    address on two or more days) are one operator's. ``hard`` is the account graph keeping
    only those links (vertices in ``table``'s order). Each of its connected components moves
    whole into the community that already holds most of its members (ties: the lowest
    community number); accounts tied to it only by behaviour stay where Leiden put them.
    """
    component = pa.array(hard.connected_components().membership, pa.int64())
    con.register("_parts", table.append_column("component", component))
    try:
        moved = con.sql(
            "WITH sizes AS (SELECT component, community, count(*) AS n FROM _parts "
            "GROUP BY ALL), home AS (SELECT component, community AS home FROM sizes "
            "QUALIFY row_number() OVER (PARTITION BY component ORDER BY n DESC, community) = 1) "
            "SELECT p.account_id, h.home AS community FROM _parts p JOIN home h "
            "USING (component) ORDER BY p.account_id").to_arrow_table()
    finally:
        con.unregister("_parts")
    return moved
