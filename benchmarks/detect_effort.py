"""Attacker-effort sweeps: how much effort it takes each campaign kind to escape detection.

Each sweep changes one attacker effort in every campaign of the simulator's default
scenario and leaves the benign populations alone:

- ``cover``: the share of each campaign account's requests that is ordinary traffic
  (``requests.cover_share``: chat, creative writing, everyday coding), 0 to 0.8;
- ``cards``: payment instruments per campaign, times the scenario's own number (more cards,
  fewer accounts per card; a campaign with no shared cards keeps none);
- ``pool``: exit IPs in each campaign's pool, times the scenario's own size (more rotation;
  a campaign with no pool keeps none);
- ``rate``: requests per day per account, times the scenario's own rate (slower);
- ``age``: how long before the window the accounts were created, times the scenario's own
  range (aged accounts bought or grown in advance).

For each level it simulates, runs ``frontierguard detect`` (default policy unless
``--policy``) and prints flagged recall, false positives, recall at benign FPR 1e-4 by
score, and the share of each campaign kind's accounts that are flagged. Level 1 of
``cards``, ``pool`` and ``rate`` is the default scenario itself (the file is written in the
scenario's own key order, which the simulator's draws follow). A campaign kind
*escapes* at the first level where fewer than half its accounts are flagged.

Usage: python benchmarks/detect_effort.py [--sweeps cover,cards,pool,rate,age] [--accounts 2000]
       [--days 5] [--seed 7] [--policy NAME] [--work DIR]
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from _util import FG
from frontierguard.core.datafiles import package_data
from frontierguard.traffic.evaluate import run_eval

LEVELS: dict[str, list[float]] = {
    "cover": [0.0, 0.2, 0.4, 0.6, 0.8],
    "cards": [1.0, 4.0, 16.0],
    "pool": [1.0, 4.0, 16.0],
    "rate": [1.0, 0.5, 0.25],
    "age": [1.0, 4.0, 16.0],
}


def scenario(sweep: str, level: float) -> dict[str, Any]:
    """The default scenario with ``sweep`` set to ``level`` in every campaign."""
    path = package_data("frontierguard.traffic.scenarios", "default.yaml")
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["name"] = f"effort_{sweep}_{level:g}"
    for c in doc["campaigns"]:
        if sweep == "cover":
            c["requests"]["cover_share"] = level
        elif sweep == "cards":
            if "cards" in c["infra"]:
                c["infra"]["cards"] = max(1, round(int(c["infra"]["cards"]) * level))
        elif sweep == "pool":
            if "pool_size" in c["infra"]:
                c["infra"]["pool_size"] = max(1, round(int(c["infra"]["pool_size"]) * level))
        elif sweep == "rate":
            c["timing"]["requests_per_day"] = float(c["timing"]["requests_per_day"]) * level
        elif sweep == "age" and "created_days" in c["infra"]:
            c["infra"]["created_days"] = [round(d * level) for d in c["infra"]["created_days"]]
    return doc


def flagged_by_campaign(run: Path, labels: Path) -> dict[str, float]:
    """Share of each campaign kind's accounts flagged in ``run``."""
    with (run / "accounts.csv").open(encoding="utf-8") as fh:
        flagged = {r["account_id"] for r in csv.DictReader(fh) if r["flagged"] == "true"}
    total: dict[str, int] = defaultdict(int)
    hit: dict[str, int] = defaultdict(int)
    with labels.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["campaign"]:
                total[r["campaign"]] += 1
                hit[r["campaign"]] += r["account_id"] in flagged
    return {c: hit[c] / total[c] for c in sorted(total)}


def one(work: Path, sweep: str, level: float, a: argparse.Namespace) -> dict[str, Any]:
    base = work / f"{sweep}-{level:g}"
    base.mkdir(parents=True, exist_ok=True)
    (base / "scenario.yaml").write_text(yaml.safe_dump(scenario(sweep, level), sort_keys=False),
                                      encoding="utf-8")
    sim, out = base / "sim", base / "det"
    subprocess.run([FG, "-q", "simulate", "--scenario", str(base / "scenario.yaml"), "--out",
                    str(sim), "--accounts", str(a.accounts), "--days", str(a.days), "--seed",
                    str(a.seed)], check=True, stdout=subprocess.DEVNULL)
    cmd = [FG, "-q", "detect", str(sim / "events.parquet"), "--releases",
           str(sim / "releases.csv"), "--out", str(out)]
    if a.policy:
        cmd += ["--set", f"detect_policy={a.policy}"]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    res = run_eval(out, sim / "labels.csv")
    rec = {x.fpr: x for x in res.recall_at_fpr}
    return {"sweep": sweep, "level": level, "flagged": res.flagged_recall,
            "fp": res.false_positives, "benign": res.benign, "r1e4": rec[1e-4].recall,
            "resolved": rec[1e-4].resolved,
            "campaigns": flagged_by_campaign(out, sim / "labels.csv")}


def show(rows: list[dict[str, Any]]) -> None:
    kinds = sorted({k for r in rows for k in r["campaigns"]})
    head = ["sweep", "level", "flagR", "FP", "R@1e-4", *kinds]
    print(" | ".join(head))
    for r in rows:
        r4 = f"{r['r1e4']:.3f}" + ("" if r["resolved"] else "*")
        print(" | ".join([r["sweep"], f"{r['level']:g}", f"{r['flagged']:.3f}", str(r["fp"]),
                          r4, *(f"{r['campaigns'].get(k, 0.0):.2f}" for k in kinds)]))
    print("(* the benign sample cannot resolve FPR 1e-4; per kind: share of its accounts flagged)")
    for sweep in dict.fromkeys(r["sweep"] for r in rows):
        part = [r for r in rows if r["sweep"] == sweep]
        for k in kinds:
            esc = next((r["level"] for r in part if r["campaigns"].get(k, 0.0) < 0.5), None)
            print(f"escape {sweep:6} {k:20} " + ("not within the sweep" if esc is None
                                                  else f"at {esc:g}"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sweeps", default="cover,cards,pool,rate,age")
    ap.add_argument("--accounts", type=int, default=2000)
    ap.add_argument("--days", type=int, default=5)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--policy", default="")
    ap.add_argument("--work", type=Path, default=None)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = a.work or Path(tmp)
        rows = [one(work, s, lv, a) for s in a.sweeps.split(",") for lv in LEVELS[s]]
    show(rows)


if __name__ == "__main__":
    main()
