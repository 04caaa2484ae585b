"""List loaders for the published formats, and detection of which format a file is in."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from frontierguard.controls.screening.loaders.csl import load_csl_csv, load_csl_json
from frontierguard.controls.screening.loaders.ofac import (
    ADD_COLUMNS,
    ALT_COLUMNS,
    SDN_COLUMNS,
    load_sdn,
)
from frontierguard.controls.screening.loaders.simple import load_simple
from frontierguard.controls.screening.loaders.un import load_un
from frontierguard.controls.screening.model import ListEntry
from frontierguard.core.errors import InputError

FORMATS = ("ofac_sdn", "un_xml", "csl_csv", "csl_json", "simple_csv")


@dataclass
class LoadedList:
    """Entries read from one published list, with where they came from."""

    format: str
    source: str
    files: list[Path]
    entries: list[ListEntry]
    list_date: dt.date | None = None
    notes: list[str] = field(default_factory=list)


def sniff(path: Path) -> str:
    """Which format a file is in: ``un_xml``, ``csl_json``, ``csl_csv``, ``simple_csv``,
    or ``ofac_sdn`` / ``ofac_alt`` / ``ofac_add`` for OFAC's header-less CSV files."""
    try:
        head = path.open(encoding="utf-8-sig", errors="replace").read(4096)
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path) from None
    text = head.lstrip()
    if text.startswith("<"):
        return "un_xml"
    if text.startswith(("{", "[")):
        return "csl_json"
    first = next(csv.reader([text.splitlines()[0] if text else ""]), [])
    header = {c.strip().lower() for c in first}
    if {"source", "name", "alt_names"} <= header:
        return "csl_csv"
    if {"name", "aliases", "country", "list"} <= header:
        return "simple_csv"
    if first and first[0].strip().isdigit():
        by_width = {SDN_COLUMNS: "ofac_sdn", ALT_COLUMNS: "ofac_alt", ADD_COLUMNS: "ofac_add"}
        if len(first) in by_width:
            return by_width[len(first)]
    raise InputError("unrecognised list format (expected CSL CSV/JSON, OFAC sdn/alt/add CSV, "
                     "UN consolidated XML or a CSV with name, aliases, country, list)", path, 1)


def load_files(paths: list[Path], source: str | None = None) -> list[LoadedList]:
    """Load every file; OFAC ``sdn``/``alt``/``add`` files given together form one list."""
    kinds = {p: sniff(p) for p in paths}
    out: list[LoadedList] = []
    ofac = {k: p for p, k in kinds.items() if k.startswith("ofac_")}
    if ofac:
        if "ofac_sdn" not in ofac:
            raise InputError("OFAC alt.csv/add.csv need their sdn.csv in the same call",
                             next(iter(ofac.values())))
        entries = load_sdn(ofac["ofac_sdn"], ofac.get("ofac_alt"), ofac.get("ofac_add"))
        out.append(LoadedList("ofac_sdn", source or "OFAC SDN", list(ofac.values()), entries))
    for path, kind in kinds.items():
        if kind == "un_xml":
            entries, date = load_un(path)
            out.append(LoadedList(kind, source or "UN", [path], entries, date))
        elif kind == "csl_csv":
            out.append(LoadedList(kind, source or "CSL", [path], load_csl_csv(path)))
        elif kind == "csl_json":
            out.append(LoadedList(kind, source or "CSL", [path], load_csl_json(path)))
        elif kind == "simple_csv":
            out.append(LoadedList(kind, source or path.stem, [path], load_simple(path)))
    return out
