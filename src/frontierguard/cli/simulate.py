"""CLI: ``frontierguard simulate`` -- labelled API traffic with benign populations and campaigns."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from frontierguard.cli.common import JsonOption, domain_errors, info, print_json
from frontierguard.cli.common import progress as progress_bar
from frontierguard.traffic.simulate import SCENARIOS, simulate


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint="--start") from None


@domain_errors
def simulate_cmd(
    out: Annotated[Path, typer.Option("--out", help="Folder for events.parquet, labels.csv, releases.csv.")],
    accounts: Annotated[
        int | None, typer.Option("--accounts", min=1, help="Number of accounts (default: the scenario's).")
    ] = None,
    days: Annotated[
        int | None, typer.Option("--days", min=1, max=366, help="Days of traffic (default: the scenario's).")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Random seed; same seed, same files.")] = 0,
    scenario: Annotated[
        str,
        typer.Option("--scenario", help=f"Shipped scenario ({', '.join(SCENARIOS.names())}) or a YAML file."),
    ] = "default",
    prompt_corpus: Annotated[
        list[Path] | None,
        typer.Option(
            "--prompt-corpus",
            help="Folder or JSONL(.gz) file of prompts (prompt/instruction/question/turns); repeatable.",
        ),
    ] = None,
    start: Annotated[str | None, typer.Option("--start", help="First day, YYYY-MM-DD (UTC).")] = None,
    json_out: JsonOption = False,
) -> None:
    """Simulate labelled model-API traffic: benign populations plus distillation campaigns.

    Writes events.parquet (sorted by time), labels.csv (account_id, campaign, population)
    and releases.csv (model, released_at), identical for the same seed and options.

    Example: `frontierguard simulate --out sim --accounts 1500 --days 7 --seed 7`
    """
    with progress_bar("simulating") as advance:
        result = simulate(
            out,
            scenario=scenario,
            accounts=accounts,
            days=days,
            seed=seed,
            start=_date(start),
            corpus=prompt_corpus or (),
            progress=advance,
        )
    if json_out:
        print_json(result.as_dict())
        return
    info(
        f"{result.events} requests from {result.accounts} accounts over {result.days} days "
        f"(scenario {result.scenario}, seed {result.seed}) -> {result.out}"
    )
    for g in result.groups:
        kind = "campaign" if g["campaign"] else "benign"
        info(f"  {g['name']:<20} {kind:<9} {g['accounts']:>7} accounts {g['events']:>10} requests")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command("simulate")(simulate_cmd)
