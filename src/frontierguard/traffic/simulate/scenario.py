"""Scenario files: the populations and campaigns a simulation draws, validated into dataclasses.

A scenario is YAML (see ``traffic/scenarios/default.yaml``). Every section is checked here;
a bad value raises :class:`DataFileError` naming the file, the line and the field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontierguard.core.datafiles import LineDict, field, package_data
from frontierguard.core.errors import DataFileError, NotFoundError
from frontierguard.core.registry import Registry
from frontierguard.traffic.schema import ASN_TYPES
from frontierguard.traffic.simulate import checks as ck
from frontierguard.traffic.simulate.spec import (
    CLIENT_FAMILIES,
    POOLS,
    SYSTEMS,
    TIMING_KINDS,
    WRAPPERS,
    Adoption,
    Group,
    Infra,
    Model,
    Requests,
    Scenario,
    Timing,
)

__all__ = [
    "CLIENT_FAMILIES",
    "POOLS",
    "SCENARIOS",
    "SYSTEMS",
    "TIMING_KINDS",
    "WRAPPERS",
    "Adoption",
    "Group",
    "Infra",
    "Model",
    "Requests",
    "Scenario",
    "ShippedScenario",
    "Timing",
    "load",
    "parse",
]


def _timing(m: LineDict, profiles: dict[str, tuple[float, ...]]) -> Timing:
    ck.keys(
        m,
        {
            "kind",
            "requests_per_day",
            "spread",
            "per_session",
            "gap_seconds",
            "gap_sigma",
            "profile",
            "weekend",
            "period_minutes",
            "burst_every_hours",
            "participation",
            "timezone",
            "lifetime_days",
        },
    )
    profile = ck.choice(m, "profile", "human", tuple(profiles))
    tz = m.get("timezone")
    life = m.get("lifetime_days")
    return Timing(
        kind=ck.choice(m, "kind", None, TIMING_KINDS),
        requests_per_day=ck.number(m, "requests_per_day", None, 0.001, 1e6),
        spread=ck.number(m, "spread", 0.5, 0, 4),
        per_session=ck.number(m, "per_session", 4, 1, 1e5),
        gap_seconds=ck.number(m, "gap_seconds", 60, 0.01, 86_400),
        gap_sigma=ck.number(m, "gap_sigma", 0.8, 0, 4),
        profile=profile,
        weekend=ck.number(m, "weekend", 1.0, 0, 10),
        period_minutes=tuple(ck.int_list(m, "period_minutes", [60], 1, 10_080)),
        burst_every_hours=ck.number(m, "burst_every_hours", 4, 0.05, 240),
        participation=ck.number(m, "participation", 0.8, 0.01, 1),
        timezone=None if tz is None else ck.number(m, "timezone", None, -12, 14),
        lifetime_days=None if life is None else ck.number(m, "lifetime_days", None, 0.1, 366),
    )


def _requests(m: LineDict) -> Requests:
    ck.keys(
        m,
        {
            "mix",
            "wrappers",
            "max_tokens",
            "thinking",
            "tools",
            "turns",
            "multi_turn",
            "output_scale",
            "temperature",
            "templates",
            "templates_k",
            "system",
            "cover_share",
            "concentration",
            "cover_mix",
        },
    )
    wrappers = ck.weights(m, "wrappers", {}, WRAPPERS, total=False)
    if sum(wrappers.values()) > 1 + 1e-9:
        raise DataFileError(
            "wrapper probabilities must sum to at most 1",
            m.file,
            getattr(m["wrappers"], "line", m.line),
            "wrappers",
        )
    return Requests(
        mix=ck.weights(m, "mix", None, POOLS),
        wrappers=wrappers,
        max_tokens=ck.int_weights(m, "max_tokens", {1024: 0.4, 4096: 0.4, 8192: 0.2}, 1, 200_000),
        thinking=ck.number(m, "thinking", 0.2, 0, 1),
        tools=ck.int_weights(m, "tools", {0: 1.0}, 0, 256),
        turns=ck.choice(m, "turns", "mixed", ("session", "single", "mixed")),
        multi_turn=ck.number(m, "multi_turn", 0.3, 0, 1),
        output_scale=ck.number(m, "output_scale", 1.0, 0.01, 100),
        temperature=tuple(ck.number_list(m, "temperature", [1.0], 0, 2)),
        templates=ck.choice(m, "templates", "all", ("all", "account", "campaign")),
        templates_k=ck.integer(m, "templates_k", 3, 1, 1000),
        system=ck.choice(m, "system", "assistant", SYSTEMS),
        concentration=ck.number(m, "concentration", 20.0, 0.1, 10_000),
        cover_share=ck.number(m, "cover_share", 0.0, 0, 1),
        cover_mix=ck.weights(m, "cover_mix", {"chat": 0.6, "creative": 0.2, "coding": 0.2}, POOLS),
    )


def _adoption(m: LineDict) -> Adoption:
    ck.keys(m, {"first_day", "after", "release_burst", "burst_hours"})
    return Adoption(
        first_day=ck.number(m, "first_day", 0.05, 0, 1),
        after=ck.number(m, "after", 0.2, 0, 1),
        release_burst=ck.integer(m, "release_burst", 0, 0, 10_000_000),
        burst_hours=ck.number(m, "burst_hours", 12, 0.1, 24),
    )


def _infra(m: LineDict, countries: set[str]) -> Infra:
    ck.keys(
        m,
        {
            "asn_types",
            "countries",
            "ips_per_account",
            "ip_pool",
            "pool_size",
            "org_size",
            "clients",
            "custom_client",
            "second_client",
            "cards",
            "signup",
            "created",
            "created_days",
            "burst_size",
        },
    )
    cs = tuple(ck.str_list(m, "countries", []))
    for c in cs:
        if c not in countries:
            raise DataFileError(
                f"unknown country {c!r} (known: {', '.join(sorted(countries))})",
                m.file,
                getattr(m["countries"], "line", m.line),
                "countries",
            )
    days = ck.number_list(m, "created_days", [30, 900], 0, 10_000)
    if len(days) != 2 or days[0] > days[1]:
        raise DataFileError(
            "expected [min, max] days before the start",
            m.file,
            getattr(m.get("created_days"), "line", m.line),
            "created_days",
        )
    return Infra(
        asn_types=ck.weights(m, "asn_types", None, ASN_TYPES),
        countries=cs,
        ips_per_account=ck.integer(m, "ips_per_account", 2, 1, 10_000),
        ip_pool=ck.choice(m, "ip_pool", "own", ("own", "org", "shared", "rotating")),
        pool_size=ck.integer(m, "pool_size", 10, 1, 1_000_000),
        org_size=ck.integer(m, "org_size", 1, 1, 100_000),
        clients=ck.weights(m, "clients", None, CLIENT_FAMILIES),
        custom_client=ck.boolean(m, "custom_client", False),
        second_client=ck.number(m, "second_client", 0.0, 0, 1),
        cards=ck.integer(m, "cards", 0, 0, 1_000_000),
        signup=ck.weights(m, "signup", {"web": 1.0}, None),
        created=ck.choice(m, "created", "spread", ("spread", "burst")),
        created_days=(days[0], days[1]),
        burst_size=ck.integer(m, "burst_size", 10, 1, 100_000),
    )


def _group(
    m: Any, campaign: bool, profiles: dict[str, tuple[float, ...]], countries: set[str], where: LineDict
) -> Group:
    m = ck.mapping(m, where, "campaigns" if campaign else "populations")
    ck.keys(m, {"name", "kind", "share", "min_accounts", "timing", "requests", "models", "infra"})
    name = field(m, "name", str)
    return Group(
        name=name,
        kind=field(m, "kind", str, required=False, default=name) if campaign else name,
        campaign=campaign,
        share=ck.number(m, "share", None, 0, 1),
        min_accounts=ck.integer(m, "min_accounts", 1, 0, 1_000_000),
        timing=_timing(ck.section(m, "timing", required=True), profiles),
        requests=_requests(ck.section(m, "requests", required=True)),
        adoption=_adoption(ck.section(m, "models", required=False)),
        infra=_infra(ck.section(m, "infra", required=True), countries),
        line=m.line,
    )


def _profiles(m: LineDict) -> dict[str, tuple[float, ...]]:
    raw = ck.section(m, "hour_profiles", required=True)
    out: dict[str, tuple[float, ...]] = {}
    for key in raw:
        values = ck.number_list(raw, key, None, 0, 1e6)
        if len(values) != 24 or sum(values) <= 0:
            raise DataFileError(
                "an hour profile needs 24 non-negative weights, not all zero",
                raw.file,
                getattr(raw[key], "line", raw.line),
                str(key),
            )
        out[str(key)] = tuple(values)
    return out


def _models(m: LineDict, days: int) -> tuple[Model, ...]:
    items = ck.sequence(m, "models")
    models = []
    for item in items:
        mm = ck.mapping(item, m, "models")
        ck.keys(mm, {"name", "share", "released"})
        models.append(
            Model(
                field(mm, "name", str),
                ck.number(mm, "share", 0.0, 0, 1),
                ck.number(mm, "released", None, -5000, days),
            )
        )
    names = [x.name for x in models]
    if len(set(names)) != len(names):
        raise DataFileError("model names must be unique", m.file, items.line, "models")
    if sum(x.share for x in models if x.released < 0) <= 0:
        raise DataFileError(
            "models released before the start need a positive total share", m.file, items.line, "models"
        )
    return tuple(models)


def parse(data: Any, source: str, countries: set[str]) -> Scenario:
    """Validate a loaded YAML document into a :class:`Scenario`."""
    if not isinstance(data, LineDict):
        raise DataFileError("a scenario must be a mapping", source, 1)
    ck.keys(
        data,
        {
            "name",
            "description",
            "source",
            "effective",
            "accounts",
            "days",
            "start",
            "hour_profiles",
            "models",
            "populations",
            "campaigns",
        },
    )
    days = ck.integer(data, "days", 14, 1, 366)
    profiles = _profiles(data)
    groups = [_group(g, False, profiles, countries, data) for g in ck.sequence(data, "populations")]
    groups += [
        _group(g, True, profiles, countries, data) for g in ck.sequence(data, "campaigns", required=False)
    ]
    names = [g.name for g in groups]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise DataFileError(f"duplicate group name(s): {', '.join(dupes)}", source, data.line)
    if sum(g.share for g in groups) <= 0:
        raise DataFileError("group shares must not all be zero", source, data.at("share"), "share")
    return Scenario(
        name=field(data, "name", str),
        description=field(data, "description", str),
        source=field(data, "source", str),
        effective=ck.date(data, "effective", None),
        accounts=ck.integer(data, "accounts", 5000, 1, 10_000_000),
        days=days,
        start=ck.date(data, "start", dt.date(2026, 3, 2)),
        hour_profiles=profiles,
        models=_models(data, days),
        groups=tuple(groups),
        file=source,
    )


@dataclass(frozen=True)
class ShippedScenario:
    """A scenario file shipped with frontierguard."""

    name: str
    description: str

    @property
    def path(self) -> Path:
        return package_data("frontierguard.traffic.scenarios", f"{self.name}.yaml")


SCENARIOS: Registry[ShippedScenario] = Registry(
    "scenario",
    [
        ShippedScenario("default", "every benign population and all five campaign kinds"),
        ShippedScenario("quiet_campaigns", "smaller, slower campaigns hiding in more benign traffic"),
        ShippedScenario("benign_only", "the benign populations alone (false-positive studies)"),
    ],
)


def load(name_or_path: str | Path, countries: set[str]) -> Scenario:
    """Load a shipped scenario by name, or a scenario file by path."""
    text = str(name_or_path)
    if text.endswith((".yaml", ".yml")) or Path(text).exists():
        path = Path(text)
        if not path.exists():
            raise NotFoundError(f"scenario file not found: {path}")
    else:
        path = SCENARIOS.get(text).path
    return parse(ck.load_yaml_checked(path), str(path), countries)
