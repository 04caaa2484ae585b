"""Server-rendered pages: ranking, campaign detail, escaping, roles, CSRF, control forms."""

from __future__ import annotations

import re
from typing import Any

import pytest

Service = Any
ACCOUNTS = (
    "account_id,score,flagged,cluster_id,reasons\n"
    "acct_a,0.910000,true,C001,member of campaign C001;70% of requests elicit chain-of-thought\n"
    "acct_b,0.850000,true,C001,member of campaign C001\n"
    "acct_c,0.620000,true,C002,member of campaign C002\n"
    "acct_d,0.100000,false,,\n"
)
EVIL = "<script>alert('pwned')</script> Solve step by step"


def _campaign(cid: str, score: float, accounts: list[str], prompt: str) -> dict[str, Any]:
    return {
        "id": cid, "score": score, "accounts": accounts, "requests": 120 * len(accounts),
        "first_seen": "2026-03-01T00:00:00+00:00", "last_seen": "2026-03-02T23:00:00+00:00",
        "reasons": ["5 accounts share a payment card"],
        "indicators": {"payment": [{"value": "card:4242", "accounts": len(accounts)}]},
        "capabilities": {"reasoning": 90, "coding": 30},
        "representative_prompts": [{"prompt": prompt, "requests": 80}],
        "timeline": [{"hour": "2026-03-01T00:00:00+00:00", "model": "m-large", "requests": 40},
                     {"hour": "2026-03-01T01:00:00+00:00", "model": "m-large", "requests": 80}],
        "flagged_accounts": len(accounts), "summary": f"campaign {cid} summary",
    }


CAMPAIGNS = [_campaign("C002", 0.55, ["acct_c"], "plain prompt"),
             _campaign("C001", 0.93, ["acct_a", "acct_b"], EVIL)]


def _login(service: Service, token: str) -> None:
    resp = service.client.post("/login", data={"token": token}, follow_redirects=False)
    assert resp.status_code == 303


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert found, "form has no CSRF token"
    return found.group(1)


def test_campaigns_are_ranked_with_volume_plots(service: Service, finish_run: Any) -> None:
    finish_run(ACCOUNTS, CAMPAIGNS)
    _login(service, service.analyst)
    html = service.client.get("/").text
    assert re.findall(r'class="campaign-link" href="/campaigns/(C\d+)"', html) == ["C001", "C002"]
    assert html.count("<polyline") == 2
    assert "payment ×1" in html and "reasoning" in html


def test_campaign_detail_escapes_attacker_prompts(service: Service, finish_run: Any) -> None:
    finish_run(ACCOUNTS, CAMPAIGNS)
    _login(service, service.analyst)
    html = service.client.get("/campaigns/C001").text
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in html
    assert re.findall(r'class="account-link" href="/accounts/(\w+)"', html) == ["acct_a", "acct_b"]
    assert "<svg" in html and "card:4242" in html


def test_account_page_and_label_with_csrf(service: Service, finish_run: Any) -> None:
    finish_run(ACCOUNTS, CAMPAIGNS)
    _login(service, service.analyst)
    page = service.client.get("/accounts/acct_a")
    assert page.status_code == 200 and "chain-of-thought" in page.text
    resp = service.client.post("/accounts/acct_a/feedback", follow_redirects=False,
                               data={"verdict": "confirmed", "csrf": _csrf(page.text)})
    assert resp.status_code == 303
    assert 'id="verdict">confirmed' in service.client.get("/accounts/acct_a").text


def test_unknown_campaign_is_404(service: Service, finish_run: Any) -> None:
    finish_run(ACCOUNTS, CAMPAIGNS)
    _login(service, service.analyst)
    resp = service.client.get("/campaigns/C999")
    assert resp.status_code == 404
    assert resp.headers["content-type"].startswith("text/html")
    assert "no campaign &#39;C999&#39;" in resp.text


@pytest.mark.parametrize(("token", "status"), [("analyst", 403), ("admin", 200)])
def test_runs_page_is_admin_only(service: Service, token: str, status: int) -> None:
    _login(service, getattr(service, token))
    assert service.client.get("/runs").status_code == status


@pytest.mark.parametrize(
    ("query", "expect"),
    [("classify=1&datacenter=true&tflops_fp8=1979&die_area_mm2=814", 'id="eccn">3A090.a'),
     ("catalog=H20+96GB&date=2026-03-01", 'id="eccn">not 3A090'),
     ("classify=1&datacenter=true&tops_int8=abc", "field &#39;tops_int8&#39;"),
     ("classify=1&datacenter=true&tops_int8=300", "die area is missing"),
     ("catalog=nonesuch", "unknown chip")],
)
def test_chip_classifier_page(service: Service, query: str, expect: str) -> None:
    _login(service, service.analyst)
    resp = service.client.get(f"/chips?{query}")
    assert resp.status_code == 200
    assert expect in resp.text


@pytest.mark.parametrize(
    ("query", "expect"),
    [("item=H100+SXM5&destination=SG&hq=CN&date=2026-03-01", "licence required"),
     ("item=3A090.a&destination=GB&date=2026-03-01", "licence not required"),
     ("item=3A090.a&destination=ZZ", "unknown country code")],
)
def test_licence_page(service: Service, query: str, expect: str) -> None:
    _login(service, service.analyst)
    assert expect in service.client.get(f"/licence?{query}").text


@pytest.mark.usefixtures("screening_lists")
def test_screening_form_needs_csrf_and_is_audited(service: Service) -> None:
    _login(service, service.analyst)
    form = service.client.get("/screen").text
    denied = service.client.post("/screen", data={"name": "Huawei", "csrf": "0" * 64})
    assert denied.status_code == 403
    resp = service.client.post("/screen", data={"name": "Huawei Technologies", "country": "CN",
                                                "csrf": _csrf(form)})
    assert 'id="screen-verdict">match' in resp.text
    assert "name_alignment" in resp.text
    audit = service.client.get("/audit").text
    assert "Huawei Technologies" in audit and 'id="verified">1' in audit


def test_screening_page_without_lists_says_so(service: Service) -> None:
    _login(service, service.analyst)
    form = service.client.get("/screen").text
    resp = service.client.post("/screen", data={"name": "Huawei", "csrf": _csrf(form)})
    assert "no screening lists loaded" in resp.text
