"""The Python API of party screening: load lists, screen parties, export the audit log."""

from __future__ import annotations

import datetime as dt
import getpass
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from frontierguard.controls.screening import audit, lists
from frontierguard.controls.screening.algorithms import ALGORITHMS
from frontierguard.controls.screening.config import ALGORITHM as ALGORITHM_SETTING
from frontierguard.controls.screening.config import current
from frontierguard.controls.screening.engine import Screener, ScreenResult
from frontierguard.controls.screening.model import KINDS, ListEntry, Party
from frontierguard.controls.screening.normalize import normalize_name
from frontierguard.core import csvsafe
from frontierguard.core.datafiles import read_csv_rows
from frontierguard.core.errors import DataFileError, InputError
from frontierguard.core.progress import NULL, Progress
from frontierguard.core.scoring import Explanation

RESULT_COLUMNS = ["query_id", "query_name", "match_name", "list", "score", "matched", "reasons"]


def score_names(
    query: str, listed: str, algorithm: str = ALGORITHM_SETTING.default, kind: str = "unknown"
) -> Explanation:
    """Score one name against another with no qualifiers (the name-pair benchmark uses this);
    ``algorithm`` defaults to the ``screening.algorithm`` setting's default.

    ``kind`` is what the list says the listed party is (``person``, ``organization``, ...).
    """
    if kind not in KINDS:
        raise InputError(f"unknown kind {kind!r} (known: {', '.join(KINDS)})", field="kind")
    entry = ListEntry("-", "-", listed, kind=kind)
    spec = ALGORITHMS.get(algorithm)
    return spec.scorer.explain(spec.pair(normalize_name(query), normalize_name(listed), Party(query), entry))


@dataclass
class Session:
    """A screener over the lists active on a date, and the versions it used."""

    screener: Screener
    versions: list[lists.ListVersion]
    settings: dict[str, Any]

    @property
    def version_label(self) -> str:
        return "; ".join(v.label() for v in self.versions)


def open_session(
    con: duckdb.DuckDBPyConnection, *, list_date: dt.date | None = None,
    overrides: dict[str, Any] | None = None,
) -> Session:
    """Index the newest version of each list dated on or before ``list_date``."""
    settings = current(overrides)
    versions = lists.active_versions(con, list_date)
    screener = build_screener(lists.entries(con, [v.version_id for v in versions]), settings)
    return Session(screener, versions, settings)


def build_screener(entries: list[ListEntry], settings: dict[str, Any]) -> Screener:
    """A screener over ``entries`` configured by resolved ``settings`` (:func:`.config.current`)."""
    return Screener.build(
        entries, algorithm=settings["screening_algorithm"], threshold=settings["screening_threshold"],
        cutoff=settings["screening_report_cutoff"], candidates=settings["screening_candidates"],
        rarity_floor=settings["screening_rarity_floor"],
    )


def audit_entry(session: Session, action: str, result: ScreenResult, at: dt.datetime,
                actor: str | None = None) -> audit.AuditEntry:
    """The audit row of one screening: who (``actor``, else the ``screening_actor`` setting,
    else the operating-system user), what, against which list versions, and the hits."""
    top = result.hits[0] if result.hits else None
    who = actor or session.settings["screening_actor"] or getpass.getuser()
    return audit.AuditEntry(
        screened_at=at, actor=who, action=action, query_id=result.party.query_id,
        query_name=result.party.name, query_country=result.party.country or "",
        list_versions=session.version_label, algorithm=session.screener.algorithm.name,
        threshold=session.screener.threshold, matched=result.matched,
        top_match=top.entry.name if top else "", top_score=round(top.score, 4) if top else 0.0,
        result=json.dumps([h.as_dict() for h in result.hits], ensure_ascii=False),
    )


def check(
    con: duckdb.DuckDBPyConnection, party: Party, *, list_date: dt.date | None = None,
    overrides: dict[str, Any] | None = None, now: dt.datetime | None = None,
) -> tuple[ScreenResult, Session]:
    """Screen one party and write it to the audit log."""
    session = open_session(con, list_date=list_date, overrides=overrides)
    result = session.screener.screen(party)
    audit.append(con, [audit_entry(session, "check", result, now or _now())])
    return result, session


def read_queries(path: Path) -> list[Party]:
    """Parties from a CSV with ``query_id, name`` and optional ``country``, ``address``, ``identifier``."""
    parties: list[Party] = []
    seen: dict[str, int] = {}
    try:
        for line, row in read_csv_rows(path, ["query_id", "name"]):
            for col in ("query_id", "name"):
                if not row[col]:
                    raise InputError(f"{col} is empty", path, line, col)
            if row["query_id"] in seen:
                raise InputError(f"query_id {row['query_id']!r} repeats row {seen[row['query_id']]}",
                                 path, line, "query_id")
            seen[row["query_id"]] = line
            ids = tuple(i.strip() for i in row.get("identifier", "").split(";") if i.strip())
            parties.append(Party(row["name"], row.get("country") or None, row.get("address") or None,
                                 ids, row["query_id"]))
    except DataFileError as exc:
        raise InputError(exc.message, exc.file, exc.row) from None
    return parties


@dataclass(frozen=True)
class Batch:
    """The results of screening many parties, and the session that screened them."""

    results: list[ScreenResult]
    session: Session

    def summary(self) -> dict[str, Any]:
        """Queries, matched queries, reported candidates, list versions and threshold."""
        return {"queries": len(self.results), "matched": sum(r.matched for r in self.results),
                "reported": sum(len(r.hits) for r in self.results),
                "lists": self.session.version_label, "threshold": self.session.screener.threshold}

    def rows(self) -> list[dict[str, Any]]:
        """One row per reported candidate: the columns of RESULTS.csv, as values."""
        return [{"query_id": r.party.query_id, "query_name": r.party.name,
                 "match_name": h.entry.name, "list": h.entry.list_name,
                 "score": float(f"{h.score:.4f}"), "matched": h.matched,
                 "reasons": list(h.reasons)}
                for r in self.results for h in r.hits]


def screen(
    con: duckdb.DuckDBPyConnection, parties: list[Party], *, list_date: dt.date | None = None,
    overrides: dict[str, Any] | None = None, now: dt.datetime | None = None,
    in_process: bool = False,
) -> Batch:
    """Screen ``parties`` against the lists active on ``list_date`` and write one audit row
    per party. A large batch is spread over ``screening_workers`` processes unless
    ``in_process`` (a threaded server must not fork)."""
    session = open_session(con, list_date=list_date, overrides=overrides)
    workers = 1 if in_process else int(session.settings["screening_workers"])
    results = session.screener.screen_many(parties, workers)
    stamp = now or _now()
    audit.append(con, [audit_entry(session, "screen", r, stamp) for r in results])
    return Batch(results, session)


def screen_file(
    con: duckdb.DuckDBPyConnection, queries: Path, out: Path, *, list_date: dt.date | None = None,
    overrides: dict[str, Any] | None = None, now: dt.datetime | None = None,
    in_process: bool = False, progress: Progress = NULL,
) -> dict[str, Any]:
    """Screen every row of ``queries`` (:func:`screen`); write RESULTS.csv (one row per
    reported candidate). Returns a summary. Each stage is reported to ``progress``."""
    progress.stage("reading queries")
    parties = read_queries(queries)
    progress.stage(f"screening {len(parties)} parties")
    batch = screen(con, parties, list_date=list_date, overrides=overrides, now=now,
                   in_process=in_process)
    progress.stage("writing results")
    write_results(batch, out)
    summary = batch.summary()
    return {**{k: summary[k] for k in ("queries", "matched", "reported")}, "out": str(out),
            "lists": summary["lists"], "threshold": summary["threshold"]}


def write_results(batch: Batch, out: Path) -> None:
    """RESULTS.csv: query_id, query_name, match_name, list, score, matched, reasons."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csvsafe.writer(fh, lineterminator="\n")
        writer.writerow(RESULT_COLUMNS)
        for row in batch.rows():
            writer.writerow([row["query_id"], row["query_name"], row["match_name"], row["list"],
                             f"{row['score']:.4f}", "true" if row["matched"] else "false",
                             "; ".join(row["reasons"])])


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
