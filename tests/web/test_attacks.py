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


@pytest.fixture(scope="module")
def small_traffic(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from frontierguard.traffic.simulate import simulate

    out = tmp_path_factory.mktemp("sim")
    simulate(out, accounts=150, days=2, seed=3)
    return out


def test_concurrent_detections_all_finish(service: Service, live: str, small_traffic: Any,
                                          wait_until: Any) -> None:
    """Finding 2: three detection runs started together all finish with the same results."""
    admin = service.auth(service.admin)
    from frontierguard.traffic.ingest import load_events

    load_events(service.client.app.state.con.cursor(), [small_traffic / "events.parquet"])
    releases = (small_traffic / "releases.csv").read_text()

    def start(_: int) -> str:
        with httpx.Client(base_url=live, headers=admin, timeout=120) as client:
            resp = client.post("/api/v1/detections", json={"releases_csv": releases})
            assert resp.status_code == 202, resp.text
            return str(resp.json()["job_id"])

    with ThreadPoolExecutor(3) as pool:
        jobs = list(pool.map(start, range(3)))
    states: dict[str, Any] = {}

    def finished() -> bool:
        with httpx.Client(base_url=live, headers=admin, timeout=60) as client:
            for job in jobs:
                states[job] = client.get(f"/api/v1/detections/{job}").json()
        return all(s["status"] in ("done", "failed") for s in states.values())

    wait_until(finished, "three detection runs", 300)
    assert [states[j]["status"] for j in jobs] == ["done"] * 3, states
    with httpx.Client(base_url=live, headers=admin, timeout=60) as client:
        results = [client.get(f"/api/v1/campaigns?run={j}").json() for j in jobs]
    assert results[0] == results[1] == results[2]


def test_run_left_running_by_a_killed_server_is_marked_failed(tmp_path: Any) -> None:
    """Finding 11: a server killed mid-run must not leave the run 'running' forever."""
    from frontierguard.core.store import connect
    from frontierguard.web.traffic.jobs import DDL, Jobs

    con = connect(tmp_path / "s.duckdb")
    con.execute(DDL)
    con.execute("INSERT INTO detection_runs (job_id, status, out_dir) VALUES ('j1', 'running', 'x')")
    jobs = Jobs(con, tmp_path / "runs")
    run = jobs.get("j1")
    assert run["status"] == "failed" and "interrupted" in run["message"]
    con.close()


def test_year_29720_bc_upload_is_a_located_422(service: Service) -> None:
    """Finding 6: such a row was stored, then every later detect died with OverflowError."""
    body = '{"ts": -999999999999999, "account_id": "a", "model": "m"}\n'
    resp = service.client.post("/api/v1/events", content=body, headers=service.auth(service.admin))
    assert resp.status_code == 422
    assert "line 1, field 'ts'" in resp.json()["detail"][0]["msg"]


@pytest.mark.parametrize(("body", "fmt", "message"), [
    (b'{"ts": 1772359200000, "account_id": "\xff", "model": "m"}\n', "jsonl",
     "upload.jsonl, line 1: invalid UTF-8"),
    (b"{\"a\": " + b"[" * 30000 + b"]" * 30000 + b"}\n", "jsonl", "nested too deeply"),
    (b'{"resourceSpans": [{"scopeSpans": 5}]}', "otlp", "malformed OTLP"),
    (b"PAR1 not really parquet PAR1", "parquet", "upload.parquet"),
])
def test_hostile_upload_is_a_located_422_without_server_paths(
        service: Service, body: bytes, fmt: str, message: str) -> None:
    """Findings 7 and 11: 500s became located 422s that never name a server temp path."""
    resp = service.client.post(f"/api/v1/events?format={fmt}", content=body,
                               headers=service.auth(service.admin))
    assert resp.status_code == 422, resp.text
    msg = resp.json()["detail"][0]["msg"]
    assert message in msg and "/tmp" not in msg and "upload" in msg


@pytest.mark.parametrize("name", ["logs[/x].jsonl", "b[blink]x.jsonl"])
def test_cli_errors_print_file_names_verbatim(tmp_path: Any, name: str) -> None:
    """Finding 11: error text was parsed as Rich markup (a crash, or the wrong file named)."""
    from typer.testing import CliRunner

    from frontierguard.cli import app

    result = CliRunner().invoke(app, ["ingest", str(tmp_path / name), "--db",
                                      str(tmp_path / "s.duckdb")])
    assert result.exit_code == 2
    assert name in result.output and "file not found" in result.output


EVIL = "=HYPERLINK(\"http://evil.example\",\"x\")"


@pytest.mark.usefixtures("screening_lists")
def test_formula_cells_are_neutralised_in_csv_and_raw_in_json(service: Service) -> None:
    """Finding 8: audit.csv and batch results; JSON keeps the raw value."""
    import csv
    import io

    auth = service.auth(service.analyst)
    service.client.post("/api/v1/screening/check", json={"name": EVIL}, headers=auth)
    batch = service.client.post("/api/v1/screening/batch", headers=auth,
                                content=f"query_id,name\n@q1,Huawei Technologies\nq2,{EVIL}\n")
    assert batch.json()["results"][0]["query_id"] == "@q1"
    exported = service.client.get("/api/v1/screening/audit.csv", headers=auth).text
    names = [r["query_name"] for r in csv.DictReader(io.StringIO(exported))]
    assert "'" + EVIL in names and EVIL not in names
    ids = [r["query_id"] for r in csv.DictReader(io.StringIO(exported))]
    assert "'@q1" in ids
    rows = service.client.get("/api/v1/screening/audit", headers=auth).json()["rows"]
    assert EVIL in [r["query_name"] for r in rows]


def test_parties_screen_results_csv_is_neutralised(tmp_path: Any) -> None:
    import csv

    from typer.testing import CliRunner

    from frontierguard.cli import app

    db = tmp_path / "s.duckdb"
    (tmp_path / "list.csv").write_text("name,aliases,country,list\n=Evil Corp,,CN,Entity List\n")
    (tmp_path / "q.csv").write_text("query_id,name\n-q1,=Evil Corp\n")
    runner = CliRunner()
    assert runner.invoke(app, ["lists", "update", str(tmp_path / "list.csv"), "--db", str(db)]
                         ).exit_code == 0
    result = runner.invoke(app, ["parties", "screen", str(tmp_path / "q.csv"), "--out",
                                 str(tmp_path / "r.csv"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with (tmp_path / "r.csv").open(newline="") as fh:
        row = next(csv.DictReader(fh))
    assert (row["query_id"], row["query_name"], row["match_name"]) == (
        "'-q1", "'=Evil Corp", "'=Evil Corp")


def test_detection_csv_outputs_are_neutralised(service: Service, small_traffic: Any,
                                               tmp_path: Any, finish_run: Any) -> None:
    """accounts.csv and account_scores.csv of a real run; the API serves the raw ids."""
    import csv
    import json

    from frontierguard.traffic.detect import run_detection
    from frontierguard.traffic.ingest import load_events

    evil = tmp_path / "evil.jsonl"
    evil.write_text("".join(json.dumps({"ts": 1772359200000 + i, "account_id": "@SUM(1+1)",
                                        "model": "m", "request_id": f"e{i}"}) + "\n"
                            for i in range(30)))
    con = service.client.app.state.con.cursor()
    load_events(con, [small_traffic / "events.parquet", evil])
    out = tmp_path / "run"
    run_detection(None, db=service.db, releases=small_traffic / "releases.csv", out_dir=out,
                  con=con)
    for name in ("accounts.csv", "account_scores.csv"):
        with (out / name).open(newline="") as fh:
            ids = [r["account_id"] for r in csv.DictReader(fh)]
        assert "'@SUM(1+1)" in ids and "@SUM(1+1)" not in ids
    run = finish_run((out / "accounts.csv").read_text(), [])
    got = service.client.get(f"/api/v1/accounts/%40SUM%281%2B1%29?run={run}",
                             headers=service.auth(service.analyst))
    assert got.status_code == 200 and got.json()["account_id"] == "@SUM(1+1)"


def _raw_request(url: str, head: str, body: bytes = b"") -> str:
    """Send a request's head (and maybe part of a body) over a raw socket; the status line."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
        sock.sendall(head.encode() + b"\r\n\r\n" + body)
        return sock.recv(65536).decode(errors="replace").split("\r\n", 1)[0]


def test_api_answers_401_before_reading_the_body(live: str) -> None:
    """Finding 4: a body sent with no token was read (and parsed) before the 401."""
    head = ("POST /api/v1/chips/classify HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
            "\r\nContent-Length: 60000")
    assert " 401 " in _raw_request(live, head, b'{"name": ')  # the rest never comes


def test_declared_oversized_body_is_413_at_once(service: Service, live: str) -> None:
    head = ("POST /api/v1/chips/classify HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
            f"\r\nAuthorization: Bearer {service.analyst}\r\nContent-Length: 300000000")
    assert " 413 " in _raw_request(live, head)


def test_streamed_oversized_body_is_413(service: Service, live: str) -> None:
    def chunks() -> Any:
        for _ in range(100):
            yield b" " * 4096
    resp = httpx.post(f"{live}/api/v1/chips/classify", content=chunks(), timeout=60,
                      headers={**service.auth(service.analyst), "Content-Type": "application/json"})
    assert resp.status_code == 413


def _login(service: Service, token: str) -> str:
    import re

    service.client.post("/login", data={"token": token})
    page = service.client.get("/runs").text
    match = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
    assert match, page
    return match.group(1)


def test_runs_upload_honours_the_body_limit(service: Service) -> None:
    """Finding 4: /runs accepted 3 MiB under a 1 MiB limit (here 64 KiB)."""
    csrf = _login(service, service.admin)
    big = (b'{"ts": 1772359200000, "account_id": "a", "model": "m"}\n' * 4000)
    resp = service.client.post("/runs", data={"csrf": csrf},
                               files={"events": ("e.jsonl", big, "application/octet-stream")})
    assert resp.status_code == 413


def test_api_refuses_cookie_writes_without_csrf_and_origin(service: Service) -> None:
    """Finding 5: cookie-only, text/plain, foreign Origin: a cross-site form could do this."""
    csrf = _login(service, service.admin)
    body = '{"ts": 1772359200000, "account_id": "a", "model": "m"}\n'
    forged = {"Content-Type": "text/plain", "Origin": "http://evil.example"}
    assert service.client.post("/api/v1/events", content=body, headers=forged).status_code == 403
    assert service.client.post("/api/v1/screening/batch", content="query_id,name\nq,x\n",
                               headers=forged).status_code == 403
    no_token = {"Origin": "http://testserver", "Content-Type": "text/plain"}
    assert service.client.post("/api/v1/events", content=body, headers=no_token).status_code == 403
    ok = service.client.post("/api/v1/events", content=body,
                             headers={**no_token, "X-CSRF-Token": csrf})
    assert ok.status_code == 200, ok.text
    assert service.client.get("/api/v1/settings").status_code == 200  # reads with the cookie
    service.client.cookies.clear()
    bearer = service.client.post("/api/v1/events", content=body, headers=service.auth(service.admin))
    assert bearer.status_code == 200


def test_revoked_token_stops_working_at_once_and_ends_sessions(service: Service) -> None:
    """Finding 9: tokens could not be listed or revoked, and the cookie held the token."""
    from frontierguard.web.deps import COOKIE

    service.client.post("/login", data={"token": service.analyst})
    cookie = service.client.cookies.get(COOKIE)
    secret = service.analyst.split("_", 2)[2]  # the secret itself may contain "_"
    assert cookie and service.analyst not in cookie and secret not in cookie
    assert service.client.get("/").status_code == 200
    admin = service.auth(service.admin)
    listed = service.client.get("/api/v1/tokens", headers=admin).json()
    assert {t["name"] for t in listed} == {"ops", "ana"}
    assert all("secret" not in k for t in listed for k in t)
    analyst_id = service.analyst.split("_")[1]
    assert service.client.delete(f"/api/v1/tokens/{analyst_id}", headers=admin).status_code == 204
    assert service.client.get("/api/v1/settings",
                              headers=service.auth(service.analyst)).status_code == 401
    assert service.client.get("/", follow_redirects=False).status_code == 303  # session gone
    assert service.client.delete("/api/v1/tokens/nope", headers=admin).status_code == 404


def test_logout_ends_the_session_server_side(service: Service) -> None:
    from frontierguard.web.deps import COOKIE

    service.client.post("/login", data={"token": service.analyst})
    stolen = service.client.cookies.get(COOKIE)
    service.client.post("/logout")
    service.client.cookies.set(COOKIE, str(stolen))
    assert service.client.get("/", follow_redirects=False).status_code == 303


def test_expired_token_is_refused(service: Service) -> None:
    from frontierguard.core.tokens import create_token

    con = service.client.app.state.con.cursor()
    token = create_token(con, "analyst", "short", expires_days=1)
    assert service.client.get("/api/v1/settings", headers=service.auth(token)).status_code == 200
    con.execute("UPDATE api_tokens SET expires_at = now() - INTERVAL 1 MINUTE WHERE name = 'short'")
    assert service.client.get("/api/v1/settings", headers=service.auth(token)).status_code == 401


def test_pages_send_security_headers(service: Service) -> None:
    service.client.post("/login", data={"token": service.analyst})
    headers = service.client.get("/").headers
    assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff"
    assert headers["cache-control"] == "no-store"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]


def test_pages_do_not_echo_arbitrary_text(service: Service) -> None:
    """Finding 11: /login?error= and /runs?message= showed whatever the link said."""
    lure = "Your session expired, call +1-555-0100"
    assert lure not in service.client.get(f"/login?error={lure}").text
    service.client.post("/login", data={"token": service.admin})
    assert lure not in service.client.get(f"/runs?message={lure}").text
    assert lure not in service.client.get(f"/runs?message={lure}&sig=00").text


def test_tokens_list_and_revoke_cli(tmp_path: Any) -> None:
    from typer.testing import CliRunner

    from frontierguard.cli import app

    db = str(tmp_path / "s.duckdb")
    runner = CliRunner()
    token = runner.invoke(app, ["tokens", "create", "--name", "ci", "--expires-days", "30",
                                "--db", db]).stdout.strip()
    listed = runner.invoke(app, ["tokens", "list", "--db", db])
    assert listed.exit_code == 0 and "active" in listed.stdout and "ci" in listed.stdout
    assert token.split("_", 2)[2] not in listed.stdout
    assert runner.invoke(app, ["tokens", "revoke", token.split("_")[1], "--db", db]).exit_code == 0
    assert "revoked" in runner.invoke(app, ["tokens", "list", "--db", db]).stdout
    assert runner.invoke(app, ["tokens", "revoke", "nope", "--db", db]).exit_code == 2


@pytest.mark.parametrize("account", ["team/a", "what?b", "x#1", "50%"])
def test_account_ids_with_url_characters_open_and_label(service: Service, finish_run: Any,
                                                        account: str) -> None:
    """Finding 11: ids with / ? # could not be opened or labelled."""
    import re
    from urllib.parse import quote

    accounts_csv = f"account_id,score,flagged,cluster_id,reasons\n{account},0.9,true,C1,r\n"
    finish_run(accounts_csv, [{
        "id": "C1", "score": 0.9, "accounts": [account], "requests": 1, "reasons": [],
        "first_seen": "2026-03-01T00:00:00+00:00", "last_seen": "2026-03-01T00:00:00+00:00",
        "indicators": {}, "capabilities": {}, "representative_prompts": [], "timeline": [],
        "flagged_accounts": 1, "summary": "s"}])
    auth = service.auth(service.analyst)
    path = quote(account, safe="")
    assert service.client.get(f"/api/v1/accounts/{path}", headers=auth).json()["account_id"] == account
    labelled = service.client.post(f"/api/v1/accounts/{path}/feedback", headers=auth,
                                   json={"verdict": "confirmed"})
    assert labelled.status_code == 201 and labelled.json()["account_id"] == account
    service.client.post("/login", data={"token": service.analyst})
    campaign = service.client.get("/campaigns/C1").text
    assert f'href="/accounts/{path}"' in campaign
    page = service.client.get(f"/accounts/{path}")
    assert page.status_code == 200
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text)
    assert csrf and f'action="/accounts/{path}/feedback"' in page.text
    form = service.client.post(f"/accounts/{path}/feedback", follow_redirects=False,
                               data={"verdict": "false_positive", "csrf": csrf.group(1)})
    assert form.status_code == 303 and form.headers["location"] == f"/accounts/{path}"


@pytest.mark.parametrize(("path", "body", "content_type", "message"), [
    ("/api/v1/chips/classify", '{"datacenter": true, "tflops_fp8": Infinity, "die_area_mm2": 814}',
     "application/json", "less than or equal"),
    ("/api/v1/chips/classify-csv", "name,datacenter,tflops_fp8,die_area_mm2\nx,true,inf,814\n",
     "text/csv", "row 2, field 'tflops_fp8': must be finite"),
])
def test_infinite_chip_figures_are_422(service: Service, path: str, body: str, content_type: str,
                                       message: str) -> None:
    """Finding 11: inf gave a 500 from the validation handler, and was accepted from CSV."""
    resp = service.client.post(path, content=body,
                               headers={**service.auth(service.analyst), "Content-Type": content_type})
    assert resp.status_code == 422, resp.text
    assert message in resp.json()["detail"][0]["msg"]
