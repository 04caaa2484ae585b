"""Screening against real lists: recall, false-hit rate, throughput, latency and index build.

Loads OFAC SDN (sdn + alt) and the UN consolidated list, builds the index, then prints:
recall of yente's UN positives (as listed and re-ordered) against the UN list, the share of
yente's 50,000 negatives producing any hit at the default threshold against SDN + UN,
queries/s and p50/p99 latency per query (single-threaded, on the negatives), and build time.
Run: .venv/bin/python benchmarks/screening_match.py [--negatives N]
"""

from __future__ import annotations

import csv
import sys
import time

import numpy as np

from frontierguard.controls.screening.config import current
from frontierguard.controls.screening.engine import Screener
from frontierguard.controls.screening.loaders import load_files
from frontierguard.controls.screening.model import Party
from screening_common import data_file


def _names(name: str) -> list[str]:
    with data_file(name).open(newline="", encoding="utf-8") as fh:
        return [r["full_name"] for r in csv.DictReader(fh) if r["full_name"].strip()]


def _build(entries: list, settings: dict) -> Screener:  # type: ignore[type-arg]
    return Screener.build(entries, threshold=settings["screening.threshold"],
                          cutoff=settings["screening.report_cutoff"],
                          candidates=settings["screening.candidates"])


def main() -> None:
    limit = int(sys.argv[sys.argv.index("--negatives") + 1]) if "--negatives" in sys.argv else 50_000
    settings = current()
    sdn, un = load_files([data_file("ofac_sdn.csv"), data_file("ofac_sdn_alt.csv"),
                          data_file("un_consolidated.xml")])
    both = _build(sdn.entries + un.entries, settings)
    un_only = _build(un.entries, settings)
    print(f"threshold {settings['screening.threshold']}, candidates {settings['screening.candidates']}")
    print(f"index build SDN+UN: {len(both.entries)} entries, {len(both.index.names)} names, "
          f"{len(both.index.postings)} keys in {both.build_seconds:.2f} s")
    for name in ("yente_positives_un_treated.csv", "yente_positives_un_untreated.csv"):
        names = _names(name)
        found = sum(un_only.screen(Party(n)).matched for n in names)
        print(f"recall {name}: {found}/{len(names)} = {found / len(names):.4f} (target >= 0.98)")
    negatives = _names("yente_negatives_global.csv")[:limit]
    latencies = np.empty(len(negatives))
    hits = 0
    start, cpu = time.perf_counter(), time.process_time()
    for i, n in enumerate(negatives):
        t0 = time.perf_counter()
        hits += both.screen(Party(n)).matched
        latencies[i] = time.perf_counter() - t0
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"negatives with any hit: {hits}/{len(negatives)} = {hits / len(negatives):.4%} (target <= 0.5%)")
    print(f"throughput SDN+UN: {len(negatives) / wall:.0f} queries/s single-threaded (target >= 2000); "
          f"latency p50 {np.percentile(latencies, 50) * 1e3:.2f} ms, "
          f"p99 {np.percentile(latencies, 99) * 1e3:.2f} ms (target < 10 ms); "
          f"{len(negatives) / cpu:.0f} queries per CPU-second (machine load shows as the gap)")


if __name__ == "__main__":
    main()
