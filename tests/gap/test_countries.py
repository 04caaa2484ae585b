from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontierguard.core.errors import ConfigError, DataFileError
from frontierguard.gap.countries import (
    countries_of_orgs,
    org_countries,
    parse_country_names,
    side_mask,
)


@pytest.mark.parametrize(("text", "codes"), [
    ("United States of America", "US"),
    ("United Kingdom of Great Britain and Northern Ireland,United States of America", "GB/US"),
    ("China, Hong Kong", "CN"),  # duplicates collapse, order kept
    ("", ""),
    ("Atlantis", None),
])
def test_parse_country_names(text: str, codes: str | None) -> None:
    assert parse_country_names(text) == codes


@pytest.mark.parametrize(("orgs", "codes"), [
    ("DeepSeek", "CN"), ("Google DeepMind,Google", "GB/US"), ("deepseek ai", "CN"),
    ("Microsoft,NVIDIA", "US"), ("Nobody Labs", ""), ("HuggingFace", "US/FR"),
])
def test_org_mapping(orgs: str, codes: str) -> None:
    assert countries_of_orgs(pd.Series([orgs])).iloc[0] == codes


def test_shipped_org_mapping_has_sources() -> None:
    table = org_countries()
    assert len(table) > 60 and all(o.source and o.effective for o in table.values())


def test_org_mapping_errors_name_line(tmp_path: Path) -> None:
    p = tmp_path / "orgs.csv"
    p.write_text("organisation,countries,source,effective\nA,US,x,2025-01-01\n"
                 "B,USA,x,2025-01-01\n")
    with pytest.raises(DataFileError) as info:
        org_countries(str(p))
    assert (info.value.row, info.value.field) == (3, "countries")


@given(st.lists(st.sampled_from(["US", "CN", "GB", "FR"]), min_size=1, max_size=3,
                unique=True))
def test_country_rules_are_consistent(codes: list[str]) -> None:
    s = pd.Series(["/".join(codes)])
    anyc = side_mask(s, "US", "any")[0]
    assert anyc == ("US" in codes)
    assert side_mask(s, "US", "sole")[0] == (codes == ["US"])
    assert side_mask(s, "US", "first")[0] == (codes[0] == "US")
    # sole and first never count a model that 'any' would not
    assert anyc or not (side_mask(s, "US", "sole")[0] or side_mask(s, "US", "first")[0])


def test_unknown_rule() -> None:
    with pytest.raises(ConfigError, match="unknown country rule"):
        side_mask(pd.Series(["US"]), "US", "most")
