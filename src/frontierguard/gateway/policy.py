"""The gateway policy file: which action each request gets, and why.

A policy is YAML, versioned side by side (``gateway_v1.yaml``); ``"gateway_v1"`` loads the
shipped file, a path loads a lab's own. Each rule names conditions (``when``), an action and
a reason; a request gets the most severe action among the rules that hold, with every one of
their reasons. A mistake in the file is an error naming file, line and field.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontierguard.core.datafiles import LineDict, LineList, field, load_yaml, package_data
from frontierguard.core.errors import DataFileError
from frontierguard.traffic.rules import load_cot_rules

DEFAULT_POLICY = "gateway_v1"
#: Most severe first: a request gets the first of these that any holding rule names.
ACTIONS = ("block", "require_verification", "rate_limit", "strip_reasoning", "allow")
STANDINGS = ("campaign", "watch", "verified", "blocked", "unknown")
CONDITIONS = ("standing", "not_standing", "cot_min", "new_release", "models", "thinking")
_RULE_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")


@dataclass(frozen=True)
class When:
    """A rule's conditions; ``None`` means the condition is not used."""

    standing: tuple[str, ...] | None = None
    not_standing: tuple[str, ...] | None = None
    cot_min: float | None = None
    new_release: bool | None = None
    models: tuple[str, ...] | None = None
    thinking: bool | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    when: When
    action: str
    reason: str


@dataclass(frozen=True)
class Budget:
    """At most ``requests`` requests and ``tokens`` tokens per ``window_s`` seconds."""

    standing: str
    window_s: float
    requests: int
    tokens: int


@dataclass(frozen=True)
class Policy:
    name: str
    source: str
    effective: dt.date
    cot_rules: str
    release_window_h: float
    releases: dict[str, dt.datetime]
    budgets: tuple[Budget, ...]
    rules: tuple[Rule, ...]
    file: str

    def budget_for(self, standing: str) -> Budget | None:
        """The first budget for ``standing``, else the ``default`` one, else none."""
        for wanted in (standing, "default"):
            for b in self.budgets:
                if b.standing == wanted:
                    return b
        return None

    def new_release(self, model: str, now: dt.datetime) -> bool:
        released = self.releases.get(model)
        return released is not None and released <= now < released + dt.timedelta(
            hours=self.release_window_h)


def _mapping(value: Any, parent: LineDict | LineList, key: str) -> LineDict:
    if not isinstance(value, LineDict):
        line = parent.at(key) if isinstance(parent, LineDict) else parent.line
        raise DataFileError("expected a mapping", parent.file, line, key)
    return value


def _names(m: LineDict, key: str, allowed: tuple[str, ...] | None) -> tuple[str, ...]:
    items = field(m, key, list)
    if not items or not all(isinstance(s, str) and s for s in items):
        raise DataFileError("expected a non-empty list of names", m.file, m.at(key), key)
    bad = [s for s in items if allowed is not None and s not in allowed]
    if bad:
        raise DataFileError(f"unknown value {bad[0]!r} (known: {', '.join(allowed or ())})",
                            m.file, m.at(key), key)
    return tuple(items)


def _when(m: LineDict) -> When:
    unknown = [k for k in m if k not in CONDITIONS]
    if unknown:
        raise DataFileError(f"unknown condition {unknown[0]!r} (known: {', '.join(CONDITIONS)})",
                            m.file, m.line, unknown[0])
    if not m:
        raise DataFileError("a rule needs at least one condition", m.file, m.line)
    cot = field(m, "cot_min", float, required=False)
    if cot is not None and not 0.0 <= cot <= 1.0:
        raise DataFileError("cot_min must be in [0, 1]", m.file, m.at("cot_min"), "cot_min")
    return When(
        _names(m, "standing", STANDINGS) if "standing" in m else None,
        _names(m, "not_standing", STANDINGS) if "not_standing" in m else None,
        cot, field(m, "new_release", bool, required=False),
        _names(m, "models", None) if "models" in m else None,
        field(m, "thinking", bool, required=False))


def _rule(m: LineDict) -> Rule:
    rid = field(m, "id", str)
    if not _RULE_ID.match(rid):
        raise DataFileError(f"rule id {rid!r} must look like 'gw.name'", m.file, m.at("id"), "id")
    action = field(m, "action", str)
    if action not in ACTIONS or action == "rate_limit":
        known = ", ".join(a for a in ACTIONS if a != "rate_limit")
        raise DataFileError(f"unknown action {action!r} (known: {known}; rate limits come from "
                            "budgets)", m.file, m.at("action"), "action")
    return Rule(rid, _when(_mapping(m.get("when"), m, "when")), action, field(m, "reason", str))


def _budget(m: LineDict) -> Budget:
    standing = field(m, "standing", str)
    if standing not in (*STANDINGS, "default"):
        raise DataFileError(f"unknown standing {standing!r}", m.file, m.at("standing"), "standing")
    window = field(m, "window_s", float)
    if window <= 0:
        raise DataFileError("window_s must be positive", m.file, m.at("window_s"), "window_s")
    counts = [field(m, k, int) for k in ("requests", "tokens")]
    for key, value in zip(("requests", "tokens"), counts, strict=True):
        if value < 0:
            raise DataFileError("must be zero or more", m.file, m.at(key), key)
    return Budget(standing, window, counts[0], counts[1])


def _timestamp(m: LineDict, key: str) -> dt.datetime:
    value = m.get(key)
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    raise DataFileError("expected an RFC 3339 timestamp", m.file, m.at(key), key)


def _releases(doc: LineDict) -> tuple[float, dict[str, dt.datetime]]:
    if "releases" not in doc:
        return 0.0, {}
    m = _mapping(doc["releases"], doc, "releases")
    window = field(m, "window_hours", float)
    if window <= 0:
        raise DataFileError("window_hours must be positive", m.file, m.at("window_hours"), "window_hours")
    out: dict[str, dt.datetime] = {}
    for raw in field(m, "models", list):
        r = _mapping(raw, m, "models")
        out[field(r, "model", str)] = _timestamp(r, "released_at")
    return window, out


def parse_policy(doc: Any, path: str) -> Policy:
    """Validate a loaded policy document (the CoT rule set it names is loaded too)."""
    if not isinstance(doc, LineDict):
        raise DataFileError("expected a mapping at top level", path, 1)
    effective = doc.get("effective")
    if not isinstance(effective, dt.date):
        raise DataFileError("expected an ISO date", path, doc.at("effective"), "effective")
    raws = [_mapping(r, doc, "rules") for r in field(doc, "rules", list)]
    if not raws:
        raise DataFileError("no rules", path, doc.at("rules"), "rules")
    rules = tuple(_rule(r) for r in raws)
    seen: set[str] = set()
    for rule, raw in zip(rules, raws, strict=True):
        if rule.id in seen:
            raise DataFileError(f"duplicate rule id {rule.id!r}", path, raw.at("id"), "id")
        seen.add(rule.id)
    cot = field(doc, "cot_rules", str)
    try:
        load_cot_rules(cot)
    except DataFileError as exc:
        raise DataFileError(f"cot_rules {cot!r}: {exc}", path, doc.at("cot_rules"), "cot_rules") from None
    budgets = tuple(_budget(_mapping(b, doc, "budgets"))
                    for b in field(doc, "budgets", list, required=False, default=[]))
    window, releases = _releases(doc)
    return Policy(field(doc, "name", str), field(doc, "source", str), effective, cot, window,
                  releases, budgets, rules, path)


def is_shipped(name_or_path: str | Path) -> bool:
    """Whether ``name_or_path`` names a shipped policy (``gateway_v1``), not a file."""
    return re.fullmatch(r"gateway_v[0-9]+", str(name_or_path)) is not None


def load_policy(name_or_path: str | Path = DEFAULT_POLICY) -> Policy:
    """A gateway policy by shipped name (``gateway_v1``) or file path."""
    text = str(name_or_path)
    if is_shipped(text):
        p = package_data("frontierguard.gateway.policies", f"{text}.yaml")
        if not p.exists():
            raise DataFileError(f"no shipped gateway policy named {text!r}", p)
        text = str(p)
    return parse_policy(load_yaml(text), text)


def model_matches(model: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(model, p) for p in patterns)
