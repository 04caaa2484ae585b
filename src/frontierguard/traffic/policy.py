"""The detection policy: a versioned YAML file of linkage weights, scorer features and
thresholds, loaded into dataclasses and validated with errors that name file, line and field.

Shipped policies live in ``policies/policy_vN.yaml`` and are never edited in place; the
``detect_*`` settings select one and override its thresholds. The scorers built from a
policy are in :mod:`frontierguard.traffic.scoring`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from frontierguard.core import settings
from frontierguard.core.datafiles import LineDict, field, load_yaml, package_data
from frontierguard.core.errors import DataFileError
from frontierguard.core.registry import Registry
from frontierguard.traffic.scoring import ACCOUNT, CAMPAIGN, HARVEST, FeatureSpec


@dataclass(frozen=True)
class IndicatorSpec:
    """A linkage indicator kind: its weight and the group size above which it is ignored.

    ``support`` 0: a pair's link for the kind is its strongest shared value. ``support`` s > 0:
    shared values add up, ``min(weight, sum(weight * rarity) / s)``, so one shared value
    counts only ``1/s`` -- for kinds such as prompt templates, where one coincidence is
    common and several are not.

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


@dataclass(frozen=True)
class Policy:
    """A published detection policy (see policies/policy_v1.yaml .. policy_v4.yaml)."""

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


def _num(m: LineDict, key: str) -> float:
    return field(m, key, float)


def _section(doc: LineDict, key: str) -> LineDict:
    value = field(doc, key, dict)
    if not isinstance(value, LineDict):
        raise DataFileError("expected a mapping", doc.file, doc.line, key)
    return value


def _features(items: Any, known: Mapping[str, object], doc: LineDict, key: str) -> tuple[
        FeatureSpec, ...]:
    if not isinstance(items, list) or not items:
        raise DataFileError("expected a non-empty list of features", doc.file, doc.line, key)
    out = []
    for item in items:
        if not isinstance(item, LineDict):
            raise DataFileError("expected a mapping", doc.file, doc.line, key)
        name = field(item, "feature", str)
        if name not in known:
            raise DataFileError(f"unknown feature {name!r} (known: {', '.join(known)})",
                                item.file, item.line, "feature")
        out.append(FeatureSpec(name, _num(item, "weight"),
                               field(item, "lo", float, required=False, default=0.0),
                               field(item, "hi", float, required=False, default=1.0)))
    return tuple(out)


def _numbers(section: LineDict, skip: tuple[str, ...] = ()) -> dict[str, float]:
    return {k: _num(section, k) for k in section if k not in skip}


DEFAULT_POLICY = "policy_v4"


def load_policy(name_or_path: str = DEFAULT_POLICY) -> Policy:
    """Load a shipped policy by name (``policy_v1`` .. ``policy_v4``) or a YAML file by path."""
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
            raise DataFileError(f"unknown indicator kind {kind!r}", item.file, item.line, "kind")
        indicators.append(IndicatorSpec(
            kind, _num(item, "weight"), field(item, "max_accounts", int),
            field(item, "description", str), field(item, "min_accounts", int, required=False,
                                                   default=2),
            field(item, "support", float, required=False, default=0.0),
            field(item, "hard", bool, required=False, default=False)))
    camp, acct = _section(doc, "campaign"), _section(doc, "account")
    return Policy(
        name=field(doc, "name", str), source=field(doc, "source", str),
        effective=str(field(doc, "effective", object)),
        linkage=_numbers(link, ("indicators",)), indicators=tuple(indicators),
        communities=_numbers(_section(doc, "communities")),
        harvest=_features(field(doc, "harvest", list), HARVEST, doc, "harvest"),
        campaign=_features(field(camp, "features", list), CAMPAIGN, camp, "features"),
        campaign_params=_numbers(camp, ("features",)),
        account=_features(field(acct, "features", list), ACCOUNT, acct, "features"),
        account_params=_numbers(acct, ("features",)),
        thresholds=_numbers(_section(doc, "thresholds")),
    )


INDICATOR_KINDS = ("payment", "tls_ua", "tls", "ip", "ip24", "hosting_asn", "template", "simhash",
                   "lockstep", "creation")



@dataclass(frozen=True)
class PolicyName:
    name: str


POLICIES: Registry[PolicyName] = Registry("detection policy", [PolicyName("policy_v1"),
                                                                  PolicyName("policy_v2"),
                                                                  PolicyName("policy_v3"),
                                                                  PolicyName("policy_v4")])

SETTINGS = [
    settings.Setting("detect_policy", str, DEFAULT_POLICY,
                     "Detection policy: a shipped name (policy_v1 .. policy_v4) or a policy YAML "
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
    return replace(policy, thresholds=th, linkage=link, communities=com), values
