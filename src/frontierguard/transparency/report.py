"""Standalone HTML reports for audits and comparisons, with inline SVG plots."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from markupsafe import Markup

from frontierguard.core.report import figure_svg, new_figure, render, write_report
from frontierguard.transparency.audit import AuditResult
from frontierguard.transparency.compare import Comparison

PACKAGE = "frontierguard.transparency"
COLOURS = {"disclosed": "#2e7d32", "partial": "#f0a500", "absent": "#d9dde3"}


def domain_counts(result: AuditResult) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for f in result.findings:
        row = out.setdefault(f.indicator.domain, {"disclosed": 0, "partial": 0, "absent": 0})
        row[f.status] += 1
    return out


def domain_chart(counts: dict[str, dict[str, int]]) -> Markup:
    """Stacked horizontal bars: disclosed / partial / absent per domain."""
    fig, ax = new_figure(7.0, 0.45 * len(counts) + 0.8)
    names = list(counts)
    left = np.zeros(len(names))
    for status in ("disclosed", "partial", "absent"):
        vals = np.asarray([counts[n][status] for n in names], dtype=float)
        ax.barh(names, vals, left=left, color=COLOURS[status], label=status)
        left += vals
    ax.invert_yaxis()
    ax.set_xlabel("indicators")
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    return figure_svg(fig)


def audit_html(result: AuditResult) -> str:
    counts = domain_counts(result)
    return render(
        PACKAGE, "audit.html.j2", title=f"Transparency audit: {result.developer}",
        subtitle=f"{result.catalog.title} ({result.catalog.name}, version {result.catalog.version})",
        result=result, data=result.to_json(), counts=counts, chart=domain_chart(counts),
    )


def write_audit_report(result: AuditResult, out_dir: str | Path) -> Path:
    """Write ``audit-<developer>.html`` and ``audit-<developer>.json`` into ``out_dir``."""
    import json

    out = Path(out_dir)
    slug = "".join(c if c.isalnum() else "-" for c in result.developer.lower()).strip("-") or "developer"
    write_report(out / f"audit-{slug}.json", json.dumps(result.to_json(), indent=2, ensure_ascii=False))
    return write_report(out / f"audit-{slug}.html", audit_html(result))


def heatmap(cmp: Comparison) -> Markup:
    """Indicators (rows) by developers (columns): green disclosed, amber partial, grey absent."""
    from matplotlib.colors import ListedColormap

    rows, cols = cmp.values.shape
    fig, ax = new_figure(1.6 + 0.55 * cols, 1.2 + 0.16 * rows)
    cmap = ListedColormap([COLOURS["absent"], COLOURS["partial"], COLOURS["disclosed"]])
    ax.imshow(cmp.values, aspect="auto", cmap=cmap, vmin=0, vmax=1, interpolation="nearest")
    ax.set_xticks(range(cols), [f"{d} ({c})" for d, c in zip(cmp.developers, cmp.countries, strict=True)],
                  rotation=45, ha="left", fontsize=8)
    ax.xaxis.tick_top()
    ax.set_yticks(range(rows), [f"{dom[:4]} · {n}" for dom, n in zip(cmp.domains, cmp.names, strict=True)],
                  fontsize=6)
    for boundary in [i for i in range(1, rows) if cmp.domains[i] != cmp.domains[i - 1]]:
        ax.axhline(boundary - 0.5, color="#1d2330", linewidth=0.8)
    for boundary in [i for i in range(1, cols) if cmp.countries[i] != cmp.countries[i - 1]]:
        ax.axvline(boundary - 0.5, color="#1d2330", linewidth=1.2)
    return figure_svg(fig)


def compare_html(cmp: Comparison) -> str:
    context: dict[str, Any] = {
        "cmp": cmp, "subtotals": cmp.domain_subtotals(), "countries": cmp.by_country(),
        "heatmap": heatmap(cmp),
    }
    return render(PACKAGE, "compare.html.j2", title="Transparency comparison",
                  subtitle=f"catalog {cmp.catalog}; {len(cmp.developers)} developers", **context)


def write_compare_report(cmp: Comparison, out_dir: str | Path) -> Path:
    return write_report(Path(out_dir) / "compare.html", compare_html(cmp))
