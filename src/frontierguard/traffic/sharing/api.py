"""The sharing operations the command line (and any other front end) calls.

Each takes paths and settings, loads and checks its inputs, and returns a result with
``as_dict()``; bad input raises :class:`~frontierguard.core.errors.InputError` naming the
file (and object or row), bad options :class:`~frontierguard.core.errors.ConfigError`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from frontierguard.core.errors import ConfigError
from frontierguard.traffic.sharing import detections, export, partners, privacy, settings
from frontierguard.traffic.sharing.keys import GroupKey, load_key


def group_key(key_file: str | Path | None) -> GroupKey:
    """The key from ``key_file`` or the ``share_key_file`` setting."""
    path = settings.values({"share_key_file": str(key_file) if key_file else None})[
        "share_key_file"]
    if not path:
        raise ConfigError("no group key: give --key-file or set FRONTIERGUARD_SHARE_KEY_FILE "
                          "(make one with `frontierguard share keygen`)")
    return load_key(path)


def _plan(folder: str | Path, min_accounts: int | None,
          min_share: float | None) -> tuple[detections.Detections, list[privacy.Decision]]:
    v = settings.values({"share_min_accounts": min_accounts,
                         "share_min_campaign_share": min_share})
    if v["share_min_accounts"] < 1:
        raise ConfigError("--min-accounts must be at least 1")
    det = detections.read(folder)
    return det, privacy.plan(det, v["share_min_accounts"], v["share_min_campaign_share"])


def explain(folder: str | Path, min_accounts: int | None = None,
            min_share: float | None = None) -> list[dict[str, Any]]:
    """What an export would share and withhold, value by value, and why; writes nothing."""
    _, decisions = _plan(folder, min_accounts, min_share)
    return [d.as_dict() for d in decisions]


def export_bundle(folder: str | Path, out: str | Path, key_file: str | Path | None = None,
                  lab: str | None = None, min_accounts: int | None = None,
                  min_share: float | None = None) -> export.ExportResult:
    """Export a detect output folder as a validated STIX 2.1 bundle file."""
    key = group_key(key_file)
    det, decisions = _plan(folder, min_accounts, min_share)
    name = lab or settings.values()["share_lab_name"]
    return export.write(det, key, name, decisions, out)


def import_bundles(paths: Sequence[str | Path], db: str | Path,
                   key_file: str | Path | None = None) -> partners.ImportResult:
    """Check every bundle, then store them all in one transaction."""
    if not paths:
        raise ConfigError("give at least one bundle file")
    return partners.import_files(paths, group_key(key_file), db)
