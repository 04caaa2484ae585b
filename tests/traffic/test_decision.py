"""The default policy's campaign decisions on the populations a decision must keep apart: a mild
proxy network; an organisation's evaluation runners; a university behind one NAT; a lone
harvester at each operating point."""

from __future__ import annotations

from typing import Any

import pytest

from frontierguard.traffic import campaigns, linkage
from frontierguard.traffic.policy import effective_policy
from frontierguard.traffic.scoring import scorers
from support.traffic_rows import HARVEST, HUMAN, assess, build, req


def _proxy_network() -> list[dict[str, Any]]:
    """150 accounts behind a pool of 40 residential exit nodes, 15 shared cards and one client
    build; every account mixes a little harvesting into ordinary-looking traffic."""
    return [req(f"proxy-{a}", i, ip=f"198.51.{(a * 7 + i * 13) % 40}.9",
                payment_fingerprint=f"card-p{a % 15}", tls_fingerprint="ja3-proxy",
                user_agent="python-requests/2.32", capability="reasoning" if i % 2 else "chat",
                prompt="Explain your reasoning step by step" if i % 2 else f"hello {i}")
            for a in range(150) for i in range(12)]


MILD = {"requests_per_day": 12.0, "hour_entropy": 0.7, "cot_share": 0.22,
        "capability_top": "reasoning", "capability_top_share": 0.55, "template_top_share": 0.3,
        "long_output_share": 0.35, "thinking_share": 0.2, "account_age_days": 20.0}
EVAL_RUNNER = {"requests_per_day": 900.0, "hour_entropy": 0.6, "cot_share": 0.8,
               "capability_top": "reasoning", "capability_top_share": 1.0,
               "template_top_share": 1.0, "long_output_share": 0.9, "new_release_share": 0.8,
               "account_age_days": 500.0}
HOMEWORK = {**HUMAN, "cot_share": 0.12, "capability_top": "reasoning",
            "capability_top_share": 0.6}


@pytest.fixture(scope="module")
def hard() -> campaigns.Assessment:
    casual = [req(f"casual-{a}", i) for a in range(400) for i in range(3)]
    evals = [req(f"eval-{a}", i, org_id="org-evals", payment_fingerprint="card-evals",
                 ip=f"203.0.113.{a % 3}", asn_type="hosting", tls_fingerprint="ja3-harness",
                 user_agent="eval-harness/1.4", template_id=f"bench-{i % 10}",
                 capability="reasoning") for a in range(17) for i in range(30)]
    students = [req(f"student-{s}", i, ip="192.0.2.10", asn=64500, asn_type="education",
                    user_agent="Chrome/130", tls_fingerprint="ja3-chrome",
                    template_id=f"homework-{(s + i) % 20}") for s in range(300) for i in range(6)]
    return assess(build([(_proxy_network(), MILD), (casual, HUMAN), (evals, EVAL_RUNNER),
                         (students, HOMEWORK)]))


def _flagged(result: campaigns.Assessment, prefix: str) -> int:
    return sum(a["flagged"] for a in result.accounts if a["account_id"].startswith(prefix))


def test_a_mild_proxy_network_is_decided_and_flagged_whole(hard: campaigns.Assessment) -> None:
    assert _flagged(hard, "proxy-") == 150
    assert all(a["score"] < 0.5 for a in hard.accounts if a["account_id"].startswith("casual-"))
    best = max(hard.campaigns, key=lambda c: len(c["accounts"]))
    assert len(best["accounts"]) == 150 and all(a.startswith("proxy-") for a in best["accounts"])
    assert best["decision"]["decided"] and best["decision"]["roles"].get("core", 0) > 0


@pytest.mark.parametrize("prefix", ["eval-", "student-", "casual-"])
def test_honest_fleets_are_not_flagged(hard: campaigns.Assessment, prefix: str) -> None:
    assert _flagged(hard, prefix) == 0


def test_every_decided_campaign_flags_someone_and_states_the_operating_point(
        hard: campaigns.Assessment) -> None:
    assert hard.campaigns and all(c["accounts"] for c in hard.campaigns)
    assert hard.operating_point is not None
    assert hard.operating_point["operating_point"] == "balanced"
    assert hard.operating_point["expected_false_campaigns"] == 0.01
    flagged = {a["account_id"] for a in hard.accounts if a["flagged"]}
    assert all(set(c["accounts"]) <= flagged for c in hard.campaigns)
    assert all(not w["decision"]["decided"] for w in hard.watch)


@pytest.mark.parametrize(("point", "flagged"), [("balanced", False), ("sensitive", True)])
def test_a_lone_harvester_is_flagged_only_at_the_sensitive_point(point: str,
                                                                 flagged: bool) -> None:
    casual = [req(f"casual-{a}", i) for a in range(60) for i in range(3)]
    lone = [req("lone-1", i, capability="reasoning") for i in range(40)]
    con = build([(casual, HUMAN), (lone, HARVEST)])
    p, _ = effective_policy({"detect_operating_point": point})
    linkage.build_graph(con, p)
    linkage.communities(con, p)
    result = campaigns.assess(con, p, scorers(p))
    row = next(a for a in result.accounts if a["account_id"] == "lone-1")
    assert row["flagged"] is flagged and row["score"] >= 0.49
    assert row["role"] == ("lone" if flagged else "")


def test_a_small_run_judges_each_community_against_everyone_outside_it() -> None:
    # nearly every account sits in one coordinated community (a class behind one NAT), so
    # the uncoordinated background is too small to be a reference on its own
    students = [req(f"student-{s}", i, ip="192.0.2.10", asn=64500, asn_type="education",
                    user_agent="Chrome/130", tls_fingerprint="ja3-chrome",
                    payment_fingerprint=f"card-s{s % 20}") for s in range(120) for i in range(6)]
    harvest = [req(f"farm-{a}", i, payment_fingerprint=f"card-f{a % 2}", ip=f"198.51.100.{a % 3}",
                   tls_fingerprint="ja3-farm", user_agent="python-httpx/0.27",
                   capability="reasoning") for a in range(8) for i in range(20)]
    result = assess(build([(students, HUMAN), (harvest, HARVEST)]))
    assert result.operating_point is not None
    assert sum(a["flagged"] for a in result.accounts if a["account_id"].startswith("farm-")) == 8
    assert not any(a["flagged"] for a in result.accounts if a["account_id"].startswith("student"))


def _small_graph() -> Any:
    """Org A (a1..a3), org B (b1, b2) and one account declaring none (u1), all one community;
    every link anchored (top 0.5), only a1-b1 corroborated by a second family."""
    import duckdb

    con = duckdb.connect()
    links = [("a1", "b1", 2), ("a2", "b1", 1), ("a3", "b2", 1), ("a1", "a2", 1),
             ("a1", "u1", 1), ("a2", "u1", 1), ("b2", "u1", 1)]
    con.execute("CREATE TABLE links (a VARCHAR, b VARCHAR, top DOUBLE, top_group VARCHAR, "
                "groups INTEGER)")
    con.executemany("INSERT INTO links VALUES (?, ?, 0.5, 'prompts', ?)", links)
    con.execute("CREATE TABLE community AS SELECT unnest(['a1', 'a2', 'a3', 'b1', 'b2', 'u1']) "
                "AS account_id, 1 AS community")
    con.execute("CREATE TEMP TABLE _account_org AS SELECT * FROM (VALUES ('a1', 'A'), "
                "('a2', 'A'), ('a3', 'A'), ('b1', 'B'), ('b2', 'B')) t(account_id, org)")
    return con


@pytest.mark.parametrize(("policy", "expected"), [
    # v5: every link between accounts of different organisations (a1-a2 is inside org A)
    ("policy_v5", (6, 1)),
    # v6: the actor pairs A-B, A-u1 and B-u1; only A-B has a corroborated link
    ("policy_v6", (3, 1)),
])
def test_coordination_is_counted_per_pair_of_accounts_or_of_actors(
        policy: str, expected: tuple[int, int]) -> None:
    from frontierguard.traffic.decision import link_counts

    chosen, _ = effective_policy({"detect_policy": policy})
    assert link_counts(_small_graph(), chosen) == {1: {"prompts": expected}}



def _harness_links(policy: str) -> list[tuple[str, int]]:
    from support.traffic_rows import _h

    casual = [req(f"casual-{a}", i) for a in range(200) for i in range(3)]
    harness = [req(f"harness-{a}", i, tls_fingerprint="ja3-harness",
                   user_agent="eval-harness/1.4", template_id=f"bench-{i % 10}",
                   template_simhash=_h(f"bench-{i % 10}")) for a in range(40) for i in range(20)]
    con = build([(casual, HUMAN), (harness, EVAL_RUNNER)])
    chosen, _ = effective_policy({"detect_policy": policy})
    linkage.build_graph(con, chosen)
    return [(str(g), int(n)) for g, n in con.execute(
        "SELECT top_group, groups FROM links WHERE a LIKE 'harness-%' AND b LIKE 'harness-%'"
        " ORDER BY a, b").fetchall()]


def test_a_shared_tool_is_one_family_of_evidence_from_policy_v7() -> None:
    """Unaffiliated accounts running one harness on one public benchmark share its client
    build and its prompts: two families under policy_v6, one (``tool``) under policy_v7;
    every other family they share counts as before."""
    v6, v7 = _harness_links("policy_v6"), _harness_links("policy_v7")
    assert len(v6) == len(v7) > 40  # large groups are linked as a ring of neighbours
    assert [n for _, n in v6] == [n + 1 for _, n in v7]
    assert {g for g, _ in v7} <= {"tool", "signup", "timing"}
    assert "tool" in {g for g, _ in v7}


# one question, answered at length, step by step, on the day the account was made: every
# share of a single request is 0 or 1, so this visitor's harvest score (0.9) is a script's
ONE_QUESTION = {"requests_per_day": 1.0, "hour_entropy": None, "cot_share": 1.0,
                "capability_top": "reasoning", "capability_top_share": 1.0,
                "template_top_share": 1.0, "long_output_share": 1.0, "account_age_days": 1.0}


@pytest.mark.parametrize(("policy", "decided"), [("policy_v7", False), ("policy_v8", True)])
def test_one_request_visitors_do_not_set_the_reference_level(policy: str,
                                                            decided: bool) -> None:
    """policy_v8 leaves accounts with one request out of the harvest reference: under
    policy_v7 ten of them, 5% of the background, set its 0.99 quantile at 0.9, above the
    mild proxy network's median harvest, and the network was not decided."""
    casual = [req(f"casual-{a}", i) for a in range(200) for i in range(3)]
    visitors = [req(f"visitor-{a}", 0, capability="reasoning") for a in range(10)]
    network = [r for r in _proxy_network() if int(r["account_id"].split("-")[1]) < 30]
    con = build([(casual, HUMAN), (visitors, ONE_QUESTION), (network, MILD)])
    chosen, _ = effective_policy({"detect_policy": policy})
    linkage.build_graph(con, chosen)
    linkage.communities(con, chosen)
    result = campaigns.assess(con, chosen, scorers(chosen))
    assert result.operating_point is not None
    level = result.operating_point["reference_level"]
    assert level == (pytest.approx(0.9) if not decided else 0.0)
    assert _flagged(result, "proxy-") == (30 if decided else 0)
    assert _flagged(result, "visitor-") == _flagged(result, "casual-") == 0


@pytest.mark.parametrize(("policy", "decided"), [("policy_v7", False), ("policy_v8", True)])
def test_the_harvest_test_reads_the_members_tied_to_the_community(policy: str,
                                                                  decided: bool) -> None:
    """policy_v8 judges a community's harvest by its tied members: honest accounts that used
    the network's residential exit IPs on one day join its community, weakly linked, and
    outnumber its 30 accounts; under policy_v7 they pull its median harvest below the
    background's reference level."""
    casual = [req(f"casual-{a}", i) for a in range(200) for i in range(3)]
    homework = [req(f"homework-{a}", i) for a in range(4) for i in range(3)]
    network = [r for r in _proxy_network() if int(r["account_id"].split("-")[1]) < 30]
    riders = [req(f"rider-{a}", i, **({"ip": f"198.51.{(a * 13) % 40}.9"} if i < 2 else {}))
              for a in range(90) for i in range(3)]
    con = build([(casual, HUMAN), (homework, HOMEWORK), (network, MILD), (riders, HUMAN)])
    chosen, _ = effective_policy({"detect_policy": policy})
    linkage.build_graph(con, chosen)
    linkage.communities(con, chosen)
    result = campaigns.assess(con, chosen, scorers(chosen))
    community = con.execute("SELECT count(DISTINCT community) FILTER (WHERE account_id LIKE "
                            "'proxy-%'), count(*) FILTER (WHERE account_id LIKE 'rider-%' AND "
                            "community IN (SELECT community FROM community WHERE account_id = "
                            "'proxy-0')) FROM community").fetchone()
    assert community is not None and community[0] == 1 and community[1] > 30
    assert _flagged(result, "proxy-") == (30 if decided else 0)
    assert _flagged(result, "rider-") == _flagged(result, "casual-") == 0
