"""Simulator output: determinism, schema, labels, release timing and realism properties."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import replace
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontierguard.core.errors import ConfigError
from frontierguard.traffic.schema import EVENT_SCHEMA, REQUIRED
from frontierguard.traffic.simulate import SimulationResult, simulate
from frontierguard.traffic.simulate.infra import load_infra
from frontierguard.traffic.simulate.run import group_sizes
from frontierguard.traffic.simulate.scenario import SCENARIOS, load

FILES = ("events.parquet", "labels.csv", "releases.csv")
DEFAULT = load("default", set(load_infra().utc_offsets))


def _con(sim: SimulationResult) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    con.execute(f"CREATE VIEW e AS SELECT * FROM read_parquet('{sim.out / 'events.parquet'}')")
    con.execute(f"CREATE VIEW l AS SELECT * FROM read_csv('{sim.out / 'labels.csv'}', all_varchar=true)")
    con.execute(f"CREATE VIEW r AS SELECT * FROM read_csv('{sim.out / 'releases.csv'}')")
    return con


def _one(con: duckdb.DuckDBPyConnection, sql: str) -> object:
    return con.execute(sql).fetchall()[0][0]


def test_same_seed_gives_identical_files(tmp_path: Path) -> None:
    a = simulate(tmp_path / "a", accounts=250, days=3, seed=5)
    b = simulate(tmp_path / "b", accounts=250, days=3, seed=5)
    assert a.events == b.events > 0
    for name in FILES:
        assert (a.out / name).read_bytes() == (b.out / name).read_bytes(), name


def test_different_seed_gives_different_traffic(tmp_path: Path) -> None:
    a = simulate(tmp_path / "a", accounts=250, days=3, seed=5)
    b = simulate(tmp_path / "b", accounts=250, days=3, seed=6)
    for name in ("events.parquet", "labels.csv"):
        assert (a.out / name).read_bytes() != (b.out / name).read_bytes(), name


def test_events_follow_the_event_schema(small_sim: SimulationResult) -> None:
    table = pq.read_table(small_sim.out / "events.parquet")
    assert table.schema.equals(EVENT_SCHEMA)
    assert table.num_rows == small_sim.events
    for name in REQUIRED:
        assert table.column(name).null_count == 0, name


@pytest.mark.parametrize(
    ("check", "sql", "expected"),
    [
        (
            "sorted by time",
            "SELECT bool_and(ts >= prev) FROM (SELECT ts, lag(ts, 1, ts) OVER () prev FROM e)",
            True,
        ),
        ("unique request ids", "SELECT count(DISTINCT request_id) = count(*) FROM e", True),
        (
            "inside the window",
            "SELECT min(ts) >= TIMESTAMPTZ '2026-03-02 00:00:00+00' AND "
            "max(ts) < TIMESTAMPTZ '2026-03-06 00:00:00+00' FROM e",
            True,
        ),
        (
            "every account in events has a label",
            "SELECT count(*) FROM (SELECT DISTINCT account_id FROM e) ANTI JOIN l USING (account_id)",
            0,
        ),
        ("one label per account", "SELECT count(*) - count(DISTINCT account_id) FROM l", 0),
        ("accounts exist before they send", "SELECT count(*) FROM e WHERE account_created >= ts", 0),
        (
            "known asn types",
            "SELECT count(*) FROM e WHERE asn_type NOT IN "
            "('hosting','residential','mobile','business','education','unknown')",
            0,
        ),
        (
            "no request to an unreleased model",
            "SELECT count(*) FROM e JOIN r USING (model) WHERE ts < released_at",
            0,
        ),
        ("output within max_tokens", "SELECT count(*) FROM e WHERE output_tokens > max_tokens + 1", 0),
        (
            "tool calls only with tools",
            "SELECT count(*) FROM e WHERE stop_reason = 'tool_use' AND tools = 0",
            0,
        ),
    ],
)
def test_output_invariants(small_sim: SimulationResult, check: str, sql: str, expected: object) -> None:
    assert _one(_con(small_sim), sql) == expected, check


def test_labels_match_the_groups_simulated(small_sim: SimulationResult) -> None:
    with (small_sim.out / "labels.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == small_sim.accounts
    by_group: dict[str, int] = {}
    for r in rows:
        key = r["campaign"] or r["population"]
        by_group[key] = by_group.get(key, 0) + 1
        if r["campaign"]:
            assert r["population"] == r["campaign"]  # the default campaigns are one per kind
    assert by_group == {g["name"]: g["accounts"] for g in small_sim.groups}
    campaigns = {g["name"] for g in small_sim.groups if g["campaign"]}
    assert campaigns == {
        "reasoning_harvest",
        "agentic_harvest",
        "mass_harvest",
        "proxy_network",
        "low_and_slow",
    }


def test_mass_harvest_moves_half_its_traffic_to_the_new_model_within_a_day(
    small_sim: SimulationResult,
) -> None:
    con = _con(small_sim)
    released = con.execute("SELECT model, released_at FROM r ORDER BY released_at DESC LIMIT 1").fetchall()[0]
    share = """SELECT avg((model = $m)::INT) FROM e JOIN l USING (account_id)
               WHERE population = $p AND ts >= $t AND ts < $t + INTERVAL 24 HOUR"""
    mass = _one_param(con, share, released, "mass_harvest")
    casual = _one_param(con, share, released, "casual_chat")
    assert 0.4 <= mass <= 0.6
    assert casual < 0.2


def _one_param(
    con: duckdb.DuckDBPyConnection, sql: str, released: tuple[str, dt.datetime], pop: str
) -> float:
    return float(con.execute(sql, {"m": released[0], "t": released[1], "p": pop}).fetchall()[0][0])


def test_evaluation_runners_burst_right_after_the_release(small_sim: SimulationResult) -> None:
    con = _con(small_sim)
    rows = con.execute("""
        SELECT count(*) FILTER (WHERE e.ts >= r.released_at AND e.ts < r.released_at + INTERVAL 24 HOUR),
               count(*) FILTER (WHERE e.ts < r.released_at AND e.ts >= r.released_at - INTERVAL 24 HOUR)
        FROM e JOIN l USING (account_id), (SELECT max(released_at) released_at FROM r) r
        WHERE population = 'eval_runner'""").fetchall()[0]
    assert rows[0] > 5 * max(rows[1], 1)


def test_university_accounts_share_a_few_nat_addresses(small_sim: SimulationResult) -> None:
    con = _con(small_sim)
    accounts, ips, kinds = con.execute("""SELECT count(DISTINCT account_id), count(DISTINCT ip),
        string_agg(DISTINCT asn_type, ',') FROM e JOIN l USING (account_id) WHERE population = 'university'
        """).fetchall()[0]
    assert accounts >= 30 and ips <= 8 and kinds == "education"


@pytest.mark.parametrize(
    ("campaign", "max_cards"),
    [
        ("reasoning_harvest", 4),
        ("agentic_harvest", 8),
        ("mass_harvest", 10),
        ("proxy_network", 25),
    ],
)
def test_campaigns_share_payment_instruments(
    small_sim: SimulationResult, campaign: str, max_cards: int
) -> None:
    con = _con(small_sim)
    accounts, cards = con.execute(
        "SELECT count(DISTINCT account_id), count(DISTINCT payment_fingerprint) "
        "FROM e JOIN l USING (account_id) WHERE campaign = ?",
        [campaign],
    ).fetchall()[0]
    assert cards <= max_cards < accounts or cards < accounts


@pytest.mark.parametrize("column", ["max_tokens", "thinking", "turns", "tools"])
def test_request_parameters_overlap_between_benign_and_attack(
    small_sim: SimulationResult, column: str
) -> None:
    con = _con(small_sim)
    shared = _one(
        con,
        f"""
        SELECT count(*) FROM
          (SELECT DISTINCT {column} v FROM e JOIN l USING (account_id) WHERE coalesce(campaign, '') = '')
        JOIN
          (SELECT DISTINCT {column} v FROM e JOIN l USING (account_id) WHERE coalesce(campaign, '') <> '')
        USING (v)""",
    )
    assert isinstance(shared, int) and shared >= 2


def test_popular_clients_are_shared_by_many_accounts(small_sim: SimulationResult) -> None:
    top = _one(
        _con(small_sim), "SELECT max(n) FROM (SELECT count(DISTINCT account_id) n FROM e GROUP BY user_agent)"
    )
    assert isinstance(top, int) and top >= 100


@pytest.mark.parametrize(
    ("accounts", "shares", "mins", "expected"),
    [
        (100, [0.5, 0.5], [1, 1], [50, 50]),
        (10, [0.7, 0.2, 0.1], [1, 1, 1], [7, 2, 1]),
        (10, [0.98, 0.01, 0.01], [0, 3, 2], [5, 3, 2]),
        (7, [1, 1, 1], [0, 0, 0], [3, 2, 2]),
    ],
)
def test_group_sizes(accounts: int, shares: list[float], mins: list[int], expected: list[int]) -> None:
    sc = load("default", set(load_infra().utc_offsets))
    groups = [
        g.__class__(**{**g.__dict__, "share": s, "min_accounts": m})
        for g, s, m in zip(sc.groups, shares, mins, strict=False)
    ]
    assert group_sizes(groups, accounts) == expected


def test_too_few_accounts_for_the_minimums_is_an_error() -> None:
    sc = load("default", set(load_infra().utc_offsets))
    with pytest.raises(ConfigError, match="min_accounts"):
        group_sizes(sc.groups, 5)


@pytest.mark.parametrize("name", SCENARIOS.names())
def test_every_shipped_scenario_simulates(tmp_path: Path, name: str) -> None:
    result = simulate(tmp_path, scenario=name, accounts=200, days=2, seed=1)
    assert result.events > 1000
    assert result.scenario == name


def test_start_date_and_window_follow_the_options(tmp_path: Path) -> None:
    result = simulate(tmp_path, accounts=150, days=2, seed=2, start=dt.date(2026, 7, 1))
    con = duckdb.connect()
    lo, hi = con.execute(
        f"SELECT min(ts)::DATE, max(ts)::DATE FROM '{result.out / 'events.parquet'}'"
    ).fetchall()[0]
    assert (lo, hi) == (dt.date(2026, 7, 1), dt.date(2026, 7, 2))


def test_hydra_accounts_have_short_lives_and_some_are_created_mid_window(tmp_path: Path) -> None:
    sim = simulate(tmp_path, accounts=1200, days=10, seed=8)
    con = _con(sim)
    lives, in_window = con.execute("""
        SELECT max(date_diff('hour', first, last)) / 24.0,
               count(*) FILTER (WHERE created >= TIMESTAMPTZ '2026-03-02 00:00:00+00')
        FROM (SELECT account_id, min(ts) first, max(ts) last, min(account_created) created
              FROM e JOIN l USING (account_id) WHERE campaign = 'reasoning_harvest' GROUP BY 1)
        """).fetchall()[0]
    assert lives <= 6.0
    assert in_window > 0


def test_people_use_a_second_device(small_sim: SimulationResult) -> None:
    con = _con(small_sim)
    rows = dict(
        con.execute("""
        SELECT population, avg(n) FROM (
          SELECT population, account_id, count(DISTINCT user_agent) n
          FROM e JOIN l USING (account_id) GROUP BY ALL HAVING count(*) >= 10)
        GROUP BY 1""").fetchall()
    )
    assert rows["casual_chat"] > 1.2
    assert rows["enterprise_batch"] == 1.0


@settings(max_examples=200, deadline=None)
@given(
    accounts=st.integers(20, 100_000),
    shares=st.lists(st.floats(0.0, 1.0), min_size=11, max_size=11).filter(lambda s: sum(s) > 0),
    mins=st.lists(st.integers(0, 1), min_size=11, max_size=11),
)
def test_group_sizes_always_add_up(accounts: int, shares: list[float], mins: list[int]) -> None:
    groups = [
        replace(g, share=s, min_accounts=m) for g, s, m in zip(DEFAULT.groups, shares, mins, strict=True)
    ]
    sizes = group_sizes(groups, accounts)
    assert sum(sizes) == accounts
    assert all(n >= m for n, m, s in zip(sizes, mins, shares, strict=True) if s > 0)


GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize(("days", "golden"), [(14, "releases_default.csv"), (7, "releases_7_days.csv")])
def test_releases_match_the_golden_file(tmp_path: Path, days: int, golden: str) -> None:
    """The new model lands at day 7.7 of 14, and keeps its relative place in a shorter window."""
    result = simulate(tmp_path, accounts=80, days=days, seed=0)
    assert (result.out / "releases.csv").read_text() == (GOLDEN / golden).read_text()
