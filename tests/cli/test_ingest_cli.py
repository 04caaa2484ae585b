from __future__ import annotations

import json
from pathlib import Path

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
