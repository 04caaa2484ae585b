"""The published algorithms are siblings: registered by the names users pass, each with its
own index and qualifiers, none importing another, and no private third-party names."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import frontierguard.controls.screening as screening
from frontierguard.controls.screening.algorithms import ALGORITHMS
from frontierguard.controls.screening.config import DEFAULTS
from frontierguard.controls.screening.engine import Screener
from frontierguard.controls.screening.logic_v1.index import NameIndex
from frontierguard.controls.screening.logic_v2.index import BoundIndex as V2Index
from frontierguard.controls.screening.logic_v3.index import BoundIndex as V3Index
from frontierguard.controls.screening.model import ListEntry

PACKAGE = Path(screening.__file__).parent
VERSIONS = sorted(p.name for p in PACKAGE.glob("logic_v*") if p.is_dir())


def _imports(path: Path) -> list[str]:
    """Every module (and module.name) a source file imports."""
    out: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            out += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    return out


def test_every_version_package_is_registered_by_its_name() -> None:
    assert VERSIONS == ["logic_v1", "logic_v2", "logic_v3"]
    assert ALGORITHMS.names() == VERSIONS


@pytest.mark.parametrize("version", VERSIONS)
def test_no_version_imports_another(version: str) -> None:
    others = [v for v in VERSIONS if v != version]
    found = [(path.name, name) for path in (PACKAGE / version).glob("*.py") for name in _imports(path)
             if any(f"screening.{other}" in name for other in others)]
    assert found == []


def test_no_private_third_party_names() -> None:
    found = [(str(path.relative_to(PACKAGE)), name) for path in PACKAGE.rglob("*.py")
             for name in _imports(path)
             if not name.startswith("frontierguard") and any(part.startswith("_") for part in name.split("."))
             and name != "__future__.annotations" and name != "__future__"]
    assert found == []


@pytest.mark.parametrize(("version", "index", "rarity"), [
    ("logic_v1", NameIndex, False), ("logic_v2", V2Index, True), ("logic_v3", V3Index, True),
])
def test_each_algorithm_brings_its_index_and_weighting(version: str, index: type, rarity: bool) -> None:
    spec = ALGORITHMS.get(version)
    screener = Screener.build([ListEntry("1", "TEST", "Mahan Air")], algorithm=version)
    assert isinstance(screener.index, index) and (screener.rarity is not None) is rarity
    qualifiers = {f.name for f in spec.scorer.features if f.qualifier and f.weight > 0}
    assert set(spec.qualifiers) == qualifiers  # every score-raising qualifier says what it needs


def test_screener_defaults_to_the_setting_default() -> None:
    screener = Screener.build([ListEntry("1", "TEST", "Mahan Air")])
    assert screener.algorithm.name == DEFAULTS["screening_algorithm"] == "logic_v3"
