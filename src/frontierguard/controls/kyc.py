"""Know-your-customer check for compute (IaaS) customers renting advanced chips.

Checks identity fields against a customer identification programme (``rules/kyc_v1.yaml``),
beneficial owners and headquarters, and whether a rental is training-scale while any party
is linked to Macau or Country Group D:5.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np

from frontierguard.controls.catalog import find_chip
from frontierguard.controls.chips import PRECISIONS
from frontierguard.controls.rules import DISCLAIMER, country, rule_set_for, rules_dir
from frontierguard.core.datafiles import load_json_object, load_yaml
from frontierguard.core.errors import InputError
from frontierguard.core.settings import Setting, register, resolve

TRAINING_FLOP = Setting(
    "controls_iaas_training_flop", float, 1e25,
    "Peak dense 16-bit operations a rental can deliver (GPUs x hours x peak rate) at or above which "
    "it is treated as training-scale (1e25 is the EU AI Act's systemic-risk presumption).", "controls",
    old_names=("controls.iaas_training_flop",))
register([TRAINING_FLOP])


def _peak_16bit_flops(chip_name: str) -> float:
    """Peak dense 16-bit FLOP/s of a catalog chip (BF16/FP16, else TPP / 16)."""
    table = find_chip(chip_name).table
    cols = list(PRECISIONS)
    row = table.throughput[0]
    sixteen = [row[cols.index(c)] for c in ("tflops_bf16", "tflops_fp16") if not np.isnan(row[cols.index(c)])]
    if sixteen:
        return float(max(sixteen)) * 1e12
    bits = np.array(list(PRECISIONS.values()), dtype=float)
    return float(np.nanmax(row * bits) / 16 * 1e12)


def _check(name: str, ok: bool, detail: str, source: str) -> dict[str, Any]:
    return {"check": name, "passed": ok, "detail": detail, "source": source}


def check_customer(data: dict[str, Any], date: dt.date, file: str | None = None,
                   settings: dict[str, Any] | None = None) -> dict[str, Any]:
    """Run the KYC checks on one IaaS customer record; returns each check and an overall flag."""
    limit = float(resolve([TRAINING_FLOP], settings)[TRAINING_FLOP.name])
    spec = load_yaml(rules_dir() / "kyc_v1.yaml")
    source = str(spec["source"])
    groups = rule_set_for(date).groups
    missing = [k for k in spec["required_fields"] if not str(data.get(k) or "").strip()]
    checks = [_check("identity_fields", not missing,
                     "missing: " + ", ".join(missing) if missing else "all identity fields present", source)]
    owners = data.get("beneficial_owners") or []
    if not isinstance(owners, list):
        raise InputError("expected a list", file, field="beneficial_owners")
    bad = [i for i, o in enumerate(owners)
           if not isinstance(o, dict) or not all(o.get(f) for f in spec["beneficial_owner_fields"])]
    checks.append(_check("beneficial_owners", bool(owners) and not bad,
                         "none given" if not owners else f"incomplete owner entries: {bad}" if bad
                         else f"{len(owners)} owner(s) with name and country", source))
    hq = data.get("hq_country")
    checks.append(_check("headquarters", bool(hq), f"headquartered in {hq}" if hq else "not given",
                         "EAR §742.6(a)(6)(iii) (headquarters rule)"))
    links = _d5_links(data, owners, groups.member, file)
    flop = _rental_flop(data, file)
    big = flop >= limit
    checks.append(_check(
        "training_scale_d5", not (big and links),
        f"rental peak {flop:.2e} FLOP ({'training-scale' if big else 'below training scale'}); "
        + (f"D:5/Macau links: {', '.join(links)}" if links else "no D:5/Macau links"),
        "BIS guidance on IaaS and model training, 2025-05-13"))
    return {"customer": data.get("name"), "passed": all(c["passed"] for c in checks),
            "checks": checks, "rental_peak_flop": flop, "disclaimer": DISCLAIMER}


def _d5_links(data: dict[str, Any], owners: list[Any], member: Any, file: str | None) -> list[str]:
    roles = [("country", data.get("country")), ("hq_country", data.get("hq_country")),
             ("parent_country", data.get("parent_country"))]
    roles += [(f"beneficial_owners[{i}].country", o.get("country")) for i, o in enumerate(owners)
              if isinstance(o, dict)]
    out = []
    for role, value in roles:
        if value:
            code = country(str(value), role)
            if member(code, ["D:5", "MO"]):
                out.append(f"{role} {code}")
    return out


def _rental_flop(data: dict[str, Any], file: str | None) -> float:
    rental = data.get("rental")
    if not isinstance(rental, dict):
        raise InputError("expected an object with gpu, gpu_count and hours", file, field="rental")
    count, hours = rental.get("gpu_count"), rental.get("hours")
    for key, value in (("gpu_count", count), ("hours", hours)):
        if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
            raise InputError("must be a non-negative number", file, field=f"rental.{key}")
    assert isinstance(count, int | float) and isinstance(hours, int | float)
    return float(count) * float(hours) * 3600.0 * _peak_16bit_flops(str(rental.get("gpu", "")))


def load_customer(path: str | Path, date: dt.date) -> dict[str, Any]:
    p = Path(path)
    return check_customer(load_json_object(p), date, str(p))
