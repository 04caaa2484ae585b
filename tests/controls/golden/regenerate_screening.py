"""Rewrite ``screening_scores.csv`` from what every published algorithm gives today.

Run only when a change to a published algorithm is intended and stated:
``PYTHONPATH=src python tests/controls/golden/regenerate_screening.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from controls.golden import screening_cases
from frontierguard.controls.screening.algorithms import ALGORITHMS


def main() -> None:
    found = [row for name in ALGORITHMS.names() for row in screening_cases.rows(name)]
    screening_cases.write(found)
    print(f"{len(found)} rows, {len(screening_cases.queries())} queries, "
          f"{len(screening_cases.entries())} entries -> {screening_cases.GOLDEN}")


if __name__ == "__main__":
    main()
