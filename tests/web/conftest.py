from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from frontierguard.core.store import connect
from frontierguard.web.app import ServiceConfig, create_app
from frontierguard.web.security import create_token


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
