"""Account graph: rarity weighting, caps, linear pair generation, Leiden communities.

Cases run under policy_v1 unless they name policy_v2, policy_v3 or policy_v4 (the default),
whose additions -- the ``tls`` kind, template ``support``, lockstep density and weaker kept
links; per-day caps for IP indicators; consolidation on hard infrastructure -- have their own
cases at the end."""

from __future__ import annotations

import dataclasses
import hashlib
import math
from datetime import UTC, datetime, timedelta
from typing import Any

import duckdb
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontierguard.traffic import linkage
from frontierguard.traffic.policy import Policy, load_policy

T0 = datetime(2026, 3, 1, tzinfo=UTC)
SIGNAL_TYPES = {
    "account_id": pa.string(), "ts": pa.timestamp("ms", tz="UTC"), "model": pa.string(),
    "ip": pa.string(), "ip24": pa.string(), "asn": pa.int64(), "asn_type": pa.string(),
    "user_agent": pa.string(), "tls_fingerprint": pa.string(), "payment_fingerprint": pa.string(),
    "account_created": pa.timestamp("ms", tz="UTC"), "signup_channel": pa.string(),
    "template_id": pa.string(), "template_simhash": pa.int64(),
}


def request(account: str, i: int, **over: Any) -> dict[str, Any]:
    """One req_signals row with distinct-by-default indicators."""
    n = int.from_bytes(hashlib.blake2b(account.encode(), digest_size=4).digest(), "big")
    row: dict[str, Any] = {
        "account_id": account, "ts": T0 + timedelta(hours=3 * i + n % 3, minutes=n % 50),
        "model": "m1", "ip": f"10.{n % 250}.{n // 250 % 250}.{i % 250}", "ip24": None,
        "asn": 7000 + n % 100_000,
        "asn_type": "residential", "user_agent": f"ua-{account}", "tls_fingerprint": f"tls-{account}",
        "payment_fingerprint": f"card-{account}",
        "account_created": T0 - timedelta(days=400, minutes=n % 500_000),
        "signup_channel": "web", "template_id": f"tpl-{account}-{i}",
        "template_simhash": int.from_bytes(
            hashlib.blake2b(f"{account}/{i}".encode(), digest_size=8).digest(), "big", signed=True),
    }
    row.update(over)
    if row["ip24"] is None and row["ip"]:
        row["ip24"] = ".".join(row["ip"].split(".")[:3]) + ".0/24"
    return row


def make_con(rows: list[dict[str, Any]]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    signals = pa.table({k: pa.array([r[k] for r in rows], t) for k, t in SIGNAL_TYPES.items()})
    con.register("_signals", signals)
    con.execute("CREATE TABLE req_signals AS SELECT * FROM _signals")
    con.unregister("_signals")
    return con


def policy(**linkage_over: float) -> Policy:
    p = load_policy("policy_v1")
    return dataclasses.replace(p, linkage={**p.linkage, **linkage_over})


def nat_students(count: int = 300) -> list[dict[str, Any]]:
    """Students behind one university NAT with a popular browser, each otherwise distinct."""
    return [request(f"student-{s}", i, ip="192.0.2.10", asn=64500, asn_type="education",
                    user_agent="Chrome/130", tls_fingerprint="ja3-chrome-130")
            for s in range(count) for i in range(4)]


def hydra(count: int = 60, prefix: str = "hydra") -> list[dict[str, Any]]:
    """Accounts on residential proxies rotating three cards (each account uses two of them)
    with one rare TLS fingerprint."""
    return [request(f"{prefix}-{a}", i, payment_fingerprint=f"card-{prefix}-{(a + i % 2) % 3}",
                    tls_fingerprint="ja3-custom-httpx", user_agent="python-httpx/0.27")
            for a in range(count) for i in range(5)]


def communities_of(con: duckdb.DuckDBPyConnection, p: Policy) -> dict[str, int]:
    linkage.build_graph(con, p)
    table = linkage.communities(con, p).table
    return dict(zip(table.column("account_id").to_pylist(), table.column("community").to_pylist(),
                    strict=True))


def test_nat_of_300_students_is_not_linked() -> None:
    con = make_con(nat_students())
    assert linkage.build_graph(con, load_policy("policy_v1")) == 0
    assert communities_of(con, load_policy("policy_v1")) == {}


def test_60_accounts_sharing_cards_and_rare_tls_form_one_community() -> None:
    con = make_con(hydra() + nat_students())
    members = communities_of(con, load_policy("policy_v1"))
    hydra_ids = {c for a, c in members.items() if a.startswith("hydra-")}
    assert len([a for a in members if a.startswith("hydra-")]) == 60
    assert len(hydra_ids) == 1
    assert not any(a.startswith("student-") for a in members)


def test_popular_indicator_above_cap_links_nobody() -> None:
    rows = [request(f"user-{a}", 0, payment_fingerprint="card-shared-by-everyone")
            for a in range(40)]
    p = load_policy("policy_v1")
    capped = dataclasses.replace(p, indicators=tuple(
        dataclasses.replace(i, max_accounts=30) if i.kind == "payment" else i for i in p.indicators))
    con = make_con(rows)
    linkage.build_graph(con, dataclasses.replace(capped, linkage={**p.linkage, "min_edge_weight": 0.0}))
    assert con.execute("SELECT count(*) FROM links WHERE kinds LIKE '%payment%'").fetchone() == (0,)


@pytest.mark.parametrize("k", [2, 5, 33, 200])
def test_link_weight_is_kind_weight_times_rarity(k: int) -> None:
    rows = [request(f"acct-{a}", 0, payment_fingerprint="card-x") for a in range(k)]
    con = make_con(rows)
    linkage.build_graph(con, policy(min_edge_weight=0.0))
    weights = {w for (w,) in con.execute(
        "SELECT weight FROM links WHERE kinds = 'payment'").fetchall()}
    expected = 1.0 * math.log(10000 / k) / math.log(10000)
    assert weights and all(w == pytest.approx(expected) for w in weights)


@pytest.mark.parametrize(("k", "reach", "pairs"), [
    (5, 16, 10),             # small group: every pair once
    (33, 16, 33 * 32 // 2),  # 2*reach+1: still complete
    (400, 16, 400 * 16),     # large group: a ring of reach 16, linear in k
])
def test_pairs_grow_linearly_with_group_size(k: int, reach: int, pairs: int) -> None:
    rows = [request(f"acct-{a}", 0, payment_fingerprint="card-x", ip=None,
                    account_created=None) for a in range(k)]
    con = make_con(rows)
    linkage.build_graph(con, policy(min_edge_weight=0.0, neighbours=reach))
    assert con.execute("SELECT count(*) FROM links WHERE kinds LIKE '%payment%'").fetchone() == (
        pairs,)


@pytest.mark.parametrize(("shared", "linked"), [
    ({"ip24": "203.0.113.0/24"}, False),                       # one weak network kind
    ({"payment_fingerprint": "card-p"}, True),                  # a rare card alone
    ({"tls_fingerprint": "tls-r", "user_agent": "ua-r"}, False),  # rare client alone
    ({"tls_fingerprint": "tls-r", "user_agent": "ua-r", "ip": "198.51.100.7"}, True),
])
def test_pair_linked_only_with_enough_evidence(shared: dict[str, str], linked: bool) -> None:
    con = make_con([request("a-1", 0, **shared), request("b-2", 0, **shared)])
    assert (linkage.build_graph(con, load_policy("policy_v1")) == 1) is linked


def test_lockstep_links_accounts_active_in_the_same_windows() -> None:
    bursts = [T0 + timedelta(hours=7 * j, minutes=13 * j % 60) for j in range(20)]
    rows = [request(f"bot-{a}", j, ts=t + timedelta(seconds=a)) for a in range(3)
            for j, t in enumerate(bursts)]
    rows += [request("human-9", j, ts=T0 + timedelta(hours=5 * j + 2)) for j in range(20)]
    con = make_con(rows)
    p = policy(min_edge_weight=0.5)
    linkage.build_graph(con, p)
    kinds = con.execute("SELECT a, b, kinds FROM links ORDER BY a, b").fetchall()
    assert [(a, b) for a, b, _ in kinds] == [("bot-0", "bot-1"), ("bot-0", "bot-2"), ("bot-1", "bot-2")]
    assert all("lockstep" in k for _, _, k in kinds)


def test_communities_are_deterministic() -> None:
    rows = hydra(30, "h1") + hydra(25, "h2") + nat_students(50)
    first = communities_of(make_con(rows), load_policy("policy_v1"))
    second = communities_of(make_con(list(reversed(rows))), load_policy("policy_v1"))
    assert first == second
    assert len({first[a] for a in first if a.startswith("h1-")}) == 1
    assert {first[a] for a in first if a.startswith("h1-")} != {first[a] for a in first
                                                               if a.startswith("h2-")}


@settings(max_examples=20, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.sampled_from(["c1", "c2", "c3"]),
                          st.sampled_from(["t1", "t2"])), min_size=1, max_size=60))
def test_links_are_canonical_pairs_above_the_threshold(
        rows: list[tuple[int, str, str]]) -> None:
    con = make_con([request(f"acct-{a}", i, payment_fingerprint=card, tls_fingerprint=tls,
                            user_agent="ua") for i, (a, card, tls) in enumerate(rows)])
    p = load_policy("policy_v1")
    linkage.build_graph(con, p)
    links = con.execute("SELECT a, b, weight FROM links").fetchall()
    assert all(a < b and w >= p.linkage["min_edge_weight"] for a, b, w in links)
    assert len({(a, b) for a, b, _ in links}) == len(links)
    shared_card = {(a, b) for a, b, _ in links}
    cards: dict[str, set[str]] = {}
    for a, card, _ in rows:
        cards.setdefault(card, set()).add(f"acct-{a}")
    expected = {(x, y) for members in cards.values() for x in members for y in members if x < y}
    assert shared_card >= expected


V2 = ["policy_v1", "policy_v2", "policy_v3", "policy_v4"]


@pytest.mark.parametrize("name", V2)
def test_nat_of_300_students_is_no_campaign_community_under_each_policy(name: str) -> None:
    con = make_con(hydra() + nat_students())
    members = communities_of(con, load_policy(name))
    assert len({members[a] for a in members if a.startswith("hydra-")}) == 1
    assert not any(a.startswith("student-") for a in members)


def test_v2_rare_tls_fingerprint_adds_to_a_link_a_popular_one_does_not() -> None:
    rare = [request(f"rare-{a}", i, tls_fingerprint="ja4-custom-client",
                    user_agent="python-httpx/0.27") for a in range(30) for i in range(3)]
    popular = [request(f"pop-{a}", i, tls_fingerprint="ja4-chrome", ip=None) for a in range(900)
               for i in range(2)]
    con = make_con(rare + popular)
    members = communities_of(con, load_policy("policy_v2"))
    assert len({members.get(f"rare-{a}") for a in range(30)} - {None}) == 1
    rare_kinds = {k for (k,) in con.execute("SELECT kinds FROM links WHERE a LIKE 'rare-%'").fetchall()}
    assert rare_kinds == {"tls_ua,tls"}
    assert con.execute("SELECT count(*) FROM links WHERE a LIKE 'pop-%'").fetchone() == (0,)


@pytest.mark.parametrize(("templates", "linked"), [
    (1, False),   # one shared prompt is a coincidence under support 2
    (2, True),    # two shared rare templates are a shared script
])
def test_v2_template_links_need_two_shared_templates(templates: int, linked: bool) -> None:
    def rows(acct: str) -> list[dict[str, Any]]:
        return [request(acct, i, template_id=f"tpl-common-{i}" if i < templates else f"own-{acct}-{i}",
                        template_simhash=None) for i in range(4)]

    con = make_con(rows("a-1") + rows("b-2"))
    linkage.build_graph(con, load_policy("policy_v2"))
    kinds = [k for (k,) in con.execute("SELECT kinds FROM links").fetchall()]
    assert (kinds == ["template"]) is linked


def test_v2_lockstep_ignores_sleepless_accounts() -> None:
    """Accounts active in every 10-minute window share windows by chance: no lockstep link."""
    always = [request(f"bot-{a}", j, ts=T0 + timedelta(minutes=10 * j, seconds=a))
              for a in range(3) for j in range(200)]
    con = make_con(always)
    p = load_policy("policy_v2")
    linkage.build_graph(con, dataclasses.replace(p, linkage={**p.linkage, "min_edge_weight": 0.0}))
    assert con.execute("SELECT count(*) FROM links WHERE kinds LIKE '%lockstep%'").fetchone() == (0,)
    linkage.build_graph(con, dataclasses.replace(
        p, linkage={**p.linkage, "min_edge_weight": 0.0, "lockstep_max_density": 1.0}))
    assert con.execute("SELECT count(*) FROM links WHERE kinds LIKE '%lockstep%'").fetchone() == (3,)


def test_v3_accounts_behind_one_exit_node_meet_on_the_days_they_share() -> None:
    """Two accounts use the same proxy exit every day of a fortnight, but each sends most of
    its traffic on different days. Capped at three values per account (v2), each keeps only
    its three busiest IP-days, which never coincide: no IP link. Capped per day (v3), both keep
    the exit on every day and are linked through it."""
    def rows(acct: str, busy: range) -> list[dict[str, Any]]:
        return [request(acct, 0, ts=T0 + timedelta(days=d, hours=h), ip="185.220.100.7",
                        template_id=None, template_simhash=None)
                for d in range(14) for h in range(5 if d in busy else 1)]

    con = make_con(rows("px-a", range(0, 3)) + rows("px-b", range(7, 10)))
    ip_links = "SELECT count(*) FROM links WHERE kinds LIKE '%ip%'"
    linkage.build_graph(con, load_policy("policy_v2"))
    assert con.execute(ip_links).fetchone() == (0,)
    linkage.build_graph(con, load_policy("policy_v3"))
    assert con.execute(ip_links).fetchone() == (1,)
    kept = con.execute("SELECT count(*) FROM indicators WHERE kind = 'ip'").fetchone()
    assert kept == (28,)  # 14 days x 2 accounts, not 3 x 2


def graph_con(edges: list[tuple[str, str, float, float]]) -> duckdb.DuckDBPyConnection:
    """A ``links`` table from (a, b, weight, hard part of the weight)."""
    con = duckdb.connect()
    con.register("_l", pa.table({
        "a": [min(e[0], e[1]) for e in edges], "b": [max(e[0], e[1]) for e in edges],
        "weight": [e[2] for e in edges], "kinds": ["x"] * len(edges), "hard": [e[3] for e in edges]}))
    con.execute("CREATE TABLE links AS SELECT * FROM _l")
    return con


def clique(prefix: str, n: int, weight: float, hard: float) -> list[tuple[str, str, float, float]]:
    return [(f"{prefix}-{i}", f"{prefix}-{j}", weight, hard) for i in range(n) for j in range(i + 1, n)]


def v4(resolution: float, consolidate: float) -> Policy:
    p = load_policy("policy_v4")
    return dataclasses.replace(p, communities={
        **p.communities, "resolution": resolution, "consolidate_link": consolidate})


def groups(con: duckdb.DuckDBPyConnection, p: Policy) -> list[set[str]]:
    table = linkage.communities(con, p).table
    out: dict[int, set[str]] = {}
    for a, c in zip(table.column("account_id").to_pylist(), table.column("community").to_pylist(),
                    strict=True):
        out.setdefault(c, set()).add(a)
    return sorted(out.values(), key=lambda g: (-len(g), sorted(g)))


def test_v4_accounts_sharing_hard_infrastructure_stay_in_one_community() -> None:
    """Two card-sharing groups joined by three shared cards, which CPM at this resolution
    splits, and a group of honest accounts tied to the first only by shared prompts: the
    card-sharing groups are consolidated into one community, the honest group is not."""
    edges = (clique("a", 10, 0.8, 0.8) + clique("b", 10, 0.8, 0.8) + clique("c", 10, 1.0, 0.0)
             + [(f"a-{i}", f"b-{i}", 0.7, 0.7) for i in range(3)]
             + [(f"a-{i}", f"c-{i}", 0.4, 0.0) for i in range(5)])
    a, b, c = ({f"{g}-{i}" for i in range(10)} for g in "abc")
    assert groups(graph_con(edges), v4(0.5, 0.0)) == [a, b, c]
    assert groups(graph_con(edges), v4(0.5, 0.5)) == [a | b, c]


def test_v4_a_component_moves_to_the_community_holding_most_of_it() -> None:
    """x-0 is tied to the y group by one hard link, but by behaviour to the x group, where
    Leiden puts it; consolidation moves it to the y group, which holds most of its hard
    component, and leaves the rest of the x group where it was. A hard link below
    ``consolidate_link`` moves nothing."""
    edges = (clique("x", 6, 1.0, 0.0) + clique("y", 6, 0.9, 0.9) + [("x-0", "y-0", 0.6, 0.6)])
    x, y = ({f"{g}-{i}" for i in range(6)} for g in "xy")
    assert groups(graph_con(edges), v4(0.3, 0.0)) == [x, y]
    assert groups(graph_con(edges), v4(0.3, 0.5)) == [y | {"x-0"}, x - {"x-0"}]
    assert groups(graph_con(edges), v4(0.3, 0.7)) == [x, y]


def test_v4_links_carry_their_hard_part() -> None:
    """A pair sharing a card and two prompt templates: the card's weight is the hard part."""
    rows = [request(acct, i, payment_fingerprint="card-shared", template_id=f"tpl-{i % 2}",
                    template_simhash=None) for acct in ("p-1", "p-2") for i in range(4)]
    con = make_con(rows + [request(f"other-{a}", 0) for a in range(40)])
    linkage.build_graph(con, load_policy("policy_v4"))
    weight, hard, kinds = con.execute("SELECT weight, hard, kinds FROM links").fetchone() or ()
    assert kinds == "payment,template"
    rarity = math.log(1000 / 2) / math.log(1000)
    assert hard == pytest.approx(1.0 * rarity)
    assert weight == pytest.approx(1.0 * rarity + 0.6 * rarity)  # two templates at support 2


def test_v4_one_shared_address_on_one_day_is_not_hard_the_same_exit_on_several_is() -> None:
    """Carrier-grade NAT: 120 phones draw an address from a pool of 60 each day, so each
    shares one address with a different stranger each day. Were that hard infrastructure
    (``hard_days`` 1), consolidation would chain them all into one community. Four accounts
    behind one proxy exit for five days share it day after day: hard."""
    pool = [f"100.64.0.{n}" for n in range(60)]
    phones = [request(f"phone-{a:03d}", 0, ts=T0 + timedelta(days=d, hours=a % 12),
                      ip=pool[(a + d) % 60 if a < 60 else (a + 7 * d) % 60],
                      template_id=None, template_simhash=None)
              for a in range(120) for d in range(7)]
    exit_node = [request(f"px-{a}", 0, ts=T0 + timedelta(days=d, hours=a), ip="185.220.100.9",
                         template_id=None, template_simhash=None)
                 for a in range(4) for d in range(5)]
    con = make_con(phones + exit_node)
    p = load_policy("policy_v4")
    phone_links = "SELECT count(*), max(hard) FROM links WHERE a LIKE 'phone-%'"
    linkage.build_graph(con, dataclasses.replace(p, linkage={**p.linkage, "hard_days": 1}))
    count, hard = con.execute(phone_links).fetchone() or (0, 0)
    assert count == 60 * 7 and hard >= p.communities["consolidate_link"]  # one pair an address-day
    linkage.build_graph(con, p)
    count, hard = con.execute(phone_links).fetchone() or (0, 0)
    assert count == 60 * 7 and hard < 0.1  # still linked, but not as one operator
    px = con.execute("SELECT count(*), min(hard) FROM links WHERE a LIKE 'px-%'").fetchone()
    assert px is not None and px[0] == 6 and px[1] >= 0.5
