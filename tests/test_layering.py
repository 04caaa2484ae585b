"""The import contracts of ``.importlinter`` hold: core < areas < web, gateway < cli, the areas
independent of each other, and no import cycle between the modules of any package."""

from __future__ import annotations

from pathlib import Path

from importlinter.cli import lint_imports

CONFIG = Path(__file__).resolve().parents[1] / ".importlinter"


def test_import_contracts_hold() -> None:
    assert lint_imports(config_filename=str(CONFIG), no_cache=True, no_logo=True) == 0
