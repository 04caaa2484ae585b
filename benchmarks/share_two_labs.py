"""Indicator sharing benchmark: does lab A's bundle help lab B, and what does it cost?

Two labs see one simulated run's traffic: lab A all of it, lab B a share of the accounts
(``--b-share``, default 0.5, chosen by hash), so each of B's campaigns is part of one A saw
whole. Lab B detects alone, then again after importing A's bundle. Prints, per campaign and
overall, lab B's flagged recall before (R0) and after (R1), and B's benign false positives
before and after; then the seconds to export A's detections, and the seconds the partner
step (hashing B's values and joining them with the stored indicators) takes beside the
seconds of detect itself.

Usage: python benchmarks/share_two_labs.py [--accounts 1500] [--days 3] [--seed 7]
       [--b-share 0.5] [--work DIR]
Targets (issue 18): R1 >= max(0.9, R0 + 0.3) for the shared campaign, B's benign false
positives do not rise; export of a 1,000-campaign run < 5 s; matching adds < 10% to detect.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from frontierguard.traffic.detect import run_detection
from frontierguard.traffic.sharing import api
from frontierguard.traffic.simulate import simulate


def flagged(folder: Path) -> dict[str, bool]:
    with (folder / "accounts.csv").open(newline="") as fh:
        return {r["account_id"]: r["flagged"] == "true" for r in csv.DictReader(fh)}


def labels(sim: Path) -> dict[str, str]:
    with (sim / "labels.csv").open(newline="") as fh:
        return {r["account_id"]: r["campaign"] for r in csv.DictReader(fh)}


def lab_b_events(sim: Path, out: Path, share: float) -> set[str]:
    events = pq.read_table(sim / "events.parquet")
    ids = sorted(set(events.column("account_id").to_pylist()))
    cut = int(share * 2**32)
    mine = [a for a in ids if int(hashlib.sha256(a.encode()).hexdigest()[:8], 16) < cut]
    pq.write_table(events.filter(pc.is_in(events.column("account_id"),
                                          value_set=pa.array(mine))), out)
    return set(mine)


def recall_table(truth: dict[str, str], accounts: set[str], before: dict[str, bool],
                 after: dict[str, bool]) -> None:
    by_campaign: dict[str, list[str]] = defaultdict(list)
    for a in accounts:
        by_campaign[truth.get(a, "")].append(a)
    print(f"{'campaign':<20} {'accounts':>8} {'R0':>6} {'R1':>6}")
    for name in sorted(k for k in by_campaign if k):
        members = by_campaign[name]
        r0 = sum(before.get(a, False) for a in members) / len(members)
        r1 = sum(after.get(a, False) for a in members) / len(members)
        print(f"{name:<20} {len(members):>8} {r0:>6.3f} {r1:>6.3f}")
    benign = by_campaign[""]
    fp0, fp1 = (sum(d.get(a, False) for a in benign) for d in (before, after))
    print(f"benign accounts {len(benign)}: false positives {fp0} before, {fp1} after")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--accounts", type=int, default=1500)
    ap.add_argument("--days", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--b-share", type=float, default=0.5)
    ap.add_argument("--work", type=Path, default=None)
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="fg-share-"))
    simulate(work / "sim", accounts=args.accounts, days=args.days, seed=args.seed)
    key = work / "group.key"
    key.write_text("benchmark-group-key-" + "0" * 44)
    run_detection([work / "sim" / "events.parquet"], out_dir=work / "a")
    start = time.perf_counter()
    res = api.export_bundle(work / "a", work / "a.json", key, "Lab A")
    export_s = time.perf_counter() - start
    api.import_bundles([work / "a.json"], work / "b.duckdb", key)
    mine = lab_b_events(work / "sim", work / "b.parquet", args.b_share)
    start = time.perf_counter()
    run_detection([work / "b.parquet"], out_dir=work / "b_alone")
    alone_s = time.perf_counter() - start
    start = time.perf_counter()
    run_detection([work / "b.parquet"], out_dir=work / "b_shared", partners_db=work / "b.duckdb",
                  key_file=key)
    shared_s = time.perf_counter() - start
    recall_table(labels(work / "sim"), mine, flagged(work / "b_alone"),
                 flagged(work / "b_shared"))
    print(f"export: {res.campaigns} campaigns, {res.indicators} indicators in {export_s:.2f} s")
    print(f"lab B detect: {alone_s:.1f} s alone, {shared_s:.1f} s with partner matching "
          f"({(shared_s - alone_s) / alone_s:+.1%})")
    print(f"work folder: {work}")


if __name__ == "__main__":
    main()
