"""Server-rendered pages. Every page needs a session (token cookie); forms carry CSRF tokens.

Prompt text and every other value shown comes from attacker-controlled traffic, so
templates autoescape everything; plots are inline SVG.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from frontierguard.core import report, tokens
from frontierguard.core.errors import FrontierguardError, NotFoundError
from frontierguard.core.tokens import Principal
from frontierguard.traffic import feedback
from frontierguard.web import services
from frontierguard.web.app import COOKIE, cursor

router = APIRouter(include_in_schema=False)
ACTIVE = {"campaigns": "campaigns", "campaign": "campaigns", "account": "campaigns", "runs": "runs",
          "chips": "chips", "licence": "licence", "screen": "screen", "audit": "audit"}


class LoginRequired(Exception):
    """Raised by page dependencies when there is no valid session."""


def page_principal(request: Request) -> Principal:
    principal = tokens.verify_session(cursor(request), request.cookies.get(COOKIE))
    if principal is None:
        raise HTTPException(303, "login required", headers={"Location": "/login"})
    return principal


def page_role(role: str) -> Callable[[Principal], Principal]:
    def check(principal: Principal = Depends(page_principal)) -> Principal:
        if not principal.can(role):
            raise HTTPException(403, f"this page needs the {role} role")
        return principal

    return check


Session = Annotated[Principal, Depends(page_principal)]
AdminSession = Annotated[Principal, Depends(page_role("admin"))]


def render(request: Request, template: str, principal: Principal | None, **ctx: Any) -> HTMLResponse:
    csrf = tokens.csrf_token(request.app.state.csrf_key, principal) if principal else ""
    ctx.setdefault("subtitle", None)
    ctx.setdefault("active", ACTIVE.get(template.split(".")[0], ""))
    html = report.render("frontierguard.web", template, principal=principal, csrf=csrf, **ctx)
    return HTMLResponse(html)


def check_csrf(request: Request, principal: Principal, token: str) -> None:
    if not tokens.check_csrf(request.app.state.csrf_key, principal, token):
        raise HTTPException(403, "invalid CSRF token")


@router.get("/login")
def login_form(request: Request) -> HTMLResponse:
    return render(request, "login.html.j2", None, title="Sign in", error=None)


def _signed(request: Request, message: str) -> str:
    """``message`` with an HMAC, so /runs shows only messages this server wrote."""
    sig = hmac.new(request.app.state.csrf_key, message.encode(), hashlib.sha256).hexdigest()
    return f"message={quote(message)}&sig={sig}"


def _verified(request: Request, message: str | None, sig: str | None) -> str | None:
    if message is None or sig is None:
        return None
    good = hmac.new(request.app.state.csrf_key, message.encode(), hashlib.sha256).hexdigest()
    return message if hmac.compare_digest(good, sig) else None


@router.post("/login")
def login(request: Request, token: Annotated[str, Form()]) -> Response:
    principal = tokens.verify_token(cursor(request), token.strip())
    if principal is None:
        return render(request, "login.html.j2", None, title="Sign in", error="Unknown token.")
    resp = RedirectResponse("/", status_code=303)
    resp.set_cookie(COOKIE, tokens.start_session(cursor(request), principal), httponly=True,
                    samesite="strict", secure=request.app.state.config.secure_cookies,
                    max_age=tokens.SESSION_HOURS * 3600)
    return resp


@router.post("/logout")
def logout(request: Request) -> Response:
    tokens.end_session(cursor(request), request.cookies.get(COOKIE))
    resp = RedirectResponse("/login", status_code=303)
    resp.delete_cookie(COOKIE)
    return resp


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
    return _runs(request, principal, _verified(request, message, sig))


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
    return RedirectResponse(f"/runs?{_signed(request, f'{text}; started run {job_id}')}",
                            status_code=303)
