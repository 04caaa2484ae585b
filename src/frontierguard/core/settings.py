"""Typed tunables with descriptions, listable from the CLI and the API.

Every setting has a name valid as part of an environment variable (``[a-z][a-z0-9_]*``), so
``FRONTIERGUARD_<NAME>`` can be exported from any shell. A renamed setting keeps its old
names: given as an override or in the environment, an old name still works and prints a
:class:`SettingRenamedWarning` naming the new one.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from frontierguard.core.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    """One tunable: a name, a type, a default and the sentence a user reads."""

    name: str
    type: type
    default: Any
    description: str
    area: str = ""
    old_names: tuple[str, ...] = ()  # earlier names, still accepted with a warning

    def parse(self, value: Any) -> Any:
        """Coerce a user-supplied value (often a string) to this setting's type."""
        try:
            if self.type is bool and isinstance(value, str):
                if value.lower() in ("1", "true", "yes", "on"):
                    return True
                if value.lower() in ("0", "false", "no", "off"):
                    return False
                raise ValueError(value)
            return self.type(value)
        except (TypeError, ValueError):
            raise ConfigError(
                f"setting {self.name!r} expects {self.type.__name__}, got {value!r}"
            ) from None

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "area": self.area,
            "type": self.type.__name__,
            "default": self.default,
            "description": self.description,
            "old_names": list(self.old_names),
        }


class SettingRenamedWarning(DeprecationWarning):
    """A setting was given under a name it no longer has."""


# shown to users (once per message), unlike other deprecation warnings
warnings.filterwarnings("default", category=SettingRenamedWarning)
NAME = re.compile(r"[a-z][a-z0-9_]*")


_ALL: dict[str, Setting] = {}


def register(settings: Iterable[Setting]) -> None:
    """Add an area's settings to the global list (called once at import)."""
    for s in settings:
        for old in s.old_names:
            if old in _ALL:
                raise ValueError(f"setting {s.name!r}: old name {old!r} is another setting")
        if not NAME.fullmatch(s.name):
            raise ValueError(f"setting {s.name!r}: names are [a-z][a-z0-9_]* (valid in "
                             "environment variables)")
        if s.name in _ALL and _ALL[s.name] != s:
            raise ValueError(f"duplicate setting {s.name!r}")
        _ALL[s.name] = s


def all_settings() -> list[Setting]:
    return sorted(_ALL.values(), key=lambda s: (s.area, s.name))


def env_name(name: str) -> str:
    """The environment variable that overrides a setting's default."""
    return "FRONTIERGUARD_" + name.upper()


def _renamed(old: str, new: str, where: str) -> None:
    warnings.warn(f"{where} uses the old setting name {old!r}; it is now {new!r} (environment "
                  f"variable {env_name(new)})", SettingRenamedWarning, stacklevel=4)


def _from_env(s: Setting) -> str | None:
    """The raw environment value for ``s``: its own variable first, then its old names'."""
    if env_name(s.name) in os.environ:
        return os.environ[env_name(s.name)]
    for old in s.old_names:
        if env_name(old) in os.environ:
            _renamed(old, s.name, f"environment variable {env_name(old)}")
            return os.environ[env_name(old)]
    return None


def _current_names(table: Mapping[str, Setting], overrides: Mapping[str, Any]) -> dict[str, Any]:
    """``overrides`` keyed by current names; an old name warns, an unknown one is an error."""
    renamed = {old: s.name for s in table.values() for old in s.old_names}
    out: dict[str, Any] = {}
    for key, value in overrides.items():
        name = renamed.get(key, key)
        if name not in table:
            raise ConfigError(f"unknown setting {key!r} (known: {', '.join(sorted(table))})")
        if name in out:
            raise ConfigError(f"setting {name!r} is given twice (once as {key!r})")
        if name != key:
            _renamed(key, name, "an override")
        out[name] = value
    return out


def resolve(settings: Iterable[Setting], overrides: dict[str, Any] | None) -> dict[str, Any]:
    """Defaults, then ``FRONTIERGUARD_<NAME>`` environment variables, then ``overrides``.

    Unknown override names are an error; old names of a renamed setting are accepted with a
    :class:`SettingRenamedWarning`.
    """
    table = {s.name: s for s in settings}
    out = {s.name: s.default for s in table.values()}
    for s in table.values():
        raw = _from_env(s)
        if raw is not None:
            out[s.name] = s.parse(raw)
    for name, value in _current_names(table, overrides or {}).items():
        out[name] = table[name].parse(value)
    return out
