"""Screening against real lists: recall, false-hit rate, throughput, latency and index build.

For each algorithm (default: every published one) loads OFAC SDN (sdn + alt) and the UN
consolidated list, builds the index, then prints: recall of yente's UN positives (as listed
and re-ordered) against the UN list, the share of yente's 50,000 negatives producing any
hit at the default threshold against SDN + UN, and single-threaded throughput and latency
on those negatives, both wall-clock and CPU (``time.process_time``): the machine is shared,
so queries per CPU-second is the figure that does not depend on other load; then the same
negatives as one batch (``screen_many``, spread over ``screening_workers`` processes), wall. Every
algorithm starts with cold caches (normalisation, token similarity), so one measured after
another over the same names is not flattered by the first one's work.
Run: .venv/bin/python benchmarks/screening_match.py [--algorithm logic_v2] [--negatives N]
"""

from __future__ import annotations

import csv
import os
import pkgutil
import sys
import time
from importlib import import_module

import numpy as np

from frontierguard.controls.screening.algorithms import ALGORITHMS
from frontierguard.controls.screening.api import build_screener
from frontierguard.controls.screening.config import current
from frontierguard.controls.screening.engine import Screener
from frontierguard.controls.screening.loaders import load_files
from frontierguard.controls.screening.model import ListEntry, Party
from screening_common import data_file


def _names(name: str) -> list[str]:
    with data_file(name).open(newline="", encoding="utf-8") as fh:
        return [r["full_name"] for r in csv.DictReader(fh) if r["full_name"].strip()]


def _build(entries: list[ListEntry], algorithm: str) -> Screener:
    return build_screener(entries, current({"screening_algorithm": algorithm}))


def _cold_caches() -> None:
    """Empty every function cache of the screening modules (they fill again as queries run)."""
    package = import_module("frontierguard.controls.screening")
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        for value in vars(import_module(info.name)).values():
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()


def _throughput(screener: Screener, negatives: list[str]) -> None:
    wall_lat, cpu_lat = np.empty(len(negatives)), np.empty(len(negatives))
    hits = 0
    start, cpu = time.perf_counter(), time.process_time()
    for i, n in enumerate(negatives):
        t0, c0 = time.perf_counter(), time.process_time()
        hits += screener.screen(Party(n)).matched
        wall_lat[i], cpu_lat[i] = time.perf_counter() - t0, time.process_time() - c0
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"  negatives with any hit: {hits}/{len(negatives)} = {hits / len(negatives):.3%} (target <= 0.5%)")
    print(f"  throughput SDN+UN single-threaded: {len(negatives) / wall:.0f} queries/s wall, "
          f"{len(negatives) / cpu:.0f} queries per CPU-second (target >= 2000); CPU {cpu / wall:.0%} of wall")
    print(f"  latency wall p50 {np.percentile(wall_lat, 50) * 1e3:.2f} ms, p99 "
          f"{np.percentile(wall_lat, 99) * 1e3:.2f} ms; CPU p50 {np.percentile(cpu_lat, 50) * 1e3:.2f} ms, "
          f"p99 {np.percentile(cpu_lat, 99) * 1e3:.2f} ms (target p99 < 10 ms)")


def _batch(screener: Screener, negatives: list[str]) -> None:
    """``screen_many`` with ``screening_workers`` (default: one process per core), wall clock:
    what ``parties screen`` on a file of these names spends screening."""
    workers = int(str(current()["screening_workers"]))
    parties = [Party(n) for n in negatives]
    start = time.perf_counter()
    hits = sum(r.matched for r in screener.screen_many(parties, workers))
    wall = time.perf_counter() - start
    print(f"  batch (screen_many, screening_workers={workers}, {os.cpu_count()} cores): "
          f"{len(parties) / wall:.0f} queries/s wall (target >= 2000), {hits} with a hit")


def main() -> None:
    limit = int(sys.argv[sys.argv.index("--negatives") + 1]) if "--negatives" in sys.argv else 50_000
    chosen = ([sys.argv[sys.argv.index("--algorithm") + 1]] if "--algorithm" in sys.argv
              else ALGORITHMS.names())
    settings = current()
    sdn, un = load_files([data_file("ofac_sdn.csv"), data_file("ofac_sdn_alt.csv"),
                          data_file("un_consolidated.xml")])
    negatives = _names("yente_negatives_global.csv")[:limit]
    print(f"threshold {settings['screening_threshold']}, cutoff {settings['screening_report_cutoff']}, "
          f"candidates {settings['screening_candidates']}")
    for algorithm in chosen:
        _cold_caches()
        cpu = time.process_time()
        both = _build(sdn.entries + un.entries, algorithm)
        print(f"{algorithm}: index build SDN+UN {len(both.entries)} entries, {len(both.names)} names "
              f"in {both.build_seconds:.2f} s wall, {time.process_time() - cpu:.2f} s CPU")
        un_only = _build(un.entries, algorithm)
        for name in ("yente_positives_un_treated.csv", "yente_positives_un_untreated.csv"):
            names = _names(name)
            found = sum(un_only.screen(Party(n)).matched for n in names)
            print(f"  recall {name}: {found}/{len(names)} = {found / len(names):.4f} (target >= 0.98)")
        _throughput(both, negatives)
        _cold_caches()  # the batch starts as cold as the loop above did
        _batch(both, negatives)


if __name__ == "__main__":
    main()
