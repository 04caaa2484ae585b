"""share import: partner bundles stored with source and date, all or nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from frontierguard.cli import app
from frontierguard.traffic.sharing import api, reference, revoke

runner = CliRunner()


@pytest.fixture
def bundle(detections: Path, key_file: Path, tmp_path: Path) -> Path:
    api.export_bundle(detections, tmp_path / "a.json", key_file, "Lab A")
    return tmp_path / "a.json"


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    if not db.exists():
        return []
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def tables(db: Path) -> list[tuple[Any, ...]]:
    return rows(db, "SELECT table_name FROM information_schema.tables ORDER BY 1")


def run_import(db: Path, key: Path, *files: Path) -> Any:
    return runner.invoke(app, ["share", "import", *map(str, files), "--key-file", str(key),
                               "--db", str(db), "--json"])


def test_import_stores_source_date_and_hashes(bundle: Path, key_file: Path,
                                              tmp_path: Path) -> None:
    db = tmp_path / "b.duckdb"
    r = run_import(db, key_file, bundle)
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["indicators"] == 7
    today = datetime.now(UTC).date()
    assert rows(db, "SELECT source, reported, name, revoked FROM partner_campaigns") == [
        ("Lab A", today, "C001 (Lab A)", False)]
    kinds = rows(db, "SELECT kind, value IS NULL FROM partner_indicators ORDER BY 1")
    assert kinds == [("asn", False), ("ip", True), ("ip24", False), ("payment", True),
                     ("template", True), ("tls", False), ("user_agent", False)]
    assert run_import(db, key_file, bundle).exit_code == 0  # the same bundle again
    assert rows(db, "SELECT count(*) FROM partner_indicators") == [(7,)]


def _write(tmp: Path, name: str, text: str) -> Path:
    (tmp / name).write_text(text, encoding="utf-8")
    return tmp / name


def _edit(bundle: Path, change: Callable[[dict[str, Any]], None]) -> str:
    doc = json.loads(bundle.read_text())
    change(doc)
    return json.dumps(doc)


def _first(doc: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(o for o in doc["objects"] if o["type"] == kind)


def _bad_pattern(doc: dict[str, Any]) -> None:
    _first(doc, "indicator")["pattern"] = "[ipv4-addr:value = "


def _tampered(doc: dict[str, Any]) -> None:
    ind = next(o for o in doc["objects"] if o["type"] == "indicator"
               and not o["extensions"][reference.extension_id()]["hashed"])
    ind["extensions"][reference.extension_id()]["value"] = "10.0.0.0/24"


def _no_identity(doc: dict[str, Any]) -> None:
    doc["objects"] = [o for o in doc["objects"]
                      if not (o["type"] == "identity" and o["name"] == "Lab A")]


@pytest.mark.parametrize(("text", "message"), [
    (lambda b: "not json at all", "bad.json, line 1: not JSON"),
    (lambda b: "[1, 2]", "bad.json: not a STIX bundle"),
    (lambda b: '{"type": "campaign"}', "bad.json: not a STIX bundle"),
    (lambda b: _edit(b, _bad_pattern), "bad.json: invalid STIX 2.1: object indicator--"),
    (lambda b: _edit(b, _tampered), "does not hash to its keyed_hash"),
    (lambda b: _edit(b, _no_identity), "created_by_ref names no identity"),
])
def test_bad_bundle_stores_nothing(bundle: Path, key_file: Path, tmp_path: Path,
                                   text: Callable[[Path], str], message: str) -> None:
    db = tmp_path / "b.duckdb"
    bad = _write(tmp_path, "bad.json", text(bundle))
    r = run_import(db, key_file, bundle, bad)  # a good bundle first: still nothing stored
    assert r.exit_code == 2
    assert message in " ".join(r.output.split()), r.output
    assert tables(db) == []


def test_failed_import_leaves_earlier_imports(bundle: Path, key_file: Path,
                                              tmp_path: Path) -> None:
    db = tmp_path / "b.duckdb"
    assert run_import(db, key_file, bundle).exit_code == 0
    before = rows(db, "SELECT * FROM partner_indicators ORDER BY ALL")
    assert run_import(db, key_file, _write(tmp_path, "bad.json", "{}")).exit_code == 2
    assert rows(db, "SELECT * FROM partner_indicators ORDER BY ALL") == before


def test_bundle_under_another_key_is_refused(bundle: Path, make_key: Callable[..., Path],
                                             tmp_path: Path) -> None:
    other = make_key("other.key", "z" * 48)
    db = tmp_path / "b.duckdb"
    r = run_import(db, other, bundle)
    assert r.exit_code == 2
    assert "a.json" in r.output and "so it can match nothing" in " ".join(r.output.split())
    assert tables(db) == []


def test_revocation_drops_the_campaigns_indicators(bundle: Path, key_file: Path,
                                                   tmp_path: Path) -> None:
    db = tmp_path / "b.duckdb"
    assert run_import(db, key_file, bundle).exit_code == 0
    r = runner.invoke(app, ["share", "revoke", "--bundle", str(bundle), "--campaign", "C001",
                            "--out", str(tmp_path / "revoke.json")])
    assert r.exit_code == 0, r.output
    assert run_import(db, key_file, tmp_path / "revoke.json").exit_code == 0
    assert rows(db, "SELECT count(*) FROM partner_indicators") == [(0,)]
    assert rows(db, "SELECT revoked FROM partner_campaigns") == [(True,)]
    r = run_import(db, key_file, bundle)  # the older version again: stays revoked
    assert json.loads(r.stdout)["older_ignored"] == 1
    assert rows(db, "SELECT count(*) FROM partner_indicators") == [(0,)]


def test_revoke_names_an_unknown_campaign(bundle: Path) -> None:
    with pytest.raises(Exception, match="no campaign 'C999'"):
        revoke.revoked_bundle(json.loads(bundle.read_text()), ["C999"], str(bundle))
