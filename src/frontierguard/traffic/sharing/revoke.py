"""Revocation: a campaign found to be a false positive, withdrawn in a new bundle version.

``share revoke`` reads a bundle this lab exported and writes a new one holding, for each
named campaign, its next version with ``revoked: true`` (same id, later ``modified``) and
revoked versions of its indicators and relationships. A partner importing it drops the
campaign's indicators (:mod:`.partners`); an older version imported later changes nothing.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from frontierguard.core.errors import InputError
from frontierguard.traffic.sharing.bundles import read_file
from frontierguard.traffic.sharing.export import stamp
from frontierguard.traffic.sharing.validate import check_bundle


def _named(objects: list[dict[str, Any]], names: Sequence[str], where: str) -> set[str]:
    """Ids of the campaigns named by run id (``C001``), full name or STIX id."""
    found = set()
    for name in names:
        ids = {o["id"] for o in objects if o["type"] == "campaign" and name in (
            o["id"], o["name"], o["name"].split(" (")[0])}
        if not ids:
            raise InputError(f"no campaign {name!r} in the bundle", where)
        found |= ids
    return found


def _tied(objects: list[dict[str, Any]], campaigns: set[str]) -> set[str]:
    """The campaigns, their infrastructure, indicators and relationships."""
    tied = set(campaigns)
    rels = [o for o in objects if o["type"] == "relationship"]
    tied |= {r["target_ref"] for r in rels if r["source_ref"] in tied}
    tied |= {r["source_ref"] for r in rels if r["target_ref"] in tied}
    return tied | {r["id"] for r in rels if r["source_ref"] in tied or r["target_ref"] in tied}


def _later(modified: str, now: datetime) -> str:
    """``now``, or a millisecond after ``modified`` when that is not before ``now``."""
    after = datetime.fromisoformat(modified.replace("Z", "+00:00")) + timedelta(milliseconds=1)
    return stamp(max(now, after))


def revoked_bundle(bundle: dict[str, Any], names: Sequence[str], where: str,
                   now: datetime | None = None) -> dict[str, Any]:
    """The revocation bundle for the named campaigns of ``bundle``."""
    check_bundle(bundle, where)
    objects: list[dict[str, Any]] = bundle["objects"]
    tied = _tied(objects, _named(objects, names, where))
    when = now or datetime.now(UTC)
    kept = [o for o in objects if o["type"] in ("identity", "extension-definition")]
    kept += [{**o, "modified": _later(o["modified"], when), "revoked": True}
             for o in objects if o["id"] in tied]
    return {"type": "bundle", "id": f"bundle--{uuid.uuid4()}", "objects": kept}


def write(bundle_path: str | Path, names: Sequence[str], out: str | Path) -> int:
    """Write the revocation bundle; returns how many objects it revokes."""
    where = str(bundle_path)
    bundle = revoked_bundle(read_file(bundle_path), names, where)
    check_bundle(bundle, "the revocation bundle")
    Path(out).write_text(json.dumps(bundle, indent=1, ensure_ascii=False) + "\n",
                         encoding="utf-8")
    return sum(1 for o in bundle["objects"] if o.get("revoked"))
