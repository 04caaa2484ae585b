"""Admin endpoints behind tokens, metrics, standing reloads and the fail modes."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from frontierguard.core.store import connect
from frontierguard.web.traffic.jobs import DDL as RUNS_DDL
from support.gateway_live import Live, headers, request, run_gateway, wait_until

PATH = "/v1/chat/completions"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


AUTH_CASES = [  # (route, method, who, status)
    ("/gateway/health", "GET", None, 401),
    ("/gateway/health", "GET", "fg_nope_nope", 401),
    ("/gateway/health", "GET", "analyst", 200),
    ("/gateway/metrics", "GET", None, 401),
    ("/gateway/metrics", "GET", "analyst", 200),
    ("/gateway/reload", "POST", "analyst", 403),
    ("/gateway/reload", "POST", "admin", 200),
]


@pytest.mark.parametrize(("route", "method", "who", "status"), AUTH_CASES)
def test_admin_endpoints_need_a_token(live: Live, route: str, method: str, who: str | None,
                                      status: int) -> None:
    token = {"analyst": live.analyst, "admin": live.admin}.get(who or "", who)
    r = live.client.request(method, route, headers=bearer(token) if token else {})
    assert r.status_code == status


def test_revoked_token_stops_working_on_the_next_request(live: Live) -> None:
    from frontierguard.core.tokens import revoke_token

    assert live.client.get("/gateway/health", headers=bearer(live.analyst)).status_code == 200
    con = connect(live.db)
    try:
        revoke_token(con, live.analyst)
    finally:
        con.close()
    assert live.client.get("/gateway/health", headers=bearer(live.analyst)).status_code == 401


def test_metrics_count_decisions_latency_and_queue(live: Live, watchlist: Path) -> None:
    live.client.post(PATH, json=request(PATH), headers=headers(PATH))
    watchlist.write_text(f"account_id,standing\n{live.account()},blocked\n", encoding="utf-8")
    wait_until(lambda: live.gateway.standings.lookup(live.account()).standing == "blocked",
               "the watchlist")
    live.client.post(PATH, json=request(PATH), headers=headers(PATH))
    text = live.client.get("/gateway/metrics", headers=bearer(live.analyst)).text
    assert 'frontierguard_gateway_decisions_total{action="allow"} 1' in text
    assert 'frontierguard_gateway_decisions_total{action="block"} 1' in text
    assert 'frontierguard_gateway_added_latency_seconds_bucket{le="+Inf"} 2' in text
    assert "frontierguard_gateway_added_latency_seconds_count 2" in text
    assert "# TYPE frontierguard_gateway_event_queue_depth gauge" in text
    assert "frontierguard_gateway_standing_reloads_total 2" in text


def test_watchlist_reload_takes_effect_without_restart(live: Live, watchlist: Path) -> None:
    assert live.client.post(PATH, json=request(PATH), headers=headers(PATH)).status_code == 200
    watchlist.write_text(f"account_id,standing,reason\n{live.account()},blocked,chargeback\n",
                         encoding="utf-8")
    r = live.client.post("/gateway/reload", headers=bearer(live.admin))  # or wait for the poll
    assert r.json()["accounts"] == 1
    assert live.client.post(PATH, json=request(PATH), headers=headers(PATH)).status_code == 403
    watchlist.write_text("account_id,standing\n", encoding="utf-8")
    wait_until(lambda: live.client.post(PATH, json=request(PATH), headers=headers(PATH))
               .status_code == 200, "the emptied watchlist to take effect")


def _finish_run(db: Path, out: Path, flagged: str) -> None:
    out.mkdir(parents=True)
    with (out / "accounts.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["account_id", "score", "flagged", "cluster_id", "reasons", "role"])
        w.writerow([flagged, "0.97", "true", "c1", "cot_share 0.92;template reuse", "core"])
    con = connect(db)
    try:
        con.execute(RUNS_DDL)
        con.execute("INSERT INTO detection_runs (job_id, status, out_dir, finished_at) "
                    "VALUES (?, 'done', ?, now())", [out.name, str(out)])
    finally:
        con.close()


def test_standing_from_the_latest_detection_run_in_the_store(tmp_path: Path,
                                                             upstream: str) -> None:
    with run_gateway(tmp_path, upstream) as live:
        assert live.client.post(PATH, json=request(PATH), headers=headers(PATH)).status_code == 200
        _finish_run(live.db, tmp_path / "runs" / "run-2", live.account())
        wait_until(lambda: live.gateway.standings.lookup(live.account()).standing == "campaign",
                   "the new detection run")
        r = live.client.post(PATH, json=request(PATH), headers=headers(PATH))
    assert r.status_code == 403
    message = r.json()["error"]["message"]
    assert "detection run-2" in message and "cot_share 0.92" in message


@pytest.mark.parametrize(("mode", "status"), [("closed", 503), ("open", 200)])
def test_fail_mode_when_the_standing_source_is_unavailable(tmp_path: Path, upstream: str,
                                                           mode: str, status: int) -> None:
    missing = tmp_path / "no-such-watchlist.csv"
    with run_gateway(tmp_path, upstream, watchlist=missing, gateway_fail_mode=mode) as live:
        r = live.client.post(PATH, json=request(PATH), headers=headers(PATH))
        health = live.client.get("/gateway/health", headers=bearer(live.analyst)).json()
    assert r.status_code == status
    assert health["standing"]["loaded"] is False and "no-such-watchlist" in health["standing"][
        "error"]
    if status == 503:
        assert r.json()["error"]["code"] == "gateway_unavailable"


def test_bad_watchlist_row_keeps_the_last_table(live: Live, watchlist: Path) -> None:
    watchlist.write_text(f"account_id,standing\n{live.account()},watch\n", encoding="utf-8")
    wait_until(lambda: live.gateway.standings.lookup(live.account()).standing == "watch",
               "the watchlist")
    watchlist.write_text("account_id,standing\nacct-x,suspicious\n", encoding="utf-8")
    wait_until(lambda: "suspicious" in live.gateway.standings.error, "the bad file to be read")
    assert "line 2" in live.gateway.standings.error
    assert live.gateway.standings.lookup(live.account()).standing == "watch"
