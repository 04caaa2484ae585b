"""Held-out detection benchmark: frontierguard detect beside the baselines.

Generates held-out traffic (benchmarks/heldout/generate.py, written independently of the
product simulator), runs `frontierguard detect` with its default policy and each baseline,
evaluates every run with frontierguard.traffic.evaluate and prints one table.

Usage: python benchmarks/detect_heldout.py [--accounts 3000] [--benign-accounts N] [--seed 7]
       [--work DIR] [--only detect,volume,prada,mmd]
Prompt corpora: ../shared/data/prompts (override with FRONTIERGUARD_SHARED_DATA).
Targets (issue 3): recall >= 0.95 at benign FPR <= 1e-3 (aim 1e-4); >= 80% of every campaign's
accounts in one reported campaign; detect >= 20k events/s and < 4 GB peak memory.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.parquet as pq

from _util import FG, ROOT
from frontierguard.traffic.evaluate import EvalResult, run_eval

PY = sys.executable
LAUNCH = ("import typer; from frontierguard.cli import evaluate as e; app = typer.Typer(); "
          "e.register(app); app()")


def measured(args: list[str]) -> tuple[float, float, int]:
    """Run a command; (wall seconds, peak RSS MiB of that process, exit code)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, proc.returncode


def _cli_has(command: str) -> bool:
    out = subprocess.run([FG, command, "--help"], capture_output=True)
    return out.returncode == 0


def run_methods(data: Path, work: Path, only: list[str]) -> dict[str, tuple[float, float, int]]:
    events, labels = data / "events.parquet", data / "labels.csv"
    runs: dict[str, tuple[float, float, int]] = {}
    if "detect" in only:
        if _cli_has("detect"):
            runs["frontierguard"] = measured([FG, "-q", "detect", str(events), "--releases",
                                              str(data / "releases.csv"), "--out",
                                              str(work / "frontierguard")])
        else:
            print("note: `frontierguard detect` is not available yet; baselines only")
    prefix = [FG, "-q"] if _cli_has("baselines") else [PY, "-c", LAUNCH]
    for name in ("volume", "prada", "mmd"):
        if name in only:
            extra = ["--benign-labels", str(labels)] if name == "mmd" else []
            runs[name] = measured([*prefix, "baselines", "run", name, str(events), "--out",
                                   str(work / name), *extra])
    return runs


def _row(name: str, r: EvalResult, wall: float, rss: float, events: int) -> list[str]:
    rec = {x.fpr: x for x in r.recall_at_fpr}
    cov = min((c.coverage for c in r.campaigns), default=float("nan")) if r.campaigns else None

    def f(v: float | None) -> str:
        return "n/a" if v is None else f"{v:.3f}"

    return [name, f(r.roc_auc), f(rec[1e-2].recall), f(rec[1e-3].recall),
            f(rec[1e-4].recall) + ("" if rec[1e-4].resolved else "*"), f(r.flagged_recall),
            f"{r.flagged_fpr:.4f}" if r.flagged_fpr is not None else "n/a", f(cov),
            f(r.attack_request_share_flagged), f"{events / wall:,.0f}", f"{rss:,.0f}"]


def report(data: Path, work: Path, runs: dict[str, tuple[float, float, int]]) -> None:
    events = pq.ParquetFile(data / "events.parquet").metadata.num_rows
    head = ["method", "AUC", "R@1e-2", "R@1e-3", "R@1e-4", "flagR", "flagFPR", "minCov",
            "atkReqShare", "events/s", "peakMiB"]
    rows, details = [head], []
    for name, (wall, rss, code) in runs.items():
        if code != 0:
            print(f"{name}: exited with {code}")
            continue
        res = run_eval(work / name, data / "labels.csv", [data / "events.parquet"])
        rows.append(_row(name, res, wall, rss, events))
        details.append((name, res))
    print_table(rows)
    print("(* benign sample too small to resolve that FPR; R@ = recall at benign-account FPR)")
    print_details(details)


def print_table(rows: list[list[str]]) -> None:
    """Right-aligned columns, the first row the header."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)))


def print_details(details: list[tuple[str, EvalResult]]) -> None:
    """Per run: false positives by population, then coverage and purity per campaign."""
    for name, res in details:
        fps = {p: int(v["false_positives"]) for p, v in res.fp_by_population.items()
               if v["false_positives"]}
        print(f"{name}: false positives by population {fps or 'none'}")
        for c in res.campaigns or []:
            print(f"  {c.campaign:24s} accounts {c.accounts:4d}  coverage {c.coverage:.3f}  "
                  f"purity {c.purity:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--accounts", type=int, default=3000)
    ap.add_argument("--benign-accounts", type=int, default=None)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--work", type=Path, default=None, help="keep outputs here")
    ap.add_argument("--only", default="detect,volume,prada,mmd")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = a.work or Path(tmp)
        data = work / "heldout"
        gen = [PY, str(ROOT / "benchmarks" / "heldout" / "generate.py"), "--out", str(data),
               "--accounts", str(a.accounts), "--seed", str(a.seed)]
        if a.benign_accounts is not None:
            gen += ["--benign-accounts", str(a.benign_accounts)]
        subprocess.run(gen, check=True)
        runs = run_methods(data, work, a.only.split(","))
        report(data, work, runs)


if __name__ == "__main__":
    main()
