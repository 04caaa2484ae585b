"""The analyst report (``report.html``): campaigns ranked, each with its evidence.

Standalone HTML from ``templates/detect_report.html.j2`` (extends core's ``base.html.j2``);
timelines are inline SVG. Prompts and every other attacker-controlled value are escaped by
the template engine's autoescaping.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa
from markupsafe import Markup

from frontierguard.core.report import figure_svg, new_figure, render, write_report
from frontierguard.traffic.margins import histogram_svg

if TYPE_CHECKING:
    from frontierguard.traffic.campaigns import Assessment

MAX_CAMPAIGNS = 50
MAX_MEMBERS = 200


def timeline_svg(timeline: list[dict[str, Any]], releases: list[tuple[str, datetime]]) -> Markup:
    """Requests per hour, one line per model, release times marked."""
    series: dict[str, dict[datetime, int]] = defaultdict(dict)
    for row in timeline:
        series[row["model"] or "?"][datetime.fromisoformat(row["hour"])] = row["requests"]
    fig, ax = new_figure(7.5, 2.4)
    hours = sorted({h for s in series.values() for h in s})
    for model, counts in sorted(series.items()):
        ax.plot(hours, [counts.get(h, 0) for h in hours], label=model, linewidth=1)
    if hours:
        for model, at in releases:
            if hours[0] <= at <= hours[-1]:
                ax.axvline(at, color="#8c1d18", linestyle="--", linewidth=0.8)
                ax.annotate(f"{model} released", (at, ax.get_ylim()[1]), fontsize=7,
                            color="#8c1d18", ha="left", va="top")
    ax.set_ylabel("requests / hour")
    if series:
        ax.legend(fontsize=7, frameon=False)
    fig.autofmt_xdate()
    return figure_svg(fig)


def _release_list(releases: pa.Table | None) -> list[tuple[str, datetime]]:
    if releases is None:
        return []
    return list(zip(releases.column("model").to_pylist(),
                    releases.column("released_at").to_pylist(), strict=True))


def build_context(result: Assessment, policy: str, releases: pa.Table | None) -> dict[str, Any]:
    """Template context: ranked campaigns with plots and member rows."""
    by_id = {a["account_id"]: a for a in result.accounts}
    rel = _release_list(releases)
    items = []
    for c in result.campaigns[:MAX_CAMPAIGNS]:
        members = sorted((by_id[a] for a in c["accounts"]), key=lambda a: -a["score"])
        total = sum(c["capabilities"].values()) or 1
        items.append({**c, "plot": timeline_svg(c["timeline"], rel),
                      "members": members[:MAX_MEMBERS], "more_members": max(0, len(members) - MAX_MEMBERS),
                      "capability_mix": [(k, v, v / total) for k, v in c["capabilities"].items()]})
    flagged = [a for a in result.accounts if a["flagged"]]
    decision = None
    if result.operating_point is not None:
        scores = [float(c["score"]) for c in result.candidates]
        decision = {**result.operating_point, "histogram": histogram_svg(
            scores, None, float(result.operating_point["campaign_threshold"]))}
    loose = sorted((a for a in flagged if not a["cluster_id"]), key=lambda a: -a["score"])
    return {"title": "frontierguard: distillation campaigns",
            "subtitle": f"policy {policy}; {len(result.accounts)} accounts, {len(flagged)} flagged, "
                        f"{len(result.campaigns)} campaigns",
            "campaigns": items, "more_campaigns": max(0, len(result.campaigns) - MAX_CAMPAIGNS),
            "loose": loose[:MAX_MEMBERS], "decision": decision,
            "watch": result.watch[:MAX_CAMPAIGNS]}


def write(path: Path, con: duckdb.DuckDBPyConnection, result: Assessment, policy: str,
          releases: pa.Table | None) -> Path:
    """Render and write the report."""
    html = render("frontierguard.traffic", "detect_report.html.j2",
                  **build_context(result, policy, releases))
    return write_report(path, html)
