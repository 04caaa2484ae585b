"""Rules and reference data as files: YAML and CSV loaders that remember line numbers.

Every mapping loaded from YAML is a :class:`LineDict`, which knows the line it
started on, so a validator can raise :class:`DataFileError` naming file and line.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

from frontierguard.core.errors import DataFileError, InputError

T = TypeVar("T")


class LineDict(dict[str, Any]):
    """A dict loaded from YAML, carrying the 1-based line where it starts and the line of
    each of its keys."""

    line: int = 0
    file: str = ""
    key_lines: dict[str, int] | None = None

    def at(self, key: str) -> int:
        """The 1-based line of ``key`` (the mapping's own line when the key is absent)."""
        return (self.key_lines or {}).get(key, self.line)


class LineList(list[Any]):
    """A list loaded from YAML, carrying the 1-based line where it starts."""

    line: int = 0
    file: str = ""


class _LineLoader(yaml.SafeLoader):
    source: str = ""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    out = LineDict(loader.construct_pairs(node, deep=True))
    out.line = node.start_mark.line + 1
    out.file = loader.source
    out.key_lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    return out


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_sequence(node, deep=True))
    out.line = node.start_mark.line + 1
    out.file = loader.source
    return out


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> Any:
    """A date or timestamp; an impossible one (2026-13-45) is an error at its line."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError as exc:
        raise yaml.constructor.ConstructorError(
            None, None, f"invalid date {node.value!r} ({exc})", node.start_mark) from None


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def _reader_error(exc: yaml.reader.ReaderError, text: str, source: str) -> DataFileError:
    """A character YAML does not allow (e.g. NUL), with its line."""
    line = text[:exc.position].count("\n") + 1
    return DataFileError(f"invalid YAML: {exc.reason} (character {exc.character:#x})", source, line)


def load_yaml_text(text: str, source: str) -> Any:
    """Parse YAML text; syntax errors become :class:`DataFileError` with the line."""
    try:
        loader = _LineLoader(text)  # the reader checks the characters here already
    except yaml.reader.ReaderError as exc:
        raise _reader_error(exc, text, source) from None
    loader.source = source
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise DataFileError(f"invalid YAML: {exc.problem}", source, line) from None
    except yaml.reader.ReaderError as exc:
        raise _reader_error(exc, text, source) from None
    except yaml.YAMLError as exc:
        raise DataFileError(f"invalid YAML: {exc}", source) from None
    finally:
        loader.dispose()


def load_yaml(path: str | Path) -> Any:
    """Load a YAML file with line-aware mappings."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise DataFileError(f"cannot read file: {exc.strerror}", p) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise DataFileError(f"not UTF-8 text (byte {raw[exc.start]:#04x})", p, line) from None
    if not text.strip():
        raise DataFileError("file is empty", p)
    return load_yaml_text(text, str(p))


def load_json_object(path: str | Path) -> dict[str, Any]:
    """A user's JSON file that must hold one object; anything else is an InputError naming it."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", p) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", p, exc.lineno) from None
    if not isinstance(data, dict):
        raise InputError("expected a JSON object", p)
    return data


def package_data(package: str, name: str) -> Path:
    """Path of a data file shipped inside a frontierguard package."""
    return Path(str(resources.files(package).joinpath(name)))


def field(
    mapping: LineDict, key: str, kind: type[T], *, required: bool = True, default: T | None = None
) -> T:
    """Fetch ``mapping[key]`` checking its type; errors name file, line and field."""
    if key not in mapping:
        if required:
            raise DataFileError("missing required field", mapping.file, mapping.at(key), key)
        return default  # type: ignore[return-value]
    value = mapping[key]
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise DataFileError(
            f"expected {kind.__name__}, got {type(value).__name__}", mapping.file,
            mapping.at(key), key)
    return value


def read_csv_rows(path: str | Path, required: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line_number, row)`` from a CSV with a header; checks required columns."""
    p = Path(path)
    try:
        fh = p.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise DataFileError(f"cannot read file: {exc.strerror}", p) from None
    with fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames is None:
            raise DataFileError("file is empty", p)
        missing = [c for c in required if c not in reader.fieldnames]
        if missing:
            raise DataFileError(f"missing column(s): {', '.join(missing)}", p, 1)
        for row in reader:
            yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}
