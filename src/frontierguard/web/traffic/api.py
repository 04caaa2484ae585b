"""Traffic and service routes of the REST API, versioned under ``/api/v1``: events, detection
runs, campaigns, accounts and feedback, tokens and settings. Each route calls one library
function."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field, TypeAdapter

from frontierguard.core import tokens
from frontierguard.core.settings import all_settings
from frontierguard.traffic import feedback
from frontierguard.web.deps import Admin, Analyst, Cursor, cursor
from frontierguard.web.traffic import services
from frontierguard.web.traffic.jobs import RunResults
from frontierguard.web.traffic.models import (
    Account,
    Campaign,
    DetectionStarted,
    DetectionStatus,
    Labelled,
    SettingInfo,
)

router = APIRouter(prefix="/api/v1")
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "no such run, campaign or account"}}
DEFAULT_PAGE, MAX_PAGE = 100, 1000
TOTAL = "X-Total-Count"


class IngestResult(BaseModel):
    files: list[str]
    rows_read: int
    inserted: int
    duplicates: int
    skipped: int
    errors: list[str]


@router.post("/events", tags=["traffic"], response_model=IngestResult,
             responses={413: {"description": "upload too large"},
                        422: {"description": "bad input (nothing is written)"}})
async def ingest_events(
    request: Request, principal: Admin, con: Cursor,
    format: Annotated[Literal["jsonl", "parquet", "csv", "otlp"], Query()] = "jsonl",
    on_error: Annotated[Literal["fail", "skip"], Query()] = "fail",
) -> dict[str, Any]:
    """Ingest an upload of events (the raw request body), streamed to disk, all or nothing."""
    limit = request.app.state.config.max_upload_bytes
    suffix = {"jsonl": ".jsonl", "parquet": ".parquet", "csv": ".csv", "otlp": ".json"}[format]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix}"
        size = 0
        with path.open("wb") as fh:
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise HTTPException(413, f"upload exceeds {limit} bytes")
                fh.write(chunk)
        if size == 0:
            raise HTTPException(422, "empty upload")
        try:
            report = services.load_upload(con, path, f"upload{suffix}", on_error)
        finally:
            request.app.state.reads.bump()
        return report.as_dict()


class DetectionRequest(BaseModel):
    releases_csv: str | None = Field(None, description="releases table as CSV text (model,released_at)")


@router.post("/detections", tags=["traffic"], status_code=202, response_model=DetectionStarted,
             responses={422: {"description": "no events in the store, or a bad releases CSV"}})
def start_detection(body: DetectionRequest, principal: Admin, request: Request) -> dict[str, str]:
    """Start a detection run over the store's events; poll it with GET /detections/{job_id}."""
    job_id = services.start_detection(request.app, body.releases_csv, principal.token_id)
    return {"job_id": job_id}


@router.get("/detections/{job_id}", tags=["traffic"], response_model=DetectionStatus,
            responses=NOT_FOUND)
def detection_status(job_id: str, principal: Analyst, request: Request) -> dict[str, Any]:
    """A run's status, progress (0..1) and message."""
    run = request.app.state.jobs.get(job_id)
    return {k: run[k] for k in ("job_id", "status", "progress", "message", "started_at",
                                "finished_at")}


Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Rows per page (at most {MAX_PAGE}).")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip (the next page: offset + limit).")]
PAGED: dict[int | str, dict[str, Any]] = {
    **NOT_FOUND, 200: {"description": "one page, highest score first",
                       "headers": {TOTAL: {"description": "rows in every page together",
                                           "schema": {"type": "integer"}}}}}


PAGES_KEPT = 256  # encoded pages kept per run


def _page(results: RunResults, rows: list[Any], model: Any, key: tuple[Any, ...], limit: int,
          offset: int) -> Response:
    """Rows ``offset`` to ``offset + limit`` as JSON, encoded once per run and page; the
    total goes in the ``X-Total-Count`` header."""
    key = (*key, limit, offset)
    body = results.pages.get(key)
    if body is None:
        adapter = TypeAdapter(list[model])
        body = adapter.dump_json(adapter.validate_python(rows[offset:offset + limit]))
        if len(results.pages) >= PAGES_KEPT:
            results.pages.clear()
        results.pages[key] = body
    return Response(body, media_type="application/json", headers={TOTAL: str(len(rows))})


@router.get("/campaigns", tags=["traffic"], response_model=list[Campaign], responses=PAGED)
def list_campaigns(principal: Analyst, request: Request, run: str | None = None,
                   limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> Response:
    """Campaigns of a run (default: the latest finished run), highest score first, one page."""
    results = request.app.state.jobs.results(run)
    return _page(results, results.campaigns, Campaign, ("campaigns",), limit, offset)


@router.get("/campaigns/{campaign_id}", tags=["traffic"], response_model=Campaign,
            responses=NOT_FOUND)
def get_campaign(campaign_id: str, principal: Analyst, request: Request,
                 run: str | None = None) -> dict[str, Any]:
    """One campaign with its member accounts and indicators."""
    return dict(request.app.state.jobs.results(run).campaign(campaign_id))


@router.get("/accounts", tags=["traffic"], response_model=list[Account], responses=PAGED)
def list_accounts(principal: Analyst, request: Request, run: str | None = None,
                  flagged: bool | None = None, limit: Limit = DEFAULT_PAGE,
                  offset: Offset = 0) -> Response:
    """Scored accounts of a run, highest score first, with their reasons, one page."""
    results = request.app.state.jobs.results(run)
    accounts = results.accounts if flagged is None else results.flagged(flagged)
    return _page(results, accounts, Account, ("accounts", flagged), limit, offset)


@router.get("/accounts/{account_id:path}", tags=["traffic"], response_model=Account,
            responses=NOT_FOUND)
def get_account(account_id: str, principal: Analyst, request: Request,
                run: str | None = None) -> dict[str, Any]:
    """One account's score, reasons and hourly request timeline from the store."""
    account = dict(request.app.state.jobs.results(run).account(account_id))
    account["timeline"] = services.account_timeline(cursor(request), account_id)
    return account


class Feedback(BaseModel):
    verdict: Literal["confirmed", "false_positive"]
    campaign: str | None = None
    note: str | None = Field(None, max_length=2000)


@router.post("/accounts/{account_id:path}/feedback", tags=["traffic"], status_code=201,
             response_model=Labelled)
def label_account(account_id: str, body: Feedback, principal: Analyst, con: Cursor,
                  request: Request) -> dict[str, str]:
    """Mark an account as a confirmed attacker or a false positive (used by eval and fit)."""
    feedback.add_feedback(con, account_id, body.verdict, campaign=body.campaign,
                          note=body.note, by=principal.token_id)
    request.app.state.reads.bump()
    return {"account_id": account_id, "verdict": body.verdict}


@router.get("/tokens", tags=["service"])
def list_tokens(principal: Admin, con: Cursor) -> list[dict[str, Any]]:
    """Every API token's id, role, name, dates and state (never a secret)."""
    return tokens.list_tokens(con)


@router.delete("/tokens/{token_id}", tags=["service"], status_code=204,
               responses={404: {"description": "no such token"}})
def revoke_token(token_id: str, principal: Admin, con: Cursor) -> None:
    """Revoke a token and end its page sessions; effective from the next request."""
    tokens.revoke_token(con, token_id)


@router.get("/settings", tags=["service"], response_model=list[SettingInfo])
def list_settings(principal: Analyst) -> list[dict[str, Any]]:
    """Every tunable setting with its type, default and description."""
    return [s.as_dict() for s in all_settings()]
