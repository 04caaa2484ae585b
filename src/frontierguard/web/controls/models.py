"""Request and response models of the export-control routes (they make the OpenAPI schema)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from frontierguard.controls.redflags import ADDRESS_TYPES, PAYMENT_METHODS

Number = float | None
Strs = list[str]  # for models with a field named ``list``
MAX_FIGURE = 1e9  # far above any chip; keeps TPP finite
DateQuery = Field(None, description="Rules in force on this date, YYYY-MM-DD (default: today).")


class ChipItem(BaseModel):
    """Datasheet figures of one item: dense throughput (TOPS/TFLOPS), die areas in mm2."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field("item", min_length=1, max_length=200)
    datacenter: bool = Field(description="Designed or marketed for data centres.")
    die_area_mm2: Number = Field(None, ge=0, le=MAX_FIGURE, description="Area of one compute die.")
    dies: int = Field(1, ge=1, le=64, description="Number of compute dies.")
    io_die_area_mm2: Number = Field(None, ge=0, le=MAX_FIGURE,
                                   description="Other logic dies on non-planar nodes.")
    throughput_basis: Literal["package", "die"] = "package"
    sparse: bool = Field(False, description="Throughput figures quote sparse rates.")
    item_type: Literal["ic", "computer", "hbm"] = "ic"
    memory_bandwidth_gbs: Number = Field(None, ge=0, le=MAX_FIGURE)
    hbm_package_area_mm2: Number = Field(None, ge=0, le=MAX_FIGURE)
    also_described_by: str = Field("", max_length=20, description="ECCN with a .z paragraph.")
    tops_int4: Number = Field(None, ge=0, le=MAX_FIGURE)
    tops_int8: Number = Field(None, ge=0, le=MAX_FIGURE)
    tflops_fp4: Number = Field(None, ge=0, le=MAX_FIGURE)
    tflops_fp8: Number = Field(None, ge=0, le=MAX_FIGURE)
    tflops_fp16: Number = Field(None, ge=0, le=MAX_FIGURE)
    tflops_bf16: Number = Field(None, ge=0, le=MAX_FIGURE)
    tflops_tf32: Number = Field(None, ge=0, le=MAX_FIGURE)
    tflops_fp32: Number = Field(None, ge=0, le=MAX_FIGURE)
    tflops_fp64: Number = Field(None, ge=0, le=MAX_FIGURE)


class ChipBatch(BaseModel):
    items: list[ChipItem] = Field(min_length=1, max_length=10000)
    date: dt.date | None = DateQuery


class ChipResult(BaseModel):
    """An item's ECCN, the figures it rests on, and why."""

    name: str
    eccn: str
    tpp: float | None
    pd: float | None
    tpp_precision: str | None
    applicable_die_area_mm2: float | None
    memory_bandwidth_gbs: float | None
    hbm_density: float | None
    datacenter: bool
    reasons: list[str]
    assumptions: list[str]
    rule_set: str
    citation: str
    source: str
    disclaimer: str


class LicenceRequest(BaseModel):
    item: str = Field(min_length=1, max_length=200,
                      description="An ECCN (3A090.a) or a catalog chip name (H100 SXM5).")
    destination: str = Field(min_length=2, max_length=2, description="ISO 3166-1 alpha-2 code.")
    hq: str | None = Field(None, min_length=2, max_length=2, description="Buyer's headquarters.")
    parent: str | None = Field(None, min_length=2, max_length=2, description="Ultimate parent.")
    end_use: str = Field("commercial", max_length=40)
    date: dt.date | None = DateQuery


class LicenceResult(BaseModel):
    """Whether a licence is needed, each requirement with its paragraph, policy, exceptions."""

    licence_required: bool
    item: dict[str, Any]
    reasons: list[dict[str, str]]
    advisories: list[dict[str, str]]
    pending_requirements: list[dict[str, str]]
    review_policy: dict[str, str] | None
    eligible_exceptions: list[dict[str, Any]]
    country_groups: dict[str, list[str]]
    notes: list[str]
    rule_set: dict[str, Any]
    citations: list[str]
    disclaimer: str


class Customer(BaseModel):
    name: str = Field(min_length=1, max_length=300)
    country: str = Field(min_length=2, max_length=2)
    hq_country: str | None = Field(None, min_length=2, max_length=2)
    parent_country: str | None = Field(None, min_length=2, max_length=2)
    incorporated: dt.date | None = None
    first_time: bool = False


class ShipTo(BaseModel):
    country: str = Field(min_length=2, max_length=2)
    address_type: str = Field("unknown", description="One of " + ", ".join(ADDRESS_TYPES))


class Forwarder(BaseModel):
    name: str | None = Field(None, max_length=300)


class Payment(BaseModel):
    method: str = Field("other", description="One of " + ", ".join(PAYMENT_METHODS))
    payer_country: str | None = Field(None, min_length=2, max_length=2)
    payer_is_customer: bool = True


class Datacentre(BaseModel):
    claimed_power_kw: float | None = Field(None, ge=0)


class OrderLine(BaseModel):
    chip: str = Field(min_length=1, max_length=200, description="A catalog chip name.")
    quantity: int = Field(gt=0, le=10_000_000)


class Order(BaseModel):
    """An order of accelerators, as for ``frontierguard orders redflags``."""

    order_id: str = Field("", max_length=100)
    order_date: dt.date
    customer: Customer
    ship_to: ShipTo
    forwarder: Forwarder | None = None
    end_use_statement: str = Field("", max_length=5000)
    payment: Payment
    declined_services: bool = False
    datacentre: Datacentre | None = None
    items: list[OrderLine] = Field(min_length=1, max_length=1000)


class Flag(BaseModel):
    flag: str
    score: float
    weight: float
    detail: str | None
    why: str
    source: str


class RedFlags(BaseModel):
    order_id: str
    scorer: str
    score: float
    flags: list[Flag]
    disclaimer: str


class PartyQuery(BaseModel):
    name: str = Field(min_length=1, max_length=500)
    country: str | None = Field(None, max_length=100, description="Country code or name.")
    list_date: dt.date | None = Field(None, description="Use lists dated on or before this day.")
    threshold: float | None = Field(None, ge=0, le=1, description="Match threshold override.")


class Hit(BaseModel):
    """A listed entry scored at or above the reporting cutoff, and the reasons."""

    entry_id: str
    list: str
    match_name: str
    matched_name: str
    kind: str
    score: float
    matched: bool
    reasons: Strs
    programs: Strs


class PartyResult(BaseModel):
    name: str
    country: str | None
    matched: bool
    threshold: float
    lists: str
    algorithm: str
    hits: list[Hit]


class BatchRow(BaseModel):
    query_id: str
    query_name: str
    match_name: str
    list: str
    score: float
    matched: bool
    reasons: Strs


class BatchResult(BaseModel):
    queries: int
    matched: int
    reported: int
    lists: str
    threshold: float
    results: list[BatchRow]


class AuditRow(BaseModel):
    audit_id: int
    screened_at: dt.datetime
    actor: str
    action: str
    query_id: str
    query_name: str
    query_country: str
    list_versions: str
    algorithm: str
    threshold: float
    matched: bool
    top_match: str
    top_score: float
    result: list[Hit]
    prev_hash: str
    row_hash: str


class AuditLog(BaseModel):
    """The newest rows first; ``verified_rows`` counts rows whose hash chain checked out."""

    verified_rows: int
    rows: list[AuditRow]
