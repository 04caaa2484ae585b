"""Detection end to end: events -> signals and features -> account graph -> scores -> outputs.

Writes the fixed output contract into ``out_dir``:

* ``accounts.csv`` -- ``account_id, score, flagged, cluster_id, reasons`` (one row per account
  that sent traffic; ``flagged`` is ``true``/``false``; reasons ``;``-separated);
* ``campaigns.json`` -- reported campaigns, ranked by score;
* ``report.html`` -- the analyst report;
* ``account_scores.csv`` -- every policy feature's score per account (input to ``fit``);
* ``indicators.csv`` -- every value (exit IP, /24, hosting ASN, TLS fingerprint, user agent,
  payment and prompt-template fingerprint) each campaign rests on, with how many of its
  accounts and of all accounts used it (:mod:`frontierguard.traffic.indicator_table`; input
  to ``share export``);
* with a deciding policy (policy_v5): ``role`` in ``accounts.csv`` (core, peripheral, lone,
  watch, bystander or empty), each campaign's ``decision`` in ``campaigns.json``,
  ``watch.json`` (clusters below the decision) and ``decision.json`` (the operating point and
  every candidate community's figures);
* with partner indicators imported (``share import``): ``partner_matches.csv`` -- the
  accounts that matched a partner's campaign (absent otherwise).
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from frontierguard.core import csvsafe
from frontierguard.core.errors import ConfigError, InputError
from frontierguard.core.settings import resolve
from frontierguard.core.store import connect, table_exists
from frontierguard.traffic import campaigns as campaigns_mod
from frontierguard.traffic import features, indicator_table, linkage, report
from frontierguard.traffic.engine import DuckDBEngine
from frontierguard.traffic.policy import SETTINGS, effective_policy
from frontierguard.traffic.scoring import scorers
from frontierguard.traffic.sharing.match import partner_signal
from frontierguard.traffic.sharing.match import write as write_matches
from frontierguard.traffic.tables import read_releases

ENGINES = ("duckdb", "spark")


@dataclass(frozen=True)
class DetectionResult:
    """What a detection run produced."""

    out_dir: Path
    policy: str
    events: int
    accounts: int
    flagged: int
    campaigns: int
    links: int
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return {"out_dir": str(self.out_dir), "policy": self.policy, "events": self.events,
                "accounts": self.accounts, "flagged": self.flagged, "campaigns": self.campaigns,
                "links": self.links, "seconds": round(self.seconds, 3)}


def load_events(con: duckdb.DuckDBPyConnection, paths: Sequence[str | Path]) -> None:
    """Load event files into ``events`` (validated, deduplicated) through the ingest path."""
    from frontierguard.traffic.ingest import load_events as ingest

    ingest(con, paths, "fail")


def split_overrides(overrides: dict[str, Any] | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """(detection settings, feature settings); an unknown name is a ConfigError."""
    ours = {s.name for s in SETTINGS}
    mine = {k: v for k, v in (overrides or {}).items() if k in ours}
    rest = {k: v for k, v in (overrides or {}).items() if k not in ours}
    resolve([*SETTINGS, *features.SETTINGS], overrides)
    return mine, rest


def _releases(releases: str | Path | pa.Table | None) -> pa.Table | None:
    if releases is None or isinstance(releases, pa.Table):
        return releases
    return read_releases(releases)


def run_detection(
    events_paths: Sequence[str | Path] | None,
    db: str | Path | None = None,
    releases: str | Path | pa.Table | None = None,
    out_dir: str | Path = "detections",
    engine: str = "duckdb",
    overrides: dict[str, Any] | None = None,
    con: duckdb.DuckDBPyConnection | None = None,
    spark_master: str | None = None,
    partners_db: str | Path | None = None,
    key_file: str | Path | None = None,
) -> DetectionResult:
    """Detect distillation campaigns in the events (files, or the store when none given).

    ``engine="spark"`` computes signals and features on Apache Spark from Parquet
    paths, directories or globs; linkage and scoring then run on the aggregated tables.

    Partner indicators imported with ``share import`` (in the store, or in ``partners_db``)
    link matching accounts to partners' campaigns under the group key in ``key_file``
    (:mod:`frontierguard.traffic.sharing.match`); with none stored nothing changes.
    """
    if engine not in ENGINES:
        raise ConfigError(f"unknown engine {engine!r} (known: {', '.join(ENGINES)})")
    if engine == "spark":
        if not events_paths:
            raise InputError("the spark engine reads event files: give Parquet paths or globs")
        if partners_db is not None or key_file is not None:
            raise ConfigError("partner indicators are matched by the duckdb engine only: drop "
                              "--partners/--key-file or use --engine duckdb")
        from frontierguard.traffic.spark.detect import run_detection_spark

        return run_detection_spark(events_paths, releases, out_dir, overrides, master=spark_master)
    start = time.perf_counter()
    mine, feature_overrides = split_overrides(overrides)
    policy, values = effective_policy(mine)
    release_table = _releases(releases)
    own = con is None
    if con is None:
        con = connect(db if db is not None else ":memory:")
    try:
        if events_paths:
            load_events(con, events_paths)
        con.execute(f"SET memory_limit = '{values['detect_memory_limit']}'")
        if not table_exists(con, "events"):
            raise InputError("no events: give event files or a store that holds ingested events",
                             db)
        n_events = int(con.execute("SELECT count(*) FROM events").fetchall()[0][0])
        if n_events == 0:
            raise InputError("no events to analyse", db)
        features.build(DuckDBEngine(con), "events", release_table, feature_overrides)
        links = linkage.build_graph(con, policy)
        linkage.communities(con, policy)
        result = campaigns_mod.assess(con, policy, scorers(policy))
        found = partner_signal(con, result.accounts, partners_db, key_file)
        out = Path(out_dir)
        write_outputs(con, out, result, policy.name, release_table)
        if found is not None:
            write_matches(out / "partner_matches.csv", found)
        else:  # a previous run's matches would otherwise look like this run's
            (out / "partner_matches.csv").unlink(missing_ok=True)
    finally:
        if own:
            con.close()
    flagged = sum(1 for a in result.accounts if a["flagged"])
    return DetectionResult(out, policy.name, n_events, len(result.accounts), flagged,
                           len(result.campaigns), links, time.perf_counter() - start)


def write_outputs(con: duckdb.DuckDBPyConnection, out: Path, result: campaigns_mod.Assessment,
                  policy: str, releases: pa.Table | None) -> None:
    """accounts.csv, account_scores.csv, campaigns.json, indicators.csv and report.html
    into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    with (out / "accounts.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csvsafe.writer(fh)
        w.writerow(["account_id", "score", "flagged", "cluster_id", "reasons", "role"])
        for a in result.accounts:
            w.writerow([a["account_id"], f"{a['score']:.6f}", "true" if a["flagged"] else "false",
                        a["cluster_id"], ";".join(r.replace(";", ",") for r in a["reasons"]),
                        a.get("role", "")])
    names = list(result.feature_scores)
    with (out / "account_scores.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csvsafe.writer(fh)
        w.writerow(["account_id", *names])
        cols = [result.feature_scores[n] for n in names]
        for i, a in enumerate(result.accounts):
            w.writerow([a["account_id"], *(f"{c[i]:.6f}" for c in cols)])
    public = [{k: v for k, v in c.items() if k != "community"} for c in result.campaigns]
    (out / "campaigns.json").write_text(json.dumps(public, indent=2, ensure_ascii=False),
                                        encoding="utf-8")
    indicator_table.write(con, out / "indicators.csv", result.campaigns)
    if result.operating_point is not None:
        watch = [{k: v for k, v in c.items() if k != "community"} for c in result.watch]
        (out / "watch.json").write_text(json.dumps(watch, indent=2, ensure_ascii=False),
                                        encoding="utf-8")
        doc = {**result.operating_point, "communities": result.candidates}
        (out / "decision.json").write_text(json.dumps(doc, indent=1, ensure_ascii=False),
                                           encoding="utf-8")
    report.write(out / "report.html", con, result, policy, releases)
