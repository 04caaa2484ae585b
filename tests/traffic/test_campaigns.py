"""Scoring accounts and communities end to end on hand-made signal and feature tables."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

import duckdb
import pyarrow as pa
import pytest

from frontierguard.traffic import campaigns, linkage
from frontierguard.traffic.policy import load_policy
from frontierguard.traffic.scoring import scorers

T0 = datetime(2026, 3, 1, tzinfo=UTC)
TS = pa.timestamp("ms", tz="UTC")
SIGNALS = {
    "account_id": pa.string(), "ts": TS, "model": pa.string(), "ip": pa.string(),
    "ip24": pa.string(), "asn": pa.int64(), "asn_type": pa.string(), "user_agent": pa.string(),
    "tls_fingerprint": pa.string(), "payment_fingerprint": pa.string(), "account_created": TS,
    "signup_channel": pa.string(), "template_id": pa.string(), "template_simhash": pa.int64(),
    "prompt": pa.string(), "capability": pa.string(),
}
FEATURES = {
    "account_id": pa.string(), "requests": pa.int64(), "requests_per_day": pa.float64(),
    "hour_entropy": pa.float64(), "cot_share": pa.float64(), "capability_top": pa.string(),
    "capability_top_share": pa.float64(), "template_top_share": pa.float64(),
    "tool_share": pa.float64(), "tools_turns_coherence": pa.float64(),
    "long_output_share": pa.float64(), "thinking_share": pa.float64(),
    "new_release_share": pa.float64(), "account_age_days": pa.float64(),
}
HARVEST = {"requests_per_day": 300.0, "hour_entropy": 0.98, "cot_share": 0.7,
           "capability_top": "reasoning", "capability_top_share": 0.95, "template_top_share": 0.9,
           "long_output_share": 0.8, "thinking_share": 0.6, "account_age_days": 2.0}
HUMAN = {"requests_per_day": 4.0, "hour_entropy": 0.4, "cot_share": 0.02, "capability_top": "chat",
         "capability_top_share": 0.5, "template_top_share": 0.1, "account_age_days": 300.0}
EVAL = {"requests_per_day": 2000.0, "hour_entropy": 0.5, "cot_share": 0.9,
        "capability_top": "reasoning", "capability_top_share": 1.0, "template_top_share": 1.0,
        "long_output_share": 0.9, "new_release_share": 0.9, "account_age_days": 700.0}


def _h(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big", signed=True)


def req(account: str, i: int, **over: Any) -> dict[str, Any]:
    n = _h(account) % 1_000_000
    row: dict[str, Any] = {
        "account_id": account, "ts": T0 + timedelta(hours=2 * i, minutes=n % 60), "model": "m1",
        "ip": f"10.{n % 250}.{n // 250 % 250}.{i % 250}", "asn": 7000 + n, "asn_type": "residential",
        "user_agent": f"ua-{n}", "tls_fingerprint": f"tls-{n}", "payment_fingerprint": f"card-{n}",
        "account_created": T0 - timedelta(days=300, minutes=n), "signup_channel": "web",
        "template_id": f"t-{account}-{i}", "template_simhash": _h(f"{account}/{i}"),
        "prompt": f"question {i} from {account}", "capability": "chat",
    }
    row.update(over)
    row["ip24"] = ".".join(row["ip"].split(".")[:3]) + ".0/24" if row["ip"] else None
    return row


def build(groups: list[tuple[list[dict[str, Any]], dict[str, Any]]]) -> duckdb.DuckDBPyConnection:
    """Create req_signals and account_features from (requests, behaviour) groups."""
    rows = [r for reqs, _ in groups for r in reqs]
    feats = []
    for reqs, behaviour in groups:
        for account in sorted({r["account_id"] for r in reqs}):
            n = sum(1 for r in reqs if r["account_id"] == account)
            feats.append({**dict.fromkeys(FEATURES), "account_id": account, "requests": n,
                          **behaviour})
    con = duckdb.connect()
    for name, types, data in (("req_signals", SIGNALS, rows), ("account_features", FEATURES, feats)):
        con.register("_t", pa.table({k: pa.array([d.get(k) for d in data], t)
                                     for k, t in types.items()}))
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM _t")
        con.unregister("_t")
    return con


def assess(con: duckdb.DuckDBPyConnection) -> campaigns.Assessment:
    p = load_policy()
    linkage.build_graph(con, p)
    linkage.communities(con, p)
    return campaigns.assess(con, p, scorers(p))


@pytest.fixture(scope="module")
def mixed() -> campaigns.Assessment:
    hydra = [req(f"hydra-{a}", i, payment_fingerprint=f"card-h{(a + i % 2) % 3}",
                 tls_fingerprint="ja3-rare", user_agent="python-httpx/0.27", capability="reasoning",
                 prompt="Solve step by step and show all reasoning: <b>x</b>")
             for a in range(60) for i in range(6)]
    students = [req(f"student-{s}", i, ip="192.0.2.10", asn=64500, asn_type="education",
                    user_agent="Chrome/130", tls_fingerprint="ja3-chrome")
                for s in range(300) for i in range(4)]
    evals = [req(f"evalorg-{a}", i, payment_fingerprint="card-lab", ip="203.0.113.5",
                 capability="reasoning") for a in range(3) for i in range(30)]
    batch = [req("enterprise-0", i, asn_type="hosting", template_id="t-batch") for i in range(200)]
    single = [req("oneshot-1", 0)]
    return assess(build([(hydra, HARVEST), (students, HUMAN), (evals, EVAL), (batch, EVAL),
                         (single, {"requests_per_day": 1.0})]))


def flagged(result: campaigns.Assessment, prefix: str) -> tuple[int, int]:
    rows = [a for a in result.accounts if a["account_id"].startswith(prefix)]
    return sum(a["flagged"] for a in rows), len(rows)


def test_hydra_of_harvesters_is_flagged_as_one_campaign(mixed: campaigns.Assessment) -> None:
    assert flagged(mixed, "hydra-") == (60, 60)
    best = max(mixed.campaigns, key=lambda c: sum(a.startswith("hydra-") for a in c["accounts"]))
    assert sum(a.startswith("hydra-") for a in best["accounts"]) >= 48
    assert all(a.startswith("hydra-") for a in best["accounts"])


@pytest.mark.parametrize("prefix", ["student-", "evalorg-", "enterprise-", "oneshot-"])
def test_hard_benign_populations_are_not_flagged(mixed: campaigns.Assessment, prefix: str) -> None:
    assert flagged(mixed, prefix)[0] == 0


def test_every_account_that_sent_traffic_is_scored(mixed: campaigns.Assessment) -> None:
    assert len(mixed.accounts) == 60 + 300 + 3 + 1 + 1
    one = next(a for a in mixed.accounts if a["account_id"] == "oneshot-1")
    assert 0.0 <= one["score"] < 0.5 and one["cluster_id"] == ""


def test_flagged_accounts_carry_reasons_in_words(mixed: campaigns.Assessment) -> None:
    hydra = next(a for a in mixed.accounts if a["account_id"] == "hydra-7")
    text = " ".join(hydra["reasons"])
    assert "campaign C001" in text and "payment" in text and "chain-of-thought" in text
    assert all(";" not in r for r in hydra["reasons"])


def test_campaign_describes_its_evidence(mixed: campaigns.Assessment) -> None:
    c = mixed.campaigns[0]
    assert c["id"] == "C001" and c["requests"] == 360 and c["capabilities"] == {"reasoning": 360}
    assert {v["value"] for v in c["indicators"]["payment"]} == {"card-h0", "card-h1", "card-h2"}
    assert c["indicators"]["tls_ua"][0] == {"value": "ja3-rare|python-httpx/0.27", "accounts": 60}
    assert c["representative_prompts"][0]["prompt"].startswith("Solve step by step")
    assert sum(t["requests"] for t in c["timeline"]) == 360
    assert c["first_seen"] < c["last_seen"] and "60 accounts" in c["summary"]


def test_feature_scores_cover_every_account(mixed: campaigns.Assessment) -> None:
    assert set(mixed.feature_scores) >= {"cot_elicitation", "conforming_membership"}
    assert all(len(v) == len(mixed.accounts) for v in mixed.feature_scores.values())
