from __future__ import annotations

import re
from pathlib import Path

import pytest

from frontierguard.core.errors import DataFileError, NotFoundError
from frontierguard.transparency.catalog import CATALOGS, get_catalog, load_catalog
from frontierguard.transparency.countries import country_of, load_countries

HEADER = """name: test-cat
title: Test catalog
version: "1"
effective: 2025-01-01
source: hand-written for tests
domains: [Upstream, Model]
indicators:
"""
GOOD_INDICATOR = """  - id: size
    name: Parameter count
    domain: Model
    definition: Is the size disclosed?
    disclosed:
      - rule: params
        fact: parameter_count
"""


def _write(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "cat.yaml"
    p.write_text(HEADER + body, encoding="utf-8")
    return p


def test_shipped_catalogs_load() -> None:
    assert CATALOGS.names() == [
        "fmti-2025", "fmti-2025-v2", "sb53-2025", "eu-gpai-cop-2025", "ny-raise-2025"]
    fmti = get_catalog("fmti-2025")
    assert len(fmti.indicators) == 100
    assert fmti.domains == ("Upstream", "Model", "Downstream")
    assert "CC BY 4.0" in fmti.licence
    for ref in CATALOGS:
        cat = ref.load()
        assert cat.source and cat.effective.year >= 2025
        assert all(i.rules for i in cat.indicators), cat.name
        assert all(r.describe() for i in cat.indicators for r in i.rules)


def test_custom_catalog_by_path(tmp_path: Path) -> None:
    cat = get_catalog(str(_write(tmp_path, GOOD_INDICATOR)))
    assert cat.name == "test-cat" and cat.indicators[0].rules[0].fact == "parameter_count"


def test_unknown_catalog() -> None:
    with pytest.raises(NotFoundError, match=r"unknown catalog 'nope'.*fmti-2025"):
        get_catalog("nope")


BAD = [  # (message, file text, line of the offending key, field)
    ("unknown fact", GOOD_INDICATOR.replace("parameter_count", "shoe_size"), 14, "fact"),
    ("invalid regular expression",
     GOOD_INDICATOR.replace("fact: parameter_count", "all: ['(unclosed']"), 14, "all"),
    ("unknown domain", GOOD_INDICATOR.replace("domain: Model", "domain: Space"), 10, "domain"),
    ("missing required field", GOOD_INDICATOR.replace("    definition: Is the size disclosed?\n", ""), 8,
     "definition"),
    ("needs 'all' patterns or a 'fact'",
     GOOD_INDICATOR.replace("        fact: parameter_count\n", ""), 13, "all"),
    ("window must be >= 0", GOOD_INDICATOR + "        window: -1\n", 15, "window"),
    ("duplicate indicator id", GOOD_INDICATOR + GOOD_INDICATOR, 15, "id"),
    ("bad id", GOOD_INDICATOR.replace("id: size", "id: Size Big"), 8, "id"),
    ("unknown key", GOOD_INDICATOR + "        colour: red\n", 15, "colour"),
]


@pytest.mark.parametrize(("message", "body", "line", "field"), BAD, ids=[b[0] for b in BAD])
def test_validation_errors_name_file_and_line(
    tmp_path: Path, message: str, body: str, line: int, field: str | None
) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(DataFileError) as exc:
        load_catalog(path)
    text = str(exc.value)
    assert str(path) in text
    assert f"line {line}" in text
    assert message in text
    if field:
        assert f"field '{field}'" in text


def test_yaml_syntax_error_has_line(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD_INDICATOR + "  - id: [unclosed\n")
    with pytest.raises(DataFileError, match=re.escape(str(path)) + r", line \d+: invalid YAML"):
        load_catalog(path)


def test_empty_catalog_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.yaml"
    p.write_text("", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"empty\.yaml: file is empty"):
        load_catalog(p)


def test_countries() -> None:
    assert country_of("DeepSeek") == "CN" and country_of("meta") == "US" and country_of("Acme") == "??"


def test_country_file_errors(tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text("developer,country,source,effective\nAcme,USA,site,2025-01-01\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"c.csv, line 2, field 'country'"):
        load_countries(p)
