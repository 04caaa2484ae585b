"""The gap data model: models (who built them, where, when, how open) and observations.

A :class:`Dataset` keeps both in one columnar table (one row per observation, the
model's attributes alongside) so methods run vectorised; :meth:`Dataset.models` and
:meth:`Dataset.observations` give the same content as dataclasses.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from frontierguard.core.errors import InputError
from frontierguard.gap.countries import SEP, side_mask

COLUMNS = [
    "model", "organisation", "countries", "release", "access", "compute_flop",
    "metric", "value", "source", "as_of",
]
ACCESS = ("open", "closed", "")


@dataclass(frozen=True)
class Model:
    """A model: name, organisation, countries (several for multinationals), release, access."""

    name: str
    organisation: str
    countries: tuple[str, ...]
    release: date | None
    access: str  # "open" (weights published), "closed", or "" when unknown
    compute_flop: float | None = None


@dataclass(frozen=True)
class Observation:
    """One measured value of a metric for a model, with its source and as-of date."""

    model: str
    metric: str
    value: float
    source: str
    as_of: date | None = None


@dataclass
class Dataset:
    """Observations with model attributes, in the columns of :data:`COLUMNS`."""

    frame: pd.DataFrame
    sources: list[str] = field(default_factory=list)
    unmapped_organisations: list[str] = field(default_factory=list)

    def metrics(self) -> list[str]:
        return sorted(self.frame["metric"].unique().tolist())

    def select(
        self, metric: str | None = None, open_only: bool = False
    ) -> pd.DataFrame:
        """Rows for ``metric`` (the only metric when None), optionally open-weight models only."""
        df = self.frame
        if metric is None:
            names = self.metrics()
            if len(names) != 1:
                raise InputError(f"several metrics present, choose one of: {', '.join(names)}")
            metric = names[0]
        if metric not in set(df["metric"]):
            raise InputError(f"unknown metric {metric!r} (present: {', '.join(self.metrics())})")
        df = df[df["metric"] == metric]
        if open_only:
            df = df[df["access"] == "open"]
        return df

    def models(self) -> Iterator[Model]:
        cols = ["model", "organisation", "countries", "release", "access", "compute_flop"]
        uniq = self.frame.drop_duplicates("model")[cols]
        for m, org, cs, rel, acc, flop in uniq.itertuples(index=False):
            yield Model(
                m, org, tuple(c for c in cs.split(SEP) if c),
                None if pd.isna(rel) else rel.date(), acc,
                None if pd.isna(flop) else float(flop),
            )

    def observations(self) -> Iterator[Observation]:
        cols = ["model", "metric", "value", "source", "as_of"]
        for m, met, val, src, as_of in self.frame[cols].itertuples(index=False):
            yield Observation(m, met, float(val), src, None if pd.isna(as_of) else as_of.date())


def side(df: pd.DataFrame, code: str, rule: str) -> pd.DataFrame:
    """Rows of ``df`` that count for country ``code`` under ``rule``."""
    return df[side_mask(df["countries"], code, rule)]


def make_frame(data: Mapping[str, object]) -> pd.DataFrame:
    """Build a frame in the dataset schema; missing columns get empty defaults."""
    df = pd.DataFrame(data)
    n = len(df)
    defaults: dict[str, object] = {
        "organisation": "", "countries": "", "access": "", "source": "",
        "compute_flop": np.nan, "release": pd.NaT, "as_of": pd.NaT,
    }
    for col, default in defaults.items():
        if col not in df:
            df[col] = pd.Series([default] * n, index=df.index)
    for col in ("release", "as_of"):
        df[col] = pd.to_datetime(df[col]).astype("datetime64[ns]")
    df["value"] = df["value"].astype(float)
    df["compute_flop"] = df["compute_flop"].astype(float)
    for col in ("model", "organisation", "countries", "access", "metric", "source"):
        df[col] = df[col].fillna("").astype(str)
    return df[COLUMNS].reset_index(drop=True)
