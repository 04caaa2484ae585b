"""Detection on every traffic source: the simulator, the held-out generator, blind traffic.

Generates each source at the seeds given, runs `frontierguard detect` with each policy, and
prints per run: ROC-AUC, recall at benign FPR 1e-2/1e-3/1e-4, flagged recall and FPR, the
smallest campaign coverage and purity, decided campaigns with nobody flagged, and the margin
between benign and attacking community scores (policy_v5's decision.json).

Usage: python benchmarks/detect_sources.py [--sources sim,heldout,blind] [--seeds 7,11]
       [--policies policy_v4,policy_v5] [--accounts N] [--work DIR]
The blind source (benchmarks/blind/) was written from public descriptions of the 2026
campaigns only, by someone who read none of the detector's code, policies or generators.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pyarrow.parquet as pq

from _util import FG, ROOT
from detect_heldout import measured, print_details, print_table
from frontierguard.traffic.evaluate import EvalResult, run_eval

PY = sys.executable


def generate(source: str, seed: int, accounts: int | None, out: Path) -> None:
    """Write one source's events, labels and releases (each generator's own default size
    when ``accounts`` is None; 3000 accounts over 7 days for the simulator)."""
    size = [] if accounts is None else ["--accounts", str(accounts)]
    if source == "sim":
        cmd = [FG, "-q", "simulate", "--out", str(out), "--days", "7", "--seed", str(seed),
               *(size or ["--accounts", "3000"])]
    else:
        script = ROOT / "benchmarks" / source / "generate.py"
        cmd = [PY, str(script), "--out", str(out), "--seed", str(seed), *size]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def empty_campaigns(run: Path) -> int:
    """Decided campaigns in campaigns.json with no flagged member."""
    doc = json.loads((run / "campaigns.json").read_text(encoding="utf-8"))
    campaigns = doc["campaigns"] if isinstance(doc, dict) else doc
    flagged = {line.split(",")[0] for line in (run / "accounts.csv").read_text(
        encoding="utf-8").splitlines()[1:] if ",true," in line}
    return sum(1 for c in campaigns if not set(c["accounts"]) & flagged)


def row(name: str, r: EvalResult, run: Path, wall: float, rss: float, events: int) -> list[str]:
    rec = {x.fpr: x for x in r.recall_at_fpr}

    def f(v: float | None) -> str:
        return "n/a" if v is None else f"{v:.3f}"

    cov = min((c.coverage for c in r.campaigns or []), default=None)
    pur = min((c.purity for c in r.campaigns or [] if c.coverage > 0), default=None)
    m = r.margins
    return [name, f(r.roc_auc), f(rec[1e-2].recall), f(rec[1e-3].recall),
            f(rec[1e-4].recall) + ("" if rec[1e-4].resolved else "*"), f(r.flagged_recall),
            str(r.false_positives), f(cov), f(pur), str(empty_campaigns(run)),
            f(m.margin) if m else "n/a", f"{events / wall:,.0f}", f"{rss:,.0f}"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", default="sim,heldout,blind")
    ap.add_argument("--seeds", default="7")
    ap.add_argument("--policies", default="policy_v4,policy_v5")
    ap.add_argument("--accounts", type=int, default=None)
    ap.add_argument("--work", type=Path, default=None)
    a = ap.parse_args()
    head = ["run", "AUC", "R@1e-2", "R@1e-3", "R@1e-4", "flagR", "FP", "minCov", "minPur",
            "empty", "margin", "events/s", "peakMiB"]
    rows, details = [head], []
    with tempfile.TemporaryDirectory() as tmp:
        work = a.work or Path(tmp)
        for source in a.sources.split(","):
            for seed in (int(s) for s in a.seeds.split(",")):
                data = work / f"{source}{seed}"
                generate(source, seed, a.accounts, data)
                events = pq.ParquetFile(data / "events.parquet").metadata.num_rows
                for policy in a.policies.split(","):
                    out = work / f"{source}{seed}-{policy}"
                    wall, rss, code = measured([
                        FG, "-q", "detect", str(data / "events.parquet"), "--releases",
                        str(data / "releases.csv"), "--out", str(out), "--set",
                        f"detect_policy={policy}"])
                    if code != 0:
                        print(f"{source}{seed} {policy}: exited with {code}")
                        continue
                    res = run_eval(out, data / "labels.csv")
                    name = f"{source}{seed} {policy}"
                    rows.append(row(name, res, out, wall, rss, events))
                    details.append((name, res))
    print_table(rows)
    print("(* benign sample too small to resolve that FPR; empty = decided campaigns with "
          "nobody flagged; margin = lowest attacking minus highest benign community score)")
    print_details(details)

if __name__ == "__main__":
    main()
