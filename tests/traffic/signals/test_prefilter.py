"""The rule prefilter: the literals a pattern needs, and that skipping the texts without them
changes no match (every regex match is a candidate; classify and categorise give exactly
what running every rule's regex on every text gives)."""

from __future__ import annotations

import re

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontierguard.core.store import connect
from frontierguard.traffic.rules import load_capability_rules, load_cot_rules
from frontierguard.traffic.signals.capability import categorise
from frontierguard.traffic.signals.cot import classify, rule_match
from frontierguard.traffic.signals.literals import required_clauses, required_literals
from frontierguard.traffic.signals.prefilter import Prefilter
from frontierguard.traffic.signals.sqltext import any_of, lit
from frontierguard.traffic.signals.textmatch import cap_groups

COT = [load_cot_rules(n) for n in ("cot_v1", "cot_v2", "cot_v3")]
CAPS = [load_capability_rules(n) for n in ("capability_v1", "capability_v2", "capability_v3")]
GROUPS = tuple(dict.fromkeys(
    [r.patterns for rs in COT for r in rs.rules] + [r.context for rs in COT for r in rs.rules
                                                    if r.context]
    + [g for rs in CAPS for g in cap_groups(rs)]))
PREFILTER = Prefilter(GROUPS)


@pytest.mark.parametrize(("pattern", "expected"), [
    ("abc", {"abc"}),
    ("a|bc", {"a", "bc"}),
    ("(show|reveal)\\s+you", {"reveal", "show"}),
    ("(show|reveal)\\s+your", {"your"}),  # as long, and one string is rarer than two
    ("chain[- ]of", {"chain-of", "chain of"}),
    ("thoughts?\\b", {"thought", "thoughts"}),
    ("x.{0,3}longer", {"longer"}),
    ("(ab){2}", {"abab"}),
    ("(ab)+c", {"ab"}),
    ("(ab)*c", {"c"}),
    ("\\.py", {".py"}),
    ("[a-c]at", {"aat", "bat", "cat"}),
    ("a.*|b", {"a", "b"}),
    (".*", None),
    ("\\w+\\s+", None),
    ("[^a]x", {"x"}),
    ("(a|\\w)", None),
    ("(?i)abc", None),          # inline flags: not modelled
    ("(?:abc)d", {"abcd"}),
    ("[[:alpha:]]x", None),     # an RE2 POSIX class Python would read as characters
    ("", None),
])
def test_required_literals(pattern: str, expected: set[str] | None) -> None:
    got = required_literals(pattern)
    assert (None if got is None else set(got)) == expected


@pytest.mark.parametrize(("pattern", "expected"), [
    ("(show|reveal)\\s+(me\\s+)?your\\s+raw", [{"show", "reveal"}, {"your"}, {"raw"}]),
    ("(a\\s+bc|d)", [{"bc", "d"}]),  # an alternation: the rarest set of each branch
    ("x(ab)+c", [{"x"}, {"ab"}, {"c"}]),
    ("x(ab)*c", [{"x"}, {"c"}]),
    (".*", []),
])
def test_required_clauses(pattern: str, expected: list[set[str]]) -> None:
    got = [set(c) for c in required_clauses(pattern)]
    assert sorted(got, key=sorted) == sorted(expected, key=sorted)


@pytest.mark.parametrize(("text", "expected"), [
    ("please show your raw notes", [True, False, True]),
    ("show the raw notes", [False, False, True]),        # "your" missing
    ("your raw reveal", [True, False, True]),            # candidates need not match
    ("xyz", [False, True, True]),
    ("", [False, False, True]),
])
def test_a_group_is_a_candidate_when_one_pattern_has_all_its_clauses(
        text: str, expected: list[bool]) -> None:
    groups = (("(show|reveal)\\s+your\\s+raw",), ("abc", "x.z"), ("\\w+",))
    assert Prefilter(groups).candidates(pa.array([text])).tolist() == [expected]


def _re2_groups(texts: list[str]) -> list[list[bool]]:
    """Whether any pattern of each group matches each text, by DuckDB's RE2."""
    con = connect(":memory:")
    con.register("_t", pa.table({"i": range(len(texts)), "t": texts}))
    cols = ", ".join(f"regexp_matches(t, {lit(any_of(g))})" for g in GROUPS)
    rows = con.execute(f"SELECT {cols} FROM _t ORDER BY i").fetchall()
    return [list(r) for r in rows]


def _assert_superset(texts: list[str]) -> None:
    found = PREFILTER.candidates(pa.array(texts, pa.string()))
    for t, (text, matches) in enumerate(zip(texts, _re2_groups(texts), strict=True)):
        for g, hit in enumerate(matches):
            assert not hit or found[t, g], (text, GROUPS[g])


CASES = [e.lower() for rs in COT for r in rs.rules for e in r.examples] + [
    n.text.lower() for rs in COT for n in rs.hard_negatives] + [
    e.lower() for rs in CAPS for c in rs.categories for e in c.examples] + [
    "", "plain text", "naïve café — show me your full chain of thought", "x" * 5000]


def test_every_match_is_a_candidate_on_the_rule_examples() -> None:
    _assert_superset(CASES)


def _vocabulary() -> list[str]:
    words = {w for p in PREFILTER.literals for w in re.findall(r"[a-z']+", p)}
    return sorted(words | {"your", "the", "model's", "in", "as", "you", "go", "<", ">", "."})


SEPARATORS = st.sampled_from([" ", "  ", "\n", "-", ", ", ". ", "\t", "é", ""])
TEXTS = st.lists(st.tuples(st.sampled_from(_vocabulary()), SEPARATORS), max_size=14).map(
    lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=25)
@given(st.lists(TEXTS | st.text(max_size=40), min_size=1, max_size=25))
def test_every_match_is_a_candidate_on_generated_texts(texts: list[str]) -> None:
    _assert_superset(texts)


def _re2_rules(texts: list[str]) -> list[tuple[str, ...]]:
    ruleset = load_cot_rules()
    con = connect(":memory:")
    con.register("_t", pa.table({"i": range(len(texts)), "t": texts}))
    cols = ", ".join(rule_match(r, "lower(t)") for r in ruleset.rules)
    rows = con.execute(f"SELECT {cols} FROM _t ORDER BY i").fetchall()
    return [tuple(r.id for r, hit in zip(ruleset.rules, row, strict=True) if hit) for row in rows]


@settings(max_examples=15)
@given(st.lists(TEXTS, min_size=1, max_size=10))
def test_classify_equals_every_regex_on_every_text(texts: list[str]) -> None:
    got = [r.rules for r in classify(texts)]
    assert got == _re2_rules(texts)


def test_classify_equals_every_regex_on_the_examples() -> None:
    assert [r.rules for r in classify(CASES)] == _re2_rules(CASES)


def _re2_category(prompts: list[str], tools: list[int]) -> list[str]:
    rules = load_capability_rules()
    con = connect(":memory:")
    con.register("_t", pa.table({"i": range(len(prompts)), "t": prompts, "tools": tools}))
    whens = []
    for cat in rules.categories:
        conds = []
        for c in cat.when:
            parts = [f"regexp_matches(lower(t), {lit(any_of(c.patterns))})"] if c.patterns else []
            parts += [f"tools >= {c.tools_min}"] if c.tools_min is not None else []
            parts += [f"1 >= {c.turns_min}"] if c.turns_min is not None else []
            conds.append("(" + " AND ".join(parts) + ")")
        if conds:
            whens.append(f"WHEN {' OR '.join(conds)} THEN {lit(cat.name)}")
    sql = f"SELECT CASE {' '.join(whens)} ELSE {lit(rules.default)} END FROM _t ORDER BY i"
    return [r[0] for r in con.execute(sql).fetchall()]


@settings(max_examples=25)
@given(st.lists(st.tuples(TEXTS, st.sampled_from([0, 1, 3, 8])), min_size=1, max_size=10))
def test_categorise_equals_every_regex_on_every_text(rows: list[tuple[str, int]]) -> None:
    prompts, tools = [p for p, _ in rows], [t for _, t in rows]
    assert categorise(prompts, tools) == _re2_category(prompts, tools)
