"""Infrastructure: reference data, address pools, shared cards, creation bursts, rare TLS."""

from __future__ import annotations

import ipaddress
from dataclasses import replace

import numpy as np
import pytest

from frontierguard.core.datafiles import load_yaml_text
from frontierguard.core.errors import DataFileError
from frontierguard.traffic.simulate.infra import Client, IpTable, assign, load_infra, parse_infra
from frontierguard.traffic.simulate.scenario import Infra

DATA = load_infra()
BASE = Infra(
    asn_types={"residential": 1.0},
    countries=(),
    ips_per_account=2,
    ip_pool="own",
    pool_size=10,
    org_size=1,
    clients={"browser": 1.0},
    custom_client=False,
    second_client=0.0,
    cards=0,
    signup={"web": 1.0},
    created="spread",
    created_days=(10.0, 100.0),
    burst_size=10,
)
START = 1_772_409_600_000


def _assign(infra: Infra, n: int = 50, seed: int = 0) -> tuple[IpTable, list[Client], object]:
    table, extra = IpTable(), []
    acc = assign(np.random.default_rng(seed), DATA, infra, n, table, START, extra, "g", None)
    return table, extra, acc


def test_reference_data_is_complete() -> None:
    types = {a.type for a in DATA.asns}
    assert types == {"hosting", "residential", "mobile", "business", "education"}
    assert all(a.country in DATA.utc_offsets for a in DATA.asns)
    assert {c.family for c in DATA.clients} >= {"browser", "python_sdk", "ide_agent", "router"}
    assert DATA.source


def test_addresses_are_valid_and_match_the_network_type() -> None:
    table, _, _ = _assign(replace(BASE, asn_types={"residential": 0.5, "mobile": 0.5}), n=200)
    for ip in table.ip:
        ipaddress.ip_address(ip)
    assert set(table.asn_type) == {"residential", "mobile"}


def test_org_pools_put_many_accounts_behind_a_few_addresses_in_one_24() -> None:
    infra = replace(BASE, asn_types={"education": 1.0}, ip_pool="org", pool_size=4, org_size=100)
    table, _, acc = _assign(infra, n=300)
    assert len(table.ip) == 12  # three universities, four NAT addresses each
    first = {tuple(table.ip[i].split(".")[:3]) for i in acc.ips[0]}  # type: ignore[attr-defined]
    assert len(first) == 1


def test_rotating_pools_are_drawn_per_request() -> None:
    _, _, acc = _assign(replace(BASE, ip_pool="rotating", pool_size=500))
    assert len(acc.pool) == 500  # type: ignore[attr-defined]


@pytest.mark.parametrize(("cards", "org_size", "expected"), [(0, 1, 50), (4, 1, 4), (0, 10, 5)])
def test_cards(cards: int, org_size: int, expected: int) -> None:
    _, _, acc = _assign(replace(BASE, cards=cards, org_size=org_size))
    assert len(np.unique(acc.card)) == expected  # type: ignore[attr-defined]


def test_creation_bursts_cluster_signups_within_an_hour() -> None:
    _, _, acc = _assign(replace(BASE, created="burst", burst_size=10), n=40)
    created = np.sort(acc.created_ms)  # type: ignore[attr-defined]
    assert np.all(created < START)
    clusters = np.split(created, np.flatnonzero(np.diff(created) > 3_600_000) + 1)
    assert 1 <= len(clusters) <= 4
    assert all(np.ptp(c) < 3_600_000 for c in clusters)


def test_custom_clients_keep_the_user_agent_but_get_a_rare_tls_fingerprint() -> None:
    _, extra, _acc = _assign(replace(BASE, clients={"python_sdk": 1.0}, custom_client=True))
    assert extra and len({c.tls for c in extra}) == 1
    common = {c.tls for c in DATA.clients}
    assert extra[0].tls not in common
    assert {c.user_agent for c in extra} <= {c.user_agent for c in DATA.clients}


def test_bad_reference_data_names_the_line() -> None:
    text = (
        "source: x\neffective: 2026-01-01\ncountries: {US: -6}\nasns:\n"
        "  - {asn: 1, type: space, country: US, weight: 1, prefixes: ['1.2']}\nclients: []\n"
    )
    with pytest.raises(DataFileError) as info:
        parse_infra(load_yaml_text(text, "infra.yaml"))
    assert (info.value.row, info.value.field) == (5, "type")
