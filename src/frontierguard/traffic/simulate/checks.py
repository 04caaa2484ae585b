"""Small typed validators for YAML mappings; every failure names file, line and field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from pathlib import Path
from typing import Any

import yaml

from frontierguard.core.datafiles import LineDict, LineList, load_yaml
from frontierguard.core.errors import DataFileError

_MISSING = object()


def _fail(m: LineDict, key: str, message: str) -> DataFileError:
    """An error at the value's own line when it is a nested mapping or list, else the key's."""
    line = getattr(m.get(key), "line", 0) or m.at(key)
    return DataFileError(message, m.file, line, key)


def _get(m: LineDict, key: str, default: Any) -> Any:
    if key in m:
        return m[key]
    if default is None:
        raise _fail(m, key, "missing required field")
    return default


def keys(m: LineDict, allowed: set[str]) -> None:
    """Reject unknown keys (typos would otherwise be ignored)."""
    for key in m:
        if key not in allowed:
            raise _fail(m, str(key), f"unknown field (expected one of: {', '.join(sorted(allowed))})")


def mapping(value: Any, parent: LineDict, where: str) -> LineDict:
    if not isinstance(value, LineDict):
        raise DataFileError("expected a mapping", parent.file, getattr(value, "line", parent.line), where)
    return value


def section(m: LineDict, key: str, *, required: bool) -> LineDict:
    """A nested mapping; an absent optional section is an empty mapping at the parent's line."""
    if key not in m:
        if required:
            raise _fail(m, key, "missing required section")
        empty = LineDict()
        empty.file, empty.line = m.file, m.line
        return empty
    value = m[key]
    if not isinstance(value, LineDict):
        raise _fail(m, key, "expected a mapping")
    return value


def sequence(m: LineDict, key: str, *, required: bool = True) -> LineList:
    if key not in m:
        if required:
            raise _fail(m, key, "missing required list")
        return LineList()
    value = m[key]
    if not isinstance(value, LineList):
        raise _fail(m, key, "expected a list")
    return value


def _as_number(m: LineDict, key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _fail(m, key, f"expected a number, got {value!r}")
    return float(value)


def number(m: LineDict, key: str, default: float | None, lo: float, hi: float) -> float:
    value = _as_number(m, key, _get(m, key, default))
    if not lo <= value <= hi:
        raise _fail(m, key, f"must be between {lo:g} and {hi:g}, got {value:g}")
    return value


def integer(m: LineDict, key: str, default: int | None, lo: int, hi: int) -> int:
    value = _get(m, key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(m, key, f"expected an integer, got {value!r}")
    if not lo <= value <= hi:
        raise _fail(m, key, f"must be between {lo} and {hi}, got {value}")
    return value


def boolean(m: LineDict, key: str, default: bool) -> bool:
    value = m.get(key, default)
    if not isinstance(value, bool):
        raise _fail(m, key, f"expected true or false, got {value!r}")
    return value


def choice(m: LineDict, key: str, default: str | None, allowed: Collection[str]) -> str:
    value = _get(m, key, default)
    if value not in allowed:
        raise _fail(m, key, f"must be one of {', '.join(allowed)}, got {value!r}")
    return str(value)


def date(m: LineDict, key: str, default: dt.date | None) -> dt.date:
    value = _get(m, key, default)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise _fail(m, key, f"expected a date (YYYY-MM-DD), got {value!r}")


def _list(m: LineDict, key: str, default: list[Any] | None) -> list[Any]:
    value = _get(m, key, default)
    if not isinstance(value, list):
        raise _fail(m, key, "expected a list")
    return value


def number_list(m: LineDict, key: str, default: list[float] | None, lo: float, hi: float) -> list[float]:
    out = [_as_number(m, key, v) for v in _list(m, key, default)]
    if any(not lo <= v <= hi for v in out):
        raise _fail(m, key, f"values must be between {lo:g} and {hi:g}")
    if not out:
        raise _fail(m, key, "must not be empty")
    return out


def int_list(m: LineDict, key: str, default: list[int] | None, lo: int, hi: int) -> list[int]:
    values = number_list(m, key, default, lo, hi)  # type: ignore[arg-type]
    if any(v != int(v) for v in values):
        raise _fail(m, key, "values must be integers")
    return [int(v) for v in values]


def str_list(m: LineDict, key: str, default: list[str]) -> list[str]:
    out = _list(m, key, default)
    if any(not isinstance(v, str) for v in out):
        raise _fail(m, key, "expected a list of strings")
    return out


def weights(
    m: LineDict,
    key: str,
    default: dict[str, float] | None,
    allowed: Collection[str] | None,
    *,
    total: bool = True,
) -> dict[str, float]:
    """A mapping of name to non-negative weight; with ``total`` the weights must not all be 0."""
    value = _get(m, key, default)
    if not isinstance(value, dict):
        raise _fail(m, key, "expected a mapping of name: weight")
    out: dict[str, float] = {}
    for name, w in value.items():
        if allowed is not None and name not in allowed:
            raise _fail(m, key, f"unknown name {name!r} (expected one of: {', '.join(allowed)})")
        wf = _as_number(m, key, w)
        if wf < 0:
            raise _fail(m, key, f"weight of {name!r} must not be negative")
        out[str(name)] = wf
    if total and sum(out.values()) <= 0:
        raise _fail(m, key, "weights must not all be zero")
    return out


def int_weights(m: LineDict, key: str, default: dict[int, float], lo: int, hi: int) -> dict[int, float]:
    """A mapping of integer value to weight (e.g. ``max_tokens: {1024: 0.5, 4096: 0.5}``)."""
    raw = weights(m, key, {str(k): v for k, v in default.items()}, None)
    out: dict[int, float] = {}
    for name, w in raw.items():
        try:
            k = int(name)
        except ValueError:
            raise _fail(m, key, f"expected integer values, got {name!r}") from None
        if not lo <= k <= hi:
            raise _fail(m, key, f"value {k} must be between {lo} and {hi}")
        out[k] = w
    return out


def load_yaml_checked(path: str | Path) -> Any:
    """``load_yaml``, also turning values YAML cannot construct (``2026-13-45``) into errors."""
    try:
        return load_yaml(path)
    except ValueError as exc:
        if isinstance(exc, DataFileError):
            raise
        line = _unconstructable_line(Path(path).read_text(encoding="utf-8"))
        raise DataFileError(f"invalid value: {exc}", str(path), line) from None


def _unconstructable_line(text: str) -> int | None:
    """The first line holding a scalar that YAML resolves to a type but cannot build."""
    stack = [yaml.compose(text, Loader=yaml.SafeLoader)]
    loader = yaml.SafeLoader("")
    while stack:
        node = stack.pop(0)
        if isinstance(node, yaml.ScalarNode):
            try:
                loader.construct_object(node, deep=True)
            except ValueError:
                return int(node.start_mark.line) + 1
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(x for pair in node.value for x in pair)
    return None
