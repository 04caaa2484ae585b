"""List versions in the store, and replaying a screening against an older version."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontierguard.controls.screening import api, lists
from frontierguard.controls.screening.model import Party
from frontierguard.core.errors import NotFoundError
from frontierguard.core.store import connect

from .conftest import write

NOW = dt.datetime(2026, 3, 1)


def test_versions_and_replay(tmp_path: Path) -> None:
    con = connect(":memory:")
    old = write(tmp_path, "old.csv", "name,aliases,country,list\nAcme Trading LLC,,IR,internal\n")
    new = write(tmp_path, "new.csv", "name,aliases,country,list\nZenith Logistics,,IR,internal\n")
    lists.update(con, [old], list_date=dt.date(2026, 1, 1), source="internal", now=NOW)
    lists.update(con, [new], list_date=dt.date(2026, 2, 1), source="internal", now=NOW)
    assert [v.version_id for v in lists.versions(con)] == [1, 2]
    today, _ = api.check(con, Party("Acme Trading"), now=NOW)
    january, session = api.check(con, Party("Acme Trading"), list_date=dt.date(2026, 1, 15), now=NOW)
    assert not today.matched and january.matched
    assert session.version_label == "internal@2026-01-01#1"
    with pytest.raises(NotFoundError):
        api.check(con, Party("Acme"), list_date=dt.date(2025, 1, 1))


def test_list_date_from_un_file(list_files: dict[str, Path]) -> None:
    con = connect(":memory:")
    [version] = lists.update(con, [list_files["un"]], now=NOW)
    assert version.list_date == dt.date(2026, 2, 27) and version.names == 3
    assert len(lists.entries(con, [version.version_id])) == 2


def test_screen_file_writes_results_and_audit(list_files: dict[str, Path], tmp_path: Path) -> None:
    con = connect(":memory:")
    lists.update(con, [list_files["sdn"], list_files["alt"], list_files["un"]], now=NOW)
    queries = write(tmp_path, "q.csv", "query_id,name,country\nq1,National Bank of Cuba,CU\n"
                                       "q2,Jane Smith,\nq3,\"SALEK, Abdul Hai\",AF\n")
    out = tmp_path / "results.csv"
    summary = api.screen_file(con, queries, out, now=NOW)
    lines = out.read_text().splitlines()
    assert lines[0] == ",".join(api.RESULT_COLUMNS)
    assert summary["queries"] == 3 and summary["matched"] == 2
    assert any(line.startswith("q1,National Bank of Cuba,BANCO NACIONAL DE CUBA,SDN,") for line in lines)
    from frontierguard.controls.screening import audit
    assert audit.verify(con) == 3


def test_bad_queries_file(tmp_path: Path) -> None:
    from frontierguard.core.errors import InputError
    queries = write(tmp_path, "q.csv", "query_id,name\nq1,Acme\nq2,\n")
    with pytest.raises(InputError, match="row 3, field 'name'"):
        api.read_queries(queries)
