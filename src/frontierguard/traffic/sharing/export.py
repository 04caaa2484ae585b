"""``share export``: a detect output folder as a STIX 2.1 bundle another lab can read.

The bundle holds an ``identity`` for this lab, the frontierguard ``extension-definition``
(shipped in ``data/``), and per decided campaign a ``campaign`` (first and last seen, the
MITRE ATLAS techniques and case study as ``external_references``), an ``indicator`` per
shared value (STIX patterns, :mod:`.patterns`), an ``infrastructure`` for its proxy network
when network values are shared, and ``relationship`` objects: indicators *indicate* the
campaign (network ones its infrastructure), the campaign *uses* the infrastructure.

What leaves is decided by :mod:`.privacy`; ids are derived from the lab, the campaign and
keyed hashes only, so they carry nothing a partner could reverse. Every bundle is checked
with ``stix2-validator`` before it is written.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from frontierguard.traffic.sharing import patterns, privacy
from frontierguard.traffic.sharing.detections import Campaign, Detections
from frontierguard.traffic.sharing.keys import GroupKey
from frontierguard.traffic.sharing.reference import (
    KINDS,
    extension_id,
    extension_objects,
    load_atlas,
)
from frontierguard.traffic.sharing.validate import check_bundle

NAMESPACE = uuid.UUID("5b1f8a8e-2d4c-5e57-9b71-6c2f0f3e9a10")
OBJECTIVE = "Distil a frontier model's capabilities through its inference API."


def stix_id(kind: str, *parts: str) -> str:
    """A stable id: the same lab, campaign and hash give the same id in every export."""
    return f"{kind}--{uuid.uuid5(NAMESPACE, '|'.join((kind, *parts)))}"


def stamp(t: datetime) -> str:
    """A STIX timestamp (UTC, milliseconds)."""
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


@dataclass
class Builder:
    """Collects the objects of one bundle."""

    lab: str
    key: GroupKey
    now: str
    objects: list[dict[str, Any]]

    @property
    def identity(self) -> str:
        return stix_id("identity", self.lab)

    def common(self, kind: str, oid: str) -> dict[str, Any]:
        return {"type": kind, "spec_version": "2.1", "id": oid, "created": self.now,
                "modified": self.now, "created_by_ref": self.identity}

    def relate(self, source: str, rel: str, target: str) -> None:
        self.objects.append({**self.common("relationship", stix_id("relationship", source, rel,
                                                                     target)),
                             "relationship_type": rel, "source_ref": source, "target_ref": target})


def _campaign(b: Builder, c: Campaign, atlas: list[dict[str, str]]) -> str:
    cid = stix_id("campaign", b.lab, c.id, stamp(c.first_seen))
    b.objects.append({
        **b.common("campaign", cid), "name": f"{c.id} ({b.lab})",
        "description": f"Distillation campaign decided by frontierguard: {c.accounts} accounts, "
                       f"{c.requests} requests, score {c.score:.2f}.",
        "first_seen": stamp(c.first_seen), "last_seen": stamp(c.last_seen),
        "objective": OBJECTIVE, "external_references": atlas})
    return cid


def _infrastructure(b: Builder, c: Campaign, cid: str) -> str:
    iid = stix_id("infrastructure", cid)
    b.objects.append({
        **b.common("infrastructure", iid), "name": f"{c.id} proxy network ({b.lab})",
        "description": "Exit addresses and networks the campaign's accounts came from.",
        "infrastructure_types": ["anonymization"], "first_seen": stamp(c.first_seen),
        "last_seen": stamp(c.last_seen)})
    b.relate(cid, "uses", iid)
    return iid


def _indicator(b: Builder, d: privacy.Decision, c: Campaign, cid: str) -> dict[str, Any]:
    v, kind = d.value, KINDS[d.value.kind]
    digest = b.key.hash(v.kind, v.value)
    ext: dict[str, Any] = {"extension_type": "property-extension", "kind": v.kind,
                           "hashed": d.hashed, "keyed_hash": digest, "key_id": b.key.key_id,
                           "accounts": v.accounts}
    if not d.hashed:
        ext["value"] = v.value
    pattern = patterns.hashed(v.kind, digest) if d.hashed else patterns.raw(v.kind, v.value)
    return {**b.common("indicator", stix_id("indicator", cid, v.kind, digest)),
            "name": f"{kind.title} of {c.id} ({b.lab})",
            "description": f"A {kind.title} {v.accounts} of the campaign's accounts used"
                           + (" (keyed hash under the sharing group key)." if d.hashed else "."),
            "indicator_types": ["malicious-activity"], "pattern": pattern,
            "pattern_type": "stix", "valid_from": stamp(c.first_seen),
            "extensions": {extension_id(): ext}}


def _campaign_objects(b: Builder, c: Campaign, shared: list[privacy.Decision],
                      atlas: list[dict[str, str]]) -> None:
    cid = _campaign(b, c, atlas)
    network = [d for d in shared if KINDS[d.value.kind].network]
    infra = _infrastructure(b, c, cid) if network else ""
    for d in shared:
        ind = _indicator(b, d, c, cid)
        b.objects.append(ind)
        b.relate(ind["id"], "indicates", infra if KINDS[d.value.kind].network else cid)


def build(det: Detections, key: GroupKey, lab: str, decisions: list[privacy.Decision],
          now: datetime | None = None) -> dict[str, Any]:
    """The bundle (a dict) for ``det``; values leave only where ``decisions`` say so."""
    b = Builder(lab, key, stamp(now or datetime.now(UTC)), [])
    b.objects.extend(extension_objects())
    b.objects.append({**b.common("identity", b.identity), "name": lab,
                      "identity_class": "organization"})
    del b.objects[-1]["created_by_ref"]
    atlas = load_atlas()
    for c in det.campaigns:
        shared = [d for d in decisions if d.shared and d.value.campaign == c.id]
        _campaign_objects(b, c, shared, atlas)
    return {"type": "bundle", "id": f"bundle--{uuid.uuid4()}", "objects": b.objects}


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote."""

    out: Path
    campaigns: int
    indicators: int
    withheld: int

    def as_dict(self) -> dict[str, Any]:
        return {"out": str(self.out), "campaigns": self.campaigns,
                "indicators": self.indicators, "withheld": self.withheld}


def write(det: Detections, key: GroupKey, lab: str, decisions: list[privacy.Decision],
          out: str | Path) -> ExportResult:
    """Build, validate and write the bundle; nothing is written when it does not validate."""
    bundle = build(det, key, lab, decisions)
    check_bundle(bundle, "the exported bundle")
    p = Path(out)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(json.dumps(bundle, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    shared = sum(1 for d in decisions if d.shared)
    return ExportResult(p, len(det.campaigns), shared, len(decisions) - shared)
