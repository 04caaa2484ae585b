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


REGEX_CHUNK_CHARS = 1000


def chunks(patterns: list[str], max_chars: int = REGEX_CHUNK_CHARS) -> list[list[str]]:
    """``patterns`` in order, packed into runs of at most ``max_chars`` characters (a pattern
    longer than that gets a run of its own)."""
    out: list[list[str]] = []
    size = 0
    for p in patterns:
        if not out or size + len(p) > max_chars:
            out.append([])
            size = 0
        out[-1].append(p)
        size += len(p)
    return out


def any_match_sql(text: str, patterns: list[str], max_chars: int = REGEX_CHUNK_CHARS) -> str:
    """SQL equal to ``regexp_matches(text, any_of(patterns))``, as a few alternations of at
    most ``max_chars`` characters tried in turn (a CASE, so a chunk runs only on the rows no
    earlier chunk matched).

    One alternation of many patterns can need more automaton states than RE2's memory budget
    holds on texts that keep many patterns partly matched (lists of instruction-like words),
    and RE2 then falls back to a matcher ~100x slower; chunks stay within the budget."""
    whens = [f"WHEN regexp_matches({text}, {lit(any_of(c))}) THEN true"
             for c in chunks(patterns, max_chars)]
    if not whens:
        return f"(CASE WHEN {text} IS NULL THEN NULL ELSE false END)"
    return f"(CASE WHEN {text} IS NULL THEN NULL {' '.join(whens)} ELSE false END)"
