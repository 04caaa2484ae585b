"""What every route shares: the store cursor, who the caller is, role checks, sessions and CSRF.

Routers import this module, never :mod:`frontierguard.web.app`; the app imports the routers.

* API routes take ``Authorization: Bearer <token>`` or the session cookie (a write with only the
  cookie must also carry ``X-CSRF-Token`` and a same-origin ``Origin``).
* Pages take the session cookie only, send a caller without one to ``/login``, and check the
  CSRF token of every form they accept.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import quote, urlsplit

import duckdb
from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse

from frontierguard.core import report, tokens
from frontierguard.core.settings import Setting, register, resolve
from frontierguard.core.tokens import Principal

COOKIE = "fg_session"  # a server-side session id, never the token
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_KEY = Setting(
    "csrf_key", str, "",
    "Server key that signs CSRF tokens and page messages; empty: a random key per process "
    "(set it when several processes serve the same store).", "web")
register([CSRF_KEY])
ACTIVE = {"campaigns": "campaigns", "campaign": "campaigns", "account": "campaigns", "runs": "runs",
          "chips": "chips", "licence": "licence", "screen": "screen", "audit": "audit"}


def csrf_key() -> bytes:
    """The ``csrf_key`` setting as bytes, or a fresh random key when it is not set."""
    return str(resolve([CSRF_KEY], None)[CSRF_KEY.name]).encode() or secrets.token_bytes(32)


def cursor(request: Request) -> duckdb.DuckDBPyConnection:
    """A cursor on the service's store connection (one per request)."""
    con: duckdb.DuckDBPyConnection = request.app.state.con
    return con.cursor()


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin") or request.headers.get("referer")
    if not origin:
        return False
    parts = urlsplit(origin)
    return f"{parts.scheme}://{parts.netloc}" == f"{request.url.scheme}://{request.url.netloc}"


def _cookie_principal(request: Request) -> Principal | None:
    """The session cookie's principal. The API takes it for reads; a write with only the
    cookie must also carry ``X-CSRF-Token`` and a same-origin ``Origin``, or it is refused."""
    principal = tokens.verify_session(cursor(request), request.cookies.get(COOKIE))
    if principal is None or request.method in SAFE_METHODS:
        return principal
    if not _same_origin(request) or not tokens.check_csrf(
            request.app.state.csrf_key, principal, request.headers.get("x-csrf-token")):
        raise HTTPException(403, "an API write with the session cookie needs a same-origin "
                                 "Origin and the X-CSRF-Token header; use a bearer token")
    return principal


def current_principal(request: Request) -> Principal:
    """The caller, from ``Authorization: Bearer`` or the session cookie; 401 otherwise."""
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        principal = tokens.verify_token(cursor(request), auth[7:].strip())
    else:
        principal = _cookie_principal(request)
    if principal is None:
        raise HTTPException(401, "missing or invalid API token",
                            headers={"WWW-Authenticate": "Bearer"})
    return principal


def page_principal(request: Request) -> Principal:
    """The caller of a page, from the session cookie; without one, a redirect to /login."""
    principal = tokens.verify_session(cursor(request), request.cookies.get(COOKIE))
    if principal is None:
        raise HTTPException(303, "login required", headers={"Location": "/login"})
    return principal


def require(role: str, who: Callable[..., Principal] = current_principal
            ) -> Callable[[Principal], Principal]:
    """A dependency that lets through a caller (found by ``who``) with ``role``; admins pass
    every check."""

    def check(principal: Principal = Depends(who)) -> Principal:
        if not principal.can(role):
            raise HTTPException(403, f"this needs the {role} role")
        return principal

    return check


Analyst = Annotated[Principal, Depends(require("analyst"))]
Admin = Annotated[Principal, Depends(require("admin"))]
Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]
Session = Annotated[Principal, Depends(page_principal)]
AdminSession = Annotated[Principal, Depends(require("admin", page_principal))]


def render(request: Request, template: str, principal: Principal | None, **ctx: Any) -> HTMLResponse:
    """A page from ``web/templates``, with the caller's CSRF token for its forms."""
    csrf = tokens.csrf_token(request.app.state.csrf_key, principal) if principal else ""
    ctx.setdefault("subtitle", None)
    ctx.setdefault("active", ACTIVE.get(template.split(".")[0], ""))
    html = report.render("frontierguard.web", template, principal=principal, csrf=csrf, **ctx)
    return HTMLResponse(html)


def check_csrf(request: Request, principal: Principal, token: str) -> None:
    """403 unless ``token`` is the CSRF token of ``principal``'s session."""
    if not tokens.check_csrf(request.app.state.csrf_key, principal, token):
        raise HTTPException(403, "invalid CSRF token")


def signed(request: Request, message: str) -> str:
    """``message`` with an HMAC as a query string, so a page shows only messages this server
    wrote."""
    sig = hmac.new(request.app.state.csrf_key, message.encode(), hashlib.sha256).hexdigest()
    return f"message={quote(message)}&sig={sig}"


def verified(request: Request, message: str | None, sig: str | None) -> str | None:
    """``message`` if ``sig`` is this server's HMAC of it, else None."""
    if message is None or sig is None:
        return None
    good = hmac.new(request.app.state.csrf_key, message.encode(), hashlib.sha256).hexdigest()
    return message if hmac.compare_digest(good, sig) else None
