"""policy_v5's null model by hand: binomial tails, the decision threshold, chance
corroboration, a community's coordination and harvest figures, and the sampled family
rates."""

from __future__ import annotations

import math

import numpy as np
import pytest

from frontierguard.traffic import linkage, null
from frontierguard.traffic.policy import load_policy
from support.traffic_rows import HUMAN, build, req


def test_tail_bits_match_the_binomial_by_hand() -> None:
    # P(X >= 2) for X ~ Binomial(3, 0.1) = 3 * 0.1^2 * 0.9 + 0.1^3 = 0.028
    assert null.tail_bits(2, 3, 0.1) == pytest.approx(-math.log10(0.028))
    assert null.tail_bits(0, 10, 0.5) == 0.0
    assert null.tail_bits(5, 5, 0.0) == null.MAX_BITS
    assert null.tail_bits(900, 1000, 1e-9) == null.MAX_BITS  # underflow is capped


def test_threshold_is_log_of_candidates_over_expected_false_campaigns() -> None:
    assert null.threshold_bits(50, 0.01) == pytest.approx(math.log10(5000))
    assert null.threshold_bits(0, 0.1) == pytest.approx(1.0)


def test_chance_corroboration_leaves_out_the_anchor_family() -> None:
    rates = {"payment": 0.1, "network": 0.2, "client": 0.05}
    assert null.chance_rate(rates, "payment") == pytest.approx(1 - 0.8 * 0.95)
    assert null.chance_rate(rates, "other") == pytest.approx(1 - 0.9 * 0.8 * 0.95)


def test_coordination_figure_of_a_small_community_by_hand() -> None:
    # 3 links anchored in payment, 2 of them corroborated; 1 anchored in network, corroborated
    links = {"payment": (3, 2), "network": (1, 1)}
    rates = {"payment": 0.1, "network": 0.2}
    anchor = {"payment": 0.001, "network": 0.01}
    view = null.coordination_view(links, null.Rates(rates, anchor, 1000), 5)
    rho = (3 * 0.2 + 1 * 0.1) / 4  # mean chance of a second family over the anchored links
    p = sum(math.comb(4, k) * rho**k * (1 - rho) ** (4 - k) for k in (3, 4))
    assert (view["anchored"], view["corroborated"]) == (4, 3)
    assert view["chance_rate"] == pytest.approx(rho)
    assert view["corroboration_bits"] == pytest.approx(-math.log10(p))
    # excess: 3 payment-anchored links among the run's C(5, 2) = 10 pairs at a = 0.001
    q = sum(math.comb(10, k) * 0.001**k * 0.999 ** (10 - k) for k in range(3, 11))
    assert view["excess_family"] == "payment"
    assert view["excess_bits"] == pytest.approx(-math.log10(q))
    best = max(-math.log10(p), -math.log10(q))
    assert view["coordination_bits"] == pytest.approx(best - math.log10(3))  # 3 tests


def test_harvest_figure_is_the_p_value_of_the_median_by_hand() -> None:
    reference = np.sort(np.array([0.0] * 97 + [0.7, 0.9, 0.95]))
    model = null.Null(100, {}, 0, reference, float(np.quantile(reference, 0.9)))
    members = [{"harvest": h} for h in (0.5, 0.6, 0.7, 0.8)]
    view = null.harvest_view(members, model)
    # median 0.65; 3 of the 100 reference accounts reach it; 2 of 4 draws must
    p = sum(math.comb(4, k) * 0.03**k * 0.97 ** (4 - k) for k in (2, 3, 4))
    assert view["harvest_median"] == pytest.approx(0.65)
    assert view["reference_rate"] == pytest.approx(0.03)
    assert view["harvest_bits"] == pytest.approx(-math.log10(p))


def test_a_median_at_the_background_level_gets_no_harvest_bits() -> None:
    reference = np.sort(np.array([0.0] * 50 + [0.3] * 50))
    model = null.Null(100, {}, 0, reference, 0.3)
    low = null.harvest_view([{"harvest": 0.05}] * 400, model)
    assert low["harvest_bits"] == 0.0 and low["harvesting"] == 0


def test_family_rates_estimate_the_share_of_pairs_sharing_a_family() -> None:
    # 40 accounts; cards shared in 10 groups of 4: 10 * C(4,2) = 60 of C(40,2) = 780 pairs
    rows = [req(f"a{a}", i, payment_fingerprint=f"card-{a // 4}") for a in range(40)
            for i in range(3)]
    con = build([(rows, HUMAN)])
    p = load_policy()
    linkage.build_graph(con, p)
    con.execute("CREATE TABLE community (account_id VARCHAR, community BIGINT)")
    rates = null.family_rates(con, p, 40)
    assert rates.drawn > 0.9 * p.decision.null_pairs  # type: ignore[union-attr]
    assert rates.shared["payment"] == pytest.approx(60 / 780, rel=0.05)
    assert rates.anchored["payment"] == pytest.approx(60 / 780, rel=0.05)  # a card alone links
    assert rates.shared["timing"] == pytest.approx(0.5 / rates.drawn)


def test_an_honest_fleet_is_one_actor_in_the_reference() -> None:
    harvest = np.array([0.0] * 100 + [0.9] * 20)
    background = np.ones(120, dtype=bool)
    decision = load_policy().decision
    assert decision is not None
    fleet = np.array([1.0] * 100 + [1 / 20] * 20)  # 20 accounts of one community
    weighted = null.reference(harvest, background, fleet, decision)
    assert weighted is not None
    _, w, level = weighted
    assert level == 0.0 and w.sum() == pytest.approx(101)
    plain = null.reference(harvest, background, np.ones(120), decision)
    assert plain is not None and plain[2] == 0.9


def test_a_background_of_too_few_actors_gives_no_shared_reference() -> None:
    decision = load_policy().decision
    assert decision is not None
    harvest = np.zeros(60)
    assert null.reference(harvest, np.ones(60, dtype=bool), np.full(60, 0.5), decision) is None
