"""share export: a valid STIX 2.1 bundle that carries no raw identifier."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import stix2validator
from typer.testing import CliRunner

from frontierguard.cli import app
from frontierguard.core.errors import InputError
from frontierguard.traffic.sharing import api, reference
from frontierguard.traffic.sharing.keys import load_key
from frontierguard.traffic.sharing.validate import check_bundle
from support.sharing_data import (
    ACCOUNTS,
    PROMPT,
    VALUES,
    all_text,
    campaign,
    write_detections,
)

runner = CliRunner()
ATLAS = {"AML.T0040", "AML.T0024.002", "AML.T0008.005", "AML.T0021", "AML.T0005.001",
         "AML.CS0056"}


def export(det: Path, key: Path, tmp: Path, *extra: str) -> dict[str, Any]:
    out = tmp / "bundle.json"
    r = runner.invoke(app, ["share", "export", "--detections", str(det), "--out", str(out),
                            "--key-file", str(key), "--lab", "Lab A", *extra])
    assert r.exit_code == 0, r.output
    doc: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return doc


def of_type(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [o for o in bundle["objects"] if o["type"] == kind]


def test_bundle_passes_the_validator(detections: Path, key_file: Path, tmp_path: Path) -> None:
    export(detections, key_file, tmp_path)
    result = stix2validator.validate_file(str(tmp_path / "bundle.json"),
                                          stix2validator.ValidationOptions(version="2.1"))
    assert result.is_valid
    assert not [e for r in result.object_results for e in r.errors]


def test_bundle_objects(detections: Path, key_file: Path, tmp_path: Path) -> None:
    b = export(detections, key_file, tmp_path)
    [lab] = [o for o in of_type(b, "identity") if o["name"] == "Lab A"]
    [camp] = of_type(b, "campaign")  # C002 is undecided: not shared
    assert camp["name"] == "C001 (Lab A)" and camp["created_by_ref"] == lab["id"]
    assert camp["first_seen"] == "2026-03-02T00:22:06.114Z"
    assert camp["last_seen"] == "2026-03-04T17:38:53.894Z"
    assert {r["external_id"] for r in camp["external_references"]} == ATLAS
    [infra] = of_type(b, "infrastructure")
    assert infra["infrastructure_types"] == ["anonymization"]
    shipped = {o["id"]: o for o in reference.extension_objects()}
    assert all(o in b["objects"] for o in shipped.values())
    rels = {(r["source_ref"], r["relationship_type"], r["target_ref"])
            for r in of_type(b, "relationship")}
    assert (camp["id"], "uses", infra["id"]) in rels
    ext = reference.extension_id()
    by_kind = {i["extensions"][ext]["kind"]: i for i in of_type(b, "indicator")}
    assert (by_kind["ip"]["id"], "indicates", infra["id"]) in rels
    assert (by_kind["payment"]["id"], "indicates", camp["id"]) in rels


@pytest.mark.parametrize(("kind", "pattern"), [
    ("ip24", "[ipv4-addr:value = '203.0.113.0/24']"),
    ("asn", "[autonomous-system:number = 64500]"),
    ("user_agent", "[network-traffic:extensions.'http-request-ext'.request_header.'User-Agent' "
                   "= 'harvest\\'s agent\\\\1.0']"),
    ("tls", "[x-frontierguard-indicator:kind = 'tls' AND x-frontierguard-indicator:value = "
            "'t13d7ab3h2_bd1394c75929_be68e46802f2']"),
    ("payment", "[x-frontierguard-indicator:kind = 'payment' AND "
                "x-frontierguard-indicator:keyed_hash = '{h}']"),
    ("ip", "[x-frontierguard-indicator:kind = 'ip' AND x-frontierguard-indicator:keyed_hash = '{h}']"),
    ("template", "[x-frontierguard-indicator:kind = 'template' AND "
                 "x-frontierguard-indicator:keyed_hash = '{h}']"),
])
def test_patterns_by_kind(detections: Path, key_file: Path, tmp_path: Path, kind: str,
                          pattern: str) -> None:
    b = export(detections, key_file, tmp_path)
    ext = reference.extension_id()
    [ind] = [i for i in of_type(b, "indicator") if i["extensions"][ext]["kind"] == kind]
    raw = next(v[2] for v in VALUES if v[1] == kind and v[3] >= 5)
    assert ind["pattern"] == pattern.format(h=load_key(key_file).hash(kind, raw))
    assert ind["extensions"][ext]["key_id"] == load_key(key_file).key_id


def test_no_raw_identifier_leaves(detections: Path, key_file: Path, tmp_path: Path) -> None:
    text = all_text(export(detections, key_file, tmp_path, "--min-accounts", "1"))
    hashed = [v[2] for v in VALUES if reference.KINDS[v[1]].hashed]
    withheld = [v[2] for v in VALUES if v[0] == "C002" or v[4] >= 100]
    for raw in [*hashed, *withheld, *ACCOUNTS, "acct_x1", PROMPT, "lemma 7"]:
        assert raw not in text, raw


@pytest.mark.parametrize(("min_accounts", "kept"), [
    (1, 9), (3, 8), (5, 7), (6, 6), (7, 2), (8, 1), (9, 0),
])
def test_min_accounts(detections: Path, key_file: Path, tmp_path: Path, min_accounts: int,
                      kept: int) -> None:
    b = export(detections, key_file, tmp_path, "--min-accounts", str(min_accounts))
    ext = reference.extension_id()
    counts = [i["extensions"][ext]["accounts"] for i in of_type(b, "indicator")]
    assert len(counts) == kept and all(n >= min_accounts for n in counts)


def test_explain_writes_nothing(detections: Path, key_file: Path, tmp_path: Path) -> None:
    before = sorted(p.name for p in tmp_path.rglob("*"))
    out = tmp_path / "bundle.json"
    r = runner.invoke(app, ["share", "export", "--detections", str(detections), "--explain",
                            "--out", str(out), "--key-file", str(key_file), "--json"])
    assert r.exit_code == 0, r.output
    items = json.loads(r.stdout)
    assert len(items) == 10 and not out.exists()
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    why = {(i["kind"], i["value"]): i for i in items}
    assert why[("ip", "198.51.100.9")]["why"].startswith("withheld: 3 of the campaign's")
    assert "outside the campaign" in why[("user_agent", "=cmd|popular/1.0")]["why"]
    assert why[("payment", "pm_79e6a6d1d1389a5f")]["leaves_as"] == "keyed hash"
    assert why[("ip24", "203.0.113.0/24")]["leaves_as"] == "value"


def _short_key(p: Path) -> None:
    (p / "k").write_text("short")


def _bad_json(p: Path) -> None:
    (p / "det" / "campaigns.json").write_text("[{")


def _bad_count(p: Path) -> None:
    with (p / "det" / "indicators.csv").open("a") as fh:
        fh.write("C001,ip,192.0.2.1,many,3\n")


def _bad_kind(p: Path) -> None:
    with (p / "det" / "indicators.csv").open("a") as fh:
        fh.write("C001,email,a@b.c,5,5\n")


def _no_table(p: Path) -> None:
    (p / "det" / "indicators.csv").unlink()


@pytest.mark.parametrize(("damage", "key", "det", "message"), [
    (_short_key, "k", "det", "k: the group key has 5 characters"),
    (lambda p: None, "missing.key", "det", "missing.key: cannot read the group key file"),
    (lambda p: None, "group.key", "nowhere", "nowhere: not a folder"),
    (_bad_json, "group.key", "det", "campaigns.json: invalid JSON"),
    (_bad_count, "group.key", "det", "indicators.csv, line 13, field 'accounts'"),
    (_bad_kind, "group.key", "det", "indicators.csv, line 13, field 'kind': unknown kind"),
    (_no_table, "group.key", "det", "indicators.csv: missing"),
])
def test_bad_input_exits_2_naming_the_file(
        detections: Path, key_file: Path, tmp_path: Path, damage: Callable[[Path], None],
        key: str, det: str, message: str) -> None:
    damage(tmp_path)
    out = tmp_path / "bundle.json"
    r = runner.invoke(app, ["share", "export", "--detections", str(tmp_path / det), "--out",
                            str(out), "--key-file", str(tmp_path / key)])
    assert r.exit_code == 2
    assert message in " ".join(r.output.split()), r.output
    assert not out.exists()


def test_export_needs_a_key(detections: Path, tmp_path: Path,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FRONTIERGUARD_SHARE_KEY_FILE", raising=False)
    r = runner.invoke(app, ["share", "export", "--detections", str(detections), "--out",
                            str(tmp_path / "b.json")])
    assert r.exit_code == 2 and "no group key" in r.output


def test_campaign_without_shared_values_still_validates(key_file: Path, tmp_path: Path) -> None:
    det = write_detections(tmp_path / "d", [campaign("C001", ACCOUNTS)], [])
    res = api.export_bundle(det, tmp_path / "b.json", key_file, "Lab A")
    assert (res.campaigns, res.indicators) == (1, 0)
    check_bundle(json.loads((tmp_path / "b.json").read_text()), "b.json")


def test_invalid_bundle_is_refused_with_its_object() -> None:
    bad = {"type": "bundle", "id": "bundle--6f0e5a52-1d6c-4d0b-9a53-8a1c2e3f4b5d", "objects": [
        {"type": "campaign", "spec_version": "2.1", "id": "campaign--nope",
         "created": "2026-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z"}]}
    with pytest.raises(InputError, match=r"x.json: invalid STIX 2.1: object campaign--nope"):
        check_bundle(bad, "x.json")
