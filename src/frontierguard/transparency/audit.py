"""The audit: evaluate a catalog's rules over a developer's documents, with evidence.

Each pattern runs once per document over the whole text (``re.finditer``); match
offsets become line indexes with one ``numpy.searchsorted``, and co-occurrence
within a window of lines is another ``searchsorted``. Cost is linear in the text
times the number of distinct patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from frontierguard.core import settings
from frontierguard.core.errors import InputError
from frontierguard.core.scoring import FtResult
from frontierguard.core.settings import Setting
from frontierguard.transparency.catalog import Catalog, Indicator, Rule
from frontierguard.transparency.facts import EXTRACTORS, Fact
from frontierguard.transparency.readers import Document, IntArray, read_document

STATUSES = ("disclosed", "partial", "absent")

SETTINGS = [
    Setting("transparency_partial_credit", float, 0.5,
            "Points a 'partial' finding adds to an audit score (a 'disclosed' finding adds 1).",
            "transparency"),
    Setting("transparency_max_evidence", int, 3,
            "Evidence passages kept per indicator finding.", "transparency"),
    Setting("transparency_evidence_chars", int, 320,
            "Longest evidence passage quoted, in characters.", "transparency"),
]
settings.register(SETTINGS)


@dataclass(frozen=True)
class Evidence:
    """Where a finding was seen: file, page/line, and the passage."""

    file: str
    location: str
    text: str


@dataclass(frozen=True)
class Finding:
    """One indicator's outcome, the rule that fired and its evidence."""

    indicator: Indicator
    status: str
    rule: Rule | None
    evidence: tuple[Evidence, ...]
    explanation: FtResult


@dataclass(frozen=True)
class AuditResult:
    """All findings for one developer against one catalog."""

    developer: str
    catalog: Catalog
    documents: tuple[str, ...]
    findings: tuple[Finding, ...]
    partial_credit: float

    @property
    def score(self) -> float:
        return round(sum(f.explanation.score for f in self.findings), 2)

    @property
    def max_score(self) -> int:
        return len(self.findings)

    def counts(self) -> dict[str, int]:
        return {s: sum(f.status == s for f in self.findings) for s in STATUSES}

    def to_json(self) -> dict[str, Any]:
        """The audit JSON contract (see docs/transparency.md)."""
        return {
            "developer": self.developer,
            "catalog": self.catalog.name,
            "catalog_version": self.catalog.version,
            "documents": list(self.documents),
            "score": self.score,
            "max_score": self.max_score,
            "counts": self.counts(),
            "indicators": [_finding_json(f) for f in self.findings],
        }


def _finding_json(f: Finding) -> dict[str, Any]:
    return {
        "id": f.indicator.id,
        "name": f.indicator.name,
        "domain": f.indicator.domain,
        "subdomain": f.indicator.subdomain,
        "status": f.status,
        "rule": f.rule.id if f.rule else None,
        "detail": f.explanation.detail,
        "evidence": [{"file": e.file, "location": e.location, "text": e.text} for e in f.evidence],
    }


class DocIndex:
    """A document with cached pattern hits (line indexes) and extracted facts."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._hits: dict[str, IntArray] = {}
        self._facts: dict[str, list[Fact]] = {}
        self._skip = doc.skip if doc.skip is not None else np.zeros(len(doc.lines), dtype=bool)

    def hits(self, pattern: str) -> IntArray:
        """Sorted unique line indexes where ``pattern`` matches (case-insensitive)."""
        if pattern not in self._hits:
            rx = _compiled(pattern)
            starts = np.fromiter((m.start() for m in rx.finditer(self.doc.text)), dtype=np.int64)
            lines = np.unique(self.doc.line_at(starts))
            self._hits[pattern] = lines[~self._skip[lines]]
        return self._hits[pattern]

    def facts(self, name: str) -> list[Fact]:
        if name not in self._facts:
            found = EXTRACTORS.get(name)(self.doc)
            self._facts[name] = [f for f in found if not self._skip[f.line]]
        return self._facts[name]


_RX: dict[str, re.Pattern[str]] = {}


def _compiled(pattern: str) -> re.Pattern[str]:
    if pattern not in _RX:
        _RX[pattern] = re.compile(pattern, re.IGNORECASE)
    return _RX[pattern]


def _near(anchors: IntArray, lines: IntArray, window: int) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """For each anchor line, whether some line in ``lines`` is within ``window`` of it."""
    if len(lines) == 0:
        return np.zeros(len(anchors), dtype=bool)
    idx = np.searchsorted(lines, anchors - window)
    found = idx < len(lines)
    out = np.zeros(len(anchors), dtype=bool)
    out[found] = lines[idx[found]] <= anchors[found] + window
    return out


def fire(rule: Rule, index: DocIndex) -> list[tuple[int, str]]:
    """Lines where ``rule`` fires in a document, each with the passage to quote."""
    facts = index.facts(rule.fact) if rule.fact else []
    rest = rule.patterns if rule.fact else rule.patterns[1:]
    if rule.fact:
        anchors = np.asarray(sorted({f.line for f in facts}), dtype=np.int64)
    else:
        anchors = index.hits(rule.patterns[0])
    for p in rest:  # narrow the anchors pattern by pattern; stop as soon as none is left
        if not len(anchors):
            return []
        anchors = anchors[_near(anchors, index.hits(p), rule.window)]
    for p in rule.unless:
        if len(anchors):
            anchors = anchors[~_near(anchors, index.hits(p), rule.window)]
    if rule.section and len(anchors):
        sec = _compiled(rule.section)
        anchors = anchors[[bool(sec.search(index.doc.headings[a])) for a in anchors]]
    by_line = {f.line: f.text for f in facts}
    return [(int(a), by_line.get(int(a)) or _passage(index.doc, int(a))) for a in anchors]


def _passage(doc: Document, line: int, want: int = 100) -> str:
    """The anchor line, extended with following lines until it reads as a passage."""
    parts: list[str] = []
    i = line
    while i < len(doc.lines) and (sum(map(len, parts)) < want) and i - line < 4:
        if doc.lines[i].strip():
            parts.append(doc.lines[i].strip())
        i += 1
    return " ".join(parts)


def evaluate(indicator: Indicator, docs: Sequence[DocIndex], opts: dict[str, Any]) -> Finding:
    """Status of one indicator: the first tier whose rules fire anywhere, with evidence."""
    credit = {"disclosed": 1.0, "partial": float(opts["transparency_partial_credit"]), "absent": 0.0}
    for tier in ("disclosed", "partial"):
        evidence: list[Evidence] = []
        fired: Rule | None = None
        for rule in (r for r in indicator.rules if r.tier == tier):
            for index in docs:
                for line, text in fire(rule, index):
                    fired = fired or rule
                    ev = Evidence(index.doc.path, index.doc.location(line),
                                  _clip(text, int(opts["transparency_evidence_chars"])))
                    if len(evidence) < int(opts["transparency_max_evidence"]) and ev not in evidence:
                        evidence.append(ev)
        if fired is not None:
            first = evidence[0]
            detail = (f"{tier}: rule {fired.id} ({fired.describe()}) fired in "
                      f"{Path(first.file).name} at {first.location}")
            return Finding(indicator, tier, fired, tuple(evidence), FtResult(credit[tier], detail))
    return Finding(indicator, "absent", None, (), FtResult(0.0, "absent: no rule fired in any document"))


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def audit_documents(
    docs: Iterable[Document], developer: str, catalog: Catalog,
    overrides: dict[str, Any] | None = None,
) -> AuditResult:
    """Audit already-read documents against ``catalog``."""
    opts = settings.resolve(SETTINGS, overrides)
    indexes = [DocIndex(d) for d in docs]
    if not indexes:
        raise InputError("no documents to audit")
    findings = tuple(evaluate(ind, indexes, opts) for ind in catalog.indicators)
    return AuditResult(developer, catalog, tuple(i.doc.path for i in indexes), findings,
                       float(opts["transparency_partial_credit"]))


def audit(
    paths: Iterable[str | Path], developer: str, catalog: Catalog,
    overrides: dict[str, Any] | None = None,
) -> AuditResult:
    """Read each document and audit them together for ``developer``."""
    if not developer.strip():
        raise InputError("developer name is empty", field="developer")
    return audit_documents([read_document(p) for p in paths], developer, catalog, overrides)
