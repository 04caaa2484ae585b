"""Print the catalog's classification table (Markdown) and cross-check TPP against Epoch AI.

Usage: .venv/bin/python benchmarks/chips_catalog_table.py [--date YYYY-MM-DD]
Reads ../shared/data/hardware/epoch_ml_hardware.csv (Epoch AI, CC BY 4.0) for the cross-check;
set FRONTIERGUARD_SHARED_DATA to read it from elsewhere.
"""

from __future__ import annotations

import argparse
import datetime as dt

import pandas as pd

from _util import SHARED
from frontierguard.controls.catalog import catalog_frame, catalog_table
from frontierguard.controls.chips import classify_table
from frontierguard.controls.rules import rule_set_for

# Catalog name -> Epoch "Hardware name" for rows both describe.
EPOCH_NAMES = {
    "H100 SXM5 80GB": "NVIDIA H100 SXM5 80GB", "H100 PCIe 80GB": "NVIDIA H100 PCIe",
    "H800 SXM5 80GB": "NVIDIA H800 SXM5", "H20 96GB": "NVIDIA HGX H20", "H200 SXM 141GB": "NVIDIA H200 SXM",
    "B200 (HGX B200 1000 W)": "NVIDIA B200", "B200 (GB200 NVL72 1200 W)": "NVIDIA GB200",
    "A100 SXM4 80GB": "NVIDIA A100 SXM4 80 GB", "A100 PCIe 80GB": "NVIDIA A100 PCIe",
    "A800 SXM4 80GB": "NVIDIA A800 SXM", "L40": "NVIDIA L40", "RTX 4090": "NVIDIA GeForce RTX 4090",
    "MI300X": "AMD Instinct MI300X", "MI325X": "AMD Instinct MI325X", "MI355X": "AMD Instinct MI355X",
    "MI250X": "AMD Radeon Instinct MI250X", "Gaudi 2": "Intel Habana Gaudi2",
    "Gaudi 3": "Intel Habana Gaudi3", "Ascend 910B (376 TFLOPS FP16 reports)": "Huawei Ascend 910B",
    "Ascend 910B (320 TFLOPS FP16 reports)": "Huawei Ascend 910 (320 TFLOPS)",
    "Ascend 910C": "Huawei Ascend 910C", "TPU v5p": "Google TPU v5p",
    "TPU v6e (Trillium)": "Google TPU v6e Trillium", "TPU v7 (Ironwood)": "Google TPU v7 Ironwood",
    "Trainium2": "Amazon Trainium2", "Trainium3": "Amazon Trainium3",
}


def _fmt(x: float | None, spec: str) -> str:
    return "-" if x is None else format(x, spec)


def _figure(precision: str | None, row: pd.Series) -> str:
    if precision is None:
        return f"{row['memory_bandwidth_gbs']} GB/s over {row['hbm_package_area_mm2']} mm2"
    unit, kind = precision.split("_")
    return f"{kind.upper()} {row[precision]} {unit.upper()}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--date", default="2026-03-01")
    args = parser.parse_args()
    rules = rule_set_for(dt.date.fromisoformat(args.date))
    results = classify_table(catalog_table(), rules)
    frame = catalog_frame()
    print(f"Classification under rule set {rules.id} ({rules.citation}), date {args.date}\n")
    print("| item | vendor | DC | ECCN | TPP | from (dense) | area mm2 | PD | notes |")
    print("|---|---|---|---|---:|---|---:|---:|---|")
    for r, (_, row) in zip(results, frame.iterrows(), strict=True):
        est = " (est.)" if row["die_area_estimated"] == "true" else ""
        hbm = "HBM density " + _fmt(r.hbm_density, ".2f") if r.hbm_density else ""
        note = "; ".join(r.reasons[1:]) or hbm
        print(f"| {r.name} | {row['vendor']} | {'yes' if r.datacenter else 'no'} | {r.eccn} | "
              f"{_fmt(r.tpp, ',.0f')} | {_figure(r.tpp_precision, row)} | "
              f"{_fmt(r.applicable_die_area_mm2, ',.0f')}{est} | {_fmt(r.pd, '.2f')} | {note} |")
    epoch_path = SHARED / "hardware" / "epoch_ml_hardware.csv"
    epoch = pd.read_csv(epoch_path).set_index("Hardware name")
    col = "Total processing performance (bit-OP/s)"
    print(f"\nCross-check against Epoch AI ({epoch_path.name}, TPP = bit-OP/s / 1e12)\n")
    print("| item | frontierguard TPP | Epoch TPP | difference |")
    print("|---|---:|---:|---:|")
    by_name = {r.name: r for r in results}
    agree = 0
    for ours, theirs in EPOCH_NAMES.items():
        value = epoch[col].get(theirs)
        tpp = by_name[ours].tpp
        if value is None or pd.isna(value) or tpp is None:
            continue
        e = float(value) / 1e12
        diff = (tpp - e) / e * 100
        agree += abs(diff) < 1.0
        print(f"| {ours} | {tpp:,.0f} | {e:,.0f} | {diff:+.1f}% |")
    print(f"\n{agree} of {len(EPOCH_NAMES)} rows within 1% of Epoch's figure")


if __name__ == "__main__":
    main()
