"""Prompt banks: every template fills, pools are diverse, corpus prompts are categorised."""

from __future__ import annotations

import numpy as np
import pytest

from frontierguard.traffic.simulate.prompts import build_bank, categorise, load_spec
from frontierguard.traffic.simulate.scenario import POOLS, SYSTEMS, WRAPPERS


def test_every_pool_wrapper_and_system_family_is_filled() -> None:
    bank = build_bank(np.random.default_rng(0), 20)
    assert set(bank.pool_templates) == set(POOLS)
    assert set(bank.family_wrappers) == set(WRAPPERS)
    assert set(bank.family_systems) == set(SYSTEMS)
    for pool, templates in bank.pool_templates.items():
        assert len(templates) >= 5, pool
    assert bank.prefixes[0] == bank.suffixes[0] == ""
    assert len(bank.body_len) == len(bank.bodies)


def test_no_unfilled_slots_remain() -> None:
    bank = build_bank(np.random.default_rng(1), 30)
    slots = set(load_spec().slots) | {"n", "m", "k", "year", "pct"}
    for text in bank.bodies + bank.prefixes + bank.suffixes:
        for slot in slots:
            assert "{" + slot + "}" not in text, text


def test_templates_are_filled_with_varied_values() -> None:
    bank = build_bank(np.random.default_rng(2), 50)
    t = int(bank.pool_templates["math"][0])
    assert bank.template_count[t] > 20
    assert (
        len(set(bank.bodies[bank.template_start[t] : bank.template_start[t] + bank.template_count[t]])) > 20
    )


def test_same_seed_same_bank() -> None:
    a = build_bank(np.random.default_rng(3), 10)
    b = build_bank(np.random.default_rng(3), 10)
    assert a.bodies == b.bodies and a.prefixes == b.prefixes


def test_corpus_replaces_a_pool_it_covers() -> None:
    corpus = {"math": [f"corpus maths {i}" for i in range(25)], "creative": ["only one"]}
    bank = build_bank(np.random.default_rng(4), 10, corpus)
    (t,) = bank.pool_templates["math"]
    assert (
        bank.bodies[bank.template_start[t] : bank.template_start[t] + bank.template_count[t]]
        == corpus["math"]
    )
    assert len(bank.pool_templates["creative"]) > 1  # too few corpus prompts: built-ins stay


@pytest.mark.parametrize(
    ("prompt", "pool"),
    [
        ("def add(a, b):\n    '''Return the sum.'''", "coding"),
        ("Write a Python script that renames files", "coding"),
        ("Natalia sold clips to 48 of her friends. How many clips did she sell in total?", "math"),
        ("Solve the equation x^2 = 9", "math"),
        ("Write a poem about the sea", "creative"),
        ("What are some good hiking trails near Denver?", "chat"),
    ],
)
def test_categorise(prompt: str, pool: str) -> None:
    assert categorise([prompt]) == {pool: [prompt]}
