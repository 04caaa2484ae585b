"""``frontierguard simulate`` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from frontierguard.cli import app

runner = CliRunner()


def test_simulate_writes_the_three_files_and_reports_json(tmp_path: Path) -> None:
    out = tmp_path / "sim"
    result = runner.invoke(
        app,
        [
            "simulate",
            "--out",
            str(out),
            "--accounts",
            "150",
            "--days",
            "2",
            "--seed",
            "4",
            "--start",
            "2026-05-04",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["accounts"] == 150 and data["start"] == "2026-05-04" and data["events"] > 0
    assert {p.name for p in out.iterdir()} == {"events.parquet", "labels.csv", "releases.csv"}


def test_a_bad_scenario_file_is_a_usage_error_naming_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "name: x\ndescription: y\nsource: z\neffective: 2026-01-01\nhour_profiles:\n  human: [1]\n"
    )
    result = runner.invoke(app, ["simulate", "--out", str(tmp_path / "o"), "--scenario", str(bad)])
    assert result.exit_code == 2
    assert "bad.yaml" in result.output and "line 6" in result.output


def test_unknown_scenario_and_bad_start(tmp_path: Path) -> None:
    unknown = runner.invoke(app, ["simulate", "--out", str(tmp_path), "--scenario", "nope"])
    assert unknown.exit_code == 2 and "unknown scenario" in unknown.output
    bad_date = runner.invoke(app, ["simulate", "--out", str(tmp_path), "--start", "March"])
    assert bad_date.exit_code == 2


def test_missing_corpus_is_an_error(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "simulate",
            "--out",
            str(tmp_path / "o"),
            "--accounts",
            "50",
            "--prompt-corpus",
            str(tmp_path / "none"),
        ],
    )
    assert result.exit_code == 2 and "prompt corpus not found" in result.output


def test_output_folder_that_is_a_file_is_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "taken"
    blocker.write_text("a file")
    result = runner.invoke(app, ["simulate", "--out", str(blocker), "--accounts", "50", "--days", "1"])
    assert result.exit_code == 2 and "cannot create the output folder" in result.output
