from __future__ import annotations

import pytest

from frontierguard.core.errors import DataFileError
from frontierguard.traffic.rules import load_cot_rules
from frontierguard.traffic.signals.sqltext import any_of, lit, render


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
