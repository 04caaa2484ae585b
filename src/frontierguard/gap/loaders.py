"""Loaders: Epoch capabilities index, Epoch benchmark tables, Epoch all-ML-systems (compute),
LMArena snapshots (long and wide), and the documented plain CSV.

Every loader validates each row and raises :class:`InputError` naming the file, the
line and the field. Rows that carry no measurement (a model with no score) are
counted in ``Dataset.sources`` notes, never silently dropped.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from frontierguard.core.datafiles import read_csv_rows
from frontierguard.core.errors import InputError
from frontierguard.core.registry import Registry
from frontierguard.gap.countries import countries_of_orgs, parse_country_names
from frontierguard.gap.model import ACCESS, Dataset, make_frame

Rows = dict[str, list[object]]


def _err(msg: str, path: Path, line: int, col: str) -> InputError:
    return InputError(msg, path, line, col, row_kind="line")


def parse_date(text: str, path: Path, line: int, col: str) -> pd.Timestamp:
    """An ISO date (``2025-01-20``) or compact ``20250120``; errors name file, line, field."""
    t = text.strip()
    if len(t) == 8 and t.isdigit():
        t = f"{t[:4]}-{t[4:6]}-{t[6:]}"
    try:
        ts = pd.Timestamp(t[:10])
    except (ValueError, TypeError):
        raise _err(f"not a date: {text!r}", path, line, col) from None
    if pd.isna(ts):
        raise _err(f"not a date: {text!r}", path, line, col)
    return ts


def parse_number(text: str, path: Path, line: int, col: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise _err(f"not a number: {text!r}", path, line, col) from None
    if value != value:
        raise _err("number is NaN", path, line, col)
    return value


def _strip_note(text: str) -> str:
    """``"76 (4-shot)"`` -> ``"76"``: a trailing parenthesised note on a benchmark score."""
    head, sep, _rest = text.partition("(")
    return head.strip() if sep and head.strip() else text


def access_of(text: str) -> str:
    """Epoch's 'Model accessibility' -> ``open`` / ``closed`` / ``""`` (unknown)."""
    t = text.lower()
    if t.startswith("open"):
        return "open"
    if t in ("open", "closed"):
        return t
    return "closed" if t else ""


def _finish(rows: Rows, path: Path, note: str, fill_countries: bool = True) -> Dataset:
    frame = make_frame(rows)
    unmapped: list[str] = []
    if fill_countries:
        empty = frame["countries"] == ""
        frame.loc[empty, "countries"] = countries_of_orgs(frame.loc[empty, "organisation"])
        none = frame[frame["countries"] == ""]
        unmapped = sorted(set(none["organisation"]) - {""}) + sorted(
            f"{m} (no organisation)" for m in set(none.loc[none["organisation"] == "", "model"]))
    return Dataset(frame, [f"{path.name}: {note}"], unmapped)


def _new(cols: list[str]) -> Rows:
    return {c: [] for c in cols}


def load_eci(path: str | Path) -> Dataset:
    """Epoch Capabilities Index CSV (``Model version, ECI Score, Release date, ...``)."""
    p = Path(path)
    req = ["Model version", "ECI Score", "Release date", "Organization", "Country"]
    rows = _new(["model", "organisation", "countries", "release", "access",
                 "compute_flop", "metric", "value", "source"])
    unscored = 0
    for line, r in read_csv_rows(p, req):
        if not r["ECI Score"]:
            unscored += 1
            continue
        if not r["Model version"]:
            raise _err("empty model name", p, line, "Model version")
        countries = parse_country_names(r["Country"])
        if countries is None:
            raise _err(f"unknown country {r['Country']!r}", p, line, "Country")
        flop = r.get("Training compute (FLOP)", "")
        for k, v in {
            "model": r["Model version"], "organisation": r["Organization"],
            "countries": countries, "release": parse_date(r["Release date"], p, line,
                                                          "Release date"),
            "access": access_of(r.get("Model accessibility", "")),
            "compute_flop": parse_number(flop, p, line, "Training compute (FLOP)")
            if flop else float("nan"),
            "metric": "eci", "value": parse_number(r["ECI Score"], p, line, "ECI Score"),
            "source": "Epoch AI Capabilities Index (CC BY 4.0)",
        }.items():
            rows[k].append(v)
    return _finish(rows, p, f"{len(rows['model'])} scored models, {unscored} without a score")


def load_benchmarks(path: str | Path) -> Dataset:
    """Epoch's China benchmark table: ``System, Date, China`` plus one column per benchmark.

    Only China is flagged there, so other models get the code ``ZZ`` (rest of world).
    """
    p = Path(path)
    skip = {"System", "Date", "China", "Link", "Notes"}
    rows = _new(["model", "countries", "release", "metric", "value", "source"])
    undated = 0
    for line, r in read_csv_rows(p, ["System", "Date", "China"]):
        if not r["Date"]:
            undated += 1
            continue
        release = parse_date(r["Date"], p, line, "Date")
        country = "CN" if r["China"].lower() in ("y", "yes", "true", "1") else "ZZ"
        for col, text in r.items():
            if col in skip or not text:
                continue
            for k, v in {"model": r["System"], "countries": country, "release": release,
                         "metric": col.lower().replace(" ", "_"),
                         "value": parse_number(_strip_note(text), p, line, col),
                         "source": "Epoch AI china-ai-trends (CC BY 4.0)"}.items():
                rows[k].append(v)
    return _finish(rows, p, f"{len(rows['model'])} scores, {undated} undated systems", fill_countries=False)


def load_compute(path: str | Path) -> Dataset:
    """Epoch's all-ML-systems table: training compute by model (metric ``training_compute``)."""
    p = Path(path)
    req = ["Model", "Publication date", "Organization", "Training compute (FLOP)",
           "Country (from Organization)"]
    rows = _new(["model", "organisation", "countries", "release", "access",
                 "compute_flop", "metric", "value", "source"])
    missing = 0
    for line, r in read_csv_rows(p, req):
        flop_text, date_text = r["Training compute (FLOP)"], r["Publication date"]
        if not flop_text or not date_text:
            missing += 1
            continue
        flop = parse_number(flop_text, p, line, "Training compute (FLOP)")
        if flop <= 0:
            raise _err("training compute must be positive", p, line, "Training compute (FLOP)")
        countries = parse_country_names(r["Country (from Organization)"]) or ""
        for k, v in {
            "model": r["Model"], "organisation": r["Organization"], "countries": countries,
            "release": parse_date(date_text, p, line, "Publication date"),
            "access": access_of(r.get("Model accessibility", "")), "compute_flop": flop,
            "metric": "training_compute", "value": flop,
            "source": "Epoch AI notable ML systems (CC BY 4.0)",
        }.items():
            rows[k].append(v)
    return _finish(rows, p, f"{len(rows['model'])} systems with compute, {missing} without")


def load_arena(path: str | Path) -> Dataset:
    """LMArena leaderboard snapshots, long form: ``model, arena_score, organization, snapshot``."""
    p = Path(path)
    rows = _new(["model", "organisation", "metric", "value", "source", "as_of", "access"])
    for line, r in read_csv_rows(p, ["model", "arena_score", "organization", "snapshot"]):
        lic = r.get("license", "").lower()
        for k, v in {
            "model": r["model"], "organisation": r["organization"], "metric": "arena",
            "value": parse_number(r["arena_score"], p, line, "arena_score"),
            "source": "LMArena text leaderboard", "access": "" if not lic else
            ("closed" if "propriet" in lic else "open"),
            "as_of": parse_date(r["snapshot"], p, line, "snapshot"),
        }.items():
            rows[k].append(v)
    return _finish(rows, p, f"{len(rows['model'])} scores")


def load_arena_wide(path: str | Path, tables: str | Path) -> Dataset:
    """Arena Elo by date (rows: ``YYYYMMDD``, columns: model keys; 0 = not on the board),
    joined to organisations through leaderboard tables with ``key, Organization``."""
    p, t = Path(path), Path(tables)
    orgs: dict[str, str] = {}
    for _line, r in read_csv_rows(t, ["key", "Organization"]):
        if r["key"] and r["Organization"]:
            orgs[r["key"]] = r["Organization"]
    try:
        wide = pd.read_csv(p, dtype=str, index_col=0)
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read wide table: {exc}", p) from None
    dates = pd.to_datetime(wide.index.astype(str), format="%Y%m%d", errors="coerce")
    if dates.isna().any():
        i = int(dates.isna().argmax())
        raise _err(f"not a date: {wide.index[i]!r}", p, i + 2, "date")
    values = wide.apply(pd.to_numeric, errors="coerce")
    bad = values.isna() & wide.notna()
    if bad.to_numpy().any():
        i, j = (int(x[0]) for x in bad.to_numpy().nonzero())
        raise _err(f"not a number: {wide.iat[i, j]!r}", p, i + 2, str(wide.columns[j]))
    values.index = dates
    long = values.stack().rename("value").reset_index()
    long.columns = pd.Index(["as_of", "model", "value"])
    long = long[long["value"] > 0]
    rows: Rows = {
        "model": long["model"].tolist(), "value": long["value"].tolist(),
        "as_of": long["as_of"].tolist(), "metric": ["arena"] * len(long),
        "organisation": long["model"].map(orgs).fillna("").tolist(),
        "source": ["Chatbot Arena Elo history"] * len(long),
    }
    return _finish(rows, p, f"{len(rows['model'])} scores (0 = not listed, skipped)")


PLAIN_COLUMNS = ["model", "metric", "value"]


def load_plain(path: str | Path) -> Dataset:
    """The plain CSV (see docs/gap.md): ``model, metric, value`` required; optional
    ``organisation, countries`` (ISO codes separated by ``/``), ``release_date, access``
    (open/closed), ``training_compute_flop, source, as_of``. A row needs a release date or
    an as-of date; countries come from the organisation mapping when blank."""
    p = Path(path)
    rows = _new(["model", "organisation", "countries", "release", "access",
                 "compute_flop", "metric", "value", "source", "as_of"])
    for line, r in read_csv_rows(p, PLAIN_COLUMNS):
        for col in PLAIN_COLUMNS:
            if not r[col]:
                raise _err("empty value", p, line, col)
        rel, as_of = r.get("release_date", ""), r.get("as_of", "")
        if not rel and not as_of:
            raise _err("need release_date or as_of", p, line, "release_date")
        access = r.get("access", "").lower()
        if access not in ACCESS:
            raise _err(f"access must be open or closed, got {access!r}", p, line, "access")
        flop = r.get("training_compute_flop", "")
        for k, v in {
            "model": r["model"], "organisation": r.get("organisation", ""),
            "countries": r.get("countries", "").upper().replace(";", "/"),
            "release": parse_date(rel, p, line, "release_date") if rel else pd.NaT,
            "access": access, "metric": r["metric"],
            "compute_flop": parse_number(flop, p, line, "training_compute_flop")
            if flop else float("nan"),
            "value": parse_number(r["value"], p, line, "value"),
            "source": r.get("source", "") or p.name,
            "as_of": parse_date(as_of, p, line, "as_of") if as_of else pd.NaT,
        }.items():
            rows[k].append(v)
    return _finish(rows, p, f"{len(rows['model'])} observations")


@dataclass(frozen=True)
class Loader:
    """A data format: its name, the header columns that identify it, and its loader."""

    name: str
    signature: tuple[str, ...]
    load: Callable[[Path], Dataset]
    description: str


LOADERS: Registry[Loader] = Registry("data format", [
    Loader("eci", ("Model version", "ECI Score"), load_eci, "Epoch Capabilities Index CSV"),
    Loader("compute", ("Publication date", "Training compute (FLOP)"), load_compute,
           "Epoch all ML systems (training compute)"),
    Loader("benchmarks", ("System", "China"), load_benchmarks, "Epoch China benchmark table"),
    Loader("arena", ("arena_score", "snapshot"), load_arena, "LMArena leaderboard snapshots"),
    Loader("plain", ("model", "metric", "value"), load_plain, "frontierguard plain CSV"),
])


def detect_format(path: str | Path) -> Loader:
    """The loader whose signature columns are all in the file's header."""
    p = Path(path)
    try:
        with p.open(newline="", encoding="utf-8-sig") as fh:
            header = next(csv.reader(fh), [])
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", p) from None
    for loader in LOADERS:
        if all(c in header for c in loader.signature):
            return loader
    raise InputError(
        f"unrecognised columns; expected one of the formats: {', '.join(LOADERS.names())}",
        p, 1, None, row_kind="line",
    )


def load(path: str | Path, fmt: str | None = None) -> Dataset:
    """Load ``path`` in format ``fmt`` (detected from the header when None)."""
    loader = LOADERS.get(fmt) if fmt else detect_format(path)
    return loader.load(Path(path))
