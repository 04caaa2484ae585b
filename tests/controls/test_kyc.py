"""IaaS know-your-customer checks."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from frontierguard.controls.kyc import check_customer
from frontierguard.core.errors import InputError

DAY = dt.date(2026, 3, 1)
GOOD: dict[str, Any] = {
    "name": "Example AI Ltd", "address": "1 Main St, London", "country": "GB", "hq_country": "GB",
    "email": "ops@example.test", "phone": "+44 20 0000 0000", "payment_method": "wire",
    "registration_number": "01234567", "ip_addresses": "192.0.2.0/24",
    "beneficial_owners": [{"name": "A. Owner", "country": "GB"}],
    "rental": {"gpu": "H100 SXM5 80GB", "gpu_count": 4096, "hours": 2160},
}


def checks(data: dict[str, Any], **settings: Any) -> dict[str, bool]:
    out = check_customer(data, DAY, None, settings or None)
    return {c["check"]: c["passed"] for c in out["checks"]}


def test_complete_customer_passes() -> None:
    out = check_customer(GOOD, DAY)
    assert out["passed"] and out["rental_peak_flop"] == pytest.approx(4096 * 2160 * 3600 * 989.4e12)


def test_missing_identity_and_owner_fields() -> None:
    data = copy.deepcopy(GOOD)
    del data["email"]
    data["beneficial_owners"] = [{"name": "X"}]
    got = checks(data)
    assert not got["identity_fields"] and not got["beneficial_owners"]


@pytest.mark.parametrize(("field", "value"), [("hq_country", "CN"), ("parent_country", "MO"),
                                              ("beneficial_owners", [{"name": "B", "country": "RU"}])])
def test_training_scale_rental_linked_to_d5_is_flagged(field: str, value: Any) -> None:
    data = copy.deepcopy(GOOD)
    data[field] = value
    assert not checks(data)["training_scale_d5"]
    data["rental"] = {"gpu": "H100 SXM5 80GB", "gpu_count": 8, "hours": 100}
    assert checks(data)["training_scale_d5"]  # small rental: below training scale


def test_threshold_is_a_setting() -> None:
    data = copy.deepcopy(GOOD)
    data["hq_country"] = "CN"
    data["rental"]["gpu_count"] = 8
    assert checks(data)["training_scale_d5"]
    assert not checks(data, **{"controls_iaas_training_flop": 1e20})["training_scale_d5"]


@pytest.mark.parametrize(("field", "value", "where"), [
    ("rental", None, "rental"), ("hq_country", "QQ", "hq_country"),
])
def test_bad_customer_names_field(field: str, value: Any, where: str) -> None:
    data = copy.deepcopy(GOOD)
    data[field] = value
    with pytest.raises(InputError) as err:
        check_customer(data, DAY)
    assert err.value.field == where
