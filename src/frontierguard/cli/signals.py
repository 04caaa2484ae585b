"""CLI: ``frontierguard signals cot`` -- score a file of prompts with the CoT-elicitation rules."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from frontierguard.cli.common import JsonOption, domain_errors, print_json
from frontierguard.traffic.rules import DEFAULT_COT
from frontierguard.traffic.signals.review import score_prompts

signals_app = typer.Typer(
    help="Per-request signals on prompts you supply.\n\n"
         "Example: `frontierguard signals cot prompts.txt --embed`",
    no_args_is_help=True)


@domain_errors
def cot_cmd(
    prompts: Annotated[Path, typer.Argument(help="Prompts: .txt (one a line), .jsonl or .csv.")],
    field: Annotated[str, typer.Option("--field", help="JSONL key or CSV column of the prompt.")] = "prompt",
    rules: Annotated[str, typer.Option(
        "--rules", help="CoT rule set: shipped name (cot_v1, cot_v2, cot_v3) or a YAML file.")] = DEFAULT_COT,
    embed: Annotated[bool, typer.Option(
        "--embed", help="Also score with the embedding signal (needs frontierguard[embed]).")] = False,
    json_out: JsonOption = False,
) -> None:
    """Score each prompt for chain-of-thought elicitation: the score, the rules that fired and,
    with --embed, the nearest elicitation exemplar.

    Example: `frontierguard signals cot prompts.jsonl --field prompt --json`
    """
    rows = score_prompts(prompts, field, rules, embed)
    if json_out:
        print_json(rows)
        return
    for r in rows:
        extra = f"  embed {r['embed_score']:.2f} ({r['embed_group']})" if embed else ""
        head = r["text"].replace("\n", " ")[:70]
        typer.echo(f"{r['line']:>6}  {r['score']:.2f}  {';'.join(r['rules']) or '-'}{extra}  {head}")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    signals_app.command("cot")(cot_cmd)
    app.add_typer(signals_app, name="signals")
