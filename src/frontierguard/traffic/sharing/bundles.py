"""Reads a partner's STIX 2.1 bundle into the campaigns and indicators frontierguard stores.

A bundle must validate (:mod:`.validate`). Each campaign's source is the name of the
``identity`` its ``created_by_ref`` points at, and its date is its ``modified`` day.
Indicators are those carrying the frontierguard extension, tied to a campaign by an
``indicates`` relationship (directly, or through an ``infrastructure`` the campaign
``uses``). Each must have been hashed under this lab's group key: a bundle made under
another key could match nothing and is refused, and a value shared as is must hash to the
keyed hash it carries. A revoked campaign, or a revoked indicator, is kept as a revocation:
storing it drops what was stored for it. Errors name the file (or collection) and object.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontierguard.core.errors import InputError
from frontierguard.traffic.sharing.keys import GroupKey
from frontierguard.traffic.sharing.reference import KINDS, extension_id
from frontierguard.traffic.sharing.validate import check_bundle

_HEX64 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class PartnerCampaign:
    """A partner's campaign as stored."""

    ref: str
    source: str
    name: str
    reported: str
    modified: str
    first_seen: str | None
    last_seen: str | None
    revoked: bool


@dataclass(frozen=True)
class PartnerIndicator:
    """One shared value of a partner's campaign: its kind and keyed hash."""

    ref: str
    campaign_ref: str
    kind: str
    keyed_hash: str
    value: str | None
    accounts: int


@dataclass
class Parsed:
    """What one bundle holds for the store."""

    source: str
    campaigns: list[PartnerCampaign] = field(default_factory=list)
    indicators: list[PartnerIndicator] = field(default_factory=list)
    revoked_indicators: list[str] = field(default_factory=list)
    foreign: int = 0  # indicators without the frontierguard extension (kept out, counted)


def read_file(path: str | Path) -> dict[str, Any]:
    """The JSON object in ``path``; unreadable or non-JSON files are errors naming it."""
    p = Path(path)
    try:
        doc = json.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", p) from None
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text, so not a STIX bundle", p) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON, so not a STIX bundle: {exc.msg}", p, exc.lineno,
                         row_kind="line") from None
    if not isinstance(doc, dict):
        raise InputError("not a STIX bundle (expected a JSON object)", p)
    return doc


def _links(objects: list[dict[str, Any]]) -> dict[str, str]:
    """indicator id -> campaign id, through ``indicates`` and ``uses`` relationships."""
    rels = [o for o in objects if o["type"] == "relationship"]
    infra_of = {r["target_ref"]: r["source_ref"] for r in rels
                if r["relationship_type"] == "uses" and r["source_ref"].startswith("campaign--")}
    out = {}
    for r in rels:
        if r["relationship_type"] == "indicates" and r["source_ref"].startswith("indicator--"):
            target = r["target_ref"]
            out[r["source_ref"]] = infra_of.get(target, target)
    return out


def _campaign(o: dict[str, Any], names: dict[str, str], where: str) -> PartnerCampaign:
    source = names.get(o.get("created_by_ref", ""))
    if source is None:
        raise InputError(f"object {o['id']}: created_by_ref names no identity in the bundle",
                         where, field="created_by_ref")
    return PartnerCampaign(o["id"], source, o["name"], o["modified"][:10], o["modified"],
                           o.get("first_seen"), o.get("last_seen"), bool(o.get("revoked")))


def _extension(o: dict[str, Any], key: GroupKey, where: str) -> dict[str, Any]:
    ext, oid = o["extensions"][extension_id()], o["id"]
    if not isinstance(ext, dict):
        raise InputError(f"object {oid}: the frontierguard extension must be an object", where,
                         field="extensions")
    kind = ext.get("kind")
    if kind not in KINDS:
        raise InputError(f"object {oid}: unknown kind {kind!r}", where, field="kind")
    digest = ext.get("keyed_hash")
    if not isinstance(digest, str) or not _HEX64.match(digest):
        raise InputError(f"object {oid}: keyed_hash must be 64 hex digits", where,
                         field="keyed_hash")
    if ext.get("key_id") != key.key_id:
        raise InputError(f"object {oid}: hashed under group key {ext.get('key_id')!r}, not "
                         f"yours ({key.key_id}), so it can match nothing; use the group's key",
                         where, field="key_id")
    value = ext.get("value")
    if not ext.get("hashed") and (not isinstance(value, str) or key.hash(kind, value) != digest):
        raise InputError(f"object {oid}: the value does not hash to its keyed_hash under the "
                         "group key (altered, or made with another key)", where, field="value")
    return ext


def _indicator(o: dict[str, Any], campaign: str, key: GroupKey, where: str) -> PartnerIndicator:
    ext = _extension(o, key, where)
    accounts = ext.get("accounts", 0)
    if not isinstance(accounts, int) or isinstance(accounts, bool) or accounts < 0:
        raise InputError(f"object {o['id']}: accounts must be a whole number", where,
                         field="accounts")
    value = None if ext.get("hashed") else ext.get("value")
    return PartnerIndicator(o["id"], campaign, ext["kind"], ext["keyed_hash"], value, accounts)


def parse(bundle: Any, key: GroupKey, where: str) -> Parsed:
    """Validate ``bundle`` and pick out its campaigns and frontierguard indicators."""
    check_bundle(bundle, where)
    objects: list[dict[str, Any]] = bundle["objects"]
    names = {o["id"]: str(o.get("name", "")) for o in objects if o["type"] == "identity"}
    out = Parsed(where, [_campaign(o, names, where) for o in objects if o["type"] == "campaign"])
    campaigns, links = {c.ref for c in out.campaigns}, _links(objects)
    for o in (o for o in objects if o["type"] == "indicator"):
        if extension_id() not in o.get("extensions", {}):
            out.foreign += 1
        elif o.get("revoked"):
            out.revoked_indicators.append(o["id"])
        elif links.get(o["id"]) not in campaigns:
            raise InputError(f"object {o['id']}: indicates no campaign in the bundle", where)
        else:
            out.indicators.append(_indicator(o, links[o["id"]], key, where))
    return out
