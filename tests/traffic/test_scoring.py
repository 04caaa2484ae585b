"""Policy loading, feature case tables, and the scorers' explanations."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontierguard.core.errors import ConfigError, DataFileError, NotFoundError
from frontierguard.traffic import policy as policy_mod
from frontierguard.traffic import scoring
from frontierguard.traffic.policy import effective_policy, load_policy
from frontierguard.traffic.scoring import FeatureSpec, ramp, scorers

HARVESTER: dict[str, Any] = {
    "requests": 900, "requests_per_day": 300.0, "hour_entropy": 0.98, "cot_share": 0.7,
    "capability_top": "reasoning", "capability_top_share": 0.95, "template_top_share": 0.9,
    "tool_share": 0.0, "tools_turns_coherence": None, "long_output_share": 0.8,
    "thinking_share": 0.6, "new_release_share": 0.5, "account_age_days": 1.0,
}
STUDENT: dict[str, Any] = {
    "requests": 12, "requests_per_day": 4.0, "hour_entropy": 0.4, "cot_share": 0.0,
    "capability_top": "chat", "capability_top_share": 0.6, "template_top_share": 0.1,
    "tool_share": 0.0, "tools_turns_coherence": None, "long_output_share": 0.1,
    "thinking_share": 0.0, "new_release_share": 0.0, "account_age_days": 300.0,
}
ONE_REQUEST: dict[str, Any] = {"requests": 1, "requests_per_day": 1.0, "hour_entropy": None,
                               "capability_top": "coding", "capability_top_share": 1.0}


@pytest.mark.parametrize("name", ["policy_v1", "policy_v2", "policy_v3", "policy_v4",
                                  "policy_v5", "policy_v6", "policy_v7", "policy_v8"])
def test_shipped_policy_loads_with_sources(name: str) -> None:
    p = load_policy(name)
    assert p.name == name and p.source and p.effective
    assert {i.kind for i in p.indicators} <= set(policy_mod.INDICATOR_KINDS)
    assert 0 < p.thresholds["flag"] <= 1


def test_policy_v4_differs_from_v3_only_in_hard_kinds_and_consolidation() -> None:
    policy = load_policy("policy_v4")
    assert policy.name == "policy_v4" and policy.communities["consolidate_link"] == 0.5
    assert policy.linkage["hard_days"] == 2
    assert {i.kind for i in policy.indicators if i.hard} == {
        "payment", "tls_ua", "tls", "ip", "ip24", "hosting_asn", "creation"}
    v3 = load_policy("policy_v3")
    assert not any(i.hard for i in v3.indicators) and "consolidate_link" not in v3.communities
    assert dataclasses.replace(
        policy, name=v3.name, effective=v3.effective,
        linkage={k: v for k, v in policy.linkage.items() if k != "hard_days"},
        indicators=tuple(dataclasses.replace(i, hard=False) for i in policy.indicators),
        communities={k: v for k, v in policy.communities.items() if k != "consolidate_link"}) == v3


def test_policy_v8_is_the_default_and_differs_from_v7_only_in_the_harvest_test() -> None:
    policy, _ = effective_policy({})
    v7 = load_policy("policy_v7")
    assert policy.name == "policy_v8" and policy.decision is not None and v7.decision
    assert (policy.decision.reference_min_requests, v7.decision.reference_min_requests) == (2, 1)
    assert (policy.decision.harvest_members, v7.decision.harvest_members) == ("tied", "all")
    assert dataclasses.replace(policy, name=v7.name, effective=v7.effective, decision=(
        dataclasses.replace(policy.decision, reference_min_requests=1,
                            harvest_members="all"))) == v7


def test_policy_v7_has_two_harvest_features_and_a_tool_family() -> None:
    policy = load_policy("policy_v7")
    v6 = load_policy("policy_v6")
    assert policy.name == "policy_v7" and policy.decision is not None and v6.decision
    added = [s for s in policy.harvest if s not in v6.harvest]
    assert [s.feature for s in added] == ["disclosed_kinds", "proxy_rotation"]
    tool = {i.kind for i in policy.indicators if i.group == "tool"}
    assert tool == {"tls_ua", "tls", "template", "simhash"}
    assert {i.kind for i in v6.indicators if i.group in ("client", "prompts")} == tool
    back = {"tls_ua": "client", "tls": "client", "template": "prompts", "simhash": "prompts"}
    assert dataclasses.replace(
        policy, name=v6.name, effective=v6.effective,
        harvest=tuple(s for s in policy.harvest if s not in added),
        indicators=tuple(dataclasses.replace(i, group=back.get(i.kind, i.group))
                         for i in policy.indicators),
        decision=dataclasses.replace(policy.decision, tool_families=("client",))) == v6


def test_policy_v6_differs_from_v5_only_in_counting_actors() -> None:
    policy = load_policy("policy_v6")
    v5 = load_policy("policy_v5")
    assert policy.name == "policy_v6" and policy.decision is not None
    assert v5.decision is not None and v5.decision.actors == "account"
    assert policy.decision.actors == "organisation"
    assert dataclasses.replace(policy, name=v5.name, effective=v5.effective, decision=dataclasses.replace(
        policy.decision, actors="account")) == v5


def test_policy_v5_keeps_v4_linkage_with_families() -> None:
    policy = load_policy("policy_v5")
    v4 = load_policy("policy_v4")
    assert policy.name == "policy_v5" and policy.decision is not None
    assert policy.campaign_combine == "min" and policy.account_combine == "max"
    assert policy.decision.operating_point == "balanced"
    assert policy.decision.false_campaigns == 0.01
    assert {i.group for i in policy.indicators} == {
        "payment", "client", "network", "hosting", "prompts", "timing", "signup"}
    assert tuple(dataclasses.replace(i, group="") for i in policy.indicators) == v4.indicators
    assert {k: v for k, v in policy.linkage.items() if k != "evidence_floor"} == v4.linkage
    assert policy.communities == v4.communities and policy.harvest == v4.harvest


@pytest.mark.parametrize(("settings", "message"), [
    ({"detect_false_campaigns": -0.5}, "detect_false_campaigns"),
    ({"detect_false_campaigns": 0}, "detect_false_campaigns"),
    ({"detect_operating_point": "paranoid"}, "detect_operating_point"),
    ({"detect_policy": "policy_v4", "detect_operating_point": "strict"}, "detect_operating_point"),
])
def test_bad_operating_point_settings_name_the_setting(settings: dict[str, Any],
                                                       message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        effective_policy(settings)


def test_operating_point_settings_choose_the_expected_false_campaigns() -> None:
    strict, _ = effective_policy({"detect_operating_point": "strict"})
    assert strict.decision is not None and strict.decision.false_campaigns == 0.001
    custom, _ = effective_policy({"detect_false_campaigns": "0.05"})
    assert custom.decision is not None and custom.decision.false_campaigns == 0.05
    assert custom.decision.operating_point == "custom"


def test_policy_v3_and_older_ones_still_load_unchanged() -> None:
    policy = load_policy("policy_v3")
    assert policy.name == "policy_v3" and policy.linkage["values_per_day"] == 3
    v2 = load_policy("policy_v2")
    assert "values_per_day" not in v2.linkage
    assert dataclasses.replace(policy, name=v2.name, effective=v2.effective, linkage={
        k: v for k, v in policy.linkage.items() if k != "values_per_day"}) == v2
    v1 = load_policy("policy_v1")
    assert "tls" not in {i.kind for i in v1.indicators}
    assert all(i.support == 0 for i in v1.indicators)
    assert [f.feature for f in v1.account] == ["harvest_behaviour", "campaign_membership"]


MEMBER: dict[str, Any] = {"tie": 1.0, "campaign_score": 0.8, "cluster_id": "C001",
                          "link_kinds": "payment", "community_harvest": 0.6}


@pytest.mark.parametrize(("own", "expected"), [
    (0.6, 0.8),    # harvests like the members: full membership
    (0.48, 0.8),   # 80% of the members' behaviour is enough (hi 0.8)
    (0.36, 0.4),   # 60%: half way up the 0.4..0.8 ramp
    (0.12, 0.0),   # a bystander glued on by a shared indicator
])
def test_conforming_membership_scales_by_own_behaviour(own: float, expected: float) -> None:
    spec = FeatureSpec("conforming_membership", 0.6, 0.4, 0.8)
    res = scoring.conforming_membership({**MEMBER, "harvest": own}, spec)
    assert res.score == pytest.approx(expected)
    assert "C001" in res.detail


def test_conforming_membership_of_an_unlinked_account_is_zero() -> None:
    spec = FeatureSpec("conforming_membership", 0.6, 0.4, 0.8)
    res = scoring.conforming_membership({**MEMBER, "tie": 0.0, "harvest": 0.9}, spec)
    assert res.score == 0.0 and res.detail == "not tied to a campaign"


def test_unknown_shipped_policy_is_not_found() -> None:
    with pytest.raises(NotFoundError, match="policy_v9"):
        load_policy("policy_v9")


@pytest.mark.parametrize(("name", "edit", "field"), [
    ("policy_v1", ("{feature: volume, weight: 0.05", "{feature: velocity, weight: 0.05"), "feature"),
    ("policy_v1", ("{feature: hydra, weight: 0.50}", "{feature: hydra, weight: high}"), "weight"),
    ("policy_v1", ("{kind: payment, weight: 1.0,", "{kind: phone, weight: 1.0,"), "kind"),
    ("policy_v4", ("{kind: tls, hard: true,", "{kind: tls, hard: maybe,"), "hard"),
    ("policy_v5", ("operating_point: balanced", "operating_point: calm"), "operating_point"),
    ("policy_v5", ("strict: 0.001", "strict: -1"), "strict"),
])
def test_bad_policy_names_file_line_and_field(tmp_path: Path, name: str, edit: tuple[str, str],
                                              field: str) -> None:
    text = policy_mod.package_data("frontierguard.traffic.policies", f"{name}.yaml").read_text()
    line = text[: text.index(edit[0])].count("\n") + 1
    bad = tmp_path / "policy_bad.yaml"
    bad.write_text(text.replace(edit[0], edit[1]))
    with pytest.raises(DataFileError) as err:
        load_policy(str(bad))
    assert err.value.file == str(bad) and err.value.row == line and err.value.field == field


@pytest.mark.parametrize(("key", "value"), [
    ("reference_min_requests", "0"), ("reference_min_requests", "-3"),
    ("reference_min_requests", "two"), ("harvest_members", "core"),
    ("harvest_members", "3"),
])
def test_bad_policy_v8_decision_names_file_and_field(tmp_path: Path, key: str,
                                                     value: str) -> None:
    text = policy_mod.package_data("frontierguard.traffic.policies", "policy_v8.yaml").read_text()
    bad = tmp_path / "policy_bad.yaml"
    start = text.index(f"  {key}: ")
    end = text.index(" ", start + len(key) + 4)
    bad.write_text(text[:start] + f"  {key}: {value}" + text[end:])
    with pytest.raises(DataFileError) as err:
        load_policy(str(bad))
    assert err.value.file == str(bad) and err.value.field == key


@pytest.mark.parametrize(("x", "lo", "hi", "expected"), [
    (0.0, 0.1, 0.5, 0.0), (0.3, 0.1, 0.5, 0.5), (0.9, 0.1, 0.5, 1.0),
    (None, 0.1, 0.5, 0.0), (math.nan, 0.1, 0.5, 0.0), (2.0, 2.0, 2.0, 1.0),
])
def test_ramp(x: float | None, lo: float, hi: float, expected: float) -> None:
    assert ramp(x, lo, hi) == pytest.approx(expected)


@given(st.floats(allow_nan=True), st.floats(-1e6, 1e6), st.floats(-1e6, 1e6))
def test_ramp_stays_in_unit_interval(x: float, lo: float, hi: float) -> None:
    assert 0.0 <= ramp(x, min(lo, hi), max(lo, hi)) <= 1.0


@pytest.mark.parametrize(("feature", "row", "score"), [
    ("cot_elicitation", {"cot_share": 0.225}, 0.5),
    ("single_turn", {"single_turn_share": 1.0}, 1.0),
    ("single_turn", {"single_turn_share": 0.3}, 0.0),
    ("machine_timing", {"night_share": 0.9, "requests": 500}, 1.0),
    ("machine_timing", {"night_share": 0.05, "hour_entropy": 0.6, "requests": 500}, 0.0),
    ("capability_focus", {"capability_top": "coding", "capability_top_share": 0.9}, 1.0),
    ("capability_focus", {"capability_top": "chat", "capability_top_share": 0.9}, 0.0),
    ("single_turn_tools", {"tool_share": 0.8, "tools_turns_coherence": 0.1}, 1.0),
    ("single_turn_tools", {"tool_share": 0.8, "tools_turns_coherence": 0.95}, 0.0),
    ("machine_timing", {"hour_entropy": 0.99, "requests": 10}, 0.0),
    ("machine_timing", {"hour_entropy": 0.99, "requests": 500}, 1.0),
    ("new_account", {"account_age_days": 1.0}, 1.0),
    ("new_account", {"account_age_days": None}, 0.0),
    ("volume", {"requests_per_day": 0.0}, 0.0),
    ("disclosed_kinds", {"capability_top": "grading", "capability_top_share": 0.9}, 1.0),
    ("disclosed_kinds", {"capability_top": "sensitive_rewrite", "capability_top_share": 0.5},
     0.5),
    ("disclosed_kinds", {"capability_top": "reasoning", "capability_top_share": 1.0}, 0.0),
    ("proxy_rotation", {"distinct_ip24": 140, "requests": 150}, 1.0),
    ("proxy_rotation", {"distinct_ip24": 3, "requests": 3}, 0.0),      # 3 / 13: a phone
    ("proxy_rotation", {"distinct_ip24": 5, "requests": 400}, 0.0),    # home, office, phone
])
def test_harvest_features(feature: str, row: dict[str, Any], score: float) -> None:
    spec = next(s for s in load_policy().harvest if s.feature == feature)
    result = scoring.HARVEST[feature](row, spec)
    assert result.score == pytest.approx(score) and result.detail


def test_harvester_scores_high_and_explains_itself() -> None:
    ex = scorers(load_policy()).harvest.explain(HARVESTER)
    assert ex.score >= 0.9
    assert any("chain-of-thought" in r for r in ex.reasons())


@pytest.mark.parametrize("row", [STUDENT, ONE_REQUEST, {}])
def test_ordinary_and_sparse_accounts_score_low(row: dict[str, Any]) -> None:
    assert scorers(load_policy()).harvest.explain(row).score < 0.3


def test_every_feature_has_an_explanation() -> None:
    s = scorers(load_policy())
    for algo in (s.harvest, s.campaign, s.account):
        assert all(d["description"] for d in algo.describe())


def _campaign(accounts: int, harvest: float, strength: float = 3.0) -> float:
    p = load_policy("policy_v4")
    view = {"accounts": accounts, "median_harvest": harvest, "mean_strength": strength,
            "indicator_kinds": 3, "kinds_text": "payment, tls_ua, template", **p.campaign_params}
    return scorers(p).campaign.explain(view).score


@pytest.mark.parametrize(("accounts", "harvest", "low", "high"), [
    (40, 0.8, 0.99, 1.0),    # a hydra of harvesters
    (40, 0.1, 0.0, 0.15),    # many linked accounts that do not harvest
    (4, 0.8, 0.7, 0.8),      # a small harvesting group
    (40, 0.0, 0.0, 0.0),     # linkage alone is never a campaign
])
def test_campaign_score_needs_harvesting_accounts(accounts: int, harvest: float, low: float,
                                                  high: float) -> None:
    assert low <= _campaign(accounts, harvest) <= high


def test_campaign_score_grows_with_size_and_ties() -> None:
    assert _campaign(4, 0.5) < _campaign(15, 0.5)
    assert _campaign(15, 0.5, strength=0.6) < _campaign(15, 0.5, strength=3.0)


def test_overrides_change_thresholds_and_reject_unknown_names() -> None:
    policy, values = effective_policy({"detect_flag_threshold": "0.8"})
    assert policy.thresholds["flag"] == 0.8 and values["detect_policy"] == "policy_v8"
    off, _ = effective_policy({"detect_consolidate_link": 0})
    assert off.communities["consolidate_link"] == 0.0 and off.communities["resolution"] == 0.01
    with pytest.raises(ConfigError):
        effective_policy({"detect_flag": 1})


def test_feature_spec_is_passed_to_feature() -> None:
    r = scoring.cot_elicitation({"cot_share": 0.5}, FeatureSpec("cot_elicitation", 1.0, 0.0, 1.0))
    assert r.score == pytest.approx(0.5)
