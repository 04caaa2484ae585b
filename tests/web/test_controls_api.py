"""Export-control routes: chips, licence, red flags, screening and the audit log."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

Service = Any
H100 = {"name": "H100-like", "datacenter": True, "tflops_fp8": 1979, "die_area_mm2": 814}
ORDER = {
    "order_id": "o-1", "order_date": "2026-02-01",
    "customer": {"name": "Brightline Compute Pte", "country": "SG", "hq_country": "CN",
                 "first_time": True},
    "ship_to": {"country": "MY", "address_type": "freight-forwarder"},
    "payment": {"method": "crypto", "payer_is_customer": False},
    "items": [{"chip": "H100 SXM5", "quantity": 64}],
}


def _post(service: Service, path: str, token: str | None = None, **kw: Any) -> Any:
    return service.client.post(path, headers=service.auth(token or service.analyst), **kw)


@pytest.mark.parametrize(
    ("method", "path"),
    [("post", "/api/v1/chips/classify"), ("post", "/api/v1/chips/classify-batch"),
     ("post", "/api/v1/chips/classify-csv"), ("get", "/api/v1/chips/catalog"),
     ("post", "/api/v1/licence"), ("post", "/api/v1/orders/redflags"),
     ("post", "/api/v1/screening/check"), ("post", "/api/v1/screening/batch"),
     ("get", "/api/v1/screening/audit"), ("get", "/api/v1/screening/audit.csv")],
)
def test_controls_routes_need_a_token(service: Service, method: str, path: str) -> None:
    assert getattr(service.client, method)(path).status_code == 401


@pytest.mark.parametrize(
    ("item", "eccn"),
    [(H100, "3A090.a"),
     ({"datacenter": True, "tops_int8": 296, "die_area_mm2": 814}, "not 3A090"),
     ({"datacenter": True, "tops_int4": 661, "die_area_mm2": 826}, "3A090.b"),
     ({"datacenter": False, "tops_int8": 588.4, "die_area_mm2": 608}, "not 3A090"),
     ({"datacenter": True, "tops_int8": 1979, "item_type": "computer"}, "4A090.a")],
)
def test_classify_one_chip(service: Service, item: dict[str, Any], eccn: str) -> None:
    resp = _post(service, "/api/v1/chips/classify?date=2026-03-01", json=item)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["eccn"] == eccn
    assert body["reasons"] and body["rule_set"] and body["disclaimer"]


def test_classify_batch_json_matches_single_items(service: Service) -> None:
    items = [H100, {"datacenter": True, "tops_int4": 661, "die_area_mm2": 826}]
    batch = _post(service, "/api/v1/chips/classify-batch", json={"items": items, "date": "2026-03-01"})
    assert batch.status_code == 200, batch.text
    singles = [_post(service, "/api/v1/chips/classify?date=2026-03-01", json=i).json()["eccn"]
               for i in items]
    assert [r["eccn"] for r in batch.json()] == singles == ["3A090.a", "3A090.b"]


def test_batch_error_names_the_item_and_field(service: Service) -> None:
    items = [H100, {"datacenter": True, "tops_int8": 300}]  # TPP 2400 needs a die area
    resp = _post(service, "/api/v1/chips/classify-batch", json={"items": items})
    assert resp.status_code == 422
    detail = resp.json()["detail"][0]
    assert detail["loc"] == ["body", "die_area_mm2"]
    assert "item 1" in detail["msg"]


def test_classify_csv_and_its_errors(service: Service) -> None:
    good = "name,datacenter,die_area_mm2,tops_int8\nh100,true,814,1979\nh20,true,814,296\n"
    resp = _post(service, "/api/v1/chips/classify-csv", content=good)
    assert resp.status_code == 200, resp.text
    assert [r["eccn"] for r in resp.json()] == ["3A090.a", "not 3A090"]
    bad = "name,datacenter,die_area_mm2,tops_int8\nh100,true,814,1979\nx,true,800,-5\n"
    err = _post(service, "/api/v1/chips/classify-csv", content=bad)
    assert err.status_code == 422
    assert "items.csv, row 3, field 'tops_int8'" in err.json()["detail"][0]["msg"]
    assert _post(service, "/api/v1/chips/classify-csv", content="").status_code == 422


def test_catalog_is_classified(service: Service) -> None:
    resp = service.client.get("/api/v1/chips/catalog?date=2026-03-01",
                              headers=service.auth(service.analyst))
    by_name = {r["name"]: r["eccn"] for r in resp.json()}
    assert by_name["H100 SXM5 80GB"] == "3A090.a" and by_name["H20 96GB"] == "not 3A090"


@pytest.mark.parametrize(
    ("body", "required"),
    [({"item": "H100 SXM5", "destination": "SG", "hq": "CN", "date": "2026-03-01"}, True),
     ({"item": "3A090.a", "destination": "GB", "date": "2026-03-01"}, False),
     ({"item": "3A090.a", "destination": "CN", "date": "2024-01-10"}, True)],
)
def test_licence_determination(service: Service, body: dict[str, Any], required: bool) -> None:
    resp = _post(service, "/api/v1/licence", json=body)
    assert resp.status_code == 200, resp.text
    out = resp.json()
    assert out["licence_required"] is required
    assert bool(out["reasons"]) is required and out["citations"]


def test_licence_bad_country_is_422_naming_the_field(service: Service) -> None:
    resp = _post(service, "/api/v1/licence", json={"item": "3A090.a", "destination": "ZZ"})
    assert resp.status_code == 422
    assert resp.json()["detail"][0]["loc"] == ["body", "destination"]


def test_order_red_flags_explain_themselves(service: Service) -> None:
    resp = _post(service, "/api/v1/orders/redflags", json=ORDER)
    assert resp.status_code == 200, resp.text
    flags = {f["flag"]: f for f in resp.json()["flags"]}
    assert {"first_time_buyer", "forwarder_destination", "third_party_payment",
            "unusual_payment", "d5_links"} <= set(flags)
    assert all(f["why"] and f["source"] for f in flags.values())
    unknown = _post(service, "/api/v1/orders/redflags",
                    json={**ORDER, "items": [{"chip": "no such chip", "quantity": 1}]})
    assert unknown.status_code == 404


def test_screening_without_lists_is_404(service: Service) -> None:
    resp = _post(service, "/api/v1/screening/check", json={"name": "Huawei"})
    assert resp.status_code == 404
    assert "no screening lists" in resp.json()["detail"]


@pytest.mark.usefixtures("screening_lists")
def test_screen_a_party_is_explained_and_audited_under_the_token(service: Service) -> None:
    resp = _post(service, "/api/v1/screening/check", json={"name": "Huawei Technologies",
                                                          "country": "CN"})
    assert resp.status_code == 200, resp.text
    out = resp.json()
    assert out["matched"] and out["hits"][0]["list"] == "Entity List"
    assert any("huawei" in r for r in out["hits"][0]["reasons"])
    clear = _post(service, "/api/v1/screening/check", json={"name": "Acme Widgets", "country": "US"})
    assert clear.json()["matched"] is False
    log = service.client.get("/api/v1/screening/audit", headers=service.auth(service.analyst)).json()
    assert log["verified_rows"] == 2
    assert [r["query_name"] for r in log["rows"]] == ["Acme Widgets", "Huawei Technologies"]
    token_id = service.analyst.split("_")[1]
    assert all(r["actor"] == f"ana ({token_id})" for r in log["rows"])
    assert all(service.analyst.split("_", 2)[2] not in str(r) for r in log["rows"])


@pytest.mark.usefixtures("screening_lists")
def test_screen_a_batch_and_export_the_log(service: Service) -> None:
    queries = "query_id,name,country\nq1,Banco Nacional de Cuba,CU\nq2,Acme Widgets,US\n"
    resp = _post(service, "/api/v1/screening/batch", content=queries)
    assert resp.status_code == 200, resp.text
    out = resp.json()
    assert (out["queries"], out["matched"]) == (2, 1)
    assert out["results"][0]["query_id"] == "q1" and out["results"][0]["matched"]
    export = service.client.get("/api/v1/screening/audit.csv", headers=service.auth(service.analyst))
    rows = list(csv.DictReader(io.StringIO(export.text)))
    assert [r["query_id"] for r in rows] == ["q1", "q2"]
    dup = _post(service, "/api/v1/screening/batch", content="query_id,name\nq1,A\nq1,B\n")
    assert dup.status_code == 422
    assert "queries.csv, row 3, field 'query_id'" in dup.json()["detail"][0]["msg"]


@pytest.mark.usefixtures("screening_lists")
def test_tampered_audit_log_is_reported(service: Service, tmp_path: Path) -> None:
    _post(service, "/api/v1/screening/check", json={"name": "Huawei Technologies"})
    con = service.client.app.state.con.cursor()
    con.execute("UPDATE screening_audit SET matched = NOT matched")
    resp = service.client.get("/api/v1/screening/audit", headers=service.auth(service.analyst))
    assert resp.status_code == 422
    assert "hash chain broken" in resp.json()["detail"][0]["msg"]


@pytest.mark.usefixtures("screening_lists")
def test_warm_sessions_follow_new_list_versions(service: Service, tmp_path: Path) -> None:
    from frontierguard.controls.screening import lists

    before = _post(service, "/api/v1/screening/check", json={"name": "Acme Widgets Ltd"}).json()
    assert before["matched"] is False
    extra = tmp_path / "extra.csv"
    extra.write_text("name,aliases,country,list\nAcme Widgets Limited,,US,Entity List\n")
    lists.update(service.client.app.state.con.cursor(), [extra], source="extra")
    after = _post(service, "/api/v1/screening/check", json={"name": "Acme Widgets Ltd"}).json()
    assert after["matched"] is True and "extra@" in after["lists"]
    strict = _post(service, "/api/v1/screening/check",
                   json={"name": "Acme Widgets Ltd", "threshold": 1.0}).json()
    assert strict["threshold"] == 1.0
