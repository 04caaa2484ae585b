from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontierguard.cli import app
from frontierguard.core.store import connect

runner = CliRunner()


def test_ingest_json_report_and_usage_error(tmp_path: Path) -> None:
    events = tmp_path / "e.jsonl"
    events.write_text(json.dumps({"ts": 0, "account_id": "a", "model": "m"}) + "\n"
                      + json.dumps({"ts": "bad", "account_id": "b", "model": "m"}) + "\n")
    db = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["ingest", str(events), "--db", str(db), "--json",
                                 "--on-error", "skip"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["inserted"], report["skipped"]) == (1, 1)
    assert "line 2, field 'ts'" in report["errors"][0]
    failed = runner.invoke(app, ["ingest", str(events), "--db", str(db)])
    assert failed.exit_code == 2
    assert "line 2, field 'ts'" in failed.output
    con = connect(db)
    assert con.execute("SELECT count(*) FROM events").fetchall() == [(1,)]


@pytest.mark.parametrize("args", [["tokens", "create"], ["lists", "show"], ["audit", "export"],
                                  ["ingest", "EVENTS"]])
def test_a_store_locked_by_another_process_is_a_clear_error(tmp_path: Path, args: list[str]) -> None:
    """Issue 15, finding 10: these raised a raw `IOException: Could not set lock` traceback."""
    import subprocess
    import sys

    from typer.testing import CliRunner

    from frontierguard.cli import app

    db = tmp_path / "held.duckdb"
    events = tmp_path / "e.jsonl"
    events.write_text('{"ts": 1772359200000, "account_id": "a", "model": "m"}\n')
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
         "print('ready', flush=True); time.sleep(120)", str(db)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        argv = [str(events) if a == "EVENTS" else a for a in args]
        result = CliRunner().invoke(app, [*argv, "--db", str(db)])
    finally:
        holder.kill()
        holder.wait(timeout=60)
    assert result.exit_code == 2, result.output
    text = " ".join(result.output.split())
    assert f"is in use by process {holder.pid}" in text and "frontierguard serve" in text
    assert "Traceback" not in text
