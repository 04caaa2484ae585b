"""Application factory: the store, error mapping and the routers (``web.traffic``,
``web.controls``, sign-in); the dependencies routes share live in :mod:`frontierguard.web.deps`."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from frontierguard import __version__
from frontierguard.controls.screening import audit
from frontierguard.core import report, tokens
from frontierguard.core.errors import ConfigError, FrontierguardError, InputError, NotFoundError
from frontierguard.core.settings import resolve
from frontierguard.core.store import connect
from frontierguard.web import login
from frontierguard.web.controls import api as controls_api
from frontierguard.web.controls import pages as controls_pages
from frontierguard.web.controls.screening_cache import SESSIONS_KEPT, SessionCache
from frontierguard.web.deps import csrf_key, current_principal
from frontierguard.web.guard import Guard
from frontierguard.web.read_cache import ReadCache
from frontierguard.web.traffic import api as traffic_api
from frontierguard.web.traffic import pages as traffic_pages
from frontierguard.web.traffic.jobs import Jobs


@dataclass
class ServiceConfig:
    """Where the service keeps its state, and its limits."""

    db: Path
    runs_dir: Path
    max_upload_bytes: int = 200 * 1024 * 1024  # every request body, on every route
    screening_sessions: int | None = None  # default: setting web_screening_sessions
    secure_cookies: bool = False  # mark the session cookie Secure (serve behind HTTPS)


def _is_page(request: Request) -> bool:
    return not request.url.path.startswith(("/api/", "/health", "/docs", "/openapi", "/redoc"))


def _error_page(request: Request, code: int, message: str) -> Response:
    html = report.render("frontierguard.web", "error.html.j2", title=f"Error {code}",
                         subtitle=None, principal=None, csrf="", active="", code=code,
                         message=message)
    return HTMLResponse(html, status_code=code)


def _json_safe(value: Any) -> Any:
    """``value`` with every non-finite float written as text (JSON has no inf or nan)."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    return value


def _error_handlers(app: FastAPI) -> None:
    status = {InputError: 422, ConfigError: 422, NotFoundError: 404}

    @app.exception_handler(FrontierguardError)
    async def domain_error(request: Request, exc: FrontierguardError) -> Response:
        code = next((c for t, c in status.items() if isinstance(exc, t)), 400)
        if _is_page(request):
            return _error_page(request, code, str(exc))
        if code == 422:  # same shape as FastAPI's own validation errors
            loc = ["body", exc.field] if isinstance(exc, InputError) and exc.field else ["body"]
            detail: object = [{"loc": loc, "msg": str(exc), "type": "value_error"}]
        else:
            detail = str(exc)
        return JSONResponse({"detail": detail}, status_code=code)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        # the default handler fails (500) when the rejected input is inf or nan
        return JSONResponse({"detail": _json_safe(jsonable_encoder(exc.errors()))}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code >= 400 and _is_page(request):
            return _error_page(request, exc.status_code, str(exc.detail))
        return await http_exception_handler(request, exc)


def create_app(config: ServiceConfig) -> FastAPI:
    """Build the service over one DuckDB store."""
    app = FastAPI(
        title="frontierguard", version=__version__,
        description="Distillation defence, AI-chip export controls and party screening.",
    )
    app.state.config = config
    app.state.con = connect(config.db)
    tokens.ensure_schema(app.state.con)
    app.state.con.execute(audit.SCHEMA)  # once at open: requests never run DDL
    app.state.jobs = Jobs(app.state.con, config.runs_dir)
    kept = config.screening_sessions or resolve([SESSIONS_KEPT], None)[SESSIONS_KEPT.name]
    app.state.screening = SessionCache(kept)
    app.state.reads = ReadCache()  # account views, reset by every event or feedback write
    app.state.csrf_key = csrf_key()
    _error_handlers(app)
    app.add_middleware(Guard, limit=config.max_upload_bytes, authenticate=current_principal)

    @app.get("/health", tags=["service"])
    def health() -> dict[str, str]:
        """Liveness check (no token needed)."""
        return {"status": "ok", "version": __version__}

    app.include_router(traffic_api.router)
    app.include_router(controls_api.router)
    app.include_router(login.router)
    app.include_router(traffic_pages.router)
    app.include_router(controls_pages.router)
    return app
