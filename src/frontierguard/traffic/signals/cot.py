"""Chain-of-thought elicitation classifier: rules from data, compiled into SQL.

Each rule of the rule set (``traffic/rules/cot_v3.yaml``) becomes one ``regexp_matches``
over the lower-cased request text (two, nested, for a rule with ``context`` patterns: its
cue words first, its structured context only where they occur), run only where the rule's
candidate column (:mod:`~frontierguard.traffic.signals.textmatch`) says it can fire; the
score is
``1 - prod(1 - weight)`` over the rules that fired, and ``cot_rules`` lists their ids joined
by ``;``. The same SQL serves the feature pipeline and :func:`classify`, so the Python API and
the pipeline cannot disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyarrow as pa

from frontierguard.core import store
from frontierguard.traffic.rules import CotRule, CotRuleSet, load_capability_rules, load_cot_rules
from frontierguard.traffic.signals.sqltext import any_match_sql, any_of, lit
from frontierguard.traffic.signals.textmatch import cot_candidate, matcher


@dataclass(frozen=True)
class CotSql:
    """SQL pieces: ``matches`` go in an inner SELECT over ``text`` and the candidate columns;
    ``score``/``rules`` read the match columns from an outer SELECT."""

    matches: list[str]
    score: str
    rules: str


def match_column(i: int) -> str:
    return f"_cot_m{i}"


def rule_match(rule: CotRule, text: str) -> str:
    """SQL true when ``rule`` fires on ``text``: one of its patterns matches and, if it has
    context patterns, one of those too (tested only where a pattern matched, as bounded-size
    alternations: a rule's context can run to thousands of characters, past what one RE2
    automaton handles fast)."""
    first = f"regexp_matches({text}, {lit(any_of(rule.patterns))})"
    if not rule.context:
        return first
    return f"(CASE WHEN {first} THEN {any_match_sql(text, list(rule.context))} ELSE false END)"


def cot_sql(rules: CotRuleSet, text: str) -> CotSql:
    """Compile a rule set into match columns over the SQL expression ``text``; rule ``i``'s
    regexes run only where its candidate column (``_cot_c{i}``) is true."""
    matches = [f"(CASE WHEN {cot_candidate(i)} THEN {rule_match(r, text)} ELSE false END) "
               f"AS {match_column(i)}" for i, r in enumerate(rules.rules)]
    factors = " * ".join(
        f"(CASE WHEN {match_column(i)} THEN CAST({round(1.0 - r.weight, 10)!r} AS DOUBLE) "
        "ELSE CAST(1.0 AS DOUBLE) END)"
        for i, r in enumerate(rules.rules))
    score = f"CAST(1.0 - {factors} AS DOUBLE)"
    fired = ", ".join(f"CASE WHEN {match_column(i)} THEN {lit(r.id)} END"
                      for i, r in enumerate(rules.rules))
    return CotSql(matches, score, f"concat_ws(';', {fired})")


@dataclass(frozen=True)
class CotResult:
    """The classifier's verdict on one text."""

    score: float
    rules: tuple[str, ...]


def classify(texts: Sequence[str | None], rules: CotRuleSet | None = None) -> list[CotResult]:
    """Score texts with the CoT-elicitation rules (default ``cot_v3``); None scores 0."""
    ruleset = rules or load_cot_rules()
    sql = cot_sql(ruleset, "_cot_text")
    items = list(texts)
    table = pa.table({"_i": pa.array(range(len(items)), pa.int64()),
                      "text": pa.array(items, pa.string())})
    con = store.connect(":memory:")
    try:
        con.register("_texts", table)
        lowered = con.sql("SELECT _i, lower(coalesce(text, '')) AS _cot_text, '' AS _cap_text "
                          "FROM _texts ORDER BY _i").to_arrow_table()
        con.register("_matched", matcher(ruleset, load_capability_rules())(lowered))
        rows = con.execute(
            f"SELECT {sql.score}, {sql.rules} FROM (SELECT _i, {', '.join(sql.matches)} FROM "
            "_matched) ORDER BY _i").fetchall()
    finally:
        con.close()
    return [CotResult(round(float(s), 12), tuple(r.split(";")) if r else ()) for s, r in rows]
