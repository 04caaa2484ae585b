"""The two small side tables: model releases and evaluation labels (CSV)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa

from frontierguard.core.datafiles import read_csv_rows
from frontierguard.core.errors import InputError
from frontierguard.traffic.schema import LABELS_SCHEMA, RELEASES_SCHEMA


def _parse_ts(text: str, path: Path, line: int, name: str) -> datetime:
    try:
        if text.lstrip("-").isdigit():
            return datetime.fromtimestamp(int(text) / 1000, tz=UTC)
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(f"unparsable timestamp {text!r}", path, line, name, "line") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value


def read_releases(path: str | Path) -> pa.Table:
    """``model,released_at`` rows (RFC 3339 or epoch ms) as an Arrow table."""
    p = Path(path)
    models: list[str] = []
    times: list[datetime] = []
    for line, row in read_csv_rows(p, ["model", "released_at"]):
        if not row["model"]:
            raise InputError("empty model name", p, line, "model", "line")
        models.append(row["model"])
        times.append(_parse_ts(row["released_at"], p, line, "released_at"))
    if not models:
        raise InputError("no releases in file", p)
    return pa.table({"model": models, "released_at": times}, schema=RELEASES_SCHEMA)


def read_labels(path: str | Path) -> pa.Table:
    """``account_id,campaign[,population]`` rows; an empty campaign means benign."""
    p = Path(path)
    ids: list[str] = []
    campaigns: list[str | None] = []
    populations: list[str | None] = []
    seen: set[str] = set()
    for line, row in read_csv_rows(p, ["account_id", "campaign"]):
        account = row["account_id"]
        if not account:
            raise InputError("empty account_id", p, line, "account_id", "line")
        if account in seen:
            raise InputError(f"duplicate account {account!r}", p, line, "account_id", "line")
        seen.add(account)
        ids.append(account)
        campaigns.append(row["campaign"] or None)
        populations.append(row.get("population") or None)
    if not ids:
        raise InputError("no labels in file", p)
    return pa.table(
        {"account_id": ids, "campaign": campaigns, "population": populations}, schema=LABELS_SCHEMA
    )
