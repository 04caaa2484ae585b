"""Setting names are valid in environment variables; renamed settings keep their old names
with a warning naming the new one, from overrides, the environment and the command line."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import pytest

from frontierguard.core.errors import ConfigError
from frontierguard.core.settings import (
    NAME,
    Setting,
    SettingRenamedWarning,
    all_settings,
    env_name,
    register,
    resolve,
)

# old name -> new name, a value given as text, the value it resolves to
RENAMED: list[tuple[str, str, str, Any]] = [
    ("controls.iaas_training_flop", "controls_iaas_training_flop", "1e20", 1e20),
    ("controls.pd_include_io_dies", "controls_pd_include_io_dies", "false", False),
    ("controls.redflag_facility_overhead", "controls_redflag_facility_overhead", "2.5", 2.5),
    ("controls.redflag_new_company_days", "controls_redflag_new_company_days", "200", 200),
    ("controls.sparsity_factor", "controls_sparsity_factor", "4", 4.0),
    ("screening.actor", "screening_actor", "analyst-7", "analyst-7"),
    ("screening.algorithm", "screening_algorithm", "logic_v2", "logic_v2"),
    ("screening.candidates", "screening_candidates", "40", 40),
    ("screening.rarity_floor", "screening_rarity_floor", "0.2", 0.2),
    ("screening.report_cutoff", "screening_report_cutoff", "0.4", 0.4),
    ("screening.threshold", "screening_threshold", "0.85", 0.85),
    ("screening.workers", "screening_workers", "3", 3),
    ("web.screening_sessions", "web_screening_sessions", "5", 5),
]
for _module in ("frontierguard.cli", "frontierguard.web.app"):  # they register every setting
    importlib.import_module(_module)
SRC = Path(__file__).resolve().parents[2] / "src"


def _setting(name: str) -> Setting:
    return next(s for s in all_settings() if s.name == name)


def _clear_env(monkeypatch: pytest.MonkeyPatch, old: str, new: str) -> None:
    monkeypatch.delenv(env_name(old), raising=False)
    monkeypatch.delenv(env_name(new), raising=False)


def test_every_setting_name_is_valid_in_an_environment_variable() -> None:
    bad = [s.name for s in all_settings() if not NAME.fullmatch(s.name)]
    assert bad == []
    assert len(all_settings()) >= 50


@pytest.mark.parametrize(("old", "new", "raw", "value"), RENAMED)
def test_old_name_as_override_applies_with_a_warning(monkeypatch: pytest.MonkeyPatch, old: str,
                                                     new: str, raw: str, value: Any) -> None:
    _clear_env(monkeypatch, old, new)
    setting = _setting(new)
    assert old in setting.old_names
    with pytest.warns(SettingRenamedWarning, match=rf"'{old}'.*now '{new}'.*{env_name(new)}"):
        got = resolve([setting], {old: raw})
    assert got == {new: value}


@pytest.mark.parametrize(("old", "new", "raw", "value"), RENAMED)
def test_old_environment_variable_applies_with_a_warning(monkeypatch: pytest.MonkeyPatch, old: str,
                                                         new: str, raw: str, value: Any) -> None:
    _clear_env(monkeypatch, old, new)
    monkeypatch.setenv(env_name(old), raw)
    with pytest.warns(SettingRenamedWarning, match=rf"{env_name(old)}.*now '{new}'"):
        got = resolve([_setting(new)], None)
    assert got == {new: value}


@pytest.mark.parametrize(("old", "new", "raw", "value"), RENAMED)
def test_new_environment_variable_applies_without_a_warning(
        monkeypatch: pytest.MonkeyPatch, recwarn: pytest.WarningsRecorder, old: str, new: str,
        raw: str, value: Any) -> None:
    _clear_env(monkeypatch, old, new)
    monkeypatch.setenv(env_name(new), raw)
    assert resolve([_setting(new)], None) == {new: value}
    assert env_name(new).isidentifier()
    assert not [w for w in recwarn if issubclass(w.category, SettingRenamedWarning)]


def test_new_environment_variable_wins_over_the_old(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTIERGUARD_SCREENING_THRESHOLD", "0.9")
    monkeypatch.setenv("FRONTIERGUARD_SCREENING.THRESHOLD", "0.6")
    assert resolve([_setting("screening_threshold")], None) == {"screening_threshold": 0.9}


@pytest.mark.parametrize(("overrides", "message"), [
    ({"screening.threshold": 0.8, "screening_threshold": 0.9}, "given twice"),
    ({"screening.thresh": 0.8}, "unknown setting 'screening.thresh'"),
    ({"screening.threshold": "high"}, "expects float"),
])
def test_bad_overrides_are_config_errors(monkeypatch: pytest.MonkeyPatch, overrides: dict[str, Any],
                                         message: str) -> None:
    _clear_env(monkeypatch, "screening.threshold", "screening_threshold")
    warns = "screening.threshold" in overrides
    with (pytest.warns(SettingRenamedWarning) if warns else nullcontext(),
          pytest.raises(ConfigError, match=message)):
        resolve([_setting("screening_threshold")], overrides)


@pytest.mark.parametrize(("setting", "message"), [
    (Setting("a.b", int, 1, "dotted"), "names are"),
    (Setting("Upper", int, 1, "capital"), "names are"),
    (Setting("1st", int, 1, "digit first"), "names are"),
    (Setting("test_renamed_twice", int, 1, "old name taken", old_names=("screening_threshold",)),
     "is another setting"),
])
def test_register_rejects_bad_names(setting: Setting, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        register([setting])


def test_the_command_line_prints_the_rename_and_applies_the_value() -> None:
    """An old environment variable reaches a command: stderr names the new variable."""
    argv = [sys.executable, "-c", "from frontierguard.cli import main; main()", "chips", "classify",
            "--tflops-fp8", "1979", "--die-area", "814", "--datacenter", "--sparse", "--json"]
    env = {k: v for k, v in os.environ.items() if "SPARSITY_FACTOR" not in k}
    env["PYTHONPATH"] = str(SRC)
    env["FRONTIERGUARD_CONTROLS.SPARSITY_FACTOR"] = "4"
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120, check=True)
    assert '"tpp": 3958.0' in done.stdout  # 1979 x 8 bits / 4 (default factor 2: 7916)
    assert "FRONTIERGUARD_CONTROLS_SPARSITY_FACTOR" in done.stderr
    assert "'controls_sparsity_factor'" in done.stderr
