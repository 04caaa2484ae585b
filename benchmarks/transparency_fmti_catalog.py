"""Generate the skeleton of the FMTI 2025 catalog from Stanford CRFM's indicator list.

One-off: reads ``../shared/data/transparency/fmti/Dec2025_indicators.csv`` (CC BY 4.0)
and prints YAML with each indicator's id, name, domain, subdomain, definition and notes.
The detection rules in ``src/frontierguard/transparency/catalogs/fmti-2025.yaml`` were
written by hand on top of this skeleton; this script never overwrites that file.

Usage: .venv/bin/python benchmarks/transparency_fmti_catalog.py > /tmp/fmti-skeleton.yaml
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FRONTIERGUARD_SHARED_DATA", ROOT.parent / "shared" / "data"))
CSV = SHARED / "transparency" / "fmti" / "Dec2025_indicators.csv"


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def skeleton(path: Path = CSV) -> dict[str, object]:
    from frontierguard.core.datafiles import read_csv_rows

    indicators = []
    for _line, row in read_csv_rows(path, ["Domain", "Subdomain", "Indicator", "Definition", "Notes"]):
        indicators.append({
            "id": slug(row["Indicator"]), "name": row["Indicator"], "domain": row["Domain"],
            "subdomain": row["Subdomain"], "definition": " ".join(row["Definition"].split()),
            "disclosure": " ".join(row["Notes"].split()),
        })
    return {
        "name": "fmti-2025",
        "title": "Foundation Model Transparency Index 2025 (December 2025) indicators",
        "version": "2025-12",
        "effective": "2025-12-01",
        "source": "stanford-crfm/fmti, Dec2025_indicators.csv",
        "citation": "Stanford CRFM, The Foundation Model Transparency Index 2025",
        "licence": "CC BY 4.0",
        "domains": ["Upstream", "Model", "Downstream"],
        "indicators": indicators,
    }


if __name__ == "__main__":
    yaml.safe_dump(skeleton(), sys.stdout, sort_keys=False, allow_unicode=True, width=100)
