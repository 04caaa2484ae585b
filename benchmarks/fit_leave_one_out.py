"""``fit`` evaluated leave-one-campaign-type-out: does a policy fitted on some campaign kinds
still catch a kind it never saw?

Simulates the default scenario once and runs ``frontierguard detect`` with the default
policy. Then, for each campaign kind, it fits a policy (``frontierguard fit``) on labels
with that kind's accounts left out, runs ``detect`` with the fitted policy, and prints the
share of the held-out kind's accounts flagged by the default and by the fitted policy, and
the false positives of each.

Usage: python benchmarks/fit_leave_one_out.py [--accounts 2000] [--days 5] [--seed 7]
       [--work DIR]
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import tempfile
from pathlib import Path

from _util import FG
from detect_effort import flagged_by_campaign
from frontierguard.traffic.evaluate import run_eval


def detect(sim: Path, out: Path, policy: Path | None = None) -> None:
    cmd = [FG, "-q", "detect", str(sim / "events.parquet"), "--releases",
           str(sim / "releases.csv"), "--out", str(out)]
    if policy is not None:
        cmd += ["--set", f"detect_policy={policy}"]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def without(labels: Path, kind: str, out: Path) -> None:
    """``labels`` with the accounts of campaign ``kind`` left out."""
    with labels.open(encoding="utf-8") as src, out.open("w", encoding="utf-8",
                                                         newline="") as dst:
        reader = csv.DictReader(src)
        writer = csv.DictWriter(dst, fieldnames=reader.fieldnames or [])
        writer.writeheader()
        writer.writerows(r for r in reader if r["campaign"] != kind)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--accounts", type=int, default=2000)
    ap.add_argument("--days", type=int, default=5)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--work", type=Path, default=None)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = a.work or Path(tmp)
        sim, base = work / "sim", work / "default"
        subprocess.run([FG, "-q", "simulate", "--out", str(sim), "--accounts", str(a.accounts),
                        "--days", str(a.days), "--seed", str(a.seed)], check=True,
                       stdout=subprocess.DEVNULL)
        labels = sim / "labels.csv"
        detect(sim, base)
        shares = flagged_by_campaign(base, labels)
        fp = run_eval(base, labels).false_positives
        print("held-out kind | flagged, default policy | flagged, fitted without it | "
              "FP default | FP fitted")
        for kind in shares:
            part = work / f"without-{kind}"
            part.mkdir(parents=True, exist_ok=True)
            without(labels, kind, part / "labels.csv")
            policy = part / "fitted.yaml"
            subprocess.run([FG, "-q", "fit", "--detections", str(base), "--labels",
                            str(part / "labels.csv"), "--out", str(policy)], check=True,
                           stdout=subprocess.DEVNULL)
            detect(sim, part / "det", policy)
            fitted = flagged_by_campaign(part / "det", labels)[kind]
            fp_fit = run_eval(part / "det", labels).false_positives
            print(f"{kind} | {shares[kind]:.2f} | {fitted:.2f} | {fp} | {fp_fit}")


if __name__ == "__main__":
    main()
