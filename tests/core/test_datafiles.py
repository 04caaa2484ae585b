from __future__ import annotations

from pathlib import Path

import pytest

from frontierguard.core.datafiles import field, load_yaml, read_csv_rows
from frontierguard.core.errors import DataFileError


def test_yaml_mappings_remember_their_line(tmp_path: Path) -> None:
    p = tmp_path / "rules.yaml"
    p.write_text("version: 1\nrules:\n  - id: a\n    weight: 2\n  - id: b\n")
    data = load_yaml(p)
    assert data["rules"][0].line == 3
    assert data["rules"][1].line == 5
    with pytest.raises(DataFileError) as err:
        field(data["rules"][1], "weight", float)
    assert str(err.value) == f"{p}, line 5, field 'weight': missing required field"


def test_type_errors_name_the_field(tmp_path: Path) -> None:
    p = tmp_path / "x.yaml"
    p.write_text("a: 1\nb: text\n")
    data = load_yaml(p)
    assert field(data, "a", float) == 1.0
    with pytest.raises(DataFileError, match="field 'b': expected int, got str"):
        field(data, "b", int)


def test_errors_name_the_line_of_their_key_not_of_the_mapping(tmp_path: Path) -> None:
    p = tmp_path / "rules.yaml"
    p.write_text("rules:\n  - id: a\n    weight: 2\n    # a comment\n    name: 7\n")
    rule = load_yaml(p)["rules"][0]
    assert (rule.line, rule.at("id"), rule.at("name"), rule.at("absent")) == (2, 2, 5, 2)
    with pytest.raises(DataFileError) as err:
        field(rule, "name", str)
    assert (err.value.row, err.value.field) == (5, "name")


@pytest.mark.parametrize("text", ["", "a: [1, 2\n", "a: 1\n  b: 2\n"])
def test_bad_yaml_is_a_data_file_error(tmp_path: Path, text: str) -> None:
    p = tmp_path / "bad.yaml"
    p.write_text(text)
    with pytest.raises(DataFileError, match=str(p)):
        load_yaml(p)


def test_csv_rows_carry_line_numbers_and_check_columns(tmp_path: Path) -> None:
    p = tmp_path / "t.csv"
    p.write_text("name,country\nACME, CN \nBeta,US\n")
    rows = list(read_csv_rows(p, ["name"]))
    assert rows == [(2, {"name": "ACME", "country": "CN"}), (3, {"name": "Beta", "country": "US"})]
    with pytest.raises(DataFileError, match="missing column"):
        list(read_csv_rows(p, ["list"]))


def test_impossible_date_is_a_data_file_error_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text("name: x\nsource: y\neffective: 2026-13-45\n")
    with pytest.raises(DataFileError) as err:
        load_yaml(path)
    assert err.value.row == 3 and "2026-13-45" in str(err.value)


def test_valid_dates_still_load_as_dates(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text("effective: 2026-11-28\n")
    assert str(load_yaml(path)["effective"]) == "2026-11-28"
