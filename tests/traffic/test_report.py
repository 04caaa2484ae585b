"""The analyst report: ranked campaigns, escaped attacker text, inline plots, no network."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pytest

from frontierguard.traffic import report
from frontierguard.traffic.campaigns import Assessment

EVIL = '<script>alert("x")</script><img src=http://evil.example/p.png>'


def campaign(cid: str, score: float, accounts: list[str]) -> dict[str, Any]:
    return {
        "id": cid, "score": score, "accounts": accounts, "reasons": ["members' median harvest 0.9"],
        "first_seen": "2026-03-01T00:00:00+00:00", "last_seen": "2026-03-02T05:00:00+00:00",
        "requests": 30, "capabilities": {"reasoning": 25, "coding": 5},
        "indicators": {"payment": [{"value": "card-1", "accounts": 2}],
                       "tls_ua": [{"value": EVIL, "accounts": 2}]},
        "representative_prompts": [{"prompt": EVIL, "requests": 20}],
        "timeline": [{"hour": "2026-03-01T00:00:00+00:00", "model": "m1", "requests": 10},
                     {"hour": "2026-03-01T01:00:00+00:00", "model": "m2", "requests": 20}],
        "flagged_accounts": len(accounts), "summary": f"summary of {cid}",
    }


def account(aid: str, score: float, cluster: str) -> dict[str, Any]:
    return {"account_id": aid, "score": score, "flagged": score >= 0.5, "cluster_id": cluster,
            "reasons": [f"reason for {aid}"]}


@pytest.fixture
def html(tmp_path: Path) -> str:
    result = Assessment(
        accounts=[account("a1", 0.9, "C001"), account("a2", 0.8, "C001"),
                  account("b1", 0.7, "C002"), account("b2", 0.6, "C002"),
                  account("lone", 0.55, ""), account("ok", 0.1, "")],
        campaigns=[campaign("C001", 0.9, ["a1", "a2"]), campaign("C002", 0.7, ["b1", "b2"])])
    releases = pa.table({"model": ["m2"], "released_at": [datetime(2026, 3, 1, 1, tzinfo=UTC)]})
    path = report.write(tmp_path / "report.html", duckdb.connect(), result, "policy_v1", releases)
    return path.read_text()


def test_campaigns_are_ranked_with_their_evidence(html: str) -> None:
    assert html.index('id="C001"') < html.index('id="C002"')
    for text in ("card-1", "reasoning", "reason for a1", "summary of C001", "lone"):
        assert text in html


def test_attacker_text_is_escaped(html: str) -> None:
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<img" not in html


def test_report_is_self_contained_with_inline_svg(html: str) -> None:
    assert html.count("<svg") == 2
    assert not re.search(r"""<[^>]+\s(src|href)=["']?https?:""", html)
    assert "m2 released" in html


def test_empty_run_says_so(tmp_path: Path) -> None:
    path = report.write(tmp_path / "r.html", duckdb.connect(), Assessment([], []), "policy_v1", None)
    assert "No campaign reached" in path.read_text()


def test_deciding_run_shows_its_operating_point_scores_and_watch_clusters(
        tmp_path: Path) -> None:
    op = {"policy": "policy_v5", "operating_point": "balanced", "expected_false_campaigns": 0.01,
          "candidate_communities": 3, "threshold_bits": 2.48, "campaign_threshold": 0.5,
          "reference_level": 0.36, "reference_quantile": 0.99, "reference_accounts": 400,
          "reference_actors": 120.0, "lone_flags": False}
    watch = [{"id": "W001", "score": 0.3, "accounts": ["w1", "w2", "w3", "w4"],
              "reasons": [f"linked by {EVIL}"], "decision": {"decided": False}}]
    result = Assessment(
        accounts=[account("a1", 0.9, "C001"), account("a2", 0.8, "C001")],
        campaigns=[campaign("C001", 0.9, ["a1", "a2"])], watch=watch,
        candidates=[{"score": 0.9}, {"score": 0.3}, {"score": 0.0}], operating_point=op)
    text = report.write(tmp_path / "r.html", duckdb.connect(), result, "policy_v5",
                        None).read_text()
    assert "Operating point <b>balanced</b>" in text and "0.01" in text
    assert 'id="watch"' in text and "W001" in text and "<script>" not in text
    assert text.count("<svg") >= 2  # the timeline and the score histogram
