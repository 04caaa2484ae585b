"""Long commands show stages only on a terminal without --quiet, keep captured output free
of progress text, and detect reports its stages, in order, to the progress object given."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontierguard.cli import app, common
from frontierguard.traffic.detect import run_detection
from frontierguard.traffic.features import STAGE_LABELS
from frontierguard.traffic.simulate import simulate

runner = CliRunner()
STAGE_WORDS = ("simulating", "loading events", "request signals", "linking accounts",
               "writing outputs", "evaluating", "ingesting")


class FakeTerminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


class Recorder:
    """Progress that remembers what it was told."""

    def __init__(self) -> None:
        self.stages: list[str] = []
        self.advanced = 0.0

    def stage(self, name: str, total: float | None = None) -> None:
        self.stages.append(name)

    def advance(self, amount: float = 1) -> None:
        self.advanced += amount


@pytest.fixture(scope="module")
def sim(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sim")
    simulate(out, accounts=60, days=2, seed=5)
    return out


def test_detect_reports_its_stages_in_order(sim: Path, tmp_path: Path) -> None:
    seen = Recorder()
    run_detection([sim / "events.parquet"], releases=sim / "releases.csv",
                  out_dir=tmp_path / "out", progress=seen)
    features = [STAGE_LABELS[n] for n in (
        "_text_stage", "_text_match", "_text_signals", "_req_stage", "_templates",
        "_template_simhash", "req_signals", "templates", "_req_time", "account_features",
        "account_day_features")]
    assert seen.stages == ["loading events", *features, "linking accounts",
                           "finding communities", "scoring accounts and campaigns",
                           "writing outputs"]
    assert seen.advanced > 0  # rows loaded


@pytest.mark.parametrize("quiet", [False, True])
def test_captured_output_has_no_progress(sim: Path, tmp_path: Path, quiet: bool) -> None:
    flag = ["--quiet"] if quiet else []
    new = tmp_path / "sim"
    commands = [
        ["simulate", "--out", str(new), "--accounts", "60", "--days", "1"],
        ["ingest", str(sim / "events.parquet"), "--db", str(tmp_path / "s.duckdb")],
        ["detect", str(sim / "events.parquet"), "--releases", str(sim / "releases.csv"),
         "--out", str(tmp_path / "out")],
        ["eval", "--detections", str(tmp_path / "out"), "--labels", str(sim / "labels.csv")],
    ]
    for command in commands:
        result = runner.invoke(app, [*flag, *command])
        assert result.exit_code == 0, result.output
        assert not any(word in result.output for word in STAGE_WORDS), result.output
        assert "\x1b[" not in result.output
        if quiet:
            assert result.stderr == ""


def test_json_output_stays_parseable(sim: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["detect", str(sim / "events.parquet"), "--out",
                                 str(tmp_path / "out"), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["events"] > 0


@pytest.mark.parametrize(("terminal", "quiet", "shown"), [
    (True, False, True), (True, True, False), (False, False, False), (False, True, False),
])
def test_cli_shows_stages_only_on_a_terminal_without_quiet(
        monkeypatch: pytest.MonkeyPatch, terminal: bool, quiet: bool, shown: bool) -> None:
    screen = FakeTerminal() if terminal else io.StringIO()
    monkeypatch.setattr("sys.stderr", screen)
    monkeypatch.setattr(common.State, "quiet", quiet)
    with common.stages() as progress:
        progress.stage("linking accounts")
    with common.progress("ingesting", 5) as advance:
        advance(5)
    assert ("linking accounts" in screen.getvalue()) is shown
    assert ("ingesting" in screen.getvalue()) is shown
    assert (screen.getvalue() == "") is not shown
