"""One request's decision: the policy's rules over the request's facts, then its budget.

The facts are what the gateway knows before forwarding: the account's standing (with the
detection run's own reasons for it), the CoT-elicitation score and the rules that fired,
the model and whether it is inside its new-release window, and whether the request asks
for extended thinking. The decision is the most severe action of the rules that hold,
and it carries every one of their reasons.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from frontierguard.gateway.policy import ACTIONS, Policy, Rule, model_matches


@dataclass(frozen=True)
class Facts:
    """What a decision is made from."""

    account_id: str
    standing: str
    standing_reason: str
    model: str
    new_release: bool
    thinking: bool
    cot_score: float
    cot_rules: tuple[str, ...]


@dataclass(frozen=True)
class Decision:
    """The action, the rules behind it and their reasons (empty for a plain allow)."""

    action: str
    reasons: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    retry_after_s: int | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def forwards(self) -> bool:
        return self.action in ("allow", "strip_reasoning")


def holds(rule: Rule, facts: Facts) -> bool:
    """True when every condition of ``rule`` holds for ``facts``."""
    w = rule.when
    checks = (
        w.standing is None or facts.standing in w.standing,
        w.not_standing is None or facts.standing not in w.not_standing,
        w.cot_min is None or facts.cot_score >= w.cot_min,
        w.new_release is None or facts.new_release == w.new_release,
        w.models is None or model_matches(facts.model, w.models),
        w.thinking is None or facts.thinking == w.thinking,
    )
    return all(checks)


def _explain(rule: Rule, facts: Facts) -> str:
    parts = [f"{rule.id}: {rule.reason}"]
    if rule.when.standing is not None or rule.when.not_standing is not None:
        parts.append(f"standing {facts.standing}"
                     + (f" ({facts.standing_reason})" if facts.standing_reason else ""))
    if rule.when.cot_min is not None:
        fired = ", ".join(facts.cot_rules) or "none"
        parts.append(f"cot_score {facts.cot_score:.2f} >= {rule.when.cot_min} (rules: {fired})")
    if rule.when.new_release:
        parts.append(f"model {facts.model} is inside its new-release window")
    return "; ".join(parts)


def decide(policy: Policy, facts: Facts) -> Decision:
    """The policy's decision for ``facts`` (before any budget)."""
    held = [r for r in policy.rules if holds(r, facts)]
    if not held:
        return Decision("allow")
    action = min((r.action for r in held), key=ACTIONS.index)
    return Decision(action, tuple(_explain(r, facts) for r in held), tuple(r.id for r in held))


def with_budget(decision: Decision, retry_after_s: int | None, why: str) -> Decision:
    """``decision``, or ``rate_limit`` when the account's budget is spent and the policy
    would otherwise forward the request."""
    if retry_after_s is None or not decision.forwards:
        return decision
    return Decision("rate_limit", (*decision.reasons, why), (*decision.rules, "gw.budget"),
                    retry_after_s)
