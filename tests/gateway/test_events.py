"""Events back into the loop: every request in the store, none lost while the store is
locked, and no raw API key anywhere the gateway writes."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from frontierguard.core.store import connect
from frontierguard.traffic.schema import COLUMNS
from support.gateway_live import PATHS, RAW_KEY, Live, headers, request, run_gateway, wait_until

# holds the store's lock until its stdin closes (retrying while the gateway has it open)
HOLD = """
import sys, time, duckdb
end = time.monotonic() + 60
while True:
    try:
        con = duckdb.connect(sys.argv[1])
        break
    except duckdb.IOException:
        if time.monotonic() > end:
            raise
        time.sleep(0.01)
print("locked", flush=True)
sys.stdin.read()
"""


def test_each_request_is_an_event_with_its_decision(live: Live) -> None:
    for path in PATHS:
        live.client.post(path, json=request(path, "Hi", stream=True), headers={
            **headers(path), "User-Agent": "sdk/1.0", "x-tls-fingerprint": "t13d1516h2"})
    rows = live.wait_events(3)
    assert {r["endpoint"] for r in rows} == set(PATHS)
    for r in rows:
        assert r["account_id"] == live.account() and r["api_key_id"].startswith("key-")
        assert (r["ip"], r["user_agent"], r["tls_fingerprint"]) == (
            "127.0.0.1", "sdk/1.0", "t13d1516h2")
        assert r["prompt"] == "Hi" and r["model"] == "frontier-1"
        assert r["input_tokens"] and r["output_tokens"]
        extra = json.loads(r["extra"])
        assert extra["gen_ai.request.model"] == "frontier-1"
        assert extra["gen_ai.usage.output_tokens"] == r["output_tokens"]
        assert extra["frontierguard.gateway.action"] == "allow"
    assert set(rows[0]) >= {c.name for c in COLUMNS}


def test_no_event_lost_while_another_process_locks_the_store(tmp_path: Path,
                                                             upstream: str) -> None:
    path = "/v1/chat/completions"
    with run_gateway(tmp_path, upstream) as live:
        holder = subprocess.Popen([sys.executable, "-c", HOLD, str(live.db)],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
            for i in range(30):
                r = live.client.post(path, json=request(path, f"q{i}"), headers=headers(path))
                assert r.status_code == 200  # requests are not held up by the locked store
            wait_until(lambda: live.gateway.writer.busy >= 2, "the writer to find the store busy")
            assert live.gateway.writer.spool_files()  # the events wait on disk
        finally:
            assert holder.stdin is not None
            holder.stdin.close()
            holder.wait(timeout=60)
        rows = live.wait_events(30)
    assert sorted(r["prompt"] for r in rows) == sorted(f"q{i}" for i in range(30))


def test_events_left_on_disk_are_ingested_by_the_next_start(tmp_path: Path,
                                                            upstream: str) -> None:
    path = "/v1/messages"
    with run_gateway(tmp_path, upstream, gateway_close_timeout_s=0) as live:
        holder = subprocess.Popen([sys.executable, "-c", HOLD, str(live.db)],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        for i in range(5):
            live.client.post(path, json=request(path, f"m{i}"), headers=headers(path))
    try:  # the gateway stopped while the store was locked: its events are on disk
        assert list((tmp_path / "store.duckdb.gateway-spool").glob("*.parquet"))
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=60)
    with run_gateway(tmp_path, upstream) as live:
        rows = live.wait_events(5)
    assert sorted(r["prompt"] for r in rows) == [f"m{i}" for i in range(5)]


def test_no_raw_api_key_in_the_store_spool_or_logs(tmp_path: Path, upstream: str,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    watchlist = tmp_path / "w.csv"
    watchlist.write_text("account_id,standing\n", encoding="utf-8")
    with run_gateway(tmp_path, upstream, watchlist=watchlist) as live:
        for path in PATHS:
            for stream in (False, True):
                live.client.post(path, json=request(path, stream=stream), headers=headers(path))
        watchlist.write_text(f"account_id,standing\n{live.account()},campaign\n", "utf-8")
        wait_until(lambda: live.gateway.standings.lookup(live.account()).standing == "campaign",
                   "the watchlist")
        live.client.post(PATHS[0], json=request(PATHS[0]), headers=headers(PATHS[0]))
        live.wait_events(7)
    assert RAW_KEY not in caplog.text and RAW_KEY[8:] not in caplog.text
    assert "block" in caplog.text  # the decisions were logged, by account id
    con = connect(tmp_path / "store.duckdb")
    try:
        tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables")
                  .fetchall()]
        dump = "".join(str(con.execute(f'SELECT * FROM "{t}"').fetchall()) for t in tables)
    finally:
        con.close()
    assert live.account() in dump and RAW_KEY not in dump and RAW_KEY[8:] not in dump
    for f in tmp_path.rglob("*"):
        if f.is_file():
            assert RAW_KEY.encode() not in f.read_bytes(), f
