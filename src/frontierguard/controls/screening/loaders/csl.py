"""The Consolidated Screening List (trade.gov) as CSV or JSON.

CSV columns used: source, entity_number, type, programs, name, addresses, alt_names,
citizenships, nationalities, ids (multi-valued cells separated by ``;``). JSON: the same
fields on each object of ``results`` (or a bare list), with lists and address objects.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from frontierguard.controls.screening.model import ListEntry
from frontierguard.core.datafiles import read_csv_rows
from frontierguard.core.errors import DataFileError, InputError

CSV_COLUMNS = ["source", "name", "alt_names", "addresses", "programs", "ids"]
_CODE = re.compile(r"\(([A-Z][A-Z-]{1,9})\)")
_KINDS = {"individual": "person", "entity": "organization", "vessel": "vessel", "aircraft": "aircraft"}


def list_code(source: str) -> str:
    """Short list name from a CSL source: ``Entity List (EL) - Bureau of ...`` -> ``EL``."""
    found = _CODE.search(source)
    return found.group(1) if found else source.split(" - ")[0].strip()


def _split(cell: str) -> list[str]:
    return [v.strip() for v in cell.split(";") if v.strip()]


def _id_number(text: str) -> str:
    parts = [p.strip() for p in text.split(",")]
    return parts[1] if len(parts) >= 3 else parts[0]


def load_csl_csv(path: Path) -> list[ListEntry]:
    """Load the trade.gov CSV layout; a row without source or name is an error naming the row."""
    out: list[ListEntry] = []
    try:
        for line, row in read_csv_rows(path, CSV_COLUMNS):
            for col in ("source", "name"):
                if not row[col]:
                    raise InputError(f"{col} is empty", path, line, col)
            addresses = _split(row["addresses"])
            countries = _split(row.get("nationalities", "")) + _split(row.get("citizenships", ""))
            countries += [a.rsplit(",", 1)[-1].strip() for a in addresses if "," in a]
            out.append(ListEntry(
                entry_id=row.get("entity_number") or f"{path.stem}:{line}",
                list_name=list_code(row["source"]), name=row["name"],
                kind=_KINDS.get(row.get("type", "").lower(), "unknown"),
                aliases=_split(row["alt_names"]), countries=countries, addresses=addresses,
                identifiers=[_id_number(i) for i in _split(row["ids"])],
                programs=_split(row["programs"]),
            ))
    except DataFileError as exc:
        raise InputError(exc.message, exc.file, exc.row) from None
    return out


def _strings(record: dict[str, Any], key: str, path: Path, index: int) -> list[str]:
    value = record.get(key) or []
    if isinstance(value, str):
        return _split(value)
    if not isinstance(value, list):
        raise InputError(f"expected a list, got {type(value).__name__}", path, index, key)
    return [str(v).strip() for v in value if isinstance(v, (str, int)) and str(v).strip()]


def _json_entry(record: Any, path: Path, index: int) -> ListEntry:
    if not isinstance(record, dict):
        raise InputError("expected an object", path, index)
    for key in ("source", "name"):
        if not isinstance(record.get(key), str) or not record[key].strip():
            raise InputError(f"{key} is missing or empty", path, index, key)
    addresses: list[str] = []
    countries = _strings(record, "nationalities", path, index)
    countries += _strings(record, "citizenships", path, index)
    for addr in record.get("addresses") or []:
        if isinstance(addr, dict):
            addresses.append(", ".join(str(v) for v in addr.values() if v))
            if addr.get("country"):
                countries.append(str(addr["country"]))
        elif isinstance(addr, str):
            addresses.append(addr)
    ids = [str(i.get("number", "")) for i in record.get("ids") or [] if isinstance(i, dict)]
    return ListEntry(
        entry_id=str(record.get("entity_number") or record.get("id") or f"{path.stem}:{index}"),
        list_name=list_code(record["source"]), name=record["name"].strip(),
        kind=_KINDS.get(str(record.get("type") or "").lower(), "unknown"),
        aliases=_strings(record, "alt_names", path, index), countries=countries,
        addresses=addresses, identifiers=[i for i in ids if i],
        programs=_strings(record, "programs", path, index),
    )


def load_csl_json(path: Path) -> list[ListEntry]:
    """Load the trade.gov JSON layout; records are numbered from 1 in errors."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", path, exc.lineno) from None
    records = doc.get("results") if isinstance(doc, dict) else doc
    if not isinstance(records, list):
        raise InputError("expected a list of records or an object with 'results'", path)
    out = []
    for i, rec in enumerate(records, 1):
        entry = _json_entry(rec, path, i)
        out.append(entry)
    return out
