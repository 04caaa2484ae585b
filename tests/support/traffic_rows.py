"""Hand-made signal and feature tables for the traffic tests: requests with per-account
defaults (its own IP, card and client unless overridden) and behaviour rows."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

import duckdb
import pyarrow as pa

from frontierguard.traffic import campaigns, linkage
from frontierguard.traffic.policy import load_policy
from frontierguard.traffic.scoring import scorers

T0 = datetime(2026, 3, 1, tzinfo=UTC)
TS = pa.timestamp("ms", tz="UTC")
SIGNALS = {
    "account_id": pa.string(), "ts": TS, "model": pa.string(), "ip": pa.string(),
    "ip24": pa.string(), "asn": pa.int64(), "asn_type": pa.string(), "user_agent": pa.string(),
    "tls_fingerprint": pa.string(), "payment_fingerprint": pa.string(), "account_created": TS,
    "signup_channel": pa.string(), "template_id": pa.string(), "template_simhash": pa.int64(),
    "prompt": pa.string(), "capability": pa.string(), "org_id": pa.string(),
}
FEATURES = {
    "account_id": pa.string(), "requests": pa.int64(), "requests_per_day": pa.float64(),
    "hour_entropy": pa.float64(), "cot_share": pa.float64(), "capability_top": pa.string(),
    "capability_top_share": pa.float64(), "template_top_share": pa.float64(),
    "tool_share": pa.float64(), "tools_turns_coherence": pa.float64(),
    "long_output_share": pa.float64(), "thinking_share": pa.float64(),
    "new_release_share": pa.float64(), "account_age_days": pa.float64(),
}
HARVEST = {"requests_per_day": 300.0, "hour_entropy": 0.98, "cot_share": 0.7,
           "capability_top": "reasoning", "capability_top_share": 0.95, "template_top_share": 0.9,
           "long_output_share": 0.8, "thinking_share": 0.6, "account_age_days": 2.0}
HUMAN = {"requests_per_day": 4.0, "hour_entropy": 0.4, "cot_share": 0.02, "capability_top": "chat",
         "capability_top_share": 0.5, "template_top_share": 0.1, "account_age_days": 300.0}
EVAL = {"requests_per_day": 2000.0, "hour_entropy": 0.5, "cot_share": 0.9,
        "capability_top": "reasoning", "capability_top_share": 1.0, "template_top_share": 1.0,
        "long_output_share": 0.9, "new_release_share": 0.9, "account_age_days": 700.0}


def _h(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big", signed=True)


def req(account: str, i: int, **over: Any) -> dict[str, Any]:
    n = _h(account) % 1_000_000
    row: dict[str, Any] = {
        "account_id": account, "ts": T0 + timedelta(hours=2 * i, minutes=n % 60), "model": "m1",
        "ip": f"10.{n % 250}.{n // 250 % 250}.{i % 250}", "asn": 7000 + n, "asn_type": "residential",
        "user_agent": f"ua-{n}", "tls_fingerprint": f"tls-{n}", "payment_fingerprint": f"card-{n}",
        "account_created": T0 - timedelta(days=300, minutes=n), "signup_channel": "web",
        "template_id": f"t-{account}-{i}", "template_simhash": _h(f"{account}/{i}"),
        "prompt": f"question {i} from {account}", "capability": "chat",
    }
    row.update(over)
    row["ip24"] = ".".join(row["ip"].split(".")[:3]) + ".0/24" if row["ip"] else None
    return row


def build(groups: list[tuple[list[dict[str, Any]], dict[str, Any]]]) -> duckdb.DuckDBPyConnection:
    """Create req_signals and account_features from (requests, behaviour) groups."""
    rows = [r for reqs, _ in groups for r in reqs]
    feats = []
    for reqs, behaviour in groups:
        for account in sorted({r["account_id"] for r in reqs}):
            n = sum(1 for r in reqs if r["account_id"] == account)
            feats.append({**dict.fromkeys(FEATURES), "account_id": account, "requests": n,
                          **behaviour})
    con = duckdb.connect()
    for name, types, data in (("req_signals", SIGNALS, rows), ("account_features", FEATURES, feats)):
        con.register("_t", pa.table({k: pa.array([d.get(k) for d in data], t)
                                     for k, t in types.items()}))
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM _t")
        con.unregister("_t")
    return con


def assess(con: duckdb.DuckDBPyConnection) -> campaigns.Assessment:
    p = load_policy()
    linkage.build_graph(con, p)
    linkage.communities(con, p)
    return campaigns.assess(con, p, scorers(p))
