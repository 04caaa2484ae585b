"""Fixtures of the sharing tests: a detect output folder and group keys."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from support.sharing_data import ACCOUNTS, VALUES, campaign, write_detections


@pytest.fixture
def detections(tmp_path: Path) -> Path:
    """Decided campaign C001 (8 accounts) and undecided C002."""
    folder: Path = write_detections(
        tmp_path / "det", [campaign("C001", ACCOUNTS),
                           campaign("C002", ["acct_x1", "acct_x2"], False)], VALUES)
    return folder


@pytest.fixture
def make_key(tmp_path: Path) -> Callable[..., Path]:
    def make(name: str = "group.key", secret: str = "k" * 48) -> Path:
        p = tmp_path / name
        p.write_text(secret + "\n", encoding="utf-8")
        return p

    return make


@pytest.fixture
def key_file(make_key: Callable[..., Path]) -> Path:
    return make_key()
