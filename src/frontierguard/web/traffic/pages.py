"""Traffic pages: campaigns, accounts with their feedback form, and data and runs.

Every page needs a session (token cookie); forms carry CSRF tokens.

Prompt text and every other value shown comes from attacker-controlled traffic, so
templates autoescape everything; plots are inline SVG.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from frontierguard.core.errors import FrontierguardError, NotFoundError
from frontierguard.core.tokens import Principal
from frontierguard.traffic import feedback
from frontierguard.web.deps import AdminSession, Session, check_csrf, cursor, render, signed, verified
from frontierguard.web.traffic import services

router = APIRouter(include_in_schema=False)


def _results(request: Request) -> Any:
    try:
        return request.app.state.jobs.results(None)
    except NotFoundError:
        return None


@router.get("/")
def campaigns_page(request: Request, principal: Session) -> HTMLResponse:
    results = _results(request)
    campaigns = results.campaigns if results else []
    plots = {str(c["id"]): services.campaign_sparkline(cursor(request), c) for c in campaigns[:20]}
    return render(request, "campaigns.html.j2", principal, title="Campaigns", results=results,
                  campaigns=campaigns, plots=plots)


@router.get("/campaigns/{campaign_id}")
def campaign_page(campaign_id: str, request: Request, principal: Session) -> HTMLResponse:
    results = request.app.state.jobs.results(None)
    campaign = results.campaign(campaign_id)
    members = {a["account_id"]: a for a in results.accounts}
    accounts = sorted((members[a] for a in campaign["accounts"] if a in members),
                      key=lambda a: -float(a["score"]))
    plot = services.campaign_timeline_svg(cursor(request), campaign)
    return render(request, "campaign.html.j2", principal, title=f"Campaign {campaign_id}",
                  campaign=campaign, accounts=accounts, plot=Markup(plot))


@router.get("/accounts/{account_id:path}")
def account_page(account_id: str, request: Request, principal: Session) -> HTMLResponse:
    results = request.app.state.jobs.results(None)
    account = results.account(account_id)
    reads = request.app.state.reads
    plot = reads.get(("account_svg", account_id),
                     lambda: services.account_timeline_svg(cursor(request), account_id))
    verdict = reads.get(("verdict", account_id),
                        lambda: services.verdict_of(cursor(request), account_id))
    return render(request, "account.html.j2", principal, title=f"Account {account_id}",
                  account=account, plot=Markup(plot), verdict=verdict)


@router.post("/accounts/{account_id:path}/feedback")
def account_feedback(account_id: str, request: Request, principal: Session,
                     verdict: Annotated[str, Form()], csrf: Annotated[str, Form()],
                     note: Annotated[str, Form()] = "") -> Response:
    check_csrf(request, principal, csrf)
    feedback.add_feedback(cursor(request), account_id, verdict, note=note or None,
                          by=principal.token_id)
    request.app.state.reads.bump()
    return RedirectResponse(f"/accounts/{quote(account_id, safe='')}", status_code=303)


@router.get("/runs")
def runs_page(request: Request, principal: AdminSession, message: str | None = None,
              sig: str | None = None) -> HTMLResponse:
    return _runs(request, principal, verified(request, message, sig))


def _runs(request: Request, principal: Principal, message: str | None) -> HTMLResponse:
    rows = cursor(request).execute(
        "SELECT job_id, status, progress, message, started_at FROM detection_runs "
        "ORDER BY started_at DESC LIMIT 20").fetchall()
    return render(request, "runs.html.j2", principal, title="Data and runs", runs=rows,
                  message=message)


@router.post("/runs")
async def upload_and_run(request: Request, principal: AdminSession) -> Response:
    form = await request.form()
    check_csrf(request, principal, str(form.get("csrf", "")))
    try:
        releases = await services.read_releases_upload(form.get("releases"))
        services.check_releases(releases)
        text = await services.ingest_upload(request, form.get("events"))
        job_id = services.start_detection(request.app, releases, principal.token_id)
    except FrontierguardError as exc:
        return _runs(request, principal, message=f"error: {exc}")
    return RedirectResponse(f"/runs?{signed(request, f'{text}; started run {job_id}')}",
                            status_code=303)
