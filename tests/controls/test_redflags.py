"""Order red flags: each flag fires on its case and stays quiet on a clean order."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from frontierguard.controls.redflags import REDFLAGS_V1, load_order, parse_order, score_order
from frontierguard.core.errors import InputError

CLEAN: dict[str, Any] = {
    "order_id": "PO-1", "order_date": "2026-03-01",
    "customer": {"name": "Example Cloud GmbH", "country": "DE", "incorporated": "2012-05-01",
                 "first_time": False},
    "ship_to": {"country": "DE", "address_type": "datacentre"},
    "payment": {"method": "wire", "payer_is_customer": True},
    "end_use_statement": "Training and serving language models in our Frankfurt data centre for "
                         "enterprise customers under our published acceptable use policy.",
    "datacentre": {"claimed_power_kw": 2000},
    "items": [{"chip": "H100 SXM5 80GB", "quantity": 256}],
}


def with_(path: str, value: Any) -> dict[str, Any]:
    order = copy.deepcopy(CLEAN)
    *parents, last = path.split(".")
    target = order
    for key in parents:
        target = target[key]
    target[last] = value
    return order


def fired(order: dict[str, Any]) -> set[str]:
    return {f["flag"] for f in score_order(parse_order(order))["flags"]}


def test_clean_order_fires_nothing() -> None:
    out = score_order(parse_order(CLEAN))
    assert out["flags"] == [] and out["score"] == 0.0 and "not legal advice" in out["disclaimer"]


@pytest.mark.parametrize(("path", "value", "flag"), [
    ("customer.first_time", True, "first_time_buyer"),
    ("customer.incorporated", "2026-01-10", "newly_formed"),
    ("ship_to.address_type", "freight-forwarder", "forwarder_destination"),
    ("ship_to.country", "MY", "ship_to_differs"),
    ("payment.payer_country", "HK", "third_party_payment"),
    ("payment.method", "crypto", "unusual_payment"),
    ("customer.parent_country", "CN", "d5_links"),
    ("end_use_statement", "", "vague_end_use"),
    ("datacentre.claimed_power_kw", 50, "capacity_mismatch"),
    ("ship_to.address_type", "residential", "residential_address"),
    ("declined_services", True, "declined_services"),
])
def test_each_flag_fires_alone(path: str, value: Any, flag: str) -> None:
    got = fired(with_(path, value))
    assert flag in got
    assert got - {flag} <= {"d5_links", "ship_to_differs"}  # payer HK also links to D:5


def test_flags_explain_themselves_and_cite_guidance() -> None:
    order = with_("customer.parent_country", "CN")
    order["ship_to"] = {"country": "SG", "address_type": "freight-forwarder"}
    out = score_order(parse_order(order))
    assert out["score"] > 0.3
    for f in out["flags"]:
        assert f["detail"] and f["why"] and f["source"]
    assert all(f.description for f in REDFLAGS_V1.features)


def test_capacity_uses_catalog_power() -> None:
    order = with_("datacentre.claimed_power_kw", 260)  # 256 x 700 W x 1.5 = 269 kW
    assert "capacity_mismatch" in fired(order)
    assert "capacity_mismatch" not in fired(with_("datacentre.claimed_power_kw", 270))


def test_settings_override_new_company_age() -> None:
    order = parse_order(with_("customer.incorporated", "2025-06-01"), None,
                        {"controls_redflag_new_company_days": 200})
    assert "newly_formed" not in {f["flag"] for f in score_order(order)["flags"]}


@pytest.mark.parametrize(("path", "value", "field"), [
    ("customer.country", "XX", "customer.country"),
    ("order_date", "yesterday", "order_date"),
    ("payment.method", "barter", "payment.method"),
    ("items", [{"chip": "H100 SXM5 80GB", "quantity": -2}], "items[0].quantity"),
    ("datacentre.claimed_power_kw", -1, "datacentre.claimed_power_kw"),
])
def test_bad_orders_name_the_field(path: str, value: Any, field: str) -> None:
    with pytest.raises(InputError) as err:
        parse_order(with_(path, value))
    assert err.value.field == field


def test_load_order_from_file(tmp_path: Path) -> None:
    p = tmp_path / "order.json"
    p.write_text(json.dumps(CLEAN), encoding="utf-8")
    assert load_order(p).customer_name == "Example Cloud GmbH"
    p.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="invalid JSON"):
        load_order(p)
