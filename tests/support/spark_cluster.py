"""A real Spark standalone cluster on loopback: one master and N workers, each its own JVM.

Started with ``bin/spark-class`` from the ``pyspark`` distribution (the launcher the
``sbin`` daemon scripts wrap), on free ports, with every log, work and scratch directory
under a given root. Readiness is the master's web UI JSON listing the workers ALIVE,
polled with a generous deadline. Stopping terminates each process group (the launcher
``exec``s the JVM, so the group holds it and anything it forked) and waits for it.

Executors run on this machine: they get the driver's Python (``PYSPARK_PYTHON``) and find
``frontierguard`` through ``PYTHONPATH`` set in the workers' environment, which the
executors and their Python workers inherit.

Used by ``tests/traffic/test_spark_cluster.py`` and ``benchmarks/spark_cluster.py``.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from support.live import free_port, wait_until

SRC = Path(__file__).resolve().parents[2] / "src"
DEADLINE_S = 180.0  # JVM start-up on a busy two-core machine


def spark_home() -> Path:
    """The Spark distribution inside the installed ``pyspark`` package."""
    import pyspark

    return Path(pyspark.__file__).resolve().parent


def cluster_unavailable() -> str | None:
    """None when a standalone cluster can start here, else why not."""
    from frontierguard.traffic.spark.engine import spark_available

    reason = spark_available()
    if reason is None and not (spark_home() / "bin" / "spark-class").exists():
        reason = "pyspark ships no bin/spark-class"
    return reason


# A driver in this process reaches the cluster on loopback too.
DRIVER_CONF = {"spark.driver.host": "127.0.0.1", "spark.driver.bindAddress": "127.0.0.1"}


def driver_env(scratch: Path) -> dict[str, str]:
    """The environment of a driver process (such as ``frontierguard detect``) for the
    cluster: loopback, this Python, ``frontierguard`` from this checkout, scratch in
    ``scratch``."""
    scratch.mkdir(parents=True, exist_ok=True)
    return {**os.environ, "SPARK_LOCAL_IP": "127.0.0.1", "SPARK_LOCAL_DIRS": str(scratch),
            "PYSPARK_PYTHON": sys.executable, "PYTHONPATH": _pythonpath()}


def _pythonpath() -> str:
    return os.pathsep.join(p for p in (str(SRC), os.environ.get("PYTHONPATH")) if p)


@dataclass(frozen=True)
class Cluster:
    """A running cluster: its master URL, web UI and the directory holding its files."""

    master_url: str
    web_url: str
    root: Path
    workers: int

    def status(self) -> dict[str, Any]:
        """The master's state as its web UI reports it (``/json/``)."""
        with urllib.request.urlopen(f"{self.web_url}/json/", timeout=10) as resp:
            return dict(json.load(resp))

    def alive_workers(self) -> int:
        """Workers the master currently counts as ALIVE (0 while it is not answering)."""
        try:
            workers = self.status().get("workers", [])
        except (urllib.error.URLError, OSError, ValueError):
            return 0
        return sum(1 for w in workers if w.get("state") == "ALIVE")


def _env(root: Path, name: str) -> dict[str, str]:
    """The environment of one daemon: its own scratch, log and PID directories."""
    local = root / name / "local"
    local.mkdir(parents=True, exist_ok=True)
    return {**os.environ, "SPARK_HOME": str(spark_home()), "SPARK_LOCAL_DIRS": str(local),
            "SPARK_LOG_DIR": str(root / name), "SPARK_PID_DIR": str(root / name),
            "SPARK_LOCAL_IP": "127.0.0.1", "SPARK_NO_DAEMONIZE": "1",
            "PYSPARK_PYTHON": sys.executable, "PYTHONPATH": _pythonpath()}


@contextmanager
def _daemon(root: Path, name: str, args: list[str]) -> Iterator[subprocess.Popen[bytes]]:
    """One ``spark-class`` process in its own process group, logging to ``root/name.log``;
    its group is terminated (then killed) on exit."""
    log: IO[bytes] = (root / f"{name}.log").open("wb")
    proc = subprocess.Popen([str(spark_home() / "bin" / "spark-class"), *args],
                            env=_env(root, name), stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        yield proc
    finally:
        _stop(proc)
        log.close()


def _stop(proc: subprocess.Popen[bytes]) -> None:
    for sig, wait_s in ((signal.SIGTERM, 60.0), (signal.SIGKILL, 30.0)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=wait_s)
            break
        except subprocess.TimeoutExpired:
            continue


def _log_tail(root: Path) -> str:
    return "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-2000:]}"
                     for p in sorted(root.glob("*.log")))


@contextmanager
def standalone(root: Path, workers: int = 2, cores: int = 1, memory: str = "1g",
               deadline_s: float = DEADLINE_S) -> Iterator[Cluster]:
    """A master and ``workers`` workers (``cores`` and ``memory`` each) on 127.0.0.1 with
    their files under ``root``; ready once every worker is ALIVE, stopped on exit."""
    if shutil.which("bash") is None:
        raise RuntimeError("spark-class needs bash")
    root.mkdir(parents=True, exist_ok=True)
    port, web = free_port(), free_port()
    cluster = Cluster(f"spark://127.0.0.1:{port}", f"http://127.0.0.1:{web}", root, workers)
    with ExitStack() as stack:
        master = stack.enter_context(_daemon(root, "master", [
            "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", str(port),
            "--webui-port", str(web)]))
        procs = [master]
        for i in range(workers):
            work = root / f"worker-{i}" / "work"
            work.mkdir(parents=True, exist_ok=True)
            procs.append(stack.enter_context(_daemon(root, f"worker-{i}", [
                "org.apache.spark.deploy.worker.Worker", cluster.master_url, "--host",
                "127.0.0.1", "--port", str(free_port()), "--webui-port", str(free_port()),
                "--cores", str(cores), "--memory", memory, "--work-dir", str(work)])))
        try:
            wait_until(lambda: cluster.alive_workers() == workers
                       or any(p.poll() is not None for p in procs),
                       f"{workers} Spark workers ALIVE at {cluster.web_url}", deadline_s)
        except AssertionError as exc:
            raise AssertionError(f"{exc}\n{_log_tail(root)}") from None
        exited = [p.args for p in procs if p.poll() is not None]
        if exited:
            raise AssertionError(f"Spark daemon exited during start-up: {exited}\n"
                                 f"{_log_tail(root)}")
        yield cluster
