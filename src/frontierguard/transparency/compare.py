"""Side-by-side comparison of audit results: indicators by developers, grouped by country."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from frontierguard.core.errors import InputError
from frontierguard.transparency.audit import STATUSES
from frontierguard.transparency.countries import country_of

REQUIRED = ("developer", "catalog", "score", "max_score", "indicators")
INDICATOR_KEYS = ("id", "name", "domain", "status", "evidence")
VALUE = {"disclosed": 1.0, "partial": 0.5, "absent": 0.0}


@dataclass(frozen=True)
class Comparison:
    """A matrix of indicator values (rows) by developer (columns), plus labels."""

    catalog: str
    developers: list[str]
    countries: list[str]
    scores: list[float]
    ids: list[str]
    names: list[str]
    domains: list[str]
    values: npt.NDArray[np.float64]

    def domain_subtotals(self) -> dict[str, list[float]]:
        """Per domain, each developer's points (disclosed 1, partial 0.5)."""
        doms = np.asarray(self.domains)
        return {d: [float(x) for x in self.values[doms == d].sum(axis=0)]
                for d in dict.fromkeys(self.domains)}

    def by_country(self) -> list[dict[str, Any]]:
        """Per country: its developers and their mean score."""
        out = []
        for c in dict.fromkeys(self.countries):
            idx = [i for i, x in enumerate(self.countries) if x == c]
            out.append({"country": c, "developers": [self.developers[i] for i in idx],
                        "mean_score": round(float(np.mean([self.scores[i] for i in idx])), 2)})
        return out


def load_result(path: str | Path) -> dict[str, Any]:
    """Read and check an audit JSON file (the ``transparency audit --json`` contract)."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", p) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", p, exc.lineno, row_kind="line") from None
    if not isinstance(data, dict):
        raise InputError("expected a JSON object from 'transparency audit --json'", p)
    for key in REQUIRED:
        if key not in data:
            raise InputError("missing key", p, field=key)
    if not isinstance(data["indicators"], list):
        raise InputError("expected a list", p, field="indicators")
    for n, item in enumerate(data["indicators"], start=1):
        missing = [k for k in INDICATOR_KEYS if not isinstance(item, dict) or k not in item]
        if missing:
            raise InputError(f"indicator {n} lacks {', '.join(missing)}", p, field="indicators")
        if item["status"] not in STATUSES:
            raise InputError(f"indicator {n} has unknown status {item['status']!r}", p, field="status")
    return data


def compare(results: Sequence[dict[str, Any]], files: Sequence[str] | None = None) -> Comparison:
    """Align results on the first result's indicators; developers ordered by country then score."""
    if not results:
        raise InputError("no audit results to compare")
    catalog = results[0]["catalog"]
    for i, r in enumerate(results):
        if r["catalog"] != catalog:
            where = files[i] if files else None
            msg = f"catalog {r['catalog']!r} differs from {catalog!r}; compare one catalog at a time"
            raise InputError(msg, where, field="catalog")
    first = results[0]["indicators"]
    ids = [x["id"] for x in first]
    order = sorted(range(len(results)),
                   key=lambda i: (country_of(results[i]["developer"]), -float(results[i]["score"])))
    values = np.zeros((len(ids), len(results)))
    for col, i in enumerate(order):
        status = {x["id"]: x["status"] for x in results[i]["indicators"]}
        values[:, col] = [VALUE[status.get(k, "absent")] for k in ids]
    devs = [str(results[i]["developer"]) for i in order]
    return Comparison(
        catalog, devs, [country_of(d) for d in devs], [float(results[i]["score"]) for i in order],
        ids, [x["name"] for x in first], [x["domain"] for x in first], values,
    )
