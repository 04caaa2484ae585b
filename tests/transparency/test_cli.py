"""The transparency commands end to end on small hand-written documents."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from frontierguard.cli import app

runner = CliRunner()
CARD = ("# Card\nThe model has 8B parameters and a transformer architecture.\n"
        "Trained on 15 trillion tokens of data from publicly available sources.\n"
        "This model is licensed under the Apache 2.0 License.\n")


def test_audit_json_and_report(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    card = write("card.md", CARD)
    out = tmp_path / "out"
    res = runner.invoke(app, ["transparency", "audit", str(card), "--developer", "Acme", "--json",
                              "--out", str(out)])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["developer"] == "Acme" and data["max_score"] == 100
    assert (data["catalog"], data["catalog_version"]) == ("fmti-2025-v2", "2025-12-v2")  # default
    status = {i["id"]: i["status"] for i in data["indicators"]}
    assert status["data-size"] == "disclosed"
    assert status["terms-of-use"] == "disclosed"
    assert status["whistleblower-protection"] == "absent"
    html = (out / "audit-acme.html").read_text(encoding="utf-8")
    assert "<svg" in html and "Data size" in html and "card.md" in html
    cmp = runner.invoke(app, ["transparency", "compare", str(out / "audit-acme.json"), "--out", str(out),
                              "--json"])
    assert cmp.exit_code == 0, cmp.output
    assert json.loads(cmp.stdout)["developers"] == ["Acme"]
    assert (out / "compare.html").exists()


def test_audit_other_catalog(write) -> None:  # type: ignore[no-untyped-def]
    res = runner.invoke(app, ["transparency", "audit", str(write("c.md", CARD)), "--developer", "Acme",
                              "--catalog", "eu-gpai-cop-2025", "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["catalog"] == "eu-gpai-cop-2025"
    assert {i["id"]: i["status"] for i in data["indicators"]}["parameter-count"] == "disclosed"


def test_errors_are_usage_errors(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    card = write("card.md", CARD)
    res = runner.invoke(app, ["transparency", "audit", str(card), "--developer", "A", "--catalog", "nope"])
    assert res.exit_code == 2 and "unknown catalog 'nope'" in res.output
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 garbage")
    res = runner.invoke(app, ["transparency", "audit", str(bad), "--developer", "A"])
    assert res.exit_code == 2 and "bad.pdf" in res.output and "unreadable PDF" in res.output


def test_catalogs_json() -> None:
    res = runner.invoke(app, ["transparency", "catalogs", "--json"])
    assert res.exit_code == 0
    rows = json.loads(res.stdout)
    assert [r["name"] for r in rows] == [
        "fmti-2025", "fmti-2025-v2", "sb53-2025", "eu-gpai-cop-2025", "ny-raise-2025"]
    assert rows[0]["indicators"] == 100


def test_help_has_examples() -> None:
    for cmd in ("audit", "compare", "catalogs"):
        res = runner.invoke(app, ["transparency", cmd, "--help"])
        assert res.exit_code == 0 and "Example" in res.output
