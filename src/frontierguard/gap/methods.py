"""Gap methods: each a named, documented function over one metric's observations.

* ``time_lag`` (Epoch AI's method): for each day, the best follower score so far and
  how long before that day a lead-country model first reached it, in months.
* ``score_gap``: best lead score minus best follower score at a date (AI Index style).
* ``arena_gap``: the same per leaderboard snapshot (scores dated by snapshot, not release).
* ``compute_lag``: months until the follower's fitted top training compute reaches the
  lead's fitted level at the follower's growth rate.

Each works on a :class:`Table` of numpy arrays (side membership computed once), using
cumulative maxima and binary search over sorted dates: linear-logarithmic cost and no
per-row Python, so the bootstrap can rerun them hundreds of times.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from frontierguard.core.errors import InputError
from frontierguard.core.settings import Setting, register
from frontierguard.gap.countries import side_mask
from frontierguard.gap.model import side

DAYS_PER_MONTH = Setting(
    "gap_days_per_month", float, 365.25 / 12,
    "Days in a month when lags are expressed in months (Julian year / 12 = 30.4375).", "gap",
)
COMPUTE_FIT_SINCE = Setting(
    "gap_compute_fit_since", str, "2018-01-01",
    "Compute lag fits each side's record training runs released on or after this date.", "gap",
)
register([DAYS_PER_MONTH, COMPUTE_FIT_SINCE])


@dataclass(frozen=True)
class Sides:
    """Who is compared and how models with several countries count."""

    lead: str = "US"
    follower: str = "CN"
    country_rule: str = "any"


@dataclass(frozen=True)
class Table:
    """One metric's observations as arrays, with lead/follower membership precomputed."""

    lead: np.ndarray
    follower: np.ndarray
    release: np.ndarray  # datetime64[D], NaT when unknown
    as_of: np.ndarray
    value: np.ndarray
    compute: np.ndarray

    @classmethod
    def of(cls, df: pd.DataFrame, sides: Sides) -> Table:
        return cls(
            side_mask(df["countries"], sides.lead, sides.country_rule),
            side_mask(df["countries"], sides.follower, sides.country_rule),
            df["release"].to_numpy("datetime64[D]"), df["as_of"].to_numpy("datetime64[D]"),
            df["value"].to_numpy(float), df["compute_flop"].to_numpy(float),
        )

    def take(self, rows: np.ndarray) -> Table:
        return Table(self.lead[rows], self.follower[rows], self.release[rows],
                     self.as_of[rows], self.value[rows], self.compute[rows])


def frontier(dates: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Dated rows sorted by date, and the running best value at each."""
    ok = ~np.isnat(dates)
    d, v = dates[ok], values[ok]
    order = np.lexsort((v, d))
    return d[order], np.maximum.accumulate(v[order]) if len(v) else v


def best_so_far(dates: np.ndarray, values: np.ndarray, grid: np.ndarray) -> np.ndarray:
    """Best value among rows dated on or before each grid day (NaN before the first)."""
    d, best = frontier(dates, values)
    idx = np.searchsorted(d, grid, side="right") - 1
    out = np.full(len(grid), np.nan)
    ok = idx >= 0
    out[ok] = best[idx[ok]]
    return out


def first_reached(dates: np.ndarray, values: np.ndarray, levels: np.ndarray) -> np.ndarray:
    """Earliest date at which some row scored at least each level (a tie counts);
    NaT where no row ever did."""
    d, best = frontier(dates, values)
    out = np.full(len(levels), np.datetime64("NaT"), dtype="datetime64[D]")
    k = np.searchsorted(best, np.nan_to_num(levels, nan=np.inf), side="left")
    ok = (k < len(best)) & ~np.isnan(levels)
    out[ok] = d[k[ok]]
    return out


def day_grid(start: str | pd.Timestamp, end: str | pd.Timestamp) -> np.ndarray:
    grid = pd.date_range(pd.Timestamp(start), pd.Timestamp(end), freq="D")
    if len(grid) == 0:
        raise InputError(f"empty date range {start} .. {end}")
    return grid.to_numpy("datetime64[D]")


def time_lag_t(t: Table, grid: np.ndarray, days_per_month: float) -> np.ndarray:
    """Months by which the lead country was ahead on each day (Epoch AI's method).

    For each day: the best follower score among models released by then, and the first
    release date of a lead-country model scoring at least that much (a tie counts as
    reached). The lag is the days between the two, in months. Negative when the first
    matching lead model came out after that day (the follower was ahead until then);
    NaN where the follower had no model yet or no lead model ever matched its best.
    """
    best = best_so_far(t.release[t.follower], t.value[t.follower], grid)
    reached = first_reached(t.release[t.lead], t.value[t.lead], best)
    days = (grid - reached).astype("timedelta64[D]").astype(float)
    days[np.isnat(reached)] = np.nan
    return np.asarray(days / days_per_month, float)


def time_lag(df: pd.DataFrame, grid: np.ndarray, sides: Sides, days_per_month: float
             ) -> np.ndarray:
    """:func:`time_lag_t` on a dataset frame."""
    return time_lag_t(Table.of(df, sides), grid, days_per_month)


def score_gap_t(t: Table, grid: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Best lead and best follower score among models released by each day."""
    return (best_so_far(t.release[t.lead], t.value[t.lead], grid),
            best_so_far(t.release[t.follower], t.value[t.follower], grid))


def score_gap(df: pd.DataFrame, grid: np.ndarray, sides: Sides) -> pd.DataFrame:
    """Best lead score minus best follower score among models released by each day,
    absolute and relative to the follower's best (AI Index style, in percent)."""
    lead, fol = score_gap_t(Table.of(df, sides), grid)
    return pd.DataFrame({
        "date": grid, "lead_best": lead, "follower_best": fol, "gap": lead - fol,
        "gap_pct": 100.0 * (lead - fol) / np.abs(fol),
    })


def _snapshot_best(dates: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ok = ~np.isnat(dates)
    d, v = dates[ok], values[ok]
    order = np.argsort(d, kind="stable")
    uniq, first = np.unique(d[order], return_index=True)
    best = np.maximum.reduceat(v[order], first) if len(first) else v[:0]
    return uniq, best


def arena_gap_t(t: Table) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Snapshot dates present for both sides, with each side's top score."""
    ld, lb = _snapshot_best(t.as_of[t.lead], t.value[t.lead])
    fd, fb = _snapshot_best(t.as_of[t.follower], t.value[t.follower])
    common, li, fi = np.intersect1d(ld, fd, return_indices=True)
    return common, lb[li], fb[fi]


def arena_gap(df: pd.DataFrame, sides: Sides) -> pd.DataFrame:
    """Per leaderboard snapshot: the top lead-country and top follower model and their
    score gap, absolute and relative to the follower's score (percent). Snapshots that
    lack either side are left out."""
    parts = []
    for code, tag in ((sides.lead, "lead"), (sides.follower, "follower")):
        s = side(df[df["as_of"].notna()], code, sides.country_rule)
        top = s.sort_values("value", ascending=False, kind="stable").drop_duplicates("as_of")
        parts.append(top.set_index("as_of")[["model", "value"]].rename(
            columns={"model": f"{tag}_model", "value": f"{tag}_best"}))
    out = parts[0].join(parts[1], how="inner").sort_index()
    out["gap"] = out["lead_best"] - out["follower_best"]
    out["gap_pct"] = 100.0 * out["gap"] / out["follower_best"].abs()
    return out.rename_axis("date").reset_index()


@dataclass(frozen=True)
class ComputeFit:
    """A log-linear fit of record training compute: log10(FLOP) = a + b * year."""

    intercept: float
    slope: float  # orders of magnitude per year
    n: int

    @property
    def growth_per_year(self) -> float:
        return float(10 ** self.slope)

    def level(self, years: np.ndarray) -> np.ndarray:
        return self.intercept + self.slope * years


def _years(dates: np.ndarray) -> np.ndarray:
    return 1970.0 + dates.astype("datetime64[D]").astype(float) / 365.25


def fit_records(dates: np.ndarray, flop: np.ndarray, since: str) -> ComputeFit:
    """Fit log10 training compute against time over one side's record-setting runs.

    A run is a record if it beats every earlier run of that side (all history); only
    records released on or after ``since`` enter the least-squares fit.
    """
    ok = flop > 0
    d, best = frontier(dates[ok], np.log10(flop[ok]))
    record = np.r_[True, best[1:] > best[:-1]] if len(best) else np.array([], bool)
    record &= d >= np.datetime64(since, "D")
    if record.sum() < 2:
        raise InputError(f"compute lag needs at least two record runs per side since {since}")
    slope, intercept = np.polyfit(_years(d[record]), best[record], 1)
    return ComputeFit(float(intercept), float(slope), int(record.sum()))


def fit_compute(df: pd.DataFrame, since: str) -> ComputeFit:
    """:func:`fit_records` on a frame of one side's models."""
    return fit_records(df["release"].to_numpy("datetime64[D]"),
                       df["compute_flop"].to_numpy(float), since)


def compute_lag_t(t: Table, grid: np.ndarray, since: str) -> np.ndarray:
    """Months until the follower's fitted top training compute reaches the lead's fitted
    level of that day, growing at the follower's own fitted rate (record runs since
    ``since``). Negative means the follower is ahead; NaN if it is not growing."""
    lead = fit_records(t.release[t.lead], t.compute[t.lead], since)
    fol = fit_records(t.release[t.follower], t.compute[t.follower], since)
    if fol.slope <= 0:
        return np.full(len(grid), np.nan)
    years = _years(grid)
    return np.asarray(12.0 * (lead.level(years) - fol.level(years)) / fol.slope, float)


def compute_lag(df: pd.DataFrame, grid: np.ndarray, sides: Sides, since: str) -> np.ndarray:
    """:func:`compute_lag_t` on a dataset frame."""
    return compute_lag_t(Table.of(df, sides), grid, since)


def summarise(months: np.ndarray) -> dict[str, float | int | None]:
    """Mean, min, max and latest of a daily series; NaN days are counted, not averaged."""
    ok = ~np.isnan(months)
    if not ok.any():
        return {"mean_months": None, "min_months": None, "max_months": None,
                "latest_months": None, "days": len(months), "days_unmatched": len(months)}
    return {
        "mean_months": float(np.mean(months[ok])), "min_months": float(np.min(months[ok])),
        "max_months": float(np.max(months[ok])),
        "latest_months": None if np.isnan(months[-1]) else float(months[-1]),
        "days": len(months), "days_unmatched": int((~ok).sum()),
    }
