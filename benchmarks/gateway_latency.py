"""Latency the gateway adds: the same requests sent direct to an upstream and through the
gateway, on loopback, at a steady rate.

The upstream is a local model API that answers every request after a fixed delay (an
OpenAI Chat Completions reply, or a stream whose first chunk comes after the delay). The
gateway runs as ``frontierguard gateway`` with the shipped policy and its own store, in its
own process; the load comes from a third process at ``--rate`` requests per second with up
to ``--clients`` in flight. Prints p50 and p99 of the latency direct and through the
gateway, and their difference, for unstreamed replies (whole reply) and streamed ones (time
to first chunk). Usage::

    .venv/bin/python benchmarks/gateway_latency.py [--rate 100] [--clients 20] [--seconds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
PROMPT = "Summarise the causes of the First World War in three sentences."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def upstream_app(delay_s: float):  # type: ignore[no-untyped-def]
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response, StreamingResponse
    from starlette.routing import Route

    reply = {"id": "c1", "object": "chat.completion", "choices": [{"index": 0, "finish_reason":
             "stop", "message": {"role": "assistant", "content": "An answer."}}],
             "usage": {"prompt_tokens": 20, "completion_tokens": 30}}

    async def events():  # type: ignore[no-untyped-def]
        await asyncio.sleep(delay_s)
        for word in ("An", " answer", "."):
            chunk = {"id": "c1", "choices": [{"index": 0, "delta": {"content": word}}]}
            yield f"data: {json.dumps(chunk)}\n\n".encode()
        yield b"data: [DONE]\n\n"

    async def chat(request: Request) -> Response:
        body = await request.json()
        if body.get("stream"):
            return StreamingResponse(events(), media_type="text/event-stream")
        await asyncio.sleep(delay_s)
        return JSONResponse(reply)

    return Starlette(routes=[Route("/v1/chat/completions", chat, methods=["POST"])])


def wait_ready(url: str, headers: dict[str, str], proc: subprocess.Popen[bytes]) -> None:
    end = time.monotonic() + 120
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise SystemExit(f"{url}: process exited")
        try:
            if httpx.get(url, headers=headers).status_code in (200, 404, 405):
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"{url} did not come up")


async def one(client: httpx.AsyncClient, stream: bool, key: str) -> float:
    body = {"model": "frontier-1", "stream": stream,
            "messages": [{"role": "user", "content": PROMPT}]}
    headers = {"Authorization": f"Bearer {key}"}
    t0 = time.perf_counter()
    async with client.stream("POST", "/v1/chat/completions", json=body, headers=headers) as r:
        async for _chunk in r.aiter_raw():
            if stream:
                first = time.perf_counter() - t0
                await r.aclose()
                return first
        r.raise_for_status()
    return time.perf_counter() - t0


async def load(base: str, stream: bool, rate: float, clients: int, seconds: float) -> list[float]:
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        for i in range(clients):  # warm the connections and the gateway's caches
            await one(client, stream, f"sk-bench-{i}")
        gate = asyncio.Semaphore(clients)
        start = time.perf_counter()
        n = int(rate * seconds)

        async def paced(i: int) -> float:
            await asyncio.sleep(max(0.0, start + i / rate - time.perf_counter()))
            async with gate:
                return await one(client, stream, f"sk-bench-{i % 50}")

        return list(await asyncio.gather(*(paced(i) for i in range(n))))


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(label: str, direct: list[float], via: list[float]) -> None:
    print(f"{label}: n={len(via)}")
    for q in (0.5, 0.99):
        d, g = pct(direct, q) * 1000, pct(via, q) * 1000
        print(f"  p{int(q * 100):<3d} direct {d:7.2f} ms   gateway {g:7.2f} ms   "
              f"added {g - d:6.2f} ms")


def inside(text: str) -> None:
    """The gateway's own added-latency histogram: mean, and the buckets holding p50 and p99."""
    buckets: list[tuple[str, int]] = []
    total = count = 0.0
    for line in text.splitlines():
        name, _, value = line.rpartition(" ")
        if name.startswith("frontierguard_gateway_added_latency_seconds_bucket"):
            buckets.append((name.split('"')[1], int(value)))
        elif name == "frontierguard_gateway_added_latency_seconds_sum":
            total = float(value)
        elif name == "frontierguard_gateway_added_latency_seconds_count":
            count = float(value)
    if not count:
        return

    def bound(q: float) -> str:
        return next(le for le, n in buckets if n >= q * count)

    print(f"inside the gateway (its own histogram, n={count:.0f}): mean "
          f"{total / count * 1000:.2f} ms, p50 <= {bound(0.5)} s, p99 <= {bound(0.99)} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--delay-ms", type=float, default=20.0)
    parser.add_argument("--serve-upstream", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_upstream:
        import uvicorn

        uvicorn.run(upstream_app(args.delay_ms / 1000), host="127.0.0.1",
                    port=args.serve_upstream, log_level="warning", access_log=False)
        return
    run(args)


def run(args: argparse.Namespace) -> None:
    from frontierguard.core.store import connect
    from frontierguard.core.tokens import create_token

    tmp = Path(tempfile.mkdtemp(prefix="fg-gateway-bench-"))
    db = tmp / "store.duckdb"
    con = connect(db)
    token = create_token(con, "analyst", "bench")
    con.close()
    up_port, gw_port = free_port(), free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    procs = [subprocess.Popen([sys.executable, __file__, "--serve-upstream", str(up_port),
                               "--delay-ms", str(args.delay_ms)], env=env)]
    procs.append(subprocess.Popen(
        [sys.executable, "-c", "from frontierguard.cli import main; main()", "-q", "gateway",
         "--upstream", f"http://127.0.0.1:{up_port}", "--port", str(gw_port), "--db", str(db)],
        env=env))
    direct, via = f"http://127.0.0.1:{up_port}", f"http://127.0.0.1:{gw_port}"
    try:
        wait_ready(direct + "/v1/chat/completions", {}, procs[0])
        wait_ready(via + "/gateway/health", {"Authorization": f"Bearer {token}"}, procs[1])
        print(f"upstream delay {args.delay_ms:g} ms, {args.rate:g} requests/s, "
              f"{args.clients} clients, {args.seconds:g} s per run")
        for stream, label in ((False, "unstreamed, whole reply"),
                              (True, "streamed, time to first chunk")):
            d = asyncio.run(load(direct, stream, args.rate, args.clients, args.seconds))
            g = asyncio.run(load(via, stream, args.rate, args.clients, args.seconds))
            report(label, d, g)
        metrics = httpx.get(via + "/gateway/metrics", headers={"Authorization": f"Bearer {token}"})
        inside(metrics.text)
    finally:
        for p in procs:
            p.terminate()
            p.wait(timeout=60)


if __name__ == "__main__":
    main()
