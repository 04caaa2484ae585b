from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from frontierguard.traffic.signals import template
from frontierguard.traffic.signals.template import hamming, normalise, simhash


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Alice has 3 apples.", "<n> has # apples."),
        ("  many   spaces\tand\nlines ", "many spaces and lines"),
        ("Run `ls -la` now", "<n> <code> now"),
        ("see https://example.com/x?y=1 today", "see <url> today"),
        ('say "hello there" twice', "say <q> twice"),
        ("meet New York City people", "meet <n> people"),
        ("order 2026-01-01 item a3f9c2", "order # item #"),
        ("pi is 3.14159", "pi is #"),
        ("0\v0", "#"),  # a vertical tab joins a run of numbers like any other space
    ],
)
def test_normalise_cases(text: str, expected: str) -> None:
    assert normalise([text]) == [expected]


def test_templates_collide_across_numbers_and_names() -> None:
    a, b, c = normalise([
        "Alice bought 3 books for 12.50 dollars. How much per book? Show your full reasoning.",
        "Mallory bought 17 books for 230 dollars. How much per book? Show your full reasoning.",
        "Alice bought 3 books for 12.50 dollars. Why is the sky blue?",
    ])
    assert a == b
    assert a != c
    ha, hb, hc = simhash([a, b, c]).to_pylist()
    assert ha == hb
    assert hamming(ha, hc) > 0


def test_near_identical_templates_differ_in_few_bits() -> None:
    base = ("you are given a list of integers. return the length of the longest strictly "
            "increasing subsequence and explain the dynamic programming recurrence you used "
            "including the base case and the transition between states")
    near = base.replace("longest", "shortest")
    unrelated = ("write a friendly letter to my neighbour asking them to keep the dog quiet at "
                 "night because the baby cannot sleep and we have tried everything else")
    h = simhash([base, near, unrelated]).to_numpy(zero_copy_only=False)
    assert hamming(h[0], h[1]) <= 10
    assert hamming(h[0], h[2]) >= 16


def test_simhash_null_for_missing_or_empty() -> None:
    assert simhash([None, "", "x y"]).to_pylist()[:2] == [None, None]


def test_hamming_on_arrays() -> None:
    a = np.array([0, -1, 5], dtype=np.int64)
    b = np.array([0, 0, 4], dtype=np.int64)
    assert list(hamming(a, b)) == [0, 64, 1]  # type: ignore[arg-type]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(max_size=80), min_size=1, max_size=20))
@example(["0\r\x0b:"])  # RE2's \s leaves out the vertical tab: it once gave "#  :"
def test_normaliser_properties(texts: list[str]) -> None:
    once = normalise(texts)
    twice = normalise(once)
    for out, again in zip(once, twice, strict=True):
        assert out is not None
        assert again == out  # idempotent
        assert not any(ch.isdigit() and ch.isascii() for ch in out)
        assert not out.startswith(" ") and not out.endswith(" ") and "  " not in out


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(
    st.text(alphabet=st.characters(codec="ascii", exclude_characters="0123456789"),
            max_size=40),
    st.integers(0, 10**9), st.integers(0, 10**9)), min_size=1, max_size=8))
def test_numbers_never_change_the_template(cases: list[tuple[str, int, int]]) -> None:
    out = normalise([f"{p} {x} items" for p, x, _ in cases] +
                    [f"{p} {y} items" for p, _, y in cases])
    assert out[:len(cases)] == out[len(cases):]


def test_simhash_table_in_parallel_slices_matches_one_slice(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [f"solve problem {i % 7} with <n> and # steps {'word ' * (i % 5)}" for i in range(50)]
    table = pa.table({"template_id": [str(i) for i in range(50)], "template": texts})
    whole = template.simhash_table(table)
    monkeypatch.setattr(template, "SLICE", 7)
    monkeypatch.setattr(template, "THREADS", 2)
    assert template.simhash_table(table).equals(whole)
