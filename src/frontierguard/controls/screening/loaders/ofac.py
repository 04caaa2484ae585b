"""OFAC's SDN list in its official CSV layout: ``sdn.csv`` + ``alt.csv`` (+ ``add.csv``), no header.

sdn.csv: ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT,
Vess_flag, Vess_owner, Remarks. alt.csv: ent_num, alt_num, alt_type, alt_name, alt_remarks.
add.csv: ent_num, add_num, address, city/state/zip, country, add_remarks. ``-0-`` means empty.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

from frontierguard.controls.screening.model import ListEntry
from frontierguard.core.errors import InputError

SDN_COLUMNS = 12
ALT_COLUMNS = 5
ADD_COLUMNS = 6
_KINDS = {"individual": "person", "vessel": "vessel", "aircraft": "aircraft", "": "organization"}
_NATIONALITY = re.compile(r"(?:nationality|citizen)\s+([A-Za-z][A-Za-z .'-]+?)\s*[;.]", re.I)
_ID = re.compile(r"(?:Passport|National ID No\.|Registration (?:ID|Number)|Tax ID No\.|"
                 r"Cedula No\.|Identification Number)\s+([A-Za-z0-9-]{4,})", re.I)


def _value(raw: str) -> str:
    value = raw.strip()
    return "" if value == "-0-" else value


def rows(path: Path, columns: int) -> Iterator[tuple[int, list[str]]]:
    """``(line, cells)`` of a header-less OFAC file, checking the column count."""
    try:
        fh = path.open(newline="", encoding="utf-8-sig", errors="replace")
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path) from None
    with fh:
        reader = csv.reader(fh)
        for cells in reader:
            if not cells or cells == [""] or cells[0].startswith("\x1a"):
                continue
            if len(cells) != columns:
                raise InputError(f"expected {columns} columns, found {len(cells)}", path,
                                 reader.line_num)
            yield reader.line_num, [_value(c) for c in cells]


def _ent_num(path: Path, line: int, value: str) -> str:
    if not value.isdigit():
        raise InputError(f"ent_num must be a number, got {value!r}", path, line, "ent_num")
    return value


def load_sdn(sdn: Path, alt: Path | None = None, add: Path | None = None) -> list[ListEntry]:
    """Load the SDN main file, then attach aliases and addresses by ``ent_num``."""
    entries: dict[str, ListEntry] = {}
    for line, c in rows(sdn, SDN_COLUMNS):
        ent = _ent_num(sdn, line, c[0])
        if not c[1]:
            raise InputError("SDN_Name is empty", sdn, line, "SDN_Name")
        remarks = c[11]
        entries[ent] = ListEntry(
            entry_id=ent, list_name="SDN", name=c[1], kind=_KINDS.get(c[2].lower(), "unknown"),
            programs=[p.strip() for p in c[3].replace("]", "").split("[") if p.strip()],
            countries=[m.strip() for m in _NATIONALITY.findall(remarks)] + ([c[9]] if c[9] else []),
            identifiers=_ID.findall(remarks),
        )
    for path, columns, attach in ((alt, ALT_COLUMNS, _attach_alias), (add, ADD_COLUMNS, _attach_address)):
        if path is None:
            continue
        for line, c in rows(path, columns):
            entry = entries.get(_ent_num(path, line, c[0]))
            if entry is None:
                raise InputError(f"ent_num {c[0]} is not in {sdn.name}", path, line, "ent_num")
            attach(entry, c, path, line)
    return list(entries.values())


def _attach_alias(entry: ListEntry, c: list[str], path: Path, line: int) -> None:
    if not c[3]:
        raise InputError("alt_name is empty", path, line, "alt_name")
    entry.aliases.append(c[3])


def _attach_address(entry: ListEntry, c: list[str], path: Path, line: int) -> None:
    text = ", ".join(v for v in (c[2], c[3], c[4]) if v)
    if text:
        entry.addresses.append(text)
    if c[4]:
        entry.countries.append(c[4])
