"""The UN Security Council Consolidated List in its official XML layout.

Individuals are named by FIRST_NAME .. FOURTH_NAME, entities by FIRST_NAME; aliases of
quality ``Low`` (the UN's own mark for weak aliases) are not indexed, ``Good`` and
unmarked ones are; NAME_ORIGINAL_SCRIPT is indexed as an alias.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

from frontierguard.controls.screening.model import ListEntry
from frontierguard.core.errors import InputError

_NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")


def _text(node: ET.Element, path: str) -> str:
    found = node.find(path)
    return (found.text or "").strip() if found is not None else ""


def _texts(node: ET.Element, path: str) -> list[str]:
    return [(n.text or "").strip() for n in node.findall(path) if (n.text or "").strip()]


def list_date(root: ET.Element) -> dt.date | None:
    """The list's date from the ``dateGenerated`` attribute, if present."""
    stamp = root.get("dateGenerated", "")
    try:
        return dt.date.fromisoformat(stamp[:10]) if stamp else None
    except ValueError:
        return None


def _entry(node: ET.Element, kind: str, path: Path, index: int) -> ListEntry:
    tag = "INDIVIDUAL" if kind == "person" else "ENTITY"
    data_id = _text(node, "DATAID")
    name = " ".join(p for p in (_text(node, t) for t in _NAME_PARTS) if p)
    if not data_id:
        raise InputError("DATAID is missing", path, index, "DATAID", "record")
    if not name:
        raise InputError(f"record {data_id} has no name", path, index, "FIRST_NAME", "record")
    aliases = [
        _text(a, "ALIAS_NAME") for a in node.findall(f"{tag}_ALIAS")
        if _text(a, "ALIAS_NAME") and _text(a, "QUALITY").lower() != "low"
    ]
    aliases += _texts(node, "NAME_ORIGINAL_SCRIPT")
    addresses = [
        ", ".join(p for p in (_text(a, t) for t in ("STREET", "CITY", "STATE_PROVINCE", "COUNTRY")) if p)
        for a in node.findall(f"{tag}_ADDRESS")
    ]
    return ListEntry(
        entry_id=_text(node, "REFERENCE_NUMBER") or data_id, list_name="UN", name=name, kind=kind,
        aliases=aliases, addresses=[a for a in addresses if a],
        countries=_texts(node, "NATIONALITY/VALUE") + _texts(node, f"{tag}_ADDRESS/COUNTRY"),
        identifiers=_texts(node, "INDIVIDUAL_DOCUMENT/NUMBER"),
        programs=_texts(node, "UN_LIST_TYPE"),
    )


def load_un(path: Path) -> tuple[list[ListEntry], dt.date | None]:
    """Load individuals then entities; records are numbered from 1 in errors."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError(f"invalid XML: {exc}", path, exc.position[0], row_kind="line") from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path) from None
    if root.tag != "CONSOLIDATED_LIST":
        raise InputError(f"expected a CONSOLIDATED_LIST document, found <{root.tag}>", path)
    nodes = [(n, "person") for n in root.iterfind("INDIVIDUALS/INDIVIDUAL")]
    nodes += [(n, "organization") for n in root.iterfind("ENTITIES/ENTITY")]
    return [_entry(n, kind, path, i) for i, (n, kind) in enumerate(nodes, 1)], list_date(root)
