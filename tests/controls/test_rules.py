"""Rule sets and country groups as versioned data: loading, dates, errors naming file and line."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from frontierguard.controls.rules import all_rule_sets, country, rule_set_for, rules_dir
from frontierguard.core.errors import DataFileError, InputError, NotFoundError

VERSIONS = [("ac-2023-10", "2023-11-17"), ("ac-2024-04", "2024-04-04"), ("ac-2024-12", "2024-12-02"),
            ("ac-2025-01", "2025-01-13"), ("ac-2025-05", "2025-05-13"), ("ac-2026-01", "2026-01-15")]


def test_every_rule_set_loads_with_citation() -> None:
    sets = all_rule_sets()
    assert [(r.id, r.effective.isoformat()) for r in sets] == VERSIONS
    assert all(r.citation and r.source and r.requirements and r.review_policies for r in sets)


@pytest.mark.parametrize(("rule_id", "effective"), VERSIONS)
def test_rule_set_in_force_either_side_of_its_date(rule_id: str, effective: str) -> None:
    day = dt.date.fromisoformat(effective)
    assert rule_set_for(day).id == rule_id
    before = day - dt.timedelta(days=1)
    if rule_id == "ac-2023-10":
        with pytest.raises(NotFoundError, match="no advanced-computing rule set"):
            rule_set_for(before)
    else:
        assert rule_set_for(before).id != rule_id


def test_hong_kong_is_treated_as_china() -> None:
    groups = rule_set_for(dt.date(2026, 1, 1)).groups
    assert "D:5" in groups.of("HK") and groups.of("SG") == {"A:6"}


@pytest.mark.parametrize(("value", "ok"), [("sg", "SG"), (" CN ", "CN"), ("XX", None), ("China", None)])
def test_country_codes(value: str, ok: str | None) -> None:
    if ok:
        assert country(value, "destination") == ok
    else:
        with pytest.raises(InputError) as err:
            country(value, "destination")
        assert err.value.field == "destination"


def _copy_rules(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(rules_dir(), folder)
    return folder


@pytest.mark.parametrize(("old", "new", "field"), [
    ("effective: 2024-04-04", "effective: soon", "effective"),
    ("    when: {hq_or_parent_in: [\"D:5\", \"MO\"]}", "    when: {hq_in: [\"D:5\"]}", "when.hq_in"),
    ("  tpp_a: 4800", "  tpp_a: lots", "tpp_a"),
    ("    effect: licence_required", "    effect: maybe", "effect"),
])
def test_bad_rule_file_names_file_line_and_field(tmp_path: Path, old: str, new: str, field: str) -> None:
    folder = _copy_rules(tmp_path)
    path = folder / "ac_2024_04.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        all_rule_sets(folder)
    assert err.value.field == field and err.value.row is not None
    assert "ac_2024_04.yaml" in str(err.value)


def test_unquoted_norway_is_caught(tmp_path: Path) -> None:
    folder = _copy_rules(tmp_path)
    path = folder / "country_groups_v1.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('"NO"', "NO"), encoding="utf-8")
    with pytest.raises(DataFileError, match="list of strings"):
        all_rule_sets(folder)


def test_a_new_rule_set_is_a_data_change(tmp_path: Path) -> None:
    folder = _copy_rules(tmp_path)
    text = (folder / "ac_2026_01.yaml").read_text(encoding="utf-8")
    (folder / "ac_2027_01.yaml").write_text(
        text.replace("id: ac-2026-01", "id: ac-2027-01").replace("effective: 2026-01-15",
                                                                 "effective: 2027-01-01")
        .replace("tpp_a: 4800", "tpp_a: 6000"), encoding="utf-8")
    assert rule_set_for(dt.date(2027, 2, 1), folder).classification.tpp_a == 6000
    assert rule_set_for(dt.date(2026, 12, 31), folder).id == "ac-2026-01"
