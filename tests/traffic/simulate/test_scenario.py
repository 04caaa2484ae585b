"""Scenario files: shipped ones load; bad ones fail naming file, line and field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontierguard.core.errors import DataFileError, NotFoundError
from frontierguard.traffic.simulate.infra import load_infra
from frontierguard.traffic.simulate.scenario import SCENARIOS, Scenario, load

COUNTRIES = set(load_infra().utc_offsets)
DEFAULT = SCENARIOS.get("default").path.read_text()


def _line_of(text: str, needle: str) -> int:
    for i, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return i
    raise AssertionError(f"{needle!r} not in text")


@pytest.mark.parametrize("name", SCENARIOS.names())
def test_shipped_scenarios_load(name: str) -> None:
    sc = load(name, COUNTRIES)
    assert isinstance(sc, Scenario) and sc.name == name
    assert sc.groups and all(g.share >= 0 for g in sc.groups)
    assert sc.source and sc.effective.year >= 2025
    assert len(sc.new_models) == 1


def test_default_holds_every_population_and_campaign_kind() -> None:
    sc = load("default", COUNTRIES)
    assert {g.kind for g in sc.groups if not g.campaign} == {
        "casual_chat",
        "ide_agent",
        "enterprise_batch",
        "eval_runner",
        "university",
        "reseller",
    }
    assert {g.kind for g in sc.groups if g.campaign} == {
        "reasoning_harvest",
        "agentic_harvest",
        "mass_harvest",
        "proxy_network",
        "low_and_slow",
    }


# (replace this, with this, field expected, line of this text in the edited file)
BAD = [
    (
        "requests_per_day: 3, spread: 1.0",
        "requests_per_day: -3, spread: 1.0",
        "requests_per_day",
        "requests_per_day: -3",
    ),
    ("{kind: sessions, requests_per_day: 3,", "{kind: hourly, requests_per_day: 3,", "kind", "kind: hourly"),
    ("mix: {chat: 0.46,", "mix: {chatter: 0.46,", "mix", "mix: {chatter"),
    ("profile: human, weekend: 1.15}", "profile: human, weekend: 1.15, speed: 3}", "speed", "speed: 3"),
    ("profile: human, weekend: 1.15}", "profile: lunar, weekend: 1.15}", "profile", "profile: lunar"),
    ("countries: [US, CA, GB]", "countries: [US, XX]", "countries", "countries: [US, XX]"),
    (
        "wrappers: {step: 0.04, paraphrase: 0.01}",
        "wrappers: {step: 0.8, paraphrase: 0.5}",
        "wrappers",
        "wrappers: {step: 0.8",
    ),
    ("created_days: [60, 400]}", "created_days: [400, 60]}", "created_days", "created_days: [400, 60]"),
    ("thinking: 0.2\n", "thinking: lots\n", "thinking", "thinking: lots"),
    ("    min_accounts: 5\n", "    min_accounts: 5.5\n", "min_accounts", "    min_accounts: 5.5"),
    (
        "  - {name: atlas-2, share: 0.15, released: -520}",
        "  - {name: atlas-2, share: 0.15}",
        "released",
        "{name: atlas-2, share: 0.15}",
    ),
    ("  human:   [3, 2, ", "  human:   [2, ", "human", "  human:   [2, "),
]


@pytest.mark.parametrize(("old", "new", "field", "at"), BAD, ids=[b[2] + ":" + b[1][:20] for b in BAD])
def test_bad_scenarios_name_file_line_and_field(
    tmp_path: Path, old: str, new: str, field: str, at: str
) -> None:
    assert old in DEFAULT
    text = DEFAULT.replace(old, new, 1)
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    expected_line = _line_of(text, at)
    with pytest.raises(DataFileError) as info:
        load(path, COUNTRIES)
    err = info.value
    assert (str(err.file), err.field) == (str(path), field)
    assert err.row == expected_line, str(err)
    assert str(path) in str(err) and f"line {expected_line}" in str(err)


def test_missing_section_names_the_group_line(tmp_path: Path) -> None:
    start = DEFAULT.index("  - name: low_and_slow")
    end = DEFAULT.index("    models:", start)
    req = DEFAULT.index("    requests:", start)
    text = DEFAULT[:req] + DEFAULT[end:]
    path = tmp_path / "s.yaml"
    path.write_text(text)
    with pytest.raises(DataFileError) as info:
        load(path, COUNTRIES)
    assert info.value.field == "requests"
    assert info.value.row == _line_of(text, "- name: low_and_slow")


def test_duplicate_group_names_fail(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(DEFAULT.replace("  - name: low_and_slow", "  - name: proxy_network"))
    with pytest.raises(DataFileError, match="duplicate group name"):
        load(path, COUNTRIES)


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("name: x\ndays: [1, 2\nfoo: bar\n")
    with pytest.raises(DataFileError) as info:
        load(path, COUNTRIES)
    assert info.value.file == str(path) and info.value.row is not None


@pytest.mark.parametrize("name", ["nonexistent", "missing.yaml"])
def test_unknown_scenario(name: str) -> None:
    with pytest.raises(NotFoundError):
        load(name, COUNTRIES)


def test_a_scenario_file_by_path(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(DEFAULT.replace("name: default", "name: mine", 1))
    assert load(path, COUNTRIES).name == "mine"
    assert load(str(path), COUNTRIES).file == str(path)


_VALUES = list(re.finditer(r"(?<=: )[^\s,{}\[\]]+(?=[,}\n])", DEFAULT))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    which=st.integers(0, len(_VALUES) - 1),
    junk=st.one_of(
        st.sampled_from(["-1", "1e9", "'x'", "[]", "{}", "null", "true", "2026-13-45", "~", "0"]),
        st.integers(-(10**6), 10**6).map(str),
        st.text(alphabet="abcxyz_", min_size=1, max_size=6),
    ),
)
def test_any_corrupted_value_is_a_clean_error_or_still_valid(tmp_path: Path, which: int, junk: str) -> None:
    m = _VALUES[which]
    path = tmp_path / "fuzz.yaml"
    path.write_text(DEFAULT[: m.start()] + junk + DEFAULT[m.end() :])
    try:
        sc = load(path, COUNTRIES)
    except DataFileError as err:
        assert err.file == str(path) and err.row is not None
    else:
        assert isinstance(sc, Scenario)


def test_an_impossible_date_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    text = DEFAULT.replace("start: 2026-03-02", "start: 2026-13-45")
    path.write_text(text)
    with pytest.raises(DataFileError) as info:
        load(path, COUNTRIES)
    assert info.value.row == _line_of(text, "start: 2026-13-45")
