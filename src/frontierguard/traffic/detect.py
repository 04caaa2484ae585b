"""Detection end to end: events -> signals and features -> account graph -> scores -> outputs.

One pipeline for every engine (:mod:`frontierguard.traffic.engine`): the engine loads and
checks the events and builds the signals and features (DuckDB here, or Spark for traffic
that outgrows one machine); the account graph, scoring and outputs then run on the engine's
local DuckDB, the same code for both.

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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

from frontierguard.core import csvsafe
from frontierguard.core.errors import ConfigError, InputError
from frontierguard.core.progress import NULL, Progress
from frontierguard.core.settings import Setting, resolve
from frontierguard.core.store import connect
from frontierguard.traffic import campaigns as campaigns_mod
from frontierguard.traffic import features, indicator_table, ingest, linkage, report
from frontierguard.traffic.engine import DuckDBEngine, Engine
from frontierguard.traffic.policy import SETTINGS, effective_policy
from frontierguard.traffic.scoring import scorers
from frontierguard.traffic.sharing.match import partner_signal
from frontierguard.traffic.sharing.match import write as write_matches
from frontierguard.traffic.tables import read_releases

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

ENGINES = ("duckdb", "spark")

# Columns of req_signals read after the feature step (linkage indicators, campaign evidence).
LANDED_SIGNALS = (
    "account_id", "ts", "model", "ip", "ip24", "asn", "asn_type", "user_agent",
    "tls_fingerprint", "payment_fingerprint", "org_id", "account_created", "signup_channel", "prompt",
    "capability", "template_id", "template_simhash",
)
# The tables the single-machine steps read, landed from the engine that built them.
LANDED = {"account_features": "SELECT * FROM account_features",
          "req_signals": f"SELECT {', '.join(LANDED_SIGNALS)} FROM req_signals"}


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


@dataclass(frozen=True)
class Overrides:
    """``--set`` values split by the stage that reads them."""

    detection: dict[str, Any]
    features: dict[str, Any]
    engine: dict[str, Any]


def engine_settings(engine: str) -> Sequence[Setting]:
    """The settings of the named engine (without starting it)."""
    if engine == "spark":
        from frontierguard.traffic.spark.engine import SETTINGS as SPARK_SETTINGS

        return SPARK_SETTINGS
    return ingest.SETTINGS


def split_overrides(overrides: dict[str, Any] | None,
                    engine: Sequence[Setting] = ingest.SETTINGS) -> Overrides:
    """The overrides for detection, features and the engine; an unknown name (or one of
    another engine) is a ConfigError listing every setting this run accepts."""
    given = dict(overrides or {})
    mine = {s.name for s in engine}
    for other in ENGINES:
        wrong = sorted({s.name for s in engine_settings(other)} & given.keys() - mine)
        if wrong:
            raise ConfigError(f"unknown setting {wrong[0]!r}: it applies to --engine {other}")
    resolve([*SETTINGS, *features.SETTINGS, *engine], given)

    def part(group: Sequence[Setting]) -> dict[str, Any]:
        names = {s.name for s in group}
        return {k: v for k, v in given.items() if k in names}

    return Overrides(part(SETTINGS), part(features.SETTINGS), part(engine))


def _releases(releases: str | Path | pa.Table | None) -> pa.Table | None:
    if releases is None or isinstance(releases, pa.Table):
        return releases
    return read_releases(releases)


@contextmanager
def open_engine(name: str, overrides: dict[str, Any], db: str | Path | None = None,
                con: duckdb.DuckDBPyConnection | None = None, spark_master: str | None = None,
                spark: SparkSession | None = None) -> Iterator[Engine]:
    """The named engine, closed afterwards: DuckDB on ``con`` or the store ``db`` (in memory
    when neither), or Spark on ``spark`` or a new session."""
    engine: Engine
    if name == "spark":
        from frontierguard.traffic.spark.engine import SparkEngine, run_dir, session

        work_dir = run_dir(overrides)
        engine = SparkEngine(spark or session(spark_master, overrides), work_dir,
                             owns_dir=work_dir is not None)
    else:
        engine = DuckDBEngine(con or connect(db if db is not None else ":memory:"),
                              owns=con is None)
    try:
        yield engine
    finally:
        engine.close()


def run_detection(
    events_paths: Sequence[str | Path] | None,
    db: str | Path | None = None,
    releases: str | Path | pa.Table | None = None,
    out_dir: str | Path = "detections",
    engine: str | Engine = "duckdb",
    overrides: dict[str, Any] | None = None,
    con: duckdb.DuckDBPyConnection | None = None,
    spark_master: str | None = None,
    spark: SparkSession | None = None,
    progress: Progress = NULL,
    partners_db: str | Path | None = None,
    key_file: str | Path | None = None,
) -> DetectionResult:
    """Detect distillation campaigns in the events (files, or the store when none given).

    ``engine="spark"`` computes signals and features on Apache Spark from Parquet
    paths, directories or globs; linkage and scoring then run on the aggregated tables.
    An :class:`~frontierguard.traffic.engine.Engine` runs on that engine (the caller closes it).
    ``progress`` hears each stage as it begins.

    Partner indicators imported with ``share import`` (in the store, or in ``partners_db``)
    link matching accounts to partners' campaigns under the group key in ``key_file``
    (:mod:`frontierguard.traffic.sharing.match`); with none stored nothing changes.
    """
    if isinstance(engine, str) and engine not in ENGINES:
        raise ConfigError(f"unknown engine {engine!r} (known: {', '.join(ENGINES)})")
    name = engine if isinstance(engine, str) else engine.name
    if name == "spark" and (partners_db is not None or key_file is not None):
        raise ConfigError("partner indicators are matched by the duckdb engine only: drop "
                          "--partners/--key-file or use --engine duckdb")
    parts = split_overrides(overrides, engine_settings(name) if isinstance(engine, str)
                            else engine.settings)
    if not events_paths and name == "spark":
        raise InputError("the spark engine reads event files: give Parquet paths or globs")
    if not isinstance(engine, str):
        return detect_on(engine, events_paths, releases, out_dir, parts, progress=progress,
                         partners=(partners_db, key_file))
    with open_engine(name, parts.engine, db, con, spark_master, spark) as opened:
        return detect_on(opened, events_paths, releases, out_dir, parts, db, progress,
                         (partners_db, key_file))


def detect_on(engine: Engine, events_paths: Sequence[str | Path] | None,
              releases: str | Path | pa.Table | None, out_dir: str | Path,
              overrides: Overrides, db: str | Path | None = None,
              progress: Progress = NULL,
              partners: tuple[str | Path | None, str | Path | None] = (None, None),
              ) -> DetectionResult:
    """The detection pipeline on ``engine``: load and check the events (unless the engine
    holds them already), features on the engine, then linkage, communities, scoring, the
    partner-indicator step (``partners``: the partners' store and the group key file) and
    the output files on its local DuckDB."""
    start = time.perf_counter()
    policy, values = effective_policy(overrides.detection)
    release_table = _releases(releases)
    if events_paths:
        progress.stage("loading events")
        engine.load_events(events_paths, overrides.engine, progress.advance)
    engine.local.execute(f"SET memory_limit = '{values['detect_memory_limit']}'")
    if not engine.has_table("events"):
        raise InputError("no events: give event files or a store that holds ingested events", db)
    n_events = int(engine.to_arrow("SELECT count(*) AS n FROM events").column(0)[0].as_py())
    if n_events == 0:
        raise InputError("no events to analyse", db)
    features.build(engine, "events", release_table, overrides.features, progress)
    engine.land(LANDED)
    con = engine.local
    progress.stage("linking accounts")
    links = linkage.build_graph(con, policy)
    progress.stage("finding communities")
    linkage.communities(con, policy)
    progress.stage("scoring accounts and campaigns")
    result = campaigns_mod.assess(con, policy, scorers(policy))
    found = partner_signal(con, result.accounts, *partners)
    out = Path(out_dir)
    progress.stage("writing outputs")
    write_outputs(con, out, result, policy.name, release_table)
    if found is not None:
        write_matches(out / "partner_matches.csv", found)
    else:  # a previous run's matches would otherwise look like this run's
        (out / "partner_matches.csv").unlink(missing_ok=True)
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
