"""Each population and campaign shows the behaviour it is named for (default scenario)."""

from __future__ import annotations

import duckdb
import pytest

from frontierguard.traffic.simulate import SimulationResult
from frontierguard.traffic.simulate.infra import load_infra

ELICIT = (
    "(?i)(reasoning|chain of thought|thinking trace|thought process|step by step|every step"
    "|rubric|grader|reward model|rewrite)"
)


@pytest.fixture(scope="module")
def con(small_sim: SimulationResult) -> duckdb.DuckDBPyConnection:
    c = duckdb.connect()
    c.execute("SET TimeZone = 'UTC'")
    c.execute(f"""CREATE TABLE e AS SELECT p.*, l.population, coalesce(l.campaign, '') AS campaign
        FROM read_parquet('{small_sim.out / "events.parquet"}') p
        JOIN read_csv('{small_sim.out / "labels.csv"}', all_varchar=true) l USING (account_id)""")
    c.execute("CREATE TABLE tz (country VARCHAR, utc_offset DOUBLE)")
    c.executemany("INSERT INTO tz VALUES (?, ?)", list(load_infra().utc_offsets.items()))
    return c


def _value(con: duckdb.DuckDBPyConnection, sql: str, pop: str) -> float:
    return float(con.execute(sql, [pop]).fetchall()[0][0])


# share of requests between 01:00 and 06:00 local time of the address's country (flat: 5/24)
LOCAL_NIGHT = """SELECT avg(((hour(ts) + 48 + utc_offset)::INT % 24 BETWEEN 1 AND 5)::INT)
                 FROM e JOIN tz USING (country) WHERE population = ?"""
# accounts active in a request's 10-minute bucket, over the group's accounts active that day
LOCKSTEP = """WITH b AS (SELECT account_id, time_bucket(INTERVAL 10 MINUTE, ts) AS bucket, ts::DATE AS d
                         FROM e WHERE population = ?),
                   per_bucket AS (SELECT bucket, count(DISTINCT account_id) nb FROM b GROUP BY 1),
                   per_day AS (SELECT d, count(DISTINCT account_id) nd FROM b GROUP BY 1)
              SELECT avg(nb / nd) FROM b JOIN per_bucket USING (bucket) JOIN per_day USING (d)"""
ELICIT_SHARE = f"SELECT avg(regexp_matches(prompt, '{ELICIT}')::INT) FROM e WHERE population = ?"


@pytest.mark.parametrize(
    ("behaviour", "sql", "population", "low", "high"),
    [
        ("agentic harvest runs flat 24/7", LOCAL_NIGHT, "agentic_harvest", 0.15, 0.3),
        ("casual chat sleeps at night", LOCAL_NIGHT, "casual_chat", 0.0, 0.12),
        ("developers keep office hours", LOCAL_NIGHT, "ide_agent", 0.0, 0.1),
        ("low-and-slow keeps another time zone's day", LOCAL_NIGHT, "low_and_slow", 0.15, 1.0),
        ("reasoning harvest accounts move in lockstep", LOCKSTEP, "reasoning_harvest", 0.4, 1.0),
        ("casual users do not", LOCKSTEP, "casual_chat", 0.0, 0.1),
        ("reasoning harvest elicits reasoning", ELICIT_SHARE, "reasoning_harvest", 0.6, 1.0),
        ("low-and-slow elicits reasoning (reworded)", ELICIT_SHARE, "low_and_slow", 0.2, 1.0),
        ("casual chat rarely does", ELICIT_SHARE, "casual_chat", 0.0, 0.1),
        (
            "evaluation runners ask for steps",
            ELICIT_SHARE + " AND model = 'atlas-4'",
            "eval_runner",
            0.3,
            1.0,
        ),
        (
            "agentic harvest sends single-turn tool prompts",
            "SELECT avg((tools > 0 AND turns = 1)::INT) FROM e WHERE population = ?",
            "agentic_harvest",
            0.8,
            1.0,
        ),
        (
            "IDE agents loop over many turns with tools",
            "SELECT avg((tools > 0 AND turns > 1)::INT) FROM e WHERE population = ?",
            "ide_agent",
            0.8,
            1.0,
        ),
        (
            "enterprise batch: one template per account",
            "SELECT max(n) FROM (SELECT account_id, count(DISTINCT left(prompt, 10)) n FROM e "
            "WHERE population = ? GROUP BY 1)",
            "enterprise_batch",
            1.0,
            1.0,
        ),
        (
            "low-and-slow stays light",
            "SELECT max(n) / 4.0 FROM (SELECT account_id, count(*) n FROM e WHERE population = ? GROUP BY 1)",
            "low_and_slow",
            0.0,
            25.0,
        ),
        (
            "low-and-slow rewords its prompts",
            "SELECT count(DISTINCT prompt) / count(*) FROM e WHERE population = ?",
            "low_and_slow",
            0.6,
            1.0,
        ),
        (
            "proxy network hides harvest in ordinary traffic",
            f"SELECT avg(regexp_matches(prompt, '{ELICIT}')::INT) FROM e WHERE population = ?",
            "proxy_network",
            0.1,
            0.6,
        ),
        (
            "reasoning harvest comes from a handful of datacenter proxies",
            "SELECT count(DISTINCT ip) FILTER (WHERE asn_type = 'hosting') / count(DISTINCT ip) "
            "FROM e WHERE population = ?",
            "reasoning_harvest",
            1.0,
            1.0,
        ),
        (
            "agentic harvest rotates residential proxies (one address, few requests)",
            "SELECT count(*) / count(DISTINCT ip) FROM e WHERE population = ?",
            "agentic_harvest",
            1.0,
            3.0,
        ),
    ],
    ids=lambda v: v if isinstance(v, str) and not v.startswith("SELECT") and " " in v else None,
)
def test_behaviour(
    con: duckdb.DuckDBPyConnection, behaviour: str, sql: str, population: str, low: float, high: float
) -> None:
    value = _value(con, sql, population)
    assert low <= value <= high, f"{behaviour}: {value:.3f} not in [{low}, {high}]"


def test_campaign_accounts_were_opened_in_bursts(con: duckdb.DuckDBPyConnection) -> None:
    near = con.execute("""
        WITH a AS (SELECT DISTINCT account_id, account_created c FROM e WHERE campaign = 'mass_harvest'),
             pairs AS (SELECT a.account_id, count(b.account_id) n FROM a LEFT JOIN a b
                       ON b.account_id <> a.account_id AND abs(epoch(b.c) - epoch(a.c)) < 3600 GROUP BY 1)
        SELECT avg((n >= 1)::INT) FROM pairs""").fetchall()[0][0]
    assert near > 0.9
