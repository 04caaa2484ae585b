"""CLI: ``frontierguard ingest`` -- load API traffic logs into the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from frontierguard.cli.common import DbOption, JsonOption, db_path, domain_errors, info, print_json
from frontierguard.cli.common import progress as progress_bar
from frontierguard.core.store import connect
from frontierguard.traffic.ingest import OnError, load_events


@domain_errors
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="JSONL(.gz), Parquet, CSV or OTLP JSON files.")],
    db: DbOption = None,
    on_error: Annotated[
        str, typer.Option("--on-error", help="fail: stop at the first bad row; skip: count and skip.")
    ] = "fail",
    json_out: JsonOption = False,
) -> None:
    """Load API traffic logs into the DuckDB store (deduplicated, all or nothing).

    Example: `frontierguard ingest logs/2026-11-*.jsonl.gz --db traffic.duckdb --on-error skip`
    """
    if on_error not in ("fail", "skip"):
        raise typer.BadParameter("must be 'fail' or 'skip'", param_hint="--on-error")
    mode: OnError = "fail" if on_error == "fail" else "skip"
    con = connect(db_path(db))
    try:
        with progress_bar("ingesting") as advance:
            report = load_events(con, paths, mode, progress=advance)
    finally:
        con.close()
    if json_out:
        print_json(report.as_dict())
        return
    info(f"read {report.rows_read} rows: inserted {report.inserted}, "
         f"duplicates {report.duplicates}, skipped {report.skipped}")
    for err in report.errors:
        info(f"  skipped: {err}")


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
