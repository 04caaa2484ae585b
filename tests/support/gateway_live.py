"""Live servers for the gateway tests: the test's own upstream and the gateway, each under
uvicorn on a free loopback port, waited on by polling (never by sleeping a fixed time)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from frontierguard.core.store import connect
from frontierguard.core.tokens import create_token
from frontierguard.gateway import sse
from frontierguard.gateway.app import Gateway, create_app
from frontierguard.gateway.config import GatewayConfig
from support.live import DEADLINE_S, serve, wait_until

RAW_KEY = "sk-test-RAWKEY-4f1d2c9e7b"
FAST = {"gateway_watchlist_poll_s": 0.05, "gateway_flush_s": 0.05,
        "gateway_store_retry_s": 0.05, "gateway_close_timeout_s": 30}


BENIGN = "What is the capital of France?"


def request(path: str, prompt: str = BENIGN, stream: bool = False, model: str = "frontier-1",
            **extra: object) -> dict[str, object]:
    if path == "/v1/responses":
        return {"model": model, "input": prompt, "stream": stream, **extra}
    return {"model": model, "max_tokens": 64, "stream": stream,
            "messages": [{"role": "user", "content": prompt}], **extra}


def headers(path: str, key: str = RAW_KEY) -> dict[str, str]:
    if path == "/v1/messages":
        return {"x-api-key": key, "anthropic-version": "2023-06-01"}
    return {"Authorization": f"Bearer {key}"}


PATHS = ["/v1/chat/completions", "/v1/responses", "/v1/messages"]


def events_of(body: bytes) -> list[tuple[str | None, str | None]]:
    splitter = sse.Splitter()
    out = [sse.fields(e) for e in splitter.feed(body)]
    assert splitter.rest() == b"", "the stream ended in the middle of an event"
    return out


@dataclass
class Live:
    """A running gateway: its URL, admin token, store and state."""

    url: str
    admin: str
    analyst: str
    db: Path
    gateway: Gateway
    client: httpx.Client

    def account(self, key: str = RAW_KEY) -> str:
        return self.gateway.hasher.ids(key)[0]

    def events(self) -> list[dict[str, Any]]:
        con = connect(self.db)
        try:
            rel = con.execute("SELECT * FROM events ORDER BY ts")
            cols = [d[0] for d in rel.description or []]
            return [dict(zip(cols, r, strict=True)) for r in rel.fetchall()]
        finally:
            con.close()

    def wait_events(self, n: int) -> list[dict[str, Any]]:
        wait_until(lambda: self.gateway.writer.written >= n, f"{n} events in the store")
        return self.events()


@contextmanager
def run_gateway(tmp: Path, upstream: str, policy: str | Path = "gateway_v1",
                watchlist: Path | None = None, **overrides: Any) -> Iterator[Live]:
    db = tmp / "store.duckdb"
    con = connect(db)
    admin, analyst = create_token(con, "admin", "ops"), create_token(con, "analyst", "ana")
    con.close()
    app = create_app(GatewayConfig(upstream, db, policy, watchlist, {**FAST, **overrides}))
    with serve(app, proxy_headers=False) as url, httpx.Client(base_url=url,
                                                             timeout=DEADLINE_S) as client:
        auth = {"Authorization": f"Bearer {analyst}"}
        wait_until(lambda: client.get("/gateway/health", headers=auth).status_code == 200,
                   "gateway health")
        yield Live(url, admin, analyst, db, app.state.gateway, client)


