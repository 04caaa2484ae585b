"""Scoring accounts and communities end to end on hand-made signal and feature tables."""

from __future__ import annotations

import pytest

from frontierguard.traffic import campaigns
from support.traffic_rows import EVAL, HARVEST, HUMAN, assess, build, req


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
                 capability="reasoning", org_id="org-lab") for a in range(3) for i in range(30)]
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
    assert set(mixed.feature_scores) >= {"cot_elicitation", "decided_membership"}
    assert all(len(v) == len(mixed.accounts) for v in mixed.feature_scores.values())
