"""Attack replays of issue 15: each finding, done to a real server over loopback."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

Service = Any


@pytest.mark.usefixtures("screening_lists")
def test_concurrent_screening_records_every_call(service: Service, live: str) -> None:
    """Finding 1: 8 clients screening at once; every call answered and audited once."""
    from frontierguard.controls.screening import audit

    headers = service.auth(service.analyst)

    def client_run(worker: int) -> list[int]:
        with httpx.Client(base_url=live, headers=headers, timeout=60) as client:
            return [client.post("/api/v1/screening/check",
                                json={"name": f"Huawei {worker}-{i}"}).status_code
                    for i in range(25)]

    with ThreadPoolExecutor(8) as pool:
        codes = [c for run in pool.map(client_run, range(8)) for c in run]
    assert codes == [200] * 200
    con = service.client.app.state.con.cursor()
    assert audit.verify(con) == 200
    names = sorted(str(r[5]) for r in audit.rows(con))
    assert names == sorted(f"Huawei {w}-{i}" for w in range(8) for i in range(25))
