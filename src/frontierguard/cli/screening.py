"""CLI: restricted-party lists (``lists``), screening (``parties``) and the audit log (``audit``)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from frontierguard.cli.common import (
    DbOption,
    JsonOption,
    db_path,
    domain_errors,
    info,
    print_json,
    stages,
)
from frontierguard.controls.screening import api, audit, lists
from frontierguard.controls.screening.model import Party
from frontierguard.core.errors import InputError
from frontierguard.core.store import connect

lists_app = typer.Typer(
    help="Restricted-party lists (CSL, OFAC SDN, UN), versioned by date.\n\n"
         "Example: `frontierguard lists update sdn.csv alt.csv add.csv`", no_args_is_help=True)
parties_app = typer.Typer(
    help="Screen parties against the loaded lists.\n\n"
         "Example: `frontierguard parties check \"Huawei Technologies Co., Ltd.\"`",
    no_args_is_help=True)
audit_app = typer.Typer(
    help="The append-only screening audit log.\n\nExample: `frontierguard audit export --out audit.csv`",
    no_args_is_help=True)

ListDateOption = Annotated[str | None, typer.Option(
    "--list-date", help="Use the newest list versions dated on or before YYYY-MM-DD.")]
ThresholdOption = Annotated[float | None, typer.Option(
    "--threshold", help="Match threshold (default: setting screening_threshold).")]


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"expected YYYY-MM-DD, got {value!r}", field=option) from None


def _overrides(threshold: float | None) -> dict[str, Any]:
    return {} if threshold is None else {"screening_threshold": threshold}


def _version_dict(v: lists.ListVersion) -> dict[str, Any]:
    return {"version_id": v.version_id, "source": v.source, "format": v.format,
            "list_date": v.list_date, "loaded_at": v.loaded_at, "entries": v.entries,
            "names": v.names, "files": v.files}


@domain_errors
def lists_update(
    files: Annotated[list[Path], typer.Argument(help="List files; OFAC sdn.csv with alt.csv/add.csv.")],
    db: DbOption = None,
    list_date: Annotated[str | None, typer.Option(
        "--list-date", help="Date of the list (default: from the file, else today).")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Name the list version's source.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Load list files (format detected) into the store as new versions.

    Example: `frontierguard lists update sdn.csv alt.csv add.csv --list-date 2026-02-27`
    """
    with connect(db_path(db)) as con:
        loaded = lists.update(con, files, list_date=_date(list_date, "list-date"), source=source)
    if as_json:
        print_json([_version_dict(v) for v in loaded])
        return
    for v in loaded:
        typer.echo(f"{v.label()}: {v.entries} entries, {v.names} names ({v.format})")


@domain_errors
def lists_show(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Show the list versions loaded in the store.

    Example: `frontierguard lists show --json`
    """
    with connect(db_path(db)) as con:
        found = lists.versions(con)
    if as_json:
        print_json([_version_dict(v) for v in found])
        return
    for v in found:
        typer.echo(f"{v.version_id:>4}  {v.source:<12} {v.list_date}  {v.entries:>6} entries  "
                   f"{v.names:>6} names  {v.format}")


@domain_errors
def parties_screen(
    queries: Annotated[Path, typer.Argument(help="CSV with query_id, name (optional country).")],
    out: Annotated[Path, typer.Option("--out", help="RESULTS.csv to write.")],
    db: DbOption = None, list_date: ListDateOption = None, threshold: ThresholdOption = None,
    as_json: JsonOption = False,
) -> None:
    """Screen every party in QUERIES.csv; write one row per reported candidate.

    Example: `frontierguard parties screen queries.csv --out results.csv --threshold 0.75`
    """
    with connect(db_path(db)) as con, stages() as progress:
        summary = api.screen_file(con, queries, out, list_date=_date(list_date, "list-date"),
                                  overrides=_overrides(threshold), progress=progress)
    if as_json:
        print_json(summary)
        return
    info(f"lists: {summary['lists']}")
    typer.echo(f"{summary['queries']} queries, {summary['matched']} matched at "
               f"{summary['threshold']}, {summary['reported']} candidates reported -> {out}")


@domain_errors
def parties_check(
    name: Annotated[str, typer.Argument(help="Name to screen.")],
    country: Annotated[str | None, typer.Option("--country", help="Country (code or name).")] = None,
    db: DbOption = None, list_date: ListDateOption = None, threshold: ThresholdOption = None,
    as_json: JsonOption = False,
) -> None:
    """Screen one name, with the reasons behind every candidate.

    Example: `frontierguard parties check "Banco Nacional de Cuba" --country CU --json`
    """
    with connect(db_path(db)) as con:
        result, session = api.check(con, Party(name, country), list_date=_date(list_date, "list-date"),
                                    overrides=_overrides(threshold))
    if as_json:
        print_json({"name": name, "country": country, "matched": result.matched,
                    "threshold": session.screener.threshold, "lists": session.version_label,
                    "hits": [h.as_dict() for h in result.hits]})
        return
    typer.echo(f"{name}: {'MATCH' if result.matched else 'no match'} "
               f"(threshold {session.screener.threshold}; lists {session.version_label})")
    for h in result.hits:
        typer.echo(f"  {h.score:.2f} {'*' if h.matched else ' '} {h.entry.name} [{h.entry.list_name} "
                   f"{h.entry.entry_id}]")
        for reason in h.reasons:
            typer.echo(f"        {reason}")


@domain_errors
def audit_export(
    out: Annotated[Path | None, typer.Option("--out", help="CSV file (default: stdout).")] = None,
    db: DbOption = None,
) -> None:
    """Export the screening audit log as CSV (after checking its hash chain).

    Example: `frontierguard audit export --out audit.csv`
    """
    with connect(db_path(db)) as con:
        count = audit.verify(con)
        text = audit.export(con, out)
    if out is None:
        sys.stdout.write(text)
    else:
        info(f"{count} audit rows -> {text}")


@domain_errors
def audit_verify(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Check the audit log's keyed hash chain and its anchor; names the first bad row (rc 2).

    Example: `frontierguard audit verify --db traffic.duckdb`
    """
    with connect(db_path(db)) as con:
        count = audit.verify(con)
    if as_json:
        print_json({"verified_rows": count})
        return
    typer.echo(f"{count} audit rows verified (keyed chain and anchor)")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    lists_app.command("update")(lists_update)
    lists_app.command("show")(lists_show)
    parties_app.command("screen")(parties_screen)
    parties_app.command("check")(parties_check)
    audit_app.command("export")(audit_export)
    audit_app.command("verify")(audit_verify)
    app.add_typer(lists_app, name="lists")
    app.add_typer(parties_app, name="parties")
    app.add_typer(audit_app, name="audit")
