"""The shipped reference data of sharing: indicator kinds, ATLAS references, the extension.

``data/kinds.yaml`` says how each kind leaves the lab and what a match is worth,
``data/atlas.yaml`` lists the MITRE ATLAS techniques every exported campaign cites, and
``data/extension-definition.json`` holds the STIX ``extension-definition`` (and the identity
that defines it) copied into every bundle. Errors name the file, line and field.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from frontierguard.core.datafiles import LineDict, LineList, field, load_yaml, package_data
from frontierguard.core.errors import DataFileError

PACKAGE = "frontierguard.traffic.sharing.data"
LEAVES = ("hashed", "raw")


@dataclass(frozen=True)
class Kind:
    """One indicator kind: its title, how it leaves (hashed or raw), whether it describes the
    proxy network, and its match weight."""

    kind: str
    title: str
    hashed: bool
    network: bool
    weight: float


def _items(doc: Any, key: str, path: Path) -> LineList:
    if not isinstance(doc, LineDict):
        raise DataFileError("expected a mapping at the top", path, 1)
    for name in ("name", "source", "effective"):
        field(doc, name, object)
    items = field(doc, key, list)
    if not items:
        raise DataFileError("empty list", path, doc.at(key), key)
    return items  # type: ignore[return-value]


def _kind(item: Any, path: Path) -> Kind:
    if not isinstance(item, LineDict):
        raise DataFileError("expected a mapping", path, None, "kinds")
    leaves = field(item, "leaves", str)
    if leaves not in LEAVES:
        raise DataFileError(f"expected one of {', '.join(LEAVES)}, got {leaves!r}",
                            path, item.at("leaves"), "leaves")
    weight = field(item, "weight", float)
    if not 0.0 <= weight < 1.0:
        raise DataFileError("weight must be in [0, 1)", path, item.at("weight"), "weight")
    return Kind(field(item, "kind", str), field(item, "title", str), leaves == "hashed",
                field(item, "network", bool), weight)


def load_kinds(path: str | Path | None = None) -> dict[str, Kind]:
    """Kinds by name from ``path`` (default: the shipped ``kinds.yaml``)."""
    p = Path(path) if path is not None else package_data(PACKAGE, "kinds.yaml")
    kinds = [_kind(item, p) for item in _items(load_yaml(p), "kinds", p)]
    return {k.kind: k for k in kinds}


def load_atlas(path: str | Path | None = None) -> list[dict[str, str]]:
    """The ATLAS references as STIX ``external_references`` entries."""
    p = Path(path) if path is not None else package_data(PACKAGE, "atlas.yaml")
    refs = []
    for item in _items(load_yaml(p), "references", p):
        if not isinstance(item, LineDict):
            raise DataFileError("expected a mapping", p, None, "references")
        refs.append({"source_name": "mitre-atlas", "external_id": field(item, "external_id", str),
                     "description": field(item, "description", str),
                     "url": field(item, "url", str)})
    return refs


@lru_cache(maxsize=1)
def _extension_objects() -> tuple[str, ...]:
    p = package_data(PACKAGE, "extension-definition.json")
    try:
        objects = json.loads(p.read_text(encoding="utf-8"))["objects"]
    except (OSError, ValueError, KeyError) as exc:
        raise DataFileError(f"cannot read the extension definition: {exc}", p) from None
    return tuple(json.dumps(o) for o in objects)


def extension_objects() -> list[dict[str, Any]]:
    """The extension-definition and the identity that created it (fresh copies)."""
    return [json.loads(o) for o in _extension_objects()]


def extension_id() -> str:
    """The ``extension-definition--...`` id indicators put under ``extensions``."""
    ids = [o["id"] for o in extension_objects() if o["type"] == "extension-definition"]
    return str(ids[0])


KINDS = load_kinds()
