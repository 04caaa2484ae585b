"""Helpers shared by the export-control tests."""

from __future__ import annotations

import datetime as dt

import pytest

from frontierguard.controls.catalog import single_item
from frontierguard.controls.chips import ChipResult, classify_table
from frontierguard.controls.rules import RuleSet, rule_set_for

LATEST = dt.date(2026, 3, 1)


@pytest.fixture
def rules() -> RuleSet:
    return rule_set_for(LATEST)


def classify_one(rules: RuleSet, settings: dict[str, object] | None = None, **values: object) -> ChipResult:
    """Classify one item given as CSV-style column values."""
    row = {k: str(v) for k, v in values.items()}
    row.setdefault("name", "item")
    row.setdefault("datacenter", "true")
    row.setdefault("die_area_mm2", "")
    return classify_table(single_item(row), rules, settings)[0]
