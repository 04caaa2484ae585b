"""The store's connections spill under the system temp directory or the setting, never the cwd."""

from __future__ import annotations

import tempfile
from pathlib import Path

import duckdb
import pytest

from frontierguard.core import store


def _temp_directory(con: duckdb.DuckDBPyConnection) -> str:
    row = con.execute("SELECT current_setting('temp_directory')").fetchone()
    assert row is not None
    return str(row[0])


@pytest.mark.parametrize("target", [":memory:", "file"])
def test_spill_dir_defaults_to_system_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           target: str) -> None:
    monkeypatch.delenv("FRONTIERGUARD_STORE_SPILL_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    con = store.connect(":memory:" if target == ":memory:" else tmp_path / "s.duckdb")
    spill = Path(_temp_directory(con))
    con.close()
    assert spill.is_relative_to(Path(tempfile.gettempdir()))
    assert not spill.is_relative_to(tmp_path)


def test_spill_dir_follows_the_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTIERGUARD_STORE_SPILL_DIR", str(tmp_path / "spill"))
    con = store.connect(":memory:")
    assert Path(_temp_directory(con)) == tmp_path / "spill"
    con.close()

