"""Background detection runs: started by the API, polled for progress, results on disk.

Runs share the store's working tables, so they run one at a time: a run started while
another is running is ``queued`` until its turn. A run left ``running`` or ``queued`` by a
service that stopped is marked failed when the service starts again.

A run writes the fixed detection outputs (``accounts.csv``, ``campaigns.json``,
``report.html``) under ``<runs_dir>/<job_id>/``; the run table in the store keeps
its status so the pages and API can list and fetch it.
"""

from __future__ import annotations

import csv
import json
import threading
import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from frontierguard.core import csvsafe
from frontierguard.core.errors import FrontierguardError, NotFoundError
from frontierguard.core.store import transaction

DDL = (
    "CREATE TABLE IF NOT EXISTS detection_runs (job_id VARCHAR PRIMARY KEY, "
    "status VARCHAR NOT NULL, progress DOUBLE NOT NULL DEFAULT 0, message VARCHAR, "
    "out_dir VARCHAR NOT NULL, started_by VARCHAR, started_at TIMESTAMPTZ DEFAULT now(), "
    "finished_at TIMESTAMPTZ)"
)

RESULTS_KEPT = 4  # parsed finished runs kept in memory
Runner = Callable[[Path, Callable[[float, str], None]], None]


@dataclass
class RunResults:
    """The parsed outputs of one finished run."""

    job_id: str
    accounts: list[dict[str, Any]]
    campaigns: list[dict[str, Any]]
    _by_account: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)
    _split: dict[bool, list[dict[str, Any]]] = field(default_factory=dict, repr=False)
    pages: dict[tuple[Any, ...], bytes] = field(default_factory=dict, repr=False)  # encoded

    def __post_init__(self) -> None:
        self._by_account = {str(a["account_id"]): a for a in self.accounts}

    def flagged(self, flagged: bool) -> list[dict[str, Any]]:
        """The accounts flagged (or not), highest score first; filtered once per run."""
        if flagged not in self._split:
            self._split[flagged] = [a for a in self.accounts if a["flagged"] == flagged]
        return self._split[flagged]

    def campaign(self, campaign_id: str) -> dict[str, Any]:
        for c in self.campaigns:
            if str(c["id"]) == campaign_id:
                return c
        raise NotFoundError(f"no campaign {campaign_id!r} in run {self.job_id}")

    def account(self, account_id: str) -> dict[str, Any]:
        found = self._by_account.get(account_id)
        if found is not None:
            return found
        raise NotFoundError(f"no account {account_id!r} in run {self.job_id}")


class Jobs:
    """Starts runs in threads and records their state in ``detection_runs``."""

    def __init__(self, con: duckdb.DuckDBPyConnection, runs_dir: Path) -> None:
        self.con, self.runs_dir = con, runs_dir
        # parsed outputs of finished runs, keyed by run id, checked against the files' mtimes
        self._parsed: dict[str, tuple[tuple[int, int], RunResults]] = {}
        self._done: dict[str, Path] = {}  # finished runs' output folders (they never change)
        self._latest: str | None = None  # the latest finished run; reset when one finishes
        self._lock = threading.Lock()
        self._turn = threading.Lock()  # one detection at a time; the others wait queued
        con.execute(DDL)
        cur = con.cursor()
        with transaction(cur):
            cur.execute("UPDATE detection_runs SET status = 'failed', finished_at = now(), "
                        "message = 'interrupted: the service stopped during this run' "
                        "WHERE status IN ('running', 'queued')")

    def _update(self, job_id: str, finished: bool = False, **values: Any) -> None:
        cur = self.con.cursor()
        sets = ", ".join([f"{k} = ?" for k in values] + (["finished_at = now()"] if finished else []))
        with transaction(cur):
            cur.execute(f"UPDATE detection_runs SET {sets} WHERE job_id = ?", [*values.values(), job_id])

    def start(self, runner: Runner, started_by: str | None) -> str:
        job_id = uuid.uuid4().hex[:12]
        out = self.runs_dir / job_id
        cur = self.con.cursor()
        cur.execute(
            "INSERT INTO detection_runs (job_id, status, out_dir, started_by) VALUES (?, ?, ?, ?)",
            [job_id, "queued", str(out), started_by],
        )
        thread = threading.Thread(target=self._run, args=(job_id, out, runner), daemon=True)
        thread.start()
        return job_id

    def _run(self, job_id: str, out: Path, runner: Runner) -> None:
        def report(fraction: float, message: str) -> None:
            self._update(job_id, progress=round(min(1.0, max(0.0, fraction)), 3), message=message)

        with self._turn:
            self._update(job_id, status="running", message="running")
            self._run_now(job_id, out, runner, report)

    def _run_now(self, job_id: str, out: Path, runner: Runner,
                 report: Callable[[float, str], None]) -> None:
        try:
            runner(out, report)
        except FrontierguardError as exc:
            self._update(job_id, True, status="failed", message=str(exc))
            return
        except Exception as exc:  # the job must record any failure, not die silently
            traceback.print_exc()
            self._update(job_id, True, status="failed",
                         message=f"internal error: {type(exc).__name__}")
            return
        self._update(job_id, True, status="done", progress=1.0, message="finished")
        with self._lock:
            self._latest = None  # the next read looks up the new latest run

    def get(self, job_id: str) -> dict[str, Any]:
        cur = self.con.cursor()
        rel = cur.execute("SELECT * FROM detection_runs WHERE job_id = ?", [job_id])
        cols = [d[0] for d in rel.description or []]
        rows = rel.fetchall()
        if not rows:
            raise NotFoundError(f"no detection run {job_id!r}")
        return dict(zip(cols, rows[0], strict=True))

    def latest_done(self) -> str | None:
        with self._lock:
            if self._latest is not None:
                return self._latest
        rows = self.con.cursor().execute(
            "SELECT job_id FROM detection_runs WHERE status = 'done' "
            "ORDER BY finished_at DESC LIMIT 1"
        ).fetchall()
        latest = str(rows[0][0]) if rows else None
        with self._lock:
            self._latest = latest
        return latest

    def _out_dir(self, job_id: str) -> Path:
        with self._lock:
            if job_id in self._done:
                return self._done[job_id]
        run = self.get(job_id)
        if run["status"] != "done":
            raise NotFoundError(f"detection run {job_id} is {run['status']}")
        out = Path(run["out_dir"])
        with self._lock:
            self._done[job_id] = out
        return out

    def results(self, job_id: str | None = None) -> RunResults:
        """A finished run's parsed outputs, parsed once and kept while the files are unchanged."""
        job_id = job_id or self.latest_done()
        if job_id is None:
            raise NotFoundError("no finished detection run yet")
        out = self._out_dir(job_id)
        try:
            stamp = ((out / "accounts.csv").stat().st_mtime_ns,
                     (out / "campaigns.json").stat().st_mtime_ns)
        except FileNotFoundError:
            raise NotFoundError(f"detection run {job_id} has no outputs") from None
        with self._lock:
            cached = self._parsed.get(job_id)
            if cached is not None and cached[0] == stamp:
                return cached[1]
        parsed = _read_results(job_id, out)  # outside the lock: other reads go on
        with self._lock:
            self._parsed.pop(job_id, None)
            while len(self._parsed) >= RESULTS_KEPT:
                self._parsed.pop(next(iter(self._parsed)))
            self._parsed[job_id] = (stamp, parsed)
        return parsed


def _read_results(job_id: str, out: Path) -> RunResults:
    """Parse a finished run's ``accounts.csv`` and ``campaigns.json``."""
    with (out / "accounts.csv").open(newline="") as fh:
        accounts: list[dict[str, Any]] = list(csv.DictReader(fh))
    for a in accounts:
        for key in ("account_id", "cluster_id", "reasons"):  # CSV cells are neutralised
            a[key] = csvsafe.restore(a[key])
        a["score"] = float(a["score"])
        a["flagged"] = a["flagged"] == "true"
        a["reasons"] = [r for r in a["reasons"].split(";") if r]
    accounts.sort(key=lambda a: -float(a["score"]))
    campaigns = json.loads((out / "campaigns.json").read_text())
    campaigns.sort(key=lambda c: -float(c["score"]))
    return RunResults(job_id, accounts, campaigns)
