"""The export-control response models describe what the library returns, field for field.

A route's ``response_model`` drops any field it does not declare, so a field added to a
library result and not to its model would vanish from the API without an error. Each case
runs the real library through the service layer and checks that validating and dumping the
answer with its model gives the answer back unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pytest
from pydantic import BaseModel

from frontierguard.controls.screening import audit, lists
from frontierguard.controls.screening.model import Party
from frontierguard.core.store import connect
from frontierguard.core.tokens import Principal
from frontierguard.web.controls import models
from frontierguard.web.controls import services as svc

DATE = dt.date(2026, 3, 1)
CALLER = Principal("t1", "analyst", "ana")
LIST_CSV = ("name,aliases,country,list\n"
            "Huawei Technologies Co. Ltd.,Huawei;HiSilicon,CN,Entity List\n"
            "Banco Nacional de Cuba,BNC,CU,SDN\n")
ORDER = {
    "order_id": "o-1", "order_date": "2026-02-01",
    "customer": {"name": "Brightline Compute Pte", "country": "SG", "hq_country": "CN",
                 "incorporated": "2025-12-01", "first_time": True},
    "ship_to": {"country": "MY", "address_type": "freight-forwarder"},
    "payment": {"method": "crypto", "payer_is_customer": False},
    "datacentre": {"claimed_power_kw": 10.0},
    "items": [{"chip": "H100 SXM5", "quantity": 64}],
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    path: Path = tmp_path_factory.mktemp("lists") / "list.csv"
    path.write_text(LIST_CSV)
    con = connect(":memory:")
    con.execute(audit.SCHEMA)
    lists.update(con, [path])
    return con


def _catalog(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    return svc.catalog_results(DATE)


def _licence(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    return svc.determine_licence("H100 SXM5", "CN", None, None, "commercial", DATE)


def _redflags(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    return svc.order_redflags(models.Order.model_validate(ORDER).model_dump(
        mode="json", exclude_none=True))


def _check(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    return svc.screen_party(con, CALLER, Party("Huawei", "CN"), None, None)


def _batch(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    text = "query_id,name,country\nq1,Banco Nacional de Cuba,CU\nq2,HiSilicon,\n"
    return svc.screen_batch(con, CALLER, text, None, 0.5)


def _audit(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    _check(con)
    return svc.audit_log(con, 100)


CASES: list[tuple[str, Any, Callable[[duckdb.DuckDBPyConnection], Any]]] = [
    ("chip catalog", list[models.ChipResult], _catalog),
    ("licence", models.LicenceResult, _licence),
    ("red flags", models.RedFlags, _redflags),
    ("screening check", models.PartyResult, _check),
    ("screening batch", models.BatchResult, _batch),
    ("audit log", models.AuditLog, _audit),
]


def _through(model: Any, answer: Any) -> Any:
    if isinstance(answer, list):
        [item_model] = model.__args__
        return [_through(item_model, a) for a in answer]
    assert issubclass(model, BaseModel)
    return model.model_validate(answer).model_dump()


@pytest.mark.parametrize(("what", "model", "produce"), CASES, ids=[c[0] for c in CASES])
def test_the_model_keeps_every_field(store: duckdb.DuckDBPyConnection, what: str, model: Any,
                                     produce: Callable[[duckdb.DuckDBPyConnection], Any]) -> None:
    answer = produce(store)
    assert answer, f"{what}: the library returned nothing to compare"
    assert _through(model, answer) == answer


def test_a_hit_carries_every_field_of_the_library_hit(store: duckdb.DuckDBPyConnection) -> None:
    hits = _check(store)["hits"]
    assert hits and all(set(h) == set(models.Hit.model_fields) for h in hits)
