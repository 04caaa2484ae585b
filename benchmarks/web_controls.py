"""Export-control API speed: party screening on warm sessions, and batch chip classification.

Usage: python benchmarks/web_controls.py [--queries 50] [--chips 10000]
Loads OFAC SDN (main + aliases, ../shared/data/screening or $FRONTIERGUARD_SHARED_DATA) into a
scratch store, starts `frontierguard serve`, then prints: the first screening (indexes the
lists), the median and p95 of the next ones (warm index), and the time to classify a CSV of
generated chips through POST /api/v1/chips/classify-csv.
"""

from __future__ import annotations

import argparse
import csv
import io
import socket
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import httpx
import numpy as np

from _util import FG, SHARED


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _names(n: int) -> list[str]:
    path = SHARED / "screening" / "yente_positives_un_untreated.csv"
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    return [r[0] for r in rows[1:n + 1]]


def _chips_csv(n: int) -> str:
    rng = np.random.default_rng(7)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["name", "datacenter", "die_area_mm2", "tops_int8", "tflops_fp16"])
    for i in range(n):
        w.writerow([f"chip-{i}", "true", f"{rng.uniform(300, 900):.0f}",
                    f"{rng.uniform(50, 3000):.1f}", f"{rng.uniform(20, 1500):.1f}"])
    return buf.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--chips", type=int, default=10000)
    args = parser.parse_args()
    lists_dir = SHARED / "screening"
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "s.duckdb"
        subprocess.run([FG, "-q", "lists", "update", str(lists_dir / "ofac_sdn.csv"),
                        str(lists_dir / "ofac_sdn_alt.csv"), "--db", str(db)], check=True)
        token = subprocess.run([FG, "tokens", "create", "--role", "analyst", "--db", str(db)],
                               check=True, capture_output=True, text=True).stdout.strip()
        port = _port()
        server = subprocess.Popen([FG, "-q", "serve", "--db", str(db), "--port", str(port)])
        base, auth = f"http://127.0.0.1:{port}", {"Authorization": f"Bearer {token}"}
        try:
            for _ in range(300):
                try:
                    httpx.get(f"{base}/health")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            times = []
            with httpx.Client(base_url=base, headers=auth, timeout=120) as client:
                for name in _names(args.queries):
                    start = time.perf_counter()
                    client.post("/api/v1/screening/check", json={"name": name}).raise_for_status()
                    times.append(time.perf_counter() - start)
                body = _chips_csv(args.chips)
                start = time.perf_counter()
                resp = client.post("/api/v1/chips/classify-csv", content=body)
                resp.raise_for_status()
                chips_s = time.perf_counter() - start
        finally:
            server.terminate()
            server.wait()
    warm = sorted(times[1:])
    print(f"screening (OFAC SDN, 20.9k names): first check {times[0]:.2f} s (indexes the lists); "
          f"warm median {statistics.median(warm) * 1000:.0f} ms, "
          f"p95 {warm[int(0.95 * (len(warm) - 1))] * 1000:.0f} ms over {len(warm)} checks")
    print(f"chips: classified {len(resp.json())} CSV rows in {chips_s:.2f} s "
          f"({len(resp.json()) / chips_s:,.0f} items/s, request included)")


if __name__ == "__main__":
    main()
