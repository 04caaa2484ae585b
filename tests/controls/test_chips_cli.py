"""The chips, licence, orders and iaas commands, end to end through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from frontierguard.cli import app

from .test_kyc import GOOD
from .test_redflags import CLEAN

runner = CliRunner()


def test_classify_flags() -> None:
    result = runner.invoke(app, ["chips", "classify", "--tflops-fp8", "1979", "--die-area", "814",
                                 "--datacenter", "--date", "2026-03-01"])
    assert result.exit_code == 0, result.output
    assert "3A090.a" in result.output and "15,832" in result.output and "not legal advice" in result.output


def test_classify_csv_json(tmp_path: Path) -> None:
    p = tmp_path / "items.csv"
    p.write_text("name,datacenter,die_area_mm2,dies,tops_int8,tflops_fp16\n"
                 "big,true,814,,1979,\nsmall,true,814,,296,148\n", encoding="utf-8")
    result = runner.invoke(app, ["chips", "classify", "--csv", str(p), "--json", "--date", "2026-03-01"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["name"], r["tpp"], r["eccn"]) for r in rows] == [
        ("big", 15832.0, "3A090.a"), ("small", 2368.0, "not 3A090")]
    assert all({"pd", "citation", "disclaimer"} <= r.keys() for r in rows)


def test_classify_errors_are_usage_errors(tmp_path: Path) -> None:
    result = runner.invoke(app, ["chips", "classify", "--tops-int8", "-4", "--datacenter"])
    assert result.exit_code == 2 and "tops_int8" in result.output
    result = runner.invoke(app, ["chips", "classify", "--tops-int8", "300"])
    assert result.exit_code == 2 and "datacenter" in result.output


def test_catalog_json() -> None:
    result = runner.invoke(app, ["chips", "catalog", "--json", "--date", "2026-03-01"])
    assert result.exit_code == 0, result.output
    rows = {r["name"]: r for r in json.loads(result.output)}
    assert rows["H20 96GB"]["eccn"] == "not 3A090" and rows["A100 SXM4 80GB"]["eccn"] == "3A090.a"


def test_licence_check_headquarters_rule() -> None:
    args = ["licence", "check", "--item", "H100 SXM5 80GB", "--destination", "SG", "--hq", "CN",
            "--parent", "CN", "--end-use", "commercial", "--date", "2026-03-01"]
    out = json.loads(runner.invoke(app, [*args, "--json"]).output)
    assert out["licence_required"] and out["reasons"][0]["id"] == "headquarters"
    text = runner.invoke(app, args).output
    assert "REQUIRED" in text and "§742.6" in text


def test_licence_check_bad_country() -> None:
    result = runner.invoke(app, ["licence", "check", "--item", "3A090.a", "--destination", "XX"])
    assert result.exit_code == 2 and "destination" in result.output


def test_orders_and_iaas(tmp_path: Path) -> None:
    order = dict(CLEAN, ship_to={"country": "MY", "address_type": "freight-forwarder"})
    p = tmp_path / "order.json"
    p.write_text(json.dumps(order), encoding="utf-8")
    out = json.loads(runner.invoke(app, ["orders", "redflags", str(p), "--json"]).output)
    assert {"forwarder_destination", "ship_to_differs"} <= {f["flag"] for f in out["flags"]}
    c = tmp_path / "customer.json"
    c.write_text(json.dumps(dict(GOOD, hq_country="CN")), encoding="utf-8")
    result = runner.invoke(app, ["iaas", "kyc", str(c), "--date", "2026-03-01"])
    assert result.exit_code == 0 and "NEEDS REVIEW" in result.output
