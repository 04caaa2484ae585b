"""Campaign decisions against the run's own population (policy_v5).

Each candidate community is decided by two tests against the run's null model
(:mod:`frontierguard.traffic.null`: coordination beyond chance, harvesting beyond the
background), at an operating point stated as the expected number of false campaigns per run.
Then each member of a decided campaign is decided: tied members with conforming traffic are
flagged with their role (core or peripheral), the others are bystanders. Communities below
the decision are watch clusters, never campaigns.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from frontierguard.core.scoring import Explanation
from frontierguard.traffic.null import (
    Null,
    coordination_view,
    family_rates,
    harvest_view,
    reference,
    threshold_bits,
    weighted_level,
)
from frontierguard.traffic.policy import Policy
from frontierguard.traffic.scoring import Scorers, ramp


def link_counts(con: duckdb.DuckDBPyConnection, policy: Policy) -> dict[
        int, dict[str, tuple[int, int]]]:
    """Per community and family of the strongest kind: (anchored links, corroborated
    anchored links), links within one declared organisation (``_account_org``) left out.
    With ``decision.actors: organisation`` (policy_v6) links are counted per pair of actors
    (an organisation, or an account declaring none): many links between the accounts of two
    customers are one pair of actors linked, once."""
    anchor = float(policy.linkage["min_edge_weight"])
    assert policy.decision is not None
    pair = ("DISTINCT least(coalesce('org:' || o1.org, 'acct:' || l.a), coalesce('org:' || "
            "o2.org, 'acct:' || l.b)) || chr(0) || greatest(coalesce('org:' || o1.org, 'acct:' "
            "|| l.a), coalesce('org:' || o2.org, 'acct:' || l.b))"
            if policy.decision.actors == "organisation" else "*")
    rows = con.execute(
        f"SELECT c1.community, l.top_group, count({pair}), count({pair}) FILTER (WHERE "
        "l.groups >= 2) "
        "FROM links l JOIN community c1 ON c1.account_id = l.a "
        "JOIN community c2 ON c2.account_id = l.b AND c2.community = c1.community "
        "LEFT JOIN _account_org o1 ON o1.account_id = l.a "
        "LEFT JOIN _account_org o2 ON o2.account_id = l.b "
        "WHERE l.top >= ? AND (o1.org IS NULL OR o2.org IS NULL OR o1.org <> o2.org) "
        "GROUP BY c1.community, l.top_group ORDER BY c1.community, l.top_group",
        [anchor]).fetchall()
    out: dict[int, dict[str, tuple[int, int]]] = defaultdict(dict)
    for c, g, a, o in rows:
        out[int(c)][str(g)] = (int(a), int(o))
    return dict(out)


def account_orgs(con: duckdb.DuckDBPyConnection) -> None:
    """Create ``_account_org`` (account_id, org): each account's declared organisation, the
    ``org_id`` it uses most, read from ``req_signals`` once for the whole decision."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _account_org AS SELECT account_id, mode(org_id) AS org "
        "FROM req_signals WHERE org_id IS NOT NULL AND org_id <> '' GROUP BY account_id")


def shared_orgs(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Accounts whose declared organisation has other accounts in the run: a known
    customer's fleet, judged with its organisation's community, never flagged alone."""
    rows = con.execute("SELECT account_id FROM _account_org "
                       "QUALIFY count(*) OVER (PARTITION BY org) >= 2").fetchall()
    return {str(a) for (a,) in rows}


Ties = dict[str, tuple[float, float, bool]]


def member_links(con: duckdb.DuckDBPyConnection, policy: Policy) -> Ties:
    """Per account in a community: (its strongest in-community hard part; the same, not
    counting links that only a tool family -- ``decision.tool_families``, the client build
    -- forms; whether it has a corroborated anchored link inside its community)."""
    assert policy.decision is not None
    anchor = float(policy.linkage["min_edge_weight"])
    tools = pa.table({"grp": list(policy.decision.tool_families)}, schema=pa.schema(
        [("grp", pa.string())]))
    con.register("_tool_families", tools)
    try:
        rows = con.execute(
            "WITH ends AS (SELECT a AS account_id, b AS other, hard, top, top_group, groups "
            "FROM links UNION ALL SELECT b, a, hard, top, top_group, groups FROM links) "
            "SELECT e.account_id, max(e.hard), coalesce(max(e.hard) FILTER (WHERE e.groups >= 2 OR "
            "e.top_group NOT IN (SELECT grp FROM _tool_families)), 0), "
            "bool_or(e.top >= ? AND e.groups >= 2) FROM ends e "
            "JOIN community c1 ON c1.account_id = e.account_id "
            "JOIN community c2 ON c2.account_id = e.other AND c2.community = c1.community "
            "GROUP BY e.account_id", [anchor]).fetchall()
    finally:
        con.unregister("_tool_families")
    return {str(a): (float(h), float(o), bool(c)) for a, h, o, c in rows}


def role(r: dict[str, Any], links: tuple[float, float, bool] | None, median: float,
         policy: Policy) -> str:
    """core, peripheral or bystander for a member of a decided campaign.

    A member is tied when it has a hard link of at least ``consolidate_link`` inside the
    campaign, a corroborated anchored link, or a link of at least ``tie_link_hi``, and its
    own harvest is at least ``conform_min`` of the members' median. A hard link that only a
    tool family forms (``tool_families``: the client build many customers run) ties a member
    only when its harvest reaches ``tool_conform`` of the median: the operator's own client
    running the operator's script, not a customer on the same SDK. Tied members with an
    in-community strength of ``tie_hi`` or more are core, the others peripheral. Anything
    else -- weak links, or behaviour shared without the harvesting -- is a bystander.
    """
    d = policy.decision
    assert d is not None
    hard = (links or (0.0, 0.0, False))[0]
    cut = float(policy.communities.get("consolidate_link", 0.5))
    h = r["harvest"]
    tied = is_tied(r, links, policy) or (hard >= cut and h >= d.tool_conform * median)
    if not tied or h < d.conform_min * median:
        return "bystander"
    return "core" if r["strength"] >= policy.account_params["tie_hi"] else "peripheral"


def is_tied(r: dict[str, Any], links: tuple[float, float, bool] | None,
            policy: Policy) -> bool:
    """Whether a member is tied to its community whatever its harvest: a hard link of
    ``consolidate_link`` or more that is not a tool family's alone, a corroborated anchored
    link, or a link of ``tie_link_hi`` or more."""
    _, own_hard, corroborated = links or (0.0, 0.0, False)
    cut = float(policy.communities.get("consolidate_link", 0.5))
    return (own_hard >= cut or corroborated
            or r["max_link"] >= policy.account_params["tie_link_hi"])


def harvest_members(members: list[dict[str, Any]], ties: Ties,
                    policy: Policy) -> list[dict[str, Any]]:
    """The members a community's harvest test reads: all of them, or (``harvest_members:
    tied``, policy_v8) the tied ones when at least ``campaign.min_accounts`` are."""
    assert policy.decision is not None
    if policy.decision.harvest_members == "all":
        return members
    tied = [m for m in members if is_tied(m, ties.get(m["account_id"]), policy)]
    return tied if len(tied) >= policy.campaign_params["min_accounts"] else members


def operating_point(policy: Policy, null: Null, candidates: int, t: float) -> dict[str, Any]:
    """What ``detect`` states about the decision it made (outputs and report)."""
    assert policy.decision is not None
    d = policy.decision
    return {"policy": policy.name, "operating_point": d.operating_point,
            "expected_false_campaigns": d.false_campaigns, "candidate_communities": candidates,
            "threshold_bits": round(t, 4), "campaign_threshold": policy.thresholds["campaign"],
            "accounts": null.accounts,
            "null_pairs": null.pairs_drawn,
            "family_chance_rates": {g: round(q, 8) for g, q in null.family_rates.items()},
            "family_anchor_rates": {g: round(q, 8) for g, q in (null.anchor_rates or {}).items()},
            "reference_quantile": d.reference_quantile,
            "reference_level": round(null.reference_level, 6),
            "reference_accounts": len(null.reference),
            "reference_actors": round(null.units, 2), "lone_level": d.lone,
            "lone_flags": d.lone_flags}


@dataclass
class Decided:
    """The decisions of one run: scored accounts, decided campaigns, watch clusters, every
    candidate community's figures, and the operating point."""

    accounts: list[dict[str, Any]]
    campaigns: list[dict[str, Any]]
    watch: list[dict[str, Any]]
    candidates: list[dict[str, Any]]
    operating_point: dict[str, Any]


def _views(con: duckdb.DuckDBPyConnection, policy: Policy, rows: list[dict[str, Any]],
           cands: dict[int, list[dict[str, Any]]], t: float, ties: Ties) -> tuple[
               Null, dict[int, dict[str, Any]]]:
    """The null model and every candidate's figures: coordination first, then harvest
    against the accounts outside every coordinated candidate (or, when those are fewer
    than ``min_reference`` actors, against all accounts outside the candidate); ``ties``
    are :func:`member_links`."""
    decision = policy.decision
    assert decision is not None
    rates = family_rates(con, policy, len(rows))
    counts = link_counts(con, policy)
    coord = {c: coordination_view(counts.get(c, {}), rates, len(rows)) for c in cands}
    coordinated = {c for c, v in coord.items() if v["coordination_bits"] >= t}
    harvest = np.array([r["harvest"] for r in rows], dtype=float)
    evidence = np.array([(r.get("requests") or 0) >= decision.reference_min_requests
                         for r in rows], dtype=bool)
    background = evidence & np.array([r["community"] not in coordinated for r in rows],
                                     dtype=bool)
    size = Counter(r["community"] for r in rows if r["community"] is not None)
    weights = np.array([1.0 / size[r["community"]] if r["community"] is not None else 1.0
                        for r in rows])
    shared = reference(harvest, background, weights, decision)
    community = np.array([-1 if r["community"] is None else int(r["community"]) for r in rows])

    def null_for(c: int | None) -> Null:
        """The shared reference, or (small runs) every account outside community ``c``
        (all accounts for None)."""
        if shared is not None:
            ref, w, level = shared
        else:
            outside = evidence & (community != c if c is not None else True)
            ref, w, level = weighted_level(harvest[outside], np.ones(int(outside.sum())),
                                           decision)
        return Null(len(rows), rates.shared, rates.drawn, ref, level, w, rates.anchored)

    def harvest_of(c: int, m: list[dict[str, Any]]) -> dict[str, Any]:
        view = harvest_view(harvest_members(m, ties, policy), null_for(c))
        return {**view, "harvest_accounts": view["accounts"], "accounts": len(m)}

    views = {c: {**coord[c], **harvest_of(c, m), "threshold_bits": t} for c, m in cands.items()}
    return null_for(None), views


def decide(con: duckdb.DuckDBPyConnection, policy: Policy, scorers: Scorers,
           rows: list[dict[str, Any]], scores: dict[str, list[float]]) -> Decided:
    """Decide every candidate community, then every account (``rows`` carry ``harvest``);
    appends the account features' scores to ``scores``."""
    assert policy.decision is not None
    groups: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        if r["community"] is not None:
            groups[int(r["community"])].append(r)
    cands = {c: m for c, m in groups.items() if len(m) >= policy.campaign_params["min_accounts"]}
    t = threshold_bits(len(cands), policy.decision.false_campaigns)
    account_orgs(con)
    ties = member_links(con, policy)  # read by the harvest test and by the members' roles
    null, views = _views(con, policy, rows, cands, t, ties)
    explained = {c: scorers.campaign.explain(v) for c, v in views.items()}
    ranked = sorted(cands, key=lambda c: (-explained[c].score, -len(cands[c]), c))
    th = policy.thresholds
    decided = [c for c in ranked if explained[c].score >= th["campaign"]]
    watch = [c for c in ranked if th.get("watch", 2.0) <= explained[c].score < th["campaign"]]
    ids = {c: f"C{i + 1:03d}" for i, c in enumerate(decided)}
    ids.update({c: f"W{i + 1:03d}" for i, c in enumerate(watch)})
    medians = {c: float(v["harvest_median"]) for c, v in views.items()}
    accounts = _accounts(con, policy, scorers, rows, scores,
                         (set(decided), ids, explained, medians, ties))
    op = operating_point(policy, null, len(cands), t)
    members = defaultdict(list)
    for a in accounts:
        if a["role"] in ("core", "peripheral"):
            members[a["cluster_id"]].append(a)
    # a decided community whose members all turned out bystanders flags nobody: watch it
    empty = [c for c in decided if not members[ids[c]]]
    campaigns = [_cluster(ids[c], c, views[c], explained[c], members[ids[c]], op, True)
                 for c in decided if members[ids[c]]]
    watched = [_cluster(ids[c], c, views[c], explained[c], cands[c], op, False)
               for c in [*empty, *watch]]
    reported = {k["community"] for k in campaigns}
    candidates = [{"id": ids.get(c, f"G{c}"), "score": round(explained[c].score, 6),
                   "decided": c in reported,
                   "coordination_bits": round(views[c]["coordination_bits"], 4),
                   "harvest_bits": round(views[c]["harvest_bits"], 4),
                   "accounts": [m["account_id"] for m in cands[c]]} for c in ranked]
    return Decided(accounts, campaigns, watched, candidates, op)


def _accounts(con: duckdb.DuckDBPyConnection, policy: Policy, scorers: Scorers,
              rows: list[dict[str, Any]], scores: dict[str, list[float]],
              ctx: tuple[set[int], dict[int, str], dict[int, Explanation],
                         dict[int, float], Ties]) -> list[dict[str, Any]]:
    assert policy.decision is not None
    decided, ids, explained, medians, ties = ctx
    declared = shared_orgs(con)
    out = []
    for r in rows:
        cid = r["community"]
        r["lone"] = policy.decision.lone
        r["lone_flags"] = policy.decision.lone_flags
        r["declared_org"] = r["account_id"] in declared
        r["campaign_score"] = explained[cid].score if cid in explained else 0.0
        r["median_harvest"] = medians.get(cid, 0.0)
        r["tie"] = ramp(r["max_link"], policy.account_params["tie_link_lo"],
                        policy.account_params["tie_link_hi"])
        r["role"] = (role(r, ties.get(r["account_id"]), medians[cid], policy) if cid in decided
                     else "watch" if cid in ids else "")
        r["cluster_id"] = ids.get(cid, "") if r["role"] != "bystander" else ""
        ex = scorers.account.explain(r)
        for name, res in ex.features.items():
            scores[name].append(res.score)
        flagged = ex.score >= policy.thresholds["flag"]
        shown = r["role"] if r["role"] in ("core", "peripheral") or not flagged else "lone"
        reasons = ex.reasons(2) if flagged or ex.score > 0 else []
        out.append({"account_id": r["account_id"], "score": round(ex.score, 6),
                    "flagged": flagged, "cluster_id": r["cluster_id"], "role": shown,
                    "reasons": [s for part in reasons for s in part.split("; ")][:5]})
    return out


def _cluster(cid: str, community: int, view: dict[str, Any], ex: Explanation,
             members: list[dict[str, Any]], op: dict[str, Any], decided: bool) -> dict[str, Any]:
    roles: dict[str, int] = defaultdict(int)
    for m in members:
        roles[str(m.get("role") or "member")] += 1
    return {"id": cid, "community": community, "score": round(ex.score, 6),
            "reasons": ex.reasons(3), "accounts": [m["account_id"] for m in members],
            "decision": {"decided": decided, **{k: (round(v, 6) if isinstance(v, float) else v)
                                                for k, v in view.items()},
                         "operating_point": op["operating_point"],
                         "expected_false_campaigns": op["expected_false_campaigns"],
                         "roles": dict(roles)}}
