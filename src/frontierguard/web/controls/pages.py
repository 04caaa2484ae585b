"""Export-control pages: chip classifier, licence determination, party screening, audit log.

Classification and licence determination are read-only, so their forms use GET (bookmarkable
results); screening writes the audit log, so its form posts with a CSRF token.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from frontierguard.controls.chips import PRECISIONS
from frontierguard.controls.screening.model import Party
from frontierguard.core.errors import FrontierguardError, InputError
from frontierguard.web.controls import services as svc
from frontierguard.web.deps import Session, check_csrf, cursor, render

router = APIRouter(include_in_schema=False)
NUMBER_FIELDS = ("die_area_mm2", "io_die_area_mm2", "memory_bandwidth_gbs", "hbm_package_area_mm2",
                 *PRECISIONS)


def _chip_values(params: dict[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {k: params.get(k, "").strip() for k in svc.CHIP_FIELDS}
    values["name"] = values["name"] or "item"
    values["sparse"] = "true" if params.get("sparse") else "false"
    return values


@router.get("/chips")
def chips_page(request: Request, principal: Session) -> HTMLResponse:
    """Classify an item from datasheet figures, or a catalog chip, with the explained result."""
    params = dict(request.query_params)
    result: dict[str, Any] | None = None
    error = None
    try:
        date = svc.parse_date(params.get("date"))
        if params.get("catalog"):
            result = svc.classify_catalog_chip(params["catalog"], date)
        elif "classify" in params:
            result = svc.classify_items([_chip_values(params)], date)[0]
    except FrontierguardError as exc:
        error = str(exc)
    return render(request, "chips.html.j2", principal, title="Chip classifier",
                  subtitle="ECCN 3A090 / 4A090 from datasheet figures, under the rules of a date",
                  params=params, result=result, error=error, catalog=svc.catalog_names(),
                  number_fields=NUMBER_FIELDS, precisions=list(PRECISIONS))


@router.get("/licence")
def licence_page(request: Request, principal: Session) -> HTMLResponse:
    """Licence determination for an item, destination, headquarters, parent and end use."""
    params = dict(request.query_params)
    result, error = None, None
    if params.get("item"):
        try:
            result = svc.determine_licence(
                params["item"], params.get("destination", ""), params.get("hq"),
                params.get("parent"), params.get("end_use") or "commercial",
                svc.parse_date(params.get("date")))
        except FrontierguardError as exc:
            error = str(exc)
    return render(request, "licence.html.j2", principal, title="Licence determination",
                  subtitle="Advanced-computing rules (15 CFR 742.6, 744.23) in force on a date",
                  params=params, result=result, error=error, end_uses=svc.end_uses(),
                  catalog=svc.catalog_names())


@router.get("/screen")
def screen_form(request: Request, principal: Session) -> HTMLResponse:
    return _screen(request, principal, {}, None, None)


@router.post("/screen")
def screen_submit(
    request: Request, principal: Session, csrf: Annotated[str, Form()],
    name: Annotated[str, Form()] = "", country: Annotated[str, Form()] = "",
    list_date: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """Screen one party (written to the audit log) and show each candidate with its reasons."""
    check_csrf(request, principal, csrf)
    form = {"name": name, "country": country, "list_date": list_date}
    try:
        if not name.strip():
            raise InputError("enter a name to screen", field="name")
        when = svc.parse_date(list_date, "list_date") if list_date else None
        result = svc.screen_party(cursor(request), principal, Party(name.strip(), country or None),
                                  when, None, request.app.state.screening)
    except FrontierguardError as exc:
        return _screen(request, principal, form, None, str(exc))
    return _screen(request, principal, form, result, None)


def _screen(request: Request, principal: Any, form: dict[str, str], result: dict[str, Any] | None,
            error: str | None) -> HTMLResponse:
    return render(request, "screen.html.j2", principal, title="Party screening",
                  subtitle="Restricted-party lists loaded in the store; every screening is audited",
                  form=form, result=result, error=error)


@router.get("/audit")
def audit_page(request: Request, principal: Session, page: int = 0) -> HTMLResponse:
    """The screening audit log, newest first, with its hash-chain check."""
    size = 50
    error, log = None, {"verified_rows": 0, "rows": []}
    try:
        log = svc.audit_log(cursor(request), size, max(0, page) * size)
    except FrontierguardError as exc:
        error = str(exc)
    return render(request, "audit.html.j2", principal, title="Screening audit log",
                  subtitle="Append-only; each row carries the hash of the one before",
                  log=log, error=error, page=max(0, page), size=size)
