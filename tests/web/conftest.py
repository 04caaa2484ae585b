from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient

from frontierguard.core.store import connect
from frontierguard.core.tokens import create_token
from frontierguard.web.app import ServiceConfig, create_app

DEADLINE_S = 60.0  # generous: a busy CI machine must not fail a test by being slow


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
def serve(app: Any) -> Iterator[str]:
    """Run ``app`` under uvicorn on a loopback port; yields the base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           access_log=False, lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        wait_until(lambda: server.started or not thread.is_alive(), "uvicorn to start")
        assert server.started, "uvicorn did not start"
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=DEADLINE_S)


@dataclass
class Service:
    client: TestClient
    admin: str
    analyst: str
    db: Path

    def auth(self, token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def service(tmp_path: Path) -> Iterator[Service]:
    db = tmp_path / "store.duckdb"
    con = connect(db)
    admin = create_token(con, "admin", "ops")
    analyst = create_token(con, "analyst", "ana")
    con.close()
    app = create_app(ServiceConfig(db, tmp_path / "runs", max_upload_bytes=64 * 1024))
    with TestClient(app) as client:
        yield Service(client, admin, analyst, db)
    app.state.con.close()


LIST_CSV = ("name,aliases,country,list\n"
            "Huawei Technologies Co. Ltd.,Huawei;HiSilicon,CN,Entity List\n"
            "Banco Nacional de Cuba,BNC,CU,SDN\n")


@pytest.fixture
def screening_lists(service: Service, tmp_path: Path) -> Path:
    """A small restricted-party list loaded into the service's store."""
    from frontierguard.controls.screening import lists

    path = tmp_path / "list.csv"
    path.write_text(LIST_CSV)
    lists.update(service.client.app.state.con.cursor(), [path])  # type: ignore[attr-defined]
    return path


def _finish_run(service: Service, accounts_csv: str, campaigns: list[dict[str, Any]]) -> str:
    """Record a finished detection run whose outputs are the given files (fixed contract)."""
    import json

    jobs = service.client.app.state.jobs  # type: ignore[attr-defined]

    def runner(out: Path, progress: Callable[[float, str], None]) -> None:
        out.mkdir(parents=True, exist_ok=True)
        (out / "accounts.csv").write_text(accounts_csv)
        (out / "campaigns.json").write_text(json.dumps(campaigns))

    job_id = str(jobs.start(runner, "test"))
    wait_until(lambda: jobs.get(job_id)["status"] in ("done", "failed"), f"run {job_id} to finish")
    assert jobs.get(job_id)["status"] == "done"
    return job_id


RunMaker = Callable[[str, list[dict[str, Any]]], str]


@pytest.fixture
def finish_run(service: Service) -> RunMaker:
    """``finish_run(accounts_csv, campaigns)`` records a finished run with those outputs."""
    return lambda accounts_csv, campaigns: _finish_run(service, accounts_csv, campaigns)


@pytest.fixture
def live(service: Service) -> Iterator[str]:
    """The service's app under a real uvicorn server; yields its base URL."""
    with serve(service.client.app) as url:
        yield url


@pytest.fixture(name="wait_until")
def wait_until_fixture() -> Callable[..., None]:
    return wait_until
