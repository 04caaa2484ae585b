"""Screening under load on loopback: N `POST /api/v1/screening/check` calls from C concurrent
clients against `frontierguard serve`; prints throughput, p50/p99 latency, errors, and checks
that every call has exactly one audit row in a valid chain.

Usage: .venv/bin/python benchmarks/web_screening_load.py [CALLS] [CLIENTS]   (default 2000 16)
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

import httpx

from _util import FG, wait_up

LIST = ("name,aliases,country,list\nHuawei Technologies Co. Ltd.,Huawei;HiSilicon,CN,Entity List\n"
        "Banco Nacional de Cuba,BNC,CU,SDN\n")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _setup(tmp: Path) -> tuple[Path, str]:
    db = tmp / "load.duckdb"
    (tmp / "list.csv").write_text(LIST)
    subprocess.run([FG, "lists", "update", str(tmp / "list.csv"), "--db", str(db)], check=True,
                   capture_output=True)
    token = subprocess.run([FG, "tokens", "create", "--db", str(db)], check=True,
                           capture_output=True, text=True).stdout.strip()
    return db, token


def _load(base: str, token: str, calls: int, clients: int) -> tuple[list[float], list[int]]:
    per = [calls // clients + (i < calls % clients) for i in range(clients)]

    def client(worker: int) -> list[tuple[float, int]]:
        out = []
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"},
                          timeout=120) as c:
            for i in range(per[worker]):
                t = time.perf_counter()
                code = c.post("/api/v1/screening/check", json={"name": f"Huawei {worker}-{i}"}
                              ).status_code
                out.append((time.perf_counter() - t, code))
        return out

    with ThreadPoolExecutor(clients) as pool:
        results = [r for rs in pool.map(client, range(clients)) for r in rs]
    return sorted(r[0] for r in results), [r[1] for r in results]


def main() -> int:
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    clients = int(sys.argv[2]) if len(sys.argv) > 2 else 16
    with tempfile.TemporaryDirectory() as tmp:
        db, token = _setup(Path(tmp))
        base = f"http://127.0.0.1:{_port()}"
        proc = subprocess.Popen([FG, "serve", "--db", str(db), "--port", base.rsplit(":", 1)[1]],
                                stdout=subprocess.DEVNULL, env={**os.environ})
        try:
            wait_up(base, proc)
            start = time.perf_counter()
            latencies, codes = _load(base, token, calls, clients)
            wall = time.perf_counter() - start
        finally:
            proc.terminate()
            proc.wait(timeout=60)
        verify = subprocess.run([FG, "audit", "verify", "--db", str(db), "--json"],
                                capture_output=True, text=True)
    errors = sum(c != 200 for c in codes)
    p50, p99 = latencies[len(latencies) // 2], latencies[int(len(latencies) * 0.99) - 1]
    print(f"{calls} screening/check calls, {clients} clients: {calls / wall:.0f} calls/s, "
          f"p50 {p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, errors {errors}")
    print(f"audit verify: rc {verify.returncode} {verify.stdout.strip() or verify.stderr.strip()}")
    return 0 if errors == 0 and verify.returncode == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
