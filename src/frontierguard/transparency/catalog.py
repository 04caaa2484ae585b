"""Indicator catalogs: versioned YAML data validated into dataclasses.

A catalog lists indicators (id, name, domain, what counts as disclosure) and,
for each, the detection rules in two tiers: ``disclosed`` rules state the fact,
``partial`` rules only find it mentioned. Published catalogs are never edited
in place: a new edition is a new file beside the old one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from frontierguard.core.datafiles import LineDict, LineList, field, load_yaml, package_data
from frontierguard.core.errors import DataFileError
from frontierguard.core.registry import Registry
from frontierguard.transparency.facts import EXTRACTORS

TIERS = ("disclosed", "partial")
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


@dataclass(frozen=True)
class Rule:
    """One detection rule: all ``patterns`` (and the ``fact``, if named) within ``window``
    lines of each other, none of ``unless`` nearby, under a heading matching ``section``."""

    id: str
    tier: str
    patterns: tuple[str, ...]
    unless: tuple[str, ...] = ()
    fact: str | None = None
    section: str | None = None
    window: int = 2

    def describe(self) -> str:
        parts = [f"fact {self.fact}"] if self.fact else []
        parts += [f"/{p}/" for p in self.patterns]
        text = " + ".join(parts) + (f" within {self.window} lines" if len(parts) > 1 else "")
        if self.unless:
            text += " unless " + " or ".join(f"/{p}/" for p in self.unless)
        if self.section:
            text += f" under a heading /{self.section}/"
        return text


@dataclass(frozen=True)
class Indicator:
    """An indicator: what must be disclosed, and how the auditor finds it."""

    id: str
    name: str
    domain: str
    subdomain: str
    definition: str
    disclosure: str
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class Catalog:
    """A versioned indicator set with its source and effective date."""

    name: str
    title: str
    version: str
    source: str
    citation: str
    licence: str
    effective: dt.date
    domains: tuple[str, ...]
    indicators: tuple[Indicator, ...]
    path: str

    def summary(self) -> dict[str, Any]:
        return {
            "name": self.name, "title": self.title, "version": self.version,
            "effective": self.effective.isoformat(), "indicators": len(self.indicators),
            "domains": list(self.domains), "source": self.source, "licence": self.licence,
        }


def _strings(m: LineDict, key: str) -> tuple[str, ...]:
    value = field(m, key, list, required=False, default=LineList())
    if not all(isinstance(v, str) and v for v in value):
        raise DataFileError("expected a list of non-empty strings", m.file, m.at(key), key)
    return tuple(value)


def _regex(pattern: str, m: LineDict, key: str) -> None:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise DataFileError(f"invalid regular expression {pattern!r}: {exc}", m.file,
                            m.at(key), key) from None


def _rule(m: Any, tier: str, where: LineDict) -> Rule:
    if not isinstance(m, LineDict):
        raise DataFileError("a rule must be a mapping", where.file, where.line, tier)
    rid = field(m, "rule", str)
    patterns, unless = _strings(m, "all"), _strings(m, "unless")
    fact = field(m, "fact", str, required=False)
    if fact is not None and fact not in EXTRACTORS:
        raise DataFileError(f"unknown fact {fact!r} (known: {', '.join(EXTRACTORS.names())})",
                            m.file, m.at("fact"), "fact")
    if not patterns and fact is None:
        raise DataFileError("a rule needs 'all' patterns or a 'fact'", m.file, m.at("all"), "all")
    section = field(m, "section", str, required=False)
    for key, pats in (("all", patterns), ("unless", unless), ("section", (section,) if section else ())):
        for p in pats:
            _regex(p, m, key)
    window = field(m, "window", int, required=False, default=2)
    if window < 0:
        raise DataFileError("window must be >= 0", m.file, m.at("window"), "window")
    unknown = set(m) - {"rule", "all", "unless", "fact", "section", "window"}
    if unknown:
        first = min(sorted(unknown), key=m.at)
        raise DataFileError(f"unknown key(s) {sorted(unknown)}", m.file, m.at(first), first)
    return Rule(rid, tier, patterns, unless, fact, section, window)


def _indicator(m: Any, domains: tuple[str, ...], where: LineList) -> Indicator:
    if not isinstance(m, LineDict):
        raise DataFileError("an indicator must be a mapping", where.file, where.line, "indicators")
    iid = field(m, "id", str)
    if not _ID.match(iid):
        raise DataFileError(f"bad id {iid!r} (lower case, digits, . _ -)", m.file, m.at("id"), "id")
    domain = field(m, "domain", str)
    if domain not in domains:
        known = ", ".join(domains)
        raise DataFileError(f"unknown domain {domain!r} (known: {known})", m.file, m.at("domain"), "domain")
    rules: list[Rule] = []
    for tier in TIERS:
        for r in field(m, tier, list, required=False, default=LineList()):
            rules.append(_rule(r, tier, m))
    ids = [r.id for r in rules]
    if len(set(ids)) != len(ids):
        raise DataFileError("duplicate rule ids", m.file, m.at("rule"), "rule")
    return Indicator(
        iid, field(m, "name", str), domain, field(m, "subdomain", str, required=False, default=""),
        field(m, "definition", str), field(m, "disclosure", str, required=False, default=""), tuple(rules),
    )


def load_catalog(path: str | Path) -> Catalog:
    """Load and validate a catalog YAML file; every error names file and line."""
    data = load_yaml(path)
    if not isinstance(data, LineDict):
        raise DataFileError("a catalog must be a mapping", path, 1)
    effective = field(data, "effective", dt.date)
    domains = tuple(_strings(data, "domains"))
    if not domains:
        raise DataFileError("missing required field", data.file, data.at("domains"), "domains")
    items = field(data, "indicators", list)
    if not isinstance(items, LineList) or not items:
        raise DataFileError("no indicators", data.file, data.at("indicators"), "indicators")
    indicators = tuple(_indicator(i, domains, items) for i in items)
    seen: set[str] = set()
    for ind, raw in zip(indicators, items, strict=True):
        if ind.id in seen:
            raise DataFileError(f"duplicate indicator id {ind.id!r}", raw.file, raw.at("id"), "id")
        seen.add(ind.id)
    return Catalog(
        field(data, "name", str), field(data, "title", str), str(field(data, "version", str)),
        field(data, "source", str), field(data, "citation", str, required=False, default=""),
        field(data, "licence", str, required=False, default=""), effective, domains, indicators, str(path),
    )


@dataclass(frozen=True)
class CatalogRef:
    """A shipped catalog: its name and file; loaded on first use."""

    name: str
    filename: str

    def load(self) -> Catalog:
        return _load_shipped(self.filename)


@cache
def _load_shipped(filename: str) -> Catalog:
    return load_catalog(package_data("frontierguard.transparency", f"catalogs/{filename}"))


DEFAULT_CATALOG = "fmti-2025-v2"
"""The catalog an audit uses when none is named: FMTI 2025, rules edition 2."""

CATALOGS: Registry[CatalogRef] = Registry("catalog", [
    CatalogRef("fmti-2025", "fmti-2025.yaml"),
    CatalogRef("fmti-2025-v2", "fmti-2025-v2.yaml"),
    CatalogRef("sb53-2025", "sb53-2025.yaml"),
    CatalogRef("eu-gpai-cop-2025", "eu-gpai-cop-2025.yaml"),
    CatalogRef("ny-raise-2025", "ny-raise-2025.yaml"),
])


def get_catalog(name_or_path: str) -> Catalog:
    """A shipped catalog by name, or a catalog YAML file by path."""
    if name_or_path.endswith((".yaml", ".yml")) and Path(name_or_path).exists():
        return load_catalog(name_or_path)
    return CATALOGS.get(name_or_path).load()
