"""Licence determination: each rule version either side of its date, the headquarters rule."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from frontierguard.controls.licence import check_transaction, item_matches, transaction
from frontierguard.core.errors import InputError, NotFoundError


def decide(item: str, dest: str, date: str, hq: str | None = None, parent: str | None = None,
           end_use: str = "commercial") -> dict[str, Any]:
    tx = transaction(item, dest, hq, parent, end_use, dt.date.fromisoformat(date))
    return check_transaction(tx).as_dict()


def test_oct_2023_rule_starts_2023_11_17() -> None:
    with pytest.raises(NotFoundError):
        decide("3A090.a", "AE", "2023-11-16")
    out = decide("3A090.a", "AE", "2023-11-17")
    assert out["licence_required"] and out["rule_set"]["citation"].startswith("88 FR 73458")
    assert [r["id"] for r in out["reasons"]] == ["destination"]
    assert [e["name"] for e in out["eligible_exceptions"]] == ["NAC"]


def test_apr_2024_splits_nac_and_aca() -> None:
    before, after = decide("3A090.a", "AE", "2024-04-03"), decide("3A090.a", "AE", "2024-04-04")
    assert [e["name"] for e in before["eligible_exceptions"]] == ["NAC"]
    assert [e["name"] for e in after["eligible_exceptions"]] == ["ACA"]
    assert after["rule_set"]["citation"].startswith("89 FR 23876")


def test_dec_2024_controls_hbm_to_china() -> None:
    before, after = decide("HBM3E", "CN", "2024-12-01"), decide("HBM3E", "CN", "2024-12-02")
    assert before["item"]["eccn"] == "not 3A090" and not before["licence_required"]
    assert after["item"]["eccn"] == "3A090.c" and after["licence_required"]
    assert any("89 FR 96790" in c for c in after["citations"])


def test_jan_2025_diffusion_rule_is_pending_until_compliance_date() -> None:
    before, after = decide("3A090.a", "IN", "2025-01-12"), decide("3A090.a", "IN", "2025-01-13")
    assert before["pending_requirements"] == [] and not before["licence_required"]
    assert [p["id"] for p in after["pending_requirements"]] == ["ai-diffusion-worldwide"]
    assert after["pending_requirements"][0]["compliance_from"] == "2025-05-15"
    assert not after["licence_required"] and after["rule_set"]["citation"].startswith("90 FR 4544")


def test_may_2025_non_enforcement_drops_diffusion_and_adds_guidance() -> None:
    before = decide("H100 SXM5", "US", "2025-05-12", hq="CN", end_use="model-training")
    after = decide("H100 SXM5", "US", "2025-05-13", hq="CN", end_use="model-training")
    assert before["advisories"] == [] and [a["id"] for a in after["advisories"]] == ["training-for-d5"]
    assert decide("3A090.a", "IN", "2025-05-13")["pending_requirements"] == []


def test_jan_2026_case_by_case_for_h200_class_chips_only() -> None:
    before, after = decide("H200 SXM", "CN", "2026-01-14"), decide("H200 SXM", "CN", "2026-01-15")
    assert before["licence_required"] and after["licence_required"]
    assert before["review_policy"]["policy"] == "presumption of denial"
    assert after["review_policy"]["policy"].startswith("case-by-case")
    b200 = decide("B200 (HGX B200 1000 W)", "CN", "2026-01-15")  # TPP 36,000 >= 21,000
    assert b200["review_policy"]["policy"] == "presumption of denial"
    eccn_only = decide("3A090.a", "CN", "2026-01-15")
    assert eccn_only["review_policy"]["policy"] == "presumption of denial"
    assert any("TPP" in n for n in eccn_only["notes"])


@pytest.mark.parametrize(("hq", "parent", "required"), [
    ("CN", None, True), ("SG", "CN", True), ("SG", "MO", True), ("SG", "SG", False), ("US", "GB", False),
])
def test_headquarters_rule_for_a_singapore_subsidiary(hq: str, parent: str | None, required: bool) -> None:
    out = decide("H100 SXM5", "SG", "2026-03-01", hq=hq, parent=parent)
    assert out["licence_required"] is required
    if required:
        assert [r["id"] for r in out["reasons"]] == ["headquarters"]
        assert out["review_policy"]["policy"] == "presumption of denial"
        assert out["eligible_exceptions"] == []


def test_non_datacentre_chip_to_china_gets_nac_with_notice() -> None:
    out = decide("RTX 4090", "CN", "2026-03-01")
    nac = [e for e in out["eligible_exceptions"] if e["name"] == "NAC"]
    assert out["licence_required"] and nac
    assert any("25 days" in line for line in nac[0]["notification"])


def test_uncontrolled_chip_needs_no_licence_but_end_use_rules_still_apply() -> None:
    assert not decide("H20 96GB", "CN", "2026-03-01")["licence_required"]
    sc = decide("H20 96GB", "CN", "2026-03-01", end_use="supercomputer")
    assert sc["licence_required"] and sc["reasons"][0]["paragraph"] == "EAR §744.23(a)(2)"


def test_every_answer_cites_and_disclaims() -> None:
    out = decide("3A090.b", "VN", "2026-03-01")
    assert out["citations"] and "not legal advice" in out["disclaimer"]
    assert out["country_groups"]["destination"] == ["D:1"]


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"dest": "ZZ"}, "destination"), ({"hq": "Q1"}, "hq"), ({"end_use": "picnic"}, "end_use"),
    ({"item": " "}, "item"),
])
def test_bad_transaction_input(kwargs: dict[str, str], field: str) -> None:
    args = {"item": "3A090.a", "dest": "SG", "date": "2026-03-01", **kwargs}
    with pytest.raises(InputError) as err:
        decide(**args)
    assert err.value.field == field


@pytest.mark.parametrize(("eccn", "patterns", "hit"), [
    ("3A090.a", ("3A090",), True), ("3A090.c", ("3A090.a", "3A090.b"), False),
    ("5A992.z", (".z",), True), ("EAR99", ("*",), True), ("4A090.b", ("3A090",), False),
])
def test_item_patterns(eccn: str, patterns: tuple[str, ...], hit: bool) -> None:
    assert item_matches(eccn, patterns) is hit


def test_golden_headquarters_answer() -> None:
    # The full JSON answer for a China-headquartered buyer's Singapore subsidiary.
    import json
    from pathlib import Path

    golden = Path(__file__).with_name("golden") / "licence_sg_subsidiary_of_cn.json"
    out = decide("H100 SXM5 80GB", "SG", "2026-03-01", hq="SG", parent="CN")
    text = json.dumps(out, indent=2, ensure_ascii=False, default=str) + "\n"
    assert text == golden.read_text(encoding="utf-8")
