"""Hand-made detect output folders for the sharing tests: one decided campaign (C001, eight
accounts) with values of every kind, some below the sharing thresholds, and an undecided one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb

from frontierguard.core import csvsafe
from frontierguard.traffic.indicator_table import COLUMNS

ACCOUNTS = [f"acct_{i:04d}" for i in range(8)]
# (campaign, kind, value, accounts, all_accounts)
VALUES: list[tuple[str, str, str, int, int]] = [
    ("C001", "payment", "pm_79e6a6d1d1389a5f", 6, 6),
    ("C001", "payment", "pm_lonely00000001", 2, 2),
    ("C001", "ip", "203.0.113.7", 6, 6),
    ("C001", "ip", "198.51.100.9", 3, 3),
    ("C001", "ip24", "203.0.113.0/24", 7, 7),
    ("C001", "asn", "64500", 6, 8),
    ("C001", "tls", "t13d7ab3h2_bd1394c75929_be68e46802f2", 6, 6),
    ("C001", "user_agent", "harvest's agent\\1.0", 5, 5),
    ("C001", "user_agent", "=cmd|popular/1.0", 6, 300),
    ("C001", "template", "4727fc4b3de2f2ff24a8cf9f7b04fe62", 8, 8),
    ("C002", "payment", "pm_watchlist00001", 6, 6),
]
PROMPT = "Explain step by step, showing all your reasoning, how to prove lemma 7"


def campaign(cid: str, accounts: list[str], decided: bool = True) -> dict[str, Any]:
    return {"id": cid, "score": 0.93, "reasons": ["r"], "accounts": accounts,
            "decision": {"decided": decided}, "first_seen": "2026-03-02T00:22:06.114000+00:00",
            "last_seen": "2026-03-04T17:38:53.894000+00:00", "requests": 2870,
            "representative_prompts": [{"prompt": PROMPT, "requests": 40}],
            "summary": "8 accounts"}


def write_detections(folder: Path, campaigns: list[dict[str, Any]],
                     values: list[tuple[str, str, str, int, int]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "campaigns.json").write_text(json.dumps(campaigns), encoding="utf-8")
    with (folder / "indicators.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csvsafe.writer(fh)
        w.writerow(COLUMNS)
        w.writerows(values)
    with (folder / "accounts.csv").open("w", encoding="utf-8") as fh:
        fh.write("account_id,score,flagged,cluster_id,reasons,role\n")
        fh.writelines(f"{a},0.9,true,C001,r,core\n" for a in ACCOUNTS)
    return folder


# Lab B's own traffic: (account, ip, ip24, asn, tls, user_agent, payment, template)
LAB_B = [
    ("b_card", "192.0.2.10", "192.0.2.0/24", 7922, "t13d_other", "curl/8", "pm_79e6a6d1d1389a5f",
     None),
    ("b_exit", "203.0.113.7", "203.0.113.0/24", 7922, "t13d_other", "curl/8", "pm_b2",
     "4727fc4b3de2f2ff24a8cf9f7b04fe62"),
    ("b_agent", "192.0.2.11", "192.0.2.0/24", 7922, "t13d_other", "harvest's agent\\1.0",
     "pm_b3", None),
    ("b_net", "203.0.113.99", "203.0.113.0/24", 7922, "t13d7ab3h2_bd1394c75929_be68e46802f2",
     "curl/8", "pm_b4", None),
    ("b_clean", "192.0.2.12", "192.0.2.0/24", 7922, "t13d_other", "curl/8", "pm_b5", None),
]
SIGNAL_COLUMNS = ("account_id", "ip", "ip24", "asn", "tls_fingerprint", "user_agent",
           "payment_fingerprint", "template_id")


def lab_b() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("CREATE TABLE req_signals (account_id VARCHAR, ip VARCHAR, ip24 VARCHAR, "
                "asn BIGINT, asn_type VARCHAR, tls_fingerprint VARCHAR, user_agent VARCHAR, "
                "payment_fingerprint VARCHAR, template_id VARCHAR, ts TIMESTAMP)")
    for r in LAB_B:
        con.execute("INSERT INTO req_signals VALUES (?, ?, ?, ?, 'hosting', ?, ?, ?, ?, "
                    "TIMESTAMP '2026-03-05 10:00:00')", list(r))
    return con


def all_text(bundle: Any) -> str:
    """Every key and string in a bundle, unescaped, one per line (what a grep should search:
    JSON escapes would hide a leaked value with a quote or a non-ASCII character)."""
    if isinstance(bundle, dict):
        return "\n".join(f"{k}\n{all_text(v)}" for k, v in bundle.items())
    if isinstance(bundle, list):
        return "\n".join(all_text(v) for v in bundle)
    return str(bundle)
