"""A simple CSV list: ``name, aliases, country, list`` (aliases separated by ``;``), optional ``id``."""

from __future__ import annotations

from pathlib import Path

from frontierguard.controls.screening.model import ListEntry
from frontierguard.core.datafiles import read_csv_rows
from frontierguard.core.errors import DataFileError, InputError

COLUMNS = ["name", "aliases", "country", "list"]


def load_simple(path: Path) -> list[ListEntry]:
    """Load a simple CSV list; a row with no name is an error naming the row."""
    out: list[ListEntry] = []
    try:
        for line, row in read_csv_rows(path, COLUMNS):
            if not row["name"]:
                raise InputError("name is empty", path, line, "name")
            if not row["list"]:
                raise InputError("list is empty", path, line, "list")
            out.append(ListEntry(
                entry_id=row.get("id") or f"{path.stem}:{line}", list_name=row["list"], name=row["name"],
                aliases=[a.strip() for a in row["aliases"].split(";") if a.strip()],
                countries=[c.strip() for c in row["country"].split(";") if c.strip()],
            ))
    except DataFileError as exc:
        raise InputError(exc.message, exc.file, exc.row) from None
    return out
