"""Reads under load: paginated lists and the in-memory caches of run outputs and views."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any

import pytest

Service = Any

ACCOUNTS = "account_id,score,flagged,cluster_id,reasons\n" + "".join(
    f"a{i:03d},{i / 1000:.6f},{'true' if i % 2 else 'false'},,\n" for i in range(250))
CAMPAIGNS = [{"id": f"C{i:03d}", "score": i / 10, "accounts": [], "summary": ""} for i in range(5)]


def test_lists_page_with_total(service: Service, finish_run: Any) -> None:
    finish_run(ACCOUNTS, CAMPAIGNS)
    auth = service.auth(service.analyst)
    first = service.client.get("/api/v1/accounts", headers=auth)
    assert first.headers["x-total-count"] == "250" and len(first.json()) == 100  # default page
    assert first.json()[0]["account_id"] == "a249"
    last = service.client.get("/api/v1/accounts?limit=100&offset=200", headers=auth)
    assert [a["account_id"] for a in last.json()][-1] == "a000" and len(last.json()) == 50
    beyond = service.client.get("/api/v1/accounts?offset=900", headers=auth)
    assert beyond.json() == [] and beyond.headers["x-total-count"] == "250"
    flagged = service.client.get("/api/v1/accounts?flagged=true&limit=2&offset=1", headers=auth)
    assert flagged.headers["x-total-count"] == "125"
    assert [a["account_id"] for a in flagged.json()] == ["a247", "a245"]
    camps = service.client.get("/api/v1/campaigns?limit=2&offset=1", headers=auth)
    assert [c["id"] for c in camps.json()] == ["C003", "C002"]
    assert camps.headers["x-total-count"] == "5"


@pytest.mark.parametrize("query", ["limit=0", "limit=1001", "limit=x", "offset=-1", "offset=y"])
@pytest.mark.parametrize("route", ["/api/v1/accounts", "/api/v1/campaigns"])
def test_bad_page_values_are_422(service: Service, finish_run: Any, route: str,
                                 query: str) -> None:
    finish_run(ACCOUNTS, CAMPAIGNS)
    resp = service.client.get(f"{route}?{query}", headers=service.auth(service.analyst))
    assert resp.status_code == 422


def test_outputs_are_parsed_once_and_reread_when_changed(service: Service, finish_run: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from frontierguard.web.traffic import jobs as jobs_module

    job = finish_run(ACCOUNTS, CAMPAIGNS)
    reads: list[str] = []
    real = jobs_module._read_results
    monkeypatch.setattr(jobs_module, "_read_results",
                        lambda job_id, out: reads.append(job_id) or real(job_id, out))
    auth = service.auth(service.analyst)
    for _ in range(5):
        assert service.client.get("/api/v1/campaigns", headers=auth).status_code == 200
    assert reads == [job]
    out = Path(service.client.app.state.jobs.get(job)["out_dir"])  # type: ignore[attr-defined]
    (out / "campaigns.json").write_text(json.dumps(CAMPAIGNS[:1]))
    stat = (out / "campaigns.json").stat()
    os.utime(out / "campaigns.json", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert [c["id"] for c in service.client.get("/api/v1/campaigns", headers=auth).json()] == ["C000"]
    assert reads == [job, job]


def test_a_new_run_is_served_once_it_finishes(service: Service, finish_run: Any) -> None:
    auth = service.auth(service.analyst)
    first = finish_run(ACCOUNTS, CAMPAIGNS)
    assert len(service.client.get("/api/v1/campaigns", headers=auth).json()) == 5
    finish_run("account_id,score,flagged,cluster_id,reasons\nz1,0.5,true,,\n",
               [{"id": "NEW", "score": 1.0, "accounts": ["z1"]}])
    assert [c["id"] for c in service.client.get("/api/v1/campaigns", headers=auth).json()] == ["NEW"]
    old = service.client.get(f"/api/v1/campaigns?run={first}", headers=auth)
    assert old.headers["x-total-count"] == "5"  # an older run stays readable by id


def test_concurrent_reads_agree(service: Service, finish_run: Any, live: str) -> None:
    import httpx

    finish_run(ACCOUNTS, CAMPAIGNS)
    seen: list[tuple[int, str]] = []

    def client() -> None:
        with httpx.Client(base_url=live, headers=service.auth(service.analyst)) as c:
            for _ in range(10):
                r = c.get("/api/v1/accounts?limit=3")
                seen.append((r.status_code, ",".join(a["account_id"] for a in r.json())))

    threads = [threading.Thread(target=client) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert set(seen) == {(200, "a249,a248,a247")}


def test_account_page_shows_new_feedback(service: Service, finish_run: Any) -> None:
    finish_run(ACCOUNTS, CAMPAIGNS)
    service.client.post("/login", data={"token": service.analyst}, follow_redirects=False)
    assert 'id="verdict"' not in service.client.get("/accounts/a001").text
    service.client.post("/api/v1/accounts/a001/feedback", json={"verdict": "false_positive"},
                        headers=service.auth(service.analyst))
    assert 'id="verdict">false_positive' in service.client.get("/accounts/a001").text


def test_read_cache_drops_views_made_across_a_write() -> None:
    from frontierguard.web.read_cache import ReadCache

    cache = ReadCache(size=2)
    assert cache.get("k", lambda: 1) == 1 and cache.get("k", lambda: 2) == 1
    cache.bump()
    assert cache.get("k", lambda: 3) == 3

    def racing() -> int:
        cache.bump()  # a write lands while the view is being made
        return 4

    assert cache.get("j", racing) == 4 and cache.get("j", lambda: 5) == 5
    for k in "abc":
        cache.get(k, lambda: 0)
    assert cache.get("j", lambda: 6) == 6  # evicted: at most two views are kept
