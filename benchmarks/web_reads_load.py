"""Reads under load on loopback: `frontierguard serve` over a finished detection run of
simulated traffic; C concurrent clients each send their share of N requests, alternating
`GET /api/v1/campaigns` (bearer token) and an account page (session cookie). Prints
requests/s, p50/p99 latency and errors, overall and per route.

Usage: .venv/bin/python benchmarks/web_reads_load.py [REQUESTS] [CLIENTS] [ACCOUNTS]
       (default 3000 16 300)
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import httpx

from _util import FG, wait_up


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _setup(tmp: Path, accounts: int) -> tuple[Path, str]:
    db = tmp / "reads.duckdb"
    sim = tmp / "sim"
    subprocess.run([FG, "simulate", "--out", str(sim), "--accounts", str(accounts), "--days", "3",
                    "--seed", "7"], check=True, capture_output=True)
    subprocess.run([FG, "ingest", str(sim / "events.parquet"), "--db", str(db)], check=True,
                   capture_output=True)
    token = subprocess.run([FG, "tokens", "create", "--role", "admin", "--db", str(db)],
                           check=True, capture_output=True, text=True).stdout.strip()
    return db, token


def _finished_run(base: str, token: str) -> str:
    auth = {"Authorization": f"Bearer {token}"}
    job = httpx.post(f"{base}/api/v1/detections", json={}, headers=auth, timeout=60).json()["job_id"]
    end = time.monotonic() + 600
    while time.monotonic() < end:
        status = httpx.get(f"{base}/api/v1/detections/{job}", headers=auth).json()
        if status["status"] in ("done", "failed"):
            if status["status"] == "failed":
                raise SystemExit(f"detection failed: {status['message']}")
            return str(job)
        time.sleep(0.5)
    raise SystemExit("detection did not finish in 600 s")


def _account(base: str, token: str) -> str:
    auth = {"Authorization": f"Bearer {token}"}
    rows = httpx.get(f"{base}/api/v1/accounts?limit=1", headers=auth).json()
    return f"/accounts/{quote(rows[0]['account_id'], safe='')}"


def _load(base: str, token: str, paths: list[str], requests: int,
          clients: int) -> list[tuple[str, float, int]]:
    per = [requests // clients + (i < requests % clients) for i in range(clients)]

    def client(worker: int) -> list[tuple[str, float, int]]:
        out = []
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"},
                          timeout=120) as c:
            c.post("/login", data={"token": token})  # session cookie for the pages
            for i in range(per[worker]):
                path = paths[(worker + i) % len(paths)]
                t = time.perf_counter()
                code = c.get(path).status_code
                out.append((path, time.perf_counter() - t, code))
        return out

    with ThreadPoolExecutor(clients) as pool:
        return [r for rs in pool.map(client, range(clients)) for r in rs]


def _line(label: str, rows: list[tuple[str, float, int]], wall: float) -> str:
    lat = sorted(r[1] for r in rows)
    errors = sum(r[2] != 200 for r in rows)
    p50, p99 = lat[len(lat) // 2], lat[max(0, int(len(lat) * 0.99) - 1)]
    return (f"{label}: {len(rows)} requests, {len(rows) / wall:.0f} req/s, "
            f"p50 {p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, errors {errors}")


def main() -> int:
    requests = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    clients = int(sys.argv[2]) if len(sys.argv) > 2 else 16
    accounts = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    with tempfile.TemporaryDirectory() as tmp:
        db, token = _setup(Path(tmp), accounts)
        base = f"http://127.0.0.1:{_port()}"
        proc = subprocess.Popen([FG, "serve", "--db", str(db), "--runs-dir", str(Path(tmp) / "runs"),
                                 "--port", base.rsplit(":", 1)[1]],
                                stdout=subprocess.DEVNULL, env={**os.environ})
        try:
            wait_up(base, proc)
            job = _finished_run(base, token)
            paths = ["/api/v1/campaigns", _account(base, token)]
            _load(base, token, paths, 2 * clients, clients)  # warm up: parse, first render
            start = time.perf_counter()
            rows = _load(base, token, paths, requests, clients)
            wall = time.perf_counter() - start
        finally:
            proc.terminate()
            proc.wait(timeout=60)
    print(f"run {job}, {accounts} simulated accounts, {clients} clients")
    print(_line("all", rows, wall))
    for path in paths:
        print(_line(f"GET {path}", [r for r in rows if r[0] == path], wall))
    return 0 if all(r[2] == 200 for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
