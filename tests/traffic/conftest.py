from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def write_jsonl(tmp_path: Path) -> Callable[[str, list[dict[str, Any]]], Path]:
    def write(name: str, records: list[dict[str, Any]]) -> Path:
        p = tmp_path / name
        p.write_text("".join(json.dumps(r) + "\n" for r in records))
        return p

    return write
