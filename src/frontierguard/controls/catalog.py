"""Reading chip datasheet figures: the shipped catalog, a user's CSV, or one item's flags.

CSV columns: ``name, datacenter, die_area_mm2`` (required), optional ``dies``,
``io_die_area_mm2``, ``throughput_basis`` (package|die), ``sparse`` (true when the throughput
columns quote sparse rates), ``memory_bandwidth_gbs``, ``hbm_package_area_mm2``, ``item_type``
(ic|computer|hbm), ``also_described_by`` (an ECCN with a .z paragraph), ``die_area_estimated``,
and the dense throughput columns of :data:`PRECISIONS`, blank where unknown. Validation is
column-wise; the first bad cell is reported with its line and column.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from frontierguard.controls.chips import ITEM_TYPES, PRECISIONS, ChipTable
from frontierguard.core.datafiles import package_data
from frontierguard.core.errors import DataFileError, InputError, NotFoundError

REQUIRED = ["name", "datacenter", "die_area_mm2"]
NUMERIC = ["die_area_mm2", "dies", "io_die_area_mm2", "memory_bandwidth_gbs",
           "hbm_package_area_mm2", "tdp_w", *PRECISIONS]
TRUE = {"true", "yes", "1", "y", "t"}
FALSE = {"false", "no", "0", "n", "f"}


def catalog_path() -> Path:
    return package_data("frontierguard.controls", "data/chip_catalog.csv")


def read_frame(path: str | Path, required: list[str] | None = None) -> pd.DataFrame:
    """Read a chip CSV as strings, checking required columns and unknown throughput names."""
    p = Path(path)
    try:
        frame = pd.read_csv(p, dtype=str, keep_default_na=False, skipinitialspace=True)
    except FileNotFoundError:
        raise InputError("file not found", p) from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise InputError(f"not a readable CSV: {exc}", p) from None
    frame.columns = [c.strip() for c in frame.columns]
    missing = [c for c in (required or REQUIRED) if c not in frame.columns]
    if missing:
        raise InputError(f"missing column(s): {', '.join(missing)}", p, 1, missing[0])
    stripped: pd.DataFrame = frame.apply(lambda col: col.str.strip())
    return stripped


def _numbers(frame: pd.DataFrame, col: str, file: str | Path | None) -> np.ndarray:
    if col not in frame.columns:
        return np.full(len(frame), np.nan)
    text = frame[col]
    values = pd.to_numeric(text.where(text != ""), errors="coerce").to_numpy(dtype=np.float64)
    bad = (text != "").to_numpy() & np.isnan(values)
    infinite = np.isinf(values)
    negative = values < 0
    for mask, why in ((bad, "not a number"), (infinite, "must be finite"),
                      (negative, "must not be negative")):
        if mask.any():
            i = int(np.flatnonzero(mask)[0])
            raise InputError(f"{why}: {text.iloc[i]!r}", file, i + 2, col)
    return values


def _bools(frame: pd.DataFrame, col: str, file: str | Path | None, default: bool | None) -> np.ndarray:
    if col not in frame.columns:
        return np.full(len(frame), bool(default))
    text = frame[col].str.lower()
    if default is not None:
        text = text.where(text != "", "true" if default else "false")
    ok = text.isin(TRUE | FALSE).to_numpy()
    if not ok.all():
        i = int(np.flatnonzero(~ok)[0])
        raise InputError(f"expected true or false, got {frame[col].iloc[i]!r}", file, i + 2, col)
    return text.isin(TRUE).to_numpy()


def _choice(frame: pd.DataFrame, col: str, allowed: tuple[str, ...], file: str | Path | None) -> list[str]:
    if col not in frame.columns:
        return [allowed[0]] * len(frame)
    text = frame[col].str.lower().where(frame[col] != "", allowed[0])
    ok = text.isin(allowed).to_numpy()
    if not ok.all():
        i = int(np.flatnonzero(~ok)[0])
        raise InputError(f"expected one of {', '.join(allowed)}, got {frame[col].iloc[i]!r}",
                         file, i + 2, col)
    return list(text)


def table_from_frame(frame: pd.DataFrame, file: str | Path | None = None) -> ChipTable:
    """Validate a string frame column by column and build a :class:`ChipTable`."""
    names = frame["name"]
    if (names == "").any():
        raise InputError("name is empty", file, int(np.flatnonzero(names == "")[0]) + 2, "name")
    dies = _numbers(frame, "dies", file)
    if (dies == 0).any() or (np.nan_to_num(dies, nan=1.0) % 1 != 0).any():
        i = int(np.flatnonzero((dies == 0) | (np.nan_to_num(dies, nan=1.0) % 1 != 0))[0])
        raise InputError("dies must be a whole number of at least 1", file, i + 2, "dies")
    also = frame["also_described_by"].str.upper() if "also_described_by" in frame else None
    return ChipTable(
        names=list(names),
        datacenter=_bools(frame, "datacenter", file, None),
        throughput=np.column_stack([_numbers(frame, c, file) for c in PRECISIONS]),
        die_area=_numbers(frame, "die_area_mm2", file),
        dies=np.nan_to_num(dies, nan=1.0),
        io_die_area=_numbers(frame, "io_die_area_mm2", file),
        per_die=np.array([b == "die" for b in _choice(frame, "throughput_basis", ("package", "die"), file)]),
        sparse=_bools(frame, "sparse", file, False),
        memory_bandwidth=_numbers(frame, "memory_bandwidth_gbs", file),
        hbm_package_area=_numbers(frame, "hbm_package_area_mm2", file),
        item_type=_choice(frame, "item_type", ITEM_TYPES, file),
        also_described_by=list(also) if also is not None else [""] * len(frame),
        area_estimated=_bools(frame, "die_area_estimated", file, False),
        sources=list(frame["source"]) if "source" in frame else [""] * len(frame),
        lines=list(range(2, len(frame) + 2)),
        file=str(file) if file is not None else None,
    )


def read_table(path: str | Path) -> ChipTable:
    """A user's CSV of items as a :class:`ChipTable` (errors name line and column)."""
    return table_from_frame(read_frame(path), path)


@cache
def catalog_frame() -> pd.DataFrame:
    """The shipped catalog of well-known accelerators, as strings."""
    path = catalog_path()
    try:
        return read_frame(path, [*REQUIRED, "source", "vendor", "tdp_w"])
    except InputError as exc:
        raise DataFileError(exc.message, exc.file, exc.row, exc.field) from None


def catalog_table() -> ChipTable:
    path = catalog_path()
    try:
        return table_from_frame(catalog_frame(), path)
    except InputError as exc:
        raise DataFileError(exc.message, exc.file, exc.row, exc.field) from None


@dataclass(frozen=True)
class CatalogChip:
    """One catalog row: its position, its figures as a one-row table, its power."""

    name: str
    table: ChipTable
    tdp_w: float | None


def find_chip(name: str) -> CatalogChip:
    """A catalog chip by exact (case-insensitive) name, else by unique substring."""
    frame = catalog_frame()
    lowered = frame["name"].str.lower()
    hits = frame[lowered == name.strip().lower()]
    if hits.empty:
        hits = frame[lowered.str.contains(name.strip().lower(), regex=False)]
    if len(hits) != 1:
        shown = ", ".join(hits["name"]) if len(hits) else ", ".join(frame["name"])
        what = "ambiguous" if len(hits) else "unknown"
        raise NotFoundError(f"{what} chip {name!r} (catalog: {shown})")
    row = hits.reset_index(drop=True)
    tdp = _numbers(row, "tdp_w", catalog_path())[0]
    return CatalogChip(str(row["name"].iloc[0]), table_from_frame(row, catalog_path()),
                       None if np.isnan(tdp) else float(tdp))


def single_item(values: dict[str, str]) -> ChipTable:
    """A one-row table from command-line values (same validation as a CSV row)."""
    frame = pd.DataFrame([values], dtype=str)
    try:
        table = table_from_frame(frame, None)
    except InputError as exc:
        raise InputError(exc.message, field=exc.field) from None
    table.lines = []
    return table
