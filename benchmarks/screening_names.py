"""Name-pair F1 on nomenklatura's name benchmark (826 labelled pairs).

Prints precision, recall and F1 at the default threshold for each published algorithm
beside OpenSanctions' logic-v1 (0.751) and logic-v2 (0.796) F1 at 0.7, plus F1 across a
few thresholds. The pair's ``schema`` (Person, Company, ...) is passed as the listed
party's kind, as a list entry would carry it.
Run: .venv/bin/python benchmarks/screening_names.py [--algorithm logic_v2] [--misses]
"""

from __future__ import annotations

import csv
import sys

from frontierguard.controls.screening.algorithms import ALGORITHMS
from frontierguard.controls.screening.api import score_names
from frontierguard.controls.screening.config import DEFAULTS
from screening_common import data_file

KIND = {"Person": "person", "Company": "organization", "Organization": "organization",
        "LegalEntity": "organization", "Vessel": "vessel"}


def _f1(scores: list[float], labels: list[bool], threshold: float) -> tuple[float, float, float]:
    tp = sum(s >= threshold and y for s, y in zip(scores, labels, strict=True))
    fp = sum(s >= threshold and not y for s, y in zip(scores, labels, strict=True))
    fn = sum(s < threshold and y for s, y in zip(scores, labels, strict=True))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    with data_file("nomenklatura_name_bench_cases.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    labels = [r["is_match"].strip().lower() == "true" for r in rows]
    threshold = float(DEFAULTS["screening_threshold"])
    chosen = ([sys.argv[sys.argv.index("--algorithm") + 1]] if "--algorithm" in sys.argv
              else ALGORITHMS.names())
    print(f"pairs: {len(rows)} (matches {sum(labels)}); "
          f"default algorithm {DEFAULTS['screening_algorithm']}")
    print("reference (OpenSanctions, F1 at 0.7): logic-v1 0.751, logic-v2 0.796; target >= 0.85")
    for name in chosen:
        scores = [score_names(r["name1"], r["name2"], name, KIND.get(r["schema"], "unknown")).score
                  for r in rows]
        p, r, f = _f1(scores, labels, threshold)
        print(f"{name} at default threshold {threshold:.2f}: precision {p:.3f} recall {r:.3f} "
              f"F1 {f:.4f}")
        sweep = (0.6, 0.65, 0.7, 0.75, 0.8)
        print("  " + ", ".join(f"F1@{t:.2f} {_f1(scores, labels, t)[2]:.3f}" for t in sweep))
        if "--misses" in sys.argv:
            for row, s, y in zip(rows, scores, labels, strict=True):
                if (s >= threshold) != y:
                    tag = "FN" if y else "FP"
                    print(f"{tag} {s:.2f} {row['name1']!r} | {row['name2']!r} [{row['schema']}]")


if __name__ == "__main__":
    main()
