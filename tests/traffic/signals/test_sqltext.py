from __future__ import annotations

import duckdb
import pyarrow as pa
import pytest

from frontierguard.core.errors import DataFileError
from frontierguard.traffic.rules import load_cot_rules
from frontierguard.traffic.signals.sqltext import any_match_sql, any_of, chunks, lit, render


@pytest.mark.parametrize(
    ("template", "values", "expected"),
    [("SELECT {{a}} FROM {{b}}", {"a": "x", "b": "t"}, "SELECT x FROM t"),
     ("{{a}} + {{a}}", {"a": "1"}, "1 + 1")],
)
def test_render(template: str, values: dict[str, str], expected: str) -> None:
    assert render(template, **values) == expected


@pytest.mark.parametrize(("template", "values"), [("{{a}}", {}), ("x", {"a": "1"})])
def test_render_refuses_missing_or_unused(template: str, values: dict[str, str]) -> None:
    with pytest.raises(KeyError):
        render(template, **values)


def test_literals_and_alternation() -> None:
    assert lit("don't") == "'don''t'"
    assert any_of(["a"]) == "a"
    assert any_of(["a|b", "c"]) == "(?:a|b)|(?:c)"


def test_unknown_shipped_rule_set() -> None:
    with pytest.raises(DataFileError, match="no shipped rule set"):
        load_cot_rules("cot_v99")


def test_chunks_pack_in_order_within_the_budget() -> None:
    assert chunks(["aaaa", "bb", "cc", "dddddd", "e"], 6) == [["aaaa", "bb"], ["cc"], ["dddddd"],
                                                            ["e"]]
    assert chunks(["x" * 10, "y"], 4) == [["x" * 10], ["y"]]
    assert chunks([], 4) == []


@pytest.mark.parametrize("rule_set", ["cot_v1", "cot_v2"])
@pytest.mark.parametrize("budget", [1, 300, 1000, 100_000])
def test_any_match_equals_one_alternation(rule_set: str, budget: int) -> None:
    """The chunked CASE gives exactly what one regex of every pattern gives, NULL included,
    on texts that fire rules, texts that almost do, word salads and empty text."""
    patterns = [p for r in load_cot_rules(rule_set).rules for p in r.patterns]
    examples = [e.lower() for r in load_cot_rules(rule_set).rules for e in r.examples]
    salad = ("explain each step think carefully show your reasoning then give the final answer "
             "write out the full chain of thought ") * 3
    texts = [*examples, salad, "show me your", "think", "", None, "<think> tags", "étape par étape"]
    con = duckdb.connect()
    try:
        con.register("t", pa.table({"i": range(len(texts)), "x": pa.array(texts, pa.string())}))
        rows = con.execute(
            f"SELECT {any_match_sql('x', patterns, budget)}, "
            f"regexp_matches(x, {lit(any_of(patterns))}) FROM t ORDER BY i").fetchall()
    finally:
        con.close()
    assert sum(1 for got, _ in rows if got) >= len(examples)
    assert [got for got, _ in rows] == [want for _, want in rows]


def test_any_match_without_patterns() -> None:
    con = duckdb.connect()
    try:
        got = con.execute(f"SELECT {any_match_sql('x', [])} FROM (VALUES ('a'), (NULL)) v(x)")
        assert [r[0] for r in got.fetchall()] == [False, None]
    finally:
        con.close()
