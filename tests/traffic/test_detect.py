"""The detect output contract, bad input, and the command line."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from frontierguard.cli import app
from frontierguard.core.errors import ConfigError, InputError
from frontierguard.traffic import detect
from frontierguard.traffic.campaigns import Assessment
from frontierguard.traffic.schema import EVENT_SCHEMA

runner = CliRunner()
T0 = datetime(2026, 3, 1, tzinfo=UTC)


def assessment() -> Assessment:
    camp = {
        "id": "C001", "community": 4, "score": 0.91, "accounts": ["a1", "a2"],
        "reasons": ["r"], "first_seen": "2026-03-01T00:00:00+00:00",
        "last_seen": "2026-03-01T02:00:00+00:00", "requests": 3, "capabilities": {"coding": 3},
        "indicators": {"payment": [{"value": "card", "accounts": 2}]},
        "representative_prompts": [], "timeline": [], "flagged_accounts": 2, "summary": "s",
    }
    accounts = [
        {"account_id": "a1", "score": 0.9, "flagged": True, "cluster_id": "C001",
         "reasons": ["member of campaign C001", "70% of requests elicit chain-of-thought"]},
        {"account_id": "a2", "score": 0.8, "flagged": True, "cluster_id": "C001",
         "reasons": ["has; a semicolon"]},
        {"account_id": "solo", "score": 0.0, "flagged": False, "cluster_id": "", "reasons": []},
    ]
    return Assessment(accounts, [camp], {"cot_elicitation": [0.7, 0.5, 0.0],
                                         "campaign_membership": [0.9, 0.9, 0.0]})


def test_output_contract(tmp_path: Path) -> None:
    detect.write_outputs(duckdb.connect(), tmp_path, assessment(), "policy_v1", None)
    with (tmp_path / "accounts.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["account_id", "score", "flagged", "cluster_id", "reasons", "role"]
    assert [r["flagged"] for r in rows] == ["true", "true", "false"]
    assert rows[0]["reasons"].split(";") == ["member of campaign C001",
                                             "70% of requests elicit chain-of-thought"]
    assert rows[1]["reasons"] == "has, a semicolon"
    camps = json.loads((tmp_path / "campaigns.json").read_text())
    required = {"id", "accounts", "score", "first_seen", "last_seen", "requests", "indicators",
                "capabilities", "summary"}
    assert required <= set(camps[0]) and "community" not in camps[0]
    with (tmp_path / "account_scores.csv").open() as fh:
        scores = list(csv.DictReader(fh))
    assert scores[0] == {"account_id": "a1", "cot_elicitation": "0.700000",
                         "campaign_membership": "0.900000"}
    assert (tmp_path / "report.html").read_text().startswith("<!doctype html>")


def _events(rows: int, accounts: int = 3) -> pa.Table:
    return pa.table({
        "ts": [T0 + timedelta(minutes=7 * i) for i in range(rows)],
        "account_id": [f"acct-{i % accounts}" for i in range(rows)],
        "model": ["m1"] * rows, "prompt": [f"What is {i} + {i}?" for i in range(rows)],
    })


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p.write_text(""), "empty"),
    (lambda p: p.write_text('{"account_id": "a", "model": "m"}\n'), "ts"),
    (lambda p: p.write_text('{"ts": "yesterday-ish", "account_id": "a", "model": "m"}\n'),
     "timestamp"),
])
def test_bad_event_files_are_clear_errors(tmp_path: Path, make: Callable[[Path], Any],
                                          message: str) -> None:
    path = tmp_path / "events.jsonl"
    make(path)
    with pytest.raises(InputError) as err:
        detect.run_detection([path], out_dir=tmp_path / "out")
    assert message in str(err.value) and str(path) in str(err.value)


def test_store_without_events_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no events"):
        detect.run_detection(None, db=tmp_path / "empty.duckdb", out_dir=tmp_path / "out")


def test_unknown_engine_and_setting_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="engine"):
        detect.run_detection(None, engine="oracle", out_dir=tmp_path)
    with pytest.raises(ConfigError, match="unknown setting"):
        detect.run_detection(None, overrides={"nope": 1}, out_dir=tmp_path)


@pytest.mark.parametrize(("engine", "name", "stage"), [
    ("duckdb", "detect_flag_threshold", "detection"),
    ("duckdb", "signals_cot_threshold", "features"),
    ("duckdb", "ingest_memory_limit", "engine"),
    ("spark", "detect_flag_threshold", "detection"),
    ("spark", "signals_text_chars", "features"),
    ("spark", "spark_shuffle_partitions", "engine"),
])
def test_every_setting_of_a_run_reaches_its_stage(engine: str, name: str, stage: str) -> None:
    parts = detect.split_overrides({name: "7"}, detect.engine_settings(engine))
    assert {k: v for k, v in vars(parts).items() if v} == {stage: {name: "7"}}


@pytest.mark.parametrize(("engine", "name", "message"), [
    ("duckdb", "spark_master", "applies to --engine spark"),
    ("spark", "ingest_memory_limit", "applies to --engine duckdb"),
    ("spark", "nope", "known: .*signals_cot_threshold.*spark_master"),
])
def test_settings_of_no_stage_are_refused(engine: str, name: str, message: str) -> None:
    with pytest.raises(ConfigError, match=f"unknown setting '{name}'.*{message}"):
        detect.split_overrides({name: "1"}, detect.engine_settings(engine))


def test_settings_reach_the_duckdb_run(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    pq.write_table(_events(40), path)
    args = ["--quiet", "detect", str(path), "--json", "--set", "ingest_memory_limit=300MB",
            "--set", "signals_cot_threshold=0.2"]
    low = runner.invoke(app, [*args, "--out", str(tmp_path / "a"), "--set",
                              "detect_flag_threshold=0"])
    assert low.exit_code == 0, low.output
    assert json.loads(low.stdout)["flagged"] == 3  # every account scores at least 0


def test_cli_reports_domain_errors_as_usage_errors(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text("")
    result = runner.invoke(app, ["detect", str(path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    bad = runner.invoke(app, ["detect", str(path), "--out", str(tmp_path), "--set", "novalue"])
    assert bad.exit_code == 2


def test_end_to_end_single_request_account_is_scored(tmp_path: Path) -> None:
    pytest.importorskip("frontierguard.traffic.features")
    table = pa.concat_tables([_events(40), _events(1, 1).set_column(
        1, "account_id", pa.array(["lonely"]))])
    path = tmp_path / "events.parquet"
    pq.write_table(table, path)
    result = runner.invoke(app, ["--quiet", "detect", str(path), "--out", str(tmp_path / "out"),
                                 "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["accounts"] == 4
    with (tmp_path / "out" / "accounts.csv").open() as fh:
        ids = {r["account_id"] for r in csv.DictReader(fh)}
    assert ids == {"acct-0", "acct-1", "acct-2", "lonely"}
    assert EVENT_SCHEMA.field("ts").type.tz == "UTC"


def test_a_run_over_its_memory_limit_is_a_clear_error_naming_the_setting(tmp_path: Path) -> None:
    """DuckDB running out of its memory limit ends the command with a message, not a traceback."""
    path = tmp_path / "events.parquet"
    pq.write_table(_events(40), path)
    result = runner.invoke(app, ["detect", str(path), "--out", str(tmp_path / "o"),
                                 "--set", "detect_memory_limit=1KB"])
    assert result.exit_code == 1, result.output
    assert "Out of Memory" in result.output and "detect_memory_limit" in result.output
    assert "Traceback" not in result.output
