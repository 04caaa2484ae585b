"""Analyst feedback on accounts: confirmed attacker or false positive, kept in the store.

Labels are appended (never updated); the latest label per account wins. Evaluation
and ``fit`` read them as ground truth next to any labels file.
"""

from __future__ import annotations

from typing import Literal

import duckdb
import pyarrow as pa

from frontierguard.core.errors import InputError
from frontierguard.core.store import transaction

Verdict = Literal["confirmed", "false_positive"]
VERDICTS: tuple[str, ...] = ("confirmed", "false_positive")

DDL = (
    "CREATE TABLE IF NOT EXISTS account_feedback (account_id VARCHAR NOT NULL, "
    "verdict VARCHAR NOT NULL, campaign VARCHAR, note VARCHAR, labelled_by VARCHAR, "
    "labelled_at TIMESTAMPTZ NOT NULL DEFAULT now())"
)


def add_feedback(
    con: duckdb.DuckDBPyConnection, account_id: str, verdict: str, *,
    campaign: str | None = None, note: str | None = None, by: str | None = None,
) -> None:
    """Record an analyst's verdict on an account."""
    if verdict not in VERDICTS:
        raise InputError(f"verdict must be one of {', '.join(VERDICTS)}", field="verdict")
    if not account_id.strip():
        raise InputError("empty account id", field="account_id")
    con.execute(DDL)
    with transaction(con):
        con.execute(
            "INSERT INTO account_feedback (account_id, verdict, campaign, note, labelled_by) "
            "VALUES (?, ?, ?, ?, ?)", [account_id, verdict, campaign, note, by],
        )


def latest_feedback(con: duckdb.DuckDBPyConnection) -> pa.Table:
    """One row per account: its latest verdict (``account_id, verdict, campaign, ...``)."""
    con.execute(DDL)
    return con.sql(
        "SELECT * FROM account_feedback QUALIFY row_number() OVER "
        "(PARTITION BY account_id ORDER BY labelled_at DESC, rowid DESC) = 1 ORDER BY account_id"
    ).to_arrow_table()


def feedback_as_labels(con: duckdb.DuckDBPyConnection) -> pa.Table:
    """Latest verdicts in the labels layout: confirmed -> campaign (or 'confirmed'), FP -> benign."""
    con.execute(DDL)
    return con.sql(
        "SELECT account_id, CASE WHEN verdict = 'confirmed' THEN coalesce(campaign, 'confirmed') "
        "END AS campaign, CAST(NULL AS VARCHAR) AS population FROM account_feedback "
        "QUALIFY row_number() OVER (PARTITION BY account_id ORDER BY labelled_at DESC, "
        "rowid DESC) = 1 ORDER BY account_id"
    ).to_arrow_table()
