"""The policy file: the shipped one loads; mistakes are errors naming file, line and field;
decisions take the most severe action and carry every reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontierguard.core.errors import DataFileError
from frontierguard.gateway.decide import Facts, decide
from frontierguard.gateway.policy import load_policy

HEAD = "name: t\nsource: test\neffective: 2026-12-04\ncot_rules: cot_v3\n"
RULE = "rules:\n  - id: gw.a\n    when: {standing: [watch]}\n    action: block\n    reason: r\n"


def test_shipped_policy_loads() -> None:
    policy = load_policy()
    assert policy.name == "gateway_v1" and policy.cot_rules == "cot_v3"
    assert {r.action for r in policy.rules} == {"block", "require_verification",
                                                "strip_reasoning"}
    assert policy.budget_for("watch").requests < policy.budget_for("unknown").requests


BAD = [  # (file text, line of the offending key, field, words in the message)
    ("", None, None, "empty"),
    ("name: [unclosed\n", 2, None, "invalid YAML"),
    ("- a list\n", 1, None, "mapping at top level"),
    (HEAD.replace("effective: 2026-12-04", "effective: soon") + RULE, 3, "effective", "ISO date"),
    (HEAD + "rules: []\n", 5, "rules", "no rules"),
    (HEAD + RULE.replace("action: block", "action: explode"), 8, "action", "unknown action"),
    (HEAD + RULE.replace("action: block", "action: rate_limit"), 8, "action", "budgets"),
    (HEAD + RULE.replace("standing: [watch]", "standing: [suspect]"), 7, "standing",
     "unknown value 'suspect'"),
    (HEAD + RULE.replace("standing: [watch]", "colour: red"), 7, "colour",
     "unknown condition"),
    (HEAD + RULE.replace("standing: [watch]", "cot_min: 2"), 7, "cot_min", "[0, 1]"),
    (HEAD + RULE.replace("id: gw.a", "id: A"), 6, "id", "must look like"),
    (HEAD + RULE.replace("    reason: r\n", ""), 6, "reason", "missing required field"),
    (HEAD + RULE + RULE.replace("rules:\n", ""), 10, "id", "duplicate rule id"),
    (HEAD.replace("cot_v3", "cot_v99") + RULE, 4, "cot_rules", "no shipped rule set"),
    (HEAD + RULE + "budgets:\n  - standing: watch\n    window_s: 0\n    requests: 1\n"
     "    tokens: 1\n", 12, "window_s", "positive"),
    (HEAD + RULE + "budgets:\n  - standing: watch\n    window_s: 60\n    requests: many\n"
     "    tokens: 1\n", 13, "requests", "expected int"),
    (HEAD + RULE + "releases:\n  window_hours: 24\n  models:\n    - model: m\n"
     "      released_at: yesterday\n", 14, "released_at", "timestamp"),
]


@pytest.mark.parametrize(("text", "line", "field", "words"), BAD)
def test_bad_policy_files_give_located_errors(tmp_path: Path, text: str, line: int | None,
                                              field: str | None, words: str) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_policy(path)
    err = info.value
    assert str(err.file) == str(path)
    assert (err.row, err.field) == (line, field)
    assert words in err.message
    assert str(path) in str(err)


def test_unknown_shipped_policy_is_a_located_error() -> None:
    with pytest.raises(DataFileError, match="no shipped gateway policy"):
        load_policy("gateway_v99")


def facts(standing: str = "unknown", cot: float = 0.0, model: str = "frontier-1",
          new: bool = False) -> Facts:
    return Facts("acct-1", standing, "detection run 7, cluster c3", model, new, False, cot,
                 ("cot.expose_reasoning",) if cot else ())


DECISIONS = [  # (facts, action, rule ids)
    (facts(), "allow", ()),
    (facts("verified", 0.9), "allow", ()),
    (facts("campaign"), "block", ("gw.blocked_account",)),
    (facts("unknown", 0.9), "block", ("gw.cot_block", "gw.cot_verify", "gw.cot_strip")),
    (facts("unknown", 0.6), "require_verification", ("gw.cot_verify", "gw.cot_strip")),
    (facts("watch", 0.0, new=True), "require_verification",
     ("gw.new_release_watch", "gw.watch_strip")),
    (facts("watch"), "strip_reasoning", ("gw.watch_strip",)),
    (facts("unknown", 0.4), "strip_reasoning", ("gw.cot_strip",)),
]


@pytest.mark.parametrize(("f", "action", "rules"), DECISIONS)
def test_decisions_take_the_most_severe_action_with_every_reason(
        f: Facts, action: str, rules: tuple[str, ...]) -> None:
    d = decide(load_policy(), f)
    assert (d.action, d.rules) == (action, rules)
    assert len(d.reasons) == len(rules)
    for rule, reason in zip(rules, d.reasons, strict=True):
        assert reason.startswith(rule + ":")
    if "gw.blocked_account" in rules:
        assert "detection run 7, cluster c3" in d.reasons[0]
    if "gw.cot_verify" in rules:
        assert "cot.expose_reasoning" in " ".join(d.reasons)


def test_budget_windows_reopen_and_closed_ones_are_swept() -> None:
    from frontierguard.gateway.budgets import PRUNE_EVERY, Budgets
    from frontierguard.gateway.policy import Budget

    now = [0.0]
    budgets = Budgets(clock=lambda: now[0])
    b = Budget("default", 10.0, 1, 100)
    assert budgets.admit("a", b) == (None, "")
    wait, why = budgets.admit("a", b)
    assert wait == 10 and "1 requests per 10 s" in why
    now[0] = 10.0  # the window closed: a new one opens
    assert budgets.admit("a", b) == (None, "")
    budgets.charge("a", 100)
    now[0] = 11.0
    assert budgets.admit("a", b)[0] == 9
    for i in range(PRUNE_EVERY):
        now[0] = 100.0 + i * 20  # every earlier window is closed by now
        budgets.admit(f"acct-{i}", b)
    assert len(budgets) < PRUNE_EVERY
