"""Typed tunables with descriptions, listable from the CLI and the API."""

from __future__ import annotations

import os
from collections.abc import Iterable
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
        }


_ALL: dict[str, Setting] = {}


def register(settings: Iterable[Setting]) -> None:
    """Add an area's settings to the global list (called once at import)."""
    for s in settings:
        if s.name in _ALL and _ALL[s.name] != s:
            raise ValueError(f"duplicate setting {s.name!r}")
        _ALL[s.name] = s


def all_settings() -> list[Setting]:
    return sorted(_ALL.values(), key=lambda s: (s.area, s.name))


def env_name(name: str) -> str:
    """The environment variable that overrides a setting's default."""
    return "FRONTIERGUARD_" + name.upper()


def resolve(settings: Iterable[Setting], overrides: dict[str, Any] | None) -> dict[str, Any]:
    """Defaults, then ``FRONTIERGUARD_<NAME>`` environment variables, then ``overrides``.

    Unknown override names are an error.
    """
    table = {s.name: s for s in settings}
    out = {s.name: s.default for s in table.values()}
    for s in table.values():
        if env_name(s.name) in os.environ:
            out[s.name] = s.parse(os.environ[env_name(s.name)])
    for key, value in (overrides or {}).items():
        if key not in table:
            raise ConfigError(f"unknown setting {key!r} (known: {', '.join(sorted(table))})")
        out[key] = table[key].parse(value)
    return out
