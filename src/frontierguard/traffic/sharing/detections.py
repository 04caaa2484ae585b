"""Reads what ``share export`` needs from a ``detect`` output folder.

``campaigns.json`` gives the campaigns (only decided ones are shared: with a deciding
policy a campaign carries ``decision.decided``; without one every reported campaign is
decided) and ``indicators.csv`` the values each rests on
(:mod:`frontierguard.traffic.indicator_table`). Prompts, reasons and account ids in the
folder are never read into what is shared. Bad input names the file, row and field.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from frontierguard.core.csvsafe import restore
from frontierguard.core.datafiles import read_csv_rows
from frontierguard.core.errors import DataFileError, InputError
from frontierguard.traffic.indicator_table import COLUMNS
from frontierguard.traffic.sharing.reference import KINDS


@dataclass(frozen=True)
class Campaign:
    """A decided campaign: its id in the run, when it was active, how big it was."""

    id: str
    first_seen: datetime
    last_seen: datetime
    accounts: int
    requests: int
    score: float


@dataclass(frozen=True)
class Value:
    """One value a campaign rests on (raw: stays inside the lab)."""

    campaign: str
    kind: str
    value: str
    accounts: int
    all_accounts: int


@dataclass(frozen=True)
class Detections:
    """A detection run's decided campaigns and their values."""

    folder: Path
    campaigns: list[Campaign]
    values: list[Value]


def _time(c: dict[str, Any], key: str, path: Path, row: int) -> datetime:
    try:
        return datetime.fromisoformat(str(c[key]))
    except (KeyError, ValueError):
        raise InputError("missing or invalid timestamp", path, row, key, "campaign") from None


def _campaign(c: Any, path: Path, row: int) -> Campaign | None:
    if not isinstance(c, dict) or not isinstance(c.get("id"), str):
        raise InputError("expected an object with an 'id'", path, row, "id", "campaign")
    decision = c.get("decision")
    if isinstance(decision, dict) and not decision.get("decided", False):
        return None
    members = c.get("accounts")
    if not isinstance(members, list):
        raise InputError("expected a list of accounts", path, row, "accounts", "campaign")
    return Campaign(c["id"], _time(c, "first_seen", path, row), _time(c, "last_seen", path, row),
                    len(members), int(c.get("requests", 0)), float(c.get("score", 0.0)))


def read_campaigns(folder: Path) -> list[Campaign]:
    """Decided campaigns of ``folder/campaigns.json``."""
    path = folder / "campaigns.json"
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror} (is this a detect output folder?)",
                         path) from None
    except ValueError as exc:
        raise InputError(f"invalid JSON: {exc}", path) from None
    if not isinstance(doc, list):
        raise InputError("expected a JSON list of campaigns", path)
    found = [_campaign(c, path, i + 1) for i, c in enumerate(doc)]
    return [c for c in found if c is not None]


def _int(row: dict[str, str], key: str, path: Path, line: int) -> int:
    try:
        n = int(row[key])
    except ValueError:
        raise DataFileError(f"expected a whole number, got {row[key]!r}", path, line,
                            key) from None
    if n < 1:
        raise DataFileError("must be at least 1", path, line, key)
    return n


def _value(row: dict[str, str], path: Path, line: int) -> Value:
    if row["kind"] not in KINDS:
        raise DataFileError(f"unknown kind {row['kind']!r} (known: {', '.join(KINDS)})",
                            path, line, "kind")
    return Value(row["campaign"], row["kind"], restore(row["value"]),
                 _int(row, "accounts", path, line), _int(row, "all_accounts", path, line))


def read_values(folder: Path, campaigns: set[str]) -> list[Value]:
    """Rows of ``folder/indicators.csv`` for the given campaigns."""
    path = folder / "indicators.csv"
    if not path.is_file():
        raise InputError("missing: this detect output predates indicators.csv; run "
                         "`frontierguard detect` again", path)
    values = []
    for line, row in read_csv_rows(path, list(COLUMNS)):
        if not row["value"]:
            raise DataFileError("empty value", path, line, "value")
        value = _value(row, path, line)
        if value.campaign in campaigns:
            values.append(value)
    return values


def read(folder: str | Path) -> Detections:
    """The decided campaigns and their values from a detect output folder."""
    p = Path(folder)
    if not p.is_dir():
        raise InputError("not a folder (give the --out folder of `frontierguard detect`)", p)
    campaigns = read_campaigns(p)
    return Detections(p, campaigns, read_values(p, {c.id for c in campaigns}))
