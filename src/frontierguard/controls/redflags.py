"""Diversion red flags for an order of advanced chips, scored with explainable features.

An order is a JSON object (see docs/controls-chips.md). Each feature is a small function
returning a score in [0, 1] and a detail; its docstring is the explanation shown to a user,
and ``rules/redflags_v1.yaml`` names the guidance it implements.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontierguard.controls.catalog import find_chip
from frontierguard.controls.rules import DISCLAIMER, CountryGroups, country, rule_set_for, rules_dir
from frontierguard.core.datafiles import load_json_object, load_yaml
from frontierguard.core.errors import InputError
from frontierguard.core.registry import Registry
from frontierguard.core.scoring import Algorithm, Feature, FtResult
from frontierguard.core.settings import Setting, register, resolve

NEW_COMPANY_DAYS = Setting("controls_redflag_new_company_days", int, 365,
                           "A customer incorporated fewer days than this before the order is 'newly formed'.",
                           "controls", old_names=("controls.redflag_new_company_days",))
KW_PER_CHIP_OVERHEAD = Setting("controls_redflag_facility_overhead", float, 1.5,
                               "Facility power per chip as a multiple of the chip's TDP (host, network, "
                               "cooling) when checking an order against claimed data-centre power.",
                               "controls", old_names=("controls.redflag_facility_overhead",))
register([NEW_COMPANY_DAYS, KW_PER_CHIP_OVERHEAD])

PAYMENT_METHODS = ("wire", "letter-of-credit", "card", "cash", "crypto", "other")
ADDRESS_TYPES = ("commercial", "datacentre", "residential", "freight-forwarder", "po-box", "unknown")


@dataclass(frozen=True)
class Order:
    """A validated order: parties, countries, quantities, payment and claims."""

    order_id: str
    date: dt.date
    customer_name: str
    customer_country: str
    hq_country: str
    parent_country: str
    incorporated: dt.date | None
    first_time: bool
    ship_to_country: str
    ship_to_type: str
    forwarder: str | None
    end_use_statement: str
    payment_method: str
    payer_country: str
    payer_is_customer: bool
    declined_services: bool
    claimed_power_kw: float | None
    chips: tuple[tuple[str, int, float | None], ...]  # (name, quantity, TDP watts)
    groups: CountryGroups
    new_company_days: int = NEW_COMPANY_DAYS.default
    facility_overhead: float = KW_PER_CHIP_OVERHEAD.default


def _need(data: dict[str, Any], key: str, kind: type, file: str | None) -> Any:
    value = data.get(key)
    if value is None or not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise InputError(f"missing or not a {kind.__name__}", file, field=key)
    return value


def _date(value: Any, key: str, file: str | None) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"expected a date YYYY-MM-DD, got {value!r}", file, field=key) from None


def _choice(value: str, allowed: tuple[str, ...], key: str, file: str | None) -> str:
    if value not in allowed:
        raise InputError(f"expected one of {', '.join(allowed)}, got {value!r}", file, field=key)
    return value


def _items(raw: Any, file: str | None) -> tuple[tuple[str, int, float | None], ...]:
    if not isinstance(raw, list) or not raw:
        raise InputError("expected a non-empty list of {chip, quantity}", file, field="items")
    out = []
    for i, it in enumerate(raw):
        qty = it.get("quantity") if isinstance(it, dict) else None
        if not isinstance(qty, int) or isinstance(qty, bool) or qty <= 0:
            raise InputError("quantity must be a positive whole number", file, field=f"items[{i}].quantity")
        chip = find_chip(str(it.get("chip", "")))
        out.append((chip.name, qty, chip.tdp_w))
    return tuple(out)


def parse_order(data: dict[str, Any], file: str | None = None,
                settings: dict[str, Any] | None = None) -> Order:
    """Validate an order mapping; errors name the field. ``settings`` override the tunables."""
    tun = resolve([NEW_COMPANY_DAYS, KW_PER_CHIP_OVERHEAD], settings)
    cust = _need(data, "customer", dict, file)
    ship = _need(data, "ship_to", dict, file)
    pay = _need(data, "payment", dict, file)
    date = _date(_need(data, "order_date", str, file), "order_date", file)
    home = country(_need(cust, "country", str, file), "customer.country")
    hq = country(cust.get("hq_country") or home, "customer.hq_country")
    dc = data.get("datacentre") or {}
    power = dc.get("claimed_power_kw")
    if power is not None and (not isinstance(power, int | float) or power < 0):
        raise InputError("must be a non-negative number", file, field="datacentre.claimed_power_kw")
    inc = cust.get("incorporated")
    return Order(
        order_id=str(data.get("order_id", "")), date=date,
        customer_name=_need(cust, "name", str, file), customer_country=home, hq_country=hq,
        parent_country=country(cust.get("parent_country") or hq, "customer.parent_country"),
        incorporated=_date(inc, "customer.incorporated", file) if inc else None,
        first_time=bool(cust.get("first_time", False)),
        ship_to_country=country(_need(ship, "country", str, file), "ship_to.country"),
        ship_to_type=_choice(str(ship.get("address_type", "unknown")), ADDRESS_TYPES,
                             "ship_to.address_type", file),
        forwarder=(data.get("forwarder") or {}).get("name"),
        end_use_statement=str(data.get("end_use_statement") or ""),
        payment_method=_choice(str(pay.get("method", "other")), PAYMENT_METHODS, "payment.method", file),
        payer_country=country(pay.get("payer_country") or home, "payment.payer_country"),
        payer_is_customer=bool(pay.get("payer_is_customer", True)),
        declined_services=bool(data.get("declined_services", False)),
        claimed_power_kw=None if power is None else float(power),
        chips=_items(data.get("items"), file), groups=rule_set_for(date).groups,
        new_company_days=tun[NEW_COMPANY_DAYS.name], facility_overhead=tun[KW_PER_CHIP_OVERHEAD.name],
    )


def load_order(path: str | Path, settings: dict[str, Any] | None = None) -> Order:
    p = Path(path)
    return parse_order(load_json_object(p), str(p), settings)


def first_time_buyer(o: Order) -> FtResult:
    """The customer has never bought advanced chips from you before."""
    return FtResult(1.0, "first order from this customer") if o.first_time else FtResult(0.0)


def newly_formed(o: Order) -> FtResult:
    """The customer was incorporated shortly before the order (controls_redflag_new_company_days)."""
    if o.incorporated is None:
        return FtResult(0.5, "incorporation date not given")
    age = (o.date - o.incorporated).days
    return FtResult(1.0, f"incorporated {age} days before the order") if age < o.new_company_days \
        else FtResult(0.0)


def forwarder_destination(o: Order) -> FtResult:
    """A freight forwarder or PO box is the delivery address, not the end user's site."""
    if o.ship_to_type in ("freight-forwarder", "po-box"):
        return FtResult(1.0, f"ships to a {o.ship_to_type}" + (f" ({o.forwarder})" if o.forwarder else ""))
    return FtResult(0.0)


def ship_to_differs(o: Order) -> FtResult:
    """Goods go to a country other than the customer's own."""
    if o.ship_to_country != o.customer_country:
        return FtResult(1.0, f"customer in {o.customer_country}, delivery to {o.ship_to_country}")
    return FtResult(0.0)


def third_party_payment(o: Order) -> FtResult:
    """Someone other than the customer pays, or payment comes from another country."""
    if not o.payer_is_customer or o.payer_country != o.customer_country:
        return FtResult(1.0, f"paid by a third party from {o.payer_country}")
    return FtResult(0.0)


def unusual_payment(o: Order) -> FtResult:
    """Cash, crypto-assets or an unexplained method for an expensive order."""
    if o.payment_method in ("cash", "crypto", "other"):
        return FtResult(1.0, f"payment by {o.payment_method}")
    return FtResult(0.0)


def d5_links(o: Order) -> FtResult:
    """A party (headquarters, parent, payer or delivery) is in Macau or Country Group D:5."""
    roles = {"headquarters": o.hq_country, "parent": o.parent_country, "payer": o.payer_country,
             "delivery": o.ship_to_country}
    hits = [f"{r} {c}" for r, c in roles.items() if o.groups.member(c, ["D:5", "MO"])]
    return FtResult(1.0, "linked to D:5/Macau: " + ", ".join(hits)) if hits else FtResult(0.0)


def vague_end_use(o: Order) -> FtResult:
    """The end-use statement is missing or too short to say what the chips will do and where."""
    words = len(o.end_use_statement.split())
    if words == 0:
        return FtResult(1.0, "no end-use statement")
    return FtResult(0.5, f"end-use statement of only {words} words") if words < 12 else FtResult(0.0)


def capacity_mismatch(o: Order) -> FtResult:
    """The order needs more power than the data-centre capacity the customer claims (or none is claimed)."""
    need_kw = sum(q * (w or 0.0) for _, q, w in o.chips) * o.facility_overhead / 1000
    if o.claimed_power_kw is None:
        return FtResult(1.0, f"no data-centre capacity claimed for about {need_kw:,.0f} kW of chips") \
            if need_kw >= 100 else FtResult(0.0)
    if need_kw > o.claimed_power_kw:
        return FtResult(1.0, f"needs about {need_kw:,.0f} kW, claims {o.claimed_power_kw:,.0f} kW")
    return FtResult(0.0)


def residential_address(o: Order) -> FtResult:
    """Delivery to a residential address."""
    return FtResult(1.0, "delivery to a residential address") if o.ship_to_type == "residential" \
        else FtResult(0.0)


def declined_services(o: Order) -> FtResult:
    """The customer declines installation, testing or maintenance services usual for such systems."""
    return FtResult(1.0, "declined installation and maintenance") if o.declined_services else FtResult(0.0)


REDFLAGS_V1: Algorithm[Order] = Algorithm(
    "redflags_v1", "Diversion red flags for advanced-chip orders (BIS guidance, 2023 and 2025)",
    [Feature("first_time_buyer", first_time_buyer, 0.05),
     Feature("newly_formed", newly_formed, 0.1),
     Feature("forwarder_destination", forwarder_destination, 0.15),
     Feature("ship_to_differs", ship_to_differs, 0.1),
     Feature("third_party_payment", third_party_payment, 0.1),
     Feature("unusual_payment", unusual_payment, 0.05),
     Feature("d5_links", d5_links, 0.2),
     Feature("vague_end_use", vague_end_use, 0.05),
     Feature("capacity_mismatch", capacity_mismatch, 0.1),
     Feature("residential_address", residential_address, 0.05),
     Feature("declined_services", declined_services, 0.05)],
)
SCORERS: Registry[Algorithm[Order]] = Registry("red-flag scorer", [REDFLAGS_V1])


def score_order(order: Order, scorer: str = "redflags_v1") -> dict[str, Any]:
    """Score an order; report every flag that fired with its detail and guidance source."""
    algo = SCORERS.get(scorer)
    sources = load_yaml(rules_dir() / "redflags_v1.yaml")["flags"]
    exp = algo.explain(order)
    fired = [{"flag": f.name, "score": exp.features[f.name].score, "weight": f.weight,
              "detail": exp.features[f.name].detail, "why": f.description,
              "source": sources.get(f.name, "")}
             for f in algo.features if exp.features[f.name].score > 0]
    return {"order_id": order.order_id, "scorer": algo.name, "score": round(exp.score, 3),
            "flags": fired, "disclaimer": DISCLAIMER}
