"""The service's outermost layer: one body-size limit for every route, counted while the body
streams in (before anything parses it), and API credentials checked before any body is read.

A request over the limit gets 413 as soon as its ``Content-Length`` says so, or as soon as the
streamed bytes pass the limit; an API request without valid credentials gets 401 before the
first byte of its body is read.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
Authenticate = Callable[[Request], object]


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` once a body passes the limit (FastAPI re-raises HTTP errors)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body exceeds {limit} bytes")


def _declared_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _send_json(send: Send, status: int, detail: str, headers: dict[str, str]) -> None:
    body = json.dumps({"detail": detail}).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
           (b"connection", b"close"),
           *((k.lower().encode(), v.encode()) for k, v in headers.items())]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
       "script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
_DOCS = ("/docs", "/redoc")  # FastAPI's API viewers load their own scripts


def _security_headers(scope: Scope) -> list[tuple[bytes, bytes]]:
    """Headers on every response: no sniffing, no framing, no caching; CSP on pages."""
    headers = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
               (b"cache-control", b"no-store"), (b"referrer-policy", b"same-origin")]
    if not str(scope.get("path", "")).startswith(_DOCS):
        headers.append((b"content-security-policy", CSP.encode()))
    return headers


class Guard:
    """ASGI middleware: ``limit`` bytes per body; ``authenticate`` (raising HTTPException)
    runs first for paths under ``/api/``."""

    def __init__(self, app: ASGIApp, limit: int, authenticate: Authenticate) -> None:
        self.app, self.limit, self.authenticate = app, limit, authenticate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _declared_length(scope)
        if declared is not None and declared > self.limit:
            await _send_json(send, 413, f"request body exceeds {self.limit} bytes", {})
            return
        if str(scope.get("path", "")).startswith("/api/"):
            try:
                self.authenticate(Request(scope))
            except HTTPException as exc:
                await _send_json(send, exc.status_code, str(exc.detail), dict(exc.headers or {}))
                return
        await self._limited(scope, receive, send)

    async def _limited(self, scope: Scope, receive: Receive, send: Send) -> None:
        received, started = 0, False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *_security_headers(scope)]
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge as exc:  # raised where no handler turned it into a response
            if started:
                raise
            await _send_json(send, 413, str(exc.detail), {})
