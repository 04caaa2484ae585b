"""Advanced-computing rule sets and country groups, loaded from versioned YAML files.

Each file under ``controls/rules/`` named ``ac_YYYY_MM.yaml`` is one published rule set with
its Federal Register citation and effective date. The rule set in force on a date is the one
with the latest effective date not after it, so a rule change is a new file, not a code change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from rigour.territories import get_territory

from frontierguard.core.datafiles import LineDict, LineList, load_yaml, package_data
from frontierguard.core.datafiles import field as get
from frontierguard.core.errors import DataFileError, InputError, NotFoundError

RULES_PACKAGE = "frontierguard.controls"
DISCLAIMER = ("Screening aid, not legal advice: confirm against the Export Administration "
              "Regulations in force and the cited Federal Register text.")

CONDITION_KEYS: dict[str, type] = {
    "destination_in": list, "destination_not_in": list, "hq_or_parent_in": list,
    "hq_or_parent_not_in": list, "destination_or_hq_in": list, "end_use_in": list,
    "non_datacenter": bool, "tpp_lt": float, "memory_bandwidth_gbs_lt": float,
}


@dataclass(frozen=True)
class Thresholds:
    """The 3A090 parameters of one rule set (TPP, performance density, HBM density)."""

    tpp_a: float
    tpp_a_pd: float
    pd_a: float
    tpp_b1: float
    pd_b1: float
    tpp_b2: float
    pd_b2: float
    non_datacenter_tpp: float
    hbm_bandwidth_density: float | None
    z_eccns: tuple[str, ...]
    citation: str


@dataclass(frozen=True)
class Requirement:
    """One licence requirement (or advisory) and the condition that triggers it."""

    id: str
    effect: str
    paragraph: str
    reason: str
    items: tuple[str, ...]
    when: dict[str, Any]
    compliance_from: dt.date | None = None


@dataclass(frozen=True)
class ReviewPolicy:
    when: dict[str, Any]
    policy: str
    paragraph: str


@dataclass(frozen=True)
class Exception_:
    """A licence exception, the items and parties it covers, and what a notice must hold."""

    name: str
    title: str
    paragraph: str
    items: tuple[str, ...]
    when: dict[str, Any]
    notification: tuple[str, ...]


@dataclass(frozen=True)
class CountryGroups:
    id: str
    source: str
    groups: dict[str, frozenset[str]]
    treated_as: dict[str, str]

    def of(self, country: str) -> set[str]:
        """Names of the groups a country belongs to (after 'treated as' mapping)."""
        code = self.treated_as.get(country, country)
        return {name for name, members in self.groups.items() if code in members}

    def member(self, country: str, names: list[str]) -> bool:
        """True when ``country`` is in any group named (a plain code matches itself)."""
        code = self.treated_as.get(country, country)
        return any(code == n or code in self.groups.get(n, frozenset()) for n in names)


@dataclass(frozen=True)
class RuleSet:
    """One published advanced-computing rule set."""

    id: str
    title: str
    citation: str
    source: str
    effective: dt.date
    classification: Thresholds
    requirements: tuple[Requirement, ...]
    review_policies: tuple[ReviewPolicy, ...]
    exceptions: tuple[Exception_, ...]
    groups: CountryGroups
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def name(self) -> str:
        return self.id

    def cite(self) -> dict[str, str]:
        return {"rule_set": self.id, "title": self.title, "citation": self.citation,
                "source": self.source, "effective": self.effective.isoformat()}


def _date(m: LineDict, key: str, required: bool = True) -> dt.date | None:
    value = m.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, dt.date):
        raise DataFileError("expected a date YYYY-MM-DD", m.file, m.at(key), key)
    return value


def _strs(m: LineDict, key: str) -> tuple[str, ...]:
    values = get(m, key, list)
    if not all(isinstance(v, str) for v in values):
        raise DataFileError("expected a list of strings", m.file, m.at(key), key)
    return tuple(values)


def _when(m: LineDict) -> dict[str, Any]:
    when = get(m, "when", dict)
    for key, value in when.items():
        kind = CONDITION_KEYS.get(key)
        if kind is None:
            raise DataFileError(f"unknown condition (known: {', '.join(CONDITION_KEYS)})",
                                m.file, m.line, f"when.{key}")
        ok = isinstance(value, kind) or (kind is float and isinstance(value, int))
        if not ok or (kind is not bool and isinstance(value, bool)):
            raise DataFileError(f"expected {kind.__name__}", m.file, m.line, f"when.{key}")
    return dict(when)


def _thresholds(m: LineDict) -> Thresholds:
    hbm = m.get("hbm_bandwidth_density")
    if hbm is not None and not isinstance(hbm, int | float):
        raise DataFileError("expected a number or null", m.file, m.at("hbm_bandwidth_density"),
                            "hbm_bandwidth_density")
    names = ["tpp_a", "tpp_a_pd", "pd_a", "tpp_b1", "pd_b1", "tpp_b2", "pd_b2", "non_datacenter_tpp"]
    nums = {n: get(m, n, float) for n in names}
    return Thresholds(**nums, hbm_bandwidth_density=None if hbm is None else float(hbm),
                      z_eccns=_strs(m, "z_eccns"), citation=get(m, "citation", str))


@cache
def load_country_groups(path: Path) -> CountryGroups:
    data = load_yaml(path)
    if not isinstance(data, LineDict):
        raise DataFileError("expected a mapping", path, 1)
    groups: dict[str, frozenset[str]] = {}
    for name, spec in get(data, "groups", dict).items():
        members = _strs(spec, "members")
        for code in members:
            if not is_country(code):
                raise DataFileError(f"unknown country code {code!r}", path, spec.at(name), name)
        groups[name] = frozenset(members)
    treated = {str(k): str(v) for k, v in get(data, "treated_as", dict).items()}
    return CountryGroups(get(data, "id", str), get(data, "source", str), groups, treated)


def load_rule_set(path: Path) -> RuleSet:
    """Load and validate one rule-set YAML file."""
    m = load_yaml(path)
    if not isinstance(m, LineDict):
        raise DataFileError("expected a mapping", path, 1)
    groups = load_country_groups(path.with_name(get(m, "country_groups", str)))
    reqs = tuple(
        Requirement(get(r, "id", str), _effect(r), get(r, "paragraph", str), get(r, "reason", str),
                    _strs(r, "items"), _when(r), _date(r, "compliance_from", required=False))
        for r in get(m, "requirements", LineList)
    )
    policies = tuple(ReviewPolicy(_when(p), get(p, "policy", str), get(p, "paragraph", str))
                     for p in get(m, "review_policies", LineList))
    excs = tuple(
        Exception_(get(e, "name", str), get(e, "title", str), get(e, "paragraph", str),
                   _strs(e, "items"), _when(e), _strs(e, "notification"))
        for e in get(m, "exceptions", LineList)
    )
    notes = _strs(m, "notes") if "notes" in m else ()
    effective = _date(m, "effective")
    assert effective is not None
    return RuleSet(get(m, "id", str), get(m, "title", str), get(m, "citation", str),
                   get(m, "source", str), effective, _thresholds(get(m, "classification", LineDict)),
                   reqs, policies, excs, groups, notes)


def _effect(r: LineDict) -> str:
    effect = get(r, "effect", str)
    if effect not in ("licence_required", "advisory"):
        raise DataFileError("expected 'licence_required' or 'advisory'", r.file, r.at("effect"), "effect")
    return effect


def rules_dir() -> Path:
    return package_data(RULES_PACKAGE, "rules")


@cache
def all_rule_sets(directory: Path | None = None) -> tuple[RuleSet, ...]:
    """Every rule set in ``directory`` (default: the shipped ones), oldest first."""
    folder = directory or rules_dir()
    sets = sorted((load_rule_set(p) for p in folder.glob("ac_*.yaml")), key=lambda r: r.effective)
    if not sets:
        raise DataFileError("no rule sets (ac_*.yaml) found", folder)
    return tuple(sets)


def rule_set_for(date: dt.date, directory: Path | None = None) -> RuleSet:
    """The rule set in force on ``date``."""
    sets = [r for r in all_rule_sets(directory) if r.effective <= date]
    if not sets:
        first = all_rule_sets(directory)[0]
        raise NotFoundError(f"no advanced-computing rule set in force on {date} "
                            f"(the earliest here is {first.id}, effective {first.effective})")
    return sets[-1]


def rule_set_named(name: str, directory: Path | None = None) -> RuleSet:
    for r in all_rule_sets(directory):
        if r.id == name:
            return r
    known = ", ".join(r.id for r in all_rule_sets(directory))
    raise NotFoundError(f"unknown rule set {name!r} (known: {known})")


@cache
def is_country(code: str) -> bool:
    """True for an ISO 3166-1 alpha-2 code of a country or territory."""
    if len(code) != 2 or not code.isalpha() or not code.isupper():
        return False
    territory = get_territory(code.lower())
    return territory is not None and code != "ZZ" and (territory.is_country or territory.is_jurisdiction)


def country(value: str, field_name: str) -> str:
    """Validate and normalise a country code (``sg`` -> ``SG``); unknown codes are an error."""
    code = value.strip().upper()
    if not is_country(code):
        raise InputError(f"unknown country code {value!r} (use ISO 3166-1 alpha-2, e.g. SG)",
                         field=field_name)
    return code
