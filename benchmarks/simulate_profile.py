"""Describe a simulation per population: volume, timing, parameters, infrastructure, release shift.

Usage: python benchmarks/simulate_profile.py [SIM_DIR]
Without SIM_DIR, the default scenario is simulated into a temporary folder first (seed 1).
Prints one row per population or campaign: the figures docs/simulator.md quotes.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb

from _util import FG

QUERY = """
WITH rel AS (SELECT model AS new_model, released_at FROM read_csv('{d}/releases.csv')
             ORDER BY released_at DESC LIMIT 1),
e AS (SELECT * FROM read_parquet('{d}/events.parquet')),
l AS (SELECT * FROM read_csv('{d}/labels.csv', all_varchar=true))
SELECT population, count(DISTINCT account_id) AS accts, count(*) AS requests,
  round(count(*) / count(DISTINCT account_id) / {days}, 1) AS per_day,
  count(DISTINCT hour(ts)) AS hours,
  round(avg(turns), 1) AS turns, round(avg((tools > 0)::INT), 2) AS tool_sh,
  round(avg(thinking::INT), 2) AS think, round(median(max_tokens)) AS max_tok,
  round(avg(regexp_matches(prompt, '(?i)reasoning|step by step|thought|think')::INT), 2) AS cot_like,
  round(count(DISTINCT prompt) / count(*), 2) AS uniq_prompt,
  count(DISTINCT ip) AS ips, count(DISTINCT payment_fingerprint) AS cards,
  count(DISTINCT tls_fingerprint) AS tls, round(avg((asn_type = 'hosting')::INT), 2) AS hosting,
  round(avg((model = new_model)::INT) FILTER (WHERE ts >= released_at
        AND ts < released_at + INTERVAL 24 HOUR), 2) AS new_24h
FROM e JOIN l USING (account_id), rel
GROUP BY population ORDER BY requests DESC
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        if len(sys.argv) > 1:
            d = Path(sys.argv[1])
        else:
            d = Path(tmp) / "sim"
            subprocess.run([FG, "--quiet", "simulate", "--out", str(d), "--seed", "1"], check=True)
        con = duckdb.connect()
        con.execute("SET TimeZone = 'UTC'")
        days = con.execute(f"SELECT (max(ts)::DATE - min(ts)::DATE) + 1 FROM '{d}/events.parquet'").fetchall()
        df = con.execute(QUERY.format(d=d, days=days[0][0])).df()
        print(df.to_string(index=False))


if __name__ == "__main__":
    main()
