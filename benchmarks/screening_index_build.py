"""Index build time at the size of the full Consolidated Screening List (~30k entries).

The full CSL is not in the shared data, so this builds a list of that size from real names:
every entry of OFAC SDN (sdn + alt) and the UN consolidated list,
the CSL sample, then names from yente's negatives as single-name entries until the list holds
``--entries`` entries (default 30,000). Prints entries, names, wall and CPU seconds of
``Screener.build`` for the default algorithm (or ``--algorithm A``) against the < 30 s target,
and the same at half the size, so the growth with list size shows.
Run: .venv/bin/python benchmarks/screening_index_build.py [--entries N] [--algorithm A]
"""

from __future__ import annotations

import csv
import sys
import time

from frontierguard.controls.screening.api import build_screener
from frontierguard.controls.screening.config import current
from frontierguard.controls.screening.loaders import load_files
from frontierguard.controls.screening.model import ListEntry
from screening_common import data_file


def _entries(target: int) -> list[ListEntry]:
    lists = load_files([data_file("ofac_sdn.csv"), data_file("ofac_sdn_alt.csv"),
                        data_file("un_consolidated.xml"),
                        data_file("watchman_csl_2019_sample.csv")])
    entries = [e for lst in lists for e in lst.entries]
    with data_file("yente_negatives_global.csv").open(newline="", encoding="utf-8") as fh:
        fill = [r["full_name"] for r in csv.DictReader(fh) if r["full_name"].strip()]
    extra = [ListEntry(f"fill-{i}", "fill", n) for i, n in enumerate(fill[:max(0, target - len(entries))])]
    return (entries + extra)[:target]


def _build(entries: list[ListEntry], algorithm: str) -> None:
    cpu = time.process_time()
    screener = build_screener(entries, current({"screening_algorithm": algorithm}))
    print(f"{algorithm}: {len(screener.entries):,} entries, {len(screener.names):,} names: "
          f"index build {screener.build_seconds:.2f} s wall, {time.process_time() - cpu:.2f} s CPU "
          "(target < 30 s at ~30k entries)")


def main() -> None:
    target = int(sys.argv[sys.argv.index("--entries") + 1]) if "--entries" in sys.argv else 30_000
    algorithm = (sys.argv[sys.argv.index("--algorithm") + 1] if "--algorithm" in sys.argv
                 else str(current()["screening_algorithm"]))
    entries = _entries(target)
    for size in (len(entries) // 2, len(entries)):
        _build(entries[:size], algorithm)


if __name__ == "__main__":
    main()
