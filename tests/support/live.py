"""Real servers for tests: poll for readiness, a free loopback port, uvicorn in a thread."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Literal

import uvicorn

DEADLINE_S = 60.0  # generous: a busy machine must not fail a test by being slow


def wait_until(ready: Callable[[], bool], what: str, deadline_s: float = DEADLINE_S) -> None:
    """Poll ``ready`` until it is true; fail naming ``what`` only after ``deadline_s``."""
    end = time.monotonic() + deadline_s
    delay = 0.005
    while not ready():
        if time.monotonic() > end:
            raise AssertionError(f"timed out after {deadline_s:.0f}s waiting for {what}")
        time.sleep(delay)
        delay = min(0.1, delay * 1.5)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(app: Any, lifespan: Literal["auto", "on", "off"] = "on",
          proxy_headers: bool = True) -> Iterator[str]:
    """Run ``app`` under uvicorn on a loopback port; yields its base URL. ``proxy_headers``
    as uvicorn's (the gateway runs without, as ``frontierguard gateway`` does)."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           access_log=False, lifespan=lifespan,
                                           proxy_headers=proxy_headers))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        wait_until(lambda: server.started or not thread.is_alive(), "uvicorn to start")
        assert server.started, "uvicorn did not start"
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=DEADLINE_S)
