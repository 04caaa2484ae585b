"""Infrastructure of simulated accounts: addresses, networks, clients, cards, signups.

Reference data (autonomous systems, client software with TLS fingerprints, time zones) lives
in ``simulate/data/infra_v1.yaml``. Assignment is per account or per address, never per request.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from dataclasses import field as dc_field
from functools import lru_cache

import numpy as np

from frontierguard.core.datafiles import LineDict, field, load_yaml, package_data
from frontierguard.core.errors import DataFileError
from frontierguard.traffic.schema import ASN_TYPES
from frontierguard.traffic.simulate import checks as ck
from frontierguard.traffic.simulate.scenario import CLIENT_FAMILIES, Infra

DAY_MS = 86_400_000


@dataclass(frozen=True)
class Asn:
    asn: int
    name: str
    type: str
    country: str
    weight: float
    prefixes: tuple[str, ...]


@dataclass(frozen=True)
class Client:
    family: str
    user_agent: str
    tls: str
    weight: float


@dataclass(frozen=True)
class InfraData:
    """The reference tables, as loaded from ``infra_v1.yaml``."""

    asns: tuple[Asn, ...]
    clients: tuple[Client, ...]
    utc_offsets: dict[str, float]
    source: str


def parse_infra(data: LineDict) -> InfraData:
    ck.keys(data, {"source", "effective", "asns", "clients", "countries"})
    ck.date(data, "effective", None)
    offsets = ck.section(data, "countries", required=True)
    zones = {str(c): ck.number(offsets, c, None, -12, 14) for c in offsets}
    asns = []
    for item in ck.sequence(data, "asns"):
        m = ck.mapping(item, data, "asns")
        country = ck.choice(m, "country", None, tuple(zones))
        asns.append(
            Asn(
                ck.integer(m, "asn", None, 1, 2**32 - 1),
                str(m.get("name", "")),
                ck.choice(m, "type", None, ASN_TYPES),
                country,
                ck.number(m, "weight", None, 0, 1e6),
                tuple(ck.str_list(m, "prefixes", [])),
            )
        )
        if not asns[-1].prefixes:
            raise DataFileError("needs at least one address prefix", m.file, m.at("prefixes"), "prefixes")
    clients = []
    for item in ck.sequence(data, "clients"):
        m = ck.mapping(item, data, "clients")
        clients.append(
            Client(
                ck.choice(m, "family", None, CLIENT_FAMILIES),
                field(m, "user_agent", str),
                field(m, "tls", str),
                ck.number(m, "weight", None, 0, 1e6),
            )
        )
    return InfraData(tuple(asns), tuple(clients), zones, field(data, "source", str))


@lru_cache(maxsize=1)
def load_infra() -> InfraData:
    """The shipped reference infrastructure (cached)."""
    return parse_infra(load_yaml(package_data("frontierguard.traffic.simulate", "data/infra_v1.yaml")))


@dataclass
class IpTable:
    """Every simulated client address, appended group by group."""

    ip: list[str] = dc_field(default_factory=list)
    asn: list[int] = dc_field(default_factory=list)
    asn_type: list[str] = dc_field(default_factory=list)
    country: list[str] = dc_field(default_factory=list)

    def add(self, ips: list[str], asns: list[Asn]) -> np.ndarray:
        start = len(self.ip)
        self.ip += ips
        self.asn += [a.asn for a in asns]
        self.asn_type += [a.type for a in asns]
        self.country += [a.country for a in asns]
        return np.arange(start, len(self.ip), dtype=np.int64)


def _addresses(rng: np.random.Generator, asns: list[Asn], same24: bool) -> list[str]:
    """Addresses inside each network's real prefixes; ``same24`` keeps a pool in one /24."""
    if not asns:
        return []
    c = int(rng.integers(0, 256))
    d = (
        rng.permutation(254)[: len(asns)] + 1
        if same24 and len(asns) <= 254
        else rng.integers(1, 255, len(asns))
    )
    out = []
    for i, a in enumerate(asns):
        p = a.prefixes[int(rng.integers(len(a.prefixes)))]
        cc = c if same24 else int(rng.integers(0, 256))
        if ":" in p:
            out.append(f"{p}:{cc:x}:{int(rng.integers(65536)):x}::{int(d[i]):x}")
        else:
            out.append(f"{p}.{cc}.{int(d[i])}")
    return out


def _pick_asns(
    rng: np.random.Generator, data: InfraData, infra: Infra, n: int, country: str | None
) -> list[Asn]:
    """``n`` networks: a type by the group's mix, then a network of that type by popularity."""
    types = list(infra.asn_types)
    tw = np.array([infra.asn_types[t] for t in types])
    chosen = rng.choice(len(types), size=n, p=tw / tw.sum())
    out: list[Asn] = []
    for ti in chosen:
        cands = [a for a in data.asns if a.type == types[ti] and (country is None or a.country == country)]
        if not cands:
            cands = [a for a in data.asns if a.type == types[ti]] or list(data.asns)
        w = np.array([a.weight for a in cands])
        out.append(cands[int(rng.choice(len(cands), p=w / w.sum()))])
    return out


def _home_countries(rng: np.random.Generator, data: InfraData, infra: Infra, n: int) -> list[str]:
    allowed = infra.countries or tuple(sorted({a.country for a in data.asns}))
    w = np.array(
        [
            sum(a.weight * infra.asn_types.get(a.type, 0) for a in data.asns if a.country == c) + 1e-3
            for c in allowed
        ]
    )
    return [allowed[i] for i in rng.choice(len(allowed), size=n, p=w / w.sum())]


@dataclass
class AccountInfra:
    """Per-account infrastructure of one group (arrays of length n)."""

    ips: np.ndarray  # (n, width) indices into the IpTable; -1 = rotating pool
    pool: np.ndarray  # rotating pool indices (empty unless ip_pool == rotating)
    org: np.ndarray  # org index within the group
    client: np.ndarray  # index into the client table (may be a group-private client)
    client2: np.ndarray  # a second device or program of the account
    card: np.ndarray  # card index within the group
    signup: np.ndarray  # index into signups
    signups: list[str]
    created_ms: np.ndarray
    utc_offset: np.ndarray


def _clients(
    rng: np.random.Generator, data: InfraData, infra: Infra, n_orgs: int, extra: list[Client], group_key: str
) -> np.ndarray:
    fams = list(infra.clients)
    fw = np.array([infra.clients[f] for f in fams])
    fam = rng.choice(len(fams), size=n_orgs, p=fw / fw.sum())
    out = np.zeros(n_orgs, dtype=np.int64)
    for fi, name in enumerate(fams):
        idx = [i for i, c in enumerate(data.clients) if c.family == name]
        mask = fam == fi
        if not idx or not mask.any():
            continue
        w = np.array([data.clients[i].weight for i in idx])
        out[mask] = np.array(idx)[rng.choice(len(idx), size=int(mask.sum()), p=w / w.sum())]
    if infra.custom_client:
        # the same user agents, but the group's own HTTP stack: a rare TLS fingerprint
        digest = hashlib.sha256(group_key.encode()).hexdigest()
        tls = f"t13d{digest[:2]}{digest[2:4]}h2_{digest[4:16]}_{digest[16:28]}"
        base = len(data.clients) + len(extra)
        for j, ci in enumerate(sorted(set(out.tolist()))):
            src = data.clients[ci]
            extra.append(Client(src.family, src.user_agent, tls, 0.0))
            out[out == ci] = base + j
    return out


def _created(
    rng: np.random.Generator, infra: Infra, n: int, start_ms: int, days: int, lifetime: float | None
) -> np.ndarray:
    """Creation times: spread over the past, or in scripted bursts of ``burst_size`` accounts.

    Accounts with a limited lifetime (hydra clusters replacing banned accounts) are created in
    bursts across the simulated window as well as before it.
    """
    lo, hi = infra.created_days
    if infra.created == "spread":
        # older accounts are commoner than new ones among active users
        u = rng.power(1.6, n)
        days_before = lo + (hi - lo) * u
        return start_ms - (days_before * DAY_MS).astype(np.int64)
    bursts = max(1, -(-n // infra.burst_size))
    if lifetime is None:
        at_days = -rng.uniform(lo, hi, bursts)
    else:
        at_days = rng.uniform(-lifetime, max(days - lifetime / 2, 0.5), bursts)
    burst_at = start_ms + (at_days * DAY_MS).astype(np.int64)
    which = np.arange(n) // infra.burst_size
    offset = rng.exponential(90_000, n).astype(np.int64)  # a scripted signup every ~1.5 min
    created: np.ndarray = burst_at[which] + np.cumsum(offset) % 3_600_000
    return created


def assign(
    rng: np.random.Generator,
    data: InfraData,
    infra: Infra,
    n: int,
    table: IpTable,
    start_ms: int,
    extra_clients: list[Client],
    group_key: str,
    tz_override: float | None,
    days: int = 14,
    lifetime: float | None = None,
) -> AccountInfra:
    """Addresses, client, card, signup channel and creation time for ``n`` accounts."""
    n_orgs = max(1, -(-n // infra.org_size))
    org = np.arange(n) // infra.org_size
    homes = _home_countries(rng, data, infra, n_orgs)
    width = infra.ips_per_account
    ips = np.full((n, width), -1, dtype=np.int64)
    pool = np.empty(0, dtype=np.int64)
    if infra.ip_pool == "own":
        for i in range(n):
            asns = _pick_asns(rng, data, infra, width, homes[org[i]])
            ips[i] = table.add(_addresses(rng, asns, False), asns)
    elif infra.ip_pool == "org":
        for o in range(n_orgs):
            asn = _pick_asns(rng, data, infra, 1, homes[o])[0]
            nat = table.add(_addresses(rng, [asn] * infra.pool_size, True), [asn] * infra.pool_size)
            members = np.flatnonzero(org == o)
            ips[members] = nat[rng.integers(0, len(nat), (len(members), width))]
    else:
        asns = _pick_asns(rng, data, infra, infra.pool_size, None)
        shared = table.add(_addresses(rng, asns, False), asns)
        if infra.ip_pool == "shared":
            ips = shared[rng.integers(0, len(shared), (n, width))]
        else:
            pool = shared
    country_of_org = np.array(homes)
    offsets = np.array([data.utc_offsets[c] for c in country_of_org])[org]
    if tz_override is not None:
        offsets = np.full(n, tz_override)
    n_cards = infra.cards if infra.cards > 0 else n_orgs
    card = org % n_cards if infra.cards == 0 else rng.integers(0, n_cards, n)
    signups = list(infra.signup)
    sw = np.array([infra.signup[s] for s in signups])
    return AccountInfra(
        ips=ips,
        pool=pool,
        org=org,
        client=_clients(rng, data, infra, n_orgs, extra_clients, group_key)[org],
        client2=(
            _clients(rng, data, infra, n, extra_clients, group_key)
            if infra.second_client > 0
            else np.zeros(n, dtype=np.int64)
        ),
        card=card,
        signup=rng.choice(len(signups), size=n, p=sw / sw.sum()),
        signups=signups,
        created_ms=_created(rng, infra, n, start_ms, days, lifetime),
        utc_offset=offsets,
    )
