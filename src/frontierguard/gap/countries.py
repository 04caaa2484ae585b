"""Countries of models: name aliases, organisation -> country mapping, and country rules.

An organisation can have several countries (Google DeepMind is UK/US). A *country
rule* decides how a model with several countries counts when the gap compares two
sides: ``any`` (counts for every listed country, Epoch AI's practice), ``sole`` (only
single-country models count) or ``first`` (the first listed country only).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from frontierguard.core.datafiles import LineDict, field, load_yaml, package_data, read_csv_rows
from frontierguard.core.errors import ConfigError, DataFileError

PACKAGE = "frontierguard.gap"
COUNTRY_RULES = ("any", "sole", "first")
SEP = "/"


@dataclass(frozen=True)
class OrgCountry:
    """One organisation's countries, with where that came from."""

    organisation: str
    countries: tuple[str, ...]
    source: str
    effective: str


@cache
def country_aliases(path: str | None = None) -> dict[str, str]:
    """Country name (as datasets spell it) -> ISO alpha-2 code, from ``countries_v1.yaml``."""
    p = Path(path) if path else package_data(PACKAGE, "data/countries_v1.yaml")
    doc = load_yaml(p)
    if not isinstance(doc, LineDict):
        raise DataFileError("expected a mapping", p, 1)
    field(doc, "source", str)
    names = field(doc, "names", dict)
    out = {str(k).strip().lower(): str(v) for k, v in names.items()}
    out.update({code.lower(): code for code in set(out.values())})
    return out


@cache
def org_countries(path: str | None = None) -> dict[str, OrgCountry]:
    """Organisation (lower case) -> :class:`OrgCountry`, from ``org_countries_v1.csv``."""
    p = Path(path) if path else package_data(PACKAGE, "data/org_countries_v1.csv")
    cols = ["organisation", "countries", "source", "effective"]
    out: dict[str, OrgCountry] = {}
    for line, row in read_csv_rows(p, cols):
        for col in cols:
            if not row[col]:
                raise DataFileError("empty value", p, line, col)
        codes = tuple(c.strip() for c in row["countries"].split(";"))
        if any(len(c) != 2 or not c.isupper() for c in codes):
            raise DataFileError("countries must be ';'-separated ISO codes", p, line, "countries")
        out[row["organisation"].lower()] = OrgCountry(
            row["organisation"], codes, row["source"], row["effective"]
        )
    return out


def parse_country_names(text: str) -> str | None:
    """``"United Kingdom of ...,United States of America"`` -> ``"GB/US"``; None if unknown."""
    aliases = country_aliases()
    codes = []
    for part in text.replace(";", ",").split(","):
        name = part.strip().lower()
        if not name:
            continue
        if name not in aliases:
            return None
        codes.append(aliases[name])
    return SEP.join(dict.fromkeys(codes)) if codes else ""


def countries_of_orgs(orgs: pd.Series) -> pd.Series:
    """Country codes for each organisation string (several orgs: ``"A,B"``; first known wins).

    Unknown organisations give an empty string, which the loaders report.
    """
    table = org_countries()
    uniq = orgs.fillna("").astype(str).unique()
    lookup: dict[str, str] = {}
    for org in uniq:
        found: list[str] = []
        for part in org.split(","):
            hit = table.get(part.strip().lower())
            if hit:
                found.extend(hit.countries)
        lookup[org] = SEP.join(dict.fromkeys(found))
    return orgs.fillna("").astype(str).map(lookup)


def side_mask(countries: pd.Series, code: str, rule: str) -> np.ndarray:
    """Which rows count for country ``code`` under the country ``rule``."""
    if rule not in COUNTRY_RULES:
        raise ConfigError(f"unknown country rule {rule!r} (known: {', '.join(COUNTRY_RULES)})")
    uniq = pd.Series(pd.unique(countries.fillna("").astype(str)))
    if rule == "sole":
        hit = uniq == code
    elif rule == "first":
        hit = uniq.str.split(SEP).str[0] == code
    else:
        hit = uniq.str.contains(rf"(?:^|{SEP}){code}(?:{SEP}|$)", regex=True)
    return np.asarray(countries.isin(set(uniq[hit.to_numpy(bool)])))
