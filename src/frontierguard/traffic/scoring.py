"""Account and campaign scores from behaviour and linkage, driven by a versioned policy.

Three explainable scorers (``core.scoring.Algorithm``), each feature a small function
whose docstring is the explanation shown to analysts:

* ``harvest`` -- how much an account's own traffic looks like capability harvesting;
* ``campaign`` -- how much a linked community of accounts behaves like a distillation
  campaign (its members harvest, there are many of them, and they are tightly tied);
* ``account`` -- the final account score: own behaviour plus membership in a campaign.

Weights, ramps and thresholds come from the policy (:mod:`frontierguard.traffic.policy`,
``policies/policy_vN.yaml``); nothing is fitted to labels.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from frontierguard.core.scoring import Algorithm, Feature, FtResult

Row = Mapping[str, Any]
HARVEST_CAPABILITIES = frozenset({"reasoning", "coding", "agentic", "computer_use", "grading",
                                  "sensitive_rewrite"})
# the harvest kinds the February 2026 disclosures named, rare in honest traffic (capability_v3)
DISCLOSED_KINDS = frozenset({"grading", "sensitive_rewrite"})


@dataclass(frozen=True)
class FeatureSpec:
    """One weighted feature of a policy, with its ramp ends where it has one."""

    feature: str
    weight: float
    lo: float = 0.0
    hi: float = 1.0


def ramp(x: float | None, lo: float, hi: float) -> float:
    """0 at or below ``lo``, 1 at or above ``hi``, linear between (None or NaN -> 0)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return 0.0
    if hi == lo:
        return 1.0 if x >= hi else 0.0
    return min(1.0, max(0.0, (float(x) - lo) / (hi - lo)))


def _f(row: Row, key: str) -> float:
    v = row.get(key)
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return 0.0
    return float(v)


# --- account behaviour (harvest) features: fn(row, spec) ---------------------------------

def cot_elicitation(a: Row, s: FeatureSpec) -> FtResult:
    """Share of the account's requests that ask the model to expose, grade or write out its
    reasoning (chain-of-thought elicitation rules)."""
    share = _f(a, "cot_share")
    return FtResult(ramp(share, s.lo, s.hi), f"{share:.0%} of requests elicit chain-of-thought")


def capability_focus(a: Row, s: FeatureSpec) -> FtResult:
    """Traffic concentrated on one harvestable capability (reasoning, coding, agentic or
    computer use) rather than the mix a person or product sends."""
    top, share = str(a.get("capability_top") or ""), _f(a, "capability_top_share")
    score = ramp(share, s.lo, s.hi) if top in HARVEST_CAPABILITIES else 0.0
    return FtResult(score, f"{share:.0%} of requests are {top or 'unknown'} tasks")


def template_reuse(a: Row, s: FeatureSpec) -> FtResult:
    """Most requests fill the same prompt template (a scripted harvesting loop)."""
    share = _f(a, "template_top_share")
    return FtResult(ramp(share, s.lo, s.hi), f"{share:.0%} of requests use one prompt template")


def single_turn_tools(a: Row, s: FeatureSpec) -> FtResult:
    """Tool definitions sent in single-turn requests: agent traces being harvested, not an
    agent actually looping over tool results."""
    tools, coherence = _f(a, "tool_share"), _f(a, "tools_turns_coherence")
    x = tools * (1.0 - coherence)
    return FtResult(ramp(x, s.lo, s.hi),
                    f"{tools:.0%} of requests carry tools, {1 - coherence:.0%} of those single-turn")


def machine_timing(a: Row, s: FeatureSpec) -> FtResult:
    """No human day: the account's quietest 8 hours are about as busy as the rest
    (``night_share``) or its activity is flat over all 24 hours (``hour_entropy``), weighted
    by volume so a few requests cannot look sleepless by chance."""
    night, ent, n = _f(a, "night_share"), _f(a, "hour_entropy"), _f(a, "requests")
    x = max(ramp(night, s.lo, s.hi), ramp(ent, 0.9, 0.98))
    return FtResult(x * ramp(n, 24, 96),
                    f"no quiet hours: quietest 8 h carry {night:.0%} of a flat day's traffic")


def single_turn(a: Row, s: FeatureSpec) -> FtResult:
    """Requests sent as isolated single prompts, never continuing a conversation: what a
    harvester collecting prompt-response pairs sends."""
    x = _f(a, "single_turn_share")
    return FtResult(ramp(x, s.lo, s.hi), f"{x:.0%} of requests are single-turn")


def long_outputs(a: Row, s: FeatureSpec) -> FtResult:
    """Requests for long outputs or extended thinking: the reasoning traces a distiller
    wants."""
    x = max(_f(a, "long_output_share"), _f(a, "thinking_share"))
    return FtResult(ramp(x, s.lo, s.hi), f"{x:.0%} of requests ask for long output or thinking")


def release_rush(a: Row, s: FeatureSpec) -> FtResult:
    """Traffic moved to a newly released model within 24 hours of its release."""
    x = _f(a, "new_release_share")
    return FtResult(ramp(x, s.lo, s.hi), f"{x:.0%} of traffic went to a model within 24 h of release")


def new_account(a: Row, s: FeatureSpec) -> FtResult:
    """The account was days old when it started sending traffic (lo..hi days: full..none)."""
    age = a.get("account_age_days")
    if age is None or (isinstance(age, float) and math.isnan(age)):
        return FtResult(0.0, "account age unknown")
    return FtResult(1.0 - ramp(float(age), s.lo, s.hi), f"account {float(age):.0f} days old at first request")


def volume(a: Row, s: FeatureSpec) -> FtResult:
    """Requests per active day on a log scale between lo and hi."""
    x = _f(a, "requests_per_day")
    score = ramp(math.log10(x), math.log10(s.lo), math.log10(s.hi)) if x > 0 else 0.0
    return FtResult(score, f"{x:.0f} requests per active day")


def disclosed_kinds(a: Row, s: FeatureSpec) -> FtResult:
    """Most of the account's traffic is one of the harvest kinds the February 2026
    disclosures named and honest traffic rarely sends in bulk: answers written to a grading
    rubric or graded on a scale (reward-model data), or rewrites and answers made to steer
    clear of politically sensitive topics (capability_v3 ``grading`` and
    ``sensitive_rewrite``)."""
    top, share = str(a.get("capability_top") or ""), _f(a, "capability_top_share")
    score = ramp(share, s.lo, s.hi) if top in DISCLOSED_KINDS else 0.0
    kind = top.replace("_", " ") if top in DISCLOSED_KINDS else "a disclosed harvest kind"
    return FtResult(score, f"{share if score else 0.0:.0%} of requests are {kind} tasks")


def proxy_rotation(a: Row, s: FeatureSpec) -> FtResult:
    """A new network for almost every request: distinct /24 networks per request, shrunk
    towards zero for accounts with few requests (``networks / (requests + 10)``). A person
    moves between home, office and phone networks; a proxy pool hands each request a new
    exit node."""
    nets, n = _f(a, "distinct_ip24"), _f(a, "requests")
    x = nets / (n + 10.0)
    return FtResult(ramp(x, s.lo, s.hi), f"{nets:.0f} networks for {n:.0f} requests")


HARVEST: dict[str, Callable[[Row, FeatureSpec], FtResult]] = {
    f.__name__: f for f in (cot_elicitation, capability_focus, template_reuse, single_turn_tools,
                            single_turn, machine_timing, long_outputs, release_rush, new_account,
                            volume, disclosed_kinds, proxy_rotation)
}


# --- campaign features: fn(campaign view, spec) -------------------------------------------

def member_harvest(c: Row, s: FeatureSpec) -> FtResult:
    """Median harvest-behaviour score of the community's member accounts."""
    h = _f(c, "median_harvest")
    return FtResult(h, f"members' median harvest behaviour {h:.2f}")


def hydra(c: Row, s: FeatureSpec) -> FtResult:
    """Many accounts acting as one (a hydra cluster), counted only as far as they harvest:
    median harvest x ramp(accounts, min_accounts, full_accounts)."""
    n = _f(c, "accounts")
    x = _f(c, "median_harvest") * ramp(n, _f(c, "min_accounts") - 1, _f(c, "full_accounts"))
    return FtResult(x, f"{n:.0f} linked accounts")


def coordination(c: Row, s: FeatureSpec) -> FtResult:
    """How tightly members are tied and by how many independent kinds of shared evidence
    (infrastructure, payment, templates, timing), scaled by their median harvest."""
    strength, kinds = _f(c, "mean_strength"), _f(c, "indicator_kinds")
    x = _f(c, "median_harvest") * ramp(strength, 0.6, 3.0) * ramp(kinds, 1, 3)
    return FtResult(x, f"tied by {kinds:.0f} kinds of shared evidence ({c.get('kinds_text', '')})")


def _bits_score(bits: float, threshold: float) -> float:
    """bits / threshold on the scale d / (1 + d): 0.5 exactly at the decision threshold."""
    d = bits / threshold if threshold > 0 else 0.0
    return d / (1.0 + d)


def coordination_null(c: Row, s: FeatureSpec) -> FtResult:
    """Coordination beyond chance (policy_v5): of the community's links that one kind of
    evidence forms on its own, how many a second, independent family corroborates (the same
    card and the same exit node; the same client and the same templates), against the rate
    at which accounts this run did not group together share such a second family. Links
    between accounts of one declared organisation do not count. Scored as -log10 of the
    binomial tail probability relative to the decision threshold (0.5 at the threshold)."""
    bits, t = _f(c, "coordination_bits"), _f(c, "threshold_bits")
    return FtResult(_bits_score(bits, t),
                    f"{_f(c, 'corroborated'):.0f} of {_f(c, 'anchored'):.0f} links corroborated "
                    f"by a second kind of evidence (chance {_f(c, 'chance_rate'):.2%}; "
                    f"p = 1e-{bits:.1f})")


def harvest_excess(c: Row, s: FeatureSpec) -> FtResult:
    """Harvesting beyond the run's background (policy_v5): the members' median harvest
    score against the background's independent actors -- how likely as many members drawn
    from the background would have a median that high. Scored as -log10 of that probability
    relative to the decision threshold (0.5 at the threshold). A median below the
    background's reference level is not harvesting beyond it: it scores below 0.5, by how
    far up the background the median ranks (for ranking accounts, never a decision)."""
    bits, t = _f(c, "harvest_bits"), _f(c, "threshold_bits")
    median, level = _f(c, "harvest_median"), _f(c, "reference_level")
    if median < level:
        return FtResult(0.49 * _f(c, "harvest_rank"),
                        f"members' median harvest {median:.2f} is below the background's "
                        f"reference level {level:.2f}")
    return FtResult(_bits_score(bits, t),
                    f"members' median harvest {median:.2f}, reached by "
                    f"{_f(c, 'reference_rate'):.1%} of background actors; "
                    f"{_f(c, 'harvesting'):.0f} of {_f(c, 'accounts'):.0f} at or above the "
                    f"background's {level:.2f} (p = 1e-{bits:.1f})")


CAMPAIGN: dict[str, Callable[[Row, FeatureSpec], FtResult]] = {
    f.__name__: f for f in (member_harvest, hydra, coordination, coordination_null,
                            harvest_excess)
}


# --- final account features ---------------------------------------------------------------

def harvest_behaviour(a: Row, s: FeatureSpec) -> FtResult:
    """The account's own harvest-behaviour score (see the harvest features)."""
    h = _f(a, "harvest")
    return FtResult(h, str(a.get("harvest_reasons") or f"harvest behaviour {h:.2f}"))


def campaign_membership(a: Row, s: FeatureSpec) -> FtResult:
    """How strongly the account is tied into a community that scores as a campaign:
    tie strength x campaign score."""
    x = _f(a, "tie") * _f(a, "campaign_score")
    if x <= 0:
        return FtResult(0.0, "not tied to a campaign")
    cid = str(a.get("cluster_id") or "")
    what = f"campaign {cid}" if cid.startswith("C") else "a linked group of accounts"
    return FtResult(x, f"member of {what} (score {_f(a, 'campaign_score'):.2f}), "
                       f"linked by {(a.get('link_kinds') or 'shared indicators').replace(',', ', ')}")


def conforming_membership(a: Row, s: FeatureSpec) -> FtResult:
    """Membership in a campaign, counted as far as the account's own traffic looks like its
    campaign's: tie strength x campaign score x ramp(own harvest / members' median harvest,
    lo, hi). An account glued to a campaign by one shared indicator (a client fingerprint, a
    network) while its own traffic does not harvest is a bystander, not a member."""
    base = campaign_membership(a, s)
    if base.score <= 0:
        return base
    own, median = _f(a, "harvest"), _f(a, "community_harvest")
    ratio = own / median if median > 0 else 0.0
    conform = ramp(ratio, s.lo, s.hi)
    if conform >= 1.0:
        return base
    return FtResult(base.score * conform,
                    f"{base.detail}; own traffic at {ratio:.0%} of the members' harvest behaviour")


def decided_membership(a: Row, s: FeatureSpec) -> FtResult:
    """Membership in a decided campaign (policy_v5): the campaign's score for a member tied
    to it by a hard link (a shared card, the same address on several days), a corroborated
    link or a strong one, whose own traffic is not far below the members' harvest. An
    account tied only by weak links, or by behaviour it does not share (a popular prompt),
    is a bystander: campaign score x tie x how far its own harvest reaches the members'
    median, capped below the flag threshold. Members of undecided communities score
    campaign score x tie, below the flag threshold."""
    cs, cid = _f(a, "campaign_score"), str(a.get("cluster_id") or "")
    if cs <= 0:
        return FtResult(0.0, "not tied to a campaign")
    kinds = (a.get("link_kinds") or "shared indicators").replace(",", ", ")
    if a.get("role") in ("core", "peripheral"):
        return FtResult(cs, f"{a['role']} member of campaign {cid} (score {cs:.2f}), "
                            f"linked by {kinds}")
    conform = (min(1.0, _f(a, "harvest") / max(1e-9, _f(a, "median_harvest")))
               if a.get("role") == "bystander" else 1.0)
    return FtResult(min(0.49, cs * _f(a, "tie") * conform),
                    f"linked to a group scoring {cs:.2f} by {kinds}, but not tied to it by "
                    f"a hard, corroborated or strong link with conforming traffic")


def lone_harvest(a: Row, s: FeatureSpec) -> FtResult:
    """The account's own harvest behaviour, on a scale where the policy's lone-account level
    (``lone``) is the flag threshold 0.5: a strong lone account is flagged on its own
    signals, whatever its links -- at operating points that flag lone accounts; at the
    others it scores just below the flag, for review. An account of a declared organisation
    with other accounts in the run is judged with its organisation's community, not alone."""
    h, lone = _f(a, "harvest"), _f(a, "lone")
    if a.get("declared_org"):
        return FtResult(0.0, "judged with its declared organisation's other accounts")
    if lone <= 0:
        return FtResult(0.0, "no lone-account level")
    x = 0.5 * h / lone if h < lone else 0.5 + 0.5 * (h - lone) / max(1e-9, 1.0 - lone)
    why = str(a.get("harvest_reasons") or f"harvest behaviour {h:.2f}")
    if x >= 0.5 and a.get("lone_flags") is False:
        return FtResult(0.49, f"{why}; harvests alone (flagged at the sensitive operating point)")
    return FtResult(x, why)


ACCOUNT: dict[str, Callable[[Row, FeatureSpec], FtResult]] = {
    f.__name__: f for f in (harvest_behaviour, campaign_membership, conforming_membership,
                            decided_membership, lone_harvest)
}


def _bind(fn: Callable[[Row, FeatureSpec], FtResult], spec: FeatureSpec) -> Callable[[Row], FtResult]:
    def feature(row: Row) -> FtResult:
        return fn(row, spec)

    feature.__doc__ = fn.__doc__
    return feature


def _algorithm(name: str, description: str, specs: tuple[FeatureSpec, ...],
               table: Mapping[str, Callable[[Row, FeatureSpec], FtResult]],
               combine: str = "sum") -> Algorithm[Row]:
    return Algorithm(name, description,
                     [Feature(s.feature, _bind(table[s.feature], s), s.weight) for s in specs],
                     combine)


@dataclass(frozen=True)
class Scorers:
    """The three scorers of one policy."""

    harvest: Algorithm[Row]
    campaign: Algorithm[Row]
    account: Algorithm[Row]

    @property
    def name(self) -> str:
        return self.account.name


class Weights(Protocol):
    """What the scorers read from a policy (:class:`frontierguard.traffic.policy.Policy`)."""

    @property
    def name(self) -> str: ...
    @property
    def harvest(self) -> tuple[FeatureSpec, ...]: ...
    @property
    def campaign(self) -> tuple[FeatureSpec, ...]: ...
    @property
    def account(self) -> tuple[FeatureSpec, ...]: ...
    @property
    def campaign_combine(self) -> str: ...
    @property
    def account_combine(self) -> str: ...


def scorers(policy: Weights) -> Scorers:
    """Build the harvest, campaign and account scorers of ``policy``."""
    v = policy.name
    return Scorers(
        _algorithm(f"harvest/{v}", "How much an account's own traffic looks like capability "
                   "harvesting.", policy.harvest, HARVEST),
        _algorithm(f"campaign/{v}", "How much a linked community behaves like a distillation "
                   "campaign.", policy.campaign, CAMPAIGN, policy.campaign_combine),
        _algorithm(f"account/{v}", "Account score: own behaviour plus campaign membership.",
                   policy.account, ACCOUNT, policy.account_combine),
    )
