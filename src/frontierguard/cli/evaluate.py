"""CLI: ``frontierguard eval``, ``frontierguard baselines`` and ``frontierguard fit``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from frontierguard.cli.common import (
    DbOption,
    JsonOption,
    domain_errors,
    info,
    print_json,
    stages,
)
from frontierguard.traffic.baselines import BASELINES, run_baseline
from frontierguard.traffic.evaluate import EvalResult, run_eval
from frontierguard.traffic.fit import fit_policy

baselines_app = typer.Typer(
    help="Baseline detectors scored in the same harness.\n\n"
    "Example: `frontierguard baselines run prada events.parquet --out base/prada`",
    no_args_is_help=True,
)

DetectionsOption = Annotated[Path, typer.Option("--detections", help="A detect output directory.")]
LabelsOption = Annotated[Path, typer.Option("--labels", help="labels.csv: account_id,campaign"
                                                              "[,population].")]


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.4f}"


def _print_result(result: EvalResult) -> None:
    info(f"accounts {result.accounts} (attackers {result.attackers}, benign {result.benign})")
    info(f"ROC-AUC {_fmt(result.roc_auc)}")
    for r in result.recall_at_fpr:
        mark = "" if r.resolved else " (benign sample too small to resolve)"
        info(f"recall @ FPR {r.fpr:g}: {r.recall:.4f}{mark}")
    info(f"flagged: recall {_fmt(result.flagged_recall)}, FPR {_fmt(result.flagged_fpr)} "
         f"({result.false_positives} false positives)")
    for pop, row in result.fp_by_population.items():
        if row["false_positives"]:
            info(f"  {pop}: {row['false_positives']:.0f} of {row['accounts']:.0f} flagged")
    for c in result.campaigns or []:
        info(f"campaign {c.campaign} ({c.accounts} accounts): coverage {c.coverage:.3f}, "
             f"purity {c.purity:.3f}")
    m = result.margins
    if m is not None:
        info(f"community scores: {len(m.benign)} benign (highest {_fmt(m.highest_benign)}), "
             f"{len(m.attacking)} attacking (lowest {_fmt(m.lowest_attacking)}); "
             f"margin {_fmt(m.margin)} around the threshold {m.threshold:g}")
    if result.attack_request_share_flagged is not None:
        info(f"attack requests from flagged accounts: {result.attack_request_share_flagged:.4f}")
    for note in result.notes:
        info(f"note: {note}")


@domain_errors
def eval_cmd(
    detections: DetectionsOption,
    labels: LabelsOption,
    events: Annotated[list[Path] | None, typer.Option(
        "--events", help="Event files, to measure the share of attack requests caught.")] = None,
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Score a detection run against labels: ROC-AUC, recall at FPR, coverage, purity.

    Example: `frontierguard eval --detections out --labels sim/labels.csv --events sim/events.parquet`
    """
    with stages() as progress:
        result = run_eval(detections, labels, events, db, progress)
    if json_out:
        print_json(result.as_dict())
    else:
        _print_result(result)


@domain_errors
def baselines_run(
    name: Annotated[str, typer.Argument(help="Baseline name (see `baselines list`).")],
    events: Annotated[list[Path], typer.Argument(help="Event files (Parquet, CSV, JSONL).")],
    out: Annotated[Path, typer.Option("--out", help="Directory for accounts.csv.")],
    benign_labels: Annotated[Path | None, typer.Option(
        "--benign-labels", help="Labels naming known-good accounts for calibration (mmd).")] = None,
    json_out: JsonOption = False,
) -> None:
    """Run a baseline detector and write accounts.csv in the detection contract.

    Example: `frontierguard baselines run prada sim/events.parquet --out base/prada`
    """
    with stages() as progress:
        progress.stage(f"running baseline {name}")
        path = run_baseline(name, events, out, benign_labels)
    if json_out:
        print_json({"baseline": name, "accounts": str(path)})
    else:
        info(f"wrote {path}")


@domain_errors
def baselines_list(json_out: JsonOption = False) -> None:
    """List the baseline detectors.

    Example: `frontierguard baselines list --json`
    """
    rows = [{"name": b.name, "description": b.description} for b in BASELINES]
    if json_out:
        print_json(rows)
        return
    for row in rows:
        typer.echo(f"{row['name']}: {row['description']}")


@domain_errors
def fit_cmd(
    detections: DetectionsOption,
    labels: LabelsOption,
    out: Annotated[Path, typer.Option("--out", help="Where to write the new policy YAML.")],
    base: Annotated[Path | None, typer.Option(
        "--base", help="Policy to start from (default: the shipped default policy, "
                       "the detect_policy setting's default).")] = None,
    json_out: JsonOption = False,
) -> None:
    """Learn policy weights from your own labelled incidents; writes a new policy version.

    Example: `frontierguard fit --detections out --labels incidents.csv --out policy_mine.yaml`
    """
    summary = fit_policy(detections, labels, out, base)
    if json_out:
        print_json(summary.as_dict())
    else:
        info(f"wrote {out} ({summary.name}): weights "
             + ", ".join(f"{k}={v:.3f}" for k, v in summary.weights.items()))


def register(app: typer.Typer) -> None:
    """Add eval, fit and the baselines group to the root app."""
    app.command("eval")(eval_cmd)
    app.command("fit")(fit_cmd)
    baselines_app.command("run")(baselines_run)
    baselines_app.command("list")(baselines_list)
    app.add_typer(baselines_app, name="baselines")
