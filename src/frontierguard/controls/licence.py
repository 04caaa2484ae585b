"""Licence determination for a proposed transaction under the rule set in force on its date.

The answer says whether a licence is required and why (destination group, headquarters rule,
end use), the review policy, the eligible exceptions with what a notification must contain,
and the rule set applied with its Federal Register citation. All of it comes from the YAML
rule sets in ``controls/rules/``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontierguard.controls.catalog import find_chip
from frontierguard.controls.chips import classify_table
from frontierguard.controls.rules import (
    DISCLAIMER,
    CountryGroups,
    RuleSet,
    country,
    rule_set_for,
    rules_dir,
)
from frontierguard.core.datafiles import load_yaml
from frontierguard.core.errors import InputError

ECCN_RE = re.compile(r"^(\d[A-E]\d{3}(\.[a-z0-9]+)*|EAR99)$")


@dataclass(frozen=True)
class Item:
    """What is being exported: its ECCN and, when known, the figures some policies need."""

    label: str
    eccn: str
    tpp: float | None = None
    memory_bandwidth_gbs: float | None = None
    datacenter: bool | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"item": self.label, "eccn": self.eccn, "tpp": self.tpp,
                "memory_bandwidth_gbs": self.memory_bandwidth_gbs, "datacenter": self.datacenter}


@dataclass(frozen=True)
class Transaction:
    item: str
    destination: str
    hq: str
    parent: str
    end_use: str
    date: dt.date


@dataclass
class Determination:
    licence_required: bool
    item: Item
    rules: RuleSet
    reasons: list[dict[str, str]] = field(default_factory=list)
    advisories: list[dict[str, str]] = field(default_factory=list)
    pending: list[dict[str, str]] = field(default_factory=list)
    review_policy: dict[str, str] | None = None
    exceptions: list[dict[str, Any]] = field(default_factory=list)
    groups: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        cites = sorted({r["paragraph"] for r in self.reasons + self.advisories + self.pending}
                       | {e["paragraph"] for e in self.exceptions})
        return {
            "licence_required": self.licence_required, "item": self.item.as_dict(),
            "reasons": self.reasons, "advisories": self.advisories,
            "pending_requirements": self.pending, "review_policy": self.review_policy,
            "eligible_exceptions": self.exceptions, "country_groups": self.groups,
            "notes": self.notes, "rule_set": self.rules.cite(),
            "citations": [self.rules.citation, *cites], "disclaimer": DISCLAIMER,
        }


def end_uses() -> dict[str, str]:
    """The end uses a determination understands, with their descriptions."""
    data = load_yaml(rules_dir() / "end_uses_v1.yaml")
    return {str(k): str(v) for k, v in data["end_uses"].items()}


def resolve_item(text: str, rules: RuleSet) -> Item:
    """An ECCN as given, or a catalog chip classified under ``rules``."""
    value = text.strip()
    if ECCN_RE.match(value):
        return Item(value, value)
    chip = find_chip(value)
    result = classify_table(chip.table, rules)[0]
    return Item(chip.name, result.eccn, result.tpp, result.memory_bandwidth_gbs, result.datacenter)


def item_matches(eccn: str, patterns: tuple[str, ...]) -> bool:
    """``*`` matches anything; ``.z`` any .z paragraph; a bare ECCN its paragraphs."""
    for p in patterns:
        if p == "*" or eccn == p or (p == ".z" and eccn.endswith(".z")):
            return True
        if "." not in p and eccn.startswith(p + "."):
            return True
    return False


@dataclass(frozen=True)
class _Context:
    tx: Transaction
    item: Item
    groups: CountryGroups

    def holds(self, when: dict[str, Any], notes: list[str]) -> bool:
        """Every condition of ``when`` holds (unknown item figures make a condition fail)."""
        g, tx = self.groups, self.tx
        hq = [tx.hq, tx.parent]
        checks: dict[str, Callable[[Any], bool]] = {
            "destination_in": lambda v: g.member(tx.destination, v),
            "destination_not_in": lambda v: not g.member(tx.destination, v),
            "hq_or_parent_in": lambda v: any(g.member(c, v) for c in hq),
            "hq_or_parent_not_in": lambda v: not any(g.member(c, v) for c in hq),
            "destination_or_hq_in": lambda v: any(g.member(c, v) for c in [tx.destination, *hq]),
            "end_use_in": lambda v: tx.end_use in v,
            "non_datacenter": lambda v: self.item.datacenter is not None
            and (not self.item.datacenter) == v,
            "tpp_lt": lambda v: self._lt(self.item.tpp, v, "TPP", notes),
            "memory_bandwidth_gbs_lt": lambda v: self._lt(
                self.item.memory_bandwidth_gbs, v, "memory bandwidth", notes),
        }
        return all(checks[k](v) for k, v in when.items())

    def _lt(self, value: float | None, limit: float, what: str, notes: list[str]) -> bool:
        if value is None:
            notes.append(f"a review policy depends on the item's {what} (limit {limit:g}); "
                         "give a catalog chip instead of an ECCN to apply it")
            return False
        return value < limit


def check_transaction(tx: Transaction, rules_folder: Path | None = None) -> Determination:
    """Determine the licence requirement for ``tx`` under the rules in force on its date."""
    known = end_uses()
    if tx.end_use not in known:
        raise InputError(f"unknown end use {tx.end_use!r} (known: {', '.join(known)})",
                         field="end_use")
    rules = rule_set_for(tx.date, rules_folder)
    item = resolve_item(tx.item, rules)
    ctx = _Context(tx, item, rules.groups)
    det = Determination(False, item, rules, notes=list(rules.notes))
    det.groups = {role: sorted(rules.groups.of(c)) for role, c in
                  (("destination", tx.destination), ("hq", tx.hq), ("parent", tx.parent))}
    for req in rules.requirements:
        if not item_matches(item.eccn, req.items) or not ctx.holds(req.when, det.notes):
            continue
        entry = {"id": req.id, "paragraph": req.paragraph, "reason": req.reason}
        if req.compliance_from is not None and tx.date < req.compliance_from:
            det.pending.append({**entry, "compliance_from": req.compliance_from.isoformat()})
        elif req.effect == "advisory":
            det.advisories.append(entry)
        else:
            det.reasons.append(entry)
    det.licence_required = bool(det.reasons)
    if det.licence_required:
        det.review_policy = _policy(rules, ctx, det.notes)
        det.exceptions = [
            {"name": e.name, "title": e.title, "paragraph": e.paragraph,
             "notification": list(e.notification)}
            for e in rules.exceptions
            if item_matches(item.eccn, e.items) and ctx.holds(e.when, det.notes)
        ]
    det.notes = list(dict.fromkeys(det.notes))
    return det


def _policy(rules: RuleSet, ctx: _Context, notes: list[str]) -> dict[str, str] | None:
    for p in rules.review_policies:
        if ctx.holds(p.when, notes):
            return {"policy": p.policy, "paragraph": p.paragraph}
    return None


def transaction(item: str, destination: str, hq: str | None, parent: str | None, end_use: str,
                date: dt.date) -> Transaction:
    """Build a validated transaction (country codes checked; hq/parent default to destination)."""
    dest = country(destination, "destination")
    hq_code = country(hq, "hq") if hq else dest
    parent_code = country(parent, "parent") if parent else hq_code
    if not item.strip():
        raise InputError("item is empty (give an ECCN such as 3A090.a or a catalog chip)", field="item")
    return Transaction(item, dest, hq_code, parent_code, end_use.strip().lower(), date)
