from __future__ import annotations

import datetime as dt
import math
from typing import Any

import duckdb
import pyarrow as pa
import pytest

from frontierguard.core.errors import InputError
from frontierguard.traffic import features
from frontierguard.traffic.engine import DuckDBEngine
from frontierguard.traffic.schema import EVENT_SCHEMA

T0 = dt.datetime(2026, 5, 1, tzinfo=dt.UTC)


def _events(rows: list[dict[str, Any]]) -> pa.Table:
    return pa.table({f.name: pa.array([r.get(f.name) for r in rows], f.type)
                     for f in EVENT_SCHEMA}, schema=EVENT_SCHEMA)


def _fixture() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    # harvester "h": 4 requests, gaps 60, 60, 180 s, one template, CoT, hosting, new model
    for i, sec in enumerate((0, 60, 120, 300)):
        rows.append(dict(ts=T0 + dt.timedelta(seconds=sec), account_id="h", model="m2",
                         ip=f"203.0.113.{i + 1}", asn_type="hosting", turns=1, tools=2,
                         thinking=True, output_tokens=3000, signup_channel="web",
                         account_created=T0 - dt.timedelta(days=2),
                         prompt=f"Alice has {i} apples. Show your full chain of thought."))
    # human "u": 2 requests on two days, multi-turn chat, old account, residential, IPv6
    rows.append(dict(ts=T0 + dt.timedelta(hours=9), account_id="u", model="m1",
                     ip="2001:db8:0:1::5", asn_type="residential", turns=3, tools=0,
                     output_tokens=200, prompt="What should I cook tonight?",
                     account_created=T0 - dt.timedelta(days=400)))
    rows.append(dict(ts=T0 + dt.timedelta(days=1, hours=10), account_id="u", model="m1",
                     ip="2001:db8::7", asn_type="residential", turns=2, tools=1,
                     output_tokens=100, prompt="Write a haiku about rain."))
    # single-request account "s" with no prompt
    rows.append(dict(ts=T0 + dt.timedelta(hours=3), account_id="s", model="m1"))
    return rows


@pytest.fixture(scope="module")
def con() -> duckdb.DuckDBPyConnection:
    c = duckdb.connect()
    c.register("_ev", _events(_fixture()))
    c.execute("CREATE TABLE events AS SELECT * FROM _ev")
    releases = pa.table({"model": ["m2"], "released_at": [T0 - dt.timedelta(hours=1)]})
    features.build(DuckDBEngine(c), releases=releases)
    return c


def _row(con: duckdb.DuckDBPyConnection, table: str, account: str) -> dict[str, Any]:
    cur = con.execute(f"SELECT * FROM {table} WHERE account_id = ? ORDER BY 1, 2", [account])
    names = [d[0] for d in cur.description]
    return dict(zip(names, cur.fetchall()[0], strict=True))


def test_account_features_columns_match_registry(con: duckdb.DuckDBPyConnection) -> None:
    cols = [r[0] for r in con.execute("DESCRIBE account_features").fetchall()]
    assert cols == features.FEATURES.names()
    day_cols = [r[0] for r in con.execute("DESCRIBE account_day_features").fetchall()]
    assert day_cols == features.DAY_FEATURES.names()


def test_req_signals_contract(con: duckdb.DuckDBPyConnection) -> None:
    cols = {r[0] for r in con.execute("DESCRIBE req_signals").fetchall()}
    assert {"account_id", "ts", "ip24", "cot_score", "cot_rules", "capability", "template_id",
            "template_simhash", "new_release", "prompt", "payment_fingerprint"} <= cols
    assert con.execute("SELECT count(*) FROM req_signals").fetchall() == [(7,)]
    nets = dict(con.execute("SELECT ip, ip24 FROM req_signals WHERE ip IS NOT NULL").fetchall())
    assert nets["203.0.113.4"] == "203.0.113.0/24"
    assert nets["2001:db8:0:1::5"] == nets["2001:db8::7"] == "2001:db8:0::/48"


def test_harvester_hand_computed(con: duckdb.DuckDBPyConnection) -> None:
    h = _row(con, "account_features", "h")
    gaps = [60.0, 60.0, 180.0]
    mean = sum(gaps) / 3
    sd = math.sqrt(sum((g - mean) ** 2 for g in gaps) / 2)
    assert h["requests"] == 4 and h["active_days"] == 1 and h["requests_per_day"] == 4
    assert h["interarrival_cv"] == pytest.approx(sd / mean)
    assert h["burstiness"] == pytest.approx((sd - mean) / (sd + mean))
    assert h["active_hours"] == 1 and h["hour_entropy"] == 0.0 and h["night_share"] == 0.0
    assert h["cot_share"] == 1.0 and h["cot_mean_score"] == pytest.approx(0.7)
    assert h["template_top_share"] == 1.0 and h["template_diversity"] == 0.25
    assert h["tool_share"] == 1.0 and h["tools_turns_coherence"] == 0.0
    assert h["single_turn_share"] == 1.0 and h["mean_turns"] == 1.0
    assert h["long_output_share"] == 1.0 and h["thinking_share"] == 1.0
    assert h["new_release_share"] == 1.0
    assert h["account_age_days"] == pytest.approx(2.0)
    assert h["distinct_ips"] == 4 and h["distinct_ip24"] == 1 and h["hosting_share"] == 1.0
    assert h["capability_top"] == "agentic" and h["capability_entropy"] == 0.0


def test_human_hand_computed(con: duckdb.DuckDBPyConnection) -> None:
    u = _row(con, "account_features", "u")
    assert u["requests"] == 2 and u["active_days"] == 2 and u["active_hours"] == 2
    assert u["hour_entropy"] == pytest.approx(math.log(2) / math.log(24))
    assert u["interarrival_cv"] is None and u["burstiness"] is None  # one gap only
    assert u["capability_top_share"] == 0.5
    # normalised by the default rule set's number of categories (capability_v3: 9)
    assert u["capability_entropy"] == pytest.approx(math.log(2) / math.log(9))
    assert u["tool_share"] == 0.5 and u["tools_turns_coherence"] == 1.0
    assert u["mean_turns"] == 2.5 and u["single_turn_share"] == 0.0
    assert u["new_release_share"] == 0.0  # day-1 request in the window went to the old model
    assert u["residential_share"] == 1.0 and u["distinct_ip24"] == 1
    assert u["account_age_days"] == pytest.approx(400 + 9 / 24)


def test_single_request_account_is_sane(con: duckdb.DuckDBPyConnection) -> None:
    s = _row(con, "account_features", "s")
    assert s["requests"] == 1 and s["requests_per_day"] == 1.0
    assert s["interarrival_cv"] is None and s["template_top_share"] is None
    assert s["cot_share"] == 0.0 and s["capability_top"] == "chat"
    assert s["account_age_days"] is None and s["hour_entropy"] == 0.0


def test_account_day_features(con: duckdb.DuckDBPyConnection) -> None:
    days = con.execute("SELECT day, requests, capability_top FROM account_day_features "
                       "WHERE account_id = 'u' ORDER BY day").fetchall()
    assert [(d.isoformat(), n) for d, n, _ in days] == [("2026-05-01", 1), ("2026-05-02", 1)]
    assert {c for _, _, c in days} == {"chat", "agentic"}


def test_templates_table(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute("SELECT template, requests, accounts, template_simhash IS NOT NULL "
                       "FROM templates ORDER BY requests DESC").fetchall()
    assert rows[0] == ("<n> has # apples. <n> your full chain of thought.", 4, 1, True)
    assert sum(r[1] for r in rows) == 6


def test_without_releases_new_release_is_false() -> None:
    c = duckdb.connect()
    c.register("_ev", _events(_fixture()))
    c.execute("CREATE TABLE events AS SELECT * FROM _ev")
    features.build(DuckDBEngine(c))
    assert c.execute("SELECT bool_or(new_release) FROM req_signals").fetchall() == [(False,)]
    assert c.execute("SELECT count(*) FROM account_features WHERE new_release_share IS NOT NULL"
                     ).fetchall() == [(0,)]


def test_release_rows_without_time_are_an_input_error() -> None:
    bad = pa.table({"model": ["m1", "m2"], "released_at": pa.array(
        [T0, None], pa.timestamp("ms", tz="UTC"))})
    with pytest.raises(InputError) as err:
        features.statements("events", bad)
    assert err.value.row == 2 and err.value.field == "released_at"


def test_long_prompts_are_read_as_head_and_tail() -> None:
    c = duckdb.connect()
    long_prompt = "Show me your full chain of thought. " + "filler " * 2000 + "Answer in French."
    c.register("_ev", _events([dict(ts=T0, account_id="a", model="m", prompt=long_prompt)]))
    c.execute("CREATE TABLE events AS SELECT * FROM _ev")
    features.build(DuckDBEngine(c), overrides={"signals_text_chars": 400})
    (score, template), = c.execute("SELECT r.cot_score, t.template FROM req_signals r "
                                   "JOIN templates t USING (template_id)").fetchall()
    assert score == pytest.approx(0.7)
    assert template.startswith("<n> me your full chain") and template.endswith("<n>.")
    assert len(template) < 420


def test_same_template_collides_across_accounts() -> None:
    c = duckdb.connect()
    prompts = {"x1": "Maria paid 12.50 for 3 pens. What does one cost? Show your full reasoning.",
               "x2": "Kenji paid 7 for 14 pens. What does one cost? Show your full reasoning.",
               "x3": "Kenji paid 7 for 14 pens. Which colour is nicest?"}
    c.register("_ev", _events([dict(ts=T0, account_id=a, model="m", prompt=p)
                               for a, p in prompts.items()]))
    c.execute("CREATE TABLE events AS SELECT * FROM _ev")
    features.build(DuckDBEngine(c))
    ids = dict(c.execute("SELECT account_id, template_id FROM req_signals").fetchall())
    assert ids["x1"] == ids["x2"] != ids["x3"]
    assert c.execute("SELECT max(accounts) FROM templates").fetchall() == [(2,)]


@pytest.mark.parametrize(
    ("ip", "net"),
    [("192.0.2.77", "192.0.2.0/24"), ("2001:DB8:0:1::5", "2001:db8:0::/48"),
     ("::1", "0:0:0::/48"), ("2001:0db8:00a0:1:2:3:4:5", "2001:db8:a0::/48"),
     ("not-an-ip", None), ("1.2.3", None), ("", None)],
)
def test_ip24_case_table(ip: str, net: str | None) -> None:
    c = duckdb.connect()
    c.register("_ev", _events([dict(ts=T0, account_id="a", model="m", ip=ip)]))
    c.execute("CREATE TABLE events AS SELECT * FROM _ev")
    features.build(DuckDBEngine(c))
    assert c.execute("SELECT ip24 FROM req_signals").fetchall() == [(net,)]


@pytest.mark.parametrize(
    ("hours", "entropy", "night"),
    [
        (list(range(24)), 1.0, 1.0),                       # flat 24/7
        (list(range(9, 18)) * 2, math.log(9) / math.log(24), 0.0),  # office day
        ([22, 23, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], math.log(16) / math.log(24), 0.0),
        # every 3 h: the quietest 8-hour window holds 2 of 8 requests, 0.25 / (8/24) = 0.75
        ([h for h in range(24) if h % 3 == 0], math.log(8) / math.log(24), 0.75),
    ],
)
def test_timing_shape(hours: list[int], entropy: float, night: float) -> None:
    c = duckdb.connect()
    rows = [dict(ts=T0 + dt.timedelta(days=i // 24, hours=h), account_id="a", model="m")
            for i, h in enumerate(hours)]
    c.register("_ev", _events(rows))
    c.execute("CREATE TABLE events AS SELECT * FROM _ev")
    features.build(DuckDBEngine(c))
    got = _row(c, "account_features", "a")
    assert got["hour_entropy"] == pytest.approx(entropy)
    assert got["night_share"] == pytest.approx(night)


def test_profile_env_prints_each_stage(monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    """With FRONTIERGUARD_PROFILE_FEATURES set, build reports every stage on stderr."""
    monkeypatch.setenv(features.PROFILE_ENV, "1")
    c = duckdb.connect()
    c.register("_ev", _events(_fixture()))
    c.execute("CREATE TABLE events AS SELECT * FROM _ev")
    features.build(DuckDBEngine(c))
    err = capsys.readouterr().err
    stages = [name for name, _ in features.statements()] + [
        table for table, _, _ in features.arrow_steps().values()]
    for name in stages:
        assert f"[features] {name} " in err
    assert "cpu" in err and "MiB" in err
