"""Screening many parties as values: ``api.screen`` returns the results and writes the audit;
RESULTS.csv and the web's JSON are both made from its rows, and one audit-row builder serves
every caller."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import duckdb

from frontierguard.controls.screening import api, audit, lists
from frontierguard.controls.screening.model import Party
from frontierguard.core import csvsafe
from frontierguard.core.store import connect

from .conftest import write

NOW = dt.datetime(2026, 3, 1)
PARTIES = [Party("National Bank of Cuba", "CU", query_id="q1"), Party("Jane Smith", query_id="q2"),
           Party("=SALEK, Abdul Hai", "AF", query_id="q3")]


def _store(list_files: dict[str, Path]) -> duckdb.DuckDBPyConnection:
    con = connect(":memory:")
    lists.update(con, [list_files["sdn"], list_files["alt"], list_files["un"]], now=NOW)
    return con


def test_screen_returns_values_and_audits_each_party(list_files: dict[str, Path]) -> None:
    con = _store(list_files)
    batch = api.screen(con, PARTIES, now=NOW, in_process=True)
    summary = batch.summary()
    assert (summary["queries"], summary["matched"]) == (3, sum(r.matched for r in batch.results))
    assert summary["reported"] == len(batch.rows()) == sum(len(r.hits) for r in batch.results)
    assert [r.party.query_id for r in batch.results] == ["q1", "q2", "q3"]
    assert audit.verify(con) == 3
    first = batch.rows()[0]
    assert (first["query_id"], first["match_name"], first["list"]) == (
        "q1", "BANCO NACIONAL DE CUBA", "SDN")
    assert isinstance(first["reasons"], list) and first["reasons"]


def test_results_csv_is_the_rows_written_safely(list_files: dict[str, Path], tmp_path: Path) -> None:
    con = _store(list_files)
    batch = api.screen(con, PARTIES, now=NOW, in_process=True)
    out = tmp_path / "results.csv"
    api.write_results(batch, out)
    with out.open(newline="", encoding="utf-8") as fh:
        written = list(csv.DictReader(fh))
    assert len(written) == len(batch.rows())
    for row, value in zip(written, batch.rows(), strict=True):
        assert csvsafe.restore(row["query_name"]) == value["query_name"]
        assert float(row["score"]) == value["score"]
        assert row["matched"] == ("true" if value["matched"] else "false")
        assert row["reasons"] == "; ".join(value["reasons"])
    hostile = [r for r in written if r["query_id"] == "q3"]
    assert all(not r["query_name"].startswith("=") for r in hostile)


def test_one_audit_row_builder_names_the_caller(list_files: dict[str, Path]) -> None:
    con = _store(list_files)
    session = api.open_session(con, overrides={"screening_actor": "setting-actor"})
    result = session.screener.screen(PARTIES[0])
    given = api.audit_entry(session, "check", result, NOW, "ana (t1)")
    default = api.audit_entry(session, "check", result, NOW)
    assert (given.actor, default.actor) == ("ana (t1)", "setting-actor")
    assert given.top_match == result.hits[0].entry.name and given.matched == result.matched


def test_screen_file_summary_keeps_its_shape(list_files: dict[str, Path], tmp_path: Path) -> None:
    con = _store(list_files)
    queries = write(tmp_path, "q.csv", "query_id,name\nq1,National Bank of Cuba\n")
    summary = api.screen_file(con, queries, tmp_path / "r.csv", now=NOW)
    assert list(summary) == ["queries", "matched", "reported", "out", "lists", "threshold"]
