"""Scores accounts and communities, and describes each reported campaign with its evidence.

Input tables (in the engine's DuckDB connection): ``account_features``, ``req_signals``,
``community`` and ``indicators`` (from :mod:`frontierguard.traffic.linkage`). The per-account
step runs once per account (not per request) through the policy's explainable scorers.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pyarrow as pa

from frontierguard.traffic import decision
from frontierguard.traffic.policy import Policy
from frontierguard.traffic.scoring import Scorers, ramp

REPORTED_KINDS = ("payment", "tls_ua", "ip", "ip24", "hosting_asn", "template", "creation")
MAX_VALUES = 5


@dataclass
class Assessment:
    """Scored accounts, reported campaigns, and per-feature scores for ``fit``; with a
    deciding policy (policy_v5) also the watch clusters, every candidate community's
    decision figures and the operating point."""

    accounts: list[dict[str, Any]]
    campaigns: list[dict[str, Any]]
    feature_scores: dict[str, list[float]] = field(default_factory=dict)
    watch: list[dict[str, Any]] = field(default_factory=list)
    candidates: list[dict[str, Any]] = field(default_factory=list)
    operating_point: dict[str, Any] | None = None


def _account_rows(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = con.sql(
        "SELECT f.*, c.community, coalesce(c.strength, 0) AS strength, "
        "coalesce(c.max_link, 0) AS max_link, c.kinds AS link_kinds "
        "FROM account_features f LEFT JOIN community c USING (account_id) ORDER BY f.account_id"
    ).to_arrow_table().to_pylist()
    return rows


def _community_views(rows: list[dict[str, Any]], policy: Policy) -> dict[int, dict[str, Any]]:
    groups: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        if r["community"] is not None:
            groups[int(r["community"])].append(r)
    p = policy.campaign_params
    views = {}
    for cid, members in groups.items():
        kinds = sorted({k for m in members for k in (m["link_kinds"] or "").split(",") if k})
        views[cid] = {
            "accounts": len(members),
            "median_harvest": statistics.median(m["harvest"] for m in members),
            "mean_strength": statistics.fmean(m["strength"] for m in members),
            "indicator_kinds": len(kinds), "kinds_text": ", ".join(kinds),
            "min_accounts": p["min_accounts"], "full_accounts": p["full_accounts"],
        }
    return views


def _harvest(rows: list[dict[str, Any]], scorers: Scorers) -> dict[str, list[float]]:
    """Each account's own harvest score and reasons; per-feature scores for ``fit``."""
    scores: dict[str, list[float]] = defaultdict(list)
    for r in rows:
        ex = scorers.harvest.explain(r)
        r["harvest"] = ex.score
        r["harvest_reasons"] = "; ".join(ex.reasons(3))
        for name, res in ex.features.items():
            scores[name].append(res.score)
    return scores


def assess(con: duckdb.DuckDBPyConnection, policy: Policy, scorers: Scorers) -> Assessment:
    """Score every account that sent traffic and every community; describe campaigns.

    A policy with a ``decision`` section (policy_v5) decides campaigns against the run's
    population (:mod:`frontierguard.traffic.decision`)."""
    rows = _account_rows(con)
    scores = _harvest(rows, scorers)
    if policy.decision is not None:
        d = decision.decide(con, policy, scorers, rows, scores)
        _describe(con, d.campaigns, {a["account_id"]: a for a in d.accounts})
        return Assessment(d.accounts, d.campaigns, dict(scores), d.watch, d.candidates,
                          d.operating_point)
    views = _community_views(rows, policy)
    min_accounts = policy.campaign_params["min_accounts"]
    camp_scores: dict[int, tuple[float, list[str]]] = {}
    for cid, view in views.items():
        if view["accounts"] >= min_accounts:
            ex = scorers.campaign.explain(view)
            camp_scores[cid] = (ex.score, ex.reasons(3))
    reported = sorted((c for c, (s, _) in camp_scores.items()
                       if s >= policy.thresholds["campaign"]),
                      key=lambda c: (-camp_scores[c][0], -views[c]["accounts"], c))
    ids = {cid: f"C{i + 1:03d}" for i, cid in enumerate(reported)}
    out = []
    for r in rows:
        cid = r["community"]
        r["tie"] = _tie(r, policy.account_params) if cid in camp_scores else 0.0
        r["campaign_score"] = camp_scores[cid][0] if cid in camp_scores else 0.0
        r["community_harvest"] = views[cid]["median_harvest"] if cid in camp_scores else 0.0
        r["cluster_id"] = ids.get(cid, f"G{cid}" if cid in camp_scores else "")
        ex = scorers.account.explain(r)
        for name, res in ex.features.items():
            scores[name].append(res.score)
        flagged = ex.score >= policy.thresholds["flag"]
        reasons = ex.reasons(4) if flagged or ex.score > 0 else []
        out.append({"account_id": r["account_id"], "score": round(ex.score, 6),
                    "flagged": flagged, "cluster_id": ids.get(cid, ""),
                    "reasons": [s for part in reasons for s in part.split("; ")][:5]})
    campaigns = [
        {"id": ids[c], "community": c, "score": round(camp_scores[c][0], 6),
         "reasons": camp_scores[c][1], "accounts": [r["account_id"] for r in rows
                                                   if r["community"] == c]}
        for c in reported
    ]
    _describe(con, campaigns, {r["account_id"]: r for r in out})
    return Assessment(out, campaigns, dict(scores))


def _tie(r: dict[str, Any], params: dict[str, float]) -> float:
    """How strongly an account is tied into its community: its summed in-community link
    weight on the ``tie_lo..tie_hi`` ramp; where the policy sets ``tie_link_lo/hi``, also
    capped by its strongest single link on that ramp (many weak ties are not one strong one)."""
    tie = ramp(r["strength"], params["tie_lo"], params["tie_hi"])
    if "tie_link_lo" in params:
        tie = min(tie, ramp(r["max_link"], params["tie_link_lo"], params["tie_link_hi"]))
    return tie


def _describe(con: duckdb.DuckDBPyConnection, campaigns: list[dict[str, Any]],
              accounts: dict[str, dict[str, Any]]) -> None:
    """Add volume, indicators, capability mix, prompts, timeline and summary to campaigns."""
    members = [(c["id"], a) for c in campaigns for a in c["accounts"]]
    table = pa.table({"campaign": [m[0] for m in members], "account_id": [m[1] for m in members]},
                     schema=pa.schema([("campaign", pa.string()), ("account_id", pa.string())]))
    con.register("_members", table)
    try:
        stats = _by_campaign(con, "SELECT m.campaign, min(s.ts), max(s.ts), count(*) FROM "
                                  "req_signals s JOIN _members m USING (account_id) GROUP BY 1")
        caps = _by_campaign(con, "SELECT m.campaign, s.capability, count(*) AS n FROM req_signals s "
                                 "JOIN _members m USING (account_id) GROUP BY ALL ORDER BY n DESC, 2")
        prompts = _by_campaign(con, (
            "SELECT campaign, prompt, n FROM (SELECT m.campaign, s.template_id, min(s.prompt) "
            "AS prompt, count(*) AS n, row_number() OVER (PARTITION BY m.campaign ORDER BY "
            "count(*) DESC, s.template_id) AS rk FROM req_signals s JOIN _members m "
            "USING (account_id) WHERE s.prompt IS NOT NULL GROUP BY m.campaign, s.template_id) "
            "WHERE rk <= 5 "
            "ORDER BY campaign, rk"))
        timeline = _by_campaign(con, (
            "SELECT m.campaign, date_trunc('hour', s.ts) AS hour, s.model, count(*) FROM "
            "req_signals s JOIN _members m USING (account_id) GROUP BY ALL ORDER BY 1, 2, 3"))
        kinds = ", ".join(f"'{k}'" for k in REPORTED_KINDS)
        indicators = _by_campaign(con, (
            "SELECT campaign, kind, value, n FROM (SELECT campaign, kind, value, "
            "count(DISTINCT account_id) AS n, row_number() OVER (PARTITION BY campaign, kind "
            "ORDER BY count(DISTINCT account_id) DESC, value) AS rk FROM (SELECT m.campaign, "
            "i.kind, i.account_id, CASE WHEN i.kind IN ('ip', 'ip24') THEN split_part(i.value, "
            "'@', 1) ELSE i.value END AS value FROM indicators i JOIN _members m "
            f"USING (account_id) WHERE i.kind IN ({kinds})) GROUP BY campaign, kind, value "
            f"HAVING count(DISTINCT account_id) >= 2) WHERE rk <= {MAX_VALUES} "
            "ORDER BY campaign, kind, n DESC, value"))
    finally:
        con.unregister("_members")
    for c in campaigns:
        cid = c["id"]
        first, last, n = stats[cid][0]
        c.update(first_seen=first.isoformat(), last_seen=last.isoformat(), requests=int(n))
        c["capabilities"] = {cap or "unknown": int(k) for cap, k in caps.get(cid, [])}
        c["indicators"] = _indicators(indicators.get(cid, []))
        c["representative_prompts"] = [{"prompt": p[:2000], "requests": int(k)}
                                       for p, k in prompts.get(cid, [])]
        c["timeline"] = [{"hour": h.isoformat(), "model": m, "requests": int(k)}
                         for h, m, k in timeline.get(cid, [])]
        c["flagged_accounts"] = sum(1 for a in c["accounts"] if accounts[a]["flagged"])
        c["summary"] = _summary(c)


def _by_campaign(con: duckdb.DuckDBPyConnection, sql: str) -> dict[str, list[tuple[Any, ...]]]:
    out: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in con.execute(sql).fetchall():
        out[row[0]].append(tuple(row[1:]))
    return out


def _indicators(rows: list[tuple[Any, ...]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for kind, value, n in rows:
        if not any(v["value"] == value for v in out[kind]):
            out[kind].append({"value": value, "accounts": int(n)})
    return dict(out)


def _summary(c: dict[str, Any]) -> str:
    caps = c["capabilities"]
    total = sum(caps.values()) or 1
    top = ", ".join(f"{k} {v / total:.0%}" for k, v in list(caps.items())[:3])
    shared = ", ".join(f"{k} ({len(v)})" for k, v in c["indicators"].items()) or "timing only"
    return (f"{len(c['accounts'])} accounts sent {c['requests']} requests between "
            f"{c['first_seen'][:16]} and {c['last_seen'][:16]}; capability mix {top}; "
            f"shared indicators: {shared}; {c['flagged_accounts']} accounts flagged.")
