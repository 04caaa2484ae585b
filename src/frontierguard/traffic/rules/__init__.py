"""Request-signal rule sets as data: chain-of-thought elicitation and capability categories.

Rule sets are YAML files versioned side by side (``cot_v1.yaml``, ``capability_v1.yaml``);
a name such as ``"cot_v1"`` loads the shipped file, a path loads a customer's own. Patterns
are validated to stay inside the regex subset that RE2 (DuckDB) and Java (Spark) share.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from frontierguard.core.datafiles import LineDict, field, load_yaml, package_data
from frontierguard.core.errors import DataFileError

FAMILIES = ("reasoning_exposure", "rubric_grading", "safe_rewrite", "verbatim_recall",
            "encoding_trick", "continue_thinking")
CAPABILITIES = ("reasoning", "coding", "agentic", "computer_use", "creative", "chat",
                "safety_probe", "grading", "sensitive_rewrite")
DEFAULT_COT = "cot_v3"
DEFAULT_CAPABILITY = "capability_v3"
_NOT_PORTABLE = re.compile(r"\(\?[=!<]|\(\?P|\\[1-9]|\\[AZz]|\(\?[a-z]*s")
_RULE_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")


@dataclass(frozen=True)
class CotRule:
    """One chain-of-thought elicitation rule: fires when any of its ``patterns`` matches and,
    where the rule lists ``context`` patterns, one of those matches as well.

    ``context`` lets a rule keep its structure (the model's own reasoning near an encoding,
    a language, a log) out of the one regex that pre-filters every request: ``patterns``
    then hold the rule's few cue words, cheap to scan for, and the structured ``context``
    regexes run only on the requests that contain them."""

    id: str
    title: str
    family: str
    description: str
    weight: float
    patterns: tuple[str, ...]
    examples: tuple[str, ...]
    context: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.id


@dataclass(frozen=True)
class HardNegative:
    """An ordinary request that must score at most ``max_score``."""

    text: str
    max_score: float
    note: str


@dataclass(frozen=True)
class CotRuleSet:
    name: str
    source: str
    effective: dt.date
    rules: tuple[CotRule, ...]
    hard_negatives: tuple[HardNegative, ...]
    file: str


@dataclass(frozen=True)
class Clause:
    """All conditions must hold: a pattern matches (if any given), tools/turns minimums."""

    patterns: tuple[str, ...]
    tools_min: int | None
    turns_min: int | None


@dataclass(frozen=True)
class Category:
    name: str
    description: str
    when: tuple[Clause, ...]
    examples: tuple[str, ...]


@dataclass(frozen=True)
class CapabilityRuleSet:
    name: str
    source: str
    effective: dt.date
    default: str
    categories: tuple[Category, ...]
    file: str


def _mapping(value: Any, parent: LineDict, key: str) -> LineDict:
    if not isinstance(value, LineDict):
        raise DataFileError("expected a mapping", parent.file, parent.at(key), key)
    return value


def _strings(m: LineDict, key: str, required: bool = True) -> tuple[str, ...]:
    items = field(m, key, list, required=required, default=[])
    if not all(isinstance(s, str) and s for s in items):
        raise DataFileError("expected a list of non-empty strings", m.file, m.at(key), key)
    return tuple(items)


def check_pattern(pattern: str, m: LineDict, key: str) -> str:
    """A pattern must compile, be lower-case, and avoid constructs RE2 or Java lack."""
    try:
        re.compile(pattern)
    except re.error as exc:
        raise DataFileError(f"invalid regex {pattern!r}: {exc}", m.file, m.at(key), key) from None
    if _NOT_PORTABLE.search(pattern):
        raise DataFileError(f"regex {pattern!r} uses look-around, back-references or flags "
                            "not shared by DuckDB and Spark", m.file, m.at(key), key)
    if re.sub(r"\\.", "", pattern) != re.sub(r"\\.", "", pattern).lower():
        raise DataFileError(f"regex {pattern!r} has upper-case letters; text is lower-cased "
                            "before matching", m.file, m.at(key), key)
    return pattern


def _header(doc: Any, path: str) -> tuple[LineDict, str, str, dt.date]:
    if not isinstance(doc, LineDict):
        raise DataFileError("expected a mapping at top level", path, 1)
    effective = doc.get("effective")
    if not isinstance(effective, dt.date):
        raise DataFileError("expected an ISO date", path, doc.at("effective"), "effective")
    return doc, field(doc, "name", str), field(doc, "source", str), effective


def _cot_rule(m: LineDict) -> CotRule:
    rid = field(m, "id", str)
    if not _RULE_ID.match(rid):
        raise DataFileError(f"rule id {rid!r} must look like 'cot.name'", m.file, m.at("id"), "id")
    family = field(m, "family", str)
    if family not in FAMILIES:
        raise DataFileError(f"unknown family {family!r} (known: {', '.join(FAMILIES)})",
                            m.file, m.at("family"), "family")
    weight = field(m, "weight", float)
    if not 0.0 < weight <= 1.0:
        raise DataFileError("weight must be in (0, 1]", m.file, m.at("weight"), "weight")
    patterns = tuple(check_pattern(p, m, "patterns") for p in _strings(m, "patterns"))
    if not patterns:
        raise DataFileError("a rule needs at least one pattern", m.file, m.at("patterns"), "patterns")
    context = tuple(check_pattern(p, m, "context")
                    for p in _strings(m, "context", required=False))
    return CotRule(rid, field(m, "title", str), family, field(m, "description", str), weight,
                   patterns, _strings(m, "examples", required=False), context)


def parse_cot(doc: Any, path: str) -> CotRuleSet:
    """Validate a loaded CoT rule document."""
    doc, name, source, effective = _header(doc, path)
    rules = [_cot_rule(_mapping(r, doc, "rules")) for r in field(doc, "rules", list)]
    if not rules:
        raise DataFileError("no rules", path, doc.at("rules"), "rules")
    seen: set[str] = set()
    for rule, raw in zip(rules, field(doc, "rules", list), strict=True):
        if rule.id in seen:
            raise DataFileError(f"duplicate rule id {rule.id!r}", path, raw.at("id"), "id")
        seen.add(rule.id)
    negatives = []
    for raw in field(doc, "hard_negatives", list, required=False, default=[]):
        m = _mapping(raw, doc, "hard_negatives")
        negatives.append(HardNegative(field(m, "text", str), field(m, "max_score", float),
                                      field(m, "note", str, required=False, default="")))
    return CotRuleSet(name, source, effective, tuple(rules), tuple(negatives), path)


def _clause(m: LineDict) -> Clause:
    patterns = tuple(check_pattern(p, m, "patterns")
                     for p in _strings(m, "patterns", required=False))
    tools = field(m, "tools_min", int, required=False)
    turns = field(m, "turns_min", int, required=False)
    if not patterns and tools is None and turns is None:
        raise DataFileError("a clause needs patterns, tools_min or turns_min", m.file, m.line)
    return Clause(patterns, tools, turns)


def parse_capability(doc: Any, path: str) -> CapabilityRuleSet:
    """Validate a loaded capability rule document."""
    doc, name, source, effective = _header(doc, path)
    default = field(doc, "default", str)
    cats: list[Category] = []
    for raw in field(doc, "categories", list):
        m = _mapping(raw, doc, "categories")
        cname = field(m, "name", str)
        if cname not in CAPABILITIES:
            raise DataFileError(f"unknown capability {cname!r} (known: {', '.join(CAPABILITIES)})",
                                path, m.at("name"), "name")
        if any(c.name == cname for c in cats):
            raise DataFileError(f"duplicate category {cname!r}", path, m.at("name"), "name")
        when = tuple(_clause(_mapping(c, m, "when")) for c in field(m, "when", list))
        cats.append(Category(cname, field(m, "description", str), when,
                             _strings(m, "examples", required=False)))
    if default not in [c.name for c in cats]:
        raise DataFileError(f"default {default!r} is not a listed category", path, doc.at("default"),
                            "default")
    return CapabilityRuleSet(name, source, effective, default, tuple(cats), path)


def _resolve(name_or_path: str | Path) -> str:
    text = str(name_or_path)
    if re.fullmatch(r"[a-z]+_v[0-9]+", text):
        p = package_data("frontierguard.traffic.rules", f"{text}.yaml")
        if not p.exists():
            raise DataFileError(f"no shipped rule set named {text!r}", p)
        return str(p)
    return text


@lru_cache(maxsize=16)
def _load_cot(path: str) -> CotRuleSet:
    return parse_cot(load_yaml(path), path)


@lru_cache(maxsize=16)
def _load_capability(path: str) -> CapabilityRuleSet:
    return parse_capability(load_yaml(path), path)


def load_cot_rules(name_or_path: str | Path = DEFAULT_COT) -> CotRuleSet:
    """A CoT-elicitation rule set by shipped name (``cot_v1``, ``cot_v2``, ``cot_v3``) or file
    path."""
    return _load_cot(_resolve(name_or_path))


def load_capability_rules(name_or_path: str | Path = DEFAULT_CAPABILITY) -> CapabilityRuleSet:
    """A capability rule set by shipped name (``capability_v1`` .. ``capability_v3``) or
    path."""
    return _load_capability(_resolve(name_or_path))
