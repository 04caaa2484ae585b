"""Export-control compositions for the service: one library call each, plus input plumbing.

Chip figures arrive as strings from forms, JSON or CSV and go through the same column
validation as the CLI (``controls.catalog``), so a bad value is reported with its field.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from frontierguard.controls import catalog, chips, licence, redflags, rules
from frontierguard.controls.screening import api as screening
from frontierguard.controls.screening import audit
from frontierguard.controls.screening.model import Party
from frontierguard.core.errors import InputError
from frontierguard.core.tokens import Principal
from frontierguard.web.controls import screening_cache
from frontierguard.web.controls.screening_cache import SessionCache

CHIP_FIELDS = (
    "name", "datacenter", "die_area_mm2", "dies", "io_die_area_mm2", "throughput_basis",
    "sparse", "item_type", "memory_bandwidth_gbs", "hbm_package_area_mm2", "also_described_by",
    *chips.PRECISIONS,
)


def parse_date(value: str | dt.date | None, field: str = "date") -> dt.date:
    """A YYYY-MM-DD date (today when empty); a bad one names the field."""
    if isinstance(value, dt.date):
        return value
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"expected YYYY-MM-DD, got {value!r}", field=field) from None


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _item_frame(items: list[Mapping[str, Any]]) -> pd.DataFrame:
    rows = [{k: _cell(item.get(k)) for k in CHIP_FIELDS} for item in items]
    frame = pd.DataFrame(rows, columns=list(CHIP_FIELDS), dtype=str)
    frame["dies"] = frame["dies"].replace("", "1")
    frame["throughput_basis"] = frame["throughput_basis"].replace("", "package")
    frame["item_type"] = frame["item_type"].replace("", "ic")
    frame["sparse"] = frame["sparse"].replace("", "false")
    return frame


def classify_items(items: list[Mapping[str, Any]], date: dt.date) -> list[dict[str, Any]]:
    """Classify items given as mappings of the CSV columns; errors name the item and field."""
    if not items:
        raise InputError("no items to classify", field="items")
    try:
        table = catalog.table_from_frame(_item_frame(items), None)
    except InputError as exc:
        index = None if exc.row is None else exc.row - 2
        raise InputError(exc.message, "items", index, exc.field, "item") from None
    try:
        results = chips.classify_table(table, rules.rule_set_for(date))
    except InputError as exc:
        raise InputError(exc.message, "items", None if exc.row is None else exc.row - 2,
                         exc.field, "item") from None
    return [r.as_dict() for r in results]


def classify_csv(text: str, date: dt.date, filename: str = "items.csv") -> list[dict[str, Any]]:
    """Classify every row of a CSV upload (columns as ``frontierguard chips classify --csv``)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "items.csv"
        path.write_text(text, encoding="utf-8")
        try:
            table = catalog.read_table(path)
            results = chips.classify_table(table, rules.rule_set_for(date))
        except InputError as exc:
            raise InputError(exc.message, filename, exc.row, exc.field) from None
    return [r.as_dict() for r in results]


def catalog_results(date: dt.date) -> list[dict[str, Any]]:
    """Every accelerator in the shipped catalog, classified under the rules of ``date``."""
    return [r.as_dict() for r in chips.classify_table(catalog.catalog_table(),
                                                      rules.rule_set_for(date))]


def classify_catalog_chip(name: str, date: dt.date) -> dict[str, Any]:
    """One catalog chip (exact or unique partial name) classified under the rules of ``date``."""
    chip = catalog.find_chip(name)
    return chips.classify_table(chip.table, rules.rule_set_for(date))[0].as_dict()


def catalog_names() -> list[str]:
    return [str(n) for n in catalog.catalog_frame()["name"]]


def determine_licence(item: str, destination: str, hq: str | None, parent: str | None,
                      end_use: str, date: dt.date) -> dict[str, Any]:
    """Licence determination for one transaction (``controls.licence``)."""
    tx = licence.transaction(item, destination, hq or None, parent or None, end_use, date)
    return licence.check_transaction(tx).as_dict()


def end_uses() -> dict[str, str]:
    return licence.end_uses()


def order_redflags(order: dict[str, Any]) -> dict[str, Any]:
    """Red-flag score of one order (``controls.redflags``)."""
    return redflags.score_order(redflags.parse_order(order, "order"))


def actor(principal: Principal) -> str:
    """How the audit log names an API caller: token name and id, never the secret."""
    return f"{principal.name or 'token'} ({principal.token_id})"


def _overrides(principal: Principal, threshold: float | None) -> dict[str, Any]:
    out: dict[str, Any] = {"screening_actor": actor(principal)}
    if threshold is not None:
        out["screening_threshold"] = threshold
    return out


def screen_party(con: duckdb.DuckDBPyConnection, principal: Principal, party: Party,
                 list_date: dt.date | None, threshold: float | None,
                 cache: SessionCache | None = None) -> dict[str, Any]:
    """Screen one party against the loaded lists; the screening is written to the audit log.

    With ``cache`` the lists are indexed once and reused while they and the settings stay
    the same; without it each call indexes them (``screening.api.check``).
    """
    if cache is None:
        result, session = screening.check(con, party, list_date=list_date,
                                          overrides=_overrides(principal, threshold))
    else:
        settings = {} if threshold is None else {"screening_threshold": threshold}
        result, session = screening_cache.check(cache, con, party, actor(principal), list_date,
                                                settings)
    return {"name": party.name, "country": party.country, "matched": result.matched,
            "threshold": session.screener.threshold, "lists": session.version_label,
            "algorithm": session.screener.algorithm.name,
            "hits": [h.as_dict() for h in result.hits]}


def screen_batch(con: duckdb.DuckDBPyConnection, principal: Principal, text: str,
                 list_date: dt.date | None, threshold: float | None,
                 filename: str = "queries.csv") -> dict[str, Any]:
    """Screen a CSV of parties (``query_id, name[, country, address, identifier]``)."""
    with tempfile.TemporaryDirectory() as tmp:
        queries = Path(tmp) / "queries.csv"
        queries.write_text(text, encoding="utf-8")
        try:
            parties = screening.read_queries(queries)
        except InputError as exc:
            raise InputError(exc.message, filename, exc.row, exc.field) from None
    batch = screening.screen(con, parties, list_date=list_date,
                             overrides=_overrides(principal, threshold), in_process=True)
    return {**batch.summary(), "results": batch.rows()}


def audit_log(con: duckdb.DuckDBPyConnection, limit: int, offset: int = 0) -> dict[str, Any]:
    """The newest audit rows (after checking the whole hash chain)."""
    verified = audit.verify(con)
    rows = audit.rows(con)
    newest = list(reversed(rows))[offset:offset + limit]
    out = [dict(zip(audit.COLUMNS, r, strict=True)) for r in newest]
    for row in out:
        row["result"] = json.loads(str(row["result"]))
    return {"verified_rows": verified, "rows": out}


def audit_csv(con: duckdb.DuckDBPyConnection) -> str:
    """The whole audit log as CSV (after checking the hash chain)."""
    audit.verify(con)
    return audit.export(con, None)
