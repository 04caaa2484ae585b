from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontierguard.cli import app

runner = CliRunner()

ECI = ("Model version,ECI Score,Release date,Organization,Country\n"
       "A,10,2024-01-01,OpenAI,United States of America\n"
       "B,20,2024-03-01,Anthropic,United States of America\n"
       "X,10,2024-02-01,DeepSeek,China\n"
       "Y,20,2024-05-01,Alibaba,China\n"
       "Z,35,2024-07-01,Moonshot,China\n")


@pytest.fixture
def eci(tmp_path: Path) -> Path:
    p = tmp_path / "epoch_capabilities_index.csv"
    p.write_text(ECI)
    return p


def test_lag_json_contract(eci: Path, tmp_path: Path) -> None:
    res = runner.invoke(app, ["gap", "lag", "--data", str(eci), "--start", "2024-06-30",
                              "--end", "2024-07-01", "--json", "--out", str(tmp_path / "o")])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert set(doc) == {"summary", "series"}
    assert set(doc["summary"]) >= {"mean_months", "min_months", "max_months", "latest_months"}
    assert doc["series"] == [
        {"date": "2024-06-30", "lag_months": round(121 / 30.4375, 4)},
        {"date": "2024-07-01", "lag_months": None},  # Z is never matched
    ]
    assert doc["summary"]["latest_months"] is None
    assert (tmp_path / "o" / "time_lag.csv").read_text().splitlines()[2] == "2024-07-01,"


def test_lag_text_and_unknown_metric(eci: Path) -> None:
    res = runner.invoke(app, ["gap", "lag", "--data", str(eci), "--end", "2024-06-30"])
    assert res.exit_code == 0 and "mean" in res.stdout
    bad = runner.invoke(app, ["gap", "lag", "--data", str(eci), "--metric", "mmlu"])
    assert bad.exit_code == 2 and "unknown metric 'mmlu'" in bad.output


def test_lag_bad_row_is_a_usage_error(tmp_path: Path) -> None:
    p = tmp_path / "bad.csv"
    p.write_text(ECI.replace("B,20,", "B,twenty,"))
    res = runner.invoke(app, ["gap", "lag", "--data", str(p)])
    assert res.exit_code == 2 and "line 3" in res.output and "ECI Score" in res.output


def test_report_without_data_fails_clearly(tmp_path: Path) -> None:
    res = runner.invoke(app, ["gap", "report", "--out", str(tmp_path)])
    assert res.exit_code == 2 and "no gap data given" in res.output


def test_report_builds_standalone_html(eci: Path, tmp_path: Path) -> None:
    res = runner.invoke(app, ["gap", "report", "--data-dir", str(eci.parent), "--out",
                              str(tmp_path / "r"), "--start", "2024-02-01"])
    assert res.exit_code == 0, res.output
    html = (tmp_path / "r" / "gap_report.html").read_text()
    assert html.count("<svg") == 3  # frontier, methods, scenario fan: all inline
    assert 'src="http' not in html and "<link" not in html and "<script" not in html
    assert "Where the methods disagree" in html and "Export controls hold" in html


def test_scenarios_json() -> None:
    res = runner.invoke(app, ["gap", "scenarios", "--json"])
    assert res.exit_code == 0
    doc = json.loads(res.stdout)
    assert set(doc["bands"]) == {"controls_hold", "controls_erode"}
    assert all(p["source"] for p in doc["parameters"].values())


@pytest.mark.parametrize("cmd", ["lag", "report", "scenarios"])
def test_help_has_example(cmd: str) -> None:
    res = runner.invoke(app, ["gap", cmd, "--help"])
    assert res.exit_code == 0 and "Example" in res.stdout
