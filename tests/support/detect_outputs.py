"""Comparing two ``detect`` output directories: the flagged accounts, scores, communities
and campaigns must agree (used to check one engine against another)."""

from __future__ import annotations

import csv
from pathlib import Path


def accounts(out: Path) -> dict[str, dict[str, str]]:
    """``accounts.csv`` of a detect run, by account."""
    with (out / "accounts.csv").open(encoding="utf-8") as fh:
        return {r["account_id"]: r for r in csv.DictReader(fh)}


def flagged(out: Path) -> set[str]:
    """The accounts a detect run flagged."""
    return {a for a, r in accounts(out).items() if r["flagged"] == "true"}


def differences(a: Path, b: Path, tolerance: float = 1e-6) -> list[str]:
    """How two runs' outputs differ (empty when they agree): the accounts seen, the flags,
    each score (within ``tolerance``), each community and ``campaigns.json`` byte for byte."""
    x, y = accounts(a), accounts(b)
    if x.keys() != y.keys():
        return [f"accounts differ: {sorted(x.keys() ^ y.keys())[:5]}"]
    found = []
    if flagged(a) != flagged(b):
        found.append(f"flags differ: {sorted(flagged(a) ^ flagged(b))[:5]}")
    scores = [k for k in x if abs(float(x[k]["score"]) - float(y[k]["score"])) > tolerance]
    if scores:
        found.append(f"scores differ: {scores[:5]}")
    clusters = [k for k in x if x[k]["cluster_id"] != y[k]["cluster_id"]]
    if clusters:
        found.append(f"communities differ: {clusters[:5]}")
    if (a / "campaigns.json").read_bytes() != (b / "campaigns.json").read_bytes():
        found.append("campaigns.json differs")
    return found
