"""Margins of the campaign decision: how far honest and harvesting communities sit from it.

A deciding policy (policy_v5) writes every candidate community's score to ``decision.json``.
With labels, each community is *attacking* when most of its accounts belong to a labelled
campaign and *benign* otherwise; the margin is the lowest attacking score minus the highest
benign one. A positive margin that is small, or a threshold sitting at its edge, is a
decision that a slightly different population would flip -- visible here before a user
relies on it. Without labels (the report) the scores are shown as one distribution around
the threshold.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from markupsafe import Markup

from frontierguard.core.errors import InputError
from frontierguard.core.report import figure_svg, new_figure


@dataclass(frozen=True)
class Margins:
    """Campaign scores of benign and attacking candidate communities and their margin."""

    threshold: float
    benign: list[float]
    attacking: list[float]
    highest_benign: float | None
    lowest_attacking: float | None
    margin: float | None  # lowest attacking - highest benign


def read_decision(directory: Path) -> dict[str, Any] | None:
    """``decision.json`` of a run, or None when the run's policy does not decide."""
    path = directory / "decision.json"
    if not path.exists():
        return None
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"unreadable decision file: {exc}", path) from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("communities"), list):
        raise InputError("expected an object with a 'communities' list", path)
    return doc


def margins(doc: dict[str, Any], attackers: set[str]) -> Margins:
    """Split the candidate communities by their labelled majority and measure the margin."""
    threshold = float(doc.get("campaign_threshold", 0.5))
    benign: list[float] = []
    attacking: list[float] = []
    for c in doc["communities"]:
        members = [str(a) for a in c.get("accounts", [])]
        if not members:
            continue
        share = sum(a in attackers for a in members) / len(members)
        (attacking if share > 0.5 else benign).append(float(c["score"]))
    hi = max(benign) if benign else None
    lo = min(attacking) if attacking else None
    return Margins(threshold, sorted(benign), sorted(attacking), hi, lo,
                   lo - hi if hi is not None and lo is not None else None)


def histogram_svg(benign: list[float], attacking: list[float] | None,
                  threshold: float) -> Markup:
    """Community campaign scores as a histogram around the decision threshold (plain text
    labels only)."""
    fig, ax = new_figure(6.0, 2.2)
    bins = np.linspace(0.0, 1.0, 41)
    if attacking is None:
        ax.hist(benign, bins=bins, color="#4a6fa5", label="candidate communities")
    else:
        ax.hist(benign, bins=bins, color="#4a6fa5", alpha=0.8, label="benign")
        ax.hist(attacking, bins=bins, color="#8c1d18", alpha=0.8, label="attacking")
    ax.axvline(threshold, color="black", linestyle="--", linewidth=0.8)
    ax.set_yscale("symlog", linthresh=1)
    ax.set_xlabel("campaign score")
    ax.set_ylabel("communities")
    ax.legend(fontsize=7, frameon=False)
    return figure_svg(fig)
