"""The lists / parties / audit commands end to end on small files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontierguard.cli import app

from .conftest import write

runner = CliRunner()


@pytest.mark.parametrize("command", [
    ["lists", "update"], ["lists", "show"], ["parties", "screen"], ["parties", "check"],
    ["audit", "export"],
])
def test_help_has_example(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0 and "Example" in result.output


def test_end_to_end(list_files: dict[str, Path], tmp_path: Path) -> None:
    db = str(tmp_path / "fg.duckdb")
    files = [str(list_files[k]) for k in ("sdn", "alt", "add", "un")]
    assert runner.invoke(app, ["lists", "update", *files, "--db", db]).exit_code == 0
    shown = runner.invoke(app, ["lists", "show", "--db", db, "--json"])
    assert sorted(v["source"] for v in json.loads(shown.stdout)) == ["OFAC SDN", "UN"]
    check = runner.invoke(app, ["parties", "check", "Banco Nacional de Cuba", "--db", db, "--json"])
    assert json.loads(check.stdout)["hits"][0]["match_name"] == "BANCO NACIONAL DE CUBA"
    queries = write(tmp_path, "q.csv", "query_id,name\n1,Aero Caribbean Airlines\n")
    out = tmp_path / "r.csv"
    screened = runner.invoke(app, ["parties", "screen", str(queries), "--out", str(out), "--db", db,
                                   "--threshold", "0.8"])
    assert screened.exit_code == 0 and "AEROCARIBBEAN AIRLINES" in out.read_text()
    exported = runner.invoke(app, ["audit", "export", "--db", db])
    assert exported.stdout.count("\n") == 3  # header + check + screen


def test_bad_file_is_a_usage_error(tmp_path: Path) -> None:
    bad = write(tmp_path, "simple.csv", "name,aliases,country,list\n,,IR,x\n")
    result = runner.invoke(app, ["lists", "update", str(bad), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2 and "row 2" in " ".join(result.output.split())  # rich wraps
