"""``detect --engine spark`` on a real standalone cluster (a master and two workers, separate
JVMs on loopback): the CLI flags exactly the accounts DuckDB flags, with identical scores,
communities and campaigns, on simulated traffic with exported-style rows mixed in; and the
cluster's reader gives every hostile row the verdict DuckDB's ingest gives."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq
import pytest

from frontierguard.traffic.detect import run_detection
from frontierguard.traffic.engine import DuckDBEngine
from frontierguard.traffic.simulate import simulate
from support.detect_outputs import differences, flagged
from support.hostile_events import HOSTILE, exported, verdict_duckdb, verdict_spark
from support.spark_cluster import DRIVER_CONF, Cluster, cluster_unavailable, driver_env, standalone

NO_CLUSTER = cluster_unavailable()
pytestmark = [pytest.mark.spark, pytest.mark.xdist_group("spark"),
              pytest.mark.skipif(NO_CLUSTER is not None,
                                 reason=f"Spark cluster tests skipped: {NO_CLUSTER}")]

CLI = [sys.executable, "-c", "from frontierguard.cli import main; main()"]
OVERRIDES = {"signals_cot_threshold": "0.35"}  # reaches the executors' feature build too
DRIVER_DEADLINE_S = 900  # a whole detect run on a busy two-core machine


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    with standalone(tmp_path_factory.mktemp("spark-cluster")) as running:
        yield running


@pytest.fixture(scope="module")
def sim(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("sim")
    simulate(out, accounts=200, days=2, seed=3)  # the default policy flags one campaign
    pq.write_table(exported(pq.read_table(out / "events.parquet")), out / "exported.parquet")
    return [out / "events.parquet", out / "exported.parquet"]


@pytest.fixture(scope="module")
def duck_out(sim: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("duck-out")
    engine = DuckDBEngine(duckdb.connect(), owns=True)
    try:
        run_detection(sim, releases=sim[0].parent / "releases.csv", out_dir=out, engine=engine,
                      overrides=OVERRIDES)
    finally:
        engine.close()
    return out


@pytest.fixture(scope="module")
def cluster_run(cluster: Cluster, sim: list[Path], tmp_path_factory: pytest.TempPathFactory
                ) -> tuple[Path, dict[str, Any]]:
    """The CLI against the cluster: its output directory and its ``--json`` summary."""
    out = tmp_path_factory.mktemp("cluster-out")
    stages = out.parent / "stages"  # created by the executors' first write
    sets = [arg for k, v in {**OVERRIDES, "spark_work_dir": stages.as_uri()}.items()
            for arg in ("--set", f"{k}={v}")]
    done = subprocess.run(
        [*CLI, "detect", *map(str, sim), "--releases", str(sim[0].parent / "releases.csv"),
         "--engine", "spark", "--spark-master", cluster.master_url, "--out", str(out),
         *sets, "--json"],
        env=driver_env(cluster.root / "driver"), capture_output=True, text=True,
        timeout=DRIVER_DEADLINE_S, check=False)
    assert done.returncode == 0, done.stderr[-4000:]
    assert stages.is_dir() and not any(stages.iterdir())  # the run's own subdirectory: gone
    return out, json.loads(done.stdout)


def test_cluster_flags_what_duckdb_flags(cluster_run: tuple[Path, dict[str, Any]],
                                         duck_out: Path) -> None:
    out, summary = cluster_run
    assert 0 < len(flagged(duck_out)) < summary["accounts"]
    assert summary["flagged"] == len(flagged(duck_out))
    assert differences(duck_out, out) == []


def test_the_run_used_both_workers(cluster: Cluster, cluster_run: Any) -> None:
    apps = [a for a in cluster.status()["completedapps"] if a["name"] == "frontierguard"]
    assert len(apps) == 1 and apps[0]["state"] == "FINISHED"
    assert apps[0]["cores"] == cluster.workers  # one executor core granted on each worker
    assert cluster.alive_workers() == cluster.workers


@pytest.fixture(scope="module")
def cluster_engine(cluster: Cluster, cluster_run: Any, tmp_path_factory: pytest.TempPathFactory
                   ) -> Iterator[Any]:
    """A Spark engine whose session runs on the cluster (after the CLI run: an application
    holds its executors until it stops, and the cluster has cores for one at a time)."""
    from pyspark.sql import SparkSession

    from frontierguard.traffic.spark.engine import SparkEngine, session

    active = SparkSession.getActiveSession()
    if active is not None:  # a local session of another module: getOrCreate would reuse it
        active.stop()
    spark = session(cluster.master_url, conf=DRIVER_CONF)
    assert spark.sparkContext.master == cluster.master_url
    engine = SparkEngine(spark, str(tmp_path_factory.mktemp("cluster-work")))
    yield engine
    engine.close()
    spark.stop()


# Every hostile case runs on local Spark in test_engines_agree; on the cluster, the cases the
# engines once disagreed on, one per kind of rule (text, code, required id, timestamp, key).
ON_CLUSTER = ["asn_type padded and capitalised", "country not two letters", "account_id empty",
              "ts text hour 24", "extras are not part of the key"]


@pytest.mark.parametrize("case", ON_CLUSTER)
def test_hostile_rows_same_verdict_on_the_cluster(cluster_engine: Any, tmp_path: Path,
                                                  case: str) -> None:
    path = tmp_path / "rows.parquet"
    pq.write_table(HOSTILE[case][0], path)
    assert verdict_spark(cluster_engine, path) == verdict_duckdb(path)
