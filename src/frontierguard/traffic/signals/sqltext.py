"""SQL text helpers: the shipped ``.sql`` files, ``{{name}}`` placeholders and literals."""

from __future__ import annotations

import re
from functools import lru_cache

from frontierguard.core.datafiles import package_data

_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


@lru_cache(maxsize=32)
def sql_file(name: str) -> str:
    """A shipped SQL file from ``frontierguard/traffic/sql`` without its ``--`` comment lines."""
    text = package_data("frontierguard.traffic.sql", name).read_text(encoding="utf-8")
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("--"))


def render(template: str, **values: str) -> str:
    """Fill ``{{name}}`` placeholders; every placeholder must be given and every value used."""
    used: set[str] = set()

    def fill(m: re.Match[str]) -> str:
        key = m.group(1)
        if key not in values:
            raise KeyError(f"no value for SQL placeholder {{{{{key}}}}}")
        used.add(key)
        return values[key]

    out = _PLACEHOLDER.sub(fill, template)
    unused = set(values) - used
    if unused:
        raise KeyError(f"unused SQL placeholder value(s): {', '.join(sorted(unused))}")
    return out


def lit(text: str) -> str:
    """A SQL string literal (single quotes doubled)."""
    return "'" + text.replace("'", "''") + "'"


def any_of(patterns: tuple[str, ...] | list[str]) -> str:
    """One regex matching when any of ``patterns`` matches."""
    return patterns[0] if len(patterns) == 1 else "|".join(f"(?:{p})" for p in patterns)
