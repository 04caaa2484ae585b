"""CLI: ``frontierguard detect`` -- find distillation campaigns in API traffic."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

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
from frontierguard.core.errors import ConfigError
from frontierguard.traffic.detect import run_detection
from frontierguard.traffic.spark import engine as _spark_settings  # noqa: F401  (lists spark_* settings)


def _overrides(values: list[str]) -> dict[str, str]:
    out = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise ConfigError(f"--set expects NAME=VALUE, got {item!r}")
        out[name.strip()] = value.strip()
    return out


@domain_errors
def detect(
    events: Annotated[list[Path] | None, typer.Argument(
        help="Parquet/JSONL/CSV/OTLP event files; omit to use the events in --db.")] = None,
    out: Annotated[Path, typer.Option("--out", help="Directory for accounts.csv, "
                                      "campaigns.json and report.html.")] = Path("detections"),
    releases: Annotated[Path | None, typer.Option(
        "--releases", help="CSV of model releases (model,released_at).")] = None,
    db: DbOption = None,
    engine: Annotated[str, typer.Option("--engine", help="duckdb (default) or spark.")] = "duckdb",
    spark_master: Annotated[str | None, typer.Option(
        "--spark-master", help="Spark master URL for --engine spark (default local[*]).")] = None,
    set_: Annotated[list[str] | None, typer.Option(
        "--set", help="Override a detection, signal or engine (ingest_*, spark_*) setting, "
        "NAME=VALUE (see `frontierguard settings`); repeatable.",
    )] = None,
    partners: Annotated[Path | None, typer.Option(
        "--partners", help="Store holding partner indicators from `share import` (default: "
        "the --db store, when it holds any).")] = None,
    key_file: Annotated[Path | None, typer.Option(
        "--key-file", help="Sharing group key, to match partner indicators (default: "
        "$FRONTIERGUARD_SHARE_KEY_FILE).")] = None,
    json_out: JsonOption = False,
) -> None:
    """Detect distillation campaigns: score accounts, link them, report campaigns with evidence.

    Example: `frontierguard detect sim/events.parquet --releases sim/releases.csv --out out`
    """
    store = db if events else db_path(db)
    with stages() as progress:
        result = run_detection(events or None, db=store, releases=releases, out_dir=out,
                               engine=engine, overrides=_overrides(set_ or []),
                               spark_master=spark_master, progress=progress,
                               partners_db=partners, key_file=key_file)
    if json_out:
        print_json(result.as_dict())
        return
    info(f"{result.events} events, {result.accounts} accounts: {result.flagged} flagged, "
         f"{result.campaigns} campaigns ({result.seconds:.1f} s, {result.policy})")
    info(f"wrote {out / 'accounts.csv'}, {out / 'campaigns.json'}, {out / 'report.html'}")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command("detect")(detect)
