"""Standalone HTML reports: Jinja2 templates with autoescaping and inline SVG plots.

Reports are single files with no network references: styles are inline and
plots are SVG produced by matplotlib and embedded in the page.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup

_ENVS: dict[str, jinja2.Environment] = {}


def environment(package: str) -> jinja2.Environment:
    """A Jinja2 environment loading ``templates/`` of ``package`` plus the core layout."""
    if package not in _ENVS:
        loader = jinja2.ChoiceLoader(
            [
                jinja2.PackageLoader(package, "templates"),
                jinja2.PackageLoader("frontierguard.core", "templates"),
            ]
        )
        env = jinja2.Environment(
            loader=loader,
            autoescape=jinja2.select_autoescape(["html", "j2"], default=True),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        # a path segment from any text (account ids may hold / ? #): everything quoted
        env.filters["segment"] = lambda value: quote(str(value), safe="")
        _ENVS[package] = env
    return _ENVS[package]


def render(package: str, template: str, **context: Any) -> str:
    """Render ``template`` from ``package``'s templates with ``context``."""
    return environment(package).get_template(template).render(**context)


def write_report(path: str | Path, html: str) -> Path:
    """Write a report atomically (temp file then rename)."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".tmp")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(out)
    return out


def figure_svg(fig: Any) -> Markup:
    """Serialise a matplotlib figure to inline SVG markup and close it."""
    import matplotlib.pyplot as plt

    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    plt.close(fig)
    svg = buf.getvalue()
    start = svg.find("<svg")
    return Markup(svg[start:] if start >= 0 else svg)


def new_figure(width: float = 7.0, height: float = 2.6) -> tuple[Any, Any]:
    """A matplotlib figure and axes with the report style (Agg backend, no display)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    # labels are attacker-controlled text (model names): plain text, never math text
    plt.rcParams.update({"svg.fonttype": "none", "font.size": 9, "text.parse_math": False})
    fig, ax = plt.subplots(figsize=(width, height))
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax
