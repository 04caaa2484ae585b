"""Fixtures for the gateway tests: the test's own upstream and a live gateway."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from support.gateway_live import Live, run_gateway, serve
from support.model_upstream import create_upstream


@pytest.fixture(scope="module")
def upstream() -> Iterator[str]:
    with serve(create_upstream(), lifespan="off") as url:
        yield url


@pytest.fixture
def watchlist(tmp_path: Path) -> Path:
    path = tmp_path / "watchlist.csv"
    path.write_text("account_id,standing,reason\n", encoding="utf-8")
    return path


@pytest.fixture
def live(tmp_path: Path, upstream: str, watchlist: Path) -> Iterator[Live]:
    with run_gateway(tmp_path, upstream, watchlist=watchlist) as gw:
        yield gw
