"""API: auth on every route but /health, roles enforced, uploads all-or-nothing."""

from __future__ import annotations

import json
from typing import Any

import pytest

Service = Any

GOOD = "".join(json.dumps({"ts": 1772359200000 + i, "account_id": f"a{i % 3}", "model": "m",
                           "request_id": f"r{i}"}) + "\n" for i in range(10))


def test_health_needs_no_token(service: Service) -> None:
    assert service.client.get("/health").json()["status"] == "ok"


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/api/v1/campaigns"), ("get", "/api/v1/accounts"), ("get", "/api/v1/settings"),
     ("post", "/api/v1/events"), ("post", "/api/v1/detections"),
     ("post", "/api/v1/accounts/a1/feedback")],
)
def test_every_api_route_needs_a_token(service: Service, method: str, path: str) -> None:
    resp = getattr(service.client, method)(path)
    assert resp.status_code == 401
    bad = getattr(service.client, method)(path, headers=service.auth("fg_nope_nope"))
    assert bad.status_code == 401


def test_tokens_are_hashed_at_rest(service: Service) -> None:
    from frontierguard.core.store import connect

    secret = service.admin.split("_", 2)[2]
    con = service.client.app.state.con.cursor()  # type: ignore[attr-defined]
    stored = con.execute("SELECT secret_sha256 FROM api_tokens").fetchall()
    assert all(secret not in row[0] for row in stored)
    del connect


def test_analysts_cannot_ingest(service: Service) -> None:
    resp = service.client.post("/api/v1/events", content=GOOD, headers=service.auth(service.analyst))
    assert resp.status_code == 403


def test_admin_ingests_and_reingest_is_idempotent(service: Service) -> None:
    resp = service.client.post("/api/v1/events", content=GOOD, headers=service.auth(service.admin))
    assert resp.status_code == 200, resp.text
    assert resp.json()["inserted"] == 10
    again = service.client.post("/api/v1/events", content=GOOD, headers=service.auth(service.admin))
    assert again.json()["duplicates"] == 10


def _count(service: Service) -> int:
    con = service.client.app.state.con.cursor()  # type: ignore[attr-defined]
    try:
        return int(con.execute("SELECT count(*) FROM events").fetchall()[0][0])
    except Exception:
        return 0


def test_bad_upload_is_422_and_writes_nothing(service: Service) -> None:
    bad = GOOD + json.dumps({"ts": "never", "account_id": "x", "model": "m"}) + "\n"
    resp = service.client.post("/api/v1/events", content=bad, headers=service.auth(service.admin))
    assert resp.status_code == 422
    assert "line 11, field 'ts'" in resp.json()["detail"][0]["msg"]
    assert _count(service) == 0


def test_oversized_upload_is_413_and_writes_nothing(service: Service) -> None:
    big = GOOD * 1000
    resp = service.client.post("/api/v1/events", content=big, headers=service.auth(service.admin))
    assert resp.status_code == 413
    assert _count(service) == 0


def test_analyst_labels_an_account(service: Service) -> None:
    resp = service.client.post("/api/v1/accounts/a1/feedback", headers=service.auth(service.analyst),
                               json={"verdict": "false_positive", "note": "known partner"})
    assert resp.status_code == 201
    bad = service.client.post("/api/v1/accounts/a1/feedback", headers=service.auth(service.analyst),
                              json={"verdict": "maybe"})
    assert bad.status_code == 422
    from frontierguard.traffic.feedback import latest_feedback

    table = latest_feedback(service.client.app.state.con.cursor())  # type: ignore[attr-defined]
    assert table.column("verdict").to_pylist() == ["false_positive"]


def test_no_detection_run_yet_is_404(service: Service) -> None:
    resp = service.client.get("/api/v1/campaigns", headers=service.auth(service.analyst))
    assert resp.status_code == 404


def test_pages_redirect_to_login_and_login_sets_cookie(service: Service) -> None:
    resp = service.client.get("/", follow_redirects=False)
    assert resp.status_code == 303 and resp.headers["location"] == "/login"
    login = service.client.post("/login", data={"token": service.analyst}, follow_redirects=False)
    assert login.status_code == 303
    page = service.client.get("/")
    assert page.status_code == 200 and "No finished detection run" in page.text


def test_feedback_form_needs_csrf(service: Service) -> None:
    service.client.post("/login", data={"token": service.analyst})
    resp = service.client.post("/accounts/a1/feedback", data={"verdict": "confirmed", "csrf": "x"})
    assert resp.status_code == 403


RUN_ACCOUNTS = ("account_id,score,flagged,cluster_id,reasons\n"
                "a_low,0.100000,false,,\n"
                "a_top,0.900000,true,C001,member of campaign C001;70% chain-of-thought\n"
                "a_mid,0.600000,true,C001,member of campaign C001\n")
RUN_CAMPAIGNS = [{"id": "C001", "score": 0.8, "accounts": ["a_top", "a_mid"], "reasons": ["shared card"],
                  "representative_prompts": [{"prompt": "p", "requests": 3}], "summary": "s"}]


def test_run_results_are_served_ranked(service: Service, finish_run: Any) -> None:
    job = finish_run(RUN_ACCOUNTS, RUN_CAMPAIGNS)
    auth = service.auth(service.analyst)
    status = service.client.get(f"/api/v1/detections/{job}", headers=auth).json()
    assert (status["status"], status["progress"]) == ("done", 1.0)
    accounts = service.client.get("/api/v1/accounts", headers=auth).json()
    assert [a["account_id"] for a in accounts] == ["a_top", "a_mid", "a_low"]
    flagged = service.client.get("/api/v1/accounts?flagged=true&limit=1", headers=auth).json()
    assert [a["account_id"] for a in flagged] == ["a_top"]
    one = service.client.get("/api/v1/accounts/a_top", headers=auth).json()
    assert one["reasons"] == ["member of campaign C001", "70% chain-of-thought"]
    assert one["timeline"] == []
    camp = service.client.get(f"/api/v1/campaigns/C001?run={job}", headers=auth).json()
    assert camp["accounts"] == ["a_top", "a_mid"] and camp["representative_prompts"][0]["requests"] == 3
    assert service.client.get("/api/v1/campaigns/C404", headers=auth).status_code == 404
    assert service.client.get("/api/v1/detections/nope", headers=auth).status_code == 404


def test_detection_needs_events_first(service: Service) -> None:
    resp = service.client.post("/api/v1/detections", json={}, headers=service.auth(service.admin))
    assert resp.status_code == 422
    assert "no events yet" in resp.json()["detail"][0]["msg"]
