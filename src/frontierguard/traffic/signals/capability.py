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
from frontierguard.traffic.rules import CapabilityRuleSet, Clause, load_capability_rules
from frontierguard.traffic.signals.sqltext import any_of, lit


def _clause_sql(clause: Clause, text: str, tools: str, turns: str) -> str:
    parts = []
    if clause.patterns:
        parts.append(f"regexp_matches({text}, {lit(any_of(clause.patterns))})")
    if clause.tools_min is not None:
        parts.append(f"coalesce({tools}, 0) >= {clause.tools_min}")
    if clause.turns_min is not None:
        parts.append(f"coalesce({turns}, 1) >= {clause.turns_min}")
    return "(" + " AND ".join(parts) + ")"


def capability_sql(rules: CapabilityRuleSet, text: str, tools: str, turns: str) -> str:
    """One CASE expression naming the capability of each row."""
    whens = []
    for cat in rules.categories:
        if not cat.when:
            continue
        cond = " OR ".join(_clause_sql(c, text, tools, turns) for c in cat.when)
        whens.append(f"WHEN {cond} THEN {lit(cat.name)}")
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
    expr = capability_sql(rules or load_capability_rules(), "_t", "tools", "turns")
    con = store.connect(":memory:")
    try:
        con.register("_prompts", table)
        rows = con.execute(f"SELECT {expr} FROM (SELECT _i, tools, turns, "
                           "lower(coalesce(text, '')) AS _t FROM _prompts) ORDER BY _i").fetchall()
    finally:
        con.close()
    return [str(r[0]) for r in rows]
