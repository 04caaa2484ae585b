"""Upload a ~50 MB JSONL file to a running service; print seconds and the server's peak memory.

Usage: python benchmarks/web_upload.py [--mb 50]
Starts `frontierguard serve` on a free loopback port with a scratch store, streams the
upload with chunked transfer (the client never holds the file either), then reads the
server's VmHWM (peak resident memory) from /proc. Target (issue 7): a 50 MB upload
ingests without holding it all in memory.
"""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from _util import FG


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _write(path: Path, mb: int) -> int:
    rows = 0
    with path.open("w") as fh:
        while fh.tell() < mb * 1024 * 1024:
            fh.write(json.dumps({
                "ts": 1772359200000 + rows * 50, "account_id": f"acct-{rows % 4000}",
                "model": "m-large", "request_id": f"r{rows}", "ip": f"203.0.113.{rows % 250}",
                "prompt": f"Solve step {rows}: a train leaves at {rows % 24}:00 " + "x" * 300,
            }) + "\n")
            rows += 1
    return rows


def _peak_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "events.jsonl"
        rows = _write(data, args.mb)
        db = Path(tmp) / "s.duckdb"
        token = subprocess.run([FG, "tokens", "create", "--role", "admin", "--db", str(db)],
                               check=True, capture_output=True, text=True).stdout.strip()
        port = _port()
        server = subprocess.Popen([FG, "-q", "serve", "--db", str(db), "--port", str(port),
                                   "--max-upload-mb", str(args.mb * 2)])
        try:
            for _ in range(100):
                try:
                    httpx.get(f"http://127.0.0.1:{port}/health")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            idle = _peak_kib(server.pid)

            def body() -> Iterator[bytes]:
                with data.open("rb") as fh:
                    while chunk := fh.read(1 << 20):
                        yield chunk

            start = time.perf_counter()
            resp = httpx.post(f"http://127.0.0.1:{port}/api/v1/events?format=jsonl",
                              content=body(), headers={"Authorization": f"Bearer {token}"},
                              timeout=600)
            wall = time.perf_counter() - start
            resp.raise_for_status()
            peak = _peak_kib(server.pid)
        finally:
            server.terminate()
            server.wait()
        size = data.stat().st_size / 2**20
        print(f"upload: {size:.0f} MiB, {rows} rows, inserted {resp.json()['inserted']} in "
              f"{wall:.1f} s; server peak RSS {peak / 1024:.0f} MiB (idle {idle / 1024:.0f} MiB)")


if __name__ == "__main__":
    main()
