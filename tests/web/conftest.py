from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from frontierguard.core.store import connect
from frontierguard.core.tokens import create_token
from frontierguard.web.app import ServiceConfig, create_app
from support import live as servers
from support.live import wait_until


@contextmanager
def serve(app: Any) -> Iterator[str]:
    """Run the service app under uvicorn on a loopback port (no lifespan); yields its URL."""
    with servers.serve(app, lifespan="off") as url:
        yield url


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
