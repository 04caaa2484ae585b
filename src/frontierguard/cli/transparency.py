"""CLI: transparency audits of model documentation (``transparency audit|compare|catalogs``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from frontierguard.cli.common import JsonOption, domain_errors, info, print_json, stages
from frontierguard.transparency import service
from frontierguard.transparency.catalog import DEFAULT_CATALOG

transparency_app = typer.Typer(
    help="Audit model documentation against transparency indicators, with evidence.\n\n"
         "Example: `frontierguard transparency audit MODEL_CARD.md --developer Meta --json`",
    no_args_is_help=True)


@domain_errors
def audit_cmd(
    docs: Annotated[list[Path], typer.Argument(help="Documents: .md, .html, .txt or .pdf.")],
    developer: Annotated[str, typer.Option("--developer", help="Developer the documents belong to.")],
    catalog: Annotated[str, typer.Option(
        "--catalog", help="Catalog name (see `transparency catalogs`) or a catalog YAML file."),
    ] = DEFAULT_CATALOG,
    out: Annotated[Path | None, typer.Option("--out", help="Write an HTML report and the JSON here.")] = None,
    json_out: JsonOption = False,
) -> None:
    """Audit a developer's documents: each indicator disclosed, partial or absent, with evidence.

    Example: `frontierguard transparency audit card.md report.pdf --developer DeepSeek --out reports/`
    """
    with stages() as progress:
        progress.stage(f"auditing {len(docs)} document(s)")
        result, written = service.run_audit(docs, developer, catalog, out)
    data = result.to_json()
    if json_out:
        print_json(data)
    else:
        c = data["counts"]
        typer.echo(f"{developer}: score {data['score']} / {data['max_score']} on {data['catalog']} "
                   f"({c['disclosed']} disclosed, {c['partial']} partial, {c['absent']} absent)")
        for f in data["indicators"]:
            if f["status"] != "absent":
                ev = f["evidence"][0]
                typer.echo(f"  {f['status']:<9} {f['name']} — {Path(ev['file']).name} {ev['location']}")
    if written:
        info(f"report: {written}")


@domain_errors
def compare_cmd(
    results: Annotated[list[Path], typer.Argument(help="JSON files written by `transparency audit --json`.")],
    out: Annotated[Path, typer.Option("--out", help="Folder for compare.html.")],
    json_out: JsonOption = False,
) -> None:
    """Compare audit results side by side: heat map, domain subtotals, grouping by country.

    Example: `frontierguard transparency compare meta.json deepseek.json --out reports/`
    """
    cmp, written = service.run_compare(results, out)
    if json_out:
        print_json({"catalog": cmp.catalog, "developers": cmp.developers, "countries": cmp.countries,
                    "scores": cmp.scores, "domain_subtotals": cmp.domain_subtotals(),
                    "by_country": cmp.by_country()})
    info(f"report: {written}")


@domain_errors
def catalogs_cmd(json_out: JsonOption = False) -> None:
    """List the indicator catalogs shipped, with version, effective date and source.

    Example: `frontierguard transparency catalogs --json`
    """
    rows = service.list_catalogs()
    if json_out:
        print_json(rows)
        return
    for r in rows:
        typer.echo(f"{r['name']:<18} {r['version']:<8} effective {r['effective']}  "
                   f"{r['indicators']:>3} indicators  {r['title']}")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    transparency_app.command("audit")(audit_cmd)
    transparency_app.command("compare")(compare_cmd)
    transparency_app.command("catalogs")(catalogs_cmd)
    app.add_typer(transparency_app, name="transparency")
