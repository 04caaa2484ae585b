"""Capability category of a request: ordered rules from data, compiled into one SQL CASE.

Categories are tried in the rule set's order (``traffic/rules/capability_v1.yaml``); the
first whose clause holds wins. A clause combines regexes over the lower-cased prompt with
minimum tool definitions / turns, so agentic and computer-use tasks are recognised from
the request's shape as well as its words.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa

from frontierguard.core import store
from frontierguard.traffic.rules import (
    CapabilityRuleSet,
    Clause,
    load_capability_rules,
    load_cot_rules,
)
from frontierguard.traffic.signals.sqltext import any_of, lit
from frontierguard.traffic.signals.textmatch import cap_candidate, matcher


def clause_column(k: int) -> str:
    """Name of the column holding whether the ``k``-th clause with patterns matched."""
    return f"_cap_m{k}"


def clause_matches(rules: CapabilityRuleSet, text: str) -> list[str]:
    """Select items over the SQL expression ``text`` and the candidate columns: whether each
    clause's patterns match (its regex runs only where its candidate column is true)."""
    clauses = [c for cat in rules.categories for c in cat.when if c.patterns]
    return [f"(CASE WHEN {cap_candidate(k)} THEN regexp_matches({text}, "
            f"{lit(any_of(c.patterns))}) ELSE false END) AS {clause_column(k)}"
            for k, c in enumerate(clauses)]


def _clause_sql(clause: Clause, k: int | None, tools: str, turns: str) -> str:
    parts = []
    if k is not None:
        parts.append(clause_column(k))
    if clause.tools_min is not None:
        parts.append(f"coalesce({tools}, 0) >= {clause.tools_min}")
    if clause.turns_min is not None:
        parts.append(f"coalesce({turns}, 1) >= {clause.turns_min}")
    return "(" + " AND ".join(parts) + ")"


def capability_sql(rules: CapabilityRuleSet, tools: str, turns: str) -> str:
    """One CASE expression naming the capability of each row, over the clause columns of
    :func:`clause_matches` and the tools/turns counts."""
    whens = []
    k = 0
    for cat in rules.categories:
        conds = []
        for clause in cat.when:
            conds.append(_clause_sql(clause, k if clause.patterns else None, tools, turns))
            k += 1 if clause.patterns else 0
        if conds:
            whens.append(f"WHEN {' OR '.join(conds)} THEN {lit(cat.name)}")
    return f"CASE {' '.join(whens)} ELSE {lit(rules.default)} END"


def categorise(
    prompts: Sequence[str | None], tools: Sequence[int | None] | None = None,
    turns: Sequence[int | None] | None = None, rules: CapabilityRuleSet | None = None,
) -> list[str]:
    """The capability category of each prompt (with its tools/turns counts when known)."""
    n = len(prompts)
    table = pa.table({
        "_i": pa.array(range(n), pa.int64()),
        "text": pa.array(list(prompts), pa.string()),
        "tools": pa.array(list(tools) if tools is not None else [None] * n, pa.int32()),
        "turns": pa.array(list(turns) if turns is not None else [None] * n, pa.int32()),
    })
    ruleset = rules or load_capability_rules()
    con = store.connect(":memory:")
    try:
        con.register("_prompts", table)
        lowered = con.sql("SELECT _i, tools, turns, '' AS _cot_text, "
                          "lower(coalesce(text, '')) AS _cap_text FROM _prompts ORDER BY _i"
                          ).to_arrow_table()
        con.register("_matched", matcher(load_cot_rules(), ruleset)(lowered))
        rows = con.execute(
            f"SELECT {capability_sql(ruleset, 'tools', 'turns')} FROM (SELECT _i, tools, turns, "
            f"{', '.join(clause_matches(ruleset, '_cap_text')) or 'true AS _none'} "
            "FROM _matched) ORDER BY _i").fetchall()
    finally:
        con.close()
    return [str(r[0]) for r in rows]
