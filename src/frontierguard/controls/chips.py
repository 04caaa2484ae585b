"""AI-chip classification under ECCN 3A090 / 4A090: TPP, performance density, HBM density.

Total Processing Performance is ``TPP = 2 x MacTOPS x bit length = TOPS x bit length``, from
dense throughput, the largest value over all precisions, summed over the dies of the package.
Performance density is ``PD = TPP / applicable die area``. Work is done on numpy arrays so a
CSV of many items is classified in one pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from frontierguard.controls.rules import DISCLAIMER, RuleSet, Thresholds
from frontierguard.core.errors import InputError
from frontierguard.core.settings import Setting, register, resolve

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

# Column name -> bit length of the operation. TF32 is counted at its 32-bit storage width.
PRECISIONS: dict[str, int] = {
    "tops_int4": 4, "tops_int8": 8, "tflops_fp4": 4, "tflops_fp8": 8, "tflops_fp16": 16,
    "tflops_bf16": 16, "tflops_tf32": 32, "tflops_fp32": 32, "tflops_fp64": 64,
}
ITEM_TYPES = ("ic", "computer", "hbm")

INCLUDE_IO_DIES = Setting(
    "controls_pd_include_io_dies", bool, True,
    "Count I/O and other non-compute logic dies on non-planar nodes in the applicable die area "
    "(the rule's reading: all logic dies on non-planar nodes, HBM excluded).", "controls",
    old_names=("controls.pd_include_io_dies",))
SPARSITY_FACTOR = Setting(
    "controls_sparsity_factor", float, 2.0,
    "Divide throughput marked as sparse by this factor to get dense throughput "
    "(2:4 structured sparsity doubles the quoted rate).", "controls", old_names=("controls.sparsity_factor",))
register([INCLUDE_IO_DIES, SPARSITY_FACTOR])


@dataclass
class ChipTable:
    """Datasheet figures for n items, one array per field (NaN where unknown)."""

    names: list[str]
    datacenter: BoolArray
    throughput: FloatArray  # shape (n, len(PRECISIONS)), TOPS / TFLOPS, NaN if unknown
    die_area: FloatArray  # area of one compute die, mm2
    dies: FloatArray  # number of compute dies
    io_die_area: FloatArray  # total area of other logic dies on non-planar nodes, mm2 (NaN = 0)
    per_die: BoolArray  # throughput quoted per die rather than per package
    sparse: BoolArray  # throughput quoted with sparsity
    memory_bandwidth: FloatArray  # GB/s
    hbm_package_area: FloatArray  # mm2, for HBM stacks
    item_type: list[str]
    also_described_by: list[str]
    area_estimated: BoolArray
    sources: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    file: str | None = None

    def __len__(self) -> int:
        return len(self.names)


@dataclass(frozen=True)
class ChipResult:
    """The classification of one item and what it depends on."""

    name: str
    eccn: str
    tpp: float | None
    pd: float | None
    tpp_precision: str | None
    applicable_die_area_mm2: float | None
    memory_bandwidth_gbs: float | None
    hbm_density: float | None
    datacenter: bool
    reasons: tuple[str, ...]
    assumptions: tuple[str, ...]
    rule_set: str
    citation: str
    source: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "eccn": self.eccn,
            "tpp": None if self.tpp is None else round(self.tpp, 1),
            "pd": None if self.pd is None else round(self.pd, 3),
            "tpp_precision": self.tpp_precision,
            "applicable_die_area_mm2": self.applicable_die_area_mm2,
            "memory_bandwidth_gbs": self.memory_bandwidth_gbs,
            "hbm_density": None if self.hbm_density is None else round(self.hbm_density, 3),
            "datacenter": self.datacenter, "reasons": list(self.reasons),
            "assumptions": list(self.assumptions), "rule_set": self.rule_set,
            "citation": self.citation, "source": self.source, "disclaimer": DISCLAIMER,
        }


@dataclass
class Computed:
    tpp: FloatArray
    precision: npt.NDArray[np.int64]
    area: FloatArray
    pd: FloatArray
    sparsity_factor: float = 2.0


def compute(table: ChipTable, include_io_dies: bool = True, sparsity_factor: float = 2.0) -> Computed:
    """TPP (max over precisions of TOPS x bits, dense, summed over dies) and PD, vectorised."""
    bits = np.array(list(PRECISIONS.values()), dtype=np.float64)
    per_precision = table.throughput * bits
    per_precision = np.where(table.sparse[:, None], per_precision / sparsity_factor, per_precision)
    per_precision = np.where(table.per_die[:, None], per_precision * table.dies[:, None], per_precision)
    known = ~np.isnan(per_precision)
    filled = np.where(known, per_precision, -1.0)
    precision = filled.argmax(axis=1)
    tpp = np.where(known.any(axis=1), np.round(filled.max(axis=1), 6), np.nan)
    io = np.nan_to_num(table.io_die_area) if include_io_dies else np.zeros(len(table))
    area = table.die_area * table.dies + io
    with np.errstate(invalid="ignore", divide="ignore"):
        pd = np.where(area > 0, tpp / area, np.nan)
    return Computed(tpp, precision, area, pd, sparsity_factor)


def paragraph_masks(t: Thresholds, c: Computed, table: ChipTable) -> dict[str, BoolArray]:
    tpp, pd = c.tpp, c.pd
    with np.errstate(invalid="ignore"):
        a1 = tpp >= t.tpp_a
        a2 = (tpp >= t.tpp_a_pd) & (pd >= t.pd_a)
        b1 = (tpp >= t.tpp_b1) & (tpp < t.tpp_a) & (pd >= t.pd_b1) & (pd < t.pd_a)
        b2 = (tpp >= t.tpp_b2) & (pd >= t.pd_b2) & (pd < t.pd_a)
    note2 = ~table.datacenter & ~(tpp >= t.non_datacenter_tpp)
    a = (a1 | a2) & ~note2
    b = (b1 | b2) & ~a & ~note2
    return {"a1": a1, "a2": a2, "b1": b1, "b2": b2, "a": a, "b": b, "note2": note2}


def _check_pd_needed(t: Thresholds, c: Computed, table: ChipTable) -> None:
    """PD matters when TPP is in [lowest PD threshold, tpp_a) for a datacentre IC."""
    is_chip = np.array([k != "hbm" for k in table.item_type], dtype=bool)
    needs = is_chip & table.datacenter & (c.tpp >= min(t.tpp_b2, t.tpp_a_pd)) & (c.tpp < t.tpp_a)
    missing = needs & np.isnan(c.pd)
    if missing.any():
        i = int(np.flatnonzero(missing)[0])
        raise InputError(
            f"{table.names[i]!r}: TPP {c.tpp[i]:.0f} is between {min(t.tpp_b2, t.tpp_a_pd):.0f} and "
            f"{t.tpp_a:.0f}, so performance density is needed but the die area is missing",
            table.file, table.lines[i] if table.lines else None, "die_area_mm2")
    no_tpp = is_chip & np.isnan(c.tpp)
    if no_tpp.any():
        i = int(np.flatnonzero(no_tpp)[0])
        raise InputError(f"{table.names[i]!r}: no throughput figure given (need at least one of "
                         f"{', '.join(PRECISIONS)})", table.file,
                         table.lines[i] if table.lines else None, "tops_int8")


def classify_table(table: ChipTable, rules: RuleSet, settings: dict[str, Any] | None = None
                   ) -> list[ChipResult]:
    """Classify every item of ``table`` under ``rules``'s 3A090 parameters (``settings``:
    overrides of the two chip settings, after their environment variables)."""
    opts = resolve([INCLUDE_IO_DIES, SPARSITY_FACTOR], settings)
    include_io = bool(opts[INCLUDE_IO_DIES.name])
    factor = float(opts[SPARSITY_FACTOR.name])
    t = rules.classification
    c = compute(table, include_io, factor)
    _check_pd_needed(t, c, table)
    m = paragraph_masks(t, c, table)
    return [_result(i, table, c, m, rules, include_io) for i in range(len(table))]


def _eccn(i: int, table: ChipTable, m: dict[str, BoolArray], t: Thresholds) -> str:
    para = "a" if m["a"][i] else "b" if m["b"][i] else ""
    if not para:
        return "not 3A090"
    other = table.also_described_by[i]
    if other:
        if other not in t.z_eccns:
            raise InputError(f"{other!r} has no .z paragraph (known: {', '.join(t.z_eccns)})",
                             table.file, table.lines[i] if table.lines else None,
                             "also_described_by")
        return f"{other}.z"
    return f"4A090.{para}" if table.item_type[i] == "computer" else f"3A090.{para}"


def _reasons(i: int, c: Computed, m: dict[str, BoolArray], t: Thresholds) -> list[str]:
    tpp, pd = c.tpp[i], c.pd[i]
    out = []
    if m["note2"][i]:
        out.append(f"not designed or marketed for data centres and TPP {tpp:.0f} < "
                   f"{t.non_datacenter_tpp:.0f}: outside 3A090 (Note 2 to 3A090)")
    elif m["a1"][i]:
        out.append(f"TPP {tpp:.0f} >= {t.tpp_a:.0f} (3A090.a.1)")
    elif m["a2"][i]:
        out.append(f"TPP {tpp:.0f} >= {t.tpp_a_pd:.0f} and PD {pd:.2f} >= {t.pd_a} (3A090.a.2)")
    elif m["b1"][i]:
        out.append(f"{t.tpp_b1:.0f} <= TPP {tpp:.0f} < {t.tpp_a:.0f} and {t.pd_b1} <= PD {pd:.2f} "
                   f"< {t.pd_a} (3A090.b.1)")
    elif m["b2"][i]:
        out.append(f"TPP {tpp:.0f} >= {t.tpp_b2:.0f} and {t.pd_b2} <= PD {pd:.2f} < {t.pd_a} (3A090.b.2)")
    else:
        pd_txt = "n/a" if np.isnan(pd) else f"{pd:.2f}"
        out.append(f"TPP {tpp:.0f} and PD {pd_txt} are below every 3A090.a/.b threshold; classify "
                   "by its other characteristics (e.g. 3A991) or EAR99")
    return out


def _assumptions(i: int, table: ChipTable, c: Computed, include_io: bool, tpp_a: float) -> list[str]:
    name = list(PRECISIONS)[int(c.precision[i])]
    out = [f"TPP from {name} (largest over the precisions given: TOPS x {PRECISIONS[name]} bits)"]
    if table.sparse[i]:
        how = "halved" if c.sparsity_factor == 2 else f"divided by {c.sparsity_factor:g}"
        out.append(f"throughput was quoted with sparsity and {how} to the dense rate")
    else:
        out.append("throughput figures are dense (without sparsity)")
    if table.per_die[i]:
        out.append(f"throughput quoted per die, summed over {int(table.dies[i])} dies")
    if table.dies[i] > 1 or not np.isnan(table.io_die_area[i]):
        io = "included" if include_io else "excluded (setting controls_pd_include_io_dies)"
        out.append(f"applicable area = {int(table.dies[i])} compute die(s); I/O dies {io}; HBM excluded")
    if table.area_estimated[i]:
        depends = table.datacenter[i] and c.tpp[i] < tpp_a
        out.append("die area is a public estimate, not a vendor figure: "
                   + ("the classification depends on PD" if depends
                      else "PD does not change this classification"))
    return out


def _result(i: int, table: ChipTable, c: Computed, m: dict[str, BoolArray], rules: RuleSet,
            include_io: bool) -> ChipResult:
    t = rules.classification
    bw = _opt(table.memory_bandwidth[i])
    common: dict[str, Any] = {
        "name": table.names[i], "memory_bandwidth_gbs": bw, "datacenter": bool(table.datacenter[i]),
        "rule_set": rules.id, "citation": f"{t.citation}; rule set {rules.citation}",
        "source": table.sources[i] if table.sources else ""}
    if table.item_type[i] == "hbm":
        return _hbm_result(i, table, t, common)
    reasons = _reasons(i, c, m, t)
    if m["a"][i] and not table.datacenter[i]:
        reasons.append("not designed or marketed for data centres with TPP at or above "
                       f"{t.non_datacenter_tpp:.0f}: eligible for notified exceptions (NAC)")
    return ChipResult(
        eccn=_eccn(i, table, m, t), tpp=_opt(c.tpp[i]), pd=_opt(c.pd[i]),
        tpp_precision=list(PRECISIONS)[int(c.precision[i])], applicable_die_area_mm2=_opt(c.area[i]),
        hbm_density=None, reasons=tuple(reasons),
        assumptions=tuple(_assumptions(i, table, c, include_io, t.tpp_a)), **common)


def _hbm_result(i: int, table: ChipTable, t: Thresholds, common: dict[str, Any]) -> ChipResult:
    bw, area = table.memory_bandwidth[i], table.hbm_package_area[i]
    if np.isnan(bw) or np.isnan(area) or area <= 0:
        raise InputError(f"{table.names[i]!r}: HBM needs memory_bandwidth_gbs and hbm_package_area_mm2",
                         table.file, table.lines[i] if table.lines else None,
                         "memory_bandwidth_gbs" if np.isnan(bw) else "hbm_package_area_mm2")
    density = float(bw / area)
    limit = t.hbm_bandwidth_density
    if limit is None:
        eccn, why = "not 3A090", "3A090.c (HBM) is not in this rule set"
    elif density > limit:
        eccn, why = "3A090.c", f"memory bandwidth density {density:.2f} GB/s/mm2 > {limit} (3A090.c)"
    else:
        eccn, why = "not 3A090", f"memory bandwidth density {density:.2f} GB/s/mm2 <= {limit}"
    return ChipResult(eccn=eccn, tpp=None, pd=None, tpp_precision=None, applicable_die_area_mm2=None,
                      hbm_density=round(density, 3), reasons=(why,),
                      assumptions=("density = stack bandwidth / package area",), **common)


def _opt(x: float) -> float | None:
    return None if np.isnan(x) else float(x)
