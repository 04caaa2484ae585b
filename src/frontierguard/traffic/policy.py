"""The detection policy: a versioned YAML file of linkage weights, scorer features and
thresholds, loaded into dataclasses and validated with errors that name file, line and field.

Shipped policies live in ``policies/policy_vN.yaml`` and are never edited in place; the
``detect_*`` settings select one and override its thresholds. The scorers built from a
policy are in :mod:`frontierguard.traffic.scoring`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from frontierguard.core import settings
from frontierguard.core.datafiles import LineDict, field, load_yaml, package_data
from frontierguard.core.errors import ConfigError, DataFileError
from frontierguard.core.registry import Registry
from frontierguard.core.scoring import COMBINE
from frontierguard.traffic.scoring import ACCOUNT, CAMPAIGN, HARVEST, FeatureSpec


@dataclass(frozen=True)
class IndicatorSpec:
    """A linkage indicator kind: its weight and the group size above which it is ignored.

    ``support`` 0: a pair's link for the kind is its strongest shared value. ``support`` s > 0:
    shared values add up, ``min(weight, sum(weight * rarity) / s)``, so one shared value
    counts only ``1/s`` -- for kinds such as prompt templates, where one coincidence is
    common and several are not.

    ``group``: the family of independent evidence the kind belongs to (an IP and its /24 are
    one network; a TLS fingerprint with or without its user agent one client build); empty:
    the kind is its own. policy_v5's coordination null model counts groups, not kinds.

    ``hard``: the indicator is infrastructure an operator controls (a payment instrument, a
    network address, a client build), as opposed to behaviour (prompt templates, timing).
    Policies that consolidate communities (``communities.consolidate_link``) keep accounts
    joined by strong links of hard kinds in one community.
    """

    kind: str
    weight: float
    max_accounts: int
    description: str
    min_accounts: int = 2
    support: float = 0.0
    hard: bool = False
    group: str = ""


@dataclass(frozen=True)
class Decision:
    """How a policy with a ``decision`` section (policy_v5) decides campaigns: against the
    run's own population (:mod:`frontierguard.traffic.decision`), at an operating point
    given as the expected number of false campaigns per run.

    ``operating_points`` names the shipped points; ``operating_point`` is the one in force
    and ``false_campaigns`` its value (the ``detect_operating_point`` and
    ``detect_false_campaigns`` settings choose them). ``reference_quantile``: the harvest
    level of the background population a member must exceed to count as harvesting.
    ``min_reference``: fewer background accounts than this and all accounts are the
    reference. ``conform_min``: a member whose own harvest is below this share of its
    campaign's median is a bystander, not a member. ``lone_from``: the least expected false
    campaigns per run at which lone accounts are flagged (a lone flag has no population to
    bound its error by, so only sensitive operating points make them). ``tool_families``:
    families that identify software many customers run (a client build), so a hard link
    formed by them alone ties a member to a campaign only when its harvest reaches
    ``tool_conform`` of the members' median. ``lone``: harvest score at which an
    account is flagged on its own signals, whatever its links. ``actors`` (policy_v6):
    ``account`` counts the coordination evidence per pair of accounts; ``organisation``
    per pair of actors, an actor being a declared organisation (all its accounts) or an
    account that declares none, so the accounts of a few customers linked to each other
    count as those few pairs, not as every pair of their accounts.
    ``reference_min_requests`` (policy_v8): accounts with fewer requests stay out of the
    harvest reference. Most harvest features are shares of an account's requests, and the
    shares of one request are all 0 or 1: a one-question visitor scores like a script, and a
    handful of them set the reference level every campaign must reach. ``harvest_members``
    (policy_v8): ``all`` members of a candidate community enter its harvest test, or only
    the ``tied`` ones -- members with a hard link of ``consolidate_link`` or more, a
    corroborated link or a link of ``tie_link_hi`` inside the community, the ties that make
    a member of a decided campaign -- when at least ``campaign.min_accounts`` are tied.
    """

    operating_points: dict[str, float]
    operating_point: str
    false_campaigns: float
    reference_quantile: float
    min_reference: int
    conform_min: float
    lone: float
    null_pairs: int = 200_000
    null_pairs_per_account: int = 50
    lone_from: float = 0.1
    tool_families: tuple[str, ...] = ("client",)
    tool_conform: float = 0.8
    actors: str = "account"
    reference_min_requests: int = 1
    harvest_members: str = "all"

    @property
    def lone_flags(self) -> bool:
        """Whether lone accounts are flagged at the operating point in force."""
        return self.false_campaigns >= self.lone_from


@dataclass(frozen=True)
class Policy:
    """A published detection policy (see policies/policy_v1.yaml .. policy_v8.yaml)."""

    name: str
    source: str
    effective: str
    linkage: dict[str, float]
    indicators: tuple[IndicatorSpec, ...]
    communities: dict[str, float]
    harvest: tuple[FeatureSpec, ...]
    campaign: tuple[FeatureSpec, ...]
    campaign_params: dict[str, float]
    account: tuple[FeatureSpec, ...]
    account_params: dict[str, float]
    thresholds: dict[str, float]
    campaign_combine: str = "sum"
    account_combine: str = "sum"
    decision: Decision | None = None


def _num(m: LineDict, key: str) -> float:
    return field(m, key, float)


def _section(doc: LineDict, key: str) -> LineDict:
    value = field(doc, key, dict)
    if not isinstance(value, LineDict):
        raise DataFileError("expected a mapping", doc.file, doc.at(key), key)
    return value


def _features(items: Any, known: Mapping[str, object], doc: LineDict, key: str) -> tuple[
        FeatureSpec, ...]:
    if not isinstance(items, list) or not items:
        raise DataFileError("expected a non-empty list of features", doc.file, doc.at(key), key)
    out = []
    for item in items:
        if not isinstance(item, LineDict):
            raise DataFileError("expected a mapping", doc.file, doc.at(key), key)
        name = field(item, "feature", str)
        if name not in known:
            raise DataFileError(f"unknown feature {name!r} (known: {', '.join(known)})",
                                item.file, item.at("feature"), "feature")
        out.append(FeatureSpec(name, _num(item, "weight"),
                               field(item, "lo", float, required=False, default=0.0),
                               field(item, "hi", float, required=False, default=1.0)))
    return tuple(out)


def _numbers(section: LineDict, skip: tuple[str, ...] = ()) -> dict[str, float]:
    return {k: _num(section, k) for k in section if k not in skip}


def _combine(section: LineDict) -> str:
    value = field(section, "combine", str, required=False, default="sum")
    if value not in COMBINE:
        raise DataFileError(f"unknown combine {value!r} (known: {', '.join(COMBINE)})",
                            section.file, section.at("combine"), "combine")
    return value


def _decision(doc: LineDict, families: set[str]) -> Decision | None:
    if "decision" not in doc:
        return None
    d = _section(doc, "decision")
    points = _section(d, "operating_points")
    values = {str(k): _num(points, str(k)) for k in points}
    for name, v in values.items():
        if v <= 0:
            raise DataFileError("expected false campaigns per run > 0", points.file,
                                points.at(name), name)
    default = field(d, "operating_point", str)
    if default not in values:
        raise DataFileError(f"unknown operating point {default!r} (known: {', '.join(values)})",
                            d.file, d.at("operating_point"), "operating_point")
    q = _num(d, "reference_quantile")
    if not 0 < q < 1:
        raise DataFileError("expected a quantile strictly between 0 and 1", d.file,
                            d.at("reference_quantile"), "reference_quantile")
    tools = tuple(str(g) for g in field(d, "tool_families", list)) if "tool_families" in d else (
        "client",)
    for g in tools:
        if g not in families:
            raise DataFileError(f"unknown family {g!r} (known: {', '.join(sorted(families))})",
                                d.file, d.at("tool_families"), "tool_families")
    return Decision(values, default, values[default], q, field(d, "min_reference", int),
                    _num(d, "conform_min"), _num(d, "lone"), _pairs_drawn(d),
                    null_pairs_per_account=field(d, "null_pairs_per_account", int)
                    if "null_pairs_per_account" in d else 50,
                    lone_from=_num(d, "lone_from") if "lone_from" in d else 0.1,
                    tool_families=tools,
                    tool_conform=_num(d, "tool_conform") if "tool_conform" in d else 0.8,
                    actors=_choice(d, "actors", ACTORS),
                    reference_min_requests=_min_requests(d),
                    harvest_members=_choice(d, "harvest_members", HARVEST_MEMBERS))


ACTORS = ("account", "organisation")
HARVEST_MEMBERS = ("all", "tied")


def _choice(d: LineDict, key: str, known: tuple[str, ...]) -> str:
    """``d[key]``, one of ``known`` (the first when absent)."""
    value = field(d, key, str) if key in d else known[0]
    if value not in known:
        raise DataFileError(f"unknown {key} {value!r} (known: {', '.join(known)})", d.file,
                            d.at(key), key)
    return value




def _min_requests(d: LineDict) -> int:
    n = field(d, "reference_min_requests", int) if "reference_min_requests" in d else 1
    if n < 1:
        raise DataFileError("expected at least 1 request", d.file, d.at("reference_min_requests"),
                            "reference_min_requests")
    return n


def _pairs_drawn(d: LineDict) -> int:
    n = field(d, "null_pairs", int) if "null_pairs" in d else 200_000
    if n < 1000:
        raise DataFileError("expected at least 1000 null pairs", d.file, d.at("null_pairs"), "null_pairs")
    return n


DEFAULT_POLICY = "policy_v8"


def load_policy(name_or_path: str = DEFAULT_POLICY) -> Policy:
    """Load a shipped policy by name (``policy_v1`` .. ``policy_v8``) or a YAML file by path."""
    shipped = "/" not in name_or_path and not name_or_path.endswith((".yaml", ".yml"))
    path = (package_data("frontierguard.traffic.policies", f"{POLICIES.get(name_or_path).name}.yaml")
            if shipped else name_or_path)
    doc = load_yaml(path)
    if not isinstance(doc, LineDict):
        raise DataFileError("expected a mapping at the top level", path, 1)
    link = _section(doc, "linkage")
    indicators = []
    for item in field(link, "indicators", list):
        kind = field(item, "kind", str)
        if kind not in INDICATOR_KINDS:
            raise DataFileError(f"unknown indicator kind {kind!r}", item.file, item.at("kind"), "kind")
        indicators.append(IndicatorSpec(
            kind, _num(item, "weight"), field(item, "max_accounts", int),
            field(item, "description", str), field(item, "min_accounts", int, required=False,
                                                   default=2),
            field(item, "support", float, required=False, default=0.0),
            field(item, "hard", bool, required=False, default=False),
            field(item, "group", str, required=False, default="")))
    camp, acct = _section(doc, "campaign"), _section(doc, "account")
    return Policy(
        name=field(doc, "name", str), source=field(doc, "source", str),
        effective=str(field(doc, "effective", object)),
        linkage=_numbers(link, ("indicators",)), indicators=tuple(indicators),
        communities=_numbers(_section(doc, "communities")),
        harvest=_features(field(doc, "harvest", list), HARVEST, doc, "harvest"),
        campaign=_features(field(camp, "features", list), CAMPAIGN, camp, "features"),
        campaign_params=_numbers(camp, ("features", "combine")),
        account=_features(field(acct, "features", list), ACCOUNT, acct, "features"),
        account_params=_numbers(acct, ("features", "combine")),
        thresholds=_numbers(_section(doc, "thresholds")),
        campaign_combine=_combine(camp), account_combine=_combine(acct),
        decision=_decision(doc, {i.group or i.kind for i in indicators}),
    )


INDICATOR_KINDS = ("payment", "tls_ua", "tls", "ip", "ip24", "hosting_asn", "template", "simhash",
                   "lockstep", "creation")



@dataclass(frozen=True)
class PolicyName:
    name: str


POLICIES: Registry[PolicyName] = Registry("detection policy", [PolicyName("policy_v1"),
                                                                  PolicyName("policy_v2"),
                                                                  PolicyName("policy_v3"),
                                                                  PolicyName("policy_v4"),
                                                                  PolicyName("policy_v5"),
                                                                  PolicyName("policy_v6"),
                                                                  PolicyName("policy_v7"),
                                                                  PolicyName("policy_v8")])

SETTINGS = [
    settings.Setting("detect_policy", str, DEFAULT_POLICY,
                     "Detection policy: a shipped name (policy_v1 .. policy_v8) or a policy YAML "
                     "path.", "traffic"),
    settings.Setting("detect_flag_threshold", float, -1.0,
                     "Account score at or above which an account is flagged (-1: the policy's).",
                     "traffic"),
    settings.Setting("detect_campaign_threshold", float, -1.0,
                     "Community score at or above which it is reported as a campaign "
                     "(-1: the policy's).", "traffic"),
    settings.Setting("detect_min_edge_weight", float, -1.0,
                     "Minimum link weight between two accounts (-1: the policy's).", "traffic"),
    settings.Setting("detect_resolution", float, -1.0,
                     "Leiden resolution (-1: the policy's).", "traffic"),
    settings.Setting("detect_consolidate_link", float, -1.0,
                     "Hard-infrastructure weight of a link that keeps two accounts in one "
                     "community (0: no consolidation; -1: the policy's).", "traffic"),
    settings.Setting("detect_operating_point", str, "",
                     "Named operating point of a policy that decides campaigns against the "
                     "run's population (policy_v5: strict, balanced, sensitive; empty: the "
                     "policy's).", "traffic"),
    settings.Setting("detect_false_campaigns", float, -1.0,
                     "Expected number of false campaigns per run that the campaign decision "
                     "allows (> 0; -1: the operating point's).", "traffic"),
    settings.Setting("detect_memory_limit", str, "2GB",
                     "DuckDB memory limit during detection; work spills to disk beyond it.",
                     "traffic"),
]
settings.register(SETTINGS)


def effective_policy(overrides: dict[str, Any] | None) -> tuple[Policy, dict[str, Any]]:
    """The policy named by the settings, with any threshold overrides applied."""
    values = settings.resolve(SETTINGS, overrides)
    policy = load_policy(values["detect_policy"])
    th, link, com = dict(policy.thresholds), dict(policy.linkage), dict(policy.communities)
    for key, target, name in (("detect_flag_threshold", th, "flag"),
                              ("detect_campaign_threshold", th, "campaign"),
                              ("detect_min_edge_weight", link, "min_edge_weight"),
                              ("detect_resolution", com, "resolution"),
                              ("detect_consolidate_link", com, "consolidate_link")):
        if values[key] >= 0:
            target[name] = float(values[key])
    decision = _operating_point(policy.decision, values)
    return replace(policy, thresholds=th, linkage=link, communities=com,
                   decision=decision), values


def _operating_point(decision: Decision | None, values: dict[str, Any]) -> Decision | None:
    """The policy's decision at the operating point the settings name; bad values are a
    ConfigError naming the setting."""
    name, rate = str(values["detect_operating_point"]), float(values["detect_false_campaigns"])
    if rate != -1.0 and not (rate > 0 and math.isfinite(rate)):
        raise ConfigError(f"setting detect_false_campaigns: expected a number of false "
                          f"campaigns per run > 0 (or -1 for the operating point's), got {rate}")
    if decision is None:
        if name or rate != -1.0:
            raise ConfigError("settings detect_operating_point and detect_false_campaigns "
                              "apply only to policies with a decision section (policy_v5)")
        return None
    if name and name not in decision.operating_points:
        raise ConfigError(f"setting detect_operating_point: unknown operating point {name!r} "
                          f"(known: {', '.join(decision.operating_points)})")
    point = name or decision.operating_point
    value = rate if rate != -1.0 else decision.operating_points[point]
    return replace(decision, operating_point=point if rate == -1.0 else "custom",
                   false_campaigns=value)
