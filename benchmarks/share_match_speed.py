"""Speed of the partner step of ``detect``: matching events against shared indicators.

Builds a synthetic ``req_signals`` table (``--events`` rows, ``--accounts`` accounts, values of
every shared kind with realistic cardinalities) and ``--indicators`` partner indicators (keyed
hashes, a tenth of them of values the accounts really used), then times
:func:`frontierguard.traffic.sharing.match.matches` (hashing every distinct local value under
the group key and joining). Prints the seconds, the distinct values hashed and the matches.

Usage: python benchmarks/share_match_speed.py [--events 1000000] [--accounts 50000]
       [--indicators 100000]
Target (issue 18): matching 1M events against 100k shared indicators adds < 10% to detect
(compare the seconds printed here with benchmarks/detect_speed.py on the same event count).
"""

from __future__ import annotations

import argparse
import time

import duckdb
import pyarrow as pa

from frontierguard.core.store import connect
from frontierguard.traffic.sharing import match
from frontierguard.traffic.sharing.keys import GroupKey
from frontierguard.traffic.sharing.reference import KINDS

SIGNALS = (
    "CREATE TABLE req_signals AS SELECT 'acct_' || (i % {accounts}) AS account_id, "
    "'10.' || (i % 200) || '.' || (i * 7 % 250) || '.' || (i % 97) AS ip, "
    "'10.' || (i % 200) || '.' || (i * 7 % 250) || '.0/24' AS ip24, "
    "CAST(64500 + i % 300 AS BIGINT) AS asn, 'hosting' AS asn_type, "
    "'t13d_' || (i % 400) AS tls_fingerprint, 'sdk/' || (i % 150) AS user_agent, "
    "'pm_' || (i % {accounts} // 3) AS payment_fingerprint, "
    "md5(CAST(i % 20000 AS VARCHAR)) AS template_id FROM range({events}) t(i)")


def partners(con: duckdb.DuckDBPyConnection, key: GroupKey, n: int) -> pa.Table:
    """``n`` indicators: a tenth hashes of real local values, the rest of values nobody used."""
    real = match.local_hashes(con, key, set(KINDS)).sort_by("keyed_hash")
    take = min(n // 10, real.num_rows)
    kinds = real.column("kind").to_pylist()[:take] + ["payment"] * (n - take)
    hashes = real.column("keyed_hash").to_pylist()[:take] + [
        key.hash("payment", f"unused_{i}") for i in range(n - take)]
    return pa.table({"kind": kinds, "keyed_hash": hashes,
                     "campaign_ref": ["campaign--x"] * n, "source": ["Lab A"] * n,
                     "reported": ["2026-12-04"] * n, "name": ["C001 (Lab A)"] * n})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--accounts", type=int, default=50_000)
    ap.add_argument("--indicators", type=int, default=100_000)
    args = ap.parse_args()
    con = connect(":memory:")
    con.execute(SIGNALS.format(accounts=args.accounts, events=args.events))
    key = GroupKey(b"benchmark-group-key-" + b"0" * 44, "benchmark")
    table = partners(con, key, args.indicators)
    start = time.perf_counter()
    hashed = match.local_hashes(con, key, set(KINDS)).num_rows
    hash_s = time.perf_counter() - start
    start = time.perf_counter()
    found = match.matches(con, key, table, 0.6)
    total_s = time.perf_counter() - start
    print(f"{args.events} events, {args.accounts} accounts, {table.num_rows} indicators")
    print(f"distinct local values hashed: {hashed} ({hash_s:.2f} s)")
    print(f"partner step (hash + join): {total_s:.2f} s; {len(found)} accounts matched, "
          f"{sum(m.linked for m in found)} linked")


if __name__ == "__main__":
    main()
