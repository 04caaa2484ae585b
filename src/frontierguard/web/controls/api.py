"""Export-control routes under ``/api/v1``: chips, licences, red flags, screening, audit log.

Analysts may use all of them; every screening is written to the append-only audit log
under the caller's token name and id.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import PlainTextResponse

from frontierguard.controls.screening.model import Party
from frontierguard.web.controls import services as svc
from frontierguard.web.controls.models import (
    AuditLog,
    BatchResult,
    ChipBatch,
    ChipItem,
    ChipResult,
    LicenceRequest,
    LicenceResult,
    Order,
    PartyQuery,
    PartyResult,
    RedFlags,
)
from frontierguard.web.deps import Analyst, Cursor

router = APIRouter(prefix="/api/v1")
DateParam = Annotated[dt.date | None, Query(description="Rules in force on this date (default: today).")]
Responses = dict[int | str, dict[str, Any]]
BAD: Responses = {422: {"description": "bad input, naming the item or line and the field"}}
CSV_BODY: dict[str, Any] = {"requestBody": {
    "required": True, "content": {"text/csv": {"schema": {"type": "string"}}}}}
MAX_CSV_BYTES = 20 * 1024 * 1024


async def _csv_text(request: Request) -> str:
    """The raw CSV body, bounded in size and decoded as UTF-8."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_CSV_BYTES:
            raise HTTPException(413, f"CSV body exceeds {MAX_CSV_BYTES} bytes")
        chunks.append(chunk)
    try:
        text = b"".join(chunks).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise HTTPException(422, "CSV body is not UTF-8") from None
    if not text.strip():
        raise HTTPException(422, "empty CSV body")
    return text


@router.post("/chips/classify", tags=["controls"], response_model=ChipResult, responses=BAD)
def classify_chip(item: ChipItem, principal: Analyst, date: DateParam = None) -> dict[str, Any]:
    """Classify one item under ECCN 3A090 / 4A090 from its datasheet figures, with reasons."""
    return svc.classify_items([item.model_dump()], svc.parse_date(date))[0]


@router.post("/chips/classify-batch", tags=["controls"], response_model=list[ChipResult],
             responses=BAD)
def classify_chips(batch: ChipBatch, principal: Analyst) -> list[dict[str, Any]]:
    """Classify many items (JSON) in one vectorised pass; errors name the item index."""
    return svc.classify_items([i.model_dump() for i in batch.items], svc.parse_date(batch.date))


@router.post("/chips/classify-csv", tags=["controls"], response_model=list[ChipResult],
             responses={**BAD, 413: {"description": "body too large"}}, openapi_extra=CSV_BODY)
async def classify_chips_csv(request: Request, principal: Analyst,
                             date: DateParam = None) -> list[dict[str, Any]]:
    """Classify every row of a CSV body (columns as ``frontierguard chips classify --csv``)."""
    return svc.classify_csv(await _csv_text(request), svc.parse_date(date))


@router.get("/chips/catalog", tags=["controls"], response_model=list[ChipResult])
def chip_catalog(principal: Analyst, date: DateParam = None) -> list[dict[str, Any]]:
    """Every accelerator in the shipped catalog, classified under the rules of the date."""
    return svc.catalog_results(svc.parse_date(date))


@router.post("/licence", tags=["controls"], response_model=LicenceResult,
             responses={**BAD, 404: {"description": "unknown catalog chip"}})
def determine_licence(body: LicenceRequest, principal: Analyst) -> dict[str, Any]:
    """Whether a transaction needs a licence, why, the review policy and eligible exceptions."""
    return svc.determine_licence(body.item, body.destination, body.hq, body.parent, body.end_use,
                                 svc.parse_date(body.date))


@router.post("/orders/redflags", tags=["controls"], response_model=RedFlags,
             responses={**BAD, 404: {"description": "unknown catalog chip"}})
def order_redflags(order: Order, principal: Analyst) -> dict[str, Any]:
    """Score an order against the published diversion red flags; each flag says why."""
    return svc.order_redflags(order.model_dump(mode="json", exclude_none=True))


@router.post("/screening/check", tags=["screening"], response_model=PartyResult,
             responses={**BAD, 404: {"description": "no lists loaded"}})
def screen_party(body: PartyQuery, principal: Analyst, con: Cursor,
                 request: Request) -> dict[str, Any]:
    """Screen one party against the loaded lists, with the reasons behind every candidate."""
    party = Party(body.name, body.country or None)
    return svc.screen_party(con, principal, party, body.list_date, body.threshold,
                            request.app.state.screening)


@router.post("/screening/batch", tags=["screening"], response_model=BatchResult,
             responses={**BAD, 404: {"description": "no lists loaded"},
                        413: {"description": "body too large"}}, openapi_extra=CSV_BODY)
async def screen_batch(
    request: Request, principal: Analyst, con: Cursor,
    list_date: Annotated[dt.date | None, Query()] = None,
    threshold: Annotated[float | None, Query(ge=0, le=1)] = None,
) -> dict[str, Any]:
    """Screen a CSV body of parties (``query_id, name[, country, address, identifier]``)."""
    return svc.screen_batch(con, principal, await _csv_text(request), list_date, threshold)


@router.get("/screening/audit", tags=["screening"], response_model=AuditLog)
def audit_log(principal: Analyst, con: Cursor,
              limit: Annotated[int, Query(ge=1, le=10000)] = 100,
              offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    """The screening audit log, newest first, after checking its hash chain."""
    return svc.audit_log(con, limit, offset)


@router.get("/screening/audit.csv", tags=["screening"], response_class=PlainTextResponse,
            responses={200: {"content": {"text/csv": {}}}})
def audit_export(principal: Analyst, con: Cursor) -> PlainTextResponse:
    """The whole audit log as CSV, after checking its hash chain."""
    return PlainTextResponse(svc.audit_csv(con), media_type="text/csv")
