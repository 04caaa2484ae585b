"""Which country each developer is headquartered in (reference data, versioned CSV)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from frontierguard.core.datafiles import package_data, read_csv_rows
from frontierguard.core.errors import DataFileError

COUNTRY_FILE = "data/developer_countries_v1.csv"
UNKNOWN = "??"
_ISO2 = re.compile(r"^[A-Z]{2}$")


def load_countries(path: str | Path | None = None) -> dict[str, str]:
    """Developer name (case-folded) -> ISO 3166 alpha-2 country; errors name file and line."""
    p = Path(path) if path else package_data("frontierguard.transparency", COUNTRY_FILE)
    out: dict[str, str] = {}
    for line, row in read_csv_rows(p, ["developer", "country", "source", "effective"]):
        if not row["developer"]:
            raise DataFileError("empty developer", p, line, "developer")
        if not _ISO2.match(row["country"]):
            raise DataFileError(f"country {row['country']!r} is not an ISO alpha-2 code", p, line, "country")
        if not row["source"]:
            raise DataFileError("missing source", p, line, "source")
        key = row["developer"].casefold()
        if key in out:
            raise DataFileError(f"duplicate developer {row['developer']!r}", p, line, "developer")
        out[key] = row["country"]
    return out


@cache
def _shipped() -> dict[str, str]:
    return load_countries()


def country_of(developer: str) -> str:
    """The developer's country code, or ``??`` when the reference table does not list it."""
    return _shipped().get(developer.casefold(), UNKNOWN)
