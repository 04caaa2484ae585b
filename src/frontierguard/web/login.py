"""Sign-in pages: a token from ``frontierguard tokens create`` starts a server-side session
(an HttpOnly, SameSite=Strict cookie that holds a session id, never the token)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from frontierguard.core import tokens
from frontierguard.web.deps import COOKIE, cursor, render

router = APIRouter(include_in_schema=False)


@router.get("/login")
def login_form(request: Request) -> HTMLResponse:
    return render(request, "login.html.j2", None, title="Sign in", error=None)


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
