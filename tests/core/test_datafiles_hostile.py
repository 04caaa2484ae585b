"""Data-file loaders: non-UTF-8 and characters YAML forbids are DataFileErrors with the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontierguard.core.datafiles import load_yaml
from frontierguard.core.errors import DataFileError


@pytest.mark.parametrize(("data", "message"), [
    (b"a: 1\nb: \x80\n", "line 2: not UTF-8 text"),
    (b"a: 1\nb: x\x00y\n", "line 2: invalid YAML"),
    (b"\x00", "line 1: invalid YAML"),
])
def test_unreadable_yaml_is_a_located_error(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "rules.yaml"
    path.write_bytes(data)
    with pytest.raises(DataFileError, match=message):
        load_yaml(path)
